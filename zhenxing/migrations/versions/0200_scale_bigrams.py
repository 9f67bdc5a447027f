"""scale: two-character text search of projects through an index (a trigram index can't look up "风电")

- SQLite: `search_bigrams`, a contentless FTS5 table (detail=none: which rows hold a token, nothing more)
  whose one column holds every two-character piece of name, code and company, separated by spaces, kept by
  triggers; the pieces are cut by joining `search_numbers` (1…1000), since a trigger can't recurse or use WITH;
- PostgreSQL: a GIN index on the array of two-character pieces (lower-cased) of the three columns, through
  the immutable function zx_bigrams(text).

In both, the LIKE/ILIKE on the candidates decides (zhenxing.search), so the index can never add or lose a row.
Written out here rather than imported, so the migration stays what it was when it ran. SQLite loses these
triggers when a batch migration recreates projects (see 0080): a later one must install them again.

Revision ID: 0200_scale_bigrams
Revises: 0120_task_numbers
"""

from alembic import op

revision = "0200_scale_bigrams"
down_revision = "0120_task_numbers"
branch_labels = None
depends_on = None

SEARCHED = ("name", "code", "company")
NUMBERS = 1000  # the longest text cut into pieces (the columns hold at most 200 characters)


def _pieces(row: str) -> str:
    """The space-separated two-character pieces of the row's searched columns (an SQLite expression)."""
    parts = " UNION ALL ".join(f"SELECT substr({row}.{column}, n, 2) AS piece FROM search_numbers "
                               f"WHERE n < length({row}.{column})" for column in SEARCHED)
    return f"(SELECT coalesce(group_concat(piece, ' '), '') FROM ({parts}))"


def _sqlite() -> list[str]:
    columns = ", ".join(SEARCHED)
    add = f"INSERT INTO search_bigrams(rowid, pieces) VALUES (new.id, {_pieces('new')});"
    remove = (f"INSERT INTO search_bigrams(search_bigrams, rowid, pieces) VALUES ('delete', old.id, "
              f"{_pieces('old')});")
    return [
        "CREATE TABLE search_numbers (n INTEGER PRIMARY KEY)",
        f"WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < {NUMBERS}) "
        "INSERT INTO search_numbers (n) SELECT n FROM c",
        "CREATE VIRTUAL TABLE search_bigrams USING fts5(pieces, content='', detail='none', columnsize=0)",
        f"CREATE TRIGGER search_bigrams_insert AFTER INSERT ON projects BEGIN {add} END",
        f"CREATE TRIGGER search_bigrams_delete AFTER DELETE ON projects BEGIN {remove} END",
        f"CREATE TRIGGER search_bigrams_update AFTER UPDATE OF {columns} ON projects BEGIN {remove} {add} END",
        f"INSERT INTO search_bigrams(rowid, pieces) SELECT projects.id, {_pieces('projects')} FROM projects",
    ]


PG_BIGRAMS = """
CREATE OR REPLACE FUNCTION zx_bigrams(value text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT coalesce(array_agg(DISTINCT substr(lower(value), i, 2)), '{}')
    FROM generate_series(1, length(value) - 1) AS i
$$
"""


def _postgres() -> list[str]:
    pieces = " || ".join(f"zx_bigrams({column})" for column in SEARCHED)
    return [PG_BIGRAMS, f"CREATE INDEX search_projects_bigrams ON projects USING gin (({pieces}))"]


def upgrade() -> None:
    for statement in _sqlite() if op.get_bind().dialect.name == "sqlite" else _postgres():
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for event in ("insert", "delete", "update"):
            op.execute(f"DROP TRIGGER IF EXISTS search_bigrams_{event}")
        op.execute("DROP TABLE IF EXISTS search_bigrams")
        op.execute("DROP TABLE IF EXISTS search_numbers")
    else:
        op.execute("DROP INDEX IF EXISTS search_projects_bigrams")
        op.execute("DROP FUNCTION IF EXISTS zx_bigrams(text)")
