"""Free-text search of Chinese records through an index, with the results of a plain substring search.

The meaning is always the literal one: a row matches when one of the searched columns contains the query
as a substring (`%` and `_` are characters like any other; the letters A–Z match either case). The index only
makes it fast:

- SQLite: an FTS5 table with the trigram tokenizer (created by a migration, kept by triggers) narrows the
  rows, and the LIKE on those rows decides, so the index can never add or lose a row. A trigram index can't
  look up fewer than 3 characters: 1- and 2-character queries scan the table with the same LIKE.
- PostgreSQL: a pg_trgm GIN index serves ILIKE directly (it rechecks its candidates itself; for fewer than 3
  characters the planner falls back to a scan by itself).
"""

from sqlalchemy import ColumnElement, Integer, and_, or_, text
from sqlalchemy.orm import InstrumentedAttribute, Session

ESCAPE = "\\"
TRIGRAM = 3


def like_pattern(query: str) -> str:
    """`%query%` with the LIKE wildcards of the query taken literally."""
    escaped = query.replace(ESCAPE, ESCAPE * 2).replace("%", ESCAPE + "%").replace("_", ESCAPE + "_")
    return f"%{escaped}%"


def fts_phrase(query: str) -> str:
    """The query as one FTS5 string (a phrase of consecutive trigrams): double quotes doubled."""
    return '"' + query.replace('"', '""') + '"'


def contains(session: Session, query: str, columns: list[InstrumentedAttribute], *,
             fts_table: str | None = None, rowid: InstrumentedAttribute | None = None) -> ColumnElement[bool]:
    """Rows where any of `columns` contains `query` (see the module's doc for how the index is used)."""
    pattern = like_pattern(query)
    if session.get_bind().dialect.name == "postgresql":
        return or_(*(column.ilike(pattern, escape=ESCAPE) for column in columns))
    substring = or_(*(column.like(pattern, escape=ESCAPE) for column in columns))
    if fts_table is None or rowid is None or len(query) < TRIGRAM:
        return substring
    candidates = text(f"SELECT rowid FROM {fts_table} WHERE {fts_table} MATCH :fts_phrase").bindparams(
        fts_phrase=fts_phrase(query)).columns(rowid=Integer)
    return and_(rowid.in_(candidates), substring)
