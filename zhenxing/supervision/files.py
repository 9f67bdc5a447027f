"""Evidence files (佐证材料): what may be attached to a progress report or a 销号 request (pure).

Bounded (size, count, name) and type-checked by content, not by name alone: a file must start the way
its kind starts (PDF, PNG, JPEG, Word/Excel .docx/.xlsx) — an executable renamed .pdf is refused.
"""

import hashlib
import re
import unicodedata
from dataclasses import dataclass

MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_FILES = 5
KINDS = {
    ".pdf": ("application/pdf", (b"%PDF-",)),
    ".png": ("image/png", (b"\x89PNG\r\n\x1a\n",)),
    ".jpg": ("image/jpeg", (b"\xff\xd8\xff",)),
    ".jpeg": ("image/jpeg", (b"\xff\xd8\xff",)),
    ".docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", (b"PK\x03\x04",)),
    ".xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", (b"PK\x03\x04",)),
}


class FileRefused(ValueError):
    """A file that may not be attached; the message says why, in Chinese."""


@dataclass(frozen=True)
class Evidence:
    filename: str
    content_type: str
    data: bytes

    @property
    def size(self) -> int:
        return len(self.data)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


def clean_name(filename: str) -> str:
    """A safe display name: no folders, no control characters, at most 100 characters (keeping the suffix)."""
    name = unicodedata.normalize("NFC", filename or "").replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C").strip().strip(".")
    if len(name) > 100:
        stem, dot, suffix = name.rpartition(".")
        name = (stem[: 100 - len(suffix) - 1] + dot + suffix) if dot and len(suffix) <= 5 else name[:100]
    return name


def check(filename: str, data: bytes) -> Evidence:
    name = clean_name(filename)
    suffix = ("." + name.rsplit(".", 1)[-1].lower()) if "." in name else ""
    if not name or suffix not in KINDS:
        raise FileRefused(f"“{name[:40] or '（无名）'}”的类型不能作为佐证材料：只接受 PDF、图片（PNG/JPG）、"
                          "Word（.docx）或 Excel（.xlsx）")
    if not data:
        raise FileRefused(f"“{name}”是空文件")
    if len(data) > MAX_FILE_BYTES:
        raise FileRefused(f"“{name}”超过 {MAX_FILE_BYTES // 1024 // 1024}兆字节")
    content_type, starts = KINDS[suffix]
    if not data.startswith(starts):
        raise FileRefused(f"“{name}”的内容与扩展名 {suffix} 不符，请上传原始文件")
    return Evidence(name, content_type, data)


def check_all(files: list[tuple[str, bytes]]) -> list[Evidence]:
    if len(files) > MAX_FILES:
        raise FileRefused(f"一次最多上传 {MAX_FILES} 个文件")
    return [check(name, data) for name, data in files]


SAFE_ASCII = re.compile(r"[^A-Za-z0-9._-]+")


def ascii_name(filename: str) -> str:
    """A fallback for the Content-Disposition header's plain filename."""
    return SAFE_ASCII.sub("_", filename).strip("_") or "file"
