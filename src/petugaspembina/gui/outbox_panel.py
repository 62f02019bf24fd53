"""The outbox on the Sinkronisasi tab: what is waiting, sent and confirmed, "Kirim sekarang", and
automatic tries with back-off while the window is open (docs/sync.md "The officer's outbox")."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from ..core.display import local_moment
from ..paths import AppPaths
from ..store.store import Store
from ..sync import outbox
from .worker import Progress, run_task

AUTO_TRY_MS = 60_000  # how often the window looks for bundles due for another try


@dataclass(frozen=True, slots=True)
class SendOutcome:
    """What a send in the background did (or why it could not start)."""

    exported: int
    confirmed: int
    sent: int
    waiting: int
    errors: list[str]
    cannot: str | None = None


def send_work(db_path: Path, outbox_dir: Path, *, due_only: bool, export: bool) -> Any:
    """The background job: export what is new into the outbox (``export``), then one try."""

    def work(progress: Progress) -> SendOutcome:
        from ..sync.exporter import export_bundles
        from ..sync.sender import SendError, send_once, target

        outbox_dir.mkdir(parents=True, exist_ok=True)
        with Store.open(db_path, full_check=False) as store:
            try:
                target(store)
            except SendError as exc:
                return SendOutcome(0, 0, 0, 0, [], str(exc))
            made = export_bundles(store, outbox_dir, outbox_dir=outbox_dir) if export else []
            report = send_once(store, outbox_dir, due_only=due_only, timeout=20)
        return SendOutcome(len(made), report.confirmed, report.sent, report.waiting, report.errors)

    return work


class OutboxPanel(QGroupBox):
    """Signals: sent() after a send changed what the outbox shows."""

    sent = Signal()

    def __init__(self, store: Store, paths: AppPaths) -> None:
        super().__init__()
        self.setTitle(self.tr("Kotak keluar (ke kantor lewat jaringan atau flashdisk)"))
        self.store = store
        self.paths = paths
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        address_label = QLabel(self.tr("Alamat kotak masuk kantor:"))
        self.address = QLineEdit()
        self.address.setPlaceholderText(self.tr("https://192.168.1.10:8443 (tanyakan ke kantor)"))
        self.address.setToolTip(
            self.tr(
                "Alamat yang ditampilkan kotak masuk kantor saat dimulai. Sertifikatnya dicocokkan "
                "dengan berkas kunci kantor yang terdaftar, jadi alamat yang salah tidak menerima "
                "apa pun."
            )
        )
        address_label.setBuddy(self.address)
        self.send_button = QPushButton(self.tr("Kirim sekarang"))
        self.receipts_button = QPushButton(self.tr("Periksa &tanda terima"))
        self.receipts_button.setToolTip(
            self.tr(
                "Cari tanda terima kantor (tanda-terima-*.json) di folder tempat bundel ditulis, "
                "mis. flashdisk yang kembali dari kantor."
            )
        )
        top.addWidget(address_label)
        top.addWidget(self.address, 1)
        top.addWidget(self.send_button)
        top.addWidget(self.receipts_button)
        layout.addLayout(top)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Berkas"), self.tr("Tujuan"), self.tr("Status"), self.tr("Keterangan")]
        )
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setMinimumHeight(90)
        self.table.setMaximumHeight(160)  # the import report and conflicts keep their room
        layout.addWidget(self.table)
        self.send_button.clicked.connect(self.on_send_clicked)
        self.receipts_button.clicked.connect(lambda: self.check_receipts(report_none=True))
        self.receipt_note = ""  # what the last look for receipts found, under the counts
        self.address.returnPressed.connect(self.on_send_clicked)
        self.timer = QTimer(self)
        self.timer.setInterval(AUTO_TRY_MS)
        self.timer.timeout.connect(self.try_due)
        self.timer.start()
        self._busy = False
        # Filled when the tab is first shown (``SyncView``): reading the enrolled office loads
        # the cryptography package, which the window does not load at start-up (P1).

    def status_label(self, status: str) -> str:
        """The Indonesian word for a status."""
        return {
            "waiting": self.tr("menunggu"),
            "sent": self.tr("terkirim, menunggu tanda terima"),
            "confirmed": self.tr("dikonfirmasi kantor"),
            "withdrawn": self.tr("ditarik: tidak tersegel, isinya dikirim ulang tersegel"),
        }[status]

    def bundle_status(self, status: str) -> str:
        """A file's status in the words of the counts under the table (which count files)."""
        return {
            "waiting": self.tr("belum dikirim"),
            "sent": self.tr("menunggu tanda terima"),
            "confirmed": self.tr("dikonfirmasi kantor"),
            "withdrawn": self.tr("ditarik: tidak tersegel, isinya dikirim ulang tersegel"),
        }[status]

    def _destination(self, entry: outbox.OutboxEntry, url: str | None) -> str:
        if entry.destination == outbox.NETWORK:
            return url or self.tr("kantor (alamat belum diatur)")
        return entry.destination

    def _entry_status(self, entry: outbox.OutboxEntry) -> str:
        """One destination's status: a folder holds the file once written."""
        if entry.destination != outbox.NETWORK and entry.status == "sent":
            return self.tr("ditulis ke folder, menunggu tanda terima")
        return self.status_label(entry.status)

    def _entry_note(self, entry: outbox.OutboxEntry) -> str:
        when = entry.confirmed_at or entry.sent_at
        note = entry.last_error or (local_moment(when) if when else "")
        if entry.status == outbox.WITHDRAWN:
            return self.tr("kantor menolak bundel tanpa segel; isinya ikut di ekspor berikutnya")
        if entry.status != "confirmed" and entry.last_error and entry.next_try_at:
            return self.tr("{0} · dicoba lagi {1}").format(note, local_moment(entry.next_try_at))
        return note

    def reload(self) -> None:
        """Show the outbox rows, newest bundle first."""
        from ..sync.netkeys import INBOX_URL_SETTING
        from ..sync.trust import enrolled_office

        office = enrolled_office(self.store)
        url = self.store.get_setting(INBOX_URL_SETTING) or (office.inbox_url if office else None)
        if not self.address.hasFocus():
            self.address.setText(url or "")
        # One row per file, its destinations one per line: the counts below count files, so
        # a bundle on a stick and waiting for the office's inbox is one row, counted once.
        files = list(reversed(outbox.bundles(self.store)))
        self.table.setRowCount(len(files))
        for row, bundle in enumerate(files):
            places, notes = [], []
            for entry in bundle.destinations:
                place = self._destination(entry, url)
                places.append(f"{place} — {self._entry_status(entry)}")
                note = self._entry_note(entry)
                if note:
                    notes.append(f"{place}: {note}" if len(bundle.destinations) > 1 else note)
            first = bundle.first
            name = (
                self.tr("Berkas foto #{0}") if first.kind == "photos" else self.tr("Bundel #{0}")
            ).format(first.seq)
            cells = (name, "\n".join(places), self.bundle_status(bundle.status), "\n".join(notes))
            failing = any(e.status == "waiting" and e.last_error for e in bundle.destinations)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if failing:
                    item.setForeground(Qt.GlobalColor.darkRed)
                elif bundle.status == outbox.WITHDRAWN:
                    item.setForeground(Qt.GlobalColor.darkGray)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self.table.resizeRowsToContents()
        withdrawn = sum(b.status == outbox.WITHDRAWN for b in files)
        counts = outbox.summary(self.store)
        lines = [
            self.tr("Belum dikirim {0} · menunggu tanda terima {1} · dikonfirmasi {2}").format(
                counts["waiting"], counts["sent"], counts["confirmed"]
            )
        ]
        if withdrawn and self.store.unsent_records():
            lines.append(
                self.tr(
                    "{0} berkas ditarik karena tidak tersegel untuk kantor: ekspor lagi ke "
                    "flashdisk atau tekan Kirim sekarang agar isinya terkirim tersegel."
                ).format(withdrawn)
            )
        if self.receipt_note:
            lines.append(self.receipt_note)
        self.summary.setText("\n".join(lines))

    def check_receipts(self, extra: Path | None = None, *, report_none: bool = False) -> int:
        """Confirm the bundles whose signed receipt lies in a folder they were written to (or in
        ``extra``, a folder just chosen); the outbox shows what was found. How many confirmed.

        ``report_none``: say so when nothing was found (the button), not on a quiet look."""
        from ..sync.folder_receipts import read_folder_receipts

        found = read_folder_receipts(self.store, extra)
        lines = []
        if found.confirmed:
            lines.append(
                self.tr("{0} bundel dikonfirmasi kantor lewat tanda terima di folder.").format(
                    found.confirmed
                )
            )
        elif report_none and not found.problems:
            lines.append(
                self.tr(
                    "Tidak ada tanda terima baru di folder tujuan ekspor. Colokkan flashdisk yang "
                    "kembali dari kantor, lalu periksa lagi."
                )
            )
        lines.extend(found.problems)
        self.receipt_note = "\n".join(lines)
        self.reload()
        if found.confirmed:
            self.sent.emit()
        return found.confirmed

    def on_send_clicked(self) -> None:
        """Export what is new into the outbox and send every unconfirmed bundle now (to the
        address typed, remembered for the next time)."""
        if not self._keep_address():
            return
        self._start(due_only=False, export=True, quiet=False)

    def _keep_address(self) -> bool:
        """Remember the address typed; False (with the reason shown) when it cannot be used."""
        from ..sync.netkeys import INBOX_URL_SETTING, URL_RE
        from ..sync.trust import enrolled_office

        typed = self.address.text().strip()
        office = enrolled_office(self.store)
        if office is None:
            self.summary.setText(
                self.tr(
                    "Belum ada kantor terdaftar: daftarkan berkas kunci kantor dulu "
                    "(Perangkat dan kunci…)."
                )
            )
            return False
        if not typed and not office.inbox_url:
            self.summary.setText(
                self.tr(
                    "Isi alamat kotak masuk kantor dulu (contoh https://192.168.1.10:8443; "
                    "tanyakan ke petugas kantor yang menjalankan kotak masuk)."
                )
            )
            self.address.setFocus()
            return False
        if typed and not URL_RE.fullmatch(typed):
            self.summary.setText(
                self.tr("Alamat tidak sah: harus diawali https:// lalu alamat dan port kantor.")
            )
            self.address.setFocus()
            return False
        if typed and typed.rstrip("/") != (self.store.get_setting(INBOX_URL_SETTING) or ""):
            self.store.set_setting(INBOX_URL_SETTING, typed.rstrip("/"))
        return True

    def try_due(self) -> None:
        """An automatic try: only bundles whose back-off has passed, no dialog; only while the
        window is open (on any tab: a closed window's database is closed)."""
        if not self.window().isVisible() or not self.isEnabled():
            return
        if outbox.to_send(self.store, due_only=True):
            self._start(due_only=True, export=False, quiet=True)

    def _start(self, *, due_only: bool, export: bool, quiet: bool) -> None:
        if self._busy or self.store.path is None:
            return
        self._busy = True
        self.send_button.setEnabled(False)
        run_task(
            self,
            self.tr("Mengirim ke kantor…"),
            send_work(self.store.path, self.paths.outbox, due_only=due_only, export=export),
            lambda outcome: self._done(outcome, quiet),
            self._failed,
            quiet=quiet,
            on_unexpected=self._idle,
        )

    def _idle(self) -> None:
        self._busy = False
        self.send_button.setEnabled(True)

    def _done(self, outcome: SendOutcome, quiet: bool) -> None:
        self._idle()
        if outcome.cannot:
            if not quiet:
                self.summary.setText(outcome.cannot)
            return
        self.reload()
        if not quiet and outcome.errors:
            self.summary.setText(
                self.summary.text()
                + "\n"
                + self.tr(
                    "{0} berkas belum sampai; alasannya di kolom Keterangan. Dicoba lagi "
                    "otomatis selama jendela ini terbuka, atau tekan Kirim sekarang."
                ).format(len(outcome.errors))
            )
        self.sent.emit()

    def _failed(self, message: str) -> None:
        self._idle()
        self.summary.setText(message)
