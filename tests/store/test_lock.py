"""The app lock's store side: the idle minutes setting and the counted, audited wrong tries."""

from __future__ import annotations

from pathlib import Path

import pytest

from petugaspembina.store.errors import InvalidInput
from petugaspembina.store.lock import (
    DEFAULT_IDLE_MINUTES,
    failed_unlocks,
    idle_minutes,
    record_lock_event,
    set_idle_minutes,
    try_unlock,
)
from petugaspembina.store.pin import wrong_pins
from petugaspembina.store.store import Store


def right(text: str) -> bool:
    return text == "rahasia-benar"


def test_idle_minutes_default_to_ten_and_keep_what_was_chosen(store: Store) -> None:
    assert idle_minutes(store) == DEFAULT_IDLE_MINUTES == 10
    set_idle_minutes(store, 3)
    assert idle_minutes(store) == 3


def test_idle_minutes_of_zero_are_refused(store: Store) -> None:
    with pytest.raises(InvalidInput, match="1 sampai 120 menit"):
        set_idle_minutes(store, 0)
    assert idle_minutes(store) == 10


def test_idle_minutes_over_two_hours_are_refused(store: Store) -> None:
    with pytest.raises(InvalidInput, match="1 sampai 120 menit"):
        set_idle_minutes(store, 121)


def test_a_damaged_idle_setting_counts_as_the_default(store: Store) -> None:
    store.set_setting("lock_idle_minutes", "lima")
    assert idle_minutes(store) == 10
    store.set_setting("lock_idle_minutes", "-5")
    assert idle_minutes(store) == 10


def test_wrong_passwords_wait_longer_each_time_and_the_right_one_starts_again(
    store: Store,
) -> None:
    assert try_unlock(store, right, "salah-1") == 2
    assert try_unlock(store, right, "salah-2") == 4
    assert try_unlock(store, right, "salah-3") == 8
    assert failed_unlocks(store) == 3
    assert wrong_pins(store) == 0  # the kiosk PIN keeps its own count
    assert try_unlock(store, right, "rahasia-benar") is None
    assert failed_unlocks(store) == 0
    assert try_unlock(store, right, "salah-4") == 2


def test_wrong_passwords_are_audited_without_what_was_typed(
    store: Store, caplog: pytest.LogCaptureFixture
) -> None:
    for typed in ("salah-satu", "salah-dua"):
        try_unlock(store, right, typed)
    try_unlock(store, right, "rahasia-benar")
    entries = store.audit_entries()
    actions = [e["action"] for e in reversed(entries)]
    assert actions[-3:] == ["app_unlock_wrong", "app_unlock_wrong", "app_unlocked"]
    assert [e["detail"] for e in entries if e["action"] == "app_unlock_wrong"] == [
        "percobaan ke-2",
        "percobaan ke-1",
    ]
    written = " ".join(str(e) for e in entries) + caplog.text
    assert "salah" not in written and "rahasia" not in written
    assert "app lock, 2 in a row" in caplog.text


def test_the_count_of_wrong_passwords_survives_a_restart(db_path: Path) -> None:
    with Store.open(db_path) as store:
        try_unlock(store, right, "salah")
        try_unlock(store, right, "salah")
    with Store.open(db_path) as store:
        assert failed_unlocks(store) == 2
        assert try_unlock(store, right, "salah") == 8  # the third in a row


def test_locking_is_audited_with_its_reason(store: Store) -> None:
    record_lock_event(store, "app_locked", "otomatis")
    entry = store.audit_entries(1)[0]
    assert (entry["action"], entry["detail"]) == ("app_locked", "otomatis")
