"""Which office a plain bundle comes from (sync/origin.py): this office's own officers, however
they typed the office's name, are never asked about."""

from __future__ import annotations

from pathlib import Path

from petugaspembina.profile import create_profile
from petugaspembina.store.store import Store
from petugaspembina.sync.exporter import export_bundle
from petugaspembina.sync.origin import foreign_bundles, office_key


def _bundle(tmp_path: Path, name: str, office: str) -> Path:
    with Store.open(tmp_path / f"{name}.sqlite3") as store:
        create_profile(store, name, "198501012010011001", office, None)
        written = export_bundle(store, tmp_path).path
    assert written is not None
    return written


def test_office_names_compare_without_case_spaces_or_punctuation() -> None:
    assert office_key(" Kantor  Imigrasi Kelas I TPI, Pontianak ") == office_key(
        "kantor imigrasi kelas i tpi pontianak"
    )
    assert office_key("Kanim Kerinci") != office_key("Kanim Pontianak")


def test_only_the_other_offices_bundle_is_named(tmp_path: Path) -> None:
    ours = _bundle(tmp_path, "Rahmat", "KANTOR IMIGRASI Kelas I TPI Pontianak")
    theirs = _bundle(tmp_path, "Yusuf", "Kantor Imigrasi Kelas II Non TPI Kerinci")
    with Store.open(tmp_path / "kantor.sqlite3") as office:
        create_profile(
            office, "Nur", "199201012019022001", "Kantor Imigrasi Kelas I TPI Pontianak", None
        )
        found = foreign_bundles(office, [ours, theirs, tmp_path / "tidak-ada.json"])
    assert [(f.path, f.office, f.officer) for f in found] == [
        (theirs, "Kantor Imigrasi Kelas II Non TPI Kerinci", "Yusuf")
    ]
