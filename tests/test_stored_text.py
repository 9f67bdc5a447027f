"""The last gate before the database: every text column of every model, however its row was written, loses
the control characters no export can carry, and refuses a value longer than the column, naming the field."""

import pytest
from sqlalchemy import String, select

from zhenxing.db import Base
from zhenxing.errors import Rejected
from zhenxing.org.models import Person
from zhenxing.registry import load_all
from zhenxing.stored_text import check_row, text_columns

load_all()
VERBATIM = {("documents", "text")}  # hashed and quoted by position: stored byte for byte


def _text_columns():
    for mapper in Base.registry.mappers:
        for attribute in mapper.column_attrs:
            column = attribute.columns[0]
            if isinstance(column.type, String):
                yield mapper.class_, attribute.key, column


def test_every_text_column_of_every_model_is_cleaned_and_bounded():
    seen = 0
    for cls, key, column in _text_columns():
        if (column.table.name, column.name) in VERBATIM:
            assert (key, column.type.length) not in text_columns(cls)
            continue
        seen += 1
        row = cls(**{key: "张\x1b三\x07\x00"})
        check_row(row)
        assert getattr(row, key) == "张三", f"{cls.__name__}.{key}"
        if column.type.length:
            with pytest.raises(Rejected) as refused:
                check_row(cls(**{key: "长" * (column.type.length + 1)}))
            assert refused.value.field == key
    assert seen > 100, seen


def test_a_flush_cleans_what_a_form_or_importer_wrote_directly(session):
    session.add(Person(name="李\x1b四", title="局长\u0085\x9b"))
    session.flush()
    stored = session.scalars(select(Person).where(Person.name == "李四")).one()
    assert stored.title == "局长\u0085"  # NEL is a line break XML can carry; CSI (U+009B) is not
    stored.title = "副\x07局长"
    session.flush()
    assert stored.title == "副局长"


def test_a_value_longer_than_its_column_is_refused_before_the_database_sees_it(session):
    session.add(Person(name="王" * 500))
    with pytest.raises(Rejected) as refused:
        session.flush()
    assert refused.value.field == "name" and "最多" in refused.value.message
