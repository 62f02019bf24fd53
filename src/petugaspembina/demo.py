"""Realistic sample data for training and trying the app: the same content for the same seed."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from . import regions
from .core.display import zone_for_region
from .core.enums import (
    AgencyKind,
    Channel,
    ParticipantCategory,
    ReferralStatus,
    RiskType,
    SessionType,
    Topic,
    Urgency,
)
from .core.ids import uuid7
from .documents.office import PROFILE_KEY, profile_for_office
from .store.referrals import seed_agencies
from .store.store import Edit, Store

# 2026-01-01T00:00:00Z: the made-up clock of demo record ids.
_DEMO_EPOCH_MS = 1_767_225_600_000

MEN = [
    "Ahmad",
    "Budi",
    "Dedi",
    "Eko",
    "Fajar",
    "Hendra",
    "Irwan",
    "Joko",
    "Kurniawan",
    "Lukman",
    "Mulyadi",
    "Nanang",
    "Rahmat",
    "Rudi",
    "Slamet",
    "Taufik",
    "Wahyu",
    "Yusuf",
    "Zainal",
    "Agus",
    "Bambang",
    "Darmawan",
    "Herman",
    "Iskandar",
    "Syahrul",
    "Ridwan",
    "Arif",
    "Hasan",
    "Imam",
    "Sutrisno",
]
WOMEN = [
    "Siti",
    "Aminah",
    "Dewi",
    "Fitri",
    "Hartini",
    "Indah",
    "Juwita",
    "Kartini",
    "Lestari",
    "Maya",
    "Nurhayati",
    "Putri",
    "Rina",
    "Sri",
    "Titin",
    "Wulan",
    "Yanti",
    "Ratna",
    "Suryani",
    "Endang",
    "Halimah",
    "Rosmawati",
    "Nining",
    "Mariani",
    "Sumiati",
    "Yuliana",
    "Desi",
    "Wati",
    "Eka",
    "Ani",
]
FAMILY = [
    "Saputra",
    "Hidayat",
    "Pratama",
    "Siregar",
    "Nasution",
    "Harahap",
    "Lubis",
    "Simanjuntak",
    "Rangkuti",
    "Syahputra",
    "Wijaya",
    "Gunawan",
    "Santoso",
    "Setiawan",
    "Firmansyah",
    "Rahman",
    "Hakim",
    "Maulana",
    "Kusuma",
    "Nugroho",
    "Pohan",
    "Ramadhan",
    "Aritonang",
    "Hasibuan",
    "Effendi",
    "Sembiring",
]
OFFICES = {
    "Kantor Imigrasi Kelas I TPI Bengkulu": ("17.71", "17.09", "17.05"),
    "Kantor Imigrasi Kelas II Non TPI Kerinci": ("15.01", "15.72"),
    "Kantor Imigrasi Kelas II Non TPI Batulicin": ("63.10", "63.02"),
    "Kantor Imigrasi Kelas I TPI Pontianak": ("61.71", "61.12"),
}
# Agencies beyond the default list every database starts with (store.referrals.DEFAULT_AGENCIES).
AGENCIES = (
    (AgencyKind.SAPA_129, "SAPA 129", "Sahabat Perempuan dan Anak (KemenPPPA)"),
    (AgencyKind.GUGUS_TUGAS, "Gugus Tugas PP-TPPO", "Gugus Tugas Pencegahan dan Penanganan TPPO"),
)
PARTNERS = ("Timpora", "BP3MI", "Disnaker", "Polres", "Kodim", "Kejaksaan Negeri", "Camat")
TITLES = {
    SessionType.PEMBENTUKAN: "Pembentukan Desa Binaan Imigrasi {place}",
    SessionType.SOSIALISASI: "Sosialisasi Desa Binaan Imigrasi di {place}",
    SessionType.RAPAT_TIMPORA: "Rapat Tim Pengawasan Orang Asing di {place}",
    SessionType.KUNJUNGAN: "Kunjungan Petugas Imigrasi Pembina Desa ke {place}",
}
OFFICERS = (
    ("Rahmat Hidayat", "198609262015051001", "Penata Muda Tk. I (III/b)"),
    ("Dewi Kartika Sari", "199103122017122002", "Penata Muda (III/a)"),
)
VENUES = ("Balai Desa", "Aula Kantor Desa", "SMA Negeri 1", "Masjid Jami'", "Gedung Serbaguna")


@dataclass(slots=True)
class DemoCounts:
    """How much the generator wrote."""

    sessions: int = 0
    people: int = 0
    attendance: int = 0
    referrals: int = 0


class _Generator:
    def __init__(self, store: Store, seed: int) -> None:
        self.store = store
        self.rng = random.Random(seed)
        self.nik_serial = 0
        self.id_clock = 0

    def uid(self) -> str:
        """Time-ordered like the app's own ids, from a made-up clock so a seed repeats exactly."""
        self.id_clock += 1
        return uuid7(
            _DEMO_EPOCH_MS + self.id_clock // 16, self.id_clock % 16, self.rng.getrandbits(62)
        )

    def villages(self, regency: str) -> list[regions.Region]:
        names = regions._get_index().names
        codes = sorted(c for c in names if c.startswith(regency + ".") and c.count(".") == 3)
        picked = self.rng.sample(codes, min(6, len(codes)))
        return [r for code in picked if (r := regions.lookup(code))]

    def person(self, village: regions.Region) -> dict[str, Any]:
        rng = self.rng
        sex = rng.choice("LP")
        given = rng.choice(MEN if sex == "L" else WOMEN)
        name = f"{given} {rng.choice(FAMILY)}" if rng.random() < 0.8 else given
        year = rng.randint(1960, 2008)
        values: dict[str, Any] = {
            "full_name": name,
            "sex": sex,
            "birth_year": year,
            "region_code": village.code,
            "village_name": village.name,
            "category": rng.choice(ParticipantCategory.codes()),
        }
        if rng.random() < 0.3:
            values["phone"] = f"+628{rng.choice('1257')}{rng.randint(10_000_000, 99_999_999)}"
        if rng.random() < 0.25:
            self.nik_serial += 1
            day = rng.randint(1, 28) + (40 if sex == "P" else 0)
            prefix = village.code.replace(".", "")[:6]
            values["nik"] = (
                f"{prefix}{day:02d}{rng.randint(1, 12):02d}{year % 100:02d}{self.nik_serial % 9999 + 1:04d}"
            )
        return values


def generate(
    store: Store,
    seed: int = 1,
    sessions: int = 12,
    participants: int | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> DemoCounts:
    """Fill ``store`` with sessions, sign-ins (20–40 each, some returning people) and referrals.

    ``participants`` sets the number of distinct people (default: about 25 per session).
    """
    gen = _Generator(store, seed)
    rng = gen.rng
    counts = DemoCounts()
    office = rng.choice(sorted(OFFICES))
    pools = {code: gen.villages(code) for regencies in OFFICES.values() for code in regencies}
    villages = [v for code in OFFICES[office] for v in pools[code]]
    seed_agencies(store)
    agency_ids = [gen.uid() for _ in AGENCIES]
    store.write_many(
        [
            Edit(
                "agencies",
                {"kind": kind.value, "abbreviation": abbr, "full_name": full, "active": True},
                aid,
                new=True,
            )
            for aid, (kind, abbr, full) in zip(agency_ids, AGENCIES, strict=True)
        ]
    )
    agency_ids = [
        r["id"] for r in store.rows("SELECT id FROM agencies WHERE deleted = 0 ORDER BY id")
    ]
    own_officer = store.meta("officer_id")
    if own_officer:
        # After ``init``: the sessions are this officer's, of the office named there.
        officer_ids = [own_officer]
        named = (store.meta("office") or "").lower()
        for candidate in OFFICES:
            if candidate.lower() == named:
                villages = [v for code in OFFICES[candidate] for v in pools[code]]
    else:
        officer_ids = [gen.uid(), gen.uid()]
        store.write_many(
            [
                Edit(
                    "officers",
                    {
                        "name": name,
                        "nip": nip,
                        "position": "Analis Keimigrasian Ahli Muda",
                        "rank": rank,
                        "office": office,
                    },
                    oid,
                    new=True,
                )
                for oid, (name, nip, rank) in zip(officer_ids, OFFICERS, strict=True)
            ]
        )
    target_people = participants if participants is not None else sessions * 25
    per_session = max(1, target_people // max(sessions, 1))
    people: list[tuple[str, regions.Region]] = []
    start = date(2026, 1, 12)
    for index in range(sessions):
        village = rng.choice(villages)
        session_id = gen.uid()
        day = start + timedelta(days=index * max(1, 300 // max(sessions, 1)) + rng.randint(0, 3))
        values = _session_values(rng, village, day)
        values["officer_ids"] = officer_ids[: rng.randint(1, 2)]
        values["letter_number"] = f"W.{index + 1:03d}/GR.01.01/{day.month:02d}/{day.year}"
        edits = [Edit("sessions", values, session_id, new=True)]
        size = rng.randint(20, 40) if participants is None else per_session
        chosen: list[str] = []
        sign_ins: list[Edit] = []
        for _ in range(size):
            returning = people and rng.random() < 0.15
            if returning:
                pid, _ = rng.choice(people)
                if pid in chosen:
                    continue
            else:
                pid = gen.uid()
                local = village if rng.random() < 0.8 else rng.choice(villages)
                edits.append(Edit("people", gen.person(local), pid, new=True))
                people.append((pid, local))
                counts.people += 1
            chosen.append(pid)
            sign_ins.append(
                Edit(
                    "attendance",
                    {
                        "session_id": session_id,
                        "person_id": pid,
                        "signed_at": f"{day.isoformat()}T0{rng.randint(1, 3)}:{rng.randint(10, 59)}:00Z",
                        "consent_data": True,
                        "consent_photo": rng.random() < 0.7,
                        "via": "petugas",
                    },
                    gen.uid(),
                    new=True,
                )
            )
        # Written in the order of their times, as they would have been: the list is numbered
        # in the order sign-ins were recorded.
        edits.extend(sorted(sign_ins, key=lambda edit: str(edit.values["signed_at"])))
        counts.attendance += len(chosen)
        if rng.random() < 0.6 and chosen:
            counts.referrals += 1
            edits.extend(_referral_edits(gen, rng.choice(chosen), session_id, day, agency_ids))
        store.write_many(edits)
        counts.sessions += 1
        if progress:
            progress(index + 1, sessions)
    if not store.meta(PROFILE_KEY):  # documents carry the demo office's letterhead (as a draft)
        with store.transaction():
            profile_id = gen.uid()
            store.write_many(
                [Edit("office_profiles", profile_for_office(office), profile_id, new=True)]
            )
            store.set_meta(PROFILE_KEY, profile_id)
    return counts


def _session_values(rng: random.Random, village: regions.Region, day: date) -> dict[str, Any]:
    kind = rng.choices(list(SessionType), weights=(1, 6, 1, 2))[0]
    topics = rng.sample(Topic.codes(), rng.randint(2, 4))
    return {
        "session_type": kind.value,
        "title": TITLES[kind].format(place=f"{village.kind.title()} {village.name}"),
        "date": day.isoformat(),
        "start_time": "09:00",
        "end_time": "12:00",
        "time_zone": zone_for_region(village.code).value,
        "venue": f"{rng.choice(VENUES)} {village.name}",
        "region_code": village.code,
        "village_name": village.name,
        "region_path": village.path,
        "topics": topics,
        "speakers": [
            {
                "name": f"{rng.choice(MEN + WOMEN)} {rng.choice(FAMILY)}",
                "agency": "Kantor Imigrasi",
                "position": "Analis Keimigrasian",
            },
            {
                "name": f"{rng.choice(MEN)} {rng.choice(FAMILY)}",
                "agency": rng.choice(PARTNERS),
                "position": "Narasumber",
            },
        ],
        "partner_agencies": rng.sample(PARTNERS, 2),
        "headcount_male": rng.randint(0, 5),
        "headcount_female": rng.randint(0, 5),
        "notes": "Peserta aktif bertanya tentang prosedur resmi bekerja ke luar negeri.",
    }


def _referral_edits(
    gen: _Generator, person_id: str, session_id: str, day: date, agency_ids: list[str]
) -> list[Edit]:
    rng = gen.rng
    referral_id = gen.uid()
    path = [
        ReferralStatus.DIRUJUK,
        ReferralStatus.DITERIMA,
        ReferralStatus.DITANGANI,
        ReferralStatus.SELESAI,
    ][: rng.randint(1, 4)]
    edits = [
        Edit(
            "referrals",
            {
                "person_id": person_id,
                "session_id": session_id,
                "risk_type": rng.choice(RiskType.codes()),
                "narrative": "Ditawari bekerja ke luar negeri oleh perekrut tanpa izin, "
                "paspor akan diurus oleh perekrut.",
                "urgency": rng.choice(Urgency.codes()),
                "agency_id": rng.choice(agency_ids),
                "referred_on": day.isoformat(),
                "channel": rng.choice(Channel.codes()),
                "consent_share": True,
                "status": path[-1].value,
            },
            referral_id,
            new=True,
        )
    ]
    for step, status in enumerate(path):
        edits.append(
            Edit(
                "referral_events",
                {
                    "referral_id": referral_id,
                    "event_date": (day + timedelta(days=step * 3)).isoformat(),
                    "status": status.value,
                    "note": f"Status menjadi {status.label}.",
                },
                gen.uid(),
                new=True,
            )
        )
    return edits
