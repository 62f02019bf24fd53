"""Kiosk mode: participants sign themselves in on a full-screen form in large type.

Two columns so that everything fits a 1366×768 laptop and 1280×720 (1920×1080 at 150 %): the
person's details on the left; signature, consent, Simpan and the message under it on the right,
so Simpan and every answer stay in sight. Controls are at least 48 px high for fingers.

Nobody can see other people's records here (no search, no list): a returning person is
recognised from what they type (store.matching) and told "Selamat datang kembali"; a second
sign-in is refused without naming anyone. While the kiosk runs every other window of the app is
hidden; leaving needs the officer's PIN, and wrong PINs make the next try wait longer.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QRegularExpression, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QFont, QKeyEvent, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from .. import regions
from ..core.records import Session
from ..store.errors import InvalidInput, StoreError
from ..store.home_area import home_areas
from ..store.pin import check_pin, has_pin, set_pin, try_pin
from ..store.signin import AlreadySignedIn, NikTaken, PersonEntry, sign_in
from ..store.store import Store
from . import messages
from .category_combo import chosen_category, fill_categories
from .entry_keys import EnterSaves, NikEdit
from .form_labels import fit_form_labels
from .full_screen import show_full_screen
from .kiosk_pin import PinDialog
from .signature_pad import SignaturePad
from .village_picker import VillagePicker, typed_entry

__all__ = ["KioskWindow", "PinDialog", "check_pin"]

TOUCH = 48  # px: the smallest control a finger hits reliably
MESSAGE_SECONDS = 6
_clock = time.monotonic  # tests move time forward

_STYLE = f"""
QLineEdit, QComboBox {{ min-height: {TOUCH}px; }}
QPushButton {{ min-height: {TOUCH}px; padding: 0 16px; }}
QPushButton#sex {{ min-width: 170px; border: 2px solid #607d8b; border-radius: 8px;
                   background: #eceff1; }}
QPushButton#sex:checked {{ background: #1565c0; color: white; border-color: #0d47a1; }}
QPushButton#save {{ min-height: 64px; font-weight: bold; background: #2e7d32; color: white;
                    border-radius: 8px; }}
QCheckBox {{ min-height: {TOUCH}px; spacing: 12px; }}
QCheckBox::indicator {{ width: 32px; height: 32px; }}
"""


class KioskWindow(QWidget):
    """Signals: changed() after each sign-in."""

    changed = Signal()

    def __init__(self, store: Store, session_id: str) -> None:
        super().__init__()
        self.store = store
        self.session = store.get(Session, session_id)
        self._unlocked = False
        self._wait_until = 0.0
        self._hidden: list[QWidget] = []
        self.setWindowTitle(self.tr("Daftar hadir mandiri"))
        self.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint)
        font = QFont(self.font())
        font.setPointSize(16)
        self.setFont(font)
        self.setStyleSheet(_STYLE)
        self._build()
        self._clear_timer = QTimer(self)
        self._clear_timer.setSingleShot(True)
        self._clear_timer.timeout.connect(self.message.clear)
        self.name.setFocus()
        fit_form_labels(self)  # once in the window: its large type is what the labels show

    # -- layout ----------------------------------------------------------------------------
    def _build(self) -> None:
        title = QLabel(
            self.tr(
                "<b>Selamat datang</b> — {0}<br>Isi data Anda lalu tekan <b>Simpan</b>."
            ).format(self.session.title or "")
        )
        title.setWordWrap(True)
        title.setStyleSheet("font-size: 20pt")
        leave = QPushButton(self.tr("Keluar (petugas)"))
        leave.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        leave.clicked.connect(self.close)
        top = QHBoxLayout()
        top.addWidget(title, 1)
        top.addWidget(leave, 0, Qt.AlignmentFlag.AlignTop)

        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("Nama lengkap"))
        self.male = QPushButton(self.tr("Laki-laki"))
        self.female = QPushButton(self.tr("Perempuan"))
        self.sex = QButtonGroup(self)
        sex_row = QHBoxLayout()
        for button, code in ((self.male, "L"), (self.female, "P")):
            button.setObjectName("sex")
            button.setCheckable(True)
            button.setProperty("code", code)
            self.sex.addButton(button)
            sex_row.addWidget(button)
        sex_row.addStretch(1)
        self.birth_year = QLineEdit()
        self.birth_year.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{0,4}")))
        self.birth_year.setPlaceholderText(self.tr("mis. 1990"))
        self.category = QComboBox()
        fill_categories(self.category, self.tr("(pilih bila sesuai)"))
        self.village = VillagePicker(near=home_areas(self.store, self.session.region_code))
        self.default_region = (
            regions.lookup(self.session.region_code or "") if self.session.region_code else None
        )
        self.phone = QLineEdit()
        self.phone.setPlaceholderText("0812-3456-7890")
        self.nik = NikEdit()  # digits while typed, masked once left
        self.nik.setPlaceholderText(self.tr("boleh dikosongkan"))
        self.guardian = QLineEdit()
        self.guardian.setPlaceholderText(self.tr("wajib bila di bawah 18 tahun"))
        details = QWidget()
        form = QFormLayout(details)
        form.setVerticalSpacing(10)
        for label, widget in (
            (self.tr("Nama"), self.name),
            (self.tr("Jenis kelamin"), sex_row),
            (self.tr("Tahun lahir"), self.birth_year),
            (self.tr("Kategori"), self.category),
            (self.tr("Desa/Kelurahan"), self.village),
            (self.tr("No. HP"), self.phone),
            (self.tr("NIK"), self.nik),
            (self.tr("Orang tua/wali"), self.guardian),
        ):
            form.addRow(label, widget)
        scroll = QScrollArea()  # only scrolls if a much larger font is chosen
        scroll.setWidget(details)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setMinimumWidth(
            details.sizeHint().width() + scroll.verticalScrollBar().sizeHint().width()
        )

        self.signature = SignaturePad()
        self.signature.setMinimumHeight(150)
        clear_signature = QPushButton(self.tr("Hapus tanda tangan"))
        clear_signature.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        clear_signature.clicked.connect(self.signature.clear)
        self.consent_data = QCheckBox(self.tr("Saya setuju data saya dicatat untuk kegiatan ini"))
        self.consent_photo = QCheckBox(self.tr("Saya setuju difoto untuk dokumentasi"))
        self.save = QPushButton(self.tr("Simpan"))
        self.save.setObjectName("save")
        self.message = QLabel()
        self.message.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.message.setWordWrap(True)
        self.message.setMinimumHeight(110)  # room for the longest answer: nothing moves
        right = QVBoxLayout()
        right.addWidget(QLabel(self.tr("Tanda tangan (boleh dikosongkan)")))
        right.addWidget(self.signature, 1)
        right.addWidget(clear_signature, 0, Qt.AlignmentFlag.AlignRight)
        right.addWidget(self.consent_data)
        right.addWidget(self.consent_photo)
        right.addWidget(self.save)
        right.addWidget(self.message)

        columns = QHBoxLayout()
        columns.addWidget(scroll, 3)
        columns.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(columns, 1)

        self.fields: dict[str, QWidget] = {
            "full_name": self.name,
            "sex": self.male,
            "birth_year": self.birth_year,
            "category": self.category,
            "village_name": self.village,
            "phone": self.phone,
            "nik": self.nik,
            "guardian_name": self.guardian,
            "consent_data": self.consent_data,
        }
        self.save.clicked.connect(self.on_save_clicked)
        for edit in (self.name, self.birth_year, self.phone, self.nik, self.guardian):
            edit.returnPressed.connect(self.on_save_clicked)
            edit.textEdited.connect(self._on_typing)
        EnterSaves(
            self,
            (self.male, self.female, self.category, self.village, self.consent_data),
            self.on_save_clicked,
        )
        EnterSaves(self, (self.consent_photo, self.save), self.on_save_clicked)
        self.sex.buttonClicked.connect(self._on_typing)
        self.consent_data.toggled.connect(self._on_typing)
        self.clear()

    # -- starting and leaving --------------------------------------------------------------
    @classmethod
    def start(cls, parent: QWidget | None, store: Store, session_id: str) -> KioskWindow | None:
        """Open the kiosk full screen with every other window hidden; the officer chooses a PIN
        the first time."""
        if not has_pin(store):
            pin = PinDialog.ask(parent, "PIN untuk keluar dari mode kiosk", confirm=True)
            if pin is None:
                return None
            try:
                set_pin(store, pin)
            except InvalidInput as exc:
                messages.warn(parent, "Mode kiosk", str(exc))
                return None
        window = cls(store, session_id)
        window.hide_others()
        show_full_screen(window, parent)
        return window

    def hide_others(self) -> None:
        """Hide the main window and every other window (no Alt+Tab to the lists); they come
        back when the officer leaves with the PIN."""
        for widget in QApplication.topLevelWidgets():
            if widget is not self and widget.isVisible() and widget.isWindow():
                self._hidden.append(widget)
                widget.hide()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._unlocked or self._may_leave():
            self._unlocked = True
            for widget in self._hidden:
                widget.show()
            self._hidden.clear()
            event.accept()
        else:
            event.ignore()
            self.name.setFocus()  # the next participant starts here

    def _may_leave(self) -> bool:
        wait = self._wait_until - _clock()
        if wait > 0:
            self._say(
                self.tr("Terlalu banyak PIN salah. Coba lagi dalam {0} detik.").format(
                    int(wait) + 1
                ),
                error=True,
            )
            return False
        pin = PinDialog.ask(self, self.tr("Keluar dari mode kiosk"))
        if pin is None:
            return False
        delay = try_pin(self.store, pin)
        if delay is None:
            return True
        self._wait_until = _clock() + delay
        self._say(self.tr("PIN salah. Coba lagi dalam {0} detik.").format(delay), error=True)
        return False

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            return
        super().keyPressEvent(event)

    # -- signing in ------------------------------------------------------------------------
    def entry(self) -> PersonEntry:
        """What the participant typed."""
        checked = self.sex.checkedButton()
        category = chosen_category(self.category)
        return typed_entry(
            self.village,
            name=self.name.text(),
            sex=str(checked.property("code")) if checked else "",
            birth_year=self.birth_year.text(),
            category=category.code if category else "",
            phone=self.phone.text(),
            nik=self.nik.text(),
            position=category.position if category else "",
        )

    def clear(self) -> None:
        """Empty the form for the next participant (the village stays the session's)."""
        for edit in (self.name, self.birth_year, self.phone, self.nik, self.guardian):
            edit.setText("")
        self.sex.setExclusive(False)  # an exclusive group cannot be unchecked otherwise
        for button in self.sex.buttons():
            button.setChecked(False)
        self.sex.setExclusive(True)
        self.category.setCurrentIndex(0)
        self.village.set_region(self.default_region, self.session.village_name or "")
        self.consent_data.setChecked(False)  # consent is the participant's to give (UU PDP)
        self.consent_photo.setChecked(False)
        self.signature.clear()
        self.name.setFocus()

    def on_save_clicked(self) -> None:
        entry = self.entry()
        # The birth year is needed to recognise a returning participant; asked after name and sex.
        if entry.full_name.strip() and entry.sex and not entry.birth_year.strip():
            self._refuse(self.tr("Tahun lahir wajib diisi."), "birth_year")
            return
        try:
            done = sign_in(
                self.store,
                self.session.id,
                entry=entry,
                signature_png=self.signature.png_base64(),
                consent_data=self.consent_data.isChecked(),
                consent_photo=self.consent_photo.isChecked(),
                guardian_name=self.guardian.text().strip() or None,
                via="kiosk",
                matches="use",
            )
        except AlreadySignedIn:
            # Never name or number anyone here: the next participant is reading the screen.
            self.clear()
            self._say(self.tr("Anda sudah tercatat hadir di kegiatan ini. Terima kasih."))
            return
        except NikTaken:
            self._refuse(
                self.tr(
                    "NIK ini sudah terdaftar dengan data lain. Periksa NIK Anda, "
                    "atau kosongkan dan minta bantuan petugas."
                ),
                "nik",
            )
            return
        except InvalidInput as exc:
            text = str(exc)
            if exc.field == "sex":
                text = self.tr("Pilih Laki-laki atau Perempuan.")
            elif exc.field == "consent_data":
                text = self.tr(
                    "Centang “Saya setuju data saya dicatat” agar kehadiran Anda dapat dicatat."
                )
            self._refuse(text, exc.field)
            return
        except StoreError as exc:
            self._say(str(exc), error=True)
            return
        self.clear()
        self._say(
            self.tr("Selamat datang kembali! Anda sudah tercatat hadir. Terima kasih.")
            if done.returning
            else self.tr("Terima kasih, Anda sudah tercatat hadir.")
        )
        self.changed.emit()

    def _on_typing(self, *_args: object) -> None:
        """The next participant (or this one, fixing a field) is typing: the last answer goes,
        so a "thank you" or "already signed in" is never read as meant for them."""
        if self.message.text():
            self._clear_timer.stop()
            self.message.clear()

    def _refuse(self, text: str, field_name: str | None) -> None:
        self._say(text, error=True)
        widget = self.fields.get(field_name or "")
        if widget is not None:
            widget.setFocus()

    def _say(self, text: str, error: bool = False) -> None:
        colour = "#b00020" if error else "#1b5e20"
        self.message.setStyleSheet(f"color: {colour}; font-weight: bold; font-size: 18pt")
        self.message.setText(text)
        if error:
            self._clear_timer.stop()  # stays until the participant acts on it
        else:
            self._clear_timer.start(MESSAGE_SECONDS * 1000)
