"""Read a policy document into plain text: .txt (UTF-8 or GB18030/GBK) or .docx."""

from __future__ import annotations

from pathlib import Path


class DocumentReadError(Exception):
    """A document that cannot be read; the message names the file."""

    def __init__(self, path: str | Path, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


def read_document(path: str | Path) -> str:
    """The text of `path`; raises DocumentReadError for a missing, unknown or undecodable file."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".txt", ".docx"):
        kind = f"“{suffix}”" if suffix else "没有扩展名的"
        raise DocumentReadError(path, f"不支持{kind}文件，请上传 .txt 或 .docx 文件")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DocumentReadError(path, exc.strerror or str(exc)) from exc
    if suffix == ".txt":
        return _decode_text(path, data)
    return _read_docx(path)


def _decode_text(path: Path, data: bytes) -> str:
    # UTF-8 first (strict, so GBK bytes fail fast), then GB18030, a superset of GBK and GB2312.
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise DocumentReadError(path, "不是 UTF-8 或 GB18030（GBK）编码的文本，请另存为 UTF-8 后重试")


def _read_docx(path: Path) -> str:
    import docx  # python-docx; imported here so .txt reading needs nothing else

    from zhenxing.errors import Rejected
    from zhenxing.files import check_docx

    try:  # bounded before python-docx (lxml) builds anything: zip bombs, entity bombs, deep XML
        check_docx(path, filename=path.name)
    except Rejected as refused:
        raise DocumentReadError(path, refused.message) from None

    try:
        document = docx.Document(str(path))
    except Exception as exc:  # python-docx raises several unrelated types for bad packages
        raise DocumentReadError(path, "不是可以读取的 Word (.docx) 文件，请用 Word 打开后另存为 .docx 再上传") from exc
    return "\n".join(_docx_lines(document))


def _docx_lines(document) -> list[str]:
    """Paragraphs and table rows in document order.  A row of two cells reads as
    "指标:值" (the shape of a table of indicators), a wider row as cells joined by commas."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    lines = []
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(Paragraph(child, document).text)
        elif tag == "tbl":
            for row in Table(child, document).rows:
                cells = _unique_cells(row)
                lines.append(":".join(cells) if len(cells) == 2 else ",".join(cells))
    return lines


def _unique_cells(row) -> list[str]:
    """The texts of a row's cells; a merged cell repeats in python-docx and counts once."""
    cells: list[str] = []
    for cell in row.cells:
        text = cell.text.strip()
        if text and (not cells or cells[-1] != text):
            cells.append(text)
    return cells
