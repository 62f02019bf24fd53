"""The main window: Kegiatan, Peserta and Rujukan lists with a status bar."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QLabel, QMainWindow, QTableView, QTabWidget

from .. import APP_NAME
from ..core.enums import ReferralStatus, RiskType, SessionType, Urgency
from ..store import queries
from ..store.store import Store
from .listmodel import ListingModel


def _label(enum: type[SessionType] | type[RiskType] | type[ReferralStatus] | type[Urgency]):  # type: ignore[no-untyped-def]
    return lambda code: enum(code).label if code in enum.codes() else (code or "")


class MainWindow(QMainWindow):
    """The officer's window over one open database."""

    def __init__(self, store: Store, demo: bool = False) -> None:
        super().__init__()
        self.store = store
        title = f"{APP_NAME} — DEMO" if demo else APP_NAME
        self.setWindowTitle(title)
        self.tabs = QTabWidget()
        self.setCentralWidget(self.tabs)
        self.models = {
            "sessions": ListingModel(
                store,
                queries.list_sessions,
                [
                    ("date", self.tr("Tanggal"), None),
                    ("session_type", self.tr("Jenis"), _label(SessionType)),
                    ("title", self.tr("Judul"), None),
                    ("village_name", self.tr("Desa/Kelurahan"), None),
                    ("attendees", self.tr("Hadir"), None),
                    ("male", self.tr("L"), None),
                    ("female", self.tr("P"), None),
                ],
                self,
            ),
            "people": ListingModel(
                store,
                queries.list_people,
                [
                    ("full_name", self.tr("Nama"), None),
                    ("sex", self.tr("L/P"), None),
                    ("birth_year", self.tr("Tahun Lahir"), None),
                    ("village_name", self.tr("Desa/Kelurahan"), None),
                    ("nik_masked", self.tr("NIK"), None),
                    ("sessions", self.tr("Kehadiran"), None),
                ],
                self,
            ),
            "referrals": ListingModel(
                store,
                queries.list_referrals,
                [
                    ("referred_on", self.tr("Tanggal Rujuk"), None),
                    ("status", self.tr("Status"), _label(ReferralStatus)),
                    ("risk_type", self.tr("Jenis Risiko"), _label(RiskType)),
                    ("urgency", self.tr("Urgensi"), _label(Urgency)),
                    ("agency", self.tr("Instansi Penerima"), None),
                ],
                self,
            ),
        }
        for key, caption in (
            ("sessions", self.tr("Kegiatan")),
            ("people", self.tr("Peserta")),
            ("referrals", self.tr("Rujukan")),
        ):
            view = QTableView()
            view.setModel(self.models[key])
            view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            view.horizontalHeader().setStretchLastSection(True)
            view.resizeColumnsToContents()
            self.tabs.addTab(view, caption)
        from .documents_view import DocumentsView

        self.documents_view = DocumentsView(store)
        self.tabs.addTab(self.documents_view, self.tr("Dokumen"))
        status = self.tr("Basis data: {0}   Perangkat: {1}   Perubahan belum dikirim: {2}").format(
            store.path.name if store.path else ":memory:",
            store.device_id[:8],
            store.pending_changes(),
        )
        self.statusBar().addWidget(QLabel(status))
        self.resize(1100, 700)
