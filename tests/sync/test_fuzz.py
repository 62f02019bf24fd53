"""Fuzzing ``import`` with mutated plain and sealed bundles (docs/sync.md "Fuzzing").

Each example runs the real command (``petugaspembina import``) on one mutated file at an office
with keys and one enrolled device. It must: exit 0 or 1, never raise, answer within 10 s, and never
accept a forged change (the office database changes only for the genuine sealed bundle, or for a
plain one when ``--allow-unsigned`` was given). ``FUZZ_EXAMPLES`` sets the number of examples
(CI: 200; the recorded long run: 10,000).
"""

from __future__ import annotations

import json
import os
import random
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from petugaspembina.cli import main
from petugaspembina.sync.bundle import changes_digest, encode_bundle, header_digest

from .helpers import snapshot
from .test_trust import World

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "200"))
_VALUES: list[object] = [
    None,
    True,
    0,
    -1,
    2**62,
    "",
    "\u202e",
    "x" * 300,
    [],
    [[1]],
    {},
    {"a": [1]},
    "9999-12-31T23:59:59.999Z/ffff/" + "0" * 32,
    "\uff12\uff10\uff12\uff16",
]


def _bytes_mutation(rng: random.Random, data: bytes) -> bytes:
    kind = rng.randrange(4)
    position = rng.randrange(len(data))
    if kind == 0:  # flip one bit
        out = bytearray(data)
        out[position] ^= 1 << rng.randrange(8)
        return bytes(out)
    if kind == 1:  # truncate
        return data[:position]
    if kind == 2:  # delete a run
        return data[:position] + data[position + rng.randrange(1, 64) :]
    return data[:position] + rng.randbytes(rng.randrange(1, 16)) + data[position:]


def _json_mutation(rng: random.Random, doc: dict[str, object]) -> dict[str, object]:
    """Replace one value somewhere in the bundle, then fix the checksums: deep validation runs."""
    target: object = doc
    path: list[object] = []
    for _ in range(rng.randrange(1, 6)):
        if isinstance(target, dict) and target:
            key = rng.choice(sorted(target))
            path.append(key)
            target = target[key]
        elif isinstance(target, list) and target:
            index = rng.randrange(len(target))
            path.append(index)
            target = target[index]
        else:
            break
    if not path:
        return doc
    parent: object = doc
    for step in path[:-1]:
        parent = parent[step]  # type: ignore[index]
    parent[path[-1]] = rng.choice(_VALUES)  # type: ignore[index]
    if isinstance(doc.get("changes"), list):
        doc["changes_sha256"] = changes_digest(doc["changes"])  # type: ignore[arg-type]
    doc["header_sha256"] = header_digest(doc)
    return doc


@pytest.mark.slow
def test_fuzz_import_plain_and_sealed(tmp_path: Path) -> None:
    world = World(tmp_path)
    sealed = world.export("tersegel.json").read_bytes()
    world_plain = world.export("polos.json", plain=True, full=True)
    plain = world_plain.read_bytes()
    plain_doc = json.loads(plain)
    before = snapshot(world.office)
    rng = random.Random(int(os.environ.get("FUZZ_SEED", "11")))
    runner = CliRunner()
    counts = {"sealed": 0, "plain": 0, "json": 0, "accepted": 0}
    for number in range(EXAMPLES):
        choice = number % 3
        if choice == 0:
            data, label = _bytes_mutation(rng, sealed), "sealed"
        elif choice == 1:
            data, label = _bytes_mutation(rng, plain), "plain"
        else:
            mutated = _json_mutation(rng, json.loads(json.dumps(plain_doc)))
            try:
                data = encode_bundle(mutated)
            except (KeyError, TypeError, ValueError):
                data = json.dumps(mutated).encode()
            label = "json"
        counts[label] += 1
        path = tmp_path / f"fuzz-{number}.json"
        path.write_bytes(data)
        started = time.monotonic()
        result = runner.invoke(main, ["--db", str(world.office), "import", str(path)])
        elapsed = time.monotonic() - started
        assert result.exception is None or isinstance(result.exception, SystemExit), (
            number,
            result.exception,
        )
        assert result.exit_code in (0, 1), (number, result.output)
        assert elapsed < 10, (number, elapsed)
        if result.exit_code == 0:
            # Only the genuine sealed bundle may pass (a mutation that decodes to the same bytes).
            counts["accepted"] += 1
            assert label == "sealed", (number, result.output)
            before = snapshot(world.office)
        else:
            assert snapshot(world.office) == before, number
        path.unlink()
    print(f"fuzz: {EXAMPLES} examples, {counts}")
    assert counts["sealed"] and counts["plain"] and counts["json"]
