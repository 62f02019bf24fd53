"""Date editors in the one date style of the window (``22 Nov 2026``, Indonesian month names)."""

from __future__ import annotations

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QDateEdit

from ..core.display import QT_DATE_FORMAT

INDONESIAN = QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia)


def style_date_edit(edit: QDateEdit) -> QDateEdit:
    """Show ``edit`` as ``22 Nov 2026`` with a calendar to pick from; returns it."""
    edit.setLocale(INDONESIAN)
    edit.setDisplayFormat(QT_DATE_FORMAT)
    edit.setCalendarPopup(True)
    return edit
