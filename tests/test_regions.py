"""Kemendagri regions offline: counts of the decree, lookup by code, search by name."""

from __future__ import annotations

from collections import Counter

from petugaspembina import regions


def test_counts_match_the_decree() -> None:
    levels = Counter(code.count(".") + 1 for code in regions._get_index().names)
    assert levels == {1: 38, 2: 514, 3: 7_285, 4: 83_762}
    assert len(regions.provinces()) == 38
    assert "2138/2025" in regions.data_version()


def test_lookup_by_dotted_or_plain_code() -> None:
    village = regions.lookup("17.71.01.1001")
    assert village is not None and village.level == 4 and village.kind == "kelurahan"
    assert "Kota Bengkulu" in village.path and "Kec." in village.path
    assert regions.lookup("1771") == regions.lookup("17.71")
    assert regions.lookup("99.99") is None and regions.lookup("") is None


def test_search_ranks_exact_names_first_and_filters_by_level() -> None:
    found = regions.search("kerinci", level=2)
    assert found[0].name == "Kabupaten Kerinci"
    villages = regions.search("Sukamaju", limit=5)
    assert len(villages) == 5 and all(v.level == 4 and v.name == "Sukamaju" for v in villages)
    inside = regions.search("a", within="63.10", limit=500)
    assert inside and all(v.code.startswith("63.10") for v in inside)
    assert regions.search("   ") == []


def test_search_puts_villages_of_the_offices_area_first() -> None:
    """Pagar Dewa is a village in Sumatera Selatan, Bengkulu and Lampung: an office in Lampung
    Barat sees its own two first, then Lampung's other, then the rest."""
    plain = [v.code for v in regions.search("Pagar Dewa", limit=30)]
    assert plain[0].startswith("16.")  # without an area: by match, then code
    near = [v.code for v in regions.search("Pagar Dewa", limit=30, near=["18.04", "18"])]
    assert near[:2] == ["18.04.11.2009", "18.04.20.2009"]  # the office's kabupaten
    assert near[2] == "18.12.08.2001"  # its province
    assert sorted(near) == sorted(plain)  # nothing lost, only reordered
    prefix_here = regions.search("Pagar Dewa Suka", near=["18.12"])
    assert prefix_here[0].name == "Pagar Dewa Suka Mulya"
