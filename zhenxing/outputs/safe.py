"""Text made safe for the XML inside .docx and .xlsx files.

XML 1.0 allows tab, newline and carriage return but no other C0 control character, no lone surrogate and
neither U+FFFE nor U+FFFF. Text pasted from old systems or OCR carries them; python-docx raises on them and
Excel reports the file as damaged. Pure.
"""

import re
from typing import Any

_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def for_xml(text: str) -> str:
    """`text` without the characters XML 1.0 forbids (everything else, Chinese included, is kept)."""
    return _ILLEGAL.sub("", text)


def clean(value: Any) -> Any:
    """A cell or paragraph value: strings pass through `for_xml`, anything else is returned unchanged."""
    return for_xml(value) if isinstance(value, str) else value
