"""What the pages of the reviewed ledgers (目标台账 /targets, 任务分解表 /tasks) share: the filter bar's
choices, the export and back links that keep the filters, and the return after an inline status change."""

from typing import Any
from urllib.parse import urlencode

from fastapi import Request
from fastapi.responses import RedirectResponse
from sqlalchemy.orm import Session

from zhenxing.org import service as org
from zhenxing.web.flash import saved


def ledger_context(session: Session, path: str, chosen: dict[str, str], statuses: dict[str, str]) -> dict[str, Any]:
    """The filter bar's values and choices, and the links to the export and back to this filtered list."""
    query = urlencode({k: v for k, v in chosen.items() if v})
    return {"chosen": chosen, "units": org.list_units(session), "statuses": statuses,
            "export": f"{path}/export.xlsx?{query}", "back": f"{path}?{query}"}


def back_to(form: Any, path: str, request: Request | None = None, message: str = "已保存。") -> RedirectResponse:
    """Return to the filtered list the form came from, or to the whole list (saying what was saved)."""
    back = str(form.get("back") or "")
    url = back if back.startswith(path) else path
    if request is not None:
        return saved(request, url, message)
    return RedirectResponse(url, status_code=303)
