"""The officer's profile on this device: an ``officers`` record tied to the device identity."""

from __future__ import annotations

from .core.records import Officer
from .store.errors import InvalidInput
from .store.store import Store

OFFICER_KEY = "officer_id"


def create_profile(store: Store, name: str, nip: str, office: str, position: str | None) -> str:
    """Record this device's officer; refuses when the database already has one."""
    if store.meta(OFFICER_KEY):
        raise InvalidInput("Basis data ini sudah memiliki profil petugas.")
    officer_id = store.write(
        Officer.TABLE,
        {
            "name": name,
            "nip": nip,
            "office": office,
            "position": position,
            "device_id": store.device_id,
        },
    )
    store.set_meta(OFFICER_KEY, officer_id)
    store.set_meta("office", office)
    return officer_id


def current_officer(store: Store) -> Officer | None:
    """This device's officer, or None before first run is finished."""
    officer_id = store.meta(OFFICER_KEY)
    return store.get(Officer, officer_id) if officer_id else None
