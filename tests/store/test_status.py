"""What the status bar reports: records not yet sent to the office, and a clock set back."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from petugaspembina.store.store import Store
from petugaspembina.sync.exporter import export_bundle


def test_unsent_counts_records_not_field_versions(store: Store, tmp_path: Path) -> None:
    assert store.unsent_records() == 0
    session = store.write("sessions", {"title": "Sosialisasi", "date": "2026-11-22"})
    store.write("people", {"full_name": "Siti Aminah", "sex": "P", "birth_year": 1990})
    store.write("sessions", {"venue": "Balai Desa"}, session)
    assert store.unsent_records() == 2  # two records, though five field versions
    export_bundle(store, tmp_path / "out")
    assert store.unsent_records() == 0
    store.write("sessions", {"title": "Sosialisasi TPPO"}, session)
    assert store.unsent_records() == 1
    # A bundle given to someone else does not count as sent to the office.
    export_bundle(store, tmp_path / "other", destination="desa")
    assert store.unsent_records() == 1


def test_laptop_clock_set_years_back_is_flagged_while_the_hlc_still_increases(
    store: Store,
) -> None:
    store.write("sessions", {"title": "Kemarin", "date": "2026-11-22"})
    before = store.clock.last
    assert store.clock_behind() is None
    store.wall_millis = lambda: int(datetime(2023, 1, 1, tzinfo=UTC).timestamp() * 1000)
    lag = store.clock_behind()
    assert lag is not None and lag.days > 365
    store.write("sessions", {"title": "Hari ini", "date": "2026-11-23"})
    assert before is not None and store.clock.last is not None and store.clock.last > before


def test_unsent_before_any_export_counts_every_record_once(store: Store) -> None:
    from petugaspembina.demo import generate
    from petugaspembina.store.erasure import erase_person

    generate(store, seed=4, sessions=3)
    person = store.rows("SELECT id FROM people LIMIT 1")[0]["id"]
    session = store.rows("SELECT id FROM sessions LIMIT 1")[0]["id"]
    store.delete("sessions", session)
    erase_person(store, person)
    distinct = store.rows("SELECT count(*) AS n FROM (SELECT DISTINCT tbl, rid FROM fv)")[0]["n"]
    assert store.unsent_records() == distinct > 0
