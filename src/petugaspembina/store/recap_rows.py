"""The recap's detail rows for spreadsheets: its sessions, sign-ins and referrals, streamed.

Personal data (names, NIK, phone) only when asked; the NIK masked unless asked again; referral
narratives never.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..core.enums import ParticipantCategory, ReferralStatus, RiskType, SessionType, Urgency
from ..core.labels import label_of
from ..core.validation import mask_nik
from .recap import RecapFilter, age_band, labels, referral_where, session_where
from .store import Store


def session_rows(store: Store, flt: RecapFilter) -> Iterator[list[Any]]:
    """Sessions in the recap: date, type, title, village, region, sign-ins, L, P."""
    where, params = session_where(flt)
    for row in store.conn.execute(
        f"""SELECT s.date, s.session_type, s.title, s.village_name, s.region_path, s.venue,
                   (SELECT count(*) FROM attendance a
                    WHERE a.session_id = s.id AND a.deleted = 0) AS hadir
            FROM sessions s WHERE {where} ORDER BY s.date, s.title""",
        params,
    ):
        yield [
            row["date"],
            label_of(SessionType, row["session_type"]),
            row["title"],
            row["village_name"],
            row["region_path"],
            row["venue"],
            row["hadir"],
        ]


SIGN_IN_HEADERS = [
    "Tanggal",
    "Kegiatan",
    "Desa/Kelurahan",
    "L/P",
    "Tahun lahir",
    "Usia",
    "Kategori",
]
PERSONAL_HEADERS = ["Nama", "NIK", "Nomor HP"]


def sign_in_rows(
    store: Store, flt: RecapFilter, *, personal: bool = False, full_nik: bool = False
) -> Iterator[list[Any]]:
    """Sign-ins in the recap, streamed; names, NIK (masked unless ``full_nik``) and phone only
    when ``personal``."""
    where, params = session_where(flt)
    categories = labels(ParticipantCategory)
    for row in store.conn.execute(
        f"""SELECT s.date, s.title, s.village_name, p.sex, p.birth_year,
                   coalesce(a.category, p.category) AS category, p.full_name, p.nik, p.phone
            FROM attendance a JOIN sessions s ON s.id = a.session_id
            LEFT JOIN people p ON p.id = a.person_id AND p.deleted = 0
            WHERE a.deleted = 0 AND {where} ORDER BY s.date, s.title, a.signed_at""",
        params,
    ):
        out = [
            row["date"],
            row["title"],
            row["village_name"],
            row["sex"],
            row["birth_year"],
            age_band(row["date"], row["birth_year"]),
            categories.get(row["category"], row["category"]),
        ]
        if personal:
            nik = row["nik"] if full_nik else mask_nik(row["nik"])
            out = [row["full_name"], nik or None, row["phone"], *out]
        yield out


REFERRAL_HEADERS = ["Tanggal rujuk", "Status", "Jenis risiko", "Urgensi", "Instansi", "Desa"]


def referral_rows(store: Store, flt: RecapFilter, *, personal: bool = False) -> Iterator[list[Any]]:
    """Referrals in the recap, never their narratives; the person's name only when ``personal``."""
    where, params = referral_where(flt)
    for row in store.conn.execute(
        f"""SELECT r.referred_on, r.status, r.risk_type, r.urgency, g.abbreviation,
                   p.village_name, p.full_name
            FROM referrals r LEFT JOIN people p ON p.id = r.person_id
            LEFT JOIN agencies g ON g.id = r.agency_id AND g.deleted = 0
            WHERE {where} ORDER BY r.referred_on""",
        params,
    ):
        out = [
            row["referred_on"],
            label_of(ReferralStatus, row["status"]),
            label_of(RiskType, row["risk_type"]),
            label_of(Urgency, row["urgency"]),
            row["abbreviation"],
            row["village_name"],
        ]
        if personal:
            out = [row["full_name"], *out]
        yield out
