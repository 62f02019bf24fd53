"""Profil kantor: letterhead, signatory, images and certificate wording, stored in the database."""

from __future__ import annotations

import base64
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from ..core.enums import SignatoryPrefix
from ..core.validation import check_nip
from ..documents.office import (
    DEFAULTS,
    OFFERED_FIELDS,
    device_code,
    missing_fields,
    office_profile,
    placeholder_fields,
    received_profiles,
    save_office_profile,
)
from ..store.errors import StoreError
from ..store.store import Store
from . import messages
from .form_labels import fit_form_labels
from .window_size import fit_height

_TEXT_FIELDS = (
    "address",
    "phone",
    "website",
    "city",
    "signatory_name",
    "signatory_nip",
    "signatory_position",
    "certificate_title",
    "numbering_pattern",
)
_IMAGES = ("logo_png", "signature_png", "stamp_png")


class _Note(QLabel):
    """A wrapped note as tall as its text at the width it was given. A wrapped label's size hint
    is taken at a narrow guessed width (lines too many), and the form gave it that height: its
    text sat centred between blank lines."""

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        needed = self.heightForWidth(self.width())
        if needed > 0 and needed != self.maximumHeight():
            self.setMaximumHeight(needed)


class OfficeDialog(QDialog):
    """Edit the office profile; ``OfficeDialog.ask(parent, store)`` returns True when saved."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(self.tr("Profil kantor"))
        profile = office_profile(store)
        form = QFormLayout(self)
        missing = missing_fields(store)
        self.missing_note = self._fitted(
            _Note(self.tr("Belum diisi (dokumen bertanda DRAF): {0}").format(", ".join(missing)))
        )
        self.missing_note.setStyleSheet("color: #b00020")
        self.missing_note.setVisible(bool(missing))
        form.addRow(self.missing_note)
        # The letterhead an officer's bundle brought: offered while this one is incomplete.
        self.received = received_profiles(store) if missing else []
        if self.received:
            self.received_combo = QComboBox()
            for received in self.received:
                self.received_combo.addItem(
                    " — ".join(
                        part
                        for part in (
                            received.letterhead[-1] if received.letterhead else "",
                            received.signatory_name or "",
                        )
                        if part
                    )
                )
            self.copy_button = QPushButton(self.tr("Salin ke isian"))
            self.copy_button.clicked.connect(self.on_copy_clicked)
            row = QHBoxLayout()
            row.addWidget(self.received_combo, 1)
            row.addWidget(self.copy_button)
            form.addRow(self.tr("Profil dari bundel petugas"), row)
            form.addRow(
                "",
                self._note(
                    self.tr(
                        "Kop surat dan penanda tangan yang dibawa bundel petugas. Disalin ke "
                        "isian di bawah; periksa, lalu Simpan."
                    )
                ),
            )
        # A field still on a placeholder is shown empty, the placeholder greyed in it.
        unset = placeholder_fields(store)
        self.letterhead = QPlainTextEdit("\n".join(profile.letterhead))
        if "letterhead" in unset:
            self.letterhead.setPlainText("")
            self.letterhead.setPlaceholderText("\n".join(profile.letterhead))
        lines = self.letterhead.fontMetrics().lineSpacing()
        self.letterhead.setFixedHeight(4 * lines + 14)  # the usual four lines of a kop
        form.addRow(self.tr("Kop surat\n(satu baris per baris)"), self.letterhead)
        labels = self._labels()
        self.edits: dict[str, QLineEdit] = {}
        for name in _TEXT_FIELDS:
            label = labels[name]
            edit = QLineEdit(getattr(profile, name) or "")
            if name in unset:
                edit.setText("")
                edit.setPlaceholderText(str(getattr(profile, name) or DEFAULTS[name] or ""))
            if name == "signatory_nip" and not edit.placeholderText() and not edit.text():
                edit.setPlaceholderText(self.tr("18 digit, mis. 19750315 200003 1 002"))
            self.edits[name] = edit
            form.addRow(label, edit)
        self.pattern_preview = self._fitted(_Note())  # its colour: ``on_pattern_changed``
        form.addRow("", self.pattern_preview)
        # The pattern's fields stay as typed (stored data); what each one means, in words:
        self.pattern_help = self._note(
            self.tr(
                "{seq:04d} = nomor urut (4 angka), {device} = kode perangkat ({0}), "
                "{month_roman} = bulan (angka Romawi), {month} = bulan (angka), {year} = tahun"
            ).replace("{0}", device_code(store.device_id))
        )
        form.addRow("", self.pattern_help)
        self.edits["numbering_pattern"].textChanged.connect(self.on_pattern_changed)
        self.on_pattern_changed(self.edits["numbering_pattern"].text())
        self.prefix = QComboBox()
        for prefix in SignatoryPrefix:
            self.prefix.addItem(prefix.label, prefix.value)
        self.prefix.setCurrentIndex(max(0, self.prefix.findData(profile.signatory_prefix or "")))
        form.addRow(self.tr("Awalan (a.n./Plh./Plt.)"), self.prefix)
        self.body = QPlainTextEdit(profile.certificate_body or "")
        self.body.setFixedHeight(3 * lines + 14)
        form.addRow(self.tr("Kalimat sertifikat"), self.body)
        self.body_help = self._note(
            self.tr("Isian yang diganti: {kegiatan} {kantor} {tanggal} {tempat}")
        )
        form.addRow("", self.body_help)
        self.images: dict[str, str | None] = {}
        self.image_states: dict[str, QLabel] = {}
        for name in _IMAGES:
            label = labels[name]
            row = QHBoxLayout()
            state = QLabel(self.tr("ada") if getattr(profile, name) else self.tr("belum ada"))
            pick = QPushButton(self.tr("Pilih PNG…"))
            self.image_states[name] = state
            pick.clicked.connect(lambda _=False, n=name, s=state: self._pick(n, s))
            row.addWidget(state, 1)
            row.addWidget(pick)
            form.addRow(label, row)
        buttons = messages.button_box(
            self, self.tr("Simpan"), self.on_save_clicked, self.tr("Batal")
        )
        form.addRow(buttons)
        self.letterhead.setFocus()
        fit_form_labels(self)
        form.setVerticalSpacing(4)  # fits 1280×720 (1920×1080 at 150 %) with every note whole
        fit_height(self, 900)  # the fields wide, every wrapped note whole

    @staticmethod
    def _note(text: str) -> QLabel:
        """A grey explanation under a field."""
        note = OfficeDialog._fitted(_Note(text))
        note.setStyleSheet("color: #555")
        return note

    @staticmethod
    def _fitted(note: QLabel) -> QLabel:
        """Wrapped, top-aligned, never taller than its text."""
        note.setWordWrap(True)
        note.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        note.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        return note

    def _labels(self) -> dict[str, str]:
        return {
            "address": self.tr("Alamat"),
            "phone": self.tr("Telepon"),
            "website": self.tr("Situs web"),
            "city": self.tr("Kota"),
            "signatory_name": self.tr("Nama penanda tangan"),
            "signatory_nip": self.tr("NIP penanda tangan"),
            "signatory_position": self.tr("Jabatan penanda tangan"),
            "certificate_title": self.tr("Judul sertifikat"),
            "numbering_pattern": self.tr("Pola nomor sertifikat"),
            "logo_png": self.tr("Logo"),
            "signature_png": self.tr("Tanda tangan"),
            "stamp_png": self.tr("Cap/stempel"),
        }

    def on_pattern_changed(self, text: str) -> None:
        """Show the number the pattern gives, or why it cannot be used."""
        from ..documents.office import pattern_preview

        try:
            self.pattern_preview.setText(
                self.tr("Contoh nomor: {0}").format(
                    pattern_preview(text.strip(), self.store.device_id)
                )
            )
            self.pattern_preview.setStyleSheet("")
        except StoreError as exc:
            self.pattern_preview.setText(str(exc))
            self.pattern_preview.setStyleSheet("color: #b00020")

    def on_copy_clicked(self) -> None:
        """Fill the form from the chosen received profile (saved only with Simpan)."""
        chosen = self.received[self.received_combo.currentIndex()]
        for name in OFFERED_FIELDS:
            value = getattr(chosen, name)
            if name == "letterhead":
                self.letterhead.setPlainText("\n".join(value))
            elif name == "signatory_prefix":
                self.prefix.setCurrentIndex(max(0, self.prefix.findData(value or "")))
            elif name in self.edits:
                self.edits[name].setText(value or "")
            elif value:  # an image
                self.images[name] = value
                self.image_states[name].setText(self.tr("dipilih"))

    def _pick(self, name: str, state: QLabel) -> None:
        path = messages.ask_open_image(self, self.tr("Pilih gambar PNG"))
        if path is None:
            return
        data = path.read_bytes()
        if not data.startswith(b"\x89PNG") or len(data) > 1_400_000:
            messages.warn(self, self.tr("Gambar"), self.tr("Pilih berkas PNG di bawah 1,4 MB."))
            return
        self.images[name] = base64.b64encode(data).decode()
        state.setText(self.tr("dipilih"))

    def values(self) -> dict[str, Any]:
        """The edited profile fields."""
        values: dict[str, Any] = {
            name: edit.text().strip() or None for name, edit in self.edits.items()
        }
        values["letterhead"] = [
            line.strip() for line in self.letterhead.toPlainText().splitlines() if line.strip()
        ][:6]
        values["signatory_prefix"] = self.prefix.currentData()
        values["certificate_body"] = self.body.toPlainText().strip() or None
        values.update(self.images)
        return values

    def on_save_clicked(self) -> None:
        values = self.values()
        nip = values.get("signatory_nip")
        if nip:
            check = check_nip(nip)
            if not check.ok:
                messages.warn(self, self.tr("Profil kantor"), " ".join(check.errors))
                return
            values["signatory_nip"] = check.value
        try:
            save_office_profile(self.store, values)
        except StoreError as exc:
            messages.warn(self, self.tr("Profil kantor"), str(exc))
            return
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, store: Store) -> bool:
        """Show the dialog; True when the profile was saved."""
        return cls(store, parent).exec() == QDialog.DialogCode.Accepted


def offer_after_first_run(parent: QWidget | None, store: Store) -> bool:
    """Right after the first run: say that documents carry a DRAF banner until the office
    profile is complete, and offer to fill it in now ("Isi profil kantor…", the default) or
    later (Profil kantor in the Dokumen tab). True when the profile was saved."""
    missing = missing_fields(store)
    if not missing:
        return False

    translate = QCoreApplication.translate
    answer = messages.ask_choice(
        parent,
        translate("OfficeDialog", "Profil kantor"),
        translate(
            "OfficeDialog",
            "Sertifikat dan laporan bertanda DRAF sampai profil kantor (kop surat dan penanda "
            "tangan) lengkap. Belum diisi: {0}.\n\nIsi sekarang? Bisa juga nanti: tab Dokumen, "
            "Profil kantor.",
        ).format(", ".join(missing)),
        [
            ("fill", translate("OfficeDialog", "Isi profil kantor…")),
            ("later", translate("OfficeDialog", "Nanti")),
        ],
        "fill",
    )
    return answer == "fill" and OfficeDialog.ask(parent, store)
