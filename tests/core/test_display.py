"""Dates, times and codes as people read them: one date style, the session's zone, labels."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from babel.dates import format_date

from petugaspembina.core.display import (
    DATE_PATTERN,
    moment_in_zone,
    short_date,
    time_in_zone,
    zone_for_region,
)
from petugaspembina.core.enums import CertificateStatus, RiskType
from petugaspembina.core.hlc import Hlc, clock_behind
from petugaspembina.core.labels import field_label, label_of, table_label, value_label


def test_one_short_date_style_with_indonesian_month_names() -> None:
    assert short_date(date(2026, 11, 22)) == "22 Nov 2026"
    assert short_date("2026-08-05") == "5 Agu 2026"
    assert short_date("2026-05-01T03:00:00Z") == "1 Mei 2026"
    assert short_date(None) == "" and short_date("") == ""
    assert short_date("bukan tanggal") == "bukan tanggal"


def test_short_date_matches_babels_pattern_for_every_month() -> None:
    for month in range(1, 13):
        day = date(2026, month, 9)
        assert short_date(day) == format_date(day, DATE_PATTERN, locale="id")


def test_times_are_shown_in_the_sessions_zone_never_utc() -> None:
    stored = "2026-11-22T12:25:00Z"
    assert time_in_zone(stored, "WIB") == "19:25 WIB"
    assert time_in_zone(stored, "WITA") == "20:25 WITA"
    assert time_in_zone(stored, "WIT") == "21:25 WIT"
    assert time_in_zone(stored, None) == "19:25 WIB"  # an unknown zone reads as WIB
    assert time_in_zone(None, "WIB") == ""
    # Past midnight in the zone, the date moves too.
    assert moment_in_zone("2026-11-22T18:30:00Z", "WIT") == "23 Nov 2026 03:30 WIT"
    assert time_in_zone(datetime(2026, 11, 22, 0, 5, tzinfo=UTC), "WITA") == "08:05 WITA"


def test_codes_read_as_indonesian_labels() -> None:
    assert label_of(RiskType, "laporan_wna") == "Laporan tentang Orang Asing"
    assert label_of(RiskType, "calo") == "Perekrut Mencurigakan (Calo)"
    assert label_of(CertificateStatus, "issued") == "Terbit"
    assert label_of(RiskType, "kode_baru") == "kode_baru"  # from a newer app: shown as is
    assert table_label("people") == "Peserta" and table_label("unknown") == "unknown"
    assert field_label("full_name") == "Nama" and field_label("risk_type") == "Jenis risiko"
    assert value_label("referrals", "risk_type", "calo") == "Perekrut Mencurigakan (Calo)"
    assert value_label("sessions", "topics", ["tppo", "paspor"]).startswith("TPPO")
    assert value_label("sessions", "date", "2026-11-22") == "22 Nov 2026"
    assert value_label("people", "_deleted", True) == "Ya"
    assert value_label("certificates", "status", "issued") == "Terbit"
    assert value_label("people", "nik", None) == "-"


def test_clock_behind_the_newest_time_seen_is_flagged_after_a_few_minutes() -> None:
    newest = Hlc(int(datetime(2026, 11, 22, 12, 0, tzinfo=UTC).timestamp() * 1000), 0, "a" * 32)
    now = newest.millis
    assert clock_behind(None, now) is None
    assert clock_behind(newest, now) is None
    assert clock_behind(newest, now - 60_000) is None  # a minute: ordinary drift
    years_back = int(datetime(2023, 1, 1, tzinfo=UTC).timestamp() * 1000)
    lag = clock_behind(newest, years_back)
    assert lag is not None and lag.days > 1000


@pytest.mark.parametrize(
    ("code", "zone"),
    [
        ("63.10.01.2001", "WITA"),  # Tanah Bumbu (Batulicin), Kalimantan Selatan
        ("17.71.01.1001", "WIB"),  # Kota Bengkulu
        ("61.01", "WIB"),  # Kalimantan Barat
        ("51", "WITA"),  # Bali
        ("73.71", "WITA"),  # Makassar
        ("81.71", "WIT"),  # Ambon
        ("91.71.01.1001", "WIT"),  # Jayapura
        ("96", "WIT"),  # Papua Barat Daya
        (None, "WIB"),
    ],
)
def test_a_village_s_time_zone_follows_its_province(code: str | None, zone: str) -> None:
    assert zone_for_region(code).value == zone


def test_local_moment_reads_as_date_and_time_on_this_clock(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import time

    from petugaspembina.core.display import local_moment

    monkeypatch.setenv("TZ", "Asia/Jakarta")
    time.tzset()
    try:
        assert local_moment("2026-11-22T14:52:07Z") == "22 Nov 2026 21:52"
        assert local_moment(None) == "" and local_moment("bukan waktu") == "bukan waktu"
    finally:
        monkeypatch.undo()
        time.tzset()


@pytest.mark.parametrize(
    ("taken", "zone", "shown"),
    [
        ("2026-06-14T09:30:00", "WITA", "14 Jun 2026 09:30 WITA"),  # a camera's clock, there
        ("2026-06-14T09:30:00", None, "14 Jun 2026 09:30 WIB"),
        ("2026-06-14T09:30:00+07:00", "WIT", "14 Jun 2026 09:30 WIB"),  # its own offset wins
        ("2026-06-14T09:30:00+08:00", None, "14 Jun 2026 09:30 WITA"),
        ("2026-06-14T09:30:00+09:00", None, "14 Jun 2026 09:30 WIT"),
        ("2026-06-14T09:30:00+00:00", None, "14 Jun 2026 09:30 UTC"),
        ("2026-06-14T09:30:00+05:30", None, "14 Jun 2026 09:30 UTC+5:30"),
        ("2026-06-14T09:30:00-03:00", None, "14 Jun 2026 09:30 UTC-3"),
        ("kemarin", "WIB", "kemarin"),
        (None, "WIB", ""),
    ],
)
def test_a_photos_time_taken_always_names_its_zone(
    taken: str | None, zone: str | None, shown: str
) -> None:
    from petugaspembina.core.display import wall_clock_moment

    assert wall_clock_moment(taken, zone) == shown
