"""What the pages of the reviewed ledgers (目标台账 /targets, 任务分解表 /tasks) share: the filter bar's
choices, the export and back links that keep the filters, and the return after an inline status change."""

from typing import Any
from urllib.parse import urlencode

from fastapi.responses import RedirectResponse
from sqlalchemy.orm import Session

from zhenxing.org import service as org


def ledger_context(session: Session, path: str, chosen: dict[str, str], statuses: dict[str, str]) -> dict[str, Any]:
    """The filter bar's values and choices, and the links to the export and back to this filtered list."""
    query = urlencode({k: v for k, v in chosen.items() if v})
    return {"chosen": chosen, "units": org.list_units(session), "statuses": statuses,
            "export": f"{path}/export.xlsx?{query}", "back": f"{path}?{query}"}


def back_to(form: Any, path: str) -> RedirectResponse:
    """Return to the filtered list the form came from, or to the whole list."""
    back = str(form.get("back") or "")
    return RedirectResponse(back if back.startswith(path) else path, status_code=303)
