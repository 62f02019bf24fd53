"""The office's area (where its sessions and desa binaan are), for ranking village suggestions."""

from __future__ import annotations

from pathlib import Path

from petugaspembina.store.store import Store


def test_home_areas_are_the_kabupaten_of_the_offices_work_then_provinces(tmp_path: Path) -> None:
    from petugaspembina.store.home_area import home_areas

    store = Store.open(tmp_path / "k.sqlite3")
    assert home_areas(store) == []
    for code in ("18.04.11.2009", "18.04.20.2009", "17.71.01.1001"):
        store.write("sessions", {"title": "Sosialisasi", "date": "2026-03-02", "region_code": code})
    assert home_areas(store) == ["18.04", "17.71", "18", "17"]
    assert home_areas(store, first="17.71.01.1001") == ["17.71", "18.04", "17", "18"]
