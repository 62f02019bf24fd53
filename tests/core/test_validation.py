"""Every NIK, NIP, phone, birth-year and sex rule of domain.md, with good and bad examples."""

from __future__ import annotations

from datetime import date

import pytest

from petugaspembina.core.validation import (
    age_band,
    check_birth_year,
    check_nik,
    check_nip,
    check_phone,
    check_sex,
    format_nip,
    format_phone,
    is_minor,
    mask_nik,
)

TODAY = date(2026, 11, 22)
GOOD_MAN = "3201011302900001"  # Kab. Bogor, 13-02-1990, serial 0001
GOOD_WOMAN = "3201015302900001"  # day 13 + 40


def test_well_formed_nik_passes_with_no_warnings() -> None:
    result = check_nik(GOOD_MAN, "L", TODAY)
    assert result.ok and result.value == GOOD_MAN and result.warnings == []


@pytest.mark.parametrize(
    "raw", ["3201 0113 0290 0001", "3201.0113.0290.0001", "3201-011302-900001"]
)
def test_nik_separators_are_stripped(raw: str) -> None:
    assert check_nik(raw, None, TODAY).value == GOOD_MAN


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("320101130290000", "16 digit"),  # 15 digits
        ("32010113029000011", "16 digit"),  # 17 digits
        ("32010113029O0001", "hanya boleh berisi angka"),  # letter O
        ("9901011302900001", "Kode provinsi 99"),
        ("3200011302900001", "kabupaten/kota 00"),
        ("3270011302900001", "kabupaten/kota 70"),
        ("3201001302900001", "kecamatan"),
        ("3201013202900001", "Tanggal lahir 32"),  # day 32: neither man nor woman
        ("3201017202900001", "Tanggal lahir 72"),  # day 72 = 32 + 40
        ("3201011313900001", "Bulan lahir 13"),
        ("3201011300900001", "Bulan lahir 00"),
        ("3201013002900001", "bukan tanggal yang ada"),  # 30 February
        ("3201011302900000", "0000"),
    ],
)
def test_malformed_nik_is_refused_with_reason(raw: str, message: str) -> None:
    result = check_nik(raw, None, TODAY)
    assert not result.ok and result.value is None
    assert any(message in error for error in result.errors), result.errors


def test_city_regency_codes_71_to_99_are_valid() -> None:
    assert check_nik("3271011302900001", None, TODAY).ok  # Kota Bogor


def test_unknown_region_only_warns() -> None:
    result = check_nik("3269011302900001", None, TODAY)
    assert result.ok
    assert any("Kode wilayah" in w for w in result.warnings)


def test_sex_mismatch_only_warns() -> None:
    man_with_woman_nik = check_nik(GOOD_WOMAN, "L", TODAY)
    assert man_with_woman_nik.ok
    assert any("perempuan" in w for w in man_with_woman_nik.warnings)
    woman_with_man_nik = check_nik(GOOD_MAN, "P", TODAY)
    assert woman_with_man_nik.ok and any("laki-laki" in w for w in woman_with_man_nik.warnings)
    assert check_nik(GOOD_WOMAN, "P", TODAY).warnings == []


def test_mask_nik_keeps_first_and_last_four() -> None:
    assert mask_nik("3201011302900001") == "3201********0001"
    assert mask_nik(None) == "" and mask_nik("") == ""
    assert mask_nik("1234") == "****"


@pytest.mark.parametrize(
    "raw",
    ["0812-3456-7890", "+62 812 3456 7890", "6281234567890", "081234567890", "(0812) 3456 7890"],
)
def test_phone_forms_normalise_to_one(raw: str) -> None:
    result = check_phone(raw)
    assert result.ok and result.value == "+6281234567890"
    assert format_phone(result.value) == "0812-3456-7890"


@pytest.mark.parametrize("raw", ["abc", "0812", "12345", "+1 555 123 4567", "0812-3456-7890-1234"])
def test_nonsense_phone_is_refused(raw: str) -> None:
    result = check_phone(raw)
    assert not result.ok and "Nomor telepon tidak valid" in result.errors[0]


def test_nip_rules() -> None:
    assert check_nip("19860926 201505 1 001").value == "198609262015051001"
    assert format_nip("198609262015051001") == "19860926 201505 1 001"
    assert not check_nip("1986092620150510").ok
    assert any("Tanggal lahir" in e for e in check_nip("198613262015051001").errors)
    assert any("jenis kelamin" in e for e in check_nip("198609262015053001").errors)
    assert any("CPNS" in e for e in check_nip("198609262015131001").errors)
    assert any("Nomor urut" in e for e in check_nip("198609262015051000").errors)
    assert any("tidak masuk akal" in e for e in check_nip("198609261990051001").errors)


@pytest.mark.parametrize(
    ("raw", "ok"),
    [
        ("1990", True),
        (" 2026 ", True),
        ("2027", False),
        ("1900", False),
        ("1906", True),
        ("sembilan", False),
    ],
)
def test_birth_year_range(raw: str, ok: bool) -> None:
    assert check_birth_year(raw, TODAY).ok is ok


@pytest.mark.parametrize(
    ("raw", "value"),
    [("L", "L"), ("p", "P"), ("Perempuan", "P"), ("laki-laki", "L"), ("X", None), ("", None)],
)
def test_sex(raw: str, value: str | None) -> None:
    assert check_sex(raw).value == value


def test_age_bands_and_minors() -> None:
    assert age_band(2010, TODAY) == "< 18"
    assert age_band(2000, TODAY) == "26–35"
    assert age_band(1950, TODAY) == "≥ 60"
    assert age_band(None, TODAY) == "tidak diketahui"
    assert is_minor(2010, TODAY) and not is_minor(2008, TODAY) and not is_minor(None, TODAY)
