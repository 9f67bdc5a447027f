"""What the HTML forms share: running a change and turning a refusal into a message beside its field."""

from collections.abc import Callable
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
