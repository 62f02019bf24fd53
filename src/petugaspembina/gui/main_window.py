"""The main window: Kegiatan, Peserta, Rujukan, Sinkronisasi and Dokumen, with a status bar."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QTabWidget, QWidget

from .. import APP_NAME
from ..core.display import short_date
from ..core.enums import ParticipantCategory, ReferralStatus, RiskType, SessionType, Urgency
from ..core.labels import label_of
from ..core.records import Person, Session
from ..paths import AppPaths
from ..profile import role_of, set_role
from ..store import queries
from ..store.store import Store
from . import messages
from .clerk_tabs import CLERK, OFFICER, ClerkTabs
from .listing_view import ListingView
from .listmodel import ListingModel


def _label(
    enum: type[SessionType]
    | type[RiskType]
    | type[ReferralStatus]
    | type[Urgency]
    | type[ParticipantCategory],
) -> Callable[[object], str]:
    return lambda code: label_of(enum, code)


class MainWindow(QMainWindow):
    """The officer's window over one open database. Slots: on_<action>_triggered."""

    def __init__(
        self,
        store: Store,
        demo: bool = False,
        paths: AppPaths | None = None,
        check_password: Callable[[str], bool] | None = None,
    ) -> None:
        """``check_password`` tells whether a text is the officer's password; it unlocks the
        app lock (gui/app_lock.py). None: the kiosk PIN unlocks instead."""
        super().__init__()
        self.store = store
        self.paths = paths
        self.demo = demo  # a throwaway database: an erasure touches no backup or quarantine
        self.setWindowTitle(f"{APP_NAME} — DEMO" if demo else APP_NAME)
        self.tabs = QTabWidget()
        self.setCentralWidget(self.tabs)
        self.sessions = ListingView(
            ListingModel(
                store,
                queries.list_sessions,
                [
                    ("date", self.tr("Tanggal"), short_date),
                    ("session_type", self.tr("Jenis"), _label(SessionType)),
                    ("title", self.tr("Judul"), None),
                    ("village_name", self.tr("Desa/Kelurahan"), None),
                    ("attendees", self.tr("Hadir"), None),
                    ("male", self.tr("L"), None),
                    ("female", self.tr("P"), None),
                    ("officers", self.tr("Petugas"), None),
                ],
                self,
                sortable=list(queries.SESSION_SORT),
                lazy=True,
            ),
            self.tr("Cari kegiatan (judul, desa, tempat)…"),
            sort_order=Qt.SortOrder.DescendingOrder,
            empty_hint=self.tr("Belum ada kegiatan. Tekan Ctrl+N untuk membuat."),
            stretch="title",
            fit=("date", "attendees", "male", "female"),
        )
        self.sessions.select_when_single()  # one kegiatan: the buttons act on it directly
        self.people = ListingView(
            ListingModel(
                store,
                queries.list_people,
                [
                    ("full_name", self.tr("Nama"), None),
                    ("sex", self.tr("L/P"), None),
                    ("birth_year", self.tr("Tahun Lahir"), None),
                    ("village_name", self.tr("Desa/Kelurahan"), None),
                    ("category", self.tr("Kategori"), _label(ParticipantCategory)),
                    ("nik_masked", self.tr("NIK"), None),
                    ("sessions", self.tr("Kehadiran"), None),
                ],
                self,
                sortable=list(queries.PERSON_SORT),
                lazy=True,
            ),
            self.tr("Cari nama, NIK, desa atau nomor HP…"),
            empty_hint=self.tr(
                "Belum ada peserta. Catat lewat Daftar hadir (Ctrl+D) di tab Kegiatan, "
                "atau tekan Impor daftar peserta di bawah."
            ),
            stretch="full_name",
            fit=("sex", "birth_year", "nik_masked", "sessions"),
        )
        self.referrals = ListingView(
            ListingModel(
                store,
                queries.list_referrals,
                [
                    ("referred_on", self.tr("Tanggal Rujuk"), short_date),
                    ("status", self.tr("Status"), _label(ReferralStatus)),
                    ("risk_type", self.tr("Jenis Risiko"), _label(RiskType)),
                    ("urgency", self.tr("Urgensi"), _label(Urgency)),
                    ("agency", self.tr("Instansi Penerima"), None),
                    ("events", self.tr("Tindak Lanjut"), None),
                ],
                self,
                sortable=list(queries.REFERRAL_SORT),
                lazy=True,
            ),
            self.tr("Cari status, jenis risiko, instansi…"),
            sort_order=Qt.SortOrder.DescendingOrder,
            empty_hint=self.tr(
                "Belum ada rujukan. Pilih peserta di tab Peserta, lalu Rujuk peserta ini…"
            ),
            stretch="agency",
            fit=("referred_on", "urgency", "events"),
        )
        from .desa_saya import DesaSayaView
        from .documents_view import DocumentsView
        from .sync_view import SyncView

        self.sync_view = SyncView(store, paths)
        self.documents_view = DocumentsView(store, lazy=True)
        self.desa_saya = DesaSayaView(store)
        for widget, caption in (
            (self.sessions, self.tr("&Kegiatan")),
            (self.people, self.tr("&Peserta")),
            (self.referrals, self.tr("&Rujukan")),
            (self.sync_view, self.tr("&Sinkronisasi")),
            (self.documents_view, self.tr("&Dokumen")),
            (self.desa_saya, self.tr("Desa sa&ya")),
        ):
            self.tabs.addTab(widget, caption)
        self.tabs.currentChanged.connect(self.on_tab_changed)
        self.sessions.add_button(self.tr("Kegiatan baru (Ctrl+N)"), self.on_new_session_triggered)
        self.sessions.add_button(self.tr("Ubah…"), self.on_edit_session_triggered)
        self.sessions.add_button(self.tr("Daftar hadir (Ctrl+D)"), self.on_sign_in_triggered)
        self.sessions.add_button(self.tr("Mode kiosk (F11)"), self.on_kiosk_triggered)
        self.sessions.add_button(self.tr("Hapus kegiatan…"), self.on_delete_session_triggered)
        self.sessions.add_button(self.tr("Kegiatan terhapus…"), self.on_deleted_sessions_triggered)
        self.register_button = self.sessions.add_button(
            self.tr("Daftarkan desa binaan…"), self.on_register_village_triggered
        )
        self.sessions.activated.connect(self._edit_session)
        self.people.add_button(self.tr("Ubah data…"), self.on_edit_person_triggered)
        self.people.activated.connect(self._edit_person)
        self.people.add_button(self.tr("Rujuk peserta ini…"), self.on_new_referral_triggered)
        self.people.add_button(
            self.tr("Impor daftar peserta (CSV/XLSX)…"), self.on_import_list_triggered
        )
        self.people.add_button(
            self.tr("Hapus data pribadi (UU PDP)…"), self.on_erase_person_triggered
        )
        self.referrals.activated.connect(self._open_referral)
        self.referrals.add_button(self.tr("Buka / ubah…"), self.on_open_referral_triggered)
        self.sync_view.changed.connect(self.refresh)
        self.status = QLabel()
        self.statusBar().addWidget(self.status)
        self.clock_warning = QLabel()
        self.clock_warning.setObjectName("clock_warning")
        self.clock_warning.setStyleSheet("color: #b00020; font-weight: bold")
        self.statusBar().addPermanentWidget(self.clock_warning)
        self.clerk: ClerkTabs | None = None
        self.set_role(role_of(store))
        self._actions()
        self.windows: list[QWidget] = []
        from .app_lock import AppLock

        self.app_lock = AppLock(self, store, check_password)
        self.update_status()  # the lists loaded themselves just now
        self._restore()

    def _actions(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&Berkas"))
        for text, shortcut, slot in (
            (self.tr("Kegiatan baru"), QKeySequence.StandardKey.New, self.on_new_session_triggered),
            (self.tr("Daftar hadir kegiatan terpilih"), "Ctrl+D", self.on_sign_in_triggered),
            (self.tr("Mode kiosk"), "F11", self.on_kiosk_triggered),
            (self.tr("Ekspor bundel"), "Ctrl+E", self.sync_view.on_export_clicked),
            (self.tr("Impor bundel"), "Ctrl+I", self.sync_view.on_import_clicked),
            (self.tr("Instansi penerima rujukan…"), "", self.on_agencies_triggered),
            (self.tr("Catatan audit…"), "Ctrl+Shift+A", self.on_audit_triggered),
            (self.tr("Cari"), QKeySequence.StandardKey.Find, self.on_find_triggered),
            (self.tr("Segarkan"), QKeySequence.StandardKey.Refresh, self.refresh),
            (self.tr("Kunci aplikasi"), "Ctrl+L", self.on_lock_triggered),
            (self.tr("Kunci otomatis…"), "", self.on_lock_settings_triggered),
            (self.tr("Ganti kata sandi…"), "", self.on_change_password_triggered),
            (self.tr("Keluar"), QKeySequence.StandardKey.Quit, self.close),
        ):
            action = QAction(text, self)
            action.setShortcut(QKeySequence(shortcut))
            action.triggered.connect(slot)
            if slot == self.on_lock_triggered:  # also from the sign-in window
                action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
            menu.addAction(action)
            self.addAction(action)
        roles = self.menuBar().addMenu(self.tr("Mode kerj&a"))
        self.role_actions: dict[str, QAction] = {}
        for role, name in (
            (OFFICER, self.tr("Petugas lapangan")),
            (CLERK, self.tr("Petugas kantor")),
        ):
            action = QAction(name, self, checkable=True)
            action.setChecked(role == role_of(self.store))
            action.triggered.connect(lambda _=False, r=role: self.on_role_triggered(r))
            roles.addAction(action)
            self.role_actions[role] = action
        languages = self.menuBar().addMenu(self.tr("Bahasa"))
        current = str(self._settings().value("ui/language", "id"))
        for code, name in (("id", "Bahasa Indonesia"), ("en", "English")):
            action = QAction(name, self, checkable=True)
            action.setChecked(code == current)
            action.triggered.connect(lambda _=False, c=code: self.on_language_triggered(c))
            languages.addAction(action)

    # -- state --------------------------------------------------------------------------------
    def _settings(self) -> QSettings:
        return QSettings()

    def _restore(self) -> None:
        settings = self._settings()
        geometry = settings.value("main/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1150, 720)
        self.tabs.setCurrentIndex(int(str(settings.value("main/tab", 0))))
        for name, view in (
            ("sessions", self.sessions),
            ("people", self.people),
            ("referrals", self.referrals),
        ):
            view.restore_layout(
                settings.value(f"main/{name}_columns"), settings.value(f"main/{name}_column_keys")
            )

    def closeEvent(self, event: QCloseEvent) -> None:
        settings = self._settings()
        settings.setValue("main/geometry", self.saveGeometry())
        settings.setValue("main/tab", self.tabs.currentIndex())
        for name, view in (
            ("sessions", self.sessions),
            ("people", self.people),
            ("referrals", self.referrals),
        ):
            state = view.saved_layout()  # an empty list's layout is never remembered
            if state is not None:
                settings.setValue(f"main/{name}_columns", state)
                settings.setValue(f"main/{name}_column_keys", view.columns_signature())
        for window in self.windows:
            window.close()
        self.app_lock.stop()
        self.sync_view.shutdown()
        super().closeEvent(event)

    def on_tab_changed(self, index: int) -> None:
        """Opening Dokumen chooses the session selected on the Kegiatan tab, however old."""
        if self.tabs.widget(index) is self.documents_view:
            self.documents_view.choose_session(self.sessions.selected_id())

    def refresh(self) -> None:
        """Reload the lists, the conflicts and the status bar (after edits, imports, sign-ins,
        Berkas → Segarkan after an import made outside the window)."""
        for view in (self.sessions, self.people, self.referrals):
            view.reload()
        self.sync_view.reload_conflicts()
        self.documents_view.reload()
        self.desa_saya.reload()
        if self.clerk is not None:
            self.clerk.reload()
        self.update_status()

    def update_status(self) -> None:
        """The status bar: database, device, records not yet sent (at the office: what waits
        for the clerk's decision instead, the office sends nothing), a clock set back."""
        self.status.setText(
            self.tr("Basis data: {0}   Perangkat: {1}   {2}").format(
                self.store.path.name if self.store.path else ":memory:",
                self.store.device_id[:8],
                self._clerk_state() if self.clerk is not None else self._officer_state(),
            )
        )
        self.update_clock_warning()

    def _clerk_state(self) -> str:
        """What waits for the clerk: conflicts and suggested duplicates to decide."""
        assert self.clerk is not None
        conflicts, duplicates = self.clerk.conflict_count, self.clerk.duplicate_count
        if not conflicts and not duplicates:
            return self.tr("Tidak ada konflik atau duplikat yang menunggu keputusan")
        return self.tr("Menunggu keputusan: {0} konflik, {1} duplikat").format(
            conflicts, duplicates
        )

    def _officer_state(self) -> str:
        """How far the officer's records are on their way to the office."""
        from ..sync.outbox import summary

        unsent = self.store.unsent_records()
        counts = summary(self.store)
        unconfirmed = counts["waiting"] + counts["sent"]
        if unsent:
            state = self.tr("{0} rekaman belum dikirim").format(unsent)
        elif unconfirmed:  # exported, but the office has not confirmed it yet
            state = self.tr(
                "Semua rekaman sudah diekspor; {0} berkas belum dikonfirmasi kantor"
            ).format(unconfirmed)
        else:
            state = self.tr("Semua rekaman sudah dikirim")
        if self.sync_view.conflict_count:
            state += "   " + self.tr("{0} konflik perlu diperiksa (tab Sinkronisasi)").format(
                self.sync_view.conflict_count
            )
        return state

    def update_clock_warning(self) -> None:
        """Point out a laptop clock behind the newest time the database has seen."""
        behind = self.store.clock_behind()
        if behind is None:
            self.clock_warning.clear()
            self.clock_warning.setToolTip("")
            self.clock_warning.hide()
            return
        newest = self.store.clock.last
        self.clock_warning.setText(self.tr("⚠ Jam laptop terlambat — periksa tanggal dan jam"))
        self.clock_warning.setToolTip(
            self.tr(
                "Jam laptop menunjukkan waktu {0} lebih awal dari waktu terbaru yang sudah "
                "tercatat di basis data ({1}). Perbaiki tanggal dan jam di pengaturan Windows. "
                "Data tetap tersimpan dengan urutan yang benar."
            ).format(
                self._span(behind.total_seconds()), short_date(newest.time.date()) if newest else ""
            )
        )
        self.clock_warning.show()

    def _span(self, seconds: float) -> str:
        """``3 tahun``, ``12 hari``, ``2 jam`` or ``7 menit``: how far a clock is off, roughly."""
        for size, unit in (
            (365 * 86400, self.tr("{0} tahun")),
            (86400, self.tr("{0} hari")),
            (3600, self.tr("{0} jam")),
        ):
            if seconds >= size:
                return unit.format(int(seconds // size))
        return self.tr("{0} menit").format(int(seconds // 60))

    # -- actions ------------------------------------------------------------------------------
    def set_role(self, role: str) -> None:
        """Office clerks get Kotak masuk, Konflik, Duplikat, Rekap and Desa Binaan before the
        lists (and register desa binaan from a session); officers get Desa saya."""
        self.tabs.setTabVisible(self.tabs.indexOf(self.desa_saya), role != CLERK)
        self.register_button.setVisible(role == CLERK)
        if role == CLERK and self.clerk is None:
            self.clerk = ClerkTabs(self, self.store, self.paths)
            self.clerk.install()
            self.tabs.setCurrentIndex(0)
            self.update_status()
        elif role != CLERK and self.clerk is not None:
            self.clerk.remove()
            self.clerk.deleteLater()
            self.clerk = None
            self.update_status()

    def on_role_triggered(self, role: str) -> None:
        set_role(self.store, role)
        self.set_role(role)
        for code, action in self.role_actions.items():
            action.setChecked(code == role)

    def on_language_triggered(self, code: str) -> None:
        self._settings().setValue("ui/language", code)
        messages.inform(self, APP_NAME, self.tr("Bahasa berganti setelah aplikasi dibuka ulang."))

    def on_lock_triggered(self) -> None:
        self.app_lock.lock_now()

    def on_lock_settings_triggered(self) -> None:
        from .lock_settings import LockSettingsDialog

        minutes = LockSettingsDialog.ask(self, self.store)
        if minutes is not None:
            self.app_lock.set_idle_seconds(minutes * 60)
            self.statusBar().showMessage(
                self.tr("Aplikasi terkunci setelah {0} menit tidak dipakai.").format(minutes),
                10_000,
            )

    def on_change_password_triggered(self) -> None:
        from ..store import vault
        from .change_password import ChangePasswordDialog

        database = self.store.path
        if database is None or not vault.is_set_up(database):
            messages.inform(self, APP_NAME, self.tr("Basis data ini tidak memakai kata sandi."))
            return
        if ChangePasswordDialog.ask(self, self.store, database):
            self.statusBar().showMessage(
                self.tr("Kata sandi diganti. Kunci pemulihan tetap sama."), 10_000
            )

    def on_agencies_triggered(self) -> None:
        from .agencies_dialog import AgenciesDialog

        AgenciesDialog.ask(self, self.store)

    def on_audit_triggered(self) -> None:
        from .audit_dialog import AuditDialog

        AuditDialog.ask(self, self.store)

    def on_find_triggered(self) -> None:
        view = self.tabs.currentWidget()
        if isinstance(view, ListingView):
            view.search.setFocus()
            view.search.selectAll()

    def on_new_session_triggered(self) -> None:
        from .session_editor import SessionEditor

        saved = SessionEditor.ask(self, self.store)
        if saved is not None:
            self.refresh()
            self.sessions.select_id(saved)  # Ctrl+D right after opens its daftar hadir
            self.offer_register(saved)

    def on_edit_session_triggered(self) -> None:
        session_id = self._selected_session()
        if session_id:
            self._edit_session(session_id)

    def _edit_session(self, session_id: str) -> None:
        from .session_editor import SessionEditor

        if SessionEditor.ask(self, self.store, session_id) is not None:
            self.refresh()
            self.sessions.select_id(session_id)
            self.offer_register(session_id)

    def offer_register(self, session_id: str) -> None:
        """At the office, a pembentukan session whose village is not yet in the register offers
        to register it (the register is written at the office)."""
        from ..store.desa_binaan import find_entry

        session = self.store.get(Session, session_id)
        if (
            self.clerk is None
            or session.session_type != SessionType.PEMBENTUKAN.value
            or not session.region_code
            or find_entry(self.store, session.region_code) is not None
        ):
            return
        question = self.tr(
            "Kegiatan ini adalah pembentukan desa binaan. Daftarkan Desa {0} di register desa "
            "binaan sekarang?"
        ).format(session.village_name or session.region_code)
        if messages.confirm(self, self.tr("Desa binaan"), question):
            self._register_from(session_id)

    def on_register_village_triggered(self) -> None:
        session_id = self._selected_session()
        if session_id is None:
            return
        session = self.store.get(Session, session_id)
        if session.session_type != SessionType.PEMBENTUKAN.value:
            messages.warn(
                self,
                self.tr("Desa binaan"),
                self.tr(
                    "Pilih kegiatan berjenis Pembentukan Desa Binaan. Desa lain dapat "
                    "ditambahkan dari tab Desa Binaan."
                ),
            )
            return
        self._register_from(session_id)

    def _register_from(self, session_id: str) -> None:
        from .desa_dialog import DesaBinaanDialog

        if DesaBinaanDialog.ask(self, self.store, session_id=session_id):
            self.refresh()

    def _selected_session(self) -> str | None:
        session_id = self.sessions.selected_id()
        if session_id is None:
            messages.warn(self, APP_NAME, self.tr("Pilih kegiatan di tab Kegiatan dahulu."))
        return session_id

    def on_sign_in_triggered(self) -> None:
        session_id = self._selected_session()
        if session_id is None:
            return
        from .signin_window import SignInWindow

        window = SignInWindow(self.store, session_id)
        window.changed.connect(self.refresh)
        self.windows.append(window)
        window.show()

    def on_kiosk_triggered(self) -> None:
        session_id = self._selected_session()
        if session_id is None:
            return
        from .kiosk import KioskWindow

        window = KioskWindow.start(self, self.store, session_id)
        if window is not None:
            window.changed.connect(self.refresh)
            self.windows.append(window)

    def on_new_referral_triggered(self) -> None:
        person_id = self.people.selected_id()
        if person_id is None:
            messages.warn(self, APP_NAME, self.tr("Pilih peserta di tab Peserta dahulu."))
            return
        from .referral_dialog import ReferralDialog

        if ReferralDialog.ask(self, self.store, person_id=person_id) is not None:
            self.refresh()

    def on_erase_person_triggered(self) -> None:
        person_id = self.people.selected_id()
        if person_id is None:
            messages.warn(self, APP_NAME, self.tr("Pilih peserta di tab Peserta dahulu."))
            return
        from ..erase import describe, erase_everywhere

        person = self.store.get(Person, person_id)
        question = self.tr(
            "Hapus permanen semua data {0} ({1}, {2}): kehadiran, rujukan dan sertifikat? "
            "Penghapusan ikut terkirim dalam bundel dan tidak dapat dibatalkan."
        ).format(person.full_name, person.sex or "-", person.birth_year or "-")
        if messages.confirm_danger(
            self, self.tr("Hapus data pribadi"), question, self.tr("Hapus permanen")
        ):
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                report = erase_everywhere(self.store, person_id, None if self.demo else self.paths)
            finally:
                QApplication.restoreOverrideCursor()
            self.refresh()
            done, beyond = describe(report)
            messages.inform(
                self,
                self.tr("Data pribadi dihapus"),
                self.tr("{0} rekaman dihapus permanen.").format(report.database.total)
                + "\n\n"
                + "\n".join(f"• {line}" for line in done)
                + "\n\n"
                + self.tr("Tidak dapat ditarik kembali:")
                + "\n"
                + "\n".join(f"• {line}" for line in beyond),
            )

    def on_edit_person_triggered(self) -> None:
        person_id = self.people.selected_id()
        if person_id is None:
            messages.warn(self, APP_NAME, self.tr("Pilih peserta di tab Peserta dahulu."))
            return
        self._edit_person(person_id)

    def _edit_person(self, person_id: str) -> None:
        from .person_dialog import PersonDialog

        if PersonDialog.ask(self, self.store, person_id):
            self.refresh()

    def on_delete_session_triggered(self) -> None:
        session_id = self._selected_session()
        if session_id is None:
            return
        from ..store.corrections import delete_session
        from ..store.signin import session_sign_ins

        session = self.store.get(Session, session_id)
        count = len(session_sign_ins(self.store, session_id))
        question = self.tr(
            "Hapus kegiatan “{0}” ({1}) beserta {2} tanda hadirnya? "
            "Kegiatan dapat dipulihkan lewat “Kegiatan terhapus…”."
        ).format(session.title, session.date, count)
        if messages.confirm_danger(
            self, self.tr("Hapus kegiatan"), question, self.tr("Hapus kegiatan")
        ):
            delete_session(self.store, session_id)
            self.refresh()
            self.statusBar().showMessage(
                self.tr("Kegiatan “{0}” dihapus.").format(session.title), 10_000
            )

    def on_deleted_sessions_triggered(self) -> None:
        from .deleted_sessions_dialog import DeletedSessionsDialog

        if DeletedSessionsDialog.ask(self, self.store):
            self.refresh()

    def on_open_referral_triggered(self) -> None:
        referral_id = self.referrals.selected_id()
        if referral_id:
            self._open_referral(referral_id)

    def _open_referral(self, referral_id: str) -> None:
        from .referral_dialog import ReferralDialog

        ReferralDialog.ask(self, self.store, referral_id=referral_id)
        self.refresh()

    def on_import_list_triggered(self) -> None:
        from .list_import_dialog import ListImportDialog

        if ListImportDialog.ask(self, self.store):
            self.refresh()
