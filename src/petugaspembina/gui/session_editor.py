"""The session editor (Kegiatan): type, date and time with zone, venue, village, topics, partners,
speakers, officers, headcount by sex, notes, and the photos (tab "Dokumentasi", saved sessions
only). ``SessionEditor.ask(parent, store, id)``."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSpinBox,
    QTabWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from .. import regions
from ..core.display import zone_for_region
from ..core.enums import SessionType, TimeZone, Topic
from ..core.records import Officer, Session
from ..profile import OFFICER_KEY
from ..store.corrections import changed_values
from ..store.desa_binaan import with_village_link
from ..store.errors import StoreError
from ..store.home_area import home_areas
from ..store.store import Store
from . import messages
from .dates import style_date_edit
from .form_labels import fit_labels
from .village_picker import VillagePicker


def _check_list(items: list[tuple[str, str]], checked: set[str]) -> QListWidget:
    widget = QListWidget()
    for code, label in items:
        item = QListWidgetItem(label)
        item.setData(Qt.ItemDataRole.UserRole, code)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if code in checked else Qt.CheckState.Unchecked)
        widget.addItem(item)
    return widget


def _checked(widget: QListWidget) -> list[str]:
    return [
        widget.item(i).data(Qt.ItemDataRole.UserRole)
        for i in range(widget.count())
        if widget.item(i).checkState() == Qt.CheckState.Checked
    ]


class SessionEditor(QDialog):
    """Create or edit one session; validation is shown inline before anything is saved."""

    def __init__(
        self, store: Store, session_id: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.session_id = session_id
        session = store.get(Session, session_id) if session_id else Session()
        self.setWindowTitle(self.tr("Ubah kegiatan") if session_id else self.tr("Kegiatan baru"))
        tabs = self.tabs = QTabWidget()
        main = QWidget()
        form = QFormLayout(main)
        # The title comes first: it is what an officer types, and the editor opens on it.
        self.title_edit = QLineEdit(session.title or "")
        form.addRow(self.tr("&Judul"), self.title_edit)
        self.kind = QComboBox()
        for kind in SessionType:
            self.kind.addItem(kind.label, kind.value)
        self.kind.setCurrentIndex(max(0, self.kind.findData(session.session_type)))
        form.addRow(self.tr("Je&nis kegiatan"), self.kind)
        self.date = style_date_edit(QDateEdit())
        self.date.setDate(
            QDate.fromString(session.date, "yyyy-MM-dd") if session.date else QDate.currentDate()
        )
        form.addRow(self.tr("&Tanggal"), self.date)
        times = QHBoxLayout()
        self.start = QTimeEdit(QTime.fromString(session.start_time or "09:00", "HH:mm"))
        self.end = QTimeEdit(QTime.fromString(session.end_time or "12:00", "HH:mm"))
        self.zone = QComboBox()
        for zone in TimeZone:
            self.zone.addItem(zone.label, zone.value)
        self.zone.setCurrentIndex(max(0, self.zone.findData(session.time_zone)))
        for widget in (self.start, QLabel("–"), self.end, self.zone):
            times.addWidget(widget)
        time_label = QLabel(self.tr("&Waktu"))
        time_label.setBuddy(self.start)  # a label of a row of fields needs its buddy for Alt+W
        form.addRow(time_label, times)
        self.venue = QLineEdit(session.venue or "")
        form.addRow(self.tr("Tem&pat"), self.venue)
        self.village = VillagePicker(near=home_areas(store))
        self.village.set_region(
            regions.lookup(session.region_code or "") if session.region_code else None,
            session.village_name or "",
        )
        form.addRow(self.tr("&Desa/Kelurahan"), self.village)
        self.village.picked.connect(self.on_village_picked)
        self.letter = QLineEdit(session.letter_number or "")
        form.addRow(self.tr("Nomor surat tugas"), self.letter)
        counts = QHBoxLayout()
        self.male = QSpinBox()
        self.female = QSpinBox()
        for spin, value in (
            (self.male, session.headcount_male),
            (self.female, session.headcount_female),
        ):
            spin.setRange(0, 100_000)
            spin.setValue(value or 0)
        counts.addWidget(QLabel(self.tr("L")))
        counts.addWidget(self.male)
        counts.addWidget(QLabel(self.tr("P")))
        counts.addWidget(self.female)
        form.addRow(self.tr("Hadir tanpa tanda tangan"), counts)
        fit_labels(form)
        tabs.addTab(main, self.tr("Kegiatan"))

        content = QWidget()
        content_form = QFormLayout(content)
        self.topics = _check_list([(t.value, t.label) for t in Topic], set(session.topics))
        rows = min(self.topics.count(), 10)  # every topic in sight without scrolling, up to ten
        self.topics.setMinimumHeight(
            rows * self.topics.sizeHintForRow(0) + 2 * self.topics.frameWidth() + 4
        )
        content_form.addRow(self.tr("Materi/topik"), self.topics)
        self.partners = QLineEdit(", ".join(session.partner_agencies))
        self.partners.setPlaceholderText(self.tr("Pisahkan dengan koma: Timpora, BP3MI, Disnaker"))
        content_form.addRow(self.tr("Instansi mitra"), self.partners)
        self.speakers = QPlainTextEdit(
            "\n".join(
                "; ".join(s.get(k, "") for k in ("name", "agency", "position"))
                for s in session.speakers
            )
        )
        self.speakers.setPlaceholderText(
            self.tr("Satu narasumber per baris: Nama; Instansi; Jabatan")
        )
        self.speakers.setFixedHeight(70)
        content_form.addRow(self.tr("Narasumber"), self.speakers)
        officers = store.rows("SELECT id, name FROM officers WHERE deleted = 0 ORDER BY name")
        present = set(session.officer_ids)
        if not session_id and store.meta(OFFICER_KEY):  # a new session: this laptop's officer
            present.add(str(store.meta(OFFICER_KEY)))
        self.officers = _check_list([(o["id"], o["name"] or "") for o in officers], present)
        self.officers.setFixedHeight(70)
        content_form.addRow(self.tr("Petugas"), self.officers)
        self.notes = QPlainTextEdit(session.notes or "")
        content_form.addRow(self.tr("Hasil diskusi"), self.notes)
        self.follow_ups = QPlainTextEdit(session.follow_ups or "")
        content_form.addRow(self.tr("Tindak lanjut"), self.follow_ups)
        fit_labels(content_form)
        self.content_tab = content
        tabs.addTab(content, self.tr("Materi dan hasil"))
        if session_id:
            from .photo_strip import PhotoStrip

            self.photo_strip: PhotoStrip | None = PhotoStrip(store, session_id)
            tabs.addTab(self.photo_strip, self.tr("Dokumentasi"))
        else:
            self.photo_strip = None
            waiting = QLabel(
                self.tr("Simpan kegiatan ini dahulu, lalu buka lagi untuk menambah foto.")
            )
            waiting.setWordWrap(True)
            waiting.setAlignment(Qt.AlignmentFlag.AlignTop)
            tabs.addTab(waiting, self.tr("Dokumentasi"))

        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020")
        self.error.setWordWrap(True)
        buttons = messages.button_box(
            self, self.tr("Simpan"), self.on_save_clicked, self.tr("Batal")
        )
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(680, 660)  # fits a 1366×768 screen with its task bar
        self.title_edit.setFocus()

    def values(self) -> dict[str, Any]:
        """The form as session field values."""
        region = self.village.region
        speakers = []
        for line in self.speakers.toPlainText().splitlines():
            parts = [p.strip() for p in line.split(";")]
            if parts and parts[0]:
                speakers.append(
                    {
                        k: v
                        for k, v in zip(("name", "agency", "position"), parts[:3], strict=False)
                        if v
                    }
                )
        return {
            "session_type": self.kind.currentData(),
            "title": self.title_edit.text().strip(),
            "date": self.date.date().toString("yyyy-MM-dd"),
            "start_time": self.start.time().toString("HH:mm"),
            "end_time": self.end.time().toString("HH:mm"),
            "time_zone": self.zone.currentData(),
            "venue": self.venue.text().strip() or None,
            "region_code": region.code if region else None,
            "village_name": region.name if region else (self.village.text().strip() or None),
            "region_path": region.path if region else None,
            "letter_number": self.letter.text().strip() or None,
            "headcount_male": self.male.value(),
            "headcount_female": self.female.value(),
            "topics": _checked(self.topics),
            "partner_agencies": [p.strip() for p in self.partners.text().split(",") if p.strip()],
            "speakers": speakers,
            "officer_ids": _checked(self.officers),
            "notes": self.notes.toPlainText().strip() or None,
            "follow_ups": self.follow_ups.toPlainText().strip() or None,
        }

    def problems(self, values: dict[str, Any]) -> list[str]:
        """What must be fixed before saving."""
        found = []
        if not values["title"]:
            found.append(self.tr("Judul kegiatan wajib diisi."))
        if self.end.time() <= self.start.time():
            found.append(self.tr("Jam selesai harus setelah jam mulai."))
        if self.village.text().strip() and self.village.region is None:
            found.append(self.tr("Pilih desa/kelurahan dari daftar (ketik minimal 3 huruf)."))
        return found

    def on_village_picked(self, code: str) -> None:
        """The session's time zone follows the village (Batulicin is WITA, Jayapura WIT)."""
        self.zone.setCurrentIndex(max(0, self.zone.findData(zone_for_region(code).value)))

    def on_save_clicked(self) -> None:
        values = self.values()
        problems = self.problems(values)
        if problems:
            self.error.setText("\n".join(problems))
            return
        try:
            linked = with_village_link(self.store, values)
            changed = changed_values(self.store, Session, self.session_id, linked)
            if changed or self.session_id is None:
                self.session_id = self.store.write(Session.TABLE, changed, self.session_id)
        except StoreError as exc:
            self.error.setText(str(exc))
            return
        self.accept()

    def show_content(self) -> None:
        """The "Materi dan hasil" tab, the first empty field of the report in focus."""
        self.tabs.setCurrentWidget(self.content_tab)
        _first_empty(self).setFocus()

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        store: Store,
        session_id: str | None = None,
        *,
        content: bool = False,
    ) -> str | None:
        """Edit (or create) a session; its id when saved, None when cancelled. ``content``:
        open on the "Materi dan hasil" tab (topics, speakers, results) with the first field
        the report lacks in focus."""
        dialog = cls(store, session_id, parent)
        if content:
            dialog.show_content()
        return dialog.session_id if dialog.exec() == QDialog.DialogCode.Accepted else None


def _first_empty(editor: SessionEditor) -> QWidget:
    """The first of speakers, topics, results and follow-ups the report would print as "-"."""
    if not editor.speakers.toPlainText().strip():
        return editor.speakers
    if not any(
        editor.topics.item(i).checkState() == Qt.CheckState.Checked
        for i in range(editor.topics.count())
    ):
        return editor.topics
    if not editor.notes.toPlainText().strip():
        return editor.notes
    return editor.follow_ups


def officer_names(store: Store, ids: list[str]) -> list[str]:
    """Names of officers by id (missing ones skipped)."""
    names = []
    for officer_id in ids:
        try:
            names.append(store.get(Officer, officer_id).name)
        except StoreError:
            continue
    return names
