"""Typing as a person does: the widget that has the keyboard, and the consent box in its window."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QWidget

from petugaspembina.gui.signin_form import SignInForm


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def consent_box() -> QWidget:
    """The sign-in form's "Setuju data dicatat" box, in the window being typed in."""
    form = focused().window().findChild(SignInForm)
    assert form is not None
    return form.consent_data
