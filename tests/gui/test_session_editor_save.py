"""Saving the session editor writes only what was changed: opening a session and pressing Simpan
makes no new field version (no false conflicts at the office, nothing to send)."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from petugaspembina.gui.session_editor import SessionEditor
from petugaspembina.store.store import Store


def _versions(store: Store) -> int:
    return int(store.conn.execute("SELECT count(*) FROM fv").fetchone()[0])


def test_saving_unchanged_session_writes_nothing(qtbot: QtBot, tmp_path: Path) -> None:
    store = Store.open(tmp_path / "o.db")
    editor = SessionEditor(store)
    qtbot.addWidget(editor)
    editor.title_edit.setText("Sosialisasi pencegahan TPPO di balai desa")
    editor.on_save_clicked()
    session_id = editor.session_id
    assert session_id is not None
    before = _versions(store)

    again = SessionEditor(store, session_id)
    qtbot.addWidget(again)
    again.on_save_clicked()
    assert _versions(store) == before

    changed = SessionEditor(store, session_id)
    qtbot.addWidget(changed)
    changed.venue.setText("Balai Desa Sungai Kakap")
    changed.on_save_clicked()
    fields = {
        r[0]
        for r in store.conn.execute(
            "SELECT field FROM fv WHERE rid = ? ORDER BY hlc DESC LIMIT 1", (session_id,)
        )
    }
    assert _versions(store) == before + 1 and fields == {"venue"}
    store.close()
