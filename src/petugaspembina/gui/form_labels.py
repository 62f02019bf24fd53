"""Form labels that show all of their letters.

QFormLayout gives a label exactly its size hint, and Qt measures a text by how far each letter
advances the pen, not by its ink: the last letter of "Tahun lahir" reaches a pixel past that and
was cut. ``fit_labels`` widens every label of a form to its ink.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QWidget


def shown_text(label: QLabel) -> str:
    """The text a plain label shows: "&Tahun lahir" → "Tahun lahir" ("&&" is one "&")."""
    return label.text().replace("&&", "\0").replace("&", "").replace("\0", "&")


def ink_width(label: QLabel) -> int:
    """The width a plain label needs so that no letter is cut (its contents margins included)."""
    label.ensurePolished()  # a style sheet's font (the kiosk's larger one) counts
    ink = label.fontMetrics().boundingRect(shown_text(label)).right() + 2
    margins = label.contentsMargins()
    return max(label.sizeHint().width(), ink + margins.left() + margins.right())


def fit_labels(form: QFormLayout) -> None:
    """Widen each row's label of ``form`` to the ink of its text."""
    for row in range(form.rowCount()):
        item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
        label = item.widget() if item is not None else None
        if isinstance(label, QLabel) and label.text():
            label.setMinimumWidth(ink_width(label))


def fit_form_labels(widget: QWidget) -> None:
    """``fit_labels`` on every form inside ``widget`` (call it once the rows are all added)."""
    for form in widget.findChildren(QFormLayout):
        fit_labels(form)
