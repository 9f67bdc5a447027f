"""Filters shared by the reviewed ledgers (目标台账, 任务分解表): year, lead unit, status, source, text."""

from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import Select

KEYS = ("year", "lead_unit_id", "status", "document_id", "q")


@dataclass
class LedgerFilters:
    year: int | None = None
    lead_unit_id: int | None = None
    status: str | None = None
    document_id: int | None = None
    q: str | None = None


def whole_number(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() else None


def from_params(params: Mapping[str, str]) -> tuple[dict[str, str], LedgerFilters]:
    """Query-string values as the form shows them, and as filters."""
    chosen = {key: (params.get(key) or "").strip() for key in KEYS}
    filters = LedgerFilters(
        year=whole_number(chosen["year"]), lead_unit_id=whole_number(chosen["lead_unit_id"]),
        status=chosen["status"] or None, document_id=whole_number(chosen["document_id"]), q=chosen["q"] or None,
    )
    return chosen, filters


def apply(query: Select, model, filters: LedgerFilters, text_column) -> Select:
    for name in ("year", "lead_unit_id", "status", "document_id"):
        value = getattr(filters, name)
        if value not in (None, ""):
            query = query.where(getattr(model, name) == value)
    if filters.q:
        query = query.where(text_column.like(f"%{filters.q.strip()}%"))
    return query
