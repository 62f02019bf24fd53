"""Pengaturan → Kunci otomatis: after how many idle minutes the officer's window locks."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QSpinBox, QWidget

from ..store.errors import InvalidInput
from ..store.lock import MAX_IDLE_MINUTES, MIN_IDLE_MINUTES, idle_minutes, set_idle_minutes
from ..store.store import Store
from . import messages
from .form_labels import fit_form_labels


class LockSettingsDialog(QDialog):
    """``LockSettingsDialog.ask(parent, store)`` returns the minutes saved, or None."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(self.tr("Kunci otomatis"))
        self.setMinimumWidth(480)
        form = QFormLayout(self)
        note = QLabel(
            self.tr(
                "Jendela petugas terkunci bila keyboard dan mouse tidak dipakai selama waktu "
                "ini, dan kapan saja dengan Ctrl+L. Mode kiosk tetap menerima daftar hadir "
                "selama jendela petugas terkunci."
            )
        )
        note.setWordWrap(True)
        form.addRow(note)
        self.minutes = QSpinBox()
        self.minutes.setRange(MIN_IDLE_MINUTES, MAX_IDLE_MINUTES)
        self.minutes.setSuffix(self.tr(" menit"))
        self.minutes.setValue(idle_minutes(store))
        self.minutes.setMaximumWidth(160)
        form.addRow(self.tr("&Kunci setelah"), self.minutes)
        form.addRow(
            messages.button_box(self, self.tr("Simpan"), self.on_save_clicked, self.tr("Batal"))
        )
        self.minutes.setFocus()
        self.minutes.selectAll()
        fit_form_labels(self)

    def on_save_clicked(self) -> None:
        try:
            set_idle_minutes(self.store, self.minutes.value())
        except InvalidInput as exc:  # the spin box keeps to the range; the store checks too
            messages.warn(self, self.tr("Kunci otomatis"), str(exc))
            return
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, store: Store) -> int | None:
        """Show the dialog; the minutes saved, or None when cancelled."""
        dialog = cls(store, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.minutes.value()
