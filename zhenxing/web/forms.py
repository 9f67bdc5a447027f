"""What the HTML forms share: running a change and turning a refusal into a message beside its field."""

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from sqlalchemy.orm import Session

from zhenxing.errors import Conflict, NotFound, Rejected


def attempt(session: Session, action: Callable[[], Any]) -> dict[str, str]:
    """Run a change; on a refusal roll it back and return the message by field."""
    try:
        action()
        return {}
    except (Rejected, Conflict, NotFound) as error:
        session.rollback()
        return {error.field or "_": error.message}


def carried(form: Mapping[str, Any], fields: Iterable[str]) -> dict[str, str]:
    """The fields a post carries, stripped. An edit changes these and leaves every other field as it is:
    a post that lacks a field (an old page, a script, a form with a section hidden) never clears it."""
    return {name: str(form.get(name) or "").strip() for name in fields if name in form}
