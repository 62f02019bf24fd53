"""A referral case: details (opened only here, hidden in lists), status workflow, timeline.

``ReferralDialog.ask(parent, store, person_id=…)`` starts a case; ``referral_id=…`` opens one.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..core.display import short_date
from ..core.enums import Channel, ReferralStatus, RiskType, Urgency
from ..core.labels import label_of
from ..core.records import Person, Referral
from ..core.validation import mask_nik
from ..store.errors import StoreError
from ..store.referrals import (
    agencies,
    allowed_next,
    change_status,
    create_referral,
    seed_agencies,
    timeline,
    update_referral,
)
from ..store.store import Store
from . import messages
from .dates import style_date_edit
from .form_labels import fit_form_labels

NO_DATE = QDate(2000, 1, 1)  # the date edits' "not set" value, shown as "—"


def _date_edit(iso: str | None, empty: bool) -> QDateEdit:
    """A date in the window's one style, with a calendar; ``empty`` allows "not set" (—)."""
    edit = style_date_edit(QDateEdit())
    if empty:
        edit.setMinimumDate(NO_DATE)
        edit.setSpecialValueText("—")
    edit.setDate(
        QDate.fromString(iso, "yyyy-MM-dd") if iso else NO_DATE if empty else QDate.currentDate()
    )
    return edit


def _iso(edit: QDateEdit) -> str | None:
    """The edit's date as yyyy-mm-dd, or None when "not set"."""
    day = edit.date()
    return None if day == NO_DATE else day.toString("yyyy-MM-dd")


def _combo(items: list[tuple[str, str]], current: str | None, empty: bool = False) -> QComboBox:
    combo = QComboBox()
    if empty:
        combo.addItem("", None)
    for code, label in items:
        combo.addItem(label, code)
    combo.setCurrentIndex(max(0, combo.findData(current)))
    return combo


class ReferralDialog(QDialog):
    """Create or follow up one case."""

    def __init__(
        self,
        store: Store,
        *,
        person_id: str | None = None,
        referral_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.referral_id = referral_id
        seed_agencies(store)  # a new database starts with the receiving agencies
        referral = store.get(Referral, referral_id) if referral_id else Referral()
        person = store.get(Person, person_id or referral.person_id, include_deleted=True)
        self.person_id = person.id
        self.setWindowTitle(self.tr("Rujukan — {0}").format(person.full_name or ""))
        layout = QVBoxLayout(self)
        who = ", ".join(
            str(p)
            for p in (
                person.full_name,
                person.sex,
                person.birth_year,
                person.village_name,
                mask_nik(person.nik),
            )
            if p
        )
        layout.addWidget(QLabel(self.tr("<b>Orang:</b> {0}").format(who)))
        form = QFormLayout()
        self.risk = _combo([(r.value, r.label) for r in RiskType], referral.risk_type, empty=True)
        self.urgency = _combo([(u.value, u.label) for u in Urgency], referral.urgency)
        self.narrative = QPlainTextEdit(referral.narrative or "")
        self.narrative.setPlaceholderText(self.tr("Uraian kejadian"))
        self.modus = QLineEdit(referral.modus or "")
        self.source = QLineEdit(referral.source or "")
        self.agency = _combo(agencies(store), referral.agency_id, empty=True)
        manage = QPushButton(self.tr("Kelola daftar instansi…"))
        manage.clicked.connect(self.on_manage_agencies_clicked)
        self.manage_button = manage
        agency_label = QLabel(self.tr("Instansi &penerima"))
        agency_label.setBuddy(self.agency)  # a row holding a layout gets no buddy by itself
        agency_row = QHBoxLayout()
        agency_row.addWidget(self.agency, 1)
        agency_row.addWidget(manage)
        self.channel = _combo([(c.value, c.label) for c in Channel], referral.channel, empty=True)
        self.contact = QLineEdit(referral.contact_person or "")
        self.referred_on = _date_edit(referral.referred_on, empty=True)
        self.referred_on.setToolTip(
            self.tr("Kosong (—) sampai kasus dirujuk; langkah → Dirujuk mengisinya.")
        )
        self.consent = QCheckBox(self.tr("Yang bersangkutan setuju datanya dibagikan ke instansi"))
        self.consent.setChecked(referral.consent_share)
        self.guardian = QCheckBox(self.tr("Orang tua/wali setuju (wajib untuk anak)"))
        self.guardian.setChecked(referral.guardian_consent)
        for label, widget in (
            (self.tr("&Jenis risiko"), self.risk),
            (self.tr("&Urgensi"), self.urgency),
            (self.tr("Uraia&n"), self.narrative),
            (self.tr("&Modus"), self.modus),
            (self.tr("Sumber informasi"), self.source),
            (agency_label, agency_row),
            (self.tr("Saluran"), self.channel),
            (self.tr("Narahubung"), self.contact),
            (self.tr("Tanggal rujuk"), self.referred_on),
            ("", self.consent),
            ("", self.guardian),
        ):
            form.addRow(label, widget)
        layout.addLayout(form)
        self.status_box = QGroupBox()
        status_layout = QVBoxLayout(self.status_box)
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("Catatan tindak lanjut (opsional)"))
        self.step_date = _date_edit(None, empty=False)  # today, changeable
        step_row = QHBoxLayout()
        step_row.addWidget(self.note, 1)
        self.step_label = QLabel(self.tr("Tanggal langkah:"))
        step_row.addWidget(self.step_label)
        step_row.addWidget(self.step_date)
        status_layout.addLayout(step_row)
        self.status_buttons = QHBoxLayout()
        status_layout.addLayout(self.status_buttons)
        self.history = QListWidget()
        status_layout.addWidget(self.history)
        layout.addWidget(self.status_box)
        self.error = QLabel()
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        messages.clear_when_changed(
            self.error,
            self.risk,
            self.urgency,
            self.narrative,
            self.modus,
            self.source,
            self.agency,
            self.channel,
            self.contact,
            self.referred_on,
            self.consent,
            self.guardian,
        )
        buttons = messages.button_box(
            self, self.tr("Simpan"), self.on_save_clicked, self.tr("Tutup")
        )
        layout.addWidget(buttons)
        self._refresh_status()
        # With its title bar the dialog must fit 1280×720 (1920×1080 at 150 %): not 720 high.
        self.resize(620, 640)
        self.risk.setFocus()
        fit_form_labels(self)

    def on_manage_agencies_clicked(self) -> None:
        from .agencies_dialog import AgenciesDialog

        if AgenciesDialog.ask(self, self.store):
            current = self.agency.currentData()
            self.agency.clear()
            self.agency.addItem("", None)
            for code, label in agencies(self.store):
                self.agency.addItem(label, code)
            self.agency.setCurrentIndex(max(0, self.agency.findData(current)))

    def values(self) -> dict[str, Any]:
        """The case fields as typed."""
        return {
            "risk_type": self.risk.currentData(),
            "urgency": self.urgency.currentData(),
            "narrative": self.narrative.toPlainText().strip() or None,
            "modus": self.modus.text().strip() or None,
            "source": self.source.text().strip() or None,
            "agency_id": self.agency.currentData(),
            "channel": self.channel.currentData(),
            "contact_person": self.contact.text().strip() or None,
            "referred_on": _iso(self.referred_on),
            "consent_share": self.consent.isChecked(),
            "guardian_consent": self.guardian.isChecked(),
        }

    def on_save_clicked(self) -> bool:
        """Save the details (creating the case in Draf); True when saved."""
        try:
            if self.referral_id is None:
                self.referral_id = create_referral(self.store, self.person_id, self.values())
            else:
                update_referral(self.store, self.referral_id, self.values())
        except StoreError as exc:
            messages.show_status(self.error, str(exc), error=True)
            return False
        messages.show_status(self.error, self.tr("Tersimpan."))
        self._refresh_status()
        return True

    def move_to(self, status: ReferralStatus) -> None:
        """Save the details, then take the workflow step ``status``."""
        if not self.on_save_clicked() or self.referral_id is None:
            return
        try:
            day = date.fromisoformat(self.step_date.date().toString("yyyy-MM-dd"))
            change_status(self.store, self.referral_id, status, self.note.text().strip(), day)
        except StoreError as exc:
            messages.show_status(self.error, str(exc), error=True)
            return
        self.note.clear()
        referred_on = self.store.get(Referral, self.referral_id).referred_on
        if referred_on:  # the Dirujuk step dates an undated case
            self.referred_on.setDate(QDate.fromString(referred_on, "yyyy-MM-dd"))
        messages.show_status(self.error, self.tr("Status menjadi {0}.").format(status.label))
        self._refresh_status()

    def _refresh_status(self) -> None:
        while self.status_buttons.count():
            item = self.status_buttons.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()  # until the event loop deletes it
                widget.deleteLater()
        self.history.clear()
        if self.referral_id is None:
            self.status_box.setTitle(self.tr("Status: belum disimpan — tekan Simpan"))
            for widget in (self.note, self.step_label, self.step_date):
                widget.setVisible(False)
            return
        current = self.store.get(Referral, self.referral_id).status
        self.status_box.setTitle(self.tr("Status: {0}").format(label_of(ReferralStatus, current)))
        steps = allowed_next(current)
        for widget in (self.note, self.step_label, self.step_date):
            widget.setVisible(bool(steps))  # a closed case takes no more steps
        for status in steps:
            button = QPushButton(self.tr("→ {0}").format(status.label))
            button.clicked.connect(lambda _=False, s=status: self.move_to(s))
            self.status_buttons.addWidget(button)
        for entry in timeline(self.store, self.referral_id):
            self.history.addItem(
                f"{short_date(entry.event_date)}  {label_of(ReferralStatus, entry.status)}"
                + (f" — {entry.note}" if entry.note else "")
            )

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        store: Store,
        *,
        person_id: str | None = None,
        referral_id: str | None = None,
    ) -> str | None:
        """Show the dialog; the case id if one exists afterwards."""
        dialog = cls(store, person_id=person_id, referral_id=referral_id, parent=parent)
        dialog.exec()
        return dialog.referral_id
