"""The officer's "Desa saya": the desa binaan assigned to this officer, with the last visit, this
quarter's sessions and people, open referrals, and a warning for each village without activity."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ..core.display import short_date
from ..profile import current_officer
from ..store.desa_activity import VillageActivity, village_activities
from ..store.desa_binaan import entries_of_officer, inactive_days, list_entries
from ..store.store import Store
from .desa_views import export_profile, fill_table, make_table, overdue_words, reach_words
from .empty_hint import EmptyHint


class DesaSayaView(QWidget):
    """The officer's villages: last visit, this quarter's sessions and people, open referrals,
    and a warning for each village without activity for the set number of days."""

    def __init__(self, store: Store, today: date | None = None) -> None:
        super().__init__()
        self.store = store
        self.today = today
        layout = QVBoxLayout(self)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        self.warning = QLabel()
        self.warning.setObjectName("overdue_warning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #b00020; font-weight: bold")
        layout.addWidget(self.warning)
        self.table = make_table(
            [
                self.tr("Desa/Kelurahan"),
                self.tr("Wilayah"),
                self.tr("Kunjungan terakhir"),
                self.tr("Kegiatan triwulan ini"),
                self.tr("Orang triwulan ini"),
                self.tr("Rujukan terbuka"),
                self.tr("Keterangan"),
            ]
        )
        layout.addWidget(self.table, 1)
        self.empty = EmptyHint(
            self.table,
            self.tr(
                "Belum ada desa binaan untuk Anda. Register desa binaan datang dari kantor: "
                "impor bundel kantor di tab Sinkronisasi."
            ),
        )
        buttons = QHBoxLayout()
        self.profile_button = QPushButton(self.tr("Profil desa (PDF)…"))
        self.profile_button.clicked.connect(lambda: export_profile(self, self.store, self.table))
        buttons.addWidget(self.profile_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.items: list[VillageActivity] = []
        self.reload()

    def reload(self) -> None:
        """Recompute the officer's villages and their activity."""
        officer = current_officer(self.store)
        if officer is not None:
            entries = entries_of_officer(self.store, officer.id)
            self.heading.setText(
                self.tr("Desa binaan yang ditugaskan kepada {0}.").format(officer.name)
            )
        else:
            entries = list_entries(self.store, include_ended=False)
            self.heading.setText(
                self.tr("Semua desa binaan aktif (perangkat ini belum punya profil petugas).")
            )
        threshold = inactive_days(self.store)
        self.items = village_activities(self.store, entries, self.today, threshold)
        rows = [
            (
                item.entry.id,
                [
                    item.entry.name,
                    item.entry.region_path,
                    short_date(item.last_visit) if item.last_visit else self.tr("belum pernah"),
                    str(item.quarter.sessions),
                    reach_words(item.quarter),
                    str(item.open_referrals),
                    overdue_words(item),
                ],
                item.overdue,
            )
            for item in self.items
        ]
        fill_table(self.table, rows, stretch=1)
        overdue = [item.entry.name for item in self.items if item.overdue]
        self.warning.setText(
            self.tr(
                "⚠ {0} desa tanpa kegiatan {1} hari atau lebih: {2}. Jadwalkan kunjungan."
            ).format(len(overdue), threshold, ", ".join(overdue))
            if overdue
            else ""
        )
        self.warning.setVisible(bool(overdue))
        self.empty.show_for(not self.items)
        self.profile_button.setEnabled(bool(self.items))
