"""The one error a bundle can get: rejected, with the reasons (Indonesian) and a short code."""

from __future__ import annotations


class BundleRejected(Exception):
    """The bundle was refused before anything was written.

    ``code`` is stable for scripts (not-a-bundle, incomplete, too-large, invalid, damaged, newer,
    integrity, unknown-format); ``problems`` lists at most the first 20 details.
    """

    def __init__(self, code: str, message: str, problems: list[str] | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.problems = problems or []

    def __str__(self) -> str:
        text = self.args[0]
        if self.problems:
            text += "\n" + "\n".join(f"  - {p}" for p in self.problems)
        return str(text)
