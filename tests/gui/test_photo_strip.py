"""The Dokumentasi tab of the session editor: add in the background, caption, reorder, remove."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent
from pytestqt.qtbot import QtBot

from documents.helpers import new_session
from petugaspembina.gui import messages
from petugaspembina.gui.photo_strip import PhotoStrip
from petugaspembina.gui.session_editor import SessionEditor
from petugaspembina.store.photos import list_photos
from petugaspembina.store.store import Store
from photos.imagegen import phone_jpeg


def _pictures(folder: Path, count: int, gps: bool = False) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(count):
        path = folder / f"DSC{index:04d}.JPG"
        path.write_bytes(phone_jpeg(900, 600, seed=40 + index, gps=gps))
        paths.append(path)
    return paths


_OPEN: list[SessionEditor] = []


def _strip(qtbot: QtBot, store: Store) -> PhotoStrip:
    editor = SessionEditor(store, new_session(store))
    qtbot.addWidget(editor)
    _OPEN[:] = [editor]  # kept alive for the test
    assert editor.photo_strip is not None
    return editor.photo_strip


def test_new_session_asks_to_save_first(qtbot: QtBot, store: Store) -> None:
    editor = SessionEditor(store)
    qtbot.addWidget(editor)
    assert editor.photo_strip is None


def test_add_caption_reorder_remove(
    qtbot: QtBot, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    strip = _strip(qtbot, store)
    assert strip.details.text() == "Belum ada foto."
    bad = tmp_path / "card" / "catatan.jpg"
    paths = _pictures(tmp_path / "card", 3)
    bad.write_text("bukan foto")
    warned: list[str] = []
    monkeypatch.setattr(messages, "warn", lambda parent, title, text: warned.append(text))
    strip.add_paths([tmp_path / "card"])
    qtbot.waitUntil(lambda: strip.strip.count() == 3, timeout=60_000)
    assert "3 foto ditambahkan. 1 ditolak: catatan.jpg: Bukan berkas gambar" in strip.status.text()
    assert warned and "catatan.jpg: Bukan berkas gambar" in warned[0]
    qtbot.waitUntil(lambda: not strip.strip.item(2).icon().isNull())
    ids = [p.id for p in list_photos(store, strip.session_id)]
    # What a person sees: thumbnails side by side in their order, none drawn over another, and a
    # click on a thumbnail's middle chooses that photo.
    rects = [strip.strip.visualItemRect(strip.strip.item(i)) for i in range(3)]
    assert all(a.right() < b.left() for a, b in pairwise(rects))
    for row, rect in enumerate(rects):
        assert strip.strip.indexAt(rect.center()).row() == row

    strip.strip.setCurrentRow(0)
    # the camera's time in the window's one date style, not 2026-06-14 09:30, in the session's zone
    assert strip.details.text().startswith("Diambil 14 Jun 2026 09:30 WIB · 900×600 piksel")
    strip.caption.setText("Pembukaan oleh Kepala Desa")
    strip.caption.editingFinished.emit()
    assert list_photos(store, strip.session_id)[0].caption == "Pembukaan oleh Kepala Desa"

    strip.shift(1)
    assert [p.id for p in list_photos(store, strip.session_id)] == [ids[1], ids[0], ids[2]]
    assert strip.current_id() == ids[0]

    monkeypatch.setattr(messages, "confirm_danger", lambda *a: True)
    strip.on_remove_clicked()
    assert [p.id for p in list_photos(store, strip.session_id)] == [ids[1], ids[2]]
    assert strip.strip.count() == 2
    strip.add_paths([paths[1]])  # already there: not added again
    qtbot.waitUntil(lambda: "sudah ada" in strip.status.text(), timeout=60_000)
    assert strip.strip.count() == 2


def test_dropped_files_are_added(qtbot: QtBot, store: Store, tmp_path: Path) -> None:
    strip = _strip(qtbot, store)
    [path] = _pictures(tmp_path, 1)
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(
        QPoint(10, 10),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    strip.strip.dropEvent(event)
    qtbot.waitUntil(lambda: strip.strip.count() == 1, timeout=60_000)


def test_location_kept_then_dropped(
    qtbot: QtBot, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    strip = _strip(qtbot, store)
    strip.keep_new.setChecked(True)
    strip.add_paths(_pictures(tmp_path, 1, gps=True))
    qtbot.waitUntil(lambda: strip.strip.count() == 1, timeout=60_000)
    assert strip.keeps_location.isChecked() and strip.keeps_location.isEnabled()
    monkeypatch.setattr(messages, "confirm_danger", lambda *a: True)
    strip.keeps_location.setChecked(False)
    [photo] = list_photos(store, strip.session_id)
    assert not photo.keep_location and not strip.keeps_location.isEnabled()


def test_folder_with_a_non_image_says_how_many_were_refused_and_why(
    qtbot: QtBot, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    strip = _strip(qtbot, store)
    _pictures(tmp_path / "card", 2)
    (tmp_path / "card" / "catatan.jpg").write_text("bukan foto")
    monkeypatch.setattr(messages, "warn", lambda *a: None)  # the box is closed unread
    strip.add_paths([tmp_path / "card"])
    qtbot.waitUntil(lambda: strip.strip.count() == 2, timeout=60_000)
    text = strip.status.text()
    assert text.startswith("2 foto ditambahkan. 1 ditolak: catatan.jpg: Bukan berkas gambar")
    assert "b00020" in strip.status.styleSheet()  # in red: something needs a look


def test_each_photos_time_is_shown_with_its_zone(
    qtbot: QtBot, store: Store, tmp_path: Path
) -> None:
    """At a session in WITA: a camera's time without offset is the session's (WITA), a phone's
    recorded offset is named (WIT; UTC+5:30 abroad), and a picture without EXIF time gets the
    file's time in the laptop's zone: never a time without its zone."""
    import re

    from PySide6.QtWidgets import QApplication, QTabWidget

    editor = SessionEditor(store, new_session(store, time_zone="WITA"))
    qtbot.addWidget(editor)
    editor.resize(1366, 768)
    editor.show()
    strip = editor.photo_strip
    assert strip is not None
    tabs = editor.findChildren(QTabWidget)[0]
    tabs.setCurrentIndex(
        next(i for i in range(tabs.count()) if tabs.widget(i).isAncestorOf(strip))
    )  # the Dokumentasi tab, as the officer opens it
    folder = tmp_path / "kartu"
    folder.mkdir()
    for index, offset in enumerate((None, "+09:00", "+05:30")):
        (folder / f"IMG{index}.JPG").write_bytes(phone_jpeg(900, 600, seed=index, offset=offset))
    from photos.imagegen import scene

    scene(900, 600, 9).save(folder / "IMG3.JPG", "JPEG")  # no EXIF at all
    strip.add_paths(sorted(folder.iterdir()))
    qtbot.waitUntil(lambda: strip.strip.count() == 4, timeout=60_000)
    shown = []
    for row in range(4):
        strip.strip.setCurrentRow(row)
        QApplication.processEvents()
        assert strip.details.isVisible()
        shown.append(strip.details.text().split(" · ")[0])
    assert shown[:3] == [
        "Diambil 14 Jun 2026 09:30 WITA",
        "Diambil 14 Jun 2026 09:30 WIT",
        "Diambil 14 Jun 2026 09:30 UTC+5:30",
    ]
    assert re.fullmatch(r"Diambil \d+ \w+ \d{4} \d\d:\d\d (WIB|WITA|WIT|UTC[+-]?[\d:]*)", shown[3])


def test_a_click_on_another_photo_after_typing_its_caption_chooses_it(
    qtbot: QtBot, store: Store, tmp_path: Path
) -> None:
    """At 1366×768: caption photo 2, click photo 1 and caption it. The click chooses photo 1 at
    once (not only saves), its field shows its own caption, and each caption stays with the photo
    it was typed for (never run together on photo 2)."""
    from PySide6.QtWidgets import QApplication, QTabWidget

    editor = SessionEditor(store, new_session(store))
    qtbot.addWidget(editor)
    _OPEN[:] = [editor]
    editor.resize(1366, 768)
    editor.show()
    qtbot.waitExposed(editor)
    strip = editor.photo_strip
    assert strip is not None
    tabs = editor.findChildren(QTabWidget)[0]
    tabs.setCurrentIndex(next(i for i in range(tabs.count()) if tabs.widget(i).isAncestorOf(strip)))
    strip.add_paths(_pictures(tmp_path / "card", 3))
    qtbot.waitUntil(lambda: strip.strip.count() == 3, timeout=60_000)
    qtbot.waitUntil(lambda: not strip.strip.item(2).icon().isNull())
    QApplication.processEvents()
    ids = [p.id for p in list_photos(store, strip.session_id)]

    def click(row: int) -> None:
        rect = strip.strip.visualItemRect(strip.strip.item(row))
        qtbot.mouseClick(strip.strip.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        QApplication.processEvents()

    click(1)
    assert strip.current_id() == ids[1]
    strip.caption.setFocus()
    strip.caption.selectAll()
    qtbot.keyClicks(strip.caption, "Pembukaan oleh Kepala Desa Wairterang")
    click(0)
    assert strip.current_id() == ids[0]
    assert strip.caption.text() == ""
    assert "Keterangan disimpan." in strip.status.text()
    strip.caption.setFocus()
    qtbot.keyClicks(strip.caption, "Pemaparan materi TPPO")
    click(1)
    assert strip.current_id() == ids[1]
    assert strip.caption.text() == "Pembukaan oleh Kepala Desa Wairterang"
    captions = {p.id: p.caption for p in list_photos(store, strip.session_id)}
    assert captions == {
        ids[0]: "Pemaparan materi TPPO",
        ids[1]: "Pembukaan oleh Kepala Desa Wairterang",
        ids[2]: None,
    }
    assert strip.strip.item(0).text().startswith("1. Pemaparan")
    assert strip.strip.item(0).toolTip() == "Pemaparan materi TPPO"
