"""The list import says per row what it will do before anything is imported: a row of someone
already signed in is skipped with its reason, never a "ready" that then aborts."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from petugaspembina.gui.list_import_dialog import ListImportDialog
from petugaspembina.store.signin import PersonEntry, session_sign_ins, sign_in
from petugaspembina.store.store import Store


def test_rows_already_signed_in_are_skipped_and_the_import_completes(
    qtbot: QtBot, store: Store, tmp_path: Path
) -> None:
    session = store.write(
        "sessions", {"title": "Sosialisasi", "date": "2026-11-22", "village_name": "Pagar Dewa"}
    )
    sign_in(
        store,
        session,
        entry=PersonEntry(
            full_name="Ahmad Fauzi", sex="L", birth_year="1990", village_name="Pagar Dewa"
        ),
    )
    store.write(
        "people",
        {"full_name": "Budi Santoso", "sex": "L", "birth_year": 1980, "village_name": "Pagar Dewa"},
    )
    path = tmp_path / "desa.csv"
    path.write_text(
        "Nama;L/P;Tahun Lahir;Desa\n"
        "AHMAD fauzi;L;1990;Pagar Dewa\n"
        "Budi Santoso;L;1980;Pagar Dewa\n"
        "Sri Rahayu;P;1985;Pagar Dewa\n"
        "Sri  Rahayu;P;1985;Pagar Dewa\n"
        "Eko Saputra;L;1975;Pagar Dewa\n"
        "Wati;P;1970;Pagar Dewa\n",
        encoding="utf-8",
    )
    dialog = ListImportDialog(store)
    qtbot.addWidget(dialog)
    dialog.load(path)
    dialog.session.setCurrentIndex(dialog.session.findData(session))
    summary = dialog.summary.text()
    assert "3 orang baru, 1 peserta lama, 2 dilewati; 0 baris bermasalah" in summary
    lines = [dialog.errors.item(i).text() for i in range(dialog.errors.count())]
    assert "Baris 2: lewati — sudah tercatat hadir di kegiatan ini" in lines
    assert "Baris 3: peserta lama — pernah hadir; dicatat hadir" in lines
    assert any(line.startswith("Baris 5: lewati") and "baris 4" in line for line in lines)
    plan_column = [dialog.preview.item(r, 1).text() for r in range(dialog.preview.rowCount())]
    assert plan_column == ["lewati", "peserta lama", "baru", "lewati", "baru", "baru"]
    assert dialog.import_button.isEnabled()
    dialog.on_import_clicked()
    qtbot.waitUntil(lambda: dialog.imported == 4, timeout=20_000)
    assert len(session_sign_ins(store, session)) == 5
    assert store.rows("SELECT count(*) AS n FROM people")[0]["n"] == 5
