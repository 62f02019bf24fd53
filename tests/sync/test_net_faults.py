"""Faults the connected path survives, each with a real ``serve`` process on 127.0.0.1: a server
killed mid-upload, a slow link that drops, a locked office database; and an end-to-end day of two
officers, one office, a conflict, receipts and a revocation."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from petugaspembina.store.store import Store
from petugaspembina.sync.conflicts import list_conflicts
from petugaspembina.sync.exporter import export_bundle
from petugaspembina.sync.importer import import_files
from petugaspembina.sync.trust import revoke_device

from .netlab import NIPS, Office, Officer, Proxy, Server, random_cuts


def _enrolled(tmp_path: Path, count: int, sessions: int = 1) -> tuple[Office, list[Officer]]:
    office = Office(tmp_path)
    officers = [
        Officer(tmp_path, f"Petugas {n}", NIPS[n], seed=20 + n, sessions=sessions)
        for n in range(count)
    ]
    for officer in officers:
        office.enrol(officer)
    return office, officers


@pytest.mark.slow
def test_server_killed_mid_upload_then_restarted(tmp_path: Path) -> None:
    office, (siti,) = _enrolled(tmp_path, 1, sessions=12)
    bundle_id = siti.export()[0]
    size = (siti.outbox / next(siti.outbox.iterdir()).name).stat().st_size
    server = office.server().start()
    proxy = Proxy(server.port, rate=size / 3)  # the upload takes ~3 s
    proxy.start()
    result: list[object] = []
    sending = threading.Thread(target=lambda: result.append(siti.send_once(proxy.url)))
    sending.start()
    deadline = time.monotonic() + 10
    while proxy.connections == 0 and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(1.0)
    server.kill()  # mid-upload, no goodbye
    sending.join(30)
    assert siti.statuses()[bundle_id] == "waiting"
    assert office.imported() == []
    restarted = office.server(port=server.port).start()
    try:
        assert not any(name.startswith(".part-") for name in office.spool())  # cut-off removed
        report = siti.send(restarted.url)
    finally:
        restarted.stop()
        proxy.close()
    assert report.done and siti.statuses()[bundle_id] == "confirmed"
    assert [row[0] for row in office.imported()] == [bundle_id]  # imported once


@pytest.mark.slow
def test_slow_link_with_dropped_connections_delivers(tmp_path: Path) -> None:
    office, (siti,) = _enrolled(tmp_path, 1)
    bundle_id = siti.export()[0]
    size = (siti.outbox / next(siti.outbox.iterdir()).name).stat().st_size
    server = office.server().start()
    proxy = Proxy(server.port, rate=20_000, cuts=random_cuts(3, size, seed=14))
    proxy.start()
    try:
        report = siti.send(proxy.url, wait=60, timeout=15)
    finally:
        server.stop()
        proxy.close()
    assert report.done, report
    assert proxy.connections >= 4  # three cut, then through
    assert siti.statuses()[bundle_id] == "confirmed"
    assert [row[0] for row in office.imported()] == [bundle_id]


@pytest.mark.slow
def test_locked_office_database_uploads_wait_none_lost(tmp_path: Path) -> None:
    office, officers = _enrolled(tmp_path, 2)
    ids = [officer.export()[0] for officer in officers]
    server = office.server("--wait", "1").start()
    clerk = Store.open(office.db)
    clerk.conn.execute("BEGIN IMMEDIATE")  # a clerk's long job holds the write lock
    try:
        for officer, bundle_id in zip(officers, ids, strict=True):
            report = officer.send_once(server.url)
            assert report.sent == 1, report  # at the office, not yet merged
            assert officer.statuses()[bundle_id] == "sent"
        assert sorted(n for n in office.spool() if n.endswith(".bundle")) == sorted(
            f"{b}.bundle" for b in ids
        )
        server.kill()  # and the server dies while they wait: the spool keeps them
        server = office.server("--wait", "1", port=server.port).start()
        time.sleep(1)
    finally:
        clerk.conn.execute("ROLLBACK")
        clerk.close()
    try:
        for officer in officers:
            assert officer.send(server.url).done
    finally:
        server.stop()
    assert sorted(row[0] for row in office.imported()) == sorted(ids)
    assert not any(n.endswith(".bundle") for n in office.spool())


@pytest.mark.slow
def test_two_officers_one_office_conflict_receipts_revocation(tmp_path: Path) -> None:
    office, (siti, budi) = _enrolled(tmp_path, 2)
    server = office.server().start()
    try:
        siti.export()
        assert siti.send(server.url).done
        # The office passes Siti's people on to Budi (a signed office bundle, on a stick).
        with Store.open(office.db) as store:
            shared = export_bundle(store, tmp_path / "kantor.json", full=True)
            person = store.rows("SELECT id FROM people ORDER BY id LIMIT 1")[0]["id"]
        assert shared.path is not None
        with Store.open(budi.db) as store:
            reports = import_files(store, [shared.path], quarantine=tmp_path / "q", backups=None)
            assert reports[0].result == "imported", reports[0].message
        # Both correct the same person differently: a conflict at the office.
        for officer, name in ((siti, "Siti Rahayu"), (budi, "Sitti Rahayu")):
            with Store.open(officer.db) as store:
                store.write("people", {"full_name": name}, person)
            officer.export()
            report = officer.send(server.url)
            assert report.done and report.confirmed == 1, report
        with Store.open(office.db) as store:
            conflicts = [c for c in list_conflicts(store) if c.record_id == person]
        assert conflicts and {c.value for c in conflicts[0].candidates} == {
            "Siti Rahayu",
            "Sitti Rahayu",
        }
        # Budi's laptop is lost: revoked at the office, its next bundle is refused and kept.
        with Store.open(office.db) as store:
            revoke_device(store, budi.device_id)
        with Store.open(budi.db) as store:
            store.write("people", {"full_name": "Orang Asing"}, person)
        budi_id = budi.export()[0]
        refused = budi.send_once(server.url)
        assert refused.waiting == 1 and "dicabut" in refused.errors[0]
        assert budi.statuses()[budi_id] == "waiting"
        with Store.open(siti.db) as store:
            store.write("people", {"full_name": "Siti Rahayu Putri"}, person)
        siti.export()
        assert siti.send(server.url).done
    finally:
        server.stop()
    with Store.open(office.db) as store:
        names = {r["value"] for r in store.rows("SELECT value FROM fv WHERE rid = ?", (person,))}
    assert '"Orang Asing"' not in names and '"Siti Rahayu Putri"' in names
    assert all(status == "confirmed" for status in siti.statuses().values())


@pytest.mark.slow
def test_photo_part_server_killed_mid_upload_then_delivered_once(tmp_path: Path) -> None:
    from petugaspembina.core.imaging import prepare_photo
    from petugaspembina.store.photos import add_photo, photo_data
    from petugaspembina.sync import outbox
    from petugaspembina.sync.exporter import export_bundles
    from photos.imagegen import phone_jpeg

    office, (siti,) = _enrolled(tmp_path, 1)
    first = office.server().start()
    try:  # the records so far, confirmed before the photos are added
        assert siti.send(first.url).done
    finally:
        first.stop()
    hashes = []
    with Store.open(siti.db) as store:
        session = store.rows("SELECT id FROM sessions")[0]["id"]
        for seed in range(5):
            photo = prepare_photo(phone_jpeg(1600, 1200, seed=seed))
            add_photo(store, session, photo)
            hashes.append(photo.sha256)
    siti.export()
    with Store.open(siti.db) as store:
        waiting = outbox.to_send(store, due_only=False)
    [part] = [e for e in waiting if e.kind == "photos"]
    assert part.status == "waiting" and part.label.startswith("Berkas foto #")
    size = (siti.outbox / part.file).stat().st_size
    server = office.server().start()
    proxy = Proxy(server.port, rate=size / 3)  # the photo part takes ~3 s, the bundle ms
    proxy.start()
    result: list[object] = []
    sending = threading.Thread(target=lambda: result.append(siti.send_once(proxy.url)))
    sending.start()
    time.sleep(1.5)
    server.kill()  # mid-upload of the photo part
    sending.join(30)
    assert siti.statuses()[part.bundle_id] == "waiting"
    restarted = office.server(port=server.port).start()
    try:
        report = siti.send(restarted.url)
    finally:
        restarted.stop()
        proxy.close()
    assert report.done, report
    assert siti.statuses()[part.bundle_id] == "confirmed"
    assert not (siti.outbox / part.file).exists()  # removed once its receipt was verified
    with Store.open(office.db) as store:
        rows = store.conn.execute("SELECT part_id FROM imported_photo_parts").fetchall()
        assert [r[0] for r in rows] == [part.bundle_id]  # imported once
        assert all(photo_data(store, digest) is not None for digest in hashes)
    # Named in the office's receipt: never sent again, not even by a full export.
    (tmp_path / "again").mkdir()
    with Store.open(siti.db) as store:
        again = export_bundles(store, tmp_path / "again", full=True, outbox_dir=siti.outbox)
    assert not any(r.photos for r in again)


def _spooled_then_killed(tmp_path: Path) -> tuple[Office, Officer, str, Server]:
    """One officer's bundle uploaded and spooled, never merged (a clerk holds the database),
    then the inbox killed: (office, officer, bundle id, the dead server)."""
    office, (siti,) = _enrolled(tmp_path, 1)
    [bundle_id] = siti.export()
    server = office.server("--wait", "0").start()
    clerk = Store.open(office.db)
    clerk.conn.execute("BEGIN IMMEDIATE")  # the merge cannot run: the bundle stays spooled
    try:
        assert siti.send_once(server.url).sent == 1
        server.kill()
    finally:
        clerk.conn.execute("ROLLBACK")
        clerk.close()
    return office, siti, bundle_id, server


def _restarted_and_delivered(office: Office, siti: Officer, bundle_id: str, port: int) -> Server:
    """The inbox started again on ``port``; the officer's next send run delivers: imported once,
    confirmed by its receipt. Returns the (stopped) restarted server, for its log."""
    restarted = office.server(port=port).start()
    try:
        assert siti.send(restarted.url).done
    finally:
        restarted.stop()
    assert [row[0] for row in office.imported()] == [bundle_id]
    assert siti.statuses()[bundle_id] == "confirmed"
    return restarted


@pytest.mark.slow
def test_spooled_bundle_whose_state_was_lost_in_a_crash_is_still_imported(tmp_path: Path) -> None:
    office, siti, bundle_id, server = _spooled_then_killed(tmp_path)
    spool = office.home / "data" / "inbox-spool"
    (spool / f"{bundle_id}.state.json").unlink()  # the state file did not survive the crash
    (spool / f".tmp-{bundle_id}.state.json").write_text("{")  # nor its half-written copy
    restarted = _restarted_and_delivered(office, siti, bundle_id, server.port)
    assert not any(name.startswith(".tmp-") for name in office.spool())
    # Rebuilt from the bundle itself (not dropped and sent again).
    assert "rebuilt the state of spooled bundles" in restarted.log.read_text()


@pytest.mark.slow
def test_answered_upload_whose_rename_was_lost_in_a_crash_is_still_imported(
    tmp_path: Path,
) -> None:
    """The answer waits for the upload's bytes and its ``.part-`` name on disk, not for the
    rename to ``<id>.bundle`` (docs/benchmarks.md N2): a crash right after the answer can leave
    the upload under its ``.part-`` name; the restarted inbox holds it again, and removes an
    upload cut off half-way."""
    office, siti, bundle_id, server = _spooled_then_killed(tmp_path)
    spool = office.home / "data" / "inbox-spool"
    held = spool / f"{bundle_id}.bundle"
    data = held.read_bytes()
    held.rename(spool / ".part-answered")  # the rename did not survive the crash
    (spool / f"{bundle_id}.state.json").unlink()  # nor the state file
    (spool / ".part-cut").write_bytes(data[: len(data) // 2])  # another upload, cut off
    restarted = _restarted_and_delivered(office, siti, bundle_id, server.port)
    assert not any(name.startswith(".part-") for name in office.spool())
    log = restarted.log.read_text()
    assert "removed an incomplete upload" in log
    assert "rebuilt the state of spooled bundles" in log
    after = log.split("rebuilt the state of spooled bundles", 1)[1]
    assert f"bundle={bundle_id} status" not in after  # held again, not sent again
