"""The Dokumen tab: a PDF made in the background, with progress; verification in the app."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from petugaspembina.demo import generate
from petugaspembina.documents.register import issue_for_session
from petugaspembina.gui import messages
from petugaspembina.gui.documents_view import DocumentsView
from petugaspembina.store.store import Store


@pytest.fixture
def view(qtbot: QtBot, tmp_path: Path, complete_office: Callable[[Store], None]) -> DocumentsView:
    store = Store.open(tmp_path / "demo.db")
    generate(store, seed=2, sessions=2)
    complete_office(store)
    widget = DocumentsView(store, open_after=False)
    qtbot.addWidget(widget)
    return widget


@pytest.mark.parametrize(
    "button", ["certificates_button", "sheet_button", "report_button", "minutes_button"]
)
def test_each_document_is_made_off_the_gui_thread(
    view: DocumentsView, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, button: str
) -> None:
    target = tmp_path / "out.pdf"
    monkeypatch.setattr(messages, "ask_save_path", lambda *a: target)
    monkeypatch.setattr(messages, "ask_choice", lambda *a: "print")  # the report: print as is
    getattr(view, button).click()
    qtbot.waitUntil(lambda: view.last_output == target, timeout=20_000)
    assert len(PdfReader(target).pages) >= 1


def test_failure_is_shown_not_raised(
    view: DocumentsView, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(messages, "ask_save_path", lambda *a: tmp_path / "no" / "x.pdf")
    monkeypatch.setattr(messages, "warn", lambda parent, title, text: shown.append(text))
    monkeypatch.setattr(messages, "ask_choice", lambda *a: "print")
    view.report_button.click()
    qtbot.waitUntil(lambda: bool(shown), timeout=20_000)
    assert "tidak ada" in shown[0]


def test_verify_in_the_app(view: DocumentsView, qtbot: QtBot) -> None:
    _, items = issue_for_session(view.store, view.session_combo.currentData())
    view.code_edit.setText(items[0].code)
    view.verify_button.click()
    assert (
        "asli" in view.verify_result.text()
        and items[0].person.full_name in view.verify_result.text()
    )
    code = items[0].code
    view.code_edit.setText(code[:100] + ("Q" if code[100] != "Q" else "R") + code[101:])
    qtbot.keyClick(view.code_edit, "\r")
    assert "✘" in view.verify_result.text()


def test_office_profile_dialog_saves_to_the_database(
    view: DocumentsView, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from petugaspembina.documents.office import office_profile
    from petugaspembina.gui.office_dialog import OfficeDialog

    logo = tmp_path / "logo.png"
    logo.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    monkeypatch.setattr(messages, "ask_open_image", lambda *a: logo)
    warnings: list[str] = []
    monkeypatch.setattr(messages, "warn", lambda p, t, text: warnings.append(text))
    dialog = OfficeDialog(view.store)
    qtbot.addWidget(dialog)
    dialog.letterhead.setPlainText("KEMENTERIAN X\n\nKANTOR IMIGRASI KELAS II NON TPI KERINCI")
    dialog.edits["city"].setText("Sungai Penuh")
    dialog.edits["signatory_nip"].setText("123")
    dialog.on_save_clicked()
    assert warnings and "18 digit" in warnings[0]  # a bad NIP is refused, nothing saved
    assert office_profile(view.store).city == "Bengkulu"
    dialog.edits["signatory_nip"].setText("19750315 200003 1 002")
    from PySide6.QtWidgets import QLabel

    dialog._pick("logo_png", QLabel())
    dialog.on_save_clicked()
    profile = office_profile(view.store)
    assert profile.city == "Sungai Penuh" and profile.signatory_nip == "197503152000031002"
    assert profile.letterhead == ["KEMENTERIAN X", "KANTOR IMIGRASI KELAS II NON TPI KERINCI"]
    assert profile.logo_png


def test_blank_sheet_from_the_documents_tab(
    view: DocumentsView, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ "Daftar hadir kosong (cetak)": the chosen session's blank form, no participant in it; the
    file name offered carries the kind and the date only."""
    offered: list[Path] = []
    target = tmp_path / "kosong.pdf"

    def ask(parent: object, title: str, suggested: Path) -> Path:
        offered.append(suggested)
        return target

    monkeypatch.setattr(messages, "ask_save_path", ask)
    view.blank_sheet_button.click()
    qtbot.waitUntil(lambda: view.last_output == target, timeout=20_000)
    assert offered[0].name.startswith("daftar-hadir-kosong-")
    text = " ".join(" ".join(page.extract_text() or "" for page in PdfReader(target).pages).split())
    assert "DAFTAR HADIR" in text and "Tahun Lahir" in text
    names = [view.person_combo.itemText(i) for i in range(view.person_combo.count())]
    assert names and not any(name in text for name in names)


def test_report_names_its_empty_parts_and_lets_the_officer_fill_them(
    view: DocumentsView, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A session without speakers, results or follow-ups: before printing, the officer is told
    which parts of the laporan would print "-", fills two of them in the session's "Materi dan
    hasil" tab, and prints the rest as it is."""
    from PySide6.QtWidgets import QApplication

    from petugaspembina.gui.session_editor import SessionEditor

    session_id = view.session_combo.currentData()
    view.store.write("sessions", {"speakers": [], "notes": None, "follow_ups": None}, session_id)
    asked: list[tuple[str, list[tuple[str, str]], str]] = []
    answers = iter(["fill", "print"])

    def ask(parent: object, title: str, text: str, choices: list[tuple[str, str]], d: str) -> str:
        asked.append((text, choices, d))
        return next(answers)

    seen: list[str] = []

    def fill_in(editor: SessionEditor) -> int:
        editor.resize(1366, 768)
        editor.show()
        editor.activateWindow()
        QApplication.processEvents()
        seen.append(editor.tabs.tabText(editor.tabs.currentIndex()))
        focus = QApplication.focusWidget()
        seen.append("speakers" if focus is editor.speakers else "other")
        editor.speakers.setPlainText("Budi Santoso; Kantor Imigrasi; Kepala Seksi")
        editor.notes.setPlainText("Warga memahami jalur resmi bekerja ke luar negeri.")
        editor.on_save_clicked()
        return editor.result()

    monkeypatch.setattr(messages, "ask_choice", ask)
    monkeypatch.setattr(SessionEditor, "exec", fill_in)
    target = tmp_path / "laporan.pdf"
    monkeypatch.setattr(messages, "ask_save_path", lambda *a: target)
    view.report_button.click()
    qtbot.waitUntil(lambda: view.last_output == target, timeout=20_000)

    first, choices, default = asked[0]
    assert "V. Narasumber" in first and "VII. Hasil Kegiatan" in first
    assert "VIII. Saran dan Tindak Lanjut" in first
    assert [label for _, label in choices] == ["Isi dulu…", "Cetak saja", "Batal"]
    assert default == "fill"
    assert seen == ["Materi dan hasil", "speakers"]
    second = asked[1][0]  # what is still empty after filling
    assert "VIII. Saran dan Tindak Lanjut" in second and "Narasumber" not in second
    assert "Hasil Kegiatan" not in second
    text = " ".join(page.extract_text() for page in PdfReader(target).pages)
    assert "Budi Santoso" in text and "jalur resmi" in text


def test_report_of_a_complete_session_prints_without_a_question(
    view: DocumentsView, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session_id = view.session_combo.currentData()
    view.store.write(
        "sessions",
        {
            "speakers": [{"name": "Budi", "agency": "Kanim", "position": "Kasi"}],
            "topics": ["tppo"],
            "notes": "Hasil.",
            "follow_ups": "Kunjungan ulang.",
        },
        session_id,
    )
    monkeypatch.setattr(messages, "ask_choice", lambda *a: pytest.fail("asked"))
    target = tmp_path / "laporan.pdf"
    monkeypatch.setattr(messages, "ask_save_path", lambda *a: target)
    view.report_button.click()
    qtbot.waitUntil(lambda: view.last_output == target, timeout=20_000)


def test_report_question_cancelled_prints_nothing(
    view: DocumentsView, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session_id = view.session_combo.currentData()
    view.store.write("sessions", {"notes": None}, session_id)
    monkeypatch.setattr(messages, "ask_choice", lambda *a: "cancel")
    monkeypatch.setattr(messages, "ask_save_path", lambda *a: pytest.fail("saved"))
    view.report_button.click()
    assert view.last_output is None
