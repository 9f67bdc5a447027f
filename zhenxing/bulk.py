"""Many rows written in one statement: a province's month writes 30,000 lights at once.

psycopg's executemany sends one INSERT (or UPDATE) per row; every statement fires the table's statement-level
triggers (the cache stamps, zhenxing.cache), and each of those rewrites the same stamp row — 30,000 versions of
one row in one transaction, slower with every one (39 of a month's 60 seconds in bench/province.py). Here:

- PostgreSQL: one statement per call, the rows sent as one JSON parameter and unpacked by the server
  (json_to_recordset), so triggers fire once and there is one round trip;
- SQLite: executemany (in-process, no round trips; its row-level triggers fire per row anyway).

The rows of one call have the same keys. Values are those SQLAlchemy would bind: numbers, strings, booleans,
None, dates and datetimes (ISO text to the server), lists and dicts for JSON columns.
"""

import json
from datetime import date, datetime
from typing import Any

from sqlalchemy import Table, bindparam, insert, text, update
from sqlalchemy.orm import Session


def _json_default(value: Any) -> str:
    if isinstance(value, datetime | date):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not a JSON value")


def _recordset(session: Session, table: Table, names: list[str]) -> str:
    """`json_to_recordset(:rows) AS v(name type, …)` with the columns' own PostgreSQL types."""
    dialect = session.get_bind().dialect
    typed = ", ".join(f'"{name}" {table.c[name].type.compile(dialect=dialect)}' for name in names)
    return f"json_to_recordset(CAST(:rows AS json)) AS v({typed})"


def _is_postgres(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def insert_rows(session: Session, table: Table, rows: list[dict]) -> None:
    """INSERT the rows (one statement on PostgreSQL), in the session's transaction."""
    if not rows:
        return
    if not _is_postgres(session):
        session.execute(insert(table), rows)
        return
    names = list(rows[0])
    columns = ", ".join(f'"{name}"' for name in names)
    source = _recordset(session, table, names)
    session.execute(text(f"INSERT INTO {table.name} ({columns}) SELECT {columns} FROM {source}"),
                    {"rows": json.dumps(rows, default=_json_default, ensure_ascii=False)})


def update_rows(session: Session, table: Table, key: str, rows: list[dict]) -> None:
    """UPDATE the rows whose `key` column equals each row's `key` value, setting the row's other values (one
    statement on PostgreSQL), in the session's transaction."""
    if not rows:
        return
    names = [name for name in rows[0] if name != key]
    if not _is_postgres(session):
        marker = f"_{key}"
        statement = update(table).where(table.c[key] == bindparam(marker)).values(
            {name: bindparam(name) for name in names})
        session.connection().execute(statement, [{marker: row[key], **{n: row[n] for n in names}} for row in rows])
        return
    assignments = ", ".join(f'"{name}" = v."{name}"' for name in names)
    session.execute(text(f'UPDATE {table.name} SET {assignments} FROM {_recordset(session, table, [key, *names])} '
                         f'WHERE {table.name}."{key}" = v."{key}"'),
                    {"rows": json.dumps(rows, default=_json_default, ensure_ascii=False)})
