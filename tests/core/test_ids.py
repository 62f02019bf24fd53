"""Record ids: new ones are time-ordered UUIDv7; old random ones stay valid."""

from __future__ import annotations

import time
import uuid

from petugaspembina.core.ids import is_record_id, new_record_id, uuid7


def test_new_record_ids_are_version_7_and_increase() -> None:
    ids = [new_record_id() for _ in range(20_000)]  # several per millisecond: the counter runs
    assert all(is_record_id(i) for i in ids)
    assert all(uuid.UUID(i).version == 7 and uuid.UUID(i).variant == uuid.RFC_4122 for i in ids)
    assert ids == sorted(ids) and len(set(ids)) == len(ids)


def test_new_record_id_starts_with_the_time_in_milliseconds() -> None:
    before = time.time_ns() // 1_000_000
    millis = uuid.UUID(new_record_id()).int >> 80
    assert before <= millis <= time.time_ns() // 1_000_000 + 1


def test_random_version_4_ids_stay_valid() -> None:
    assert is_record_id(str(uuid.uuid4()))
    assert is_record_id(uuid7(0, 0, 0)) and not is_record_id(str(uuid.uuid4()).upper())


def test_uuid7_places_each_part() -> None:
    value = uuid.UUID(uuid7(0x0123_4567_89AB, 0xCDE, (1 << 62) - 1))
    assert str(value).startswith("01234567-89ab-7cde-bfff-")
