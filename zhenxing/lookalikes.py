"""Look-alike duplicates: one mechanism for every name or code a person types and others later pick from a
list. Two values that differ only in width, case, spaces or invisible characters (ａｄｍｉｎ / Admin / 'ad min',
"（二期）" / "(二期)", "张 三" / "张三") print alike, so the second is refused naming the first
(zhenxing.text.lookalike_key says what "alike" is).

GUARDED lists each column so guarded and where; tests/test_lookalikes.py fails when a table gains a unique
text column or a name/code column that is neither guarded nor listed there as exempt with its reason.
"""

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from zhenxing.text import lookalike_key

# "table.column" → the function that refuses a look-alike of a stored value.
GUARDED: dict[str, str] = {
    "regions.name": "org.service.create_region / update_region",
    "units.name": "org.service.create_unit / update_unit",
    "people.name": "org.service.create_person / update_person / person_by_name; projects.importer (包保领导, 项目管家)",
    "users.name": "auth.service.create_user",
    "projects.code": "projects.service.create_project; projects.importer (项目编号)",
    "appeal_categories.code": "appeals.catalogue.save_category",
}


def twin_of(session: Session, column: Any, value: str, *, own_id: int | None = None,
            same_allowed: bool = False) -> str | None:
    """The stored value of `column` (a mapped attribute) that looks like `value`, ignoring the row `own_id`;
    None when there is none. `same_allowed`: an identical value is not a twin (two people may share a name;
    only a second spelling of it is refused)."""
    key = lookalike_key(value)
    model = column.class_
    for row_id, stored in session.execute(select(model.id, column)):
        if row_id == own_id or stored is None:
            continue
        if lookalike_key(stored) == key and not (same_allowed and stored == value):
            return stored
    return None


def differs_by(stored: str, value: str) -> str:
    """The words a refusal adds when the two spellings differ (empty when they are the same)."""
    return "" if stored == value else f"（与“{stored}”只差全角半角、大小写、空格或不可见字符）"
