"""Referral cases: creation from a person, the status workflow (docs/app.md), the dated timeline."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from typing import Any

from ..core.changes import Change
from ..core.enums import REFERRAL_TRANSITIONS, AgencyKind, ReferralStatus
from ..core.records import Agency, Person, Referral, ReferralEvent, record_from_row
from ..core.validation import is_minor
from .audit import record_audit
from .errors import InvalidInput
from .store import Edit, Store
from .versions import apply_changes

# The receiving agencies every new database starts with (editable like any agency).
DEFAULT_AGENCIES: tuple[tuple[str, AgencyKind, str, str], ...] = (
    (
        "uptd-ppa",
        AgencyKind.UPTD_PPA,
        "UPTD PPA",
        "Unit Pelaksana Teknis Daerah Perlindungan Perempuan dan Anak",
    ),
    ("polri-ppa", AgencyKind.POLRI, "Polres/Polda (Unit PPA)", "Unit PPA Polres/Polda"),
    ("bp3mi", AgencyKind.KP2MI, "BP3MI", "Balai Pelayanan Pelindungan Pekerja Migran Indonesia"),
    ("lpsk", AgencyKind.LPSK, "LPSK", "Lembaga Perlindungan Saksi dan Korban"),
    ("dinsos", AgencyKind.DINSOS, "Dinas Sosial", "Dinas Sosial Kabupaten/Kota"),
    ("disnaker", AgencyKind.DISNAKER, "Disnaker", "Dinas Tenaga Kerja"),
    (
        "p2tp2a",
        AgencyKind.UPTD_PPA,
        "P2TP2A",
        "Pusat Pelayanan Terpadu Pemberdayaan Perempuan dan Anak",
    ),
)
# Fixed ids and one fixed HLC (no real device has the all-zero id): two devices that seed write
# the very same field versions, so a merge keeps one copy and later edits supersede it everywhere.
_SEED_NAMESPACE = uuid.UUID("6f1d3b8e-2a4c-5e7f-9b1d-3c5e7f9a1b2d")
SEED_HLC = "2026-01-01T00:00:00.000Z/0000/" + "0" * 32


def default_agency_id(key: str) -> str:
    """The fixed record id of a default agency (the same on every device)."""
    return str(uuid.uuid5(_SEED_NAMESPACE, f"agency:{key}"))


def seed_changes() -> list[Change]:
    """The default agencies as the field versions every device writes identically."""
    return [
        Change(
            Agency.TABLE,
            default_agency_id(key),
            SEED_HLC,
            {"kind": kind.value, "abbreviation": abbr, "full_name": full, "active": True},
        )
        for key, kind, abbr, full in DEFAULT_AGENCIES
    ]


def seed_agencies(store: Store) -> int:
    """Give a database without any agency the default list; returns the agencies added.

    Idempotent, and a database that already holds agencies (its own or received) is left alone.
    """
    if store.rows("SELECT 1 FROM agencies LIMIT 1"):
        return 0
    changes = seed_changes()
    with store.transaction() as conn:
        apply_changes(conn, changes)
        for change in changes:
            record_audit(
                conn,
                "create",
                hlc=change.hlc,
                table=change.table,
                record_id=change.id,
                detail=",".join(sorted(change.values)),
                source="local",
            )
    return len(changes)


def create_referral(
    store: Store, person_id: str, values: dict[str, Any], today: date | None = None
) -> str:
    """A new case in Draf for ``person_id``, with its first timeline entry."""
    store.get(Person, person_id)
    if not values.get("risk_type"):
        raise InvalidInput("Pilih jenis risiko.", "risk_type")
    referral_id = store.write_many(
        [
            Edit(
                Referral.TABLE,
                {**values, "person_id": person_id, "status": ReferralStatus.DRAF.value},
            ),
        ]
    )[0]
    store.write(
        ReferralEvent.TABLE,
        {
            "referral_id": referral_id,
            "event_date": (today or date.today()).isoformat(),
            "status": ReferralStatus.DRAF.value,
            "note": "Kasus dicatat.",
        },
    )
    return referral_id


def allowed_next(status: str) -> list[ReferralStatus]:
    """The statuses a case may move to from ``status``."""
    return sorted(
        REFERRAL_TRANSITIONS.get(ReferralStatus(status), frozenset()),
        key=lambda s: list(ReferralStatus).index(s),
    )


def change_status(
    store: Store,
    referral_id: str,
    new_status: ReferralStatus,
    note: str = "",
    on: date | None = None,
) -> None:
    """Move a case along the workflow and log it; refuses steps the workflow does not allow."""
    referral = store.get(Referral, referral_id)
    if new_status not in allowed_next(referral.status):
        raise InvalidInput(
            f"Status {ReferralStatus(referral.status).label} tidak dapat diubah menjadi "
            f"{new_status.label}.",
            "status",
        )
    if new_status == ReferralStatus.DIRUJUK:  # every missing item at once
        missing: list[tuple[str, str]] = []
        if not referral.consent_share:
            missing.append(
                (
                    "consent_share",
                    "Rujukan memerlukan persetujuan berbagi data dari yang bersangkutan.",
                )
            )
        person = store.get(Person, referral.person_id, include_deleted=True)
        if is_minor(person.birth_year, on or date.today()) and not referral.guardian_consent:
            missing.append(
                (
                    "guardian_consent",
                    "Untuk anak di bawah 18 tahun diperlukan persetujuan orang tua/wali.",
                )
            )
        if not referral.agency_id:
            missing.append(("agency_id", "Pilih instansi penerima rujukan."))
        if missing:
            raise InvalidInput(" ".join(text for _, text in missing), missing[0][0])
    day = (on or date.today()).isoformat()
    changes: dict[str, Any] = {"status": new_status.value}
    if new_status == ReferralStatus.DIRUJUK and not referral.referred_on:
        changes["referred_on"] = day
    if new_status in (ReferralStatus.SELESAI, ReferralStatus.DIBATALKAN) and note:
        changes["closure_reason"] = note
    store.write_many(
        [
            Edit(Referral.TABLE, changes, referral_id),
            Edit(
                ReferralEvent.TABLE,
                {
                    "referral_id": referral_id,
                    "event_date": day,
                    "status": new_status.value,
                    "note": note or None,
                },
            ),
        ]
    )


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """One dated step of a case."""

    event_date: str
    status: str | None
    note: str | None


def timeline(store: Store, referral_id: str) -> list[TimelineEntry]:
    """A case's follow-ups, oldest first."""
    rows = store.rows(
        """SELECT * FROM referral_events WHERE referral_id = ? AND deleted = 0
           ORDER BY event_date, updated_hlc""",
        (referral_id,),
    )
    out = []
    for row in rows:
        event = record_from_row(ReferralEvent, row)
        assert isinstance(event, ReferralEvent)
        out.append(TimelineEntry(event.event_date, event.status, event.note))
    return out


def agencies(store: Store) -> list[tuple[str, str]]:
    """(id, "abbreviation — full name") of active receiving agencies."""
    return [
        (row["id"], f"{row['abbreviation']} — {row['full_name']}")
        for row in store.rows(
            "SELECT id, abbreviation, full_name FROM agencies WHERE deleted = 0 AND coalesce(active, 1) = 1 "
            "ORDER BY abbreviation COLLATE NOCASE"
        )
    ]


def update_referral(store: Store, referral_id: str, values: dict[str, Any]) -> list[str]:
    """Save a case's edited details: only fields that changed become new versions.

    Returns the names of the fields written (empty when nothing changed).
    """
    current = store.get(Referral, referral_id)
    if "risk_type" in values and not values["risk_type"]:
        raise InvalidInput("Pilih jenis risiko.", "risk_type")
    changed = {name: v for name, v in values.items() if getattr(current, name) != v}
    if changed:
        store.write(Referral.TABLE, changed, referral_id)
    return sorted(changed)
