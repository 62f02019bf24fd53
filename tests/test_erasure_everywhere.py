"""An erasure that leaves nothing behind: after ``erase_everywhere`` the database file, its WAL,
every backup and every quarantined file hold no byte of the person's name, NIK or phone, even
with another connection open; older backups are replaced by one fresh good one; the report counts
what was erased where (docs/security.md "Erasure")."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from decrypted import readable
from petugaspembina.cli import main
from petugaspembina.erase import describe, erase_everywhere
from petugaspembina.paths import AppPaths, app_paths
from petugaspembina.profile import create_profile
from petugaspembina.store import vault
from petugaspembina.store.backup import backup, is_good, list_backups, restore
from petugaspembina.store.errors import NotFound
from petugaspembina.store.referrals import create_referral
from petugaspembina.store.signin import PersonEntry, sign_in
from petugaspembina.store.store import Store
from petugaspembina.sync.exporter import export_bundle
from petugaspembina.sync.importer import import_files

NAME = "Siti Rahasiawati"
NIK = "3201015302900001"
PHONE = "081298765432"
# The phone is stored as +6281298765432: its national digits find every written form.
SECRETS = [NAME.encode(), NIK.encode(), PHONE[1:].encode()]
NIP = "198609262015051001"


def holders(files: list[Path]) -> list[str]:
    """Every file that still holds a byte string of the person (name, NIK or phone), searched as
    stored and decrypted with every database key unlocked here (freed pages too)."""
    found = []
    for path in files:
        if path.exists():
            data = b"".join(readable(path, key) for key in vault.known_keys())
            found += [f"{path.name}: {s.decode()}" for s in SECRETS if s in data]
    return found


def every_file(paths: AppPaths) -> list[Path]:
    return sorted(p for p in paths.data.rglob("*") if p.is_file())


def field_laptop(paths: AppPaths, tmp_path: Path) -> tuple[Store, str]:
    """A database with the person signed in, referred, exported, backed up and quarantined."""
    store = Store.open(paths.database)
    create_profile(store, "Rahmat Hidayat", NIP, "Kanim Bengkulu", None)
    session = store.write("sessions", {"title": "Sosialisasi TPPO", "date": "2026-11-22"})
    person = sign_in(
        store, session, entry=PersonEntry(full_name=NAME, sex="P", nik=NIK, phone=PHONE)
    ).person_id
    create_referral(store, person, {"risk_type": "korban_tppo", "narrative": "Cerita pribadi"})
    store.write("people", {"full_name": "Orang Lain", "phone": "081311112222"})
    sent = export_bundle(store, tmp_path / "terkirim.json", plain=True)
    assert sent.path is not None
    backup(store.conn, paths.backups, "harian")
    damaged = tmp_path / "rusak.json"  # a cut-off copy of the bundle: refused, quarantined
    damaged.write_bytes(sent.path.read_bytes()[:-40])
    stranger = tmp_path / "lain.json"  # a refused file about someone else: stays
    stranger.write_text('{"format":"lain","nama":"Orang Lain"}', encoding="utf-8")
    reports = import_files(store, [damaged, stranger], quarantine=paths.quarantine, backups=None)
    assert [r.result for r in reports] == ["rejected", "rejected"]
    store.write("people", {"phone": "081211110000"}, person)  # one more backup before the import
    backup(store.conn, paths.backups, "manual")
    before = "\n".join(holders(every_file(paths)))
    assert all(s.decode() in before for s in SECRETS), "name, NIK and phone are in the files"
    return store, person


def test_nothing_of_the_person_is_left_in_any_file(tmp_path: Path) -> None:
    paths = app_paths(tmp_path / "home").ensure()
    store, person = field_laptop(paths, tmp_path)
    other = Store.open(paths.database)  # the window, while the command line erases
    try:
        assert other.rows("SELECT count(*) AS n FROM people")[0]["n"] == 2
        report = erase_everywhere(store, person, paths)
        assert report.database.file_clean
        files = every_file(paths)
        wal = paths.database.with_name(paths.database.name + "-wal")
        assert wal.stat().st_size == 0, "the WAL was emptied into the file"
        assert holders(files) == []
        backups = list_backups(paths.backups)
        assert len(backups) == 1 and backups[0].reason == "setelah-hapus"
        assert is_good(backups[0].path)
        assert report.backups is not None and report.backups.removed == 2
        assert report.quarantine is not None and report.quarantine.removed == 1
        kept = sorted(p.name for p in paths.quarantine.iterdir())
        assert len(kept) == 2 and all("lain" not in n for n in kept)  # the stranger's file + note
        kept_bytes = b"".join(
            readable(p, key) for p in paths.quarantine.iterdir() for key in vault.known_keys()
        )
        assert b"Orang Lain" in kept_bytes
        assert other.rows("SELECT full_name FROM people WHERE deleted = 0") == [
            {"full_name": "Orang Lain"}
        ]
    finally:
        other.close()
        store.close()
    assert holders(every_file(paths)) == []


def test_the_report_counts_and_names_what_cannot_be_recalled(tmp_path: Path) -> None:
    paths = app_paths(tmp_path / "home").ensure()
    store, person = field_laptop(paths, tmp_path)
    with store:
        report = erase_everywhere(store, person, paths)
        audit = store.rows("SELECT detail FROM audit WHERE action = 'erase-files'")
    assert report.database.records == {
        "people": 1,
        "attendance": 1,
        "referrals": 1,
        "referral_events": 1,  # the referral's first follow-up, made with it
    }
    assert report.database.bundles_sent == 1 and report.database.sessions == 1
    done, beyond = describe(report)
    text = "\n".join(done + beyond)
    assert "Basis data: 1 peserta, 1 daftar hadir, 1 rujukan, 1 tindak lanjut;" in text
    assert "2 cadangan lama dihapus" in text
    assert "Karantina: 1 bundel" in text
    assert "1 bundel yang sudah diekspor" in text
    assert "Daftar hadir 1 kegiatan yang sudah dicetak" in text
    for secret in (NAME, NIK, PHONE[1:], "Siti"):
        assert secret not in text
    assert audit == [{"detail": "rekaman:4,salinan_rusak:0,cadangan_dihapus:2,karantina_dihapus:1"}]


def test_backups_of_another_database_in_the_same_folder_are_kept(tmp_path: Path) -> None:
    paths = app_paths(tmp_path / "home").ensure()
    with Store.open(tmp_path / "pelatihan.sqlite3") as training:
        theirs = backup(training.conn, paths.backups, "harian")
    store, person = field_laptop(paths, tmp_path)
    with store:
        report = erase_everywhere(store, person, paths)
    assert theirs.exists() and report.backups is not None and report.backups.removed == 2


def test_a_damaged_copy_kept_by_a_restore_is_removed(tmp_path: Path) -> None:
    paths = app_paths(tmp_path / "home").ensure()
    store, person = field_laptop(paths, tmp_path)
    store.close()
    [newest, *_] = list_backups(paths.backups)
    kept = restore(newest.path, paths.database)  # the current file is kept aside as .rusak-…
    assert kept is not None and holders([kept])
    with Store.open(paths.database) as store:
        report = erase_everywhere(store, person, paths)
    assert report.damaged_copies >= 1 and not kept.exists()
    assert holders(every_file(paths)) == []


def test_without_app_folders_only_the_database_is_touched(tmp_path: Path) -> None:
    paths = app_paths(tmp_path / "home").ensure()
    store, person = field_laptop(paths, tmp_path)
    with store:
        report = erase_everywhere(store, person, None)  # the demo database
    assert report.backups is None and len(list_backups(paths.backups)) == 2
    assert "tidak disentuh" in "\n".join(describe(report)[0])
    assert holders([paths.database]) == []


def test_erasing_an_unknown_or_erased_person_is_refused(tmp_path: Path) -> None:
    paths = app_paths(tmp_path / "home").ensure()
    store, person = field_laptop(paths, tmp_path)
    with store:
        erase_everywhere(store, person, paths)
        before = sorted(p.name for p in every_file(paths))
        for target in (person, "tidak-ada"):
            with pytest.raises(NotFound):
                erase_everywhere(store, target, paths)
        assert sorted(p.name for p in every_file(paths)) == before


def test_erase_person_command_prints_the_report(tmp_path: Path, home: Path) -> None:
    paths = app_paths(home).ensure()
    store, person = field_laptop(paths, tmp_path)
    store.close()
    result = CliRunner().invoke(main, ["erase-person", person, "--yes"], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    assert "4 rekaman dihapus permanen" in result.stdout
    assert "Tidak dapat ditarik kembali:" in result.stdout and "cadangan lama" in result.stdout
    assert NAME not in result.stdout and NIK not in result.stdout and PHONE[1:] not in result.stdout
    assert holders(every_file(paths)) == []


def test_a_sealed_bundle_in_quarantine_is_opened_and_purged(tmp_path: Path) -> None:
    """At an office: a revoked device's sealed bundle about the person waits in quarantine."""
    from petugaspembina.demo import generate
    from petugaspembina.sync.trust import (
        create_office_keys,
        device_key_file,
        enrol_file,
        office_key_file,
        revoke_device,
        write_key_file,
    )

    paths = app_paths(tmp_path / "kantor").ensure()
    office = Store.open(paths.database)
    create_profile(office, "Budi Santoso", NIP, "Kanim Bogor", None)
    create_office_keys(office)
    write_key_file(office_key_file(office), tmp_path / "kantor.key.json")
    with Store.open(tmp_path / "hp.sqlite3") as officer:
        create_profile(officer, "Siti Aminah", "199001012015052001", "Kanim Bogor", None)
        generate(officer, seed=3, sessions=1)
        enrol_file(officer, tmp_path / "kantor.key.json")
        write_key_file(device_key_file(officer), tmp_path / "hp.key.json")
        first = export_bundle(officer, tmp_path / "b1.json").path
        person = officer.rows("SELECT id, full_name FROM people ORDER BY id LIMIT 1")[0]
        officer.write("people", {"phone": "081377778888"}, person["id"])
        second = export_bundle(officer, tmp_path / "b2.json").path
        device = officer.device_id
    assert first is not None and second is not None
    enrol_file(office, tmp_path / "hp.key.json")
    import_files(office, [first], quarantine=paths.quarantine, backups=paths.backups)
    revoke_device(office, device)
    [refused] = import_files(office, [second], quarantine=paths.quarantine, backups=None)
    assert refused.result == "rejected" and refused.quarantined_as
    with office:
        report = erase_everywhere(office, person["id"], paths)
    assert report.quarantine is not None
    assert (report.quarantine.removed, report.quarantine.unchecked) == (1, 0)
    assert list(paths.quarantine.glob("*.bundle")) == []
    name = str(person["full_name"]).encode()
    assert all(name not in p.read_bytes() for p in every_file(paths))


def test_a_sealed_bundle_for_another_office_is_counted_unchecked(tmp_path: Path) -> None:
    paths = app_paths(tmp_path / "home").ensure()
    store, person = field_laptop(paths, tmp_path)
    sealed = {
        "format": "petugaspembina.sealed-bundle",
        "format_version": 1,
        "to": "0123456789abcdef",
        "sealed": "AAAA",
    }
    (paths.quarantine / "20260101T000000-abcdef.bundle").write_text(json.dumps(sealed))
    with store:
        report = erase_everywhere(store, person, paths)
    assert report.quarantine is not None and report.quarantine.unchecked == 1
    assert "tidak dapat dibuka di sini" in "\n".join(describe(report)[0])


def test_an_erasure_arriving_in_a_bundle_leaves_nothing_at_the_office(tmp_path: Path) -> None:
    from petugaspembina.sync.importer import ERASURE_WARNING

    with Store.open(tmp_path / "hp.sqlite3") as laptop:
        create_profile(laptop, "Siti Aminah", "199001012015052001", "Kanim Bengkulu", None)
        session = laptop.write("sessions", {"title": "Sosialisasi", "date": "2026-11-22"})
        person = sign_in(
            laptop, session, entry=PersonEntry(full_name=NAME, sex="P", nik=NIK, phone=PHONE)
        ).person_id
        first = export_bundle(laptop, tmp_path / "b1.json", plain=True).path
        assert first is not None
        erase_everywhere(laptop, person, None)
        second = export_bundle(laptop, tmp_path / "b2.json", plain=True).path
        assert second is not None
    paths = app_paths(tmp_path / "kantor").ensure()
    with Store.open(paths.database) as office:
        create_profile(office, "Budi Santoso", NIP, "Kanim Bengkulu", None)
        cut = tmp_path / "potongan.json"
        cut.write_bytes(first.read_bytes()[:-40])
        reports = import_files(
            office, [first, cut], quarantine=paths.quarantine, backups=paths.backups
        )
        assert [r.result for r in reports] == ["imported", "rejected"]
        backup(office.conn, paths.backups, "harian")
        assert len(holders(every_file(paths))) >= 3  # database, backups, quarantine
        [report] = import_files(
            office, [second], quarantine=paths.quarantine, backups=paths.backups
        )
        assert report.result == "imported" and ERASURE_WARNING in report.warnings
        assert office.rows("SELECT erased FROM people WHERE id = ?", (person,)) == [{"erased": 1}]
        assert holders(every_file(paths)) == []
        assert [b.reason for b in list_backups(paths.backups)] == ["setelah-hapus"]
        assert list(paths.quarantine.glob("*.bundle")) == []
        audit = office.rows("SELECT detail FROM audit WHERE action = 'erase-files'")
        # two taken before the imports, the daily one
        assert audit == [{"detail": "cadangan_dihapus:3,karantina_dihapus:1"}]


def test_an_import_without_erasures_keeps_the_backups(tmp_path: Path) -> None:
    paths = app_paths(tmp_path / "kantor").ensure()
    with Store.open(tmp_path / "hp.sqlite3") as laptop:
        laptop.write("people", {"full_name": "Orang Lain"})
        bundle = export_bundle(laptop, tmp_path / "b1.json", plain=True).path
    assert bundle is not None
    with Store.open(paths.database) as office:
        create_profile(office, "Budi Santoso", NIP, "Kanim Bengkulu", None)
        backup(office.conn, paths.backups, "harian")
        [report] = import_files(
            office, [bundle], quarantine=paths.quarantine, backups=paths.backups
        )
    assert report.result == "imported" and report.warnings == [
        w for w in report.warnings if "penghapusan" not in w
    ]
    assert sorted(b.reason for b in list_backups(paths.backups)) == ["harian", "sebelum-impor"]
