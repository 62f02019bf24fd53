"""The daftar hadir screen of one session: keyboard-first sign-in of new and returning people.

Keys: type a name or NIK — matches of people who came before appear; Ctrl+1…9 (or ↓ then Enter)
signs one in. Enter saves a new person and clears the form for the next — unless the entry is
probably someone who came before (store.matching): then those people are offered, and "Orang
baru" saves a new person anyway; Esc clears; Ctrl+Z takes back the last sign-in.

"Dari kertas" (Alt+R) is for typing a paper daftar hadir in afterwards: while it is on, a yellow
banner says so, the signature pad is hidden (the signature is on the paper), and each sign-in
takes the session's time and is marked as transcribed (shown in the list and on the PDF).
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QColor,
    QKeySequence,
    QShortcut,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core.records import Session
from ..store.corrections import remove_sign_in, restore_sign_in
from ..store.errors import InvalidInput, StoreError
from ..store.home_area import home_areas
from ..store.matching import Match
from ..store.search import PersonHit, search_people
from ..store.signin import (
    AlreadySignedIn,
    MatchPolicy,
    NikTaken,
    PossibleMatch,
    SignIn,
    SignInResult,
    session_sign_ins,
    sign_in,
    undo_sign_in,
)
from ..store.store import Store
from . import messages
from .signin_form import SignInForm
from .window_size import fit_on_screen

MAX_HITS = 9
MESSAGE_LINES = 2  # the height kept for the message under the buttons
PAPER_ROW = "#fff3c4"  # the rows typed from paper, in the banner's colour


@dataclass(frozen=True, slots=True)
class RemovedSignIn:
    """A sign-in taken off the list; undo restores it."""

    attendance_id: str
    name: str


class SignInWindow(QWidget):
    """Signals: changed() after every sign-in or undo (lists elsewhere refresh)."""

    changed = Signal()

    def __init__(self, store: Store, session_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.session = store.get(Session, session_id)
        self.undo_stack: list[SignInResult | RemovedSignIn] = []
        self.sign_ins: list[SignIn] = []
        self.setWindowTitle(self.tr("Daftar hadir — {0}").format(self.session.title or ""))
        self.form = SignInForm(self.session, near=home_areas(store, self.session.region_code))
        self.form.consent_data.toggled.connect(self._clear_error)
        self.paper_mode = QCheckBox(self.tr("Dari ke&rtas: menyalin daftar hadir kertas"))
        self.paper_mode.setToolTip(
            self.tr(
                "Untuk mengetik daftar hadir yang diisi di kertas: tercatat pada waktu kegiatan "
                "dan ditandai disalin dari kertas (Alt+R)"
            )
        )
        self.paper_mode.setFocusPolicy(
            Qt.FocusPolicy.NoFocus
        )  # Alt+R leaves the typing where it is
        self.paper_mode.toggled.connect(self.on_paper_mode_toggled)
        self.paper_banner = QLabel()
        self.paper_banner.setWordWrap(True)
        self.paper_banner.setStyleSheet(
            "background: #fff3c4; color: #5d4200; border: 2px solid #e0a800; padding: 6px;"
        )
        self.paper_banner.setVisible(False)
        self.hits = QListWidget()
        self.hits.setMaximumHeight(150)
        self.hits.setToolTip(self.tr("Pernah hadir: Ctrl+1…9 atau ↓ lalu Enter"))
        self.message = QLabel()
        self._error_shown = False  # the message is about the form (cleared when it changes)
        self.message.setWordWrap(True)
        # Room for two lines kept from the start: a message (a long name wraps) does not push
        # the buttons above it up while the next person is typed. Not more: at 1280×720 the
        # window must still fit with the matches and "Orang baru" showing.
        self.message.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.message.setMinimumHeight(MESSAGE_LINES * self.message.fontMetrics().lineSpacing() + 4)
        self.message.linkActivated.connect(lambda _link: self.on_undo_triggered())
        save = QPushButton(self.tr("&Simpan (Enter)"))
        clear = QPushButton(self.tr("Kosongkan (Esc)"))
        self.undo_button = QPushButton(self.tr("&Batalkan terakhir (Ctrl+Z)"))
        self.undo_button.setEnabled(False)
        self.new_person = QPushButton(self.tr("Orang baru, bukan yang di daftar"))
        self.new_person.setToolTip(
            self.tr("Simpan sebagai orang baru walau mirip dengan yang pernah hadir")
        )
        self.new_person.setVisible(False)
        left = QVBoxLayout()
        title_row = QHBoxLayout()
        title_row.addWidget(QLabel(self.tr("<b>Peserta</b>")))
        title_row.addStretch(1)
        title_row.addWidget(self.paper_mode)
        left.addLayout(title_row)
        left.addWidget(self.form)
        left.addWidget(QLabel(self.tr("Pernah hadir (Ctrl+1…9):")))
        left.addWidget(self.hits)
        left.addWidget(self.new_person)
        buttons = QHBoxLayout()
        for button in (save, clear, self.undo_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            buttons.addWidget(button)
        left.addLayout(buttons)
        left.addWidget(self.message)
        left_widget = QWidget()
        left_widget.setLayout(left)
        self.counts = QLabel()
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [self.tr("No"), self.tr("Nama"), self.tr("L/P"), self.tr("Desa"), self.tr("Asal")]
        )
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        for column, mode in enumerate(
            (QHeaderView.ResizeMode.ResizeToContents, QHeaderView.ResizeMode.Stretch)
            + (QHeaderView.ResizeMode.ResizeToContents,) * 3
        ):
            header.setSectionResizeMode(column, mode)  # number narrow, the name takes the room
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)  # the No column numbers the rows
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setToolTip(self.tr("Enter atau klik ganda: ubah data peserta; Delete: hapus"))
        self.table.itemActivated.connect(lambda _item: self.on_edit_person_triggered())
        self.table.installEventFilter(self)  # Delete on the list removes the selected sign-in
        edit_person = QPushButton(self.tr("&Ubah data peserta…"))
        edit_person.clicked.connect(self.on_edit_person_triggered)
        remove = QPushButton(self.tr("Ha&pus tanda hadir"))
        remove.clicked.connect(self.on_remove_triggered)
        list_buttons = QHBoxLayout()
        list_buttons.addWidget(edit_person)
        list_buttons.addWidget(remove)
        list_buttons.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(self.counts)
        right.addWidget(self.table)
        right.addLayout(list_buttons)
        right_widget = QWidget()
        right_widget.setLayout(right)
        splitter = QSplitter()
        splitter.addWidget(left_widget)
        splitter.addWidget(right_widget)
        splitter.setChildrenCollapsible(False)
        left_widget.setMinimumWidth(left_widget.sizeHint().width())  # no clipped label or field
        splitter.setStretchFactor(1, 1)  # the list takes the room the form does not need
        layout = QVBoxLayout(self)
        layout.addWidget(self.paper_banner)
        layout.addWidget(splitter, 1)  # the banner keeps the height of its text
        save.clicked.connect(self.on_form_submitted)
        clear.clicked.connect(self.on_clear_triggered)
        self.undo_button.clicked.connect(self.on_undo_triggered)
        self.new_person.clicked.connect(self.on_new_person_clicked)
        self.form.submitted.connect(self.on_form_submitted)
        self.form.name.textEdited.connect(self.on_name_edited)
        self.hits.itemActivated.connect(self.on_hit_activated)
        QShortcut(QKeySequence.StandardKey.Undo, self, self.on_undo_triggered)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.on_clear_triggered)
        for number in range(1, MAX_HITS + 1):
            QShortcut(
                QKeySequence(f"Ctrl+{number}"), self, lambda n=number: self.sign_in_hit(n - 1)
            )
        for edit in self.form.findChildren(QLineEdit):
            edit.installEventFilter(self)
        self.refresh()
        fit_on_screen(self, 1100, 700)  # smaller on a screen with less room, never past it
        self.form.name.setFocus()

    def eventFilter(self, watched: object, event: object) -> bool:
        from PySide6.QtCore import QEvent
        from PySide6.QtGui import QKeyEvent

        # A field with nothing of its own to undo lets Ctrl+Z reach "undo the last sign-in".
        if (
            isinstance(watched, QLineEdit)
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.ShortcutOverride
            and event.matches(QKeySequence.StandardKey.Undo)
            and not watched.isUndoAvailable()
        ):
            event.ignore()
            return True
        if (
            watched is self.table
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Delete
        ):
            self.on_remove_triggered()
            return True
        if (
            watched is self.form.name
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Down
            and self.hits.count()
        ):
            self.hits.setFocus()
            self.hits.setCurrentRow(0)
            return True
        return False

    def closeEvent(self, event: QCloseEvent) -> None:
        """A half-typed person is not lost silently: save it (as Enter would), drop it, or stay."""
        if self.form.is_dirty():
            choice = messages.ask_unsaved(
                self,
                self.tr("Data belum disimpan"),
                self.tr("Data peserta yang sedang diketik belum disimpan. Simpan dahulu?"),
            )
            if choice == "cancel" or (choice == "save" and not self._save(person=None)):
                event.ignore()
                return
        super().closeEvent(event)

    @property
    def paper(self) -> bool:
        """Whether sign-ins are being typed from a paper daftar hadir."""
        return self.paper_mode.isChecked()

    def on_paper_mode_toggled(self, paper: bool) -> None:
        """Show or hide the banner and the signature pad; the focus goes back to the name."""
        from ..core.display import moment_in_zone
        from ..store.signin import session_moment

        session = self.session
        moment = session_moment(session.date, session.start_time, session.time_zone)
        self.paper_banner.setText(
            self.tr(
                "<b>MODE DARI KERTAS</b> — yang diketik tercatat hadir pada waktu kegiatan "
                "({0}), bukan sekarang, dan ditandai “disalin dari daftar hadir kertas”. "
                "Tanda tangannya ada di kertas. Matikan dengan Alt+R bila selesai."
            ).format(moment_in_zone(moment, session.time_zone))
        )
        self.paper_banner.setVisible(paper)
        self.form.set_paper(paper)
        self._show(
            self.tr("Mode dari kertas aktif.") if paper else self.tr("Mode dari kertas selesai.")
        )
        self.form.name.setFocus()

    # -- returning people -----------------------------------------------------------------------
    def on_name_edited(self, text: str) -> None:
        self.new_person.setVisible(False)
        self._show_hits(search_people(self.store, text, limit=MAX_HITS))

    def _show_hits(self, hits: list[PersonHit], notes: list[str] | None = None) -> None:
        self.hits.clear()
        for index, hit in enumerate(hits[:MAX_HITS], start=1):
            detail = ", ".join(
                str(p) for p in (hit.sex, hit.birth_year, hit.village_name, hit.nik_masked) if p
            )
            note = f" — {notes[index - 1]}" if notes else ""
            item = QListWidgetItem(f"{index}. {hit.full_name}  ({detail}){note}")
            item.setData(Qt.ItemDataRole.UserRole, hit)
            self.hits.addItem(item)

    def _offer(self, matches: list[Match], allow_new: bool) -> None:
        """Show the people the entry probably is, first one selected (Enter or Ctrl+1 signs in)."""
        notes = {
            "nik": self.tr("NIK sama"),
            "nik_lain": self.tr("NIK sama, nama lain"),
            "nama": self.tr("nama, jenis kelamin, tahun lahir dan tempat sama"),
            "mirip": self.tr("nama mirip, jenis kelamin, tahun lahir dan tempat sama"),
        }
        self._show_hits([m.hit for m in matches], [notes[m.reason] for m in matches])
        self.new_person.setVisible(allow_new)
        self.hits.setCurrentRow(0)
        self.hits.setFocus()

    def on_clear_triggered(self) -> None:
        self.form.clear()
        self.hits.clear()
        self.new_person.setVisible(False)

    def on_new_person_clicked(self) -> None:
        self._save(person=None, policy="new")

    def on_hit_activated(self, item: QListWidgetItem) -> None:
        self._save(person=item.data(Qt.ItemDataRole.UserRole))

    def sign_in_hit(self, index: int) -> None:
        """Sign in the person shown at ``index`` in the matches (Ctrl+1…9)."""
        if 0 <= index < self.hits.count():
            self._save(person=self.hits.item(index).data(Qt.ItemDataRole.UserRole))

    # -- saving -----------------------------------------------------------------------------
    def on_form_submitted(self) -> None:
        self._save(person=None)

    def _save(self, person: PersonHit | None, policy: MatchPolicy = "offer") -> bool:
        """Sign in the chosen or typed person; False (with the reason shown) when not saved."""
        form = self.form
        try:
            done = sign_in(
                self.store,
                self.session.id,
                person_id=person.id if person else None,
                entry=None if person else form.entry(),
                signature_png=None if self.paper else form.signature.png_base64(),
                consent_data=form.consent_data.isChecked(),
                consent_photo=form.consent_photo.isChecked(),
                guardian_name=form.guardian.text().strip() or None,
                matches=policy,
                transcribed=self.paper,
            )
        except PossibleMatch as exc:
            nik_only = all(not m.same_person for m in exc.matches)
            allow_new = all(
                m.reason in ("nama", "mirip") for m in exc.matches
            )  # a NIK is never new
            self._offer(exc.matches, allow_new)
            self._show(
                self.tr("NIK ini sudah tercatat untuk orang lain. Periksa NIK-nya.")
                if nik_only
                else self.tr(
                    "Sudah pernah hadir dengan NIK ini: pilih orangnya (Enter atau Ctrl+1)."
                )
                if not allow_new
                else self.tr(
                    "Mungkin sudah pernah hadir: pilih orangnya (Enter atau Ctrl+1), "
                    "atau tekan “Orang baru” bila memang berbeda."
                ),
                error=True,
            )
            return False
        except NikTaken as exc:
            self._offer([exc.match], allow_new=False)
            self._show(
                self.tr("NIK ini sudah tercatat untuk {0}. Periksa NIK-nya.").format(
                    exc.match.hit.full_name
                ),
                error=True,
            )
            return False
        except AlreadySignedIn as exc:
            self._show(str(exc), error=True)
            self.table.selectRow(exc.number - 1)
            return False
        except InvalidInput as exc:
            self._show(str(exc), error=True)
            widget = form.fields.get(exc.field or "")
            if widget is not None:
                widget.setFocus()
            return False
        except StoreError as exc:
            self._show(str(exc), error=True)
            return False
        self.undo_stack.append(done)
        self.undo_button.setEnabled(True)
        name = person.full_name if person else form.entry().full_name.strip()
        form.clear()
        self.hits.clear()
        self.new_person.setVisible(False)
        self.refresh()
        number = next(
            (r.number for r in self.sign_ins if r.attendance_id == done.attendance_id),
            self.table.rowCount(),
        )
        saved_row = self.table.item(number - 1, 0)
        if saved_row is not None:
            self.table.scrollToItem(saved_row)
        self._show(
            self.tr("✔ {0} tercatat hadir (nomor {1}, disalin dari kertas).").format(name, number)
            if self.paper
            else self.tr("✔ {0} tercatat hadir (nomor {1}).").format(name, number)
        )
        self.changed.emit()
        return True

    def on_undo_triggered(self) -> None:
        if not self.undo_stack:
            return
        done = self.undo_stack.pop()
        self.undo_button.setEnabled(bool(self.undo_stack))
        try:
            if isinstance(done, RemovedSignIn):
                restore_sign_in(self.store, done.attendance_id)
                text = self.tr("{0} kembali tercatat hadir.").format(done.name)
            else:
                undo_sign_in(self.store, done)
                text = self.tr("Tanda hadir terakhir dibatalkan.")
        except StoreError as exc:
            self._show(str(exc), error=True)
            return
        self.refresh()
        self._show(text)
        self.changed.emit()

    # -- corrections ------------------------------------------------------------------------------
    def _selected_sign_in(self) -> SignIn | None:
        row = self.table.currentRow()
        if 0 <= row < len(self.sign_ins) and self.table.selectionModel().hasSelection():
            return self.sign_ins[row]
        self._show(self.tr("Pilih baris di daftar hadir dahulu."), error=True)
        return None

    def on_edit_person_triggered(self) -> None:
        chosen = self._selected_sign_in()
        if chosen is None:
            return
        from .person_dialog import PersonDialog

        if PersonDialog.ask(self, self.store, chosen.person_id, chosen.attendance_id):
            self.refresh()
            self._show(self.tr("Data peserta nomor {0} disimpan.").format(chosen.number))
            self.changed.emit()

    def on_remove_triggered(self) -> None:
        chosen = self._selected_sign_in()
        if chosen is None:
            return
        try:
            remove_sign_in(self.store, chosen.attendance_id)
        except StoreError as exc:
            self._show(str(exc), error=True)
            return
        name = chosen.full_name or ""
        self.undo_stack.append(RemovedSignIn(chosen.attendance_id, name))
        self.undo_button.setEnabled(True)
        self.refresh()
        self.table.clearSelection()  # a second Delete must not take the next person
        self._show(
            self.tr('{0} dihapus dari daftar hadir. <a href="undo">Urungkan</a> (Ctrl+Z)').format(
                html.escape(name)
            )
        )
        self.changed.emit()

    def _show(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet("color: #b00020" if error else "color: #1b5e20")
        self.message.setText(text)
        self._error_shown = error

    def _clear_error(self) -> None:
        """An error about the form goes once the person acts on it (a saved person's message
        with its Urungkan link stays)."""
        if self._error_shown:
            self._show("")

    def refresh(self) -> None:
        """Reload the live list and the counts by sex."""
        rows = self.sign_ins = session_sign_ins(self.store, self.session.id)
        self.table.setRowCount(len(rows))
        paper = self.tr("kertas")
        for index, row in enumerate(rows):
            values = (row.number, row.full_name, row.sex, row.village_name)
            for column, value in enumerate((*values, paper if row.transcribed else None)):
                item = QTableWidgetItem("" if value is None else str(value))
                if row.transcribed:
                    item.setBackground(QColor(PAPER_ROW))
                    item.setToolTip(self.tr("Disalin dari daftar hadir kertas"))
                self.table.setItem(index, column, item)
        male = sum(r.sex == "L" for r in rows)
        female = sum(r.sex == "P" for r in rows)
        self.counts.setText(
            self.tr("<b>Hadir: {0}</b> — L: {1}, P: {2}").format(len(rows), male, female)
        )
        self.table.scrollToBottom()
