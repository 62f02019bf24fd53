"""Relays (docs/security.md "Relays"): a Kanim forwards its officers' versions to its Kanwil.

The Kanwil enrols the Kanim's office key file; the Kanim's signed bundle then imports there with
its officers' versions, each judged by its own author. An officer's device cannot pass itself off
as a relay: neither by sealing other devices' versions nor by borrowing the office's key id.
"""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest

from petugaspembina.core.changes import canonical_json
from petugaspembina.store.queries import dump
from petugaspembina.store.store import Store
from petugaspembina.sync import keys as device_keys
from petugaspembina.sync.bundle import OFFICE_SIGN_CONTEXT
from petugaspembina.sync.exporter import export_bundle
from petugaspembina.sync.trust import (
    create_office_keys,
    enrol_file,
    enrolled_office,
    office_key_file,
    revoke_device,
    write_key_file,
)

from .helpers import cli_import, load, make_bundle
from .test_bad_bundles import assert_rejected
from .test_trust import World, cli


class Region(World):
    """The office and officer of ``World``, plus a Kanwil that enrolled the office's key file."""

    def __init__(self, folder: Path) -> None:
        super().__init__(folder)
        self.kanwil = folder / "kanwil.db"
        with Store.open(self.kanwil) as store:
            create_office_keys(store)
            write_key_file(office_key_file(store), folder / "kanwil.key.json")
            self.enrolled = enrol_file(store, folder / "kantor.key.json")

    def relay(self, name: str) -> Path:
        """The officer's sealed bundle imported at the office, then the office's bundle out."""
        code, out, _ = cli_import(self.office, self.export(f"dari-hp-{name}"))
        assert code == 0, out
        with Store.open(self.office) as store:
            result = export_bundle(store, self.folder / name)
        assert result.path is not None
        return result.path


@pytest.fixture
def region(tmp_path: Path) -> Region:
    return Region(tmp_path / "wilayah")


def test_kanwil_enrols_an_office_key_file_as_a_relay(region: Region) -> None:
    office_file = json.loads((region.folder / "kantor.key.json").read_text())
    assert region.enrolled.kind == "relay-office"
    assert region.enrolled.key_id == office_file["kid"]
    assert region.enrolled.fingerprint == office_file["fingerprint"]
    with Store.open(region.kanwil) as store:
        # the Kanwil does not start sealing its own bundles to the Kanim
        assert enrolled_office(store) is None
        audit = [r[0] for r in store.conn.execute("SELECT action FROM audit")]
    assert "relay-office-enrolled" in audit
    code, out, _ = cli("--db", str(region.kanwil), "devices", "--json")
    assert code == 0
    assert [r["kid"] for r in json.loads(out)["relay_offices"]] == [office_file["kid"]]
    code, out, _ = cli("--db", str(region.kanwil), "devices")
    assert f"Kantor relai: Kantor Imigrasi Bogor ({office_file['kid']})" in out, out


def test_office_relay_of_its_officers_versions_imports_at_the_kanwil(region: Region) -> None:
    relay = region.relay("relai.json")
    assert load(relay)["signature"]["kid"] == region.enrolled.key_id
    code, out, _ = cli_import(region.kanwil, relay)
    assert code == 0, out
    assert "Bertanda tangan kantor terdaftar" in out and "tidak bertanda tangan" not in out
    with Store.open(region.office) as office, Store.open(region.kanwil) as kanwil:
        officer_rows = kanwil.conn.execute(
            "SELECT count(*) FROM fv WHERE hlc LIKE ?", (f"%/{region.officer_device}",)
        ).fetchone()[0]
        assert officer_rows > 0  # the officer's own versions came through the office
        assert canonical_json(dump(kanwil)) == canonical_json(dump(office))


def test_relay_from_an_office_the_kanwil_never_enrolled_is_unsigned(
    region: Region, tmp_path: Path
) -> None:
    relay = region.relay("relai.json")
    other = tmp_path / "kanwil-lain.db"
    with Store.open(other) as store:
        create_office_keys(store)
    assert_rejected(other, relay, "tidak bertanda tangan")


def test_forged_relay_sealed_by_an_officer_device_is_refused(
    region: Region, tmp_path: Path
) -> None:
    """An officer's device sealing to the Kanwil cannot vouch for another device's versions."""
    with Store.open(region.kanwil) as store:
        enrol_file(store, region.folder / "hp.key.json")
    third = make_bundle(tmp_path, seed=6, sessions=1)  # a device neither office heard from
    assert cli_import(region.officer, third)[0] == 0
    with Store.open(region.officer) as store:
        enrol_file(store, region.folder / "kanwil.key.json")
    assert_rejected(region.kanwil, region.export("palsu.json"), "belum pernah diterima kantor")


def test_officer_device_cannot_sign_as_the_office(region: Region, tmp_path: Path) -> None:
    """The office's key id with a signature by the officer's own key: refused, nothing changed."""
    doc = load(region.relay("relai.json"))
    with Store.open(region.officer) as store:
        forged = device_keys.sign(store, OFFICE_SIGN_CONTEXT + doc["header_sha256"].encode())
    doc["signature"]["sig"] = base64.b64encode(forged).decode()
    path = tmp_path / "palsu.json"
    path.write_text(json.dumps(doc))
    assert_rejected(region.kanwil, path, "Tanda tangan kantor")


def test_relay_of_a_device_revoked_at_the_kanwil_is_refused(region: Region) -> None:
    with Store.open(region.kanwil) as store:
        enrol_file(store, region.folder / "hp.key.json")
        revoke_device(store, region.officer_device)
    assert_rejected(region.kanwil, region.relay("relai.json"), "belum pernah diterima kantor")
