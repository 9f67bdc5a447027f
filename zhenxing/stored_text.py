"""The last gate for text on its way into the database, whatever path it came by (API schema, HTML form,
importer, CLI, a job): before every flush, each text column of each new or changed row loses the control
characters no export can carry, and a value longer than its column is refused naming the field (PostgreSQL
would answer a 500; SQLite would store it).

The request schemas clean text first (zhenxing.fields: NFKC names, invisible characters refused); this gate
only makes sure nothing slips past them. A column whose text must stay byte for byte (a document's text, which
is hashed and quoted by position) says so with `info={"verbatim": True}`.
"""

import re
from typing import Any

from sqlalchemy import String, event, inspect
from sqlalchemy.orm import Session

from zhenxing.errors import Rejected

# C0 controls but tab and line breaks, DEL and C1, lone surrogates (PostgreSQL refuses them), U+FFFE/U+FFFF.
STORED_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")

_columns: dict[type, list[tuple[str, int | None]]] = {}


def text_columns(cls: type) -> list[tuple[str, int | None]]:
    """(attribute, length or None) of the text columns of a mapped class that are not verbatim."""
    if cls not in _columns:
        mapper = inspect(cls)
        found = []
        for attribute in mapper.column_attrs:
            column = attribute.columns[0]
            if isinstance(column.type, String) and not column.info.get("verbatim"):
                found.append((attribute.key, column.type.length))
        _columns[cls] = found
    return _columns[cls]


def check_row(row: Any) -> None:
    """Strip what cannot be stored or exported from each text column of `row`; refuse an over-long value."""
    for key, length in text_columns(type(row)):
        value = row.__dict__.get(key)
        if not isinstance(value, str):
            continue
        if STORED_ILLEGAL.search(value):
            value = STORED_ILLEGAL.sub("", value)
            setattr(row, key, value)
        if length is not None and len(value) > length:
            raise Rejected(f"“{key}”最多 {length} 个字（现有 {len(value)} 个）", field=key)


@event.listens_for(Session, "before_flush")
def _before_flush(session: Session, _context: Any, _instances: Any) -> None:
    for row in list(session.new) + [row for row in session.dirty if session.is_modified(row)]:
        check_row(row)
