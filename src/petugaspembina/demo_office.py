"""An office's inbox for demos, screenshots and tests: bundles from three officers' laptops with
what a clerk meets — a value two officers changed differently, a record edited after another
officer deleted it, a person registered twice, two different people with the same name, and a
bundle that never arrived (a gap in one device's numbering)."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from .demo import generate
from .profile import OFFICE_ROLE, create_profile, set_role
from .store.store import Edit, Store
from .sync.exporter import export_bundle
from .sync.importer import import_file

OFFICE = "Kantor Imigrasi Kelas I TPI Pontianak"
OFFICERS = (
    ("Rahmat Hidayat", "198609262015051001"),
    ("Dewi Lestari", "199003152014022002"),
    ("Andi Saputra", "198811022012121003"),
)


@dataclass(frozen=True, slots=True)
class OfficeInbox:
    """Where the bundles are, and the ids the scenario planted."""

    folder: Path
    conflict_person: str
    deleted_person: str
    duplicate: tuple[str, str]
    namesake: tuple[str, str]


def _device(folder: Path, index: int) -> Store:
    store = Store.open(folder / f"perangkat-{index + 1}.sqlite3")
    name, nip = OFFICERS[index]
    create_profile(store, name, nip, OFFICE, "Analis Keimigrasian Ahli Pertama")
    return store


def _export(store: Store, folder: Path) -> Path:
    result = export_bundle(store, folder)
    assert result.path is not None
    return result.path


def build_office_inbox(work: Path, sessions: int = 4) -> OfficeInbox:
    """Make three officers' databases under ``work`` and their bundles in ``work/flashdisk``."""
    work.mkdir(parents=True, exist_ok=True)
    stick = work / "flashdisk"
    stick.mkdir(exist_ok=True)
    spare = work / "tidak-terkirim"
    spare.mkdir(exist_ok=True)
    quarantine = work / "karantina"
    first = _device(work, 0)
    generate(first, seed=11, sessions=sessions)
    people = first.rows(
        "SELECT id, full_name, birth_year, sex, region_code, village_name FROM people "
        "WHERE deleted = 0 AND birth_year IS NOT NULL ORDER BY full_name LIMIT 3"
    )
    shared = _export(first, stick)
    second, third = _device(work, 1), _device(work, 2)
    for store in (second, third):
        import_file(store, shared, quarantine=quarantine)
    conflict, deleted, twin = people[0], people[1], people[2]
    # Two officers correct the same name differently: a conflict.
    second.write("people", {"full_name": conflict["full_name"] + "y"}, conflict["id"])
    third.write("people", {"full_name": conflict["full_name"] + "i"}, conflict["id"])
    # One deletes a person another still edits: edited after deletion.
    second.delete("people", deleted["id"])
    time.sleep(0.005)  # the edit's clock must come after the delete's (HLCs order by time first)
    third.write("people", {"phone": "081234567890"}, deleted["id"])
    generate(second, seed=12, sessions=max(sessions - 1, 1))
    _export(second, stick)
    # The third officer registers the twin again (one letter differs) and a namesake.
    duplicate_id = third.write(
        "people",
        {
            "full_name": twin["full_name"].replace("i", "y", 1)
            if "i" in twin["full_name"]
            else twin["full_name"] + "h",
            "sex": twin["sex"],
            "birth_year": twin["birth_year"],
            "region_code": twin["region_code"],
            "village_name": twin["village_name"],
        },
    )
    namesakes = third.write_many(
        [
            Edit(
                "people",
                {
                    "full_name": "Muhammad Rizki",
                    "sex": "L",
                    "birth_year": 1994,
                    "region_code": twin["region_code"],
                    "village_name": twin["village_name"],
                    "phone": phone,
                },
            )
            for phone in ("081300000001", "081300000002")
        ]
    )
    _export(third, stick)  # #1
    generate(third, seed=13, sessions=2)
    _export(third, spare)  # #2 stays on the laptop: the office sees the gap
    third.write("people", {"phone": "081300000003"}, namesakes[0])
    _export(third, stick)  # #3
    for store in (first, second, third):
        store.close()
    return OfficeInbox(
        stick,
        conflict["id"],
        deleted["id"],
        (twin["id"], duplicate_id),
        (namesakes[0], namesakes[1]),
    )


def office_database(path: Path, name: str = "Nur Aisyah", nip: str = "199201012019022001") -> Store:
    """A clerk's database: the office profile and the role of an office clerk."""
    store = Store.open(path)
    create_profile(store, name, nip, OFFICE, "Pengadministrasi Keimigrasian")
    set_role(store, OFFICE_ROLE)
    return store
