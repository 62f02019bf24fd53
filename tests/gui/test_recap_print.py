"""Cetak PDF untuk Kanwil at 1366×768: while the office profile is incomplete the clerk is told
before printing that the PDF will carry the DRAF banner, and may open Profil kantor, print anyway
or cancel (as the laporan asks about its empty parts)."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from documents.helpers import COMPLETE_PROFILE, complete_office, pdf_pages
from petugaspembina.documents.office import DRAFT_MARK
from petugaspembina.gui import messages, worker
from petugaspembina.gui.office_dialog import OfficeDialog
from petugaspembina.gui.recap_view import RecapView
from petugaspembina.store.store import Store


@pytest.fixture
def view(qtbot: QtBot, tmp_path: Path) -> Iterator[RecapView]:
    # Earlier tests' widgets left in reference cycles are collected here, on the main thread:
    # collected by the recap's worker thread instead, a Qt object was freed there (a crash).
    gc.collect()
    store = Store.open(tmp_path / "kantor.db")  # lives as long as the view
    store.write("sessions", {"title": "Sosialisasi TPPO", "date": "2026-10-05"})
    shown = RecapView(store, today=date(2026, 11, 22))
    qtbot.addWidget(shown)
    shown.resize(1366, 768)
    shown.show()
    qtbot.waitUntil(lambda: shown.recap is not None, timeout=30_000)  # the figures drawn
    yield shown
    qtbot.waitUntil(lambda: worker._running == 0, timeout=30_000)  # no thread left running
    gc.collect()


def _print(qtbot: QtBot, view: RecapView, target: Path, mp: pytest.MonkeyPatch) -> list[Path]:
    saved: list[Path] = []
    mp.setattr(messages, "saved", lambda p, title, text, path: saved.append(path))
    mp.setattr(messages, "ask_save_path", lambda *a: target)
    view.pdf_button.click()
    return saved


def test_incomplete_profile_is_named_before_printing_and_profil_kantor_opens(
    view: RecapView, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[tuple[str, str, list[tuple[str, str]], str]] = []

    def ask(parent: Any, title: str, text: str, choices: Any, default: str) -> str:
        asked.append((title, text, choices, default))
        return "fill" if len(asked) == 1 else "cancel"  # asked again: the test fails below

    def fill_in(dialog: OfficeDialog) -> int:
        dialog.resize(1366, 768)
        dialog.show()
        dialog.letterhead.setPlainText("\n".join(COMPLETE_PROFILE["letterhead"]))
        for name in ("address", "city", "signatory_name", "signatory_nip", "signatory_position"):
            dialog.edits[name].setText(str(COMPLETE_PROFILE[name]))
        dialog.on_save_clicked()
        return dialog.result()

    monkeypatch.setattr(messages, "ask_choice", ask)
    monkeypatch.setattr(OfficeDialog, "exec", fill_in)
    target = tmp_path / "rekap.pdf"
    saved = _print(qtbot, view, target, monkeypatch)
    qtbot.waitUntil(lambda: target in saved, timeout=30_000)
    [(title, text, choices, default)] = asked  # once: the profile is complete after saving
    assert title == "Profil kantor belum lengkap"
    assert "tercetak bertanda DRAF" in text
    for field in ("Alamat", "Kota", "Nama penanda tangan", "NIP penanda tangan", "Jabatan"):
        assert f"• {field}" in text
    assert [label for _, label in choices] == ["Buka Profil kantor…", "Cetak saja (DRAF)", "Batal"]
    assert default == "fill"
    text = " ".join(pdf_pages(target))
    assert "REKAPITULASI" in text and DRAFT_MARK not in text


def test_print_anyway_writes_the_pdf_with_the_draft_banner(
    view: RecapView, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(messages, "ask_choice", lambda *a: "print")
    target = tmp_path / "rekap-draf.pdf"
    saved = _print(qtbot, view, target, monkeypatch)
    qtbot.waitUntil(lambda: target in saved, timeout=30_000)
    assert DRAFT_MARK in pdf_pages(target)[0]


def test_draft_question_cancelled_asks_no_file_and_prints_nothing(
    view: RecapView, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(messages, "ask_choice", lambda *a: "cancel")
    monkeypatch.setattr(messages, "ask_save_path", lambda *a: pytest.fail("asked for a file"))
    view.pdf_button.click()


def test_profil_kantor_closed_without_saving_prints_nothing(
    view: RecapView, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(messages, "ask_choice", lambda *a: "fill")
    monkeypatch.setattr(OfficeDialog, "exec", lambda dialog: 0)  # Batal in Profil kantor
    monkeypatch.setattr(messages, "ask_save_path", lambda *a: pytest.fail("asked for a file"))
    view.pdf_button.click()


def test_complete_profile_prints_without_a_question(
    view: RecapView, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    complete_office(view.store)
    monkeypatch.setattr(messages, "ask_choice", lambda *a: pytest.fail("asked"))
    target = tmp_path / "rekap.pdf"
    saved = _print(qtbot, view, target, monkeypatch)
    qtbot.waitUntil(lambda: target in saved, timeout=30_000)
    assert DRAFT_MARK not in pdf_pages(target)[0]
