"""Perangkat dan kunci: office keys, the enrolled office, enrolled devices (docs/security.md)."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core.text import show_escaped
from ..store.errors import StoreError
from ..store.store import Store
from ..sync.errors import BundleRejected
from ..sync.trust import (
    Enrolled,
    create_office_keys,
    device_key_file,
    enrol_file,
    enrolled_office,
    list_devices,
    list_relay_offices,
    office_key_file,
    office_keys,
    revoke_device,
    write_key_file,
)
from . import messages


class TrustDialog(QDialog):
    """Shows who this database trusts and runs the enrolment steps of both sides."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(self.tr("Perangkat dan kunci"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.devices = QTableWidget(0, 4)
        self.devices.setHorizontalHeaderLabels(
            [self.tr("Perangkat"), self.tr("Petugas"), self.tr("Sidik jari"), self.tr("Status")]
        )
        self.devices.horizontalHeader().setStretchLastSection(True)
        self.devices.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.devices.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.enrol_button = QPushButton(self.tr("&Daftarkan berkas kunci…"))
        self.device_key_button = QPushButton(self.tr("Ekspor kunci &perangkat ini…"))
        self.create_button = QPushButton(self.tr("&Buat kunci kantor"))
        self.office_key_button = QPushButton(self.tr("Ekspor kunci &kantor…"))
        self.revoke_button = QPushButton(self.tr("&Cabut perangkat terpilih"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        for button in (
            self.enrol_button,
            self.device_key_button,
            self.create_button,
            self.office_key_button,
            self.revoke_button,
        ):
            buttons.addWidget(button)
        close = QPushButton(self.tr("&Tutup"))
        close.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.devices, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addStretch()
        layout.addWidget(close)
        self.enrol_button.clicked.connect(self.on_enrol_clicked)
        self.device_key_button.clicked.connect(self.on_device_key_clicked)
        self.create_button.clicked.connect(self.on_create_clicked)
        self.office_key_button.clicked.connect(self.on_office_key_clicked)
        self.revoke_button.clicked.connect(self.on_revoke_clicked)
        self.resize(960, 440)
        self.reload()

    def reload(self) -> None:
        """Show the current keys, enrolled office and devices."""
        from ..profile import OFFICE_ROLE, role_of

        own = office_keys(self.store)
        office = enrolled_office(self.store)
        lines = []
        if own is not None:
            lines.append(
                self.tr("Kunci kantor ini: {0} — sidik jari <b>{1}</b>").format(
                    own.kid, own.fingerprint
                )
            )
        elif office is None:
            lines.append(self.tr("Basis data ini belum punya kunci kantor."))
        if office is not None:
            lines.append(
                self.tr("Kantor terdaftar: {0} ({1}) — sidik jari <b>{2}</b>").format(
                    show_escaped(office.office or "-"), office.kid, office.fingerprint
                )
            )
        elif own is None and role_of(self.store) != OFFICE_ROLE:  # an officer's laptop sends
            lines.append(self.tr("Belum ada kantor terdaftar: bundel dikirim tanpa segel."))
        for relay in list_relay_offices(self.store):
            lines.append(
                self.tr("Kantor relai: {0} ({1}) — sidik jari <b>{2}</b>").format(
                    show_escaped(relay.office or "-"), relay.kid, relay.fingerprint
                )
            )
        self.status.setText("<br>".join(lines))
        # An office sees its devices; an officer's laptop with an enrolled office has no use for
        # office keys, so those controls are not offered there.
        self.create_button.setVisible(own is None and office is None)
        self.office_key_button.setVisible(own is not None)
        self.devices.setVisible(own is not None)
        self.revoke_button.setVisible(own is not None)
        entries = list_devices(self.store)
        self.devices.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            state = (
                self.tr("dicabut {0}").format(entry.revoked_at[:10])
                if entry.revoked_at
                else self.tr("aktif")
            )
            for column, text in enumerate(
                (entry.device_id, show_escaped(entry.label or "-"), entry.fingerprint, state)
            ):
                self.devices.setItem(row, column, QTableWidgetItem(text))
        self.devices.resizeColumnsToContents()
        self.revoke_button.setEnabled(bool(entries))

    def enrol_path(self, path: Path) -> Enrolled | None:
        """Enrol one key file once its fingerprint was compared aloud: the question comes
        first, and "Batal" (the default) leaves nothing enrolled."""
        try:
            seen = enrol_file(self.store, path, check_only=True)
        except (BundleRejected, StoreError) as exc:
            self.message.setText(str(exc))
            return None
        if not self._fingerprint_matches(seen):
            self.message.setText(
                self.tr("Tidak didaftarkan. Daftarkan hanya berkas yang sidik jarinya sama persis.")
            )
            return None
        try:
            done = enrol_file(self.store, path)
        except (BundleRejected, StoreError) as exc:
            self.message.setText(str(exc))
            return None
        text = self.tr("Terdaftar. Sidik jari: <b>{0}</b>").format(done.fingerprint)
        if done.withdrawn:
            text += "<br>" + self.tr(
                "{0} bundel yang ditulis sebelum kantor ini didaftarkan tidak tersegel untuknya, "
                "dan kantor menolaknya: bundel itu tidak lagi dihitung terkirim. Isinya ikut di "
                "ekspor berikutnya, tersegel: ekspor lagi ke flashdisk atau tekan Kirim sekarang "
                "di tab Sinkronisasi."
            ).format(done.withdrawn)
        self.message.setText(text)
        self.reload()
        return done

    def _fingerprint_matches(self, seen: Enrolled) -> bool:
        """Ask, before anything is enrolled, whether the file's fingerprint is the one on the
        other side's screen."""
        who = html.escape(show_escaped(seen.label or "-"))
        if seen.kind == "device":
            what = self.tr("Berkas ini kunci perangkat petugas: {0}.").format(who)
            where = self.tr("layar perangkat petugas itu")
        else:
            what = self.tr("Berkas ini kunci kantor: {0}.").format(who)
            where = self.tr("layar kantor (Perangkat dan kunci)")
        text = self.tr(
            "{0} Bacakan sidik jari ini dan cocokkan dengan {1}:<br><br><b>{2}</b><br><br>"
            "Daftarkan hanya bila sama persis. Bila berbeda, tekan Batal dan tanyakan ke kantor."
        ).format(what, where, seen.fingerprint)
        return messages.confirm_danger(
            self,
            self.tr("Cocokkan sidik jari"),
            text,
            self.tr("Sama, daftarkan"),
            self.tr("Batal"),
        )

    def on_enrol_clicked(self) -> None:
        path = messages.ask_open_file(
            self, self.tr("Pilih berkas kunci"), "Berkas kunci (*.json);;Semua (*)", "keys"
        )
        if path is not None:
            self.enrol_path(path)

    def _save(self, title: str, suggested: str) -> Path | None:
        return messages.ask_save_path(self, title, suggested, "Berkas kunci (*.json)")

    def save_device_key(self, path: Path) -> None:
        """Write this device's public key file."""
        doc = device_key_file(self.store)
        self._write(doc, path)

    def save_office_key(self, path: Path) -> None:
        """Write the office's public key file."""
        self._write(office_key_file(self.store), path)

    def _write(self, doc: dict[str, object], path: Path) -> None:
        try:
            write_key_file(doc, path)
        except OSError as exc:
            self.message.setText(self.tr("Berkas tidak dapat ditulis: {0}").format(exc.strerror))
            return
        self.message.setText(
            self.tr("Ditulis ke {0}. Sidik jari: <b>{1}</b>").format(path, doc["fingerprint"])
        )

    def on_device_key_clicked(self) -> None:
        path = self._save(self.tr("Simpan kunci perangkat"), "kunci-perangkat.json")
        if path is not None:
            self.save_device_key(path)

    def on_office_key_clicked(self) -> None:
        path = self._save(self.tr("Simpan kunci kantor"), "kunci-kantor.json")
        if path is not None:
            self.save_office_key(path)

    def create_keys(self) -> None:
        """Make the office keys (once)."""
        try:
            keys = create_office_keys(self.store)
        except StoreError as exc:
            self.message.setText(str(exc))
            return
        self.message.setText(
            self.tr("Kunci kantor dibuat. Sidik jari: <b>{0}</b>").format(keys.fingerprint)
        )
        self.reload()

    def on_create_clicked(self) -> None:
        from ..profile import OFFICER_ROLE, ROLE_KEY

        # A laptop set up as an officer's (not one still undecided): this makes it an office.
        if self.store.get_setting(ROLE_KEY) == OFFICER_ROLE:
            agreed = messages.confirm_danger(
                self,
                self.tr("Jadikan laptop ini kantor?"),
                self.tr(
                    "Laptop ini tercatat sebagai laptop petugas lapangan. Kunci kantor hanya "
                    "dibuat SEKALI, di komputer kantor imigrasi yang menerima bundel para "
                    "petugas.\n\nMembuatnya di sini menjadikan laptop ini kantor: basis data ini "
                    "hanya menerima bundel tersegel dari perangkat terdaftar, dan kunci ini tidak "
                    "dapat dihapus.\n\nPetugas lapangan cukup mendaftarkan berkas kunci kantor "
                    "(kunci-kantor.json) dari kantor lewat Daftarkan berkas kunci…"
                ),
                self.tr("Jadikan laptop ini kantor"),
                self.tr("Batal"),
            )
        else:
            agreed = messages.confirm(
                self,
                self.tr("Buat kunci kantor"),
                self.tr(
                    "Setelah kunci kantor dibuat, basis data ini hanya menerima bundel tersegel "
                    "dari perangkat terdaftar. Lanjutkan?"
                ),
            )
        if agreed:
            self.create_keys()

    def revoke_selected(self) -> None:
        """Revoke the selected device."""
        row = self.devices.currentRow()
        item = self.devices.item(row, 0) if row >= 0 else None
        if item is None:
            self.message.setText(self.tr("Pilih perangkat yang akan dicabut."))
            return
        revoke_device(self.store, item.text())
        self.message.setText(self.tr("Perangkat {0} dicabut.").format(item.text()))
        self.reload()

    def on_revoke_clicked(self) -> None:
        if messages.confirm(
            self,
            self.tr("Cabut perangkat"),
            self.tr("Semua bundel berikutnya dari perangkat ini akan ditolak. Lanjutkan?"),
        ):
            self.revoke_selected()
