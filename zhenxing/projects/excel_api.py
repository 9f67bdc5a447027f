"""Excel in and out of the ledger over the API (filled in by the Excel work)."""

from fastapi import APIRouter

router = APIRouter(prefix="/projects", tags=["projects"])
