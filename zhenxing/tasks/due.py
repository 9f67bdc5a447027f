"""A task's deadline phrase → (the date it means, 长期?), through the shared parser (zhenxing.deadlines)."""

from datetime import date

from zhenxing.deadlines import parse_deadline


def parse(text: str, year: int) -> tuple[date | None, bool]:
    """'年底前' → (year-12-31, False); '长期' → (None, True); a phrase naming no date → (None, False): the
    phrase stays on the task as written, for the office to give it a date."""
    found = parse_deadline(text, year)
    return found.on, found.long_term
