"""First run: the officer's profile (name, NIP, office, position), language, where the data
lives and, for a new database, its password (typed twice; the rule is on screen).
``FirstRunDialog.ask(parent, database, ask_password=…)`` returns the answers, or None when
cancelled."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from ..core.validation import check_nip
from ..paths import DB_NAME
from . import messages
from .form_labels import fit_form_labels
from .password_dialogs import NewPasswordFields
from .window_size import fit_height


@dataclass(frozen=True, slots=True)
class FirstRunAnswers:
    """What the officer filled in."""

    name: str
    nip: str
    office: str
    position: str | None
    language: str
    database: Path
    role: str = "petugas"
    password: str | None = None


class FirstRunDialog(QDialog):
    """Asks once, before the main window opens on a new database."""

    def __init__(
        self, database: Path, parent: QWidget | None = None, *, ask_password: bool = False
    ) -> None:
        super().__init__(parent)
        self.database = database
        self.answers: FirstRunAnswers | None = None
        self.setWindowTitle(self.tr("Selamat datang di Petugas Pembina"))
        form = QFormLayout(self)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        form.addRow(self.intro)
        self.name = QLineEdit()
        self.nip = QLineEdit()
        self.nip.setPlaceholderText("19860926 201505 1 001")
        self.office = QComboBox()
        self.office.setEditable(True)
        self.office.addItems(
            [
                "Kantor Imigrasi Kelas I TPI Bengkulu",
                "Kantor Imigrasi Kelas II Non TPI Kerinci",
                "Kantor Imigrasi Kelas II Non TPI Batulicin",
                "Kantor Imigrasi Kelas I TPI Pontianak",
            ]
        )
        self.office.setCurrentText("")
        self.position = QLineEdit()
        self.role = QComboBox()
        self.role.addItem(self.tr("Petugas lapangan (kegiatan, daftar hadir, rujukan)"), "petugas")
        self.role.addItem(
            self.tr("Petugas kantor (impor bundel, konflik, duplikat, rekap)"), "kantor"
        )
        self.role.currentIndexChanged.connect(self._say_what_happens)
        self._say_what_happens()
        self.language = QComboBox()
        self.language.addItem("Bahasa Indonesia", "id")
        self.language.addItem("English", "en")
        self.place = QLabel(str(database))
        self.place.setWordWrap(True)  # a field of its own: the form gives it the lines it needs
        change = QPushButton(self.tr("Ubah…"))
        change.clicked.connect(self.on_change_clicked)
        change.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)  # not a bar
        for label, widget in (
            (self.tr("&Nama petugas"), self.name),
            (self.tr("N&IP"), self.nip),
            (self.tr("&Kantor"), self.office),
            (self.tr("&Jabatan"), self.position),
            (self.tr("&Peran"), self.role),
            (self.tr("&Bahasa"), self.language),
        ):
            form.addRow(label, widget)
        form.addRow(self.tr("Lokasi data"), self.place)
        form.addRow("", change)
        self.password: NewPasswordFields | None = None
        if ask_password:
            self.password = NewPasswordFields(self, form)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020")
        form.addRow(self.error)
        messages.clear_when_changed(
            self.error, self.name, self.nip, self.office, self.position, self.role
        )
        buttons = messages.button_box(
            self, self.tr("Mulai"), self.on_start_clicked, self.tr("Batal")
        )
        form.addRow(buttons)
        self.name.setFocus()
        fit_form_labels(self)
        fit_height(self, self.sizeHint().width())  # the data folder's path shows all its lines

    def on_change_clicked(self) -> None:
        folder = messages.ask_folder(self, self.tr("Pilih folder data (di disk laptop)"), "data")
        if folder is not None:
            self.database = folder / DB_NAME
            self.place.setText(str(self.database))
            fit_height(self, self.width())

    def _say_what_happens(self) -> None:
        """The intro fits the role: an officer sends bundles to the office, the office merges
        them."""
        if self.role.currentData() == "kantor":
            self.intro.setText(
                self.tr(
                    "Isi profil petugas kantor untuk komputer ini. Bundel dari para petugas "
                    "lapangan digabungkan dan direkap di sini; data tersimpan di komputer ini."
                )
            )
        else:
            self.intro.setText(
                self.tr(
                    "Isi profil petugas untuk perangkat ini. Data tersimpan di "
                    "laptop ini dan dapat dikirim ke kantor sebagai bundel."
                )
            )

    def on_start_clicked(self) -> None:
        name = " ".join(self.name.text().split())
        office = self.office.currentText().strip()
        nip = check_nip(self.nip.text())
        problems = []  # every missing item at once, not one per click
        if not name:
            problems.append(self.tr("Nama petugas wajib diisi."))
        if not nip.ok or not nip.value:
            problems.append(" ".join(nip.errors))
        if not office:
            problems.append(self.tr("Nama kantor wajib diisi."))
        if self.password is not None and self.password.problem():
            problems.append(self.password.problem() or "")
        if problems or not nip.value:
            self.error.setText("\n".join(problems))
        else:
            self.answers = FirstRunAnswers(
                name,
                nip.value,
                office,
                self.position.text().strip() or None,
                self.language.currentData(),
                self.database,
                self.role.currentData(),
                self.password.password() if self.password is not None else None,
            )
            self.accept()

    @classmethod
    def ask(
        cls, parent: QWidget | None, database: Path, *, ask_password: bool = False
    ) -> FirstRunAnswers | None:
        """The answers, or None when the officer cancelled."""
        dialog = cls(database, parent, ask_password=ask_password)
        dialog.exec()
        return dialog.answers
