"""Referral cases: creation from a person, the status workflow of domain.md, the dated timeline."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from ..core.enums import REFERRAL_TRANSITIONS, ReferralStatus
from ..core.records import Person, Referral, ReferralEvent, record_from_row
from ..core.validation import is_minor
from .errors import InvalidInput
from .store import Edit, Store


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
    if new_status == ReferralStatus.DIRUJUK:
        if not referral.consent_share:
            raise InvalidInput(
                "Rujukan memerlukan persetujuan berbagi data dari yang bersangkutan.",
                "consent_share",
            )
        person = store.get(Person, referral.person_id, include_deleted=True)
        if is_minor(person.birth_year, on or date.today()) and not referral.guardian_consent:
            raise InvalidInput(
                "Untuk anak di bawah 18 tahun diperlukan persetujuan orang tua/wali.",
                "guardian_consent",
            )
        if not referral.agency_id:
            raise InvalidInput("Pilih instansi penerima rujukan.", "agency_id")
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
            "SELECT id, abbreviation, full_name FROM agencies WHERE deleted = 0 AND active = 1 "
            "ORDER BY abbreviation COLLATE NOCASE"
        )
    ]
