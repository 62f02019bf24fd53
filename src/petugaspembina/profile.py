"""The officer's profile on this device: an ``officers`` record tied to the device identity."""

from __future__ import annotations

from .core.records import Officer
from .store.errors import InvalidInput
from .store.store import Store

OFFICER_KEY = "officer_id"
ROLE_KEY = "role"  # a local setting: it does not travel in bundles
OFFICER_ROLE = "petugas"
OFFICE_ROLE = "kantor"


def role_of(store: Store) -> str:
    """This device's role: ``petugas`` (field officer, the default) or ``kantor`` (office clerk)."""
    return store.get_setting(ROLE_KEY, OFFICER_ROLE) or OFFICER_ROLE


def set_role(store: Store, role: str) -> None:
    """Remember this device's role."""
    store.set_setting(ROLE_KEY, OFFICE_ROLE if role == OFFICE_ROLE else OFFICER_ROLE)


def create_profile(store: Store, name: str, nip: str, office: str, position: str | None) -> str:
    """Record this device's officer; refuses when the database already has one.

    The office profile (documents' letterhead, the head of office's position, the city) is filled
    from the office's name unless this database already has one (e.g. from the office's bundle).
    """
    from .documents.office import PROFILE_KEY, profile_for_office, save_office_profile

    if store.meta(OFFICER_KEY):
        raise InvalidInput("Basis data ini sudah memiliki profil petugas.")
    with store.transaction():
        officer_id = _create(store, name, nip, office, position)
        if not store.meta(PROFILE_KEY):
            save_office_profile(store, profile_for_office(office))
    return officer_id


def _create(store: Store, name: str, nip: str, office: str, position: str | None) -> str:
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
