"""The one place ingestion meets the pure extraction engine (zhenxing/documents/extraction/ and reader.py).

Everything the ledgers need from the engine goes through these names, so the engine can change
shape without touching the services.
"""

from zhenxing.documents.extraction import (  # noqa: F401 - re-exported
    CATALOGUE,
    DEFAULT_KEYWORD_UNITS,
    canonical,
    default_weight,
    document_date,
    extract_facts,
    extract_projects,
    extract_tasks,
    local_name,
    match_project,
    normalise_indicator,
    same_unit,
    stand_in,
    standard_name,
    suggest_unit,
)
from zhenxing.documents.reader import DocumentReadError, read_document  # noqa: F401 - re-exported


def catalogue_name(written: str) -> str | None:
    """The catalogue's name for an indicator as written (GDP → 地区生产总值), or None when unknown."""
    entry = normalise_indicator(written)
    return getattr(entry, "name", None) if entry is not None else None


def catalogue_names() -> list[str]:
    """Every indicator of the catalogue, for the office's mapping form."""
    return sorted({entry.name for entry in CATALOGUE})
