"""Receipts that travel on a stick (sync.folder_receipts) and the outbox command's words for a
folder destination."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from petugaspembina.cli import main
from petugaspembina.store.store import Store
from petugaspembina.sync import outbox
from petugaspembina.sync.exporter import export_bundles
from petugaspembina.sync.folder_receipts import (
    read_folder_receipts,
    receipt_path,
    write_receipts_beside,
)
from petugaspembina.sync.importer import import_files
from petugaspembina.sync.inbox import bundle_files

from .netlab import NIPS, Office, Officer


def _stick_export(tmp_path: Path, officer: Officer, name: str = "flashdisk") -> list[Path]:
    stick = tmp_path / name
    stick.mkdir(exist_ok=True)
    with Store.open(officer.db) as store:
        made = export_bundles(store, stick, outbox_dir=officer.outbox)
    return [r.path for r in made if r.path is not None]


def _import(office: Office, files: list[Path], tmp_path: Path) -> object:
    with Store.open(office.db) as store:
        reports = import_files(store, files, quarantine=tmp_path / "q", backups=None)
        return write_receipts_beside(store, files, reports)


def _folder_statuses(officer: Officer) -> set[str]:
    with Store.open(officer.db) as store:
        return {e.status for e in outbox.entries(store) if e.destination != outbox.NETWORK}


@pytest.fixture
def pair(tmp_path: Path) -> tuple[Office, Officer]:
    office = Office(tmp_path)
    siti = Officer(tmp_path, "Siti Aminah", NIPS[0], seed=5, sessions=1)
    office.enrol(siti)
    return office, siti


def test_receipts_written_beside_each_bundle_confirm_its_folder_copy(
    pair: tuple[Office, Officer], tmp_path: Path
) -> None:
    office, siti = pair
    files = _stick_export(tmp_path, siti)
    written = _import(office, files, tmp_path)
    assert written.signed and written.written == len(files)  # type: ignore[attr-defined]
    assert _folder_statuses(siti) == {"sent"}
    with Store.open(siti.db) as store:
        found = read_folder_receipts(store)
        assert (found.confirmed, found.problems) == (len(files), [])
        assert {e.status for e in outbox.entries(store)} == {"confirmed"}  # the network copy too
        again = read_folder_receipts(store)  # nothing left to confirm
    assert (again.confirmed, again.problems) == (0, [])


def test_receipts_in_a_folder_chosen_later_count_too(
    pair: tuple[Office, Officer], tmp_path: Path
) -> None:
    """The stick comes back mounted under another name: the folder chosen is looked at."""
    office, siti = pair
    files = _stick_export(tmp_path, siti)
    _import(office, files, tmp_path)
    moved = tmp_path / "flashdisk-lagi"
    (tmp_path / "flashdisk").rename(moved)
    with Store.open(siti.db) as store:
        assert read_folder_receipts(store).confirmed == 0  # the old path is gone: no error
        assert read_folder_receipts(store, moved).confirmed == len(files)


def test_other_officers_receipts_on_a_shared_stick_are_left_alone(
    pair: tuple[Office, Officer], tmp_path: Path
) -> None:
    office, siti = pair
    andi = Officer(tmp_path, "Andi Saputra", NIPS[1], seed=6, sessions=1)
    office.enrol(andi)
    _import(office, _stick_export(tmp_path, andi), tmp_path)  # only Andi's bundles imported
    _stick_export(tmp_path, siti)
    with Store.open(siti.db) as store:
        found = read_folder_receipts(store)
    assert (found.confirmed, found.problems) == (0, [])
    assert _folder_statuses(siti) == {"sent"}


def test_damaged_receipt_is_reported_and_confirms_nothing(
    pair: tuple[Office, Officer], tmp_path: Path
) -> None:
    _, siti = pair
    files = _stick_export(tmp_path, siti)
    with Store.open(siti.db) as store:
        bundle_id = outbox.entries(store)[0].bundle_id
    receipt_path(files[0].parent, bundle_id).write_text("{ rusak", encoding="utf-8")
    with Store.open(siti.db) as store:
        found = read_folder_receipts(store)
    assert found.confirmed == 0
    assert found.problems and "Bukan berkas tanda terima" in found.problems[0]
    assert _folder_statuses(siti) == {"sent"}


def test_receipt_that_cannot_be_written_gets_its_own_error_and_the_import_stands(
    pair: tuple[Office, Officer], tmp_path: Path
) -> None:
    office, siti = pair
    files = _stick_export(tmp_path, siti)
    with Store.open(siti.db) as store:
        bundle_id = outbox.entries(store)[0].bundle_id
    blocker = receipt_path(files[0].parent, bundle_id)  # a folder where the receipt goes
    blocker.mkdir()
    (blocker / "isi").write_text("x")
    written = _import(office, files, tmp_path)
    assert written.written == 0  # type: ignore[attr-defined]
    assert "Tanda terima tidak dapat ditulis ke" in written.errors[0]  # type: ignore[attr-defined]
    assert office.imported()


def test_office_without_keys_writes_no_receipts(tmp_path: Path) -> None:
    siti = Officer(tmp_path, "Siti Aminah", NIPS[0], seed=5, sessions=1)
    files = _stick_export(tmp_path, siti)
    clerk = Officer(tmp_path, "Budi Santoso", NIPS[1], seed=7, sessions=0)  # no office keys
    with Store.open(clerk.db) as store:
        reports = import_files(store, files, quarantine=tmp_path / "q", backups=None)
        written = write_receipts_beside(store, files, reports)
    assert not written.signed and written.written == 0
    assert not list(files[0].parent.glob("tanda-terima-*"))


def test_dropped_folder_skips_the_receipts_written_back(
    pair: tuple[Office, Officer], tmp_path: Path
) -> None:
    office, siti = pair
    files = _stick_export(tmp_path, siti)
    _import(office, files, tmp_path)
    assert list(files[0].parent.glob("tanda-terima-*.json"))
    assert bundle_files([files[0].parent]) == sorted(files)


def test_outbox_command_says_written_to_folder_waiting_for_receipt(
    pair: tuple[Office, Officer], tmp_path: Path
) -> None:
    _, siti = pair
    _stick_export(tmp_path, siti)
    text = CliRunner().invoke(main, ["--db", str(siti.db), "outbox"])
    assert text.exit_code == 0, text.output
    assert "ditulis ke folder, menunggu tanda terima" in text.stdout
    assert "terkirim" not in text.stdout
    listed = CliRunner().invoke(main, ["--db", str(siti.db), "outbox", "--json"])
    items = json.loads(listed.stdout)
    folder = [
        i for i in items if i["destination"] != outbox.NETWORK and "://" not in i["destination"]
    ]
    assert {i["status"] for i in folder} == {"sent"}  # the values scripts read are unchanged
    assert {i["status_label"] for i in folder} == {"ditulis ke folder, menunggu tanda terima"}
