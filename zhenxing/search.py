"""Free-text search of Chinese records through an index, with the results of a plain substring search.

The meaning is always the literal one: a row matches when one of the searched columns contains the query
as a substring (`%` and `_` are characters like any other; the letters A–Z match either case). The index only
makes it fast:

- SQLite: an FTS5 table with the trigram tokenizer (created by a migration, kept by triggers) narrows the
  rows, and the LIKE on those rows decides, so the index can never add or lose a row. A trigram index can't
  look up fewer than 3 characters: 2-character queries of letters or digits (风电, 华能, 5G) go to a second
  FTS5 table holding every two-character piece of the columns as a token (`search_bigrams`, migration 0200);
  1-character queries, and 2-character ones with a space or a sign, scan the table with the same LIKE.
- PostgreSQL: a pg_trgm GIN index serves ILIKE (LIKE for a query without cased letters: the same rows,
  cheaper) directly (it rechecks its candidates itself); for 2 characters,
  which give no trigram, a GIN index on the array of the columns' lower-cased two-character pieces
  (zx_bigrams, migration 0200) narrows the rows and the ILIKE decides. 1-character queries scan.
"""

from sqlalchemy import ColumnElement, Integer, and_, func, literal, or_, text
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import InstrumentedAttribute, Session
from sqlalchemy.types import Text

ESCAPE = "\\"
TRIGRAM = 3
BIGRAM = 2


def like_pattern(query: str) -> str:
    """`%query%` with the LIKE wildcards of the query taken literally."""
    escaped = query.replace(ESCAPE, ESCAPE * 2).replace("%", ESCAPE + "%").replace("_", ESCAPE + "_")
    return f"%{escaped}%"


def fts_phrase(query: str) -> str:
    """The query as one FTS5 string (a phrase of consecutive trigrams): double quotes doubled."""
    return '"' + query.replace('"', '""') + '"'


def bigram_indexed(query: str) -> bool:
    """Whether a query is looked up by its two-character piece: two letters or digits (a piece with a space
    or a sign in it is split by SQLite's tokenizer, so it is left to the scan)."""
    return len(query) == BIGRAM and query.isalnum()


def contains(session: Session, query: str, columns: list[InstrumentedAttribute], *,
             fts_table: str | None = None, rowid: InstrumentedAttribute | None = None,
             bigram_table: str | None = None) -> ColumnElement[bool]:
    """Rows where any of `columns` contains `query` (see the module's doc for how the index is used).
    `bigram_table` names the SQLite table of two-character pieces; on PostgreSQL, given any name, the
    pieces' GIN index over exactly `columns` (in that order) is used."""
    pattern = like_pattern(query)
    if session.get_bind().dialect.name == "postgresql":
        # A query without letters that have a case (Chinese, digits, signs) matches the same with LIKE as with
        # ILIKE, and LIKE costs a fifth: ILIKE lower-cases every candidate text first (a search sorted by an
        # indexed column checks thousands of them: 190 ms → 45 ms at 30,000 projects).
        caseless = query.lower() == query.upper()
        found = or_(*((column.like if caseless else column.ilike)(pattern, escape=ESCAPE) for column in columns))
        if bigram_table is None or not bigram_indexed(query):
            return found
        pieces = func.zx_bigrams(columns[0])
        for column in columns[1:]:
            pieces = pieces.op("||")(func.zx_bigrams(column))
        wanted = literal([query.lower()], ARRAY(Text))
        return and_(pieces.op("@>")(wanted), found)
    substring = or_(*(column.like(pattern, escape=ESCAPE) for column in columns))
    if rowid is None:
        return substring
    if bigram_table is not None and bigram_indexed(query):
        candidates = text(f"SELECT rowid FROM {bigram_table} WHERE {bigram_table} MATCH :fts_piece").bindparams(
            fts_piece=fts_phrase(query)).columns(rowid=Integer)
        return and_(rowid.in_(candidates), substring)
    if fts_table is None or len(query) < TRIGRAM:
        return substring
    candidates = text(f"SELECT rowid FROM {fts_table} WHERE {fts_table} MATCH :fts_phrase").bindparams(
        fts_phrase=fts_phrase(query)).columns(rowid=Integer)
    return and_(rowid.in_(candidates), substring)
