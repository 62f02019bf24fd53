"""The office's "Desa Binaan" view (the whole register, activity, referrals, the published figures
at a glance; add, edit, end, profile PDF, XLSX), and the table helpers the officer's "Desa saya"
(``desa_saya.py``) shares with it."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core.display import short_date
from ..core.enums import ReferralStatus
from ..store.desa_activity import (
    ProgramFigures,
    Reach,
    VillageActivity,
    program_figures,
    village_activities,
)
from ..store.desa_binaan import (
    get_entry,
    inactive_days,
    set_inactive_days,
)
from ..store.errors import StoreError
from ..store.store import Store
from . import messages
from .empty_hint import EmptyHint

OVERDUE_BG = QColor("#fdecea")


def reach_words(reach: Reach) -> str:
    """``113 (L 53, P 60)``."""
    sexes = reach.by_sex
    return f"{reach.participants} (L {sexes.get('L', 0)}, P {sexes.get('P', 0)})"


def referral_words(counts: dict[str, int]) -> str:
    """``Dirujuk 1, Ditangani 2`` in the workflow's order; "-" when none."""
    parts = [f"{s.label} {counts[s.value]}" for s in ReferralStatus if counts.get(s.value)]
    return ", ".join(parts) or "-"


def make_table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().setVisible(False)
    table.setWordWrap(False)
    return table


def fill_table(table: QTableWidget, rows: list[tuple[str, list[str], bool]], stretch: int) -> None:
    """Rows of (entry id, cells, overdue): overdue rows are tinted; column ``stretch`` takes the
    room the others leave (its long texts elided), the others fit their content."""
    table.setRowCount(len(rows))
    for row, (rid, cells, overdue) in enumerate(rows):
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, rid)
            if overdue:
                item.setBackground(OVERDUE_BG)
            table.setItem(row, column, item)
    header = table.horizontalHeader()
    for column in range(table.columnCount()):
        mode = (
            QHeaderView.ResizeMode.Stretch
            if column == stretch
            else QHeaderView.ResizeMode.ResizeToContents
        )
        header.setSectionResizeMode(column, mode)


def _selected(table: QTableWidget) -> str | None:
    items = table.selectedItems()
    return str(items[0].data(Qt.ItemDataRole.UserRole)) if items else None


def overdue_words(item: VillageActivity) -> str:
    """``⚠ 120 hari tanpa kegiatan`` / ``⚠ belum pernah dikunjungi``, ``Berakhir 1 Okt 2026``
    for an ended village, or ""."""
    if not item.entry.active:
        return QCoreApplication.translate("desa_views", "Berakhir {0}").format(
            short_date(item.entry.ended_on) if item.entry.ended_on else ""
        )
    if not item.overdue:
        return ""
    if item.last_visit is None:
        return QCoreApplication.translate("desa_views", "⚠ belum pernah dikunjungi")
    return QCoreApplication.translate("desa_views", "⚠ {0} hari tanpa kegiatan").format(
        item.days_since
    )


def export_profile(parent: QWidget, store: Store, table: QTableWidget) -> None:
    """Ask where, then write the profile PDF of the village selected in ``table``."""
    title = QCoreApplication.translate("desa_views", "Profil desa")
    rid = _selected(table)
    if rid is None:
        messages.warn(
            parent, title, QCoreApplication.translate("desa_views", "Pilih desa di daftar dahulu.")
        )
        return
    entry = get_entry(store, rid)
    suggested = f"profil-desa-binaan-{entry.region_code}.pdf"
    target = messages.ask_save_path(
        parent, QCoreApplication.translate("desa_views", "Simpan profil desa binaan"), suggested
    )
    if target is None:
        return
    from ..documents.desa_binaan import render_profile_pdf
    from ..documents.pdfout import OutputError

    try:
        path = render_profile_pdf(store, entry, target)
    except (OutputError, OSError) as exc:
        messages.warn(parent, title, str(exc))
        return
    messages.saved(
        parent, title, QCoreApplication.translate("desa_views", "Profil tersimpan."), path
    )


class DesaBinaanView(QWidget):
    """The office's register with activity; Signals: changed after an add, edit or end."""

    changed = Signal()

    def __init__(self, store: Store, today: date | None = None) -> None:
        super().__init__()
        self.store = store
        self.today = today
        layout = QVBoxLayout(self)
        self.glance = QLabel()
        self.glance.setObjectName("glance")
        self.glance.setTextFormat(Qt.TextFormat.RichText)
        self.glance.setWordWrap(True)
        layout.addWidget(self.glance)
        self.table = make_table(
            [
                self.tr("Desa/Kelurahan"),
                self.tr("Nomor SK"),
                self.tr("Petugas PIMPASA"),
                self.tr("Kunjungan terakhir"),
                self.tr("Kegiatan triw./thn"),
                self.tr("Orang tahun ini"),
                self.tr("Rujukan"),
                self.tr("Keterangan"),
            ]
        )
        self.table.doubleClicked.connect(lambda _index: self.on_edit_clicked())
        layout.addWidget(self.table, 1)
        self.empty = EmptyHint(
            self.table,
            self.tr(
                "Belum ada desa binaan di register. Tekan Tambah desa binaan… di bawah, atau "
                "pilih kegiatan pembentukan di tab Kegiatan lalu tekan Daftarkan desa binaan… "
                "di sana."
            ),
        )
        buttons = QHBoxLayout()
        for text, slot in (
            (self.tr("Tambah desa binaan…"), self.on_add_clicked),
            (self.tr("Ubah…"), self.on_edit_clicked),
            (self.tr("Akhiri…"), self.on_end_clicked),
            (
                self.tr("Profil desa (PDF)…"),
                lambda: export_profile(self, self.store, self.table),
            ),
            (self.tr("Ekspor register (XLSX)…"), self.on_xlsx_clicked),
        ):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        days_label = QLabel(self.tr("Batas &hari tanpa kegiatan"))
        self.days = QSpinBox()
        self.days.setRange(1, 3650)
        self.days.setValue(inactive_days(store))
        days_label.setBuddy(self.days)
        self.days.editingFinished.connect(self.on_days_edited)
        buttons.addWidget(days_label)
        buttons.addWidget(self.days)
        layout.addLayout(buttons)
        self.items: list[VillageActivity] = []
        self.figures: ProgramFigures | None = None
        self.reload()

    def reload(self) -> None:
        """Recompute the register's activity and the figures."""
        threshold = inactive_days(self.store)
        self.items = village_activities(self.store, None, self.today, threshold)
        self.figures = program_figures(self.store, self.items)
        rows = [
            (
                item.entry.id,
                [
                    item.entry.name,
                    item.entry.sk_number,
                    ", ".join(item.entry.officer_names()) or "-",
                    short_date(item.last_visit) if item.last_visit else self.tr("belum pernah"),
                    f"{item.quarter.sessions} / {item.year.sessions}",
                    reach_words(item.year),
                    referral_words(item.referrals),
                    overdue_words(item),
                ],
                item.overdue,
            )
            for item in self.items
        ]
        fill_table(self.table, rows, stretch=2)
        self.glance.setText(self._glance(self.figures, threshold))
        self.empty.show_for(not self.items)

    def _glance(self, figures: ProgramFigures, threshold: int) -> str:
        lines = [
            self.tr(
                "<b>{0}</b> desa binaan aktif · <b>{1}</b> petugas PIMPASA · "
                "<b>{2}</b> tanpa kegiatan ≥ {3} hari · {4} berakhir"
            ).format(
                figures.active,
                figures.officers,
                len(figures.without_activity),
                threshold,
                figures.ended,
            )
        ]
        if figures.by_office:
            lines.append(
                self.tr("Per kantor: {0}").format(
                    "; ".join(
                        self.tr("{0} — {1} desa, {2} PIMPASA").format(
                            g.label, g.villages, g.officers
                        )
                        for g in figures.by_office
                    )
                )
            )
        if figures.by_kabupaten:
            lines.append(
                self.tr("Per kabupaten/kota: {0}").format(
                    "; ".join(
                        self.tr("{0} — {1} desa, {2} PIMPASA").format(
                            g.label, g.villages, g.officers
                        )
                        for g in figures.by_kabupaten
                    )
                )
            )
        if figures.without_activity:
            lines.append(self.tr("Tanpa kegiatan: {0}").format(", ".join(figures.without_activity)))
        return "<br>".join(lines)

    def on_add_clicked(self) -> None:
        from .desa_dialog import DesaBinaanDialog

        if DesaBinaanDialog.ask(self, self.store):
            self.reload()
            self.changed.emit()

    def on_edit_clicked(self) -> None:
        rid = _selected(self.table)
        if rid is None:
            messages.warn(self, self.tr("Desa binaan"), self.tr("Pilih desa di daftar dahulu."))
            return
        from .desa_dialog import DesaBinaanDialog

        if DesaBinaanDialog.ask(self, self.store, village_id=rid):
            self.reload()
            self.changed.emit()

    def on_end_clicked(self) -> None:
        rid = _selected(self.table)
        if rid is None:
            messages.warn(self, self.tr("Desa binaan"), self.tr("Pilih desa di daftar dahulu."))
            return
        entry = get_entry(self.store, rid)
        if not entry.active:
            messages.warn(
                self, self.tr("Desa binaan"), self.tr("Desa {0} sudah berakhir.").format(entry.name)
            )
            return
        from .desa_dialog import EndDialog

        if EndDialog(self.store, entry, self).exec():
            self.reload()
            self.changed.emit()

    def on_xlsx_clicked(self) -> None:
        suggested = f"register-desa-binaan-{date.today().isoformat()}.xlsx"
        target = messages.ask_save_path(self, self.tr("Simpan register desa binaan"), suggested)
        if target is None:
            return
        from ..documents.desa_binaan import write_register_xlsx
        from ..documents.pdfout import OutputError

        try:
            path = write_register_xlsx(self.store, target)
        except (OutputError, OSError) as exc:
            messages.warn(self, self.tr("Register desa binaan"), str(exc))
            return
        messages.saved(self, self.tr("Register desa binaan"), self.tr("Register tersimpan."), path)

    def on_days_edited(self) -> None:
        try:
            set_inactive_days(self.store, self.days.value())
        except StoreError as exc:
            messages.warn(self, self.tr("Desa binaan"), str(exc))
            return
        self.reload()
        self.changed.emit()
