"""Pages for Excel import/export of the ledger (filled in by the Excel work)."""

from fastapi import APIRouter

router = APIRouter()
