"""The Dokumen tab: certificates, daftar hadir, report and berita acara of a session; verification."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..core.display import short_date
from ..store import queries
from ..store.errors import InvalidInput
from ..store.store import Store
from . import messages
from .worker import Progress, run_task

DATE_ROLE = Qt.ItemDataRole.UserRole + 1


def _documents_folder() -> Path:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(folder or Path.home())


def _safe_stem(text: str) -> str:
    """File names carry the document kind and date only: never personal data."""
    return re.sub(r"[^0-9A-Za-z-]+", "-", text).strip("-")[:60]


class DocumentsView(QWidget):
    """Signals: none. Slots: on_<button>_clicked."""

    def __init__(self, store: Store, open_after: bool = True) -> None:
        super().__init__()
        self.store = store
        self.open_after = open_after
        self.last_output: Path | None = None
        layout = QVBoxLayout(self)
        box = QGroupBox(self.tr("Dokumen kegiatan"))
        form = QFormLayout(box)
        self.session_combo = QComboBox()
        self.session_combo.setPlaceholderText(self.tr("Belum ada kegiatan"))
        form.addRow(self.tr("Kegia&tan:"), self.session_combo)
        self.mask_phone = QCheckBox(self.tr("Samarkan nomor HP di daftar hadir"))
        self.mask_phone.setChecked(True)
        form.addRow("", self.mask_phone)
        buttons = QHBoxLayout()
        self.certificates_button = QPushButton(self.tr("Serti&fikat semua peserta"))
        self.sheet_button = QPushButton(self.tr("Daftar &hadir"))
        self.report_button = QPushButton(self.tr("&Laporan kegiatan"))
        self.minutes_button = QPushButton(self.tr("Berita a&cara"))
        for button in (
            self.certificates_button,
            self.sheet_button,
            self.report_button,
            self.minutes_button,
        ):
            buttons.addWidget(button)
        form.addRow(buttons)
        self.office_button = QPushButton(self.tr("Profil kant&or (kop surat, penanda tangan)…"))
        form.addRow(self.office_button)
        layout.addWidget(box)
        verify = QGroupBox(self.tr("Verifikasi sertifikat"))
        verify_layout = QHBoxLayout(verify)
        self.code_edit = QLineEdit()
        self.code_edit.setPlaceholderText(self.tr("Tempel atau pindai kode verifikasi (PP1…)"))
        self.verify_button = QPushButton(self.tr("P&eriksa"))
        verify_layout.addWidget(self.code_edit, 1)
        verify_layout.addWidget(self.verify_button)
        layout.addWidget(verify)
        self.verify_result = QLabel()
        self.verify_result.setWordWrap(True)
        layout.addWidget(self.verify_result)
        layout.addStretch(1)
        self.certificates_button.clicked.connect(self.on_certificates_clicked)
        self.sheet_button.clicked.connect(self.on_sheet_clicked)
        self.report_button.clicked.connect(self.on_report_clicked)
        self.minutes_button.clicked.connect(self.on_minutes_clicked)
        self.verify_button.clicked.connect(self.on_verify_clicked)
        self.office_button.clicked.connect(self.on_office_clicked)
        self.code_edit.returnPressed.connect(self.on_verify_clicked)
        self.reload()

    def reload(self) -> None:
        """Refill the session list (newest first)."""
        self.session_combo.clear()
        for session in queries.session_choices(self.store, 500):
            self.session_combo.addItem(
                f"{short_date(session.date) or '-'} — {session.title or ''}", session.id
            )
            self.session_combo.setItemData(
                self.session_combo.count() - 1, session.date or "", DATE_ROLE
            )
        if self.session_combo.count():  # with a placeholder, Qt leaves nothing chosen
            self.session_combo.setCurrentIndex(0)

    def _session_id(self) -> str | None:
        session_id: str | None = self.session_combo.currentData() or None
        if not session_id:
            messages.warn(self, self.tr("Dokumen"), self.tr("Pilih kegiatan terlebih dahulu."))
        return session_id

    def _generate(self, kind: str, render: Callable[[Store, str, Path, Progress], Any]) -> None:
        session_id = self._session_id()
        if session_id is None or self.store.path is None:
            return
        date = str(self.session_combo.currentData(DATE_ROLE) or "")  # file names: no names
        target = messages.ask_save_path(
            self, self.tr("Simpan PDF"), _documents_folder() / f"{_safe_stem(kind)}-{date}.pdf"
        )
        if target is None:
            return
        db_path = self.store.path

        def work(progress: Progress) -> Path:
            with Store.open(db_path, full_check=False) as store:  # own connection; checked at start
                render(store, session_id, target, progress)
            return target

        run_task(self, self.tr("Membuat {0}…").format(kind), work, self._done, self._failed)

    def _done(self, path: Path) -> None:
        self.last_output = path
        if self.open_after:
            messages.open_file(path)

    def _failed(self, message: str) -> None:
        messages.warn(self, self.tr("Dokumen gagal dibuat"), message)

    def on_certificates_clicked(self) -> None:
        self._generate("sertifikat", _certificates)

    def on_sheet_clicked(self) -> None:
        hide = self.mask_phone.isChecked()
        self._generate("daftar-hadir", lambda s, i, t, p: _sheet(s, i, t, p, hide))

    def on_report_clicked(self) -> None:
        self._generate("laporan-kegiatan", _report)

    def on_minutes_clicked(self) -> None:
        self._generate("berita-acara", _minutes)

    def on_office_clicked(self) -> None:
        from .office_dialog import OfficeDialog

        OfficeDialog.ask(self, self.store)

    def on_verify_clicked(self) -> None:
        from ..documents.register import verify_code

        code = self.code_edit.text().strip()
        if not code:
            return
        result = verify_code(self.store, code)
        if result.valid:
            self.verify_result.setText(
                self.tr("✔ {0}\nNama: {1}\nKegiatan: {2} ({3})").format(
                    result.message,
                    result.name,
                    result.session_title,
                    short_date(result.session_date),
                )
            )
        else:
            self.verify_result.setText(self.tr("✘ {0}").format(result.message))


def _certificates(store: Store, session_id: str, target: Path, progress: Progress) -> None:
    from ..documents.certificates import render_certificates
    from ..documents.register import issue_for_session

    doc, items = issue_for_session(store, session_id)
    if not items:
        raise InvalidInput("Kegiatan ini belum memiliki peserta yang hadir.")
    render_certificates(doc, items, target, progress)


def _sheet(store: Store, session_id: str, target: Path, progress: Progress, hide: bool) -> None:
    from ..documents.attendance_sheet import render_attendance_sheet
    from ..documents.data import session_document
    from ..profile import current_officer

    officer = current_officer(store)
    render_attendance_sheet(
        session_document(store, session_id),
        target,
        hide_phone=hide,
        officer_name=officer.name if officer else None,
        officer_nip=officer.nip if officer else None,
    )


def _report(store: Store, session_id: str, target: Path, progress: Progress) -> None:
    from ..documents.data import session_document
    from ..documents.report import render_report

    render_report(store, session_document(store, session_id), target)


def _minutes(store: Store, session_id: str, target: Path, progress: Progress) -> None:
    from ..documents.data import session_document
    from ..documents.report import render_berita_acara

    render_berita_acara(store, session_document(store, session_id), target)
