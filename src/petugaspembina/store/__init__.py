"""SQLite storage: opening and checks, migrations, field-version writes, queries, audit and backups."""
