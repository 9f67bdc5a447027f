"""Dates as people in the city read them: Beijing time (records keep UTC)."""

from datetime import UTC, date, datetime

from zhenxing.workdays import BEIJING


def today() -> date:
    return datetime.now(BEIJING).date()


def local_date(moment: datetime | None = None) -> date:
    """The Beijing calendar date of a moment (now when None); naive moments are taken as UTC (SQLite)."""
    if moment is None:
        return today()
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(BEIJING).date()
