"""The Dokumen tab: certificates, daftar hadir, report and berita acara of a session; verification."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core.display import short_date
from ..core.text import shorten
from ..store import queries
from ..store.store import Store
from . import messages
from .empty_hint import EmptyHint
from .form_labels import fit_form_labels
from .worker import Progress, run_task

if TYPE_CHECKING:  # the register module loads the signing keys: not at start-up
    from ..documents.register import RegisterEntry

DATE_ROLE = Qt.ItemDataRole.UserRole + 1
SESSION_CHOICES = 200  # newest matching sessions in the drop-down; typing reaches the rest


def _safe_stem(text: str) -> str:
    """File names carry the document kind and date only: never personal data."""
    return re.sub(r"[^0-9A-Za-z-]+", "-", text).strip("-")[:60]


class DocumentsView(QWidget):
    """Signals: none. Slots: on_<button>_clicked.

    Documents of a session (all certificates or one participant's, daftar hadir, report, berita
    acara), the certificate register (search, reprint, void with a reason), verification. A red
    note names the office profile fields still on placeholders (documents then carry a DRAF mark).
    """

    def __init__(self, store: Store, open_after: bool = True, lazy: bool = False) -> None:
        super().__init__()
        self.store = store
        self.open_after = open_after
        # The main window builds this tab hidden: its lists are filled when first shown, which
        # keeps start-up quick on a large database.
        self._lazy = lazy
        self._stale = lazy
        self.last_output: Path | None = None
        self._wanted: str | None = None  # a session to choose when the lazy tab is filled
        self.register_entries: list[RegisterEntry] = []
        layout = QVBoxLayout(self)
        self.draft_note = QLabel()
        self.draft_note.setWordWrap(True)
        self.draft_note.setStyleSheet("color: #b00020")
        self.draft_banner = QWidget()
        banner = QHBoxLayout(self.draft_banner)
        banner.setContentsMargins(0, 0, 0, 0)
        banner.addWidget(self.draft_note, 1)
        self.complete_button = QPushButton(self.tr("Lengkapi profil kantor…"))
        banner.addWidget(self.complete_button)
        layout.addWidget(self.draft_banner)
        box = QGroupBox(self.tr("Dokumen kegiatan"))
        form = QFormLayout(box)
        # Any session, however old, is reached by typing part of its title, village or venue:
        # the drop-down holds the newest matches (filtered in SQL), the note says when more match.
        self.session_search = QLineEdit()
        self.session_search.setPlaceholderText(self.tr("Ketik sebagian judul, desa atau tempat…"))
        self.session_search.setClearButtonEnabled(True)
        # Every letter of this label has its Alt key taken on this tab (J is Desa Binaan's): Tab
        # reaches the field.
        form.addRow(self.tr("Cari kegiatan (judul, desa, tempat):"), self.session_search)
        self.session_combo = QComboBox()
        self.session_combo.setPlaceholderText(self.tr("Belum ada kegiatan"))
        self.session_combo.setMaxVisibleItems(20)
        self.session_note = QLabel()
        self.session_note.setStyleSheet("color: palette(placeholder-text)")
        chosen = QHBoxLayout()
        chosen.addWidget(self.session_combo, 1)
        chosen.addWidget(self.session_note)
        session_label = QLabel(self.tr("Kegia&tan:"))
        session_label.setBuddy(self.session_combo)
        form.addRow(session_label, chosen)
        one = QHBoxLayout()
        self.person_combo = QComboBox()
        self.person_button = QPushButton(self.tr("Sertifikat peserta &ini"))
        one.addWidget(self.person_combo, 1)
        one.addWidget(self.person_button)
        person_label = QLabel(self.tr("U&ntuk peserta:"))
        person_label.setBuddy(self.person_combo)
        form.addRow(person_label, one)
        self.mask_phone = QCheckBox(self.tr("Samarkan nomor HP di daftar hadir"))
        self.mask_phone.setChecked(True)
        form.addRow("", self.mask_phone)
        buttons = QHBoxLayout()
        self.certificates_button = QPushButton(self.tr("Serti&fikat semua peserta"))
        self.sheet_button = QPushButton(self.tr("Daftar &hadir"))
        self.blank_sheet_button = QPushButton(self.tr("Daftar hadir kosong (cetak)"))
        self.blank_sheet_button.setToolTip(
            self.tr(
                "Formulir daftar hadir kosong untuk diisi tangan bila laptop tidak dapat dipakai; "
                "salin kemudian lewat mode “Dari kertas” di layar daftar hadir"
            )
        )
        self.report_button = QPushButton(self.tr("&Laporan kegiatan"))
        self.minutes_button = QPushButton(self.tr("Berita a&cara"))
        for button in (
            self.certificates_button,
            self.sheet_button,
            self.blank_sheet_button,
            self.report_button,
            self.minutes_button,
        ):
            buttons.addWidget(button)
        form.addRow(buttons)
        self.office_button = QPushButton(self.tr("Profil kantor (kop surat, penanda tangan)…"))
        form.addRow(self.office_button)
        layout.addWidget(box)
        register = QGroupBox(self.tr("Register sertifikat"))
        register_layout = QVBoxLayout(register)
        search_row = QHBoxLayout()
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Cari nomor atau nama…"))
        self.reprint_button = QPushButton(self.tr("Cetak ulan&g…"))
        self.void_button = QPushButton(self.tr("Batalkan…"))
        search_row.addWidget(self.search_edit, 1)
        search_row.addWidget(self.reprint_button)
        search_row.addWidget(self.void_button)
        register_layout.addLayout(search_row)
        self.register_table = QTableWidget(0, 5)
        self.register_table.setHorizontalHeaderLabels(
            [
                self.tr("Nomor"),
                self.tr("Terbit"),
                self.tr("Status"),
                self.tr("Ulang"),
                self.tr("Nama"),
            ]
        )
        self.register_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.register_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.register_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.register_table.verticalHeader().setVisible(False)
        header = self.register_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        register_layout.addWidget(self.register_table)
        self.register_empty = EmptyHint(self.register_table)
        layout.addWidget(register, 1)
        verify = QGroupBox(self.tr("Verifikasi sertifikat"))
        verify_layout = QHBoxLayout(verify)
        self.code_edit = QLineEdit()
        self.code_edit.setPlaceholderText(self.tr("Tempel atau pindai kode verifikasi (PP1…)"))
        self.verify_button = QPushButton(self.tr("Periksa"))
        verify_layout.addWidget(self.code_edit, 1)
        verify_layout.addWidget(self.verify_button)
        layout.addWidget(verify)
        self.verify_result = QLabel()
        self.verify_result.setWordWrap(True)
        layout.addWidget(self.verify_result)
        self.certificates_button.clicked.connect(self.on_certificates_clicked)
        self.sheet_button.clicked.connect(self.on_sheet_clicked)
        self.blank_sheet_button.clicked.connect(self.on_blank_sheet_clicked)
        self.report_button.clicked.connect(self.on_report_clicked)
        self.minutes_button.clicked.connect(self.on_minutes_clicked)
        self.verify_button.clicked.connect(self.on_verify_clicked)
        self.office_button.clicked.connect(self.on_office_clicked)
        self.complete_button.clicked.connect(self.on_office_clicked)
        self.code_edit.returnPressed.connect(self.on_verify_clicked)
        self.person_button.clicked.connect(self.on_person_clicked)
        self.reprint_button.clicked.connect(self.on_reprint_clicked)
        self.void_button.clicked.connect(self.on_void_clicked)
        self.search_edit.textChanged.connect(self.reload_register)
        self.session_combo.currentIndexChanged.connect(self.reload_people)
        self.session_search.textChanged.connect(self.reload_sessions)
        if not lazy:
            self.reload()
        fit_form_labels(self)

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            self._fill()
        super().showEvent(event)

    def reload(self) -> None:
        """Refill the session list (newest first), the register and the draft note; a lazy tab
        hidden only remembers to do it when it is shown."""
        if self._lazy and not self.isVisible():
            self._stale = True
        else:
            self._fill()

    def _fill(self) -> None:
        self._stale = False
        self.reload_sessions()
        self.reload_register()
        self.reload_draft_note()

    def reload_sessions(self) -> None:
        """Fill the drop-down with the newest sessions matching the search text (at most
        ``SESSION_CHOICES``), keeping the chosen one when it still matches; then the people."""
        text = self.session_search.text()
        kept = self._wanted or self.session_combo.currentData()
        self._wanted = None
        combo = self.session_combo
        combo.blockSignals(True)
        combo.clear()
        choices = queries.session_choices(self.store, SESSION_CHOICES, text)
        for session in choices:
            self._add_choice(session)
        if kept and combo.findData(kept) < 0 and not text.strip():
            chosen = queries.session_choice(self.store, kept)  # an older one chosen elsewhere
            if chosen is not None:
                self._add_choice(chosen, 0)
        index = combo.findData(kept) if kept else -1
        if combo.count():  # with a placeholder, Qt leaves nothing chosen
            combo.setCurrentIndex(max(index, 0))
        combo.blockSignals(False)
        if len(choices) == SESSION_CHOICES:
            total = queries.count_sessions(self.store, text)
            self.session_note.setText(
                self.tr("{0} terbaru dari {1} kegiatan; ketik untuk mencari").format(
                    len(choices), total
                )
            )
        elif text.strip() and not choices:
            self.session_note.setText(self.tr("Tidak ada kegiatan yang cocok"))
        else:
            self.session_note.setText("")
        self.session_note.setVisible(bool(self.session_note.text()))
        self.reload_people()

    def _add_choice(self, session: queries.SessionChoice, at: int | None = None) -> None:
        title = shorten(session.title or "", 70)
        village = f" ({shorten(session.village_name, 30)})" if session.village_name else ""
        text = f"{short_date(session.date) or '-'} — {title}{village}"
        combo = self.session_combo
        index = combo.count() if at is None else at
        combo.insertItem(index, text, session.id)
        combo.setItemData(index, session.date or "", DATE_ROLE)

    def choose_session(self, session_id: str | None) -> None:
        """Make ``session_id`` the chosen session (the one selected on the Kegiatan tab), even
        when it is older than the drop-down's newest sessions; a lazy tab not yet filled
        chooses it when it is."""
        if not session_id or session_id == self.session_combo.currentData():
            return
        self._wanted = session_id
        if self._stale:
            return
        if self.session_search.text():
            self.session_search.clear()  # refills, choosing the wanted session
        else:
            self.reload_sessions()

    def reload_draft_note(self) -> None:
        """Name the office profile fields still to fill (documents carry a DRAF mark until then)."""
        from ..documents.office import missing_fields

        missing = missing_fields(self.store)
        self.draft_note.setVisible(bool(missing))
        self.draft_banner.setVisible(bool(missing))
        self.draft_note.setText(
            self.tr(
                "Profil kantor belum lengkap: dokumen bertanda DRAF. Lengkapi lewat Profil "
                "kantor: {0}."
            ).format(", ".join(missing))
        )

    def reload_people(self) -> None:
        """The participants of the chosen session, for one participant's certificate."""
        from ..documents.data import session_document

        self.person_combo.clear()
        session_id = self.session_combo.currentData()
        if not session_id:
            return
        for attendee in session_document(self.store, session_id).attendees:
            self.person_combo.addItem(attendee.person.full_name, attendee.person.id)

    def reload_register(self) -> None:
        """The register, filtered by the search text."""
        from ..documents.register import list_register

        self.register_entries = list_register(self.store, 500, self.search_edit.text())
        table = self.register_table
        table.setRowCount(len(self.register_entries))
        for row, entry in enumerate(self.register_entries):
            cells = (
                entry.number,
                short_date(entry.issued_on),
                entry.status_label,
                str(entry.reprints),
                entry.name or "-",
            )
            for column, text in enumerate(cells):
                table.setItem(row, column, QTableWidgetItem(text))
        searched = self.search_edit.text().strip()
        self.register_empty.show_for(
            not self.register_entries,
            self.tr('Tidak ada sertifikat yang cocok dengan "{0}".').format(searched)
            if searched
            else self.tr(
                "Belum ada sertifikat. Pilih kegiatan di atas lalu tekan Sertifikat semua "
                "peserta; setiap sertifikat yang terbit tercatat di sini."
            ),
        )

    def _selected_entry(self) -> RegisterEntry | None:
        row = self.register_table.currentRow()
        if not 0 <= row < len(self.register_entries):
            messages.warn(
                self, self.tr("Register"), self.tr("Pilih sertifikat di register terlebih dahulu.")
            )
            return None
        return self.register_entries[row]

    def _session_id(self) -> str | None:
        session_id: str | None = self.session_combo.currentData() or None
        if not session_id:
            messages.warn(self, self.tr("Dokumen"), self.tr("Pilih kegiatan terlebih dahulu."))
        return session_id

    def _generate(
        self,
        kind: str,
        render: Callable[[Store, str, Path, Progress], Any],
        session_id: str | None = None,
        date: str | None = None,
    ) -> None:
        session_id = session_id or self._session_id()
        if session_id is None or self.store.path is None:
            return
        date = date or str(self.session_combo.currentData(DATE_ROLE) or "")  # file names: no names
        target = messages.ask_save_path(
            self, self.tr("Simpan PDF"), Path(f"{_safe_stem(kind)}-{date}.pdf")
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
        self.reload_register()
        if self.open_after:
            messages.saved(
                self,
                self.tr("Dokumen tersimpan"),
                self.tr("Dokumen tersimpan:\n{0}").format(path),
                path,
            )

    def _failed(self, message: str) -> None:
        messages.warn(self, self.tr("Dokumen gagal dibuat"), message)

    def on_certificates_clicked(self) -> None:
        self._generate("sertifikat", _certificates)

    def on_sheet_clicked(self) -> None:
        hide = self.mask_phone.isChecked()
        self._generate("daftar-hadir", lambda s, i, t, p: _sheet(s, i, t, p, hide))

    def on_blank_sheet_clicked(self) -> None:
        self._generate("daftar-hadir-kosong", _blank_sheet)

    def on_report_clicked(self) -> None:
        session_id = self._session_id()
        if session_id is None or not self.report_is_ready(session_id):
            return
        self._generate("laporan-kegiatan", _report, session_id)

    def report_is_ready(self, session_id: str) -> bool:
        """Before printing the laporan kegiatan: name the parts that would print empty ("-")
        and let the officer fill them in the session's "Materi dan hasil" tab, print anyway or
        cancel. True to print."""
        from ..core.records import Session
        from ..documents.report import empty_report_parts
        from .session_editor import SessionEditor

        return messages.ask_while_missing(
            self,
            lambda: empty_report_parts(self.store.get(Session, session_id)),
            self.tr("Laporan belum lengkap"),
            self.tr(
                "Bagian laporan ini masih kosong dan akan tercetak “-”:\n\n{0}\n\nIsi "
                "dulu di data kegiatan (tab Materi dan hasil), atau cetak apa adanya."
            ),
            (self.tr("Isi dulu…"), self.tr("Cetak saja"), self.tr("Batal")),
            lambda: SessionEditor.ask(self, self.store, session_id, content=True) is not None,
        )

    def on_minutes_clicked(self) -> None:
        self._generate("berita-acara", _minutes)

    def on_person_clicked(self) -> None:
        person_id = self.person_combo.currentData()
        if not person_id:
            messages.warn(self, self.tr("Dokumen"), self.tr("Kegiatan ini belum memiliki peserta."))
            return
        self._generate("sertifikat", lambda s, i, t, p: _certificates(s, i, t, p, [person_id]))

    def on_reprint_clicked(self) -> None:
        entry = self._selected_entry()
        if entry is None or not entry.session_id or not entry.person_id:
            return
        if entry.status != "issued":
            messages.warn(
                self,
                self.tr("Register"),
                self.tr("Sertifikat yang dibatalkan tidak dicetak ulang."),
            )
            return
        person_id = entry.person_id
        self._generate(
            "sertifikat",
            lambda s, i, t, p: _certificates(s, i, t, p, [person_id]),
            entry.session_id,
            entry.issued_on,
        )

    def on_void_clicked(self) -> None:
        from ..documents.register import void_certificate
        from ..store.errors import StoreError

        entry = self._selected_entry()
        if entry is None:
            return
        if entry.status != "issued":
            messages.warn(self, self.tr("Register"), self.tr("Sertifikat ini sudah dibatalkan."))
            return
        reason = messages.ask_text(
            self,
            self.tr("Batalkan sertifikat"),
            self.tr("Alasan membatalkan sertifikat {0}:").format(entry.number),
        )
        if reason is None:
            return
        try:
            void_certificate(self.store, entry.id, reason)
        except StoreError as exc:
            messages.warn(self, self.tr("Register"), str(exc))
            return
        self.reload_register()

    def on_office_clicked(self) -> None:
        from .office_dialog import OfficeDialog

        OfficeDialog.ask(self, self.store)
        self.reload_draft_note()

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


def _certificates(
    store: Store,
    session_id: str,
    target: Path,
    progress: Progress,
    person_ids: list[str] | None = None,
) -> None:
    from ..documents.produce import make_certificates

    make_certificates(store, session_id, target, person_ids, progress)


def _sheet(store: Store, session_id: str, target: Path, progress: Progress, hide: bool) -> None:
    from ..documents.produce import make_attendance_sheet

    make_attendance_sheet(store, session_id, target, hide_phone=hide)


def _blank_sheet(store: Store, session_id: str, target: Path, progress: Progress) -> None:
    from ..documents.produce import make_blank_attendance_sheet

    make_blank_attendance_sheet(store, session_id, target)


def _report(store: Store, session_id: str, target: Path, progress: Progress) -> None:
    from ..documents.produce import make_report

    make_report(store, session_id, target)


def _minutes(store: Store, session_id: str, target: Path, progress: Progress) -> None:
    from ..documents.produce import make_berita_acara

    make_berita_acara(store, session_id, target)
