"""Property tests of sync.md's invariants I1-I10 and I12 against the reference model (tests/sync/model.py).

Three officers' devices and two offices create, edit, delete, erase and resolve; bundles are
delivered shuffled, duplicated, dropped and relayed. CI runs 1,000 derandomized examples of the
state machine; ``HYPOTHESIS_PROFILE=long`` runs more (see docs/sync.md).

``SealedSyncMachine`` runs the same rules with keys (I11 on top of I1-I10): both offices hold office
keys and enrol every device and each other (relays), each officer's device enrols its home office,
so every officer's bundle travels sealed and every office bundle signed. A delivery the trust rules refuse
(a sealed bundle at anyone but its office, an officer relaying versions its office has not seen)
must be rejected with the database unchanged; every other delivery must import. CI runs 150
examples; the ``slow`` test runs 500.
"""

from __future__ import annotations

import json
import os
import random
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    Bundle,
    RuleBasedStateMachine,
    invariant,
    precondition,
    rule,
)

from petugaspembina.core.changes import canonical_json
from petugaspembina.store.queries import dump
from petugaspembina.store.store import Store
from petugaspembina.sync.conflicts import list_conflicts, resolve
from petugaspembina.sync.errors import BundleRejected
from petugaspembina.sync.exporter import prepare_export, record_export
from petugaspembina.sync.importer import import_bytes
from petugaspembina.sync.reader import read_bundle
from petugaspembina.sync.sealed import seal
from petugaspembina.sync.trust import (
    create_office_keys,
    device_key_file,
    enrol_file,
    enrolled_office,
    office_key_file,
    write_key_file,
)

from . import model
from .model import FV

LONG = os.environ.get("HYPOTHESIS_PROFILE") == "long"
settings.register_profile(
    "ci",
    max_examples=1000,
    stateful_step_count=12,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "long",
    max_examples=20_000,
    stateful_step_count=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
PROFILE = settings.get_profile("long" if LONG else "ci")

DEVICES = ("officer-a", "officer-b", "officer-c")
OFFICES = ("kanim-1", "kanim-2")
NAMES = ("Siti", "Siti Aminah", "Budi", "Dewi")
FIELDS = {
    "full_name": st.sampled_from(NAMES),
    "sex": st.sampled_from(["L", "P"]),
    "birth_year": st.sampled_from([1980, 1990]),
}
IDS = [f"00000000-0000-4000-8000-{n:012d}" for n in range(4)]
HOME = {"officer-a": "kanim-1", "officer-b": "kanim-1", "officer-c": "kanim-2"}


@dataclass(frozen=True)
class Sent:
    """An exported bundle: the bytes that travel (sealed or signed) and the plain bundle inside."""

    sender: str
    data: bytes
    plain: bytes
    sealed_for: str | None = None


class Replica:
    """A real store and the model's set of the field versions it should hold."""

    def __init__(self, name: str, clock_skew: int) -> None:
        self.name = name
        self.store = Store.open(":memory:")
        self.ticks = 0
        self.skew = clock_skew
        self.store.wall_millis = self._wall
        self.versions: set[FV] = set()
        self.issued: list[str] = []

    def _wall(self) -> int:
        self.ticks += 1
        # A wall clock that jumps around per device (skewed, sometimes backwards).
        return 1_790_000_000_000 + self.skew + (self.ticks * 7919) % 5000

    def stored(self) -> set[FV]:
        return model.from_store_rows(self.store.rows("SELECT * FROM fv"))

    def learn_local(self, before: int) -> set[FV]:
        new = model.from_store_rows(self.store.rows("SELECT * FROM fv WHERE seq > ?", (before,)))
        self.versions |= new
        self.issued.extend(sorted({v.hlc for v in new}))
        return new

    def max_seq(self) -> int:
        return int(self.store.conn.execute("SELECT coalesce(max(seq), 0) FROM fv").fetchone()[0])


class SyncMachine(RuleBasedStateMachine):
    bundles = Bundle("bundles")
    SEALED = False
    RELAYS = False  # offices enrol each other and take relays (sealed machine)

    def __init__(self) -> None:
        super().__init__()
        skews = [0, 60_000, -3_600_000, 5, 0]
        self.replicas = {
            name: Replica(name, skew) for name, skew in zip(DEVICES + OFFICES, skews, strict=True)
        }
        self.all_bundles: list[bytes] = []
        self.key_folder: tempfile.TemporaryDirectory[str] | None = None
        if self.SEALED:
            self._enrol_everyone()

    def _enrol_everyone(self) -> None:
        """The enrolment ceremony of docs/security.md, done once for every pair that meets."""
        self.key_folder = tempfile.TemporaryDirectory()
        folder = Path(self.key_folder.name)
        for name in OFFICES:
            office = self.replicas[name].store
            create_office_keys(office)
            write_key_file(office_key_file(office), folder / f"{name}.key.json")
        for name in DEVICES:
            device = self.replicas[name].store
            write_key_file(device_key_file(device), folder / f"{name}.key.json")
            for office in OFFICES:
                enrol_file(self.replicas[office].store, folder / f"{name}.key.json")
            enrol_file(device, folder / f"{HOME[name]}.key.json")
        for name in OFFICES:  # each office takes the other's relays
            for other in OFFICES:
                if other != name:
                    enrol_file(self.replicas[name].store, folder / f"{other}.key.json")
        for replica in self.replicas.values():  # a device's first key use publishes its key
            replica.learn_local(0)

    def teardown(self) -> None:
        for replica in self.replicas.values():
            replica.store.close()
        if self.key_folder is not None:
            self.key_folder.cleanup()

    # -- local work on officers' devices (and clerks at offices) ------------------------------
    @rule(who=st.sampled_from(DEVICES), rid=st.sampled_from(IDS), data=st.data())
    def write(self, who: str, rid: str, data: st.DataObject) -> None:
        replica = self.replicas[who]
        values = data.draw(st.fixed_dictionaries({}, optional=FIELDS).filter(bool))
        exists = replica.store.rows("SELECT deleted FROM people WHERE id = ?", (rid,))
        if exists and exists[0]["deleted"]:
            return  # a deleted record is restored first; the app offers no edit of it
        expected_bases = {f: model.leaves_of(replica.versions, "people", rid, f) for f in values}
        before = replica.max_seq()
        from petugaspembina.store.store import Edit

        replica.store.write_many([Edit("people", values, rid, new=not exists)])
        new = replica.learn_local(before)
        # An edit's base is exactly the field's current leaves; a new record's is empty.
        assert {v.field: set(v.base) for v in new} == {f: expected_bases[f] for f in values}
        assert {v.field: json.loads(v.value) for v in new} == values

    @rule(who=st.sampled_from(DEVICES + OFFICES), rid=st.sampled_from(IDS), undelete=st.booleans())
    def delete(self, who: str, rid: str, undelete: bool) -> None:
        replica = self.replicas[who]
        row = replica.store.rows("SELECT deleted, erased FROM people WHERE id = ?", (rid,))
        if not row or row[0]["erased"] or bool(row[0]["deleted"]) != undelete:
            return
        before = replica.max_seq()
        (replica.store.undelete if undelete else replica.store.delete)("people", rid)
        replica.learn_local(before)

    @precondition(lambda self: True)
    @rule(who=st.sampled_from(DEVICES), rid=st.sampled_from(IDS[:2]))
    def erase(self, who: str, rid: str) -> None:
        replica = self.replicas[who]
        if not replica.store.rows("SELECT 1 FROM people WHERE id = ?", (rid,)):
            return
        before = replica.max_seq()
        replica.store.erase([("people", rid)])
        replica.learn_local(before)

    @rule(who=st.sampled_from(OFFICES), pick=st.integers(0, 5))
    def resolve_conflict(self, who: str, pick: int) -> None:
        replica = self.replicas[who]
        found = list_conflicts(replica.store)
        if not found:
            return
        conflict = found[pick % len(found)]
        value = conflict.candidates[pick % len(conflict.candidates)].value
        before = replica.max_seq()
        resolve(replica.store, conflict.conflict_id, value)
        new = replica.learn_local(before)
        assert all(
            set(v.base) == {c.hlc for c in conflict.candidates}
            for v in new
            if conflict.kind == "values"
        )
        # I7: a resolution leaves that field without conflict here.
        assert not any(c.conflict_id == conflict.conflict_id for c in list_conflicts(replica.store))

    # -- bundles ----------------------------------------------------------------------------------
    @rule(
        target=bundles,
        who=st.sampled_from(DEVICES + OFFICES),
        full=st.booleans(),
        destination=st.sampled_from(["kanim-1", "kanim-2"]),
    )
    def export(self, who: str, full: bool, destination: str) -> Sent:
        replica = self.replicas[who]
        prepared = prepare_export(replica.store, full=full, destination=destination)
        if prepared is None:
            return Sent(who, b"", b"")
        record_export(replica.store, prepared, destination)
        carried = model.from_bundle(prepared.data)
        assert carried <= model.blanked(replica.versions)
        if full:
            assert carried == model.blanked(replica.versions)
        self.all_bundles.append(prepared.data)
        office = enrolled_office(replica.store) if self.SEALED and who in DEVICES else None
        if office is None:
            return Sent(who, prepared.data, prepared.data)
        sealed = seal(replica.store, office, prepared.data, prepared.bundle_id, prepared.seq)
        return Sent(who, sealed, prepared.data, HOME[who])

    def refused(self, sent: Sent, to: str) -> bool:
        """Whether the trust rules of docs/security.md refuse this delivery (sealed machine)."""
        if not self.SEALED or to in DEVICES:
            return sent.sealed_for is not None  # a device opens no sealed bundle
        if sent.sealed_for is None:  # an office's signed bundle
            return not self.RELAYS or sent.sender == to  # its own bundle: no relay of itself
        if sent.sealed_for != to:
            return True
        # An officer's device relays only versions in other names that this office already holds.
        sender = self.replicas[sent.sender].store.device_id
        held = {(v.table, v.rid, v.field, v.hlc) for v in self.replicas[to].stored()}
        return any(
            v.hlc.rsplit("/", 1)[-1] != sender and (v.table, v.rid, v.field, v.hlc) not in held
            for v in model.from_bundle(sent.plain)
        )

    @rule(sent=bundles, to=st.sampled_from(DEVICES + OFFICES), twice=st.booleans())
    def deliver(self, sent: Sent, to: str, twice: bool) -> None:
        if not sent.data:
            return
        replica = self.replicas[to]
        if self.refused(sent, to):
            before = canonical_json(dump(replica.store)), replica.max_seq()
            report = import_bytes(replica.store, Path("b.json"), sent.data, quarantine=None)
            assert report.result == "rejected", report.message
            assert (canonical_json(dump(replica.store)), replica.max_seq()) == before
            return
        data = sent.data
        first = import_bytes(replica.store, Path("b.json"), data, quarantine=None)
        assert first.result in ("imported", "already-imported"), first.message
        replica.versions |= model.from_bundle(sent.plain)
        seen = {v.hlc for v in replica.stored()}
        # I8: after an import, the next HLC exceeds everything seen.
        assert not seen or replica.store.next_hlc() > max(seen)
        if twice:  # I1: the same bundle again changes nothing
            before = canonical_json(dump(replica.store)), replica.max_seq()
            again = import_bytes(replica.store, Path("b.json"), data, quarantine=None)
            assert again.result == "already-imported"
            assert (canonical_json(dump(replica.store)), replica.max_seq()) == before

    # -- invariants -------------------------------------------------------------------------------
    @invariant()
    def stores_match_the_model(self) -> None:
        for replica in self.replicas.values():
            stored = replica.stored()
            # I5: every received version is kept (winner, candidate or history), erased blanked.
            assert stored == model.blanked(replica.versions)
            # I4 + I6: the current state is the model's winners; deleted records stay hidden.
            expected = model.dump(replica.versions)
            actual = {t: rows for t, rows in dump(replica.store).items() if rows}
            assert actual == expected
            conflicts = {
                (c.table, c.record_id, c.field)
                for c in list_conflicts(replica.store)
                if c.kind == "values"
            }
            assert conflicts == model.conflicted_fields(replica.versions)

    @invariant()
    def clocks_strictly_increase(self) -> None:
        for replica in self.replicas.values():
            issued = replica.issued
            assert issued == sorted(set(issued))  # I8: per device, strictly increasing

    @invariant()
    def any_order_any_relay_same_result(self) -> None:
        if len(self.all_bundles) < 2:
            return
        orders = [list(self.all_bundles), list(reversed(self.all_bundles))]
        random.Random(len(self.all_bundles)).shuffle(orders[1])
        orders[1] = orders[1] + orders[1][:1]  # a duplicate delivery on the way
        results = []
        for order in orders:
            with Store.open(":memory:") as office:
                for data in order:
                    import_bytes(office, Path("b.json"), data, quarantine=None)
                conflicts = sorted(
                    (c.table, c.record_id, c.field, c.conflict_id) for c in list_conflicts(office)
                )
                # I10: export everything, import into an empty database, export again.
                prepared = prepare_export(office, full=True)
                assert prepared is not None
                with Store.open(":memory:") as empty:
                    import_bytes(empty, Path("r.json"), prepared.data, quarantine=None)
                    again = prepare_export(empty, full=True)
                    assert again is not None
                    assert model.from_bundle(again.data) == model.from_bundle(prepared.data)
                    # I3: the relayed copy holds the same state as direct delivery.
                    assert canonical_json(dump(empty)) == canonical_json(dump(office))
                results.append((canonical_json(dump(office)), conflicts))
        # I2 + I7: any permutation (with duplicates) gives the same dump and the same conflicts.
        assert results[0] == results[1]


SyncMachine.TestCase.settings = PROFILE
TestSyncInvariants = SyncMachine.TestCase


class SealedSyncMachine(SyncMachine):
    """The same machine with office keys and enrolled devices: bundles travel sealed or signed."""

    SEALED = True
    RELAYS = True


SealedSyncMachine.TestCase.settings = settings(
    PROFILE, max_examples=5000 if LONG else int(os.environ.get("SEALED_EXAMPLES", 150))
)
TestSealedSyncInvariants = SealedSyncMachine.TestCase


@pytest.mark.slow
def test_sealed_invariants_long_run() -> None:
    """500 examples of the sealed machine (the CI run above takes 150)."""
    from hypothesis.stateful import run_state_machine_as_test

    run_state_machine_as_test(SealedSyncMachine, settings=settings(PROFILE, max_examples=500))


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=30,
)


def _bundle_like(body: Any) -> bytes:
    return json.dumps(
        {"format": "petugaspembina.bundle", **(body if isinstance(body, dict) else {"x": body})}
    ).encode()


@settings(max_examples=300 if not LONG else 5000, derandomize=not LONG, deadline=None)
@given(
    st.one_of(
        st.binary(max_size=300),
        json_values.map(lambda v: json.dumps(v).encode()),
        json_values.map(_bundle_like),
    )
)
def test_i12_arbitrary_input_is_success_or_the_bundle_error(data: bytes) -> None:
    from datetime import UTC, datetime

    try:
        read_bundle(data, datetime.now(UTC))
    except BundleRejected as exc:
        assert str(exc)
