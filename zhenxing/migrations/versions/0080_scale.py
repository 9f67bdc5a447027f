"""scale: cache stamps kept by triggers, indexed text search of projects, covering indexes of the list

- cache_stamps + a trigger on projects, regions, units and people that replaces the table group's stamp
  on every write (zhenxing.cache: the caches of every worker are keyed by these stamps);
- text search of projects (name, code, company) through an index: SQLite FTS5 with the trigram tokenizer
  (a contentful-by-reference table kept by triggers), PostgreSQL pg_trgm GIN;
- covering indexes for the list's per-stage summary (see COVERING).

The DDL is written out here rather than imported, so the migration stays what it was when it ran.
SQLite loses a table's triggers when a batch migration recreates the table (alembic's "move and copy"):
a later migration that recreates projects, regions, units or people must install them again
(tests/test_cache.py and tests/projects/test_search.py fail if they are missing).

Revision ID: 0080_scale
Revises: 0040_dispatch
"""

import sqlalchemy as sa
from alembic import op

revision = "0080_scale"
down_revision = "0040_dispatch"
branch_labels = None
depends_on = None

STAMPED = {"projects": "projects", "regions": "org", "units": "org", "people": "org"}
SEARCHED = ("name", "code", "company")

PG_RESTAMP = """
CREATE OR REPLACE FUNCTION zx_restamp() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO cache_stamps (name, stamp)
    VALUES (TG_ARGV[0], floor((random() - 0.5) * 1.8e19)::bigint)
    ON CONFLICT (name) DO UPDATE SET stamp = EXCLUDED.stamp;
    RETURN NULL;
END $$
"""


def _restamp_triggers(dialect: str, table: str, name: str) -> list[str]:
    """PostgreSQL: one statement-level trigger (an import of 10,000 rows restamps once).
    SQLite has only row-level triggers; rewriting one small row inside the writer's transaction is cheap."""
    if dialect == "postgresql":
        return [f"CREATE TRIGGER zx_restamp_{table} AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON {table} "
                f"FOR EACH STATEMENT EXECUTE FUNCTION zx_restamp('{name}')"]
    upsert = (f"INSERT INTO cache_stamps (name, stamp) VALUES ('{name}', random()) "
              "ON CONFLICT (name) DO UPDATE SET stamp = excluded.stamp;")
    return [f"CREATE TRIGGER zx_restamp_{table}_{event.lower()} AFTER {event} ON {table} BEGIN {upsert} END"
            for event in ("INSERT", "UPDATE", "DELETE")]


def _sqlite_search() -> list[str]:
    columns = ", ".join(SEARCHED)
    new = ", ".join(f"new.{c}" for c in SEARCHED)
    old = ", ".join(f"old.{c}" for c in SEARCHED)
    remove = f"INSERT INTO search_projects(search_projects, rowid, {columns}) VALUES ('delete', old.id, {old});"
    add = f"INSERT INTO search_projects(rowid, {columns}) VALUES (new.id, {new});"
    return [
        f"CREATE VIRTUAL TABLE search_projects USING fts5({columns}, content='projects', content_rowid='id', "
        "tokenize='trigram')",
        f"CREATE TRIGGER search_projects_insert AFTER INSERT ON projects BEGIN {add} END",
        f"CREATE TRIGGER search_projects_delete AFTER DELETE ON projects BEGIN {remove} END",
        f"CREATE TRIGGER search_projects_update AFTER UPDATE OF {columns} ON projects BEGIN {remove} {add} END",
        "INSERT INTO search_projects(search_projects) VALUES ('rebuild')",
    ]


def _postgres_search() -> list[str]:
    ops = ", ".join(f"{column} gin_trgm_ops" for column in SEARCHED)
    return ["CREATE EXTENSION IF NOT EXISTS pg_trgm",
            f"CREATE INDEX search_projects_trgm ON projects USING gin ({ops})"]


# Each filter column's index carries (stage, total_investment): the list's per-stage summary reads the
# index alone. They replace the indexes that held the filter column alone (or with the stage).
COVERING = ("region_id", "cluster", "track", "status")
REPLACED = {"region_id": ("ix_projects_region_stage", ["region_id", "stage"]),
            "cluster": ("ix_projects_cluster", ["cluster"]), "track": ("ix_projects_track", ["track"]),
            "status": ("ix_projects_status", ["status"])}


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    with op.batch_alter_table("projects") as batch_op:
        for column in COVERING:
            batch_op.drop_index(REPLACED[column][0])
            batch_op.create_index(f"ix_projects_{column}_stage_total", [column, "stage", "total_investment"])
    op.create_table(
        "cache_stamps",
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("stamp", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_cache_stamps")),
    )
    if dialect == "postgresql":
        op.execute(PG_RESTAMP)
    for table, name in STAMPED.items():
        for statement in _restamp_triggers(dialect, table, name):
            op.execute(statement)
    # Existing data gets a first stamp of its own (no row would read as "never written").
    for name in sorted(set(STAMPED.values())):
        op.execute(sa.text("INSERT INTO cache_stamps (name, stamp) VALUES (:name, :stamp)")
                   .bindparams(name=name, stamp=_random_stamp()))
    for statement in _sqlite_search() if dialect == "sqlite" else _postgres_search():
        op.execute(statement)


def _random_stamp() -> int:
    import secrets

    return secrets.randbits(63)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for event in ("insert", "delete", "update"):
            op.execute(f"DROP TRIGGER IF EXISTS search_projects_{event}")
        op.execute("DROP TABLE IF EXISTS search_projects")
    else:
        op.execute("DROP INDEX IF EXISTS search_projects_trgm")  # pg_trgm stays: other objects may use it
    for table in STAMPED:
        if dialect == "postgresql":
            op.execute(f"DROP TRIGGER IF EXISTS zx_restamp_{table} ON {table}")
        else:
            for event in ("insert", "update", "delete"):
                op.execute(f"DROP TRIGGER IF EXISTS zx_restamp_{table}_{event}")
    if dialect == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS zx_restamp()")
    op.drop_table("cache_stamps")
    with op.batch_alter_table("projects") as batch_op:
        for column in COVERING:
            batch_op.drop_index(f"ix_projects_{column}_stage_total")
            batch_op.create_index(*REPLACED[column])
