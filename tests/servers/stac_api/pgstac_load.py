"""Server-side loader: run by ``.venv-stac/bin/python`` (it imports pypgstac), never imported.

Usage: ``python pgstac_load.py COLLECTIONS.ndjson ITEMS.ndjson QUERYABLES.json``

Connects with the libpq environment (PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE), installs
or migrates the pgstac schema, upserts the collections and items (``pypgstac load --method
upsert``) and registers each collection's queryables.
"""

from __future__ import annotations

import json
import sys
import time

from pypgstac.db import PgstacDB
from pypgstac.load import Loader, Methods
from pypgstac.migrate import Migrate


def register_queryable(conn, collection_id: str, name: str, definition: dict) -> None:
    """A collection's queryable: its own row, unless a global one (all collections) exists."""
    row = conn.execute(
        "SELECT id FROM pgstac.queryables WHERE name = %s AND collection_ids IS NULL", [name]
    ).fetchone()
    if row is not None:
        return
    conn.execute(
        "INSERT INTO pgstac.queryables (name, collection_ids, definition) "
        "VALUES (%s, %s::text[], %s::jsonb)",
        [name, [collection_id], json.dumps(definition)],
    )


def main(collections: str, items: str, queryables: str) -> None:
    t0 = time.monotonic()
    with PgstacDB(dsn="") as db:
        version = Migrate(db).run_migration()
        t1 = time.monotonic()
        loader = Loader(db=db)
        loader.load_collections(collections, Methods.upsert)
        loader.load_items(items, Methods.upsert)
        t2 = time.monotonic()
        with open(queryables, encoding="utf-8") as f:
            per_collection = json.load(f)
        conn = db.connect()
        for collection_id, properties in per_collection.items():
            for name, definition in properties.items():
                register_queryable(conn, collection_id, name, definition)
        conn.commit()
    print(
        f"pgstac {version}: migrate {t1 - t0:.1f} s, load {t2 - t1:.1f} s",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main(*sys.argv[1:4])
