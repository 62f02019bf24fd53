"""Import a participant list (CSV/XLSX): choose the file, map columns, preview, see the errors by
row number and, per row, what the import will do (new person, returning person, skipped and why);
nothing is imported until every row is right."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core.display import short_date
from ..store import queries
from ..store.errors import InvalidInput
from ..store.participant_lists import (
    FIELDS,
    NEW,
    RETURNING,
    SKIP,
    Checked,
    Imported,
    RowPlan,
    Table,
    check_rows,
    guess_mapping,
    import_people,
    plan_import,
    read_table,
)
from ..store.store import Store
from . import errors, messages
from .form_labels import fit_form_labels
from .worker import Progress, run_task

PREVIEW = 20


class ListImportDialog(QDialog):
    """``ListImportDialog.ask(parent, store)`` → True when people were imported."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.table: Table | None = None
        self.checked: Checked | None = None
        self.plans: list[RowPlan] = []
        self.imported = 0
        self.setWindowTitle(self.tr("Impor daftar peserta"))
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.file_label = QLabel(self.tr("Belum ada berkas."))
        choose = QPushButton(self.tr("Pilih berkas CSV/XLSX…"))
        row.addWidget(self.file_label, 1)
        row.addWidget(choose)
        layout.addLayout(row)
        mapping_form = QFormLayout()
        self.combos: dict[str, QComboBox] = {}
        labels = {
            "full_name": self.tr("Nama"),
            "sex": self.tr("Jenis kelamin (L/P)"),
            "birth_year": self.tr("Tahun lahir"),
            "village_name": self.tr("Desa/Kelurahan"),
            "phone": self.tr("No. HP"),
            "nik": self.tr("NIK"),
            "category": self.tr("Kategori"),
            "agency": self.tr("Instansi"),
            "position": self.tr("Jabatan"),
        }
        for name in FIELDS:
            combo = QComboBox()
            combo.currentIndexChanged.connect(self.on_mapping_changed)
            self.combos[name] = combo
            mapping_form.addRow(labels[name], combo)
        layout.addLayout(mapping_form)
        self.session = QComboBox()
        self.session.addItem(self.tr("(hanya tambahkan ke data peserta)"), None)
        for session in queries.session_choices(store, 200):
            self.session.addItem(f"{short_date(session.date)} — {session.title}", session.id)
        layout.addWidget(QLabel(self.tr("Catat juga sebagai hadir di kegiatan:")))
        layout.addWidget(self.session)
        self.session.currentIndexChanged.connect(self.on_mapping_changed)
        self.preview = QTableWidget()
        layout.addWidget(self.preview, 1)
        self.summary = QLabel()
        layout.addWidget(self.summary)
        self.errors = QListWidget()  # problems first, then what happens to each row
        self.errors.setMaximumHeight(160)
        layout.addWidget(self.errors)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.import_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.import_button.setText(self.tr("Impor"))
        self.import_button.setEnabled(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Batal"))
        self.buttons.accepted.connect(self.on_import_clicked)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        choose.clicked.connect(self.on_choose_clicked)
        self.resize(820, 720)
        choose.setFocus()
        fit_form_labels(self)

    def on_choose_clicked(self) -> None:
        path = messages.ask_open_file(
            self, self.tr("Pilih daftar peserta"), "Daftar (*.csv *.xlsx);;Semua (*)"
        )
        if path is not None:
            self.load(path)

    def load(self, path: Path) -> None:
        """Read a file and guess its columns."""
        try:
            self.table = read_table(path)
        except (InvalidInput, OSError) as exc:
            messages.warn(
                self, self.tr("Impor daftar peserta"), errors.expected_message(exc) or str(exc)
            )
            return
        self.file_label.setText(self.tr("{0}: {1} baris").format(path.name, len(self.table.rows)))
        guess = guess_mapping(self.table.headers)
        for name, combo in self.combos.items():
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("(tidak ada)"), None)
            for index, header in enumerate(self.table.headers):
                combo.addItem(header or self.tr("kolom {0}").format(index + 1), index)
            combo.setCurrentIndex(combo.findData(guess[name]) if name in guess else 0)
            combo.blockSignals(False)
        self.on_mapping_changed()

    def mapping(self) -> dict[str, int]:
        """The chosen column of each field."""
        return {
            name: combo.currentData()
            for name, combo in self.combos.items()
            if combo.currentData() is not None
        }

    def on_mapping_changed(self) -> None:
        if self.table is None:
            return
        table = self.table
        self.errors.clear()
        self.plans = []
        try:
            self.checked = check_rows(table, self.mapping())
        except InvalidInput as exc:
            self.checked = None
            self.summary.setText(str(exc))
            self.import_button.setEnabled(False)
            self._fill_preview(table)
            return
        for number, message in self.checked.errors[:500]:
            self.errors.addItem(self.tr("Baris {0}: {1}").format(number, message))
        session_id = self.session.currentData()
        # Every good row against the session's list and the people recorded, before "ready".
        self.plans = plan_import(self.store, self.checked, session_id)
        self._fill_preview(table)
        action_names = {
            NEW: self.tr("baru"),
            RETURNING: self.tr("peserta lama"),
            SKIP: self.tr("lewati"),
        }
        for plan in self.plans:
            if plan.action != NEW and self.errors.count() < 1000:
                self.errors.addItem(
                    self.tr("Baris {0}: {1} — {2}").format(
                        plan.number, action_names[plan.action], self._reason(plan)
                    )
                )
        count = {a: sum(p.action == a for p in self.plans) for a in (NEW, RETURNING, SKIP)}
        bad = len(self.checked.errors)
        self.summary.setText(
            self.tr("{0} orang baru, {1} peserta lama, {2} dilewati; {3} baris bermasalah.").format(
                count[NEW], count[RETURNING], count[SKIP], bad
            )
        )
        useful = count[NEW] + (count[RETURNING] if session_id is not None else 0)
        self.import_button.setEnabled(useful > 0 and bad == 0)

    def _reason(self, plan: RowPlan) -> str:
        """The plan's reason in the window's language."""
        reasons = {
            "orang baru": self.tr("orang baru"),
            "sudah tercatat hadir di kegiatan ini": self.tr("sudah tercatat hadir di kegiatan ini"),
            "sudah tercatat; tidak ditambahkan lagi": self.tr(
                "sudah tercatat; tidak ditambahkan lagi"
            ),
            "pernah hadir; dicatat hadir": self.tr("pernah hadir; dicatat hadir"),
            "NIK sudah tercatat untuk orang lain (nama berbeda)": self.tr(
                "NIK sudah tercatat untuk orang lain (nama berbeda)"
            ),
        }
        return reasons.get(plan.reason, plan.reason)

    def _fill_preview(self, table: Table) -> None:
        """The first rows with what will happen to each."""
        actions = {p.number: p.action for p in self.plans}
        names = {NEW: self.tr("baru"), RETURNING: self.tr("peserta lama"), SKIP: self.tr("lewati")}
        self.preview.clear()
        self.preview.setColumnCount(len(table.headers) + 2)
        self.preview.setHorizontalHeaderLabels(
            [self.tr("Baris"), self.tr("Rencana"), *table.headers]
        )
        self.preview.setRowCount(min(PREVIEW, len(table.rows)))
        for r, (number, cells) in enumerate(table.rows[:PREVIEW]):
            plan = names.get(actions.get(number, ""), "")
            for c, value in enumerate([str(number), plan, *cells]):
                self.preview.setItem(r, c, QTableWidgetItem(value))

    def on_import_clicked(self) -> None:
        if self.checked is None:
            return
        checked, session_id, db_path = self.checked, self.session.currentData(), self.store.path
        if db_path is None:  # an in-memory database cannot be shared with a worker
            self._imported(import_people(self.store, checked, session_id))
            return
        self.import_button.setEnabled(False)

        def work(progress: Progress) -> Imported:
            with Store.open(db_path, full_check=False) as store:  # own connection; checked at start
                return import_people(store, checked, session_id)

        run_task(
            self,
            self.tr("Mengimpor daftar peserta…"),
            work,
            self._imported,
            self._failed,
            on_unexpected=lambda: self.import_button.setEnabled(True),
        )

    def _imported(self, done: Imported) -> None:
        self.imported = done.new + done.returning
        self.accept()

    def _failed(self, message: str) -> None:
        self.import_button.setEnabled(True)
        messages.warn(self, self.tr("Impor daftar peserta"), message)

    @classmethod
    def ask(cls, parent: QWidget | None, store: Store) -> bool:
        """True when people were imported."""
        dialog = cls(store, parent)
        return dialog.exec() == QDialog.DialogCode.Accepted and dialog.imported > 0
