"""Text on the way in and on the way out. Pure: no database, no web.

In: `clean_text` strips control characters from free text (keeping line breaks and tabs when asked);
`clean_label` (displayed names) folds full-width letters and digits; `clean_name` (user names) and
`clean_code` also fold look-alikes with NFKC (ｄｅｍｏ → demo, （ → (), collapse
spaces, and refuse invisible characters (a zero-width space in a code makes a second "same" code).
`lookalike_key` is what two names must not share (ａｄｍｉｎ and Admin and admin are one).

Out: `for_xml` drops the characters XML 1.0 cannot carry, so one stored control character can never
break an .xlsx or .docx for everyone; every writer passes its cells through it.
"""

import re
import unicodedata
from typing import Any, TypeVar

from zhenxing.errors import Rejected

# XML 1.0 allows #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# C0/C1 controls and DEL; line breaks and tabs are handled by the callers' choice.
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_LINE_BREAKS = re.compile(r"\r\n|[\r\n\t\u2028\u2029\x85]")
# Characters that print as nothing: zero-width space/joiners, word joiner, BOM, soft hyphen, bidi controls.
INVISIBLE = re.compile("[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e"
                       "\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0]")
_SPACES = re.compile(r"\s+")

T = TypeVar("T")


def for_xml(value: T) -> T:
    """The value with every character XML 1.0 cannot hold removed; other types pass through unchanged."""
    if isinstance(value, str):
        return XML_ILLEGAL.sub("", value)  # type: ignore[return-value]
    return value


def for_xml_row(values: list[Any] | tuple[Any, ...]) -> list[Any]:
    """`for_xml` over a row of cells."""
    return [for_xml(value) for value in values]


def clean_text(value: str | None, *, field: str, max_length: int | None = None, multiline: bool = True,
               label: str | None = None) -> str:
    """Free text (a description, a progress note): controls stripped, NFC, trimmed; line breaks kept when
    `multiline`, else each run of them becomes one space. Over `max_length` → Rejected naming the field."""
    if value is None:
        return ""
    if not isinstance(value, str):
        raise Rejected(f"{label or field}应为文字", field=field)
    text = unicodedata.normalize("NFC", value)
    if multiline:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        text = _CONTROLS.sub("", text.replace("\t", "    "))
    else:
        text = _CONTROLS.sub("", _LINE_BREAKS.sub(" ", text))
    text = INVISIBLE.sub("", text).strip()
    _check_length(text, field=field, max_length=max_length, label=label)
    return text


def form_text(value: str | None, field: str, label: str, limit: int, required: bool = False) -> str:
    """A form's short text field, trimmed: refused when required and empty, or longer than `limit`."""
    value = (value or "").strip()
    if required and not value:
        raise Rejected(f"请填写{label}", field=field)
    if len(value) > limit:
        raise Rejected(f"{label}最多 {limit} 个字", field=field)
    return value


def clean_name(value: str | None, *, field: str, max_length: int | None = None, label: str | None = None) -> str:
    """A name (a person, unit, project, user name): NFKC, one line, single spaces, no invisible characters."""
    if value is None:
        return ""
    if not isinstance(value, str):
        raise Rejected(f"{label or field}应为文字", field=field)
    _refuse_invisible(value, field=field, label=label)
    text = unicodedata.normalize("NFKC", value)
    text = _CONTROLS.sub("", _LINE_BREAKS.sub(" ", text))
    text = _SPACES.sub(" ", text).strip()
    _check_length(text, field=field, max_length=max_length, label=label)
    return text


# Full-width Latin letters and digits (ＡＢＣ１２３) and the ideographic space: the part of NFKC a Chinese name
# wants. Full-width punctuation （，：） stays as written; ①, ㎡ and the like keep their meaning.
_WIDE_ALNUM = {code: code - 0xFEE0 for code in (*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B),
                                                 *range(0xFF41, 0xFF5B))}
_WIDE_ALNUM[0x3000] = 0x20


def clean_label(value: str | None, *, field: str, max_length: int | None = None, label: str | None = None) -> str:
    """A displayed name (a project, unit, person, meeting chair): one line, single spaces, no invisible
    characters, full-width letters and digits made half-width — but not full NFKC: "（二期）" stays as written
    (lookalike_key still finds it equal to "(二期)")."""
    if value is None:
        return ""
    if not isinstance(value, str):
        raise Rejected(f"{label or field}应为文字", field=field)
    _refuse_invisible(value, field=field, label=label)
    text = unicodedata.normalize("NFC", value).translate(_WIDE_ALNUM)
    text = _CONTROLS.sub("", _LINE_BREAKS.sub(" ", text))
    text = _SPACES.sub(" ", text).strip()
    _check_length(text, field=field, max_length=max_length, label=label)
    return text


def clean_code(value: str | None, *, field: str, max_length: int | None = None, label: str | None = None) -> str:
    """A code (项目编号, a task number): NFKC, no spaces or controls inside, no invisible characters."""
    if value is None:
        return ""
    if not isinstance(value, str):
        value = str(value)
    _refuse_invisible(value, field=field, label=label)
    text = unicodedata.normalize("NFKC", value).strip()
    if _CONTROLS.search(text) or _LINE_BREAKS.search(text):
        raise Rejected(f"{label or field}含有控制字符或换行，请删去后重试", field=field)
    _check_length(text, field=field, max_length=max_length, label=label)
    return text


def lookalike_key(value: str) -> str:
    """What two names or codes must not share to count as different: NFKC, case-folded, no invisible
    characters or spaces (ａｄｍｉｎ, Admin and 'ad min' all give 'admin')."""
    text = INVISIBLE.sub("", unicodedata.normalize("NFKC", value or ""))
    return _SPACES.sub("", _CONTROLS.sub("", text)).casefold()


def has_invisible(value: str) -> bool:
    """True when the text holds a character that prints as nothing (zero-width space, BOM, bidi control)."""
    return bool(INVISIBLE.search(value or ""))


def _refuse_invisible(value: str, *, field: str, label: str | None) -> None:
    found = INVISIBLE.search(value)
    if found:
        raise Rejected(f"{label or field}含有不可见字符（U+{ord(found.group()):04X}），"
                       "多见于从网页或聊天软件复制的文字，请删去后重新输入", field=field)


def _check_length(text: str, *, field: str, max_length: int | None, label: str | None) -> None:
    if max_length is not None and len(text) > max_length:
        raise Rejected(f"{label or field}不能超过 {max_length} 个字（现有 {len(text)} 个）", field=field)


def quote(value: object, limit: int = 30) -> str:
    """A cell or field quoted back in an error message: one line, at most `limit` characters and an
    ellipsis, so an error never echoes a whole cell (a 50 KB upload once got a 48 MB error body)."""
    text = _SPACES.sub(" ", _CONTROLS.sub("", str(value))).strip()
    return text if len(text) <= limit else text[:limit] + "…"
