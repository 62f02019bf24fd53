"""Sending to the office's inbox over HTTPS, with a real server process on 127.0.0.1.

Each refusal gets its own test: status, reason, nothing stored in the office database.
"""

from __future__ import annotations

import dataclasses
import json
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from petugaspembina.cli import main
from petugaspembina.store.store import Store
from petugaspembina.sync import sender
from petugaspembina.sync.exporter import prepare_export
from petugaspembina.sync.sealed import seal
from petugaspembina.sync.trust import enrolled_office, revoke_device

from .helpers import snapshot
from .netlab import NIPS, Office, Officer, Proxy, Server


def raw(
    where: sender.Target,
    method: str,
    path: str,
    body: bytes | None = None,
    headers: dict[str, str] | None = None,
) -> tuple[int, dict[str, Any]]:
    """One request through the pinned connection; (status, JSON answer)."""
    conn = sender._connect(where, 10)
    try:
        sent = {"Authorization": f"Bearer {where.token}", **(headers or {})}
        conn.request(method, path, body=body, headers=sent)
        response = conn.getresponse()
        return response.status, json.loads(response.read() or b"{}")
    finally:
        conn.close()


@dataclasses.dataclass
class Lab:
    office: Office
    siti: Officer
    server: Server


@pytest.fixture(scope="module")
def lab(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Lab]:
    folder = tmp_path_factory.mktemp("net")
    office = Office(folder)
    siti = Officer(folder, "Siti Aminah", NIPS[0], seed=3, sessions=1)
    office.enrol(siti)
    server = office.server("--max-mib", "1").start()
    yield Lab(office, siti, server)
    server.stop()


def sealed_bytes(officer: Officer) -> tuple[bytes, str]:
    """A sealed bundle of the officer's changes, not recorded as exported: (bytes, bundle id)."""
    with Store.open(officer.db) as store:
        prepared = prepare_export(store, full=True)
        assert prepared is not None
        office = enrolled_office(store)
        assert office is not None
        return seal(store, office, prepared.data, prepared.bundle_id, prepared.seq), (
            prepared.bundle_id
        )


def test_health_answers_without_a_token(lab: Lab) -> None:
    where = lab.siti.target(lab.server.url)
    status, doc = raw(dataclasses.replace(where, token=""), "GET", "/v1/health")
    assert status == 200 and doc["status"] == "ok" and len(doc["kid"]) == 16


def test_send_confirms_with_a_signed_receipt_and_clears_the_copy(lab: Lab) -> None:
    before = len(lab.office.imported())
    ids = lab.siti.export()
    assert lab.siti.statuses()[ids[0]] == "waiting"
    report = lab.siti.send(lab.server.url)
    assert report.done and report.confirmed == 1, report
    assert lab.siti.statuses()[ids[0]] == "confirmed"
    assert len(lab.office.imported()) == before + 1
    assert list(lab.siti.outbox.iterdir()) == []  # removed only after the receipt
    with Store.open(lab.siti.db) as store:
        delivered = store.conn.execute(
            "SELECT delivered_at FROM exports WHERE bundle_id = ?", (ids[0],)
        ).fetchone()[0]
    assert delivered
    log = lab.server.log.read_text()
    assert "Siti" not in log and "Aminah" not in log  # no personal data in the server's log


def test_outbox_command_lists_id_destination_status(lab: Lab) -> None:
    result = CliRunner().invoke(main, ["--db", str(lab.siti.db), "outbox", "--json"])
    assert result.exit_code == 0, result.output
    items = json.loads(result.stdout)
    assert items and {"id", "destination", "status"} <= set(items[0])
    assert {item["status"] for item in items} <= {"waiting", "sent", "confirmed"}
    assert any(item["destination"].startswith("https://127.0.0.1:") for item in items)


def test_unknown_token_is_401(lab: Lab) -> None:
    before = snapshot(lab.office.db)
    where = dataclasses.replace(lab.siti.target(lab.server.url), token="A" * 43)
    data, _ = sealed_bytes(lab.siti)
    status, doc = raw(where, "POST", "/v1/bundles", data)
    assert status == 401 and "Token" in doc["reason"]
    assert snapshot(lab.office.db) == before


def test_garbage_body_is_400(lab: Lab) -> None:
    before, spool = snapshot(lab.office.db), lab.office.spool()
    where = lab.siti.target(lab.server.url)
    status, doc = raw(where, "POST", "/v1/bundles", b"\x89PNG\r\n\x1a\n" + bytes(500))
    assert status == 400 and "Bukan bundel tersegel" in doc["reason"]
    assert snapshot(lab.office.db) == before and lab.office.spool() == spool


def test_oversize_declared_is_413_before_reading(lab: Lab) -> None:
    before = snapshot(lab.office.db)
    conn = sender._connect(lab.siti.target(lab.server.url), 10)
    try:  # only the headers: the server answers from Content-Length alone
        conn.putrequest("POST", "/v1/bundles")
        conn.putheader("Authorization", f"Bearer {lab.siti.target(lab.server.url).token}")
        conn.putheader("Content-Length", str(2 * 1024 * 1024))
        conn.endheaders()
        response = conn.getresponse()
        status, doc = response.status, json.loads(response.read())
    finally:
        conn.close()
    assert status == 413 and "terlalu besar" in doc["reason"]
    assert snapshot(lab.office.db) == before


def test_oversize_streamed_without_length_is_413(lab: Lab) -> None:
    before, spool = snapshot(lab.office.db), lab.office.spool()
    where = lab.siti.target(lab.server.url)
    conn = sender._connect(where, 10)
    try:
        chunks = (b"x" * 65536 for _ in range(20))  # 1.25 MiB, chunked: no Content-Length
        conn.request(
            "POST",
            "/v1/bundles",
            body=chunks,
            headers={"Authorization": f"Bearer {where.token}"},
            encode_chunked=True,
        )
        response = conn.getresponse()
        status = response.status
    finally:
        conn.close()
    assert status == 413
    assert snapshot(lab.office.db) == before and lab.office.spool() == spool


def test_bundle_from_another_device_with_this_token_is_403(lab: Lab, tmp_path: Path) -> None:
    stranger = Officer(tmp_path, "Orang Lain", NIPS[1], seed=5, sessions=1)
    lab.office.enrol(stranger)
    before = snapshot(lab.office.db)
    data, _ = sealed_bytes(stranger)
    status, doc = raw(lab.siti.target(lab.server.url), "POST", "/v1/bundles", data)
    assert status == 403 and "pemilik token" in doc["reason"]
    assert snapshot(lab.office.db) == before


def test_signature_mismatch_is_403(lab: Lab, tmp_path: Path) -> None:
    forger = Officer(tmp_path, "Pemalsu", NIPS[2], seed=6, sessions=1)
    lab.office.enrol(forger)  # enrolled, but signing in Siti's name with its own key
    before = snapshot(lab.office.db)
    with Store.open(forger.db) as store:
        prepared = prepare_export(store, full=True)
        office = enrolled_office(store)
        assert prepared is not None and office is not None
        store.device_id = lab.siti.device_id
        data = seal(store, office, prepared.data, prepared.bundle_id, prepared.seq)
    status, doc = raw(lab.siti.target(lab.server.url), "POST", "/v1/bundles", data)
    assert status == 403 and "Tanda tangan" in doc["reason"]
    assert snapshot(lab.office.db) == before


def test_same_bundle_id_with_other_content_is_409(lab: Lab) -> None:
    data, bundle_id = sealed_bytes(lab.siti)
    where = lab.siti.target(lab.server.url)
    status, doc = raw(where, "POST", "/v1/bundles", data)
    assert status == 200 and doc["receipt"]["bundle_id"] == bundle_id
    before = snapshot(lab.office.db)
    with Store.open(lab.siti.db) as store:  # other content sealed under the same bundle id
        other = prepare_export(store, full=True)
        office = enrolled_office(store)
        assert other is not None and office is not None
        forged = seal(store, office, other.data, bundle_id, other.seq)
    status, doc = raw(where, "POST", "/v1/bundles", forged)
    assert status == 409 and "isi berbeda" in doc["reason"]
    assert snapshot(lab.office.db) == before


def test_replay_answers_the_receipt_again_and_stores_nothing(lab: Lab) -> None:
    data, bundle_id = sealed_bytes(lab.siti)
    where = lab.siti.target(lab.server.url)
    first = raw(where, "POST", "/v1/bundles", data)
    before = snapshot(lab.office.db)
    again = raw(where, "POST", "/v1/bundles", data)
    assert first[0] == again[0] == 200
    assert again[1]["receipt"]["bundle_id"] == bundle_id
    assert again[1]["receipt"]["signature"]
    assert snapshot(lab.office.db) == before


def test_revoked_device_is_403(lab: Lab, tmp_path: Path) -> None:
    gone = Officer(tmp_path, "Hilang", NIPS[1], seed=7, sessions=1)
    lab.office.enrol(gone)
    with Store.open(lab.office.db) as store:
        revoke_device(store, gone.device_id)
    before = snapshot(lab.office.db)
    gone.export()
    report = gone.send_once(lab.server.url)
    assert report.waiting == 1 and "403" in report.errors[0] and "dicabut" in report.errors[0]
    assert list(gone.statuses().values()) == ["waiting"]  # kept, never deleted unconfirmed
    assert snapshot(lab.office.db) == before


def test_rate_limit_is_429(tmp_path: Path) -> None:
    office = Office(tmp_path)
    siti = Officer(tmp_path, "Siti Aminah", NIPS[0], seed=3, sessions=0)
    office.enrol(siti)
    server = office.server("--rate", "5").start()
    try:
        where = siti.target(server.url)
        statuses = [raw(where, "GET", f"/v1/bundles/{'0' * 8}")[0] for _ in range(8)]
        stranger = dataclasses.replace(where, token="B" * 43)
        guesses = [raw(stranger, "GET", "/v1/bundles/x")[0] for _ in range(8)]
    finally:
        assert server.stop() == 0
    assert statuses[0] == 404 and 429 in statuses
    assert guesses[0] == 401 and 429 in guesses  # guessing tokens is rate limited per address
    assert "berhenti" in server.closing  # SIGTERM: a clean stop, exit 0


def test_send_without_a_pinned_certificate_is_refused(tmp_path: Path) -> None:
    office = Office(tmp_path)
    siti = Officer(tmp_path, "Siti Aminah", NIPS[0], seed=3, sessions=0)
    office.enrol(siti)
    with Store.open(siti.db) as store:  # as after enrolling a key file older than this feature
        store.conn.execute("UPDATE enrolled_offices SET tls_sha256 = NULL")
    result = CliRunner().invoke(main, ["--db", str(siti.db), "send", "--to", "https://127.0.0.1:9"])
    assert result.exit_code == 1 and "berkas kunci kantor yang baru" in result.stderr


def test_a_server_with_another_certificate_gets_nothing(lab: Lab, tmp_path: Path) -> None:
    other = Office(tmp_path)  # another office's inbox at the address the officer was given
    other_server = other.server().start()
    try:
        lab.siti.export() or _touch(lab.siti)
        report = lab.siti.send_once(other_server.url)
    finally:
        other_server.stop()
    assert report.waiting >= 1 and "sidik jari berbeda" in report.errors[0]
    assert other.spool() == []


def _touch(officer: Officer, seed: int = 11) -> list[str]:
    from petugaspembina.demo import generate

    with Store.open(officer.db) as store:
        generate(store, seed=seed, sessions=1)
    return officer.export()


def test_two_uploads_of_one_bundle_at_once_import_once(lab: Lab) -> None:
    data, bundle_id = sealed_bytes(lab.siti)
    where = lab.siti.target(lab.server.url)
    answers: list[tuple[int, dict[str, Any]]] = []

    def upload() -> None:
        answers.append(raw(where, "POST", "/v1/bundles", data))

    threads = [threading.Thread(target=upload) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert [a[0] for a in answers] == [200, 200]
    assert sorted(a[1]["receipt"]["result"] for a in answers) == ["imported", "imported"]
    assert [row[0] for row in lab.office.imported()].count(bundle_id) == 1


def test_send_command_exits_0_once_confirmed(lab: Lab, tmp_path: Path) -> None:
    dewi = Officer(tmp_path, "Dewi Lestari", NIPS[2], seed=12, sessions=1)
    lab.office.enrol(dewi)
    result = CliRunner().invoke(
        main, ["--db", str(dewi.db), "send", "--to", lab.server.url, "--wait", "20"]
    )
    assert result.exit_code == 0, result.output
    assert "masuk kotak keluar" in result.stdout and "Dikonfirmasi 1" in result.stdout
    again = CliRunner().invoke(main, ["--db", str(dewi.db), "send"])  # address remembered
    assert again.exit_code == 0 and "Dikonfirmasi 0" in again.stdout


def test_serve_refuses_a_database_without_office_keys(tmp_path: Path) -> None:
    officer = Officer(tmp_path, "Siti Aminah", NIPS[0], seed=3, sessions=0)
    result = CliRunner().invoke(
        main, ["--db", str(officer.db), "serve", "--host", "127.0.0.1", "--port", "0"]
    )
    assert result.exit_code == 1 and "office-keys create" in result.stderr


def test_a_send_run_uses_one_connection_for_every_bundle(tmp_path: Path) -> None:
    office = Office(tmp_path)
    dewi = Officer(tmp_path, "Dewi Lestari", NIPS[2], seed=13, sessions=1)
    office.enrol(dewi)
    ids = dewi.export()
    for seed in (14, 15):  # three bundles in the outbox
        ids += _touch(dewi, seed)
    assert len(ids) == 3
    server = office.server().start()
    proxy = Proxy(server.port)
    proxy.start()
    try:
        report = dewi.send_once(proxy.url)
    finally:
        proxy.close()
        server.stop()
    assert report.confirmed + report.sent == 3 and not report.errors, report
    assert proxy.connections == 1  # one TLS handshake for the whole run


def test_a_kept_connection_the_office_closed_is_reopened(tmp_path: Path) -> None:
    office = Office(tmp_path)
    dewi = Officer(tmp_path, "Dewi Lestari", NIPS[2], seed=13, sessions=0)
    office.enrol(dewi)
    server = office.server().start()
    where = dewi.target(server.url)
    link = sender.Link(where, 10)
    try:
        assert link.exchange("GET", "/v1/health")[0] == 200
        server.kill()  # the office restarts between two requests of one run
        restarted = office.server(port=server.port).start()
        status, doc = link.exchange("GET", "/v1/health")
    finally:
        link.close()
    restarted.stop()
    assert status == 200 and doc["status"] == "ok"
    assert link.handshakes == 2


def test_upload_is_answered_before_the_senders_time_out_when_the_merge_waits(
    tmp_path: Path,
) -> None:
    office = Office(tmp_path)
    dewi = Officer(tmp_path, "Dewi Lestari", NIPS[2], seed=16, sessions=1)
    office.enrol(dewi)
    [bundle_id] = dewi.export()
    server = office.server().start()  # waits up to 20 s for a merge by default
    clerk = Store.open(office.db)
    clerk.conn.execute("BEGIN IMMEDIATE")  # a clerk's long job: the merge cannot run
    try:
        report = dewi.send_once(server.url, timeout=4)  # asks for at most 2 s (Prefer: wait=2)
    finally:
        clerk.conn.execute("ROLLBACK")
        clerk.close()
    try:
        assert report.sent == 1 and not report.errors, report  # held, not a time-out
        assert dewi.statuses()[bundle_id] == "sent"
        assert dewi.send(server.url).done
    finally:
        server.stop()


@pytest.mark.slow
def test_a_connection_the_office_closed_when_idle_is_reopened_resuming_tls(lab: Lab) -> None:
    with sender.Link(lab.siti.target(lab.server.url), 10) as link:
        assert link.exchange("GET", "/v1/health")[0] == 200
        time.sleep(5.5)  # the office closes a connection idle for 5 s
        status, doc = link.exchange("GET", "/v1/health")
    assert status == 200 and doc["status"] == "ok"
    assert link.handshakes == 2 and link.resumed == 1  # pinned again, without a full handshake


@pytest.mark.slow
def test_an_upload_on_a_connection_the_office_closed_when_idle_is_made_again(
    lab: Lab, tmp_path: Path
) -> None:
    """The body of an upload written into a connection the office closed fails with a TLS error
    (not a broken pipe) once its close_notify has arrived: the upload is made once more."""
    data, bundle_id = sealed_bytes(lab.siti)
    file = tmp_path / "bundle.json"
    file.write_bytes(data + b" " * (400_000 - len(data)))  # larger than the socket buffers
    with sender.Link(lab.siti.target(lab.server.url), 10) as link:
        assert link.exchange("GET", "/v1/health")[0] == 200
        time.sleep(5.5)  # the office closes a connection idle for 5 s
        status, doc = link.exchange("POST", sender.UPLOAD_PATH, file)
    assert status in (200, 202) and doc["bundle_id"] == bundle_id, (status, doc)
    assert link.handshakes == 2
