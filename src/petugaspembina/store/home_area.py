"""The office's own area, for ranking village suggestions: where its work happens.

An office has no region field of its own; its sessions and its desa binaan register say where
it works. ``home_areas`` gives the kabupaten/kota codes of that work, the most used first, then
their provinces — ``regions.search(near=…)`` lists villages there before the rest of Indonesia.
"""

from __future__ import annotations

from .store import Store

KABUPATEN = 5  # "61.12": province "61", kabupaten/kota "12"


def home_areas(store: Store, first: str | None = None) -> list[str]:
    """Kabupaten codes then province codes, the most used first; ``first`` (a region code, the
    session's village say) puts its own kabupaten and province ahead of them."""
    rows = store.rows(
        """SELECT substr(region_code, 1, 5) AS area, count(*) AS uses FROM (
               SELECT region_code FROM sessions WHERE deleted = 0
               UNION ALL SELECT region_code FROM villages WHERE deleted = 0
           ) WHERE length(region_code) > 5
           GROUP BY area ORDER BY uses DESC, area"""
    )
    kabupaten = [str(row["area"]) for row in rows]
    if first and len(first) > KABUPATEN:
        kabupaten = [first[:KABUPATEN], *(k for k in kabupaten if k != first[:KABUPATEN])]
    provinces = list(dict.fromkeys(k[:2] for k in kabupaten))
    return [*kabupaten, *provinces]
