"""The village field shows where it is, in full, even where the field is too narrow."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from petugaspembina import regions
from petugaspembina.gui.village_picker import VillagePicker


def test_a_long_region_is_whole_in_the_tooltip_and_starts_at_its_beginning(qtbot: QtBot) -> None:
    region = regions.search("Pagar Dewa")[0]
    picker = VillagePicker()
    qtbot.addWidget(picker)
    picker.resize(160, picker.sizeHint().height())  # narrower than the text
    picker.set_region(region)
    assert picker.toolTip() == picker.text() == region.display
    assert picker.cursorPosition() == 0  # the village's own name is what shows
