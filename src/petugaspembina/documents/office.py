"""The office profile used on documents: stored as a synced record, with defaults for a Kanim."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from ..core.records import OfficeProfile, field_kinds
from ..store.errors import NotFound
from ..store.store import Store

PROFILE_KEY = "office_profile_id"
DEFAULT_PATTERN = "{seq:04d}/SERT-PIMPASA/{device}/{month_roman}/{year}"
DEFAULTS: dict[str, Any] = {
    "letterhead": [
        "KEMENTERIAN IMIGRASI DAN PEMASYARAKATAN REPUBLIK INDONESIA",
        "DIREKTORAT JENDERAL IMIGRASI",
        "KANTOR WILAYAH BENGKULU",
        "KANTOR IMIGRASI KELAS I TPI BENGKULU",
    ],
    "address": "Jl. Contoh No. 1, Kota Bengkulu 38000",
    "phone": "(0736) 000000",
    "website": "bengkulu.imigrasi.go.id",
    "city": "Bengkulu",
    "signatory_name": "Nama Kepala Kantor",
    "signatory_nip": "197001011995031001",
    "signatory_position": "Kepala Kantor Imigrasi Kelas I TPI Bengkulu",
    "signatory_prefix": "",
    "certificate_title": "SERTIFIKAT",
    "certificate_body": (
        "Telah mengikuti kegiatan {kegiatan} yang diselenggarakan oleh {kantor} "
        "pada tanggal {tanggal} bertempat di {tempat}."
    ),
    "numbering_pattern": DEFAULT_PATTERN,
}


def office_profile(store: Store) -> OfficeProfile:
    """This office's profile; fields never set fall back to the defaults."""
    record_id = store.meta(PROFILE_KEY)
    values = dict(DEFAULTS)
    if record_id:
        try:
            stored = asdict(store.get(OfficeProfile, record_id))
        except NotFound:
            stored = {}
        values.update({k: v for k, v in stored.items() if v not in (None, [], "")})
    values.pop("id", None)
    values.pop("deleted", None)
    return OfficeProfile(id=record_id or "", **values)


def save_office_profile(store: Store, values: dict[str, Any]) -> str:
    """Store changed profile fields (creating the record on first save); returns its id."""
    known = field_kinds(OfficeProfile)
    clean = {k: v for k, v in values.items() if k in known}
    record_id = store.meta(PROFILE_KEY)
    if record_id:
        store.write(OfficeProfile.TABLE, clean, record_id)
        return record_id
    record_id = store.write(OfficeProfile.TABLE, clean)
    store.set_meta(PROFILE_KEY, record_id)
    return record_id
