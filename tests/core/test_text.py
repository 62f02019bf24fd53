"""Shortening text for lists and documents, and OS errors worded in Indonesian."""

from __future__ import annotations

import errno

import pytest

from petugaspembina.core.oserrors import describe_os_error
from petugaspembina.core.text import shorten

TITLE = "Sosialisasi Desa Binaan Imigrasi di Kelurahan Sungaibangkong Kecamatan Pontianak Kota"


def test_shorten_keeps_text_that_fits() -> None:
    assert shorten("Rapat Timpora", 20) == "Rapat Timpora"
    assert shorten("  Rapat \n Timpora ", 20) == "Rapat Timpora"
    assert shorten(None, 10) == ""


def test_shorten_cuts_at_a_word_boundary_with_an_ellipsis() -> None:
    short = shorten(TITLE, 48)
    assert short == "Sosialisasi Desa Binaan Imigrasi di Kelurahan…"
    assert len(short) <= 48
    assert TITLE.startswith(short[:-1]) and TITLE[len(short) - 1] == " "


def test_shorten_uses_a_space_just_after_the_limit() -> None:
    assert shorten("Desa Maju Jaya Sentosa", 10) == "Desa Maju…"


def test_shorten_drops_punctuation_before_the_ellipsis() -> None:
    assert shorten("Desa Maju, Kecamatan Sejahtera", 16) == "Desa Maju…"


def test_shorten_cuts_inside_a_first_word_longer_than_the_width() -> None:
    assert shorten("Sungaibangkongkecil Timur", 8) == "Sungaib…"
    assert shorten("Sungaibangkong", 1) == "S"


@pytest.mark.parametrize(
    ("error", "words"),
    [
        (FileNotFoundError(errno.ENOENT, "No such file or directory", "x"), "tidak ada"),
        (PermissionError(errno.EACCES, "Permission denied", "x"), "tidak ada izin"),
        (IsADirectoryError(errno.EISDIR, "Is a directory", "x"), "folder"),
        (OSError(errno.ENOSPC, "No space left on device"), "disk penuh"),
        (OSError(errno.EROFS, "Read-only file system"), "hanya dapat dibaca"),
        (OSError(errno.EIO, "Input/output error"), "flashdisk"),
        (OSError(999_999, "Something odd"), "galat sistem nomor 999999"),
    ],
)
def test_os_errors_are_worded_in_indonesian(error: OSError, words: str) -> None:
    text = describe_os_error(error)
    assert words in text
    assert (error.strerror or "") not in text


def test_a_windows_sharing_violation_says_the_file_is_open_elsewhere() -> None:
    error = PermissionError(errno.EACCES, "The process cannot access the file")
    error.winerror = 32  # type: ignore[attr-defined]
    assert "dibuka program lain" in describe_os_error(error)
