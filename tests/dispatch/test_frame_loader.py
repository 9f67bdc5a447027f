"""The frame loader's Beijing day of a filing moment, computed by the database, equals clock.local_date."""

from datetime import UTC, datetime

import pytest
from sqlalchemy import DateTime, literal, select

from zhenxing.dispatch.clock import local_date
from zhenxing.dispatch.frame_loader import beijing_day_ordinal

MOMENTS = [
    datetime(2026, 10, 31, 15, 59, 59, tzinfo=UTC),  # 23:59:59 in Beijing: still the 31st
    datetime(2026, 10, 31, 16, 0, 0, tzinfo=UTC),  # midnight in Beijing: already 1 November
    datetime(2024, 2, 28, 20, 0, tzinfo=UTC),  # the leap day in Beijing
    datetime(2025, 12, 31, 23, 30, tzinfo=UTC),  # new year in Beijing, old year in UTC
    datetime(2026, 5, 3, 1, 2, 3, 456789, tzinfo=UTC),
]


@pytest.mark.parametrize("moment", MOMENTS, ids=str)
def test_the_database_reads_the_same_beijing_day_as_python(engine, moment):
    with engine.connect() as connection:
        ordinal = connection.scalar(select(beijing_day_ordinal(literal(moment, DateTime(timezone=True)))))
    assert ordinal == local_date(moment).toordinal()
