"""Rekap: the office's figures for a period and a region, with bar charts, and the exports for
the Kanwil — PDF in the letterhead, XLSX and CSV (personal data only when asked, the full NIK
only when asked again)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ..store.recap import (
    TWO_OFFICERS,
    UNKNOWN,
    Recap,
    RecapFilter,
    compute_recap,
    quarter_of,
    recap_regions,
)
from ..store.store import Store
from . import messages
from .bar_chart import BarChart
from .dates import style_date_edit
from .worker import Progress, run_task


def _qdate(text: str) -> QDate:
    return QDate.fromString(text, "yyyy-MM-dd")


class RecapView(QWidget):
    """Signals: exported(path) after a file was written; shown(recap) when figures are drawn."""

    exported = Signal(Path)
    shown = Signal(object)

    def __init__(self, store: Store, today: date | None = None) -> None:
        super().__init__()
        self.store = store
        self.today = today or date.today()
        self.recap: Recap | None = None
        self._generation = 0
        layout = QVBoxLayout(self)
        filters = QHBoxLayout()
        self.date_from = QDateEdit()
        self.date_to = QDateEdit()
        for edit in (self.date_from, self.date_to):
            style_date_edit(edit)
        label_from = QLabel(self.tr("Dar&i"))
        label_from.setBuddy(self.date_from)
        label_to = QLabel(self.tr("s.d."))
        filters.addWidget(label_from)
        filters.addWidget(self.date_from)
        filters.addWidget(label_to)
        filters.addWidget(self.date_to)
        self.this_quarter = QPushButton(self.tr("Triwulan ini"))
        self.last_quarter = QPushButton(self.tr("Triwulan lalu"))
        self.this_year = QPushButton(self.tr("Tahun ini"))
        for button in (self.this_quarter, self.last_quarter, self.this_year):
            filters.addWidget(button)
        region_label = QLabel(self.tr("&Wilayah"))
        self.region = QComboBox()
        self.region.setMinimumWidth(260)
        region_label.setBuddy(self.region)
        filters.addWidget(region_label)
        filters.addWidget(self.region, 1)
        self.show_button = QPushButton(self.tr("&Tampilkan"))
        filters.addWidget(self.show_button)
        layout.addLayout(filters)
        self.totals = QLabel()
        self.totals.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.totals)
        self.charts_host = QWidget()
        self.grid = QGridLayout(self.charts_host)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.charts_host)
        layout.addWidget(scroll, 1)
        exports = QHBoxLayout()
        self.personal = QCheckBox(self.tr("Sertaka&n data pribadi (nama, NIK tersamar, HP)"))
        self.pdf_button = QPushButton(self.tr("Cetak PD&F untuk Kanwil…"))
        self.xlsx_button = QPushButton(self.tr("Ekspor &XLSX…"))
        self.csv_button = QPushButton(self.tr("Ekspor &CSV…"))
        exports.addWidget(self.personal)
        exports.addStretch(1)
        for button in (self.pdf_button, self.xlsx_button, self.csv_button):
            exports.addWidget(button)
        layout.addLayout(exports)
        self.charts: dict[str, BarChart] = {}
        self.notes: dict[str, QLabel] = {}
        self.this_quarter.clicked.connect(lambda: self.set_period(quarter_of(self.today)))
        self.last_quarter.clicked.connect(self.on_last_quarter_clicked)
        self.this_year.clicked.connect(
            lambda: self.set_period(
                RecapFilter(f"{self.today.year}-01-01", f"{self.today.year}-12-31")
            )
        )
        self.show_button.clicked.connect(self.refresh)
        self.region.activated.connect(lambda _: self.refresh())
        self.pdf_button.clicked.connect(self.on_pdf_clicked)
        self.xlsx_button.clicked.connect(self.on_xlsx_clicked)
        self.csv_button.clicked.connect(self.on_csv_clicked)
        self._load_regions()
        self.set_period(quarter_of(self.today), refresh=False)
        self.refresh()

    def _load_regions(self) -> None:
        current = self.region.currentData()
        self.region.clear()
        self.region.addItem(self.tr("Semua wilayah"), None)
        for code, name in recap_regions(self.store):
            depth = code.count(".")
            self.region.addItem("    " * depth + name.split(",")[0] + f"  ({code})", code)
        index = self.region.findData(current)
        self.region.setCurrentIndex(max(index, 0))

    def set_period(self, period: RecapFilter, refresh: bool = True) -> None:
        """Set the dates from a period and recompute."""
        if period.date_from:
            self.date_from.setDate(_qdate(period.date_from))
        if period.date_to:
            self.date_to.setDate(_qdate(period.date_to))
        if refresh:
            self.refresh()

    def on_last_quarter_clicked(self) -> None:
        start = quarter_of(self.today).date_from or ""
        previous = date.fromisoformat(start).replace(day=1)
        month = previous.month - 3
        year = previous.year + (month < 1) * -1
        self.set_period(quarter_of(date(year, (month - 1) % 12 + 1, 1)))

    def current_filter(self) -> RecapFilter:
        """The period and region chosen in the form."""
        return RecapFilter(
            self.date_from.date().toString("yyyy-MM-dd"),
            self.date_to.date().toString("yyyy-MM-dd"),
            self.region.currentData(),
        )

    def reload(self) -> None:
        """After imports: new regions may have arrived; recompute."""
        self._load_regions()
        self.refresh()

    def refresh(self) -> None:
        """Compute the recap for the form's period and region (on a worker thread: at 100,000
        people it takes about half a second) and draw it."""
        flt = self.current_filter()
        if flt.date_from and flt.date_to and flt.date_from > flt.date_to:
            self.totals.setText(self.tr("Tanggal awal harus sebelum tanggal akhir."))
            return
        self._generation += 1
        generation = self._generation
        db_path = self.store.path
        if db_path is None:  # an in-memory database (tests): no second connection possible
            self._draw(compute_recap(self.store, flt))
            return
        self.totals.setText(self.tr("Menghitung rekap…"))

        def work(progress: Progress) -> Recap:
            with Store.open(db_path, full_check=False) as store:
                return compute_recap(store, flt)

        def done(recap: Recap) -> None:
            if generation == self._generation:  # a newer request supersedes this one
                self._draw(recap)

        run_task(self, self.tr("Menghitung rekap…"), work, done, self._failed, quiet=True)

    def _draw(self, recap: Recap) -> None:
        self.recap = recap
        self.totals.setText(
            self.tr(
                "<b>{0}</b> kegiatan · <b>{1}</b> tanda hadir · <b>{2}</b> peserta unik · "
                "<b>{3}</b> rujukan · <b>{4}</b> sertifikat terbit — {5}"
            ).format(
                recap.sessions,
                recap.sign_ins,
                recap.participants,
                recap.referrals,
                recap.certificates,
                recap.region_name if recap.filter.region else self.tr("Semua wilayah"),
            )
        )
        if not self.charts:
            for index, breakdown in enumerate(recap.breakdowns):
                box = QGroupBox(self.chart_title(breakdown.key, breakdown.title))
                inner = QVBoxLayout(box)
                chart = BarChart()
                inner.addWidget(chart)
                if breakdown.note:  # overlapping rows: the total counted once, and why
                    note = QLabel()
                    note.setWordWrap(True)
                    self.notes[breakdown.key] = note
                    inner.addWidget(note)
                self.charts[breakdown.key] = chart
                self.grid.addWidget(box, index // 2, index % 2, Qt.AlignmentFlag.AlignTop)
        for breakdown in recap.breakdowns:
            self.charts[breakdown.key].set_rows(
                [(self.row_label(breakdown.key, r.code, r.label), r.count) for r in breakdown.rows]
            )
            if breakdown.key in self.notes:
                self.notes[breakdown.key].setText(
                    f"{breakdown.total_label}: {breakdown.total}. {breakdown.note}"
                    if breakdown.note != TWO_OFFICERS
                    else self.tr(
                        "Jumlah (tanpa hitung ganda): {0}. Satu kegiatan dengan dua petugas "
                        "dihitung pada keduanya, sehingga jumlah baris dapat melebihi jumlah ini, "
                        "yang menghitung setiap kegiatan atau tanda hadir sekali."
                    ).format(breakdown.total)
                )
        self.shown.emit(recap)

    def row_label(self, key: str, code: str, label: str) -> str:
        """A bar's label in the window's language where the recap made it from words (age
        groups, "not filled in"); names, villages and the app's categories stay as recorded."""
        if label == UNKNOWN:
            return self.tr("Tidak diisi")
        if key == "hadir_per_usia":
            return self.tr("{0} tahun").format(code)
        return label

    def chart_title(self, key: str, title: str) -> str:
        """A chart's title in the window's language (the recap's files keep the Indonesian
        ``title``, which is also what an unknown key shows)."""
        titles = {
            "kegiatan_per_jenis": self.tr("Kegiatan per jenis"),
            "kegiatan_per_bulan": self.tr("Kegiatan per bulan"),
            "hadir_per_jenis_kelamin": self.tr("Kehadiran per jenis kelamin"),
            "hadir_per_usia": self.tr("Kehadiran per kelompok usia"),
            "hadir_per_kategori": self.tr("Kehadiran per kategori peserta"),
            "hadir_per_desa": self.tr("Kehadiran per desa/kelurahan"),
            "kegiatan_per_petugas": self.tr("Kegiatan per petugas"),
            "hadir_per_petugas": self.tr("Kehadiran per petugas"),
            "hadir_per_bulan": self.tr("Kehadiran per bulan"),
            "rujukan_per_status": self.tr("Rujukan per status"),
            "rujukan_per_risiko": self.tr("Rujukan per jenis risiko"),
            "rujukan_per_urgensi": self.tr("Rujukan per urgensi"),
            "rujukan_per_instansi": self.tr("Rujukan per instansi penerima"),
            "sertifikat": self.tr("Sertifikat"),
        }
        return titles.get(key, title)

    # -- exports ------------------------------------------------------------------------------
    def _suggested(self, suffix: str) -> str:
        flt = self.current_filter()
        return f"rekap-{flt.date_from}-{flt.date_to}{suffix}"

    def on_pdf_clicked(self) -> None:
        if not self.letterhead_is_ready():
            return
        target = messages.ask_save_path(self, self.tr("Simpan rekap PDF"), self._suggested(".pdf"))
        if target is not None:
            self.export("pdf", target)

    def letterhead_is_ready(self) -> bool:
        """Before printing for the Kanwil (as the laporan asks about its empty parts): while the
        office profile has fields on placeholders the PDF carries a DRAF banner — name them, and
        let the clerk open Profil kantor, print anyway or cancel. True to print."""
        from ..documents.office import missing_fields
        from .office_dialog import OfficeDialog

        return messages.ask_while_missing(
            self,
            lambda: missing_fields(self.store),
            self.tr("Profil kantor belum lengkap"),
            self.tr(
                "Rekap akan tercetak bertanda DRAF, karena isian profil kantor ini belum "
                "diisi:\n\n{0}\n\nLengkapi dulu di Profil kantor, atau cetak apa adanya."
            ),
            (self.tr("Buka Profil kantor…"), self.tr("Cetak saja (DRAF)"), self.tr("Batal")),
            lambda: OfficeDialog.ask(self, self.store),
        )

    def on_xlsx_clicked(self) -> None:
        target = messages.ask_save_path(
            self, self.tr("Simpan rekap XLSX"), self._suggested(".xlsx")
        )
        if target is not None:
            self.export("xlsx", target, *self._personal_choice())

    def on_csv_clicked(self) -> None:
        folder = messages.ask_folder(self, self.tr("Folder untuk berkas CSV rekap"), "csv")
        if folder is not None:
            self.export("csv", folder, *self._personal_choice())

    def _personal_choice(self) -> tuple[bool, bool]:
        """(names and contacts, full NIK): the full NIK only when asked a second time."""
        if not self.personal.isChecked():
            return False, False
        full = messages.confirm(
            self,
            self.tr("NIK lengkap"),
            self.tr(
                "NIK biasanya ditulis tersamar (3201********0001). Tulis NIK lengkap? "
                "Simpan berkasnya hanya di tempat yang aman."
            ),
        )
        return True, full

    def export(
        self, kind: str, target: Path, personal: bool = False, full_nik: bool = False
    ) -> None:
        """Write the recap as ``kind`` (pdf, xlsx, csv) in the background; report where."""
        flt = self.current_filter()
        db_path = self.store.path

        def write(store: Store) -> Path:
            from ..documents.recap_pdf import render_recap_pdf
            from ..documents.spreadsheet import write_csv, write_xlsx

            recap = compute_recap(store, flt)
            if kind == "pdf":
                return render_recap_pdf(store, recap, target)
            if kind == "xlsx":
                return write_xlsx(store, recap, target, personal=personal, full_nik=full_nik)
            write_csv(store, recap, target, personal=personal, full_nik=full_nik)
            return target

        if db_path is None:  # an in-memory database (tests): no second connection possible
            from ..documents.pdfout import OutputError

            try:
                self._exported(write(self.store))
            except (OutputError, OSError) as exc:
                self._failed(str(exc))
            return

        def work(progress: Progress) -> Path:
            with Store.open(db_path, full_check=False) as store:
                return write(store)

        run_task(self, self.tr("Menulis rekap…"), work, self._exported, self._failed)

    def _exported(self, path: Any) -> None:
        self.exported.emit(Path(path))
        messages.saved(
            self, self.tr("Rekap"), self.tr("Rekap disimpan: {0}").format(path), Path(path)
        )

    def _failed(self, message: str) -> None:
        messages.warn(self, self.tr("Rekap"), message)
