"""One-off success messages ("已保存") shown on the page a saving form redirects to.

A save answers with a redirect (post → redirect → get); the message rides in the session until the next
full page shows it. `saved(request, url, message)` is the usual way to answer a successful form.
"""

from fastapi import Request
from fastapi.responses import RedirectResponse

KEY = "flash"
MAX_MESSAGES = 5  # a session cookie has little room; older messages give way


def flash(request: Request, message: str) -> None:
    """Keep `message` for the next page this browser renders."""
    messages = [*request.session.get(KEY, []), str(message)[:300]]
    request.session[KEY] = messages[-MAX_MESSAGES:]


def take_flashes(request: Request) -> list[str]:
    """The messages waiting for this browser, once (called by base.html)."""
    if KEY not in request.session:
        return []
    return list(request.session.pop(KEY) or [])


def saved(request: Request, url: str, message: str) -> RedirectResponse:
    """A successful form: flash `message` and see the page at `url`."""
    flash(request, message)
    return RedirectResponse(url, status_code=303)
