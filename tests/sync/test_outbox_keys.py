"""Without a network: the outbox's back-off, older key files, a swapped certificate hash, tokens."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from petugaspembina.store.store import Store
from petugaspembina.sync import outbox
from petugaspembina.sync.errors import BundleRejected
from petugaspembina.sync.netkeys import device_of_token, token_hash, upload_token
from petugaspembina.sync.trust import enrol_file, enrolled_office

from .netlab import NIPS, Office, Officer


def test_a_failed_try_waits_longer_each_time(tmp_path: Path) -> None:
    office = Office(tmp_path)
    siti = Officer(tmp_path, "Siti Aminah", NIPS[0], seed=3, sessions=1)
    office.enrol(siti)
    (bundle_id,) = siti.export()
    now = datetime(2026, 11, 22, 8, 0, tzinfo=UTC)
    with Store.open(siti.db) as store:
        assert [e.bundle_id for e in outbox.to_send(store, due_only=True, now=now)] == [bundle_id]
        waits = []
        for _ in range(3):
            outbox.mark_failed(store, bundle_id, "kantor tidak menjawab", now=now)
            (entry,) = outbox.entries(store, destination=outbox.NETWORK)
            due = datetime.strptime(entry.next_try_at or "", "%Y-%m-%dT%H:%M:%SZ")
            waits.append((due.replace(tzinfo=UTC) - now).total_seconds())
        assert waits[0] < waits[1] < waits[2] <= outbox.MAX_BACKOFF_SECONDS * 1.2
        assert entry.tries == 3 and entry.status == "waiting"
        assert outbox.to_send(store, due_only=True, now=now) == []  # not due yet
        later = now + timedelta(seconds=waits[2] + 1)
        assert len(outbox.to_send(store, due_only=True, now=later)) == 1
        assert len(outbox.to_send(store, due_only=False, now=now)) == 1  # "Kirim sekarang"
    assert (siti.outbox / entry.file).exists()  # kept until its receipt


def test_office_key_file_from_before_network_sending_still_enrols(tmp_path: Path) -> None:
    office = Office(tmp_path)
    old = json.loads((tmp_path / "kantor.key.json").read_text())
    for key in ("tls_sha256", "inbox_url", "tls_signature"):
        old.pop(key)
    (tmp_path / "old.key.json").write_text(json.dumps(old))
    siti = Officer(tmp_path, "Siti Aminah", NIPS[0], seed=3, sessions=0)
    with Store.open(siti.db) as store:
        assert enrol_file(store, tmp_path / "old.key.json").kind == "office"
        enrolled = enrolled_office(store)
        assert enrolled is not None and enrolled.tls_sha256 is None
    assert office.db.exists()


def test_swapped_certificate_hash_in_office_key_file_is_refused(tmp_path: Path) -> None:
    Office(tmp_path)
    doc = json.loads((tmp_path / "kantor.key.json").read_text())
    doc["tls_sha256"] = "0" * 64  # someone's own inbox certificate, same office keys
    (tmp_path / "swapped.key.json").write_text(json.dumps(doc))
    siti = Officer(tmp_path, "Siti Aminah", NIPS[0], seed=3, sessions=0)
    with (
        Store.open(siti.db) as store,
        pytest.raises(BundleRejected, match="tidak ditandatangani"),
    ):
        enrol_file(store, tmp_path / "swapped.key.json")


def test_office_keeps_only_the_token_hash(tmp_path: Path) -> None:
    office = Office(tmp_path)
    siti = Officer(tmp_path, "Siti Aminah", NIPS[0], seed=3, sessions=0)
    office.enrol(siti)
    with Store.open(siti.db) as store:
        token = upload_token(store)
    with Store.open(office.db) as store:
        stored = store.conn.execute("SELECT upload_token_hash FROM enrolled_devices").fetchone()[0]
        tables = [
            r[0] for r in store.conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
        ]
        dump = "\n".join(
            repr(tuple(row))
            for table in tables
            for row in store.conn.execute(f'SELECT * FROM "{table}"')
        )
        assert stored == token_hash(token) and token not in dump
        assert device_of_token(store, token) == (siti.device_id, None)
        assert device_of_token(store, "x" * 43) is None
        assert device_of_token(store, "not a token") is None
