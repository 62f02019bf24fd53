"""``--self-test`` runs every check (database, regions, certificate, bundle, sealed bundle,
duplicate suggestions, window) and passes."""

from __future__ import annotations

import pytest

from petugaspembina.selftest import CHECKS, run_self_test


def test_self_test_passes(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_self_test() == 0
    out = capsys.readouterr().out
    assert out.count("OK ") == len(CHECKS) == 7


def test_self_test_names_what_failed(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(folder: object) -> None:
        raise RuntimeError("data wilayah hilang")

    monkeypatch.setattr("petugaspembina.selftest.CHECKS", [("data wilayah", broken)])
    assert run_self_test() == 1
    assert "GAGAL  data wilayah: data wilayah hilang" in capsys.readouterr().err
