"""Sealed bundles, enrolment, revocation and authorisation (bad-inputs rows 22-24, 48, 49; I11).

Every refusal: exit 1 (or a rejected report), a reason, quarantine, the office database unchanged.
"""

from __future__ import annotations

import base64
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from petugaspembina.cli import main
from petugaspembina.core.records import DeviceKey, OfficeProfile, Officer
from petugaspembina.demo import generate
from petugaspembina.documents.office import save_office_profile
from petugaspembina.paths import app_paths
from petugaspembina.profile import create_profile
from petugaspembina.store.errors import NotFound
from petugaspembina.store.store import Edit, Store
from petugaspembina.sync import keys as device_keys
from petugaspembina.sync.errors import BundleRejected
from petugaspembina.sync.exporter import export_bundle
from petugaspembina.sync.importer import import_bytes
from petugaspembina.sync.receipts import read_receipt, write_receipts
from petugaspembina.sync.trust import (
    create_office_keys,
    device_key_file,
    enrol_file,
    office_key_file,
    revoke_device,
    write_key_file,
)

from .helpers import cli_import, load, make_bundle, new_database, snapshot
from .test_bad_bundles import assert_rejected

NIP_OFFICE = "198609262015051001"
NIP_OFFICER = "199001012015052001"


def cli(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


class World:
    """An office with keys and one officer's device, enrolled both ways."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.office = folder / "office.db"
        self.officer = folder / "officer.db"
        with Store.open(self.office) as store:
            create_profile(store, "Budi Santoso", NIP_OFFICE, "Kantor Imigrasi Bogor", None)
            create_office_keys(store)
            write_key_file(office_key_file(store), folder / "kantor.key.json")
            self.office_device = store.device_id
        with Store.open(self.officer) as store:
            create_profile(store, "Siti Aminah", NIP_OFFICER, "Kantor Imigrasi Bogor", None)
            generate(store, seed=3, sessions=1)
            enrol_file(store, folder / "kantor.key.json")
            write_key_file(device_key_file(store), folder / "hp.key.json")
            self.officer_device = store.device_id
        with Store.open(self.office) as store:
            enrol_file(store, folder / "hp.key.json")

    def export(self, name: str, *, plain: bool = False, full: bool = False) -> Path:
        with Store.open(self.officer) as store:
            result = export_bundle(store, self.folder / name, plain=plain, full=full)
        assert result.path is not None
        return result.path


@pytest.fixture
def world(tmp_path: Path) -> World:
    return World(tmp_path)


def test_sealed_bundle_round_trip(world: World) -> None:
    sealed = world.export("b1.json")
    text = sealed.read_text()
    assert text.startswith('{"format":"petugaspembina.sealed-bundle"')
    assert "Siti" not in text and "people" not in text  # personal data is encrypted
    code, out, _ = cli_import(world.office, sealed)
    assert code == 0 and "Bertanda tangan perangkat terdaftar" in out, out
    with Store.open(world.office) as store:
        assert store.rows("SELECT count(*) AS n FROM people")[0]["n"] > 0
    code, out, _ = cli_import(world.office, sealed)  # a replay: nothing applied again
    assert code == 0 and "Sudah diimpor" in out


def test_row22_sealed_bundle_with_a_flipped_bit(world: World) -> None:
    sealed = world.export("b1.json")
    doc = json.loads(sealed.read_bytes())
    raw = bytearray(base64.b64decode(doc["sealed"]))
    raw[len(raw) // 2] ^= 0x01
    doc["sealed"] = base64.b64encode(bytes(raw)).decode()
    flipped = world.folder / "ubah.json"
    flipped.write_text(json.dumps(doc))
    assert_rejected(world.office, flipped, "rusak atau telah diubah")
    doc = json.loads(sealed.read_bytes())
    doc["seq"] += 1  # the envelope is bound too
    envelope = world.folder / "amplop.json"
    envelope.write_text(json.dumps(doc))
    assert_rejected(world.office, envelope, "rusak atau telah diubah")


def test_row23_sealed_for_another_office(world: World, tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    with Store.open(other) as store:
        create_office_keys(store)
        enrol_file(store, world.folder / "hp.key.json")
    sealed = world.export("b1.json")
    kid = json.loads(sealed.read_bytes())["to"]
    assert_rejected(other, sealed, "ditujukan ke kantor lain", kid)


def test_row24_unknown_device_is_quarantined(world: World, tmp_path: Path) -> None:
    stranger = tmp_path / "stranger.db"
    with Store.open(stranger) as store:
        generate(store, seed=4, sessions=1)
        enrol_file(store, world.folder / "kantor.key.json")
        result = export_bundle(store, tmp_path / "asing.json")
    assert result.path is not None and result.sealed_to is not None
    assert_rejected(world.office, result.path, "belum terdaftar", "karantina")


def test_row24_revoked_device_is_refused(world: World) -> None:
    sealed = world.export("b1.json")
    code, out, _ = cli("--db", str(world.office), "revoke-device", world.officer_device)
    assert code == 0 and "dicabut" in out
    assert_rejected(world.office, sealed, "telah dicabut")
    code, out, _ = cli("--db", str(world.office), "devices", "--json")
    assert json.loads(out)["devices"][0]["revoked_at"] is not None


def test_row48_plain_bundle_refused_once_the_office_has_keys(world: World) -> None:
    plain = world.export("polos.json", plain=True)
    assert plain.read_text().startswith('{"format":"petugaspembina.bundle"')
    assert_rejected(world.office, plain, "tidak bertanda tangan", "--allow-unsigned")
    result = CliRunner().invoke(
        main, ["--db", str(world.office), "import", "--allow-unsigned", str(plain)]
    )
    assert result.exit_code == 0 and "tidak bertanda tangan" in result.stdout


def test_row48_office_without_keys_says_unsigned(tmp_path: Path) -> None:
    bundle = make_bundle(tmp_path, seed=5, sessions=1)
    code, out, _ = cli_import(new_database(tmp_path / "plain-office.db"), bundle)
    assert code == 0 and "tidak bertanda tangan" in out


def test_row49_officer_may_not_change_the_office_profile(world: World) -> None:
    with Store.open(world.office) as store:
        office_record = save_office_profile(store, {"signatory_name": "Dr. H. Arif Rahman"})
    with Store.open(world.officer) as store:
        store.write_many(
            [
                Edit(
                    OfficeProfile.TABLE,
                    {"signatory_name": "Penanda Tangan Palsu"},
                    office_record,
                    new=True,
                )
            ]
        )
    assert_rejected(world.office, world.export("profil.json"), "profil kantor")


def test_row49_officer_keeps_its_own_letterhead_record(world: World) -> None:
    """Each laptop's init writes its own office-profile record for its documents: allowed."""
    with Store.open(world.officer) as store:
        save_office_profile(store, {"signatory_name": "Dr. H. Muhammad Arif Rahman Hakim"})
    code, out, _ = cli_import(world.office, world.export("sendiri.json"))
    assert code == 0, out


def test_row49_officer_may_not_change_another_devices_key(world: World) -> None:
    with Store.open(world.officer) as store:
        store.write_many(
            [
                Edit(
                    DeviceKey.TABLE,
                    {"device_id": world.office_device, "public_key": "A" * 43 + "="},
                    device_keys.device_key_record_id(world.office_device),
                    new=True,
                )
            ]
        )
    assert_rejected(world.office, world.export("kunci.json"), "kunci perangkat lain")


def test_row49_officer_may_not_change_another_officers_profile(world: World) -> None:
    # the office's own officer record reaches the officer's device, who then edits it
    with Store.open(world.office) as store:
        office_officer = store.meta("officer_id")
        result = export_bundle(store, world.folder / "dari-kantor.json")
    assert result.path is not None and office_officer
    assert cli_import(world.officer, result.path)[0] == 0
    with Store.open(world.officer) as store:
        store.write(Officer.TABLE, {"position": "Kepala Kantor Palsu"}, office_officer)
    assert_rejected(world.office, world.export("petugas.json"), "profil petugas lain")


def test_row49_unknown_versions_in_another_devices_name_are_refused(
    world: World, tmp_path: Path
) -> None:
    third = make_bundle(tmp_path, seed=6, sessions=1)  # a device the office never heard from
    assert cli_import(world.officer, third)[0] == 0
    assert_rejected(world.office, world.export("relai.json"), "belum pernah diterima kantor")


def test_certificate_keys_come_from_enrolment(world: World) -> None:
    message = b"sertifikat"
    with Store.open(world.officer) as store:
        signature = device_keys.sign(store, message)
    with Store.open(world.office) as store:
        assert device_keys.verify(store, world.officer_device, message, signature)
        assert not device_keys.verify(store, world.officer_device, message + b"!", signature)
        with pytest.raises(NotFound, match="belum terdaftar"):
            device_keys.verify(store, "c" * 32, message, signature)


def test_receipts_are_signed_by_the_office(world: World, tmp_path: Path) -> None:
    sealed = world.export("b1.json")
    folder = tmp_path / "receipts"
    with Store.open(world.office) as store:
        report = import_bytes(store, sealed, sealed.read_bytes(), quarantine=app_paths().quarantine)
        [receipt] = write_receipts(store, [report], folder)
    doc = json.loads(receipt.read_text())
    assert doc["signature"] and doc["kid"]
    forged = tmp_path / "palsu.json"
    forged.write_text(
        json.dumps({**doc, "result": "imported", "imported_at": "2020-01-01T00:00:00Z"})
    )
    unsigned = tmp_path / "tanpa-ttd.json"
    unsigned.write_text(json.dumps({k: v for k, v in doc.items() if k != "signature"}))
    with Store.open(world.officer) as store:
        for bad in (forged, unsigned):
            with pytest.raises(BundleRejected, match=r"[Tt]anda t"):
                read_receipt(store, bad)
        assert "sudah diterima" in read_receipt(store, receipt)


def test_enrolling_ones_own_keys_is_refused(world: World) -> None:
    with (
        Store.open(world.office) as store,
        pytest.raises(BundleRejected, match="kantor ini sendiri"),
    ):
        enrol_file(store, world.folder / "kantor.key.json")
    with (
        Store.open(world.officer) as store,
        pytest.raises(BundleRejected, match=r"perangkat ini sendiri|hanya didaftarkan"),
    ):
        enrol_file(store, world.folder / "hp.key.json")


def test_key_files_hold_no_private_key(world: World) -> None:
    for name in ("kantor.key.json", "hp.key.json"):
        doc = json.loads((world.folder / name).read_text())
        assert set(doc) <= {
            "format",
            "format_version",
            "office",
            "kid",
            "sealing_key",
            "signing_key",
            "fingerprint",
            "device_id",
            "officer",
            "public_key",
            # network sending: the inbox certificate's hash, address and their signature; the
            # device's upload token (a bearer secret for the inbox, not a key)
            "tls_sha256",
            "inbox_url",
            "tls_signature",
            "upload_token",
        }
    with Store.open(world.officer) as store:
        private = store.meta("signing_key")
    with Store.open(world.office) as store:
        tls_key = store.meta("inbox_tls_key")
    assert private and private not in world.export("b1.json").read_text()
    assert tls_key and tls_key not in (world.folder / "kantor.key.json").read_text()


@pytest.fixture(scope="module")
def sealed_world(tmp_path_factory: pytest.TempPathFactory) -> tuple[World, bytes]:
    world = World(tmp_path_factory.mktemp("i11"))
    return world, world.export("b1.json").read_bytes()


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(data=st.data())
def test_i11_any_bit_flip_or_truncation_of_a_sealed_bundle_is_rejected(
    sealed_world: tuple[World, bytes], data: st.DataObject
) -> None:
    world, sealed = sealed_world
    if data.draw(st.booleans(), label="truncate"):
        cut = data.draw(st.integers(0, len(sealed) - 1), label="length")
        mutated = sealed[:cut]
    else:
        position = data.draw(st.integers(0, len(sealed) - 1), label="byte")
        bit = data.draw(st.integers(0, 7), label="bit")
        mutated = bytearray(sealed)
        mutated[position] ^= 1 << bit
        mutated = bytes(mutated)
    before = snapshot(world.office)
    with Store.open(world.office) as store:
        report = import_bytes(
            store,
            world.folder / "mutasi.json",
            mutated,
            quarantine=None,
            now=datetime.now(UTC),
        )
    # A flip inside base64 padding bits can leave the decoded bytes unchanged: then the bundle is
    # the genuine one, so importing it is correct; anything else must be refused.
    if report.result in ("imported", "already-imported"):
        assert base64.b64decode(json.loads(mutated)["sealed"]) == base64.b64decode(
            json.loads(sealed)["sealed"]
        )
        return
    assert report.result == "rejected", report
    assert snapshot(world.office) == before


def test_sealed_bundles_load_with_the_officer_bundle(world: World) -> None:
    doc = load(world.export("b1.json"))
    assert doc["from"] == world.officer_device and doc["seq"] == 1


def test_published_sealed_schema_matches_the_code_and_validates_exports(world: World) -> None:
    import jsonschema

    from petugaspembina.sync.schema_doc import sealed_json_schema

    path = Path(__file__).parents[2] / "docs" / "sealed-bundle.schema.json"
    published = json.loads(path.read_text())
    assert published == sealed_json_schema(), "regenerate docs/sealed-bundle.schema.json"
    envelope = json.loads(world.export("b1.json").read_bytes())
    jsonschema.Draft202012Validator(published).validate(envelope)
    envelope["extra"] = 1
    assert not jsonschema.Draft202012Validator(published).is_valid(envelope)


class _Officers:
    """Three enrolled officers at one office with keys, and a keyless twin office."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.office = Store.open(folder / "kantor.db")
        self.twin = Store.open(folder / "kembar.db")
        create_office_keys(self.office)
        write_key_file(office_key_file(self.office), folder / "kantor.key.json")
        self.officers = []
        for index in range(3):
            store = Store.open(folder / f"petugas-{index}.db")
            generate(store, seed=10 + index, sessions=1)
            enrol_file(store, folder / "kantor.key.json")
            write_key_file(device_key_file(store), folder / f"hp-{index}.key.json")
            enrol_file(self.office, folder / f"hp-{index}.key.json")
            self.officers.append(store)

    def close(self) -> None:
        for store in (self.office, self.twin, *self.officers):
            store.close()


@settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    edits=st.lists(st.tuples(st.integers(0, 2), st.integers(0, 5)), min_size=1, max_size=8),
    order=st.randoms(use_true_random=False),
)
def test_sealed_bundles_keep_the_merge_invariants(
    tmp_path_factory: pytest.TempPathFactory, edits: list[tuple[int, int]], order: object
) -> None:
    """I1 (idempotent), I2 (any order), I5 (every version kept) with sealed bundles: an office
    with keys that imports the sealed files, shuffled and duplicated, ends exactly like a keyless
    office that imports the same bundles unsealed in their natural order."""
    import random as random_module

    from petugaspembina.core.changes import canonical_json
    from petugaspembina.store.queries import dump
    from petugaspembina.sync.exporter import export_bundles
    from petugaspembina.sync.sealed import open_sealed

    assert isinstance(order, random_module.Random)
    world = _Officers(tmp_path_factory.mktemp("inv"))
    try:
        sealed: list[Path] = []
        for round_number, (who, pick) in enumerate(edits):
            officer = world.officers[who]
            people = officer.rows("SELECT id FROM people WHERE deleted = 0 ORDER BY id")
            officer.write("people", {"full_name": f"Nama {round_number}"}, people[pick]["id"])
            folder = world.folder / f"keluar-{round_number}"
            folder.mkdir()
            sealed += [r.path for r in export_bundles(officer, folder) if r.path is not None]
        plain = [open_sealed(world.office, json.loads(p.read_bytes())).plain for p in sealed]
        for data in plain:
            report = import_bytes(world.twin, Path("b.json"), data, quarantine=None)
            assert report.result == "imported", report.message
        delivery = sealed + order.sample(sealed, k=min(3, len(sealed)))
        order.shuffle(delivery)
        for path in delivery:
            report = import_bytes(world.office, path, path.read_bytes(), quarantine=None)
            assert report.result in ("imported", "already-imported"), report.message
        assert canonical_json(dump(world.office)) == canonical_json(dump(world.twin))
        versions = "SELECT tbl, rid, field, hlc, value FROM fv ORDER BY tbl, rid, field, hlc"
        assert world.office.rows(versions) == world.twin.rows(versions)
    finally:
        world.close()


def test_enrolment_and_revocation_are_audited_and_a_fifo_is_never_opened(
    world: World, tmp_path: Path
) -> None:
    import os

    with Store.open(world.office) as store:
        revoke_device(store, world.officer_device)
        actions = [e["action"] for e in store.audit_entries()]
        assert {"office-keys-created", "device-enrolled", "device-revoked"} <= set(actions)
        fifo = tmp_path / "pipa"
        os.mkfifo(fifo)
        with pytest.raises(BundleRejected, match="Bukan berkas kunci"):
            enrol_file(store, fifo)


def test_office_bundles_are_signed_and_checked_on_the_officers_device(
    world: World, tmp_path: Path
) -> None:
    with Store.open(world.office) as store:
        store.write("agencies", {"full_name": "UPTD PPA Kabupaten Bogor"})
        result = export_bundle(store, tmp_path / "dari-kantor.json")
    assert result.path is not None and result.sealed_to is None
    doc = load(result.path)
    assert (
        doc["signature"]["kid"] == json.loads((world.folder / "kantor.key.json").read_text())["kid"]
    )
    import jsonschema

    from petugaspembina.sync.schema_doc import bundle_json_schema

    jsonschema.Draft202012Validator(bundle_json_schema()).validate(doc)
    code, out, _ = cli_import(world.officer, result.path)
    assert code == 0 and "Bertanda tangan kantor terdaftar" in out, out
    assert "tidak bertanda tangan" not in out
    # the signature covers the header digest, which covers everything: a forger who recomputes
    # the checksums after an edit still fails the signature
    from .helpers import reseal

    agency = next(c for c in doc["changes"] if c["table"] == "agencies")
    agency["values"]["full_name"] = "Instansi Palsu"
    forged = reseal(doc, tmp_path / "palsu.json")
    assert_rejected(world.officer, forged, "Tanda tangan kantor")


def test_a_database_given_the_office_keys_opens_as_the_office_unless_a_role_was_chosen(
    tmp_path: Path,
) -> None:
    from petugaspembina.profile import OFFICE_ROLE, OFFICER_ROLE, role_of, set_role
    from petugaspembina.store.store import Store
    from petugaspembina.sync.trust import create_office_keys

    with Store.open(tmp_path / "kantor.sqlite3") as office:
        assert role_of(office) == OFFICER_ROLE
        create_office_keys(office)
        assert role_of(office) == OFFICE_ROLE
    with Store.open(tmp_path / "dipilih.sqlite3") as chosen:
        set_role(chosen, OFFICER_ROLE)  # chosen in Mode kerja before the keys were made
        create_office_keys(chosen)
        assert role_of(chosen) == OFFICER_ROLE
