"""Unexpected errors: one handler, an Indonesian message with a detail to copy, a log line without
personal data, and nothing half-done. Expected errors keep their own message."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from petugaspembina.gui import errors, messages
from petugaspembina.gui.list_import_dialog import ListImportDialog
from petugaspembina.gui.worker import Progress, run_task
from petugaspembina.store.errors import InvalidInput
from petugaspembina.store.participant_lists import read_table
from petugaspembina.store.store import Edit, Store

SECRET = "Siti Aminah 3201011302900001"


def _raise_with_personal_data() -> None:
    people = {"nama": SECRET}
    raise KeyError(people["nama"])


def _open_error_boxes() -> list[QMessageBox]:
    return [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QMessageBox) and w.objectName() == "unexpected_error" and w.isVisible()
    ]


def test_an_uncaught_error_becomes_an_indonesian_message_with_a_detail_to_copy(
    qtbot: QtBot, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    previous = sys.excepthook
    errors.install(tmp_path / "logs")
    try:
        try:
            _raise_with_personal_data()
        except KeyError:
            with caplog.at_level(logging.ERROR, logger="petugaspembina"):
                sys.excepthook(*sys.exc_info())  # type: ignore[arg-type]
    finally:
        sys.excepthook = previous
    boxes = _open_error_boxes()
    assert len(boxes) == 1
    box = boxes[0]
    qtbot.addWidget(box)
    assert "tidak terduga" in box.text() and "tersimpan tetap aman" in box.text()
    copy = next(b for b in box.findChildren(QPushButton) if b.text() == "Salin rincian")
    copy.click()
    assert box.isVisible(), "copying does not close the message"
    detail = QApplication.clipboard().text()
    assert "KeyError" in detail and "_raise_with_personal_data" in detail
    assert "Siti" not in detail and "3201" not in detail
    line = caplog.records[-1].getMessage()
    assert "KeyError" in line and "test_errors.py" in line and "Siti" not in line
    log_file = (tmp_path / "logs" / errors.LOG_NAME).read_text(encoding="utf-8")
    assert "KeyError" in log_file and "Siti" not in log_file
    box.close()


def test_a_background_job_failing_unexpectedly_uses_the_same_handler(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    failures: list[str] = []
    after: list[bool] = []

    def work(progress: Progress) -> None:
        _raise_with_personal_data()

    run_task(
        parent, "…", work, lambda r: None, failures.append, on_unexpected=lambda: after.append(True)
    )
    qtbot.waitUntil(lambda: bool(after), timeout=10_000)
    boxes = _open_error_boxes()
    assert boxes and failures == []  # no raw "KeyError: 'Siti …'" reaches the person
    for box in boxes:
        assert "Siti" not in box.text()
        box.close()


def test_an_expected_error_in_a_job_keeps_its_own_message(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    failures: list[str] = []

    def work(progress: Progress) -> None:
        raise InvalidInput("Kegiatan ini belum memiliki peserta yang hadir.")

    run_task(parent, "…", work, lambda r: None, failures.append)
    qtbot.waitUntil(lambda: bool(failures), timeout=10_000)
    assert failures == ["Kegiatan ini belum memiliki peserta yang hadir."]
    assert not _open_error_boxes()


def test_a_full_disk_reads_as_indonesian() -> None:
    exc = OSError(28, "No space left on device", "/media/usb/bundel.json")
    assert errors.expected_message(exc) == (
        "Berkas tidak dapat dibaca atau ditulis (bundel.json): Disk penuh."
    )


def test_an_action_failing_half_way_leaves_nothing_behind(store: Store) -> None:
    before = store.version_count()
    with pytest.raises(InvalidInput):
        store.write_many(
            [
                Edit("people", {"full_name": "Ahmad Fauzi", "sex": "L"}),
                Edit("people", {"full_name": "Sri", "sex": "X"}),  # refused
            ]
        )
    with pytest.raises(RuntimeError), store.transaction():
        store.write("sessions", {"title": "Setengah jadi"})
        raise RuntimeError("gagal di tengah")
    assert store.version_count() == before
    assert store.rows("SELECT count(*) AS n FROM people")[0]["n"] == 0
    assert store.rows("SELECT count(*) AS n FROM sessions")[0]["n"] == 0


def test_binary_file_as_participant_list_is_refused_in_indonesian(tmp_path: Path) -> None:
    path = tmp_path / "daftar.csv"
    path.write_bytes(b"PK\x03\x04\x00\x00\x08\x00" + bytes(range(256)) * 8)
    with pytest.raises(InvalidInput, match="bukan daftar CSV atau XLSX"):
        read_table(path)


def test_binary_csv_in_the_list_import_gives_an_indonesian_message(
    qtbot: QtBot, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "daftar.csv"
    path.write_bytes(bytes(range(256)) * 16)
    shown: list[str] = []
    monkeypatch.setattr(messages, "warn", lambda parent, title, text: shown.append(text))
    dialog = ListImportDialog(store)
    qtbot.addWidget(dialog)
    dialog.load(path)
    assert len(shown) == 1 and "bukan daftar CSV atau XLSX" in shown[0]
    assert "Error" not in shown[0] and "NUL" not in shown[0]
    assert dialog.table is None and not dialog.import_button.isEnabled()
