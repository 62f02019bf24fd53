"""The office clerk's tabs — Kotak masuk, Konflik, Duplikat, Rekap, Desa Binaan — placed before the lists when
this device's role is "kantor" (chosen at first run, changeable from the Mode kerja menu)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

from ..paths import AppPaths
from ..profile import OFFICE_ROLE, OFFICER_ROLE
from ..store.store import Store

if TYPE_CHECKING:
    from .main_window import MainWindow

DESA_KEY = "Alt+J"  # the Desa Binaan tab (no letter of its name is free)
OFFICER = OFFICER_ROLE
CLERK = OFFICE_ROLE


class ClerkTabs(QObject):
    """The four clerk views of one main window, with counts on the Konflik and Duplikat tabs."""

    def __init__(self, window: MainWindow, store: Store, paths: AppPaths | None) -> None:
        super().__init__(window)
        from .conflict_review import ConflictReview
        from .desa_views import DesaBinaanView
        from .duplicate_review import DuplicateReview
        from .inbox_view import InboxView
        from .recap_view import RecapView

        self.window = window
        self.inbox = InboxView(store, paths)
        self.conflicts = ConflictReview(store)
        self.duplicates = DuplicateReview(store)
        self.recap = RecapView(store)
        self.desa = DesaBinaanView(store)
        self.desa.changed.connect(window.refresh)
        self.conflict_count = len(self.conflicts.words)
        self.duplicate_count = len(self.duplicates.pairs)
        self.inbox.changed.connect(window.refresh)
        # One "accept unsigned bundles" choice for every import in the window, and one latest
        # outcome per bundle file in Kotak masuk.
        self.inbox.take_allow_unsigned = window.sync_view.take_allow_unsigned
        window.sync_view.imported.connect(self.inbox.supersede)
        self.conflicts.changed.connect(window.refresh)
        self.duplicates.changed.connect(window.refresh)
        self.conflicts.count_changed.connect(self._conflicts_counted)
        self.duplicates.count_changed.connect(self._duplicates_counted)
        # Every letter of "Desa Binaan" is taken by another tab's or a control's Alt+letter (the
        # Dokumen tab alone uses most of the alphabet), and "Desa Binaan (&J)" read oddly: the
        # tab carries its plain name and answers Alt+J, which its tooltip shows.
        self.desa_key = QShortcut(
            QKeySequence(DESA_KEY), window, lambda: window.tabs.setCurrentWidget(self.desa)
        )
        self.desa_key.setEnabled(False)

    def views(self) -> list[tuple[QWidget, str]]:
        """The tabs in order, with their captions."""
        return [
            (self.inbox, self.tr("Kotak &masuk")),
            (self.conflicts, self._caption(self.tr("K&onflik"), self.conflict_count)),
            (self.duplicates, self._caption(self.tr("D&uplikat"), self.duplicate_count)),
            (self.recap, self.tr("R&ekap")),
            (self.desa, self.tr("Desa Binaan")),
        ]

    @staticmethod
    def _caption(text: str, count: int) -> str:
        return f"{text} ({count})" if count else text

    def install(self) -> None:
        """Put the clerk's tabs first."""
        for index, (view, caption) in enumerate(self.views()):
            self.window.tabs.insertTab(index, view, caption)
        self.window.tabs.setTabToolTip(
            self.window.tabs.indexOf(self.desa),
            self.tr("Register desa binaan kantor ({0})").format(DESA_KEY),
        )
        self.desa_key.setEnabled(True)

    def remove(self) -> None:
        """Take the clerk's tabs out (the device became an officer's)."""
        self.desa_key.setEnabled(False)
        for view, _ in self.views():
            index = self.window.tabs.indexOf(view)
            if index >= 0:
                self.window.tabs.removeTab(index)

    def reload(self) -> None:
        """After imports and edits elsewhere: counts, queues, register and recap."""
        self.inbox.reload()
        self.conflicts.reload()
        self.duplicates.reload()
        self.recap.reload()
        self.desa.reload()

    def _conflicts_counted(self, count: int) -> None:
        self.conflict_count = count
        self._retitle(self.conflicts, self._caption(self.tr("K&onflik"), count))
        self.window.update_status()

    def _duplicates_counted(self, count: int) -> None:
        self.duplicate_count = count
        self._retitle(self.duplicates, self._caption(self.tr("D&uplikat"), count))
        self.window.update_status()

    def _retitle(self, view: QWidget, caption: str) -> None:
        index = self.window.tabs.indexOf(view)
        if index >= 0:
            self.window.tabs.setTabText(index, caption)
