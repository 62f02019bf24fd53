"""Who may write what (docs/security.md "Authorisation"): checked at an office with keys.

A bundle from an officer's device D may carry:

- versions D wrote (the HLC ends with D): anything except another device's key record, or an
  officer or office-profile record another device created (each laptop's ``init`` makes its own
  office-profile record for its documents; the office's own record is the office's alone);
- versions written by other devices (relayed: D received them from this office earlier): only
  ones this office already holds. D cannot vouch for what others wrote, so a version in another
  device's name that the office has never seen is refused;
- the default receiving agencies every device seeds with the same fixed versions.

The Desa Binaan register (``villages``) is written at the office: an officer's device may relay
register versions the office holds but never bring its own.

A relay (``relay=True``): a plain bundle signed by an office enrolled here as a relay office (a
Kanim's bundle at its Kanwil). The relaying office vouches for the authorship of what it carries:
it took each version only after these same checks (from its enrolled devices, sealed and signed,
or from its own relays). So every version is judged by its own author, as if that author had sent
it: its own key record only, office and officer profiles only the ones it created. Still refused:
versions in this office's own name that it does not hold (no one else writes them) and versions
of a device revoked here that this office does not already hold.
"""

from __future__ import annotations

from ..core.changes import Change
from ..core.records import DeviceKey, OfficeProfile, Officer, Village
from ..store.referrals import seed_changes
from ..store.store import Store
from .errors import BundleRejected
from .keys import device_key_record_id
from .reader import MAX_PROBLEMS


def _author(change: Change) -> str:
    return change.hlc.rsplit("/", 1)[-1]


def authorise(store: Store, changes: list[Change], device_id: str, *, relay: bool = False) -> None:
    """Raise BundleRejected("not-allowed") listing what ``device_id`` may not write.

    ``relay``: the bundle is signed by an office enrolled here as a relay (see the module text).
    """
    problems: list[str] = []
    creators: dict[str, str] = {}
    conn = store.conn
    seeded = {(c.table, c.id, c.hlc): c.values for c in seed_changes()}
    revoked = (
        {r[0] for r in conn.execute("SELECT device_id FROM enrolled_devices WHERE revoked_at")}
        if relay
        else set()
    )
    for index, change in enumerate(changes):
        where = f"perubahan #{index + 1} ({change.table})"
        if seeded.get((change.table, change.id, change.hlc)) == change.values:
            continue
        writer = _author(change)
        if writer != device_id and (not relay or writer == store.device_id or writer in revoked):
            if not _held(store, change):
                problems.append(
                    f"{where}: versi atas nama perangkat lain yang belum pernah diterima kantor."
                    if writer != store.device_id or not relay
                    else f"{where}: versi atas nama kantor ini sendiri yang tidak dikenalnya."
                )
            continue
        if change.table == DeviceKey.TABLE and (
            change.id != device_key_record_id(writer)
            or change.values.get("device_id", writer) != writer
        ):
            problems.append(f"{where}: kunci perangkat lain tidak boleh diubah.")
        elif change.table == Village.TABLE and not relay:
            problems.append(f"{where}: register desa binaan hanya boleh diubah di kantor.")
        elif change.table in (Officer.TABLE, OfficeProfile.TABLE):
            creator = creators.get(change.id) or _creator(store, changes, change.table, change.id)
            creators[change.id] = creator
            if creator != writer:
                problems.append(
                    f"{where}: profil kantor hanya boleh diubah di kantor."
                    if change.table == OfficeProfile.TABLE
                    else f"{where}: profil petugas lain tidak boleh diubah."
                )
        if len(problems) >= MAX_PROBLEMS:
            break
    if problems:
        raise BundleRejected(
            "not-allowed",
            "Bundel mengubah data yang tidak boleh diubah oleh perangkat pengirim:",
            problems[:MAX_PROBLEMS],
        )


def _held(store: Store, change: Change) -> bool:
    """Whether this database already holds every field version of ``change``."""
    return all(
        store.conn.execute(
            "SELECT 1 FROM fv WHERE tbl = ? AND rid = ? AND field = ? AND hlc = ?",
            (change.table, change.id, name, change.hlc),
        ).fetchone()
        is not None
        for name in change.values
    )


def _creator(store: Store, changes: list[Change], table: str, record_id: str) -> str:
    """The device that wrote the first version of a profile record (here or in the bundle)."""
    row = store.conn.execute(
        "SELECT min(hlc) FROM fc WHERE tbl = ? AND rid = ?", (table, record_id)
    ).fetchone()
    first: list[str] = [str(row[0])] if row and row[0] else []
    first += [c.hlc for c in changes if c.table == table and c.id == record_id]
    return min(first).rsplit("/", 1)[-1]
