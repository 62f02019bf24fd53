"""Schema migrations (sqlite-utils ``Migrations``). ``PRAGMA user_version`` counts the applied ones.

The current-state tables are generated from ``core.records.SCHEMA``; the field-version tables are
the source of truth and every current-state row can be rebuilt from them.
"""

from __future__ import annotations

from itertools import pairwise

import sqlite_utils
from sqlite_utils.migrations import Migrations

from ..core.records import DELETED, ERASED, SCHEMA
from .sqlite import sqlite3

migrations = Migrations("petugaspembina")


def _current_table_sql(table: str) -> str:
    columns = [
        f'"{name}" {kind.sql}'
        for name, kind in SCHEMA[table].items()
        if name not in (DELETED, ERASED)
    ]
    return (
        f'CREATE TABLE "{table}" (id TEXT PRIMARY KEY, {", ".join(columns)}, '
        "deleted INTEGER NOT NULL DEFAULT 0, erased INTEGER NOT NULL DEFAULT 0, "
        "updated_hlc TEXT)"
    )


@migrations()
def m001_field_versions(db: sqlite_utils.Database) -> None:
    """Field versions, merge heads, device identity, audit, bundle register, current-state tables."""
    db.executescript(
        """
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        -- Every field version ever received or written; seq is the local arrival counter.
        CREATE TABLE fv (
            seq INTEGER PRIMARY KEY,
            tbl TEXT NOT NULL, rid TEXT NOT NULL, field TEXT NOT NULL, hlc TEXT NOT NULL,
            value TEXT, base TEXT NOT NULL DEFAULT '[]',
            UNIQUE (tbl, rid, field, hlc)
        );
        -- HLCs named in some version's base: those versions are not leaves.
        CREATE TABLE fv_superseded (
            tbl TEXT NOT NULL, rid TEXT NOT NULL, field TEXT NOT NULL, hlc TEXT NOT NULL,
            PRIMARY KEY (tbl, rid, field, hlc)
        ) WITHOUT ROWID;
        -- The merge result per field: winner, number of leaves, whether leaves disagree.
        CREATE TABLE heads (
            tbl TEXT NOT NULL, rid TEXT NOT NULL, field TEXT NOT NULL,
            hlc TEXT NOT NULL, value TEXT, leaves INTEGER NOT NULL, conflict INTEGER NOT NULL,
            PRIMARY KEY (tbl, rid, field)
        ) WITHOUT ROWID;
        CREATE INDEX heads_conflicts ON heads (conflict) WHERE conflict = 1;
        CREATE TABLE erased (tbl TEXT NOT NULL, rid TEXT NOT NULL, PRIMARY KEY (tbl, rid))
            WITHOUT ROWID;
        -- Who changed what and when; record ids and field names only, never values.
        CREATE TABLE audit (
            id INTEGER PRIMARY KEY, at TEXT NOT NULL, hlc TEXT, action TEXT NOT NULL,
            tbl TEXT, rid TEXT, detail TEXT, source TEXT
        );
        CREATE TABLE imported_bundles (
            bundle_id TEXT PRIMARY KEY, changes_sha256 TEXT NOT NULL, device_id TEXT NOT NULL,
            seq INTEGER NOT NULL, imported_at TEXT NOT NULL, result TEXT NOT NULL,
            counts TEXT NOT NULL
        );
        CREATE TABLE exports (
            id INTEGER PRIMARY KEY, destination TEXT NOT NULL, bundle_id TEXT NOT NULL,
            seq INTEGER NOT NULL, up_to INTEGER NOT NULL, created_at TEXT NOT NULL,
            changes_sha256 TEXT NOT NULL, delivered_at TEXT
        );
        CREATE TABLE clock_flags (
            hlc TEXT PRIMARY KEY, bundle_id TEXT, flagged_at TEXT NOT NULL
        );
        """
    )
    for table in (
        "officers",
        "villages",
        "sessions",
        "people",
        "attendance",
        "agencies",
        "referrals",
        "referral_events",
    ):
        db.execute(_current_table_sql(table))
    db.executescript(
        """
        CREATE INDEX people_name ON people (full_name COLLATE NOCASE);
        CREATE INDEX people_nik ON people (nik) WHERE nik IS NOT NULL;
        CREATE INDEX attendance_session ON attendance (session_id);
        CREATE INDEX attendance_person ON attendance (person_id);
        CREATE INDEX sessions_date ON sessions (date);
        CREATE INDEX referrals_person ON referrals (person_id);
        CREATE INDEX referral_events_referral ON referral_events (referral_id);
        """
    )


@migrations()
def m002_documents(db: sqlite_utils.Database) -> None:
    """Office profile, certificate register and its log, device public keys."""
    for table in ("office_profiles", "certificates", "certificate_events", "device_keys"):
        db.execute(_current_table_sql(table))
    # Not UNIQUE: a merge must never fail on a constraint; numbers are unique by construction.
    db.execute("CREATE INDEX certificates_number ON certificates (number)")
    db.execute("CREATE INDEX certificates_person ON certificates (person_id, session_id)")


@migrations()
def m003_people_search(db: sqlite_utils.Database) -> None:
    """Search people as you type: an FTS5 trigram index over name, NIK, village and phone."""
    db.executescript(
        """
        CREATE VIRTUAL TABLE people_fts USING fts5(
            full_name, nik, village_name, phone,
            content='people', content_rowid='rowid', tokenize='trigram');
        CREATE TRIGGER people_fts_insert AFTER INSERT ON people BEGIN
            INSERT INTO people_fts (rowid, full_name, nik, village_name, phone)
            VALUES (new.rowid, new.full_name, new.nik, new.village_name, new.phone);
        END;
        CREATE TRIGGER people_fts_delete AFTER DELETE ON people BEGIN
            INSERT INTO people_fts (people_fts, rowid, full_name, nik, village_name, phone)
            VALUES ('delete', old.rowid, old.full_name, old.nik, old.village_name, old.phone);
        END;
        CREATE TRIGGER people_fts_update AFTER UPDATE OF full_name, nik, village_name, phone
        ON people BEGIN
            INSERT INTO people_fts (people_fts, rowid, full_name, nik, village_name, phone)
            VALUES ('delete', old.rowid, old.full_name, old.nik, old.village_name, old.phone);
            INSERT INTO people_fts (rowid, full_name, nik, village_name, phone)
            VALUES (new.rowid, new.full_name, new.nik, new.village_name, new.phone);
        END;
        INSERT INTO people_fts (people_fts) VALUES ('rebuild');
        """
    )


@migrations()
def m004_listing_indexes(db: sqlite_utils.Database) -> None:
    """Indexes the lists need at 100,000 people: linked duplicates, agencies of referrals."""
    db.execute(
        "CREATE INDEX people_merged_into ON people (merged_into) WHERE merged_into IS NOT NULL"
    )
    db.execute("CREATE INDEX referrals_agency ON referrals (agency_id)")
    # The few deleted records, for "edited after deletion" without scanning every head.
    db.execute(
        "CREATE INDEX heads_deleted ON heads (tbl, rid, hlc) "
        "WHERE field = '_deleted' AND value = 'true'"
    )


@migrations()
def m005_trust(db: sqlite_utils.Database) -> None:
    """Enrolment (local, never synced): devices enrolled at an office, offices enrolled on a device.

    Only public keys live here; the private keys stay in ``meta``.
    """
    db.executescript(
        """
        CREATE TABLE enrolled_devices (
            device_id TEXT PRIMARY KEY, public_key TEXT NOT NULL, label TEXT,
            fingerprint TEXT NOT NULL, enrolled_at TEXT NOT NULL, revoked_at TEXT
        );
        CREATE TABLE enrolled_offices (
            kid TEXT PRIMARY KEY, office TEXT, sealing_key TEXT NOT NULL,
            signing_key TEXT NOT NULL, fingerprint TEXT NOT NULL, enrolled_at TEXT NOT NULL
        );
        """
    )


@migrations()
def m006_kept_apart(db: sqlite_utils.Database) -> None:
    """The clerk's "Berbeda" decisions on duplicate suggestions; recap indexes."""
    db.execute(_current_table_sql("kept_apart"))
    db.execute("CREATE INDEX kept_apart_pair ON kept_apart (first_id, second_id)")
    db.execute("CREATE INDEX certificates_issued ON certificates (issued_on)")
    db.execute("CREATE INDEX referrals_referred_on ON referrals (referred_on)")
    # Covering indexes: the recap joins 100,000 sign-ins to their people without reading rows.
    db.execute(
        "CREATE INDEX attendance_recap ON attendance (session_id, deleted, person_id, category)"
    )
    db.execute("CREATE INDEX people_recap ON people (id, deleted, sex, birth_year, category)")


@migrations()
def m007_merge_flags(db: sqlite_utils.Database) -> None:
    """Merge heads become a flag on the version log: one B-tree written per version, not two.

    ``fv.head``: 0 superseded, 1 leaf, 2 winner, 3 winner whose field is in conflict. The
    ``heads`` view keeps the old table's shape for readers.
    """
    db.execute("ALTER TABLE fv ADD COLUMN head INTEGER NOT NULL DEFAULT 0")
    db.execute("DROP TABLE heads")  # drops heads_conflicts and heads_deleted with it
    db.execute(
        """CREATE VIEW heads AS SELECT tbl, rid, field, hlc, value,
               (SELECT count(*) FROM fv l WHERE l.tbl = fv.tbl AND l.rid = fv.rid
                AND l.field = fv.field AND l.head >= 1) AS leaves, (head = 3) AS conflict
           FROM fv WHERE head >= 2"""
    )
    db.execute("CREATE INDEX fv_conflicts ON fv (tbl, rid, field) WHERE head = 3")
    # The few deleted records, for "edited after deletion" without scanning every winner.
    db.execute(
        "CREATE INDEX fv_deleted ON fv (tbl, rid, hlc) "
        "WHERE head >= 2 AND field = '_deleted' AND value = 'true'"
    )
    _flag_versions(db.conn)  # the current rows stay as they are: the winners are the same


def _flag_versions(conn: sqlite3.Connection) -> None:
    """m007's merge flags of every version on the per-version log (the engine of that time)."""
    conn.execute(
        """CREATE TEMP TABLE m007_multi (tbl TEXT, rid TEXT, field TEXT, win TEXT,
           conflict INTEGER, PRIMARY KEY (tbl, rid, field)) WITHOUT ROWID"""
    )
    conn.execute("INSERT INTO m007_multi (tbl, rid, field) SELECT DISTINCT tbl, rid, field FROM fv")
    conn.execute(
        """UPDATE m007_multi SET (win, conflict) = (
               SELECT max(f.hlc), count(DISTINCT coalesce(f.value, 'null')) > 1 FROM fv f
               WHERE f.tbl = m007_multi.tbl AND f.rid = m007_multi.rid
               AND f.field = m007_multi.field
               AND NOT EXISTS (SELECT 1 FROM fv_superseded s WHERE s.tbl = f.tbl
                   AND s.rid = f.rid AND s.field = f.field AND s.hlc = f.hlc))"""
    )
    conn.execute(
        """UPDATE fv SET head = CASE
               WHEN EXISTS (SELECT 1 FROM fv_superseded s WHERE s.tbl = fv.tbl AND s.rid = fv.rid
                            AND s.field = fv.field AND s.hlc = fv.hlc) THEN 0
               ELSE (SELECT CASE WHEN fv.hlc = m.win THEN 2 + m.conflict ELSE 1 END
                     FROM m007_multi m WHERE m.tbl = fv.tbl AND m.rid = fv.rid
                     AND m.field = fv.field)
               END"""
    )
    conn.execute("DROP TABLE temp.m007_multi")


@migrations()
def m008_relay_offices(db: sqlite_utils.Database) -> None:
    """Offices whose signed bundles this office takes as relays (local, never synced).

    An office key file enrolled at a database that has office keys of its own (a Kanwil enrolling
    a Kanim) lands here; on an officer's device it stays in ``enrolled_offices`` (the seal target).
    """
    db.execute(
        """CREATE TABLE relay_offices (
            kid TEXT PRIMARY KEY, office TEXT, signing_key TEXT NOT NULL,
            fingerprint TEXT NOT NULL, enrolled_at TEXT NOT NULL, revoked_at TEXT
        )"""
    )


@migrations()
def m009_outbox(db: sqlite_utils.Database) -> None:
    """Sending over the network (docs/sync.md "Sending to the office"), all local, never synced.

    ``outbox``: every exported bundle with each of its destinations (the office's inbox URL, a
    folder) and how far it got: waiting, sent (the office holds it, or it was written to the
    folder), confirmed (a signed receipt was verified). ``enrolled_devices.upload_token_hash``:
    sha256 of the device's upload token (the token itself stays on the device).
    ``enrolled_offices.tls_sha256`` / ``inbox_url``: the office inbox's pinned certificate and
    address, from the office key file.
    """
    db.executescript(
        """
        ALTER TABLE enrolled_devices ADD COLUMN upload_token_hash TEXT;
        ALTER TABLE enrolled_offices ADD COLUMN tls_sha256 TEXT;
        ALTER TABLE enrolled_offices ADD COLUMN inbox_url TEXT;
        CREATE TABLE outbox (
            bundle_id TEXT NOT NULL, destination TEXT NOT NULL, seq INTEGER NOT NULL,
            file TEXT NOT NULL, created_at TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'waiting', tries INTEGER NOT NULL DEFAULT 0,
            next_try_at TEXT, last_error TEXT, sent_at TEXT, confirmed_at TEXT,
            PRIMARY KEY (bundle_id, destination)
        );
        CREATE INDEX outbox_status ON outbox (status, next_try_at);
        """
    )


@migrations()
def m010_transcribed(db: sqlite_utils.Database) -> None:
    """Sign-ins typed from a paper daftar hadir: the ``attendance.transcribed`` flag.

    A database made now already has the column (m001 builds the tables from the current schema);
    an older one gets it here. Existing sign-ins have no version of the field: they read as not
    transcribed, and nothing is written for them.
    """
    if "transcribed" not in db["attendance"].columns_dict:
        db.execute("ALTER TABLE attendance ADD COLUMN transcribed INTEGER")


@migrations()
def m011_desa_binaan(db: sqlite_utils.Database) -> None:
    """The Desa Binaan register: the ``villages`` record kind gains its SK date, formation session,
    status, assigned officers, focal points and partner programs; ``officer_ids`` (never written
    before this) gives way to ``officers``. Sessions find their village by code or link."""
    _match_current_columns(db, "villages")
    db.execute("CREATE INDEX IF NOT EXISTS villages_region ON villages (region_code)")
    db.execute("CREATE INDEX IF NOT EXISTS sessions_village ON sessions (village_id)")
    db.execute("CREATE INDEX IF NOT EXISTS sessions_region ON sessions (region_code, date)")
    db.execute("CREATE INDEX IF NOT EXISTS referrals_session ON referrals (session_id)")


def _match_current_columns(db: sqlite_utils.Database, table: str) -> None:
    """Give a current-state table the columns of the record schema (a new database already has
    them: ``m001`` builds its tables from the schema of the day)."""
    have = {row[1] for row in db.execute(f'PRAGMA table_info("{table}")').fetchall()}
    fields = {name: kind for name, kind in SCHEMA[table].items() if name not in (DELETED, ERASED)}
    for name, kind in fields.items():
        if name not in have:
            db.execute(f'ALTER TABLE "{table}" ADD COLUMN "{name}" {kind.sql}')
    for name in have - set(fields) - {"id", "deleted", "erased", "updated_hlc"}:
        db.execute(f'ALTER TABLE "{table}" DROP COLUMN "{name}"')


@migrations()
def m012_photos(db: sqlite_utils.Database) -> None:
    """Session photos: the synced ``photos`` records, their JPEG bytes stored once per SHA-256
    (in the database, so they share its protection), and what was sent or erased (local)."""
    db.execute(_current_table_sql("photos"))
    db.execute("CREATE INDEX photos_session ON photos (session_id, deleted, position)")
    db.execute("CREATE INDEX photos_sha256 ON photos (sha256)")
    db.executescript(
        """
        CREATE TABLE photo_blobs (
            sha256 TEXT PRIMARY KEY, data BLOB NOT NULL, width INTEGER NOT NULL,
            height INTEGER NOT NULL, stored_at TEXT NOT NULL
        );
        -- Photo parts written for a destination; delivered_at set by the office's receipt.
        CREATE TABLE photo_parts_sent (
            part_id TEXT PRIMARY KEY, destination TEXT NOT NULL, created_at TEXT NOT NULL,
            photos_sha256 TEXT NOT NULL, delivered_at TEXT
        );
        CREATE TABLE photo_parts_sent_items (
            sha256 TEXT NOT NULL, part_id TEXT NOT NULL, PRIMARY KEY (sha256, part_id)
        ) WITHOUT ROWID;
        CREATE TABLE imported_photo_parts (
            part_id TEXT PRIMARY KEY, photos_sha256 TEXT NOT NULL, device_id TEXT NOT NULL,
            imported_at TEXT NOT NULL, stored INTEGER NOT NULL, refused INTEGER NOT NULL
        );
        -- Hashes of erased photos: a photo part arriving later never brings the bytes back.
        CREATE TABLE erased_photo_blobs (sha256 TEXT PRIMARY KEY, erased_at TEXT NOT NULL)
            WITHOUT ROWID;
        """
    )


@migrations()
def m013_withdrawn_exports(db: sqlite_utils.Database) -> None:
    """``exports.withdrawn_at``: exports the next one to that destination sends again.

    Set when an officer enrols an office (``sync/outbox.withdraw_unsealed``): bundles written
    before it was enrolled are not sealed to it, and an office with keys refuses them; their
    changes count as not yet sent, so the next export carries them (docs/sync.md)."""
    db.execute("ALTER TABLE exports ADD COLUMN withdrawn_at TEXT")


@migrations()
def m014_change_log(db: sqlite_utils.Database) -> None:
    """The log keeps one row per change (a record's fields at one HLC, as a bundle carries them)
    instead of one per field version: a third of the bytes and one index entry per change
    (docs/benchmarks.md, P4). Merge flags stay only for fields with more than one version.

    ``seq`` of a change is the arrival number of its last field, so the export marks
    (``exports.up_to``) keep their meaning."""
    # Statement by statement: executescript() would commit half-way.
    db.execute(
        """CREATE TABLE fc (
            seq INTEGER PRIMARY KEY, tbl TEXT NOT NULL, rid TEXT NOT NULL, hlc TEXT NOT NULL,
            body TEXT NOT NULL, base TEXT NOT NULL DEFAULT '{}', n INTEGER NOT NULL,
            UNIQUE (tbl, rid, hlc))"""
    )
    db.execute(
        """CREATE TABLE fh (
            tbl TEXT NOT NULL, rid TEXT NOT NULL, field TEXT NOT NULL, hlc TEXT NOT NULL,
            head INTEGER NOT NULL, PRIMARY KEY (tbl, rid, field, hlc)) WITHOUT ROWID"""
    )
    # The few changes that delete a record, for "edited after deletion" without reading every
    # change (a value's own quotes are escaped, so the text cannot occur inside a value).
    db.execute(
        "CREATE INDEX fc_deleted ON fc (tbl, rid) WHERE instr(body, '\"_deleted\":true') > 0"
    )
    # A table and a sixteenth of its ids at a time: each grouping sorts a slice, not the whole
    # log (memory stays flat at any size). A change never crosses a slice: its id is its key.
    tables = [row[0] for row in db.execute("SELECT DISTINCT tbl FROM fv").fetchall()]
    bounds = ["", *"123456789abcdef", None]
    for table in tables:
        for low, high in pairwise(bounds):
            db.execute(
                f"""INSERT INTO fc (seq, tbl, rid, hlc, body, base, n)
                    SELECT max(seq), tbl, rid, hlc,
                        '{{' || group_concat('"' || field || '":' || coalesce(value, 'null'), ','
                                            ORDER BY field) || '}}',
                        coalesce('{{' || group_concat(CASE WHEN base <> '[]' THEN '"' || field
                                 || '":' || base END, ',' ORDER BY field) || '}}', '{{}}'),
                        count(*)
                    FROM fv WHERE tbl = ? AND rid >= ? {"AND rid < ?" if high else ""}
                    GROUP BY tbl, rid, hlc""",
                [table, low, high] if high else [table, low],
            )
    db.execute(
        """INSERT INTO fh (tbl, rid, field, hlc, head)
           SELECT f.tbl, f.rid, f.field, f.hlc, f.head FROM fv f WHERE EXISTS (
               SELECT 1 FROM fv g WHERE g.tbl = f.tbl AND g.rid = f.rid AND g.field = f.field
               AND g.hlc <> f.hlc)"""
    )
    db.execute("DROP VIEW heads")
    # Emptied a slice at a time before the drop: one statement freeing the whole log would keep
    # every page it overwrites (``secure_delete``) in its statement journal, in memory.
    top = db.execute("SELECT coalesce(max(seq), 0) FROM fv").fetchone()[0]
    for start in range(0, top, 100_000):
        db.execute("DELETE FROM fv WHERE seq > ? AND seq <= ?", [start, start + 100_000])
    db.execute("DROP TABLE fv")
    db.execute(
        """CREATE VIEW fv AS SELECT c.seq AS seq, c.tbl AS tbl, c.rid AS rid, j.key AS field,
               c.hlc AS hlc, c.body -> j.fullkey AS value,
               coalesce(c.base -> j.fullkey, '[]') AS base,
               coalesce((SELECT h.head FROM fh h WHERE h.tbl = c.tbl AND h.rid = c.rid
                         AND h.field = j.key AND h.hlc = c.hlc), 2) AS head,
               j.value AS atom
           FROM fc c, json_each(c.body) j"""
    )
    db.execute(
        """CREATE VIEW heads AS SELECT tbl, rid, field, hlc, value,
               max(1, (SELECT count(*) FROM fh l WHERE l.tbl = fv.tbl AND l.rid = fv.rid
                       AND l.field = fv.field AND l.head >= 1)) AS leaves,
               (head = 3) AS conflict
           FROM fv WHERE head >= 2"""
    )


@migrations()
def m015_recap_survivor(db: sqlite_utils.Database) -> None:
    """``people_recap`` also holds ``merged_into``: the session list counts a person who signed
    in twice under two linked records once, as the daftar hadir does, from the index alone."""
    db.execute("DROP INDEX people_recap")
    db.execute(
        "CREATE INDEX people_recap ON people (id, deleted, sex, birth_year, category, merged_into)"
    )


def migrate(conn: sqlite3.Connection) -> list[str]:
    """Apply pending migrations; return their names. Each runs in its own transaction."""
    db = sqlite_utils.Database(conn)
    pending = [m.name for m in migrations.pending(db)]
    if pending:
        migrations.apply(db)
        conn.execute(f"PRAGMA user_version = {len(migrations._migrations)}")
    return pending
