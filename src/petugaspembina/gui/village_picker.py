"""Pick a village from the Kemendagri list by typing part of its name (kecamatan, kabupaten and
province shown), keeping its code and a name snapshot."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from .. import regions
from ..store.signin import PersonEntry


class VillagePicker(QLineEdit):
    """Signals: picked(code) when a village is chosen from the list."""

    picked = Signal(str)

    def __init__(self, parent: QWidget | None = None, near: Sequence[str] = ()) -> None:
        """``near``: the office's area (``store.home_area.home_areas``), whose villages are
        suggested first."""
        super().__init__(parent)
        self.near = list(near)
        self.setPlaceholderText(self.tr("Ketik nama desa/kelurahan, lalu pilih dari daftar"))
        self._model = QStringListModel(self)
        self._found: dict[str, regions.Region] = {}
        self.region: regions.Region | None = None
        completer = QCompleter(self._model, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setMaxVisibleItems(12)
        self.setCompleter(completer)
        completer.activated.connect(self.on_completer_activated)
        self.textEdited.connect(self.on_text_edited)

    def on_text_edited(self, text: str) -> None:
        self.region = None
        if len(text.strip()) < 3:
            return
        found = regions.search(text, level=4, limit=30, near=self.near)
        self._found = {r.display: r for r in found}
        self._model.setStringList(list(self._found))

    def on_completer_activated(self, text: str) -> None:
        region = self._found.get(text)
        if region is not None:
            self.set_region(region)
            self.picked.emit(region.code)

    def set_region(self, region: regions.Region | None, fallback_name: str = "") -> None:
        """Show a chosen region (or a stored name whose code is unknown)."""
        self.region = region
        self.setText(region.display if region else fallback_name)
        self.setToolTip(self.text())  # a long kabupaten name runs past the field's edge
        self.setCursorPosition(0)


def typed_entry(
    picker: VillagePicker,
    *,
    name: str,
    sex: str,
    birth_year: str,
    category: str,
    phone: str,
    nik: str,
    position: str = "",
) -> PersonEntry:
    """A person as typed in a sign-in form (the officer's or the kiosk's), with the picked village
    as code and name snapshot, or the typed village name when none was picked."""
    region = picker.region
    return PersonEntry(
        full_name=name,
        sex=sex,
        birth_year=birth_year,
        category=category,
        region_code=region.code if region else None,
        village_name=region.name if region else picker.text(),
        phone=phone,
        nik=nik,
        position=position,
    )
