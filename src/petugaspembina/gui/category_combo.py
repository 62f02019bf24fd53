"""The participant-category list shared by the sign-in form, the kiosk and "Ubah data peserta".

Each line's data is its place in ``category_choices()``; the first line (no category) holds -1.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox

from ..core.enums import CategoryChoice, category_choices


def fill_categories(combo: QComboBox, empty_label: str = "") -> None:
    """Put the empty line and every category (and occupation counted in one) into ``combo``."""
    combo.addItem(empty_label, -1)
    for index, choice in enumerate(category_choices()):
        combo.addItem(choice.label, index)


def chosen_category(combo: QComboBox) -> CategoryChoice | None:
    """The line chosen in ``combo``; None for the empty line."""
    index = combo.currentData()
    choices = category_choices()
    return choices[index] if isinstance(index, int) and 0 <= index < len(choices) else None


def show_category(combo: QComboBox, code: str | None, position: str | None) -> None:
    """Choose the line of a stored category: the occupation's line when the person's position is
    an occupation counted in that category, else the category's own line."""
    lines = [(i + 1, choice) for i, choice in enumerate(category_choices()) if choice.code == code]
    wanted = (position or "").strip().casefold()
    found = next((i for i, c in lines if c.position and c.position.casefold() == wanted), None)
    own = next((i for i, c in lines if not c.position), 0)
    combo.setCurrentIndex(found if found is not None else own)
