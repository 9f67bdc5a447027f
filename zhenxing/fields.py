"""The text types of every request schema, so that the API, the pages (which validate their forms with the
same schemas) and the importers clean text in one place on the way in.

    name: Name = Field(max_length=200)      # one line, single spaces, ＡＢＣ → ABC; invisible characters refused
    user: UserName = Field(max_length=40)   # NFKC (ａｄｍｉｎ is admin), as auth.service.create_user
    code: Code = Field(max_length=40)       # NFKC, no spaces/controls inside; invisible characters refused
    title: Line = Field(max_length=200)     # one line of free text: controls stripped, line breaks → space
    description: Text = Field(max_length=4000)  # free text: controls stripped, line breaks kept
    password: Secret = Field(min_length=8, max_length=128)  # taken as typed (a hash is made of it)
    status: Choice = Field(max_length=20)   # one of a list the schema checks; cleaned like a code

Each field still says its own `max_length` (tests/test_fields.py refuses a request schema whose text field
has none, or is a bare `str`). A refusal is a 422 whose message names the field, in Chinese.
"""

from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone
from typing import Annotated, Any

from pydantic import BeforeValidator, PlainSerializer, ValidationInfo
from pydantic_core import PydanticCustomError

from zhenxing.errors import Rejected
from zhenxing.text import clean_code, clean_label, clean_name, clean_text

# Text longer than this is refused before it is normalised at all (a 5 MB "name" costs nothing to refuse).
HARD_LIMIT = 100_000


def _cleaner(clean: Callable[..., str], **options: Any) -> Callable[[Any, ValidationInfo], Any]:
    def run(value: Any, info: ValidationInfo) -> Any:
        if not isinstance(value, str):
            return value  # pydantic's own type check answers (in Chinese, see zhenxing.app)
        field = info.field_name or ""
        if len(value) > HARD_LIMIT:
            raise PydanticCustomError("text_too_long", "此项过长（{length} 个字）", {"length": len(value)})
        try:
            return clean(value, field=field, label="此项", **options)
        except Rejected as refused:
            raise PydanticCustomError("text_refused", refused.message) from None
    run.cleaner = True  # type: ignore[attr-defined]  # what tests/test_fields.py looks for
    return run


def _as_given(value: Any, info: ValidationInfo) -> Any:
    return value


_as_given.cleaner = True  # type: ignore[attr-defined]

Name = Annotated[str, BeforeValidator(_cleaner(clean_label))]
UserName = Annotated[str, BeforeValidator(_cleaner(clean_name))]
Code = Annotated[str, BeforeValidator(_cleaner(clean_code))]
Choice = Code
Line = Annotated[str, BeforeValidator(_cleaner(clean_text, multiline=False))]
Text = Annotated[str, BeforeValidator(_cleaner(clean_text, multiline=True))]
Secret = Annotated[str, BeforeValidator(_as_given)]


# ---- out: times in API answers -------------------------------------------------------------------------

BEIJING = timezone(timedelta(hours=8))


def as_beijing(value: datetime) -> str:
    """A stored moment as ISO 8601 in Beijing time with its offset (2025-03-01T09:30:00+08:00). A naive value
    (SQLite gives them back so) is UTC: every writer stores aware UTC times (audit.now_utc)."""
    aware = value if value.tzinfo is not None else value.replace(tzinfo=UTC)
    return aware.astimezone(BEIJING).isoformat()


# Every datetime of an API answer: `updated_at: Moment`. tests/web/test_timestamps.py walks the API.
Moment = Annotated[datetime, PlainSerializer(as_beijing, return_type=str, when_used="json")]


def is_cleaned(metadata: list[Any]) -> bool:
    """True when an annotation's metadata carries one of the validators above."""
    return any(isinstance(item, BeforeValidator) and getattr(item.func, "cleaner", False) for item in metadata)
