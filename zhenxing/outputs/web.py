"""Downloads of generated documents: a Content-Disposition that keeps Chinese file names (RFC 5987/6266)."""

import re
from urllib.parse import quote

from fastapi.responses import Response

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PDF = "application/pdf"
MEDIA_TYPES = {".xlsx": XLSX, ".docx": DOCX, ".pdf": PDF}
_UNSAFE_ASCII = re.compile(r"[^A-Za-z0-9._-]+")


def ascii_fallback(filename: str, default: str = "download") -> str:
    """An ASCII name for clients that ignore filename*: the ASCII part of the name, keeping its suffix."""
    stem, dot, suffix = filename.rpartition(".")
    if not dot:
        stem, suffix = filename, ""
    safe_stem = _UNSAFE_ASCII.sub("_", stem).strip("_.") or default
    safe_suffix = _UNSAFE_ASCII.sub("", suffix)
    return f"{safe_stem}.{safe_suffix}" if safe_suffix else safe_stem


def attachment(filename: str, fallback: str | None = None) -> dict[str, str]:
    """Headers for a download named `filename`, with an ASCII `filename=` for old clients."""
    plain = _UNSAFE_ASCII.sub("_", fallback) if fallback else ascii_fallback(filename)
    return {"Content-Disposition": f"attachment; filename=\"{plain}\"; filename*=UTF-8''{quote(filename, safe='')}"}


def media_type_of(filename: str) -> str:
    suffix = "." + filename.rpartition(".")[2].lower()
    return MEDIA_TYPES.get(suffix, "application/octet-stream")


def document_response(data: bytes, filename: str, *, fallback: str | None = None) -> Response:
    """A finished document (bytes from render_docx/render_xlsx) as a download named `filename` (Chinese kept)."""
    return Response(content=data, media_type=media_type_of(filename), headers=attachment(filename, fallback))
