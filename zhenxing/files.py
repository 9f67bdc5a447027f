"""Uploaded workbooks and documents, bounded before anything reads them. Pure: no database, no web.

An .xlsx or .docx is a zip of XML parts. A 6 KB workbook whose only cell sits at XFD1048576 made the
reader allocate half a terabyte; a zip bomb, an XML entity bomb or a deeply nested part can do the same
to any reader. So every upload passes `check_xlsx` / `check_docx` first, which look at the zip (entry
count, sizes actually inflated, compression ratio, encryption, macros) and stream every XML part once
through expat (no DTD, no entities, depth, and for a worksheet its declared dimension, rows, columns
and cells). Past a limit the file is refused with a Chinese message naming it; nothing is read.

The limits are far above any real ledger, report or work report (a 10,000-project ledger is ~1 MB,
300,000 cells), and stated in `LIMITS` (and docs/security.md).
"""

import re
import unicodedata
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path
from typing import IO
from xml.parsers import expat

from zhenxing.errors import Rejected


@dataclass(frozen=True)
class Limits:
    upload_bytes: int = 20 * 1024 * 1024  # the file as sent
    entries: int = 1000  # zip members
    inflated_bytes: int = 256 * 1024 * 1024  # all parts together, as actually inflated
    part_bytes: int = 128 * 1024 * 1024  # one part
    ratio: int = 200  # inflated / compressed, for parts above ratio_floor
    ratio_floor: int = 8 * 1024 * 1024
    rows: int = 100_000  # per worksheet, declared or present
    columns: int = 256  # per worksheet (IV, the old Excel's width)
    cells: int = 2_000_000  # per workbook
    depth: int = 100  # XML element nesting
    sheets: int = 50
    shared_strings: int = 2_000_000


LIMITS = Limits()
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls, .doc, and encrypted (password) .xlsx/.docx
_CELL_REF = re.compile(r"^\$?([A-Z]{1,3})\$?([0-9]{1,7})$")
_CHUNK = 1 << 20
_LABEL = {"xlsx": "Excel (.xlsx)", "docx": "Word (.docx)"}
_WORKBOOK_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


@dataclass(frozen=True)
class Sheet:
    name: str
    state: str  # visible, hidden, veryHidden
    part: str  # xl/worksheets/sheet1.xml

    @property
    def visible(self) -> bool:
        return self.state == "visible"


@dataclass
class Checked:
    """What the check saw: the workbook's sheets in order (with visibility), and its size."""

    filename: str
    sheets: list[Sheet] = field(default_factory=list)
    rows: int = 0
    cells: int = 0
    inflated: int = 0
    # Per sheet name, (row, column) → why the cell has no usable value: a formula error (#DIV/0!, #REF!…)
    # or a formula never calculated. Readers would see an empty cell; they report these instead.
    formula_problems: dict[str, dict[tuple[int, int], str]] = field(default_factory=dict)

    def problems_of(self, sheet: str) -> dict[tuple[int, int], str]:
        return self.formula_problems.get(sheet, {})

    def visible_sheets(self) -> list[str]:
        return [sheet.name for sheet in self.sheets if sheet.visible]

    def pick_sheet(self, preferred: str | None = None) -> str:
        """The visible sheet named `preferred`, else the first visible sheet (a hidden sheet is never read)."""
        visible = self.visible_sheets()
        if preferred and preferred in visible:
            return preferred
        if not visible:
            raise Rejected(f"文件“{self.filename}”中没有可见的工作表", field="file")
        return visible[0]


class _Refused(Exception):
    def __init__(self, message: str):
        self.message = message


def display_name(filename: str | None, default: str = "上传文件") -> str:
    """A safe name to show and log: no folders, no control or invisible characters, at most 100 characters
    (keeping the suffix); '..', '' or a name of dots becomes `default`."""
    name = unicodedata.normalize("NFC", filename or "").replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C").strip().strip(".").strip()
    if len(name) > 100:
        stem, dot, suffix = name.rpartition(".")
        name = (stem[: 100 - len(suffix) - 1] + dot + suffix) if dot and 0 < len(suffix) <= 5 else name[:100]
    return name or default


def suffix_of(filename: str) -> str:
    name = display_name(filename, "")
    return ("." + name.rsplit(".", 1)[-1].lower()) if "." in name else ""


def check_xlsx(source: bytes | IO[bytes] | Path, *, filename: str, limits: Limits = LIMITS) -> Checked:
    """Refuse (Rejected, field 'file') a workbook past any limit; else what it holds. Reads nothing twice
    into memory: parts are inflated in 1 MB chunks and dropped."""
    name = display_name(filename, "上传文件.xlsx")
    suffix = suffix_of(filename)
    if suffix in (".xls", ".et", ".csv", ".xlsm", ".xlsb", ".ods", ".wps"):
        raise Rejected(f"文件“{name}”是 {suffix} 格式，系统只读取 .xlsx：请在 Excel 或 WPS 中“另存为”"
                       "Excel 工作簿（.xlsx）后再上传", field="file")
    if suffix != ".xlsx":
        raise Rejected(f"文件“{name}”不是 Excel 工作簿：请上传扩展名为 .xlsx 的文件", field="file")
    try:
        return _check_package(source, name, "xlsx", limits)
    except _Refused as refused:
        raise Rejected(f"文件“{name}”{refused.message}", field="file") from None


def check_docx(source: bytes | IO[bytes] | Path, *, filename: str, limits: Limits = LIMITS) -> Checked:
    """Refuse (Rejected, field 'file') a Word document past any limit."""
    name = display_name(filename, "上传文件.docx")
    suffix = suffix_of(filename)
    if suffix in (".doc", ".wps", ".docm", ".rtf", ".odt", ".pdf"):
        raise Rejected(f"文件“{name}”是 {suffix} 格式，系统只读取 .docx 和 .txt：请在 Word 或 WPS 中"
                       "“另存为”Word 文档（.docx）后再上传", field="file")
    if suffix != ".docx":
        raise Rejected(f"文件“{name}”不是 Word 文档：请上传扩展名为 .docx 的文件", field="file")
    try:
        return _check_package(source, name, "docx", limits)
    except _Refused as refused:
        raise Rejected(f"文件“{name}”{refused.message}", field="file") from None


def check_size(size: int, *, filename: str, limits: Limits = LIMITS) -> None:
    """Refuse an upload larger than the limit before reading it."""
    if size > limits.upload_bytes:
        raise Rejected(f"文件“{display_name(filename)}”超过 {limits.upload_bytes // 1024 // 1024}兆字节，"
                       "请拆分后再上传", field="file")


# --- the package -----------------------------------------------------------------------------------

def _size_of(source: bytes | IO[bytes] | Path) -> int:
    if isinstance(source, bytes | bytearray):
        return len(source)
    if isinstance(source, Path):
        return source.stat().st_size
    source.seek(0, 2)
    size = source.tell()
    source.seek(0)
    return size


def _head(source: bytes | IO[bytes] | Path) -> bytes:
    if isinstance(source, bytes | bytearray):
        return bytes(source[:8])
    if isinstance(source, Path):
        with source.open("rb") as handle:
            return handle.read(8)
    source.seek(0)
    head = source.read(8)
    source.seek(0)
    return head


def _check_package(source: bytes | IO[bytes] | Path, name: str, kind: str, limits: Limits) -> Checked:
    size = _size_of(source)
    if size == 0:
        raise _Refused(f"不是有效的 {_LABEL[kind]} 文件（是空文件）")
    if size > limits.upload_bytes:
        raise _Refused(f"超过 {limits.upload_bytes // 1024 // 1024}兆字节，请拆分后再上传")
    head = _head(source)
    if head.startswith(OLE2):
        what = "Excel 97-2003（.xls）" if kind == "xlsx" else "Word 97-2003（.doc）"
        raise _Refused(f"是 {what} 格式或设置了打开密码：请取消密码，并“另存为”新格式（.{kind}）后再上传")
    if not head.startswith(b"PK\x03\x04"):
        raise _Refused(f"不是有效的 {_LABEL[kind]} 文件（内容不是 Office 文档格式，可能是改了扩展名的其他文件）")
    opened = BytesIO(source) if isinstance(source, bytes | bytearray) else source
    try:
        with zipfile.ZipFile(opened) as package:
            checked = _check_zip(package, name, kind, limits)
    except zipfile.BadZipFile:
        raise _Refused(f"不是有效的 {_LABEL[kind]} 文件（已损坏）") from None
    except (zipfile.LargeZipFile, NotImplementedError, RuntimeError, EOFError, OSError):
        raise _Refused(f"的压缩格式无法读取，请用 Office 或 WPS 重新保存为 .{kind} 后再上传") from None
    finally:
        if not isinstance(source, bytes | bytearray | Path):
            source.seek(0)
    return checked


def _check_zip(package: zipfile.ZipFile, name: str, kind: str, limits: Limits) -> Checked:
    members = package.infolist()
    if len(members) > limits.entries:
        raise _Refused(f"包含 {len(members)} 个部件，超过上限 {limits.entries}")
    names = [member.filename for member in members]
    if len(set(names)) != len(names):
        raise _Refused("的压缩包中有重名部件，可能被篡改")
    if any(member.flag_bits & 0x1 for member in members):
        raise _Refused("已加密：请取消密码后再上传")
    declared = sum(member.file_size for member in members)
    if declared > limits.inflated_bytes:
        raise _Refused(f"解压后有 {declared // 1024 // 1024}兆字节，"
                       f"超过上限 {limits.inflated_bytes // 1024 // 1024}兆字节")
    lowered = {n.lower() for n in names}
    main = "xl/workbook.xml" if kind == "xlsx" else "word/document.xml"
    if main not in names:
        other = "word/document.xml" in names if kind == "xlsx" else "xl/workbook.xml" in names
        if other:
            actual = "Word 文档" if kind == "xlsx" else "Excel 工作簿"
            raise _Refused(f"其实是{actual}，扩展名与内容不符")
        raise _Refused(f"不是有效的 {_LABEL[kind]} 文件（缺少 {main}）")
    if any(n.endswith("vbaproject.bin") for n in lowered):
        raise _Refused("含有宏（VBA），为安全起见不接受：请另存为不含宏的文件后再上传")
    checked = Checked(filename=name)
    if kind == "xlsx":
        checked.sheets = _sheets(package, limits)
        if not checked.visible_sheets():
            raise _Refused("中没有可见的工作表（都被隐藏了）：请取消隐藏要导入的工作表后再上传")
    worksheets = {sheet.part: sheet.name for sheet in checked.sheets}
    budget = [limits.inflated_bytes]
    for member in members:
        if member.is_dir():
            continue
        _check_ratio(member, limits)
        lower = member.filename.lower()
        if lower.endswith((".xml", ".rels", ".vml")):
            if member.filename in worksheets:
                scan = _SheetScan(limits, checked, checked.formula_problems.setdefault(
                    worksheets[member.filename], {}))
            elif lower == "xl/sharedstrings.xml":
                scan = _CountScan(limits, "si", limits.shared_strings, "共享字符串")
            else:
                scan = _Scan(limits)
            _parse(package, member, scan, budget, limits)
        else:
            for _ in _inflate(package, member, budget, limits):  # media, embeddings: inflated size only
                pass
        checked.inflated = limits.inflated_bytes - budget[0]
    return checked


def _check_ratio(member: zipfile.ZipInfo, limits: Limits) -> None:
    if member.file_size > limits.part_bytes:
        raise _Refused(f"中的部件 {member.filename[:60]} 解压后过大（{member.file_size // 1024 // 1024}兆字节）")
    if member.file_size > limits.ratio_floor and member.file_size > limits.ratio * max(member.compress_size, 1):
        raise _Refused(f"的压缩比异常（{member.file_size // max(member.compress_size, 1)} 倍），疑似压缩炸弹")


def _inflate(package: zipfile.ZipFile, member: zipfile.ZipInfo, budget: list[int], limits: Limits
             ) -> Iterator[bytes]:
    """The part's bytes in chunks, counting what is actually inflated (a header can lie about sizes)."""
    seen = 0
    with package.open(member) as stream:
        while chunk := stream.read(_CHUNK):
            seen += len(chunk)
            budget[0] -= len(chunk)
            if budget[0] < 0:
                raise _Refused(f"解压后超过 {limits.inflated_bytes // 1024 // 1024}兆字节")
            if seen > limits.part_bytes:
                raise _Refused(f"中的部件 {member.filename[:60]} 解压后过大")
            yield chunk


def _parse(package: zipfile.ZipFile, member: zipfile.ZipInfo, scan: "_Scan", budget: list[int],
           limits: Limits) -> None:
    parser = expat.ParserCreate(namespace_separator=None)
    parser.buffer_text = True
    parser.StartElementHandler = scan.start
    parser.EndElementHandler = scan.end
    parser.StartDoctypeDeclHandler = _no_doctype
    parser.EntityDeclHandler = _no_entity
    parser.ExternalEntityRefHandler = _no_entity
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    try:
        for chunk in _inflate(package, member, budget, limits):
            parser.Parse(chunk, False)
        parser.Parse(b"", True)
    except expat.ExpatError as error:
        raise _Refused(f"中的部件 {member.filename[:60]} 不是合法的 XML（{expat.ErrorString(error.code)}，"
                       f"第 {error.lineno} 行）") from None


def _no_doctype(*_args) -> None:
    raise _Refused("含有 DOCTYPE 声明（Office 文件不会有），疑似恶意构造")


def _no_entity(*_args) -> None:
    raise _Refused("含有 XML 实体声明（Office 文件不会有），疑似恶意构造")


class _Scan:
    """Element depth, for any part."""

    def __init__(self, limits: Limits):
        self.limits = limits
        self.depth = 0

    def start(self, _name: str, _attrs: dict) -> None:
        self.depth += 1
        if self.depth > self.limits.depth:
            raise _Refused(f"的 XML 嵌套超过 {self.limits.depth} 层，疑似恶意构造")

    def end(self, _name: str) -> None:
        self.depth -= 1


class _Collect(_Scan):
    """Every element of a small part (workbook.xml, its relationships)."""

    def __init__(self, limits: Limits):
        super().__init__(limits)
        self.found: list[tuple[str, dict]] = []

    def start(self, name: str, attrs: dict) -> None:
        super().start(name, attrs)
        if len(self.found) < 10_000:
            self.found.append((name, attrs))


class _CountScan(_Scan):
    def __init__(self, limits: Limits, tag: str, most: int, what: str):
        super().__init__(limits)
        self.tag, self.most, self.what, self.count = tag, most, what, 0

    def start(self, name: str, attrs: dict) -> None:
        _Scan.start(self, name, attrs)
        if name == self.tag or name.endswith(":" + self.tag):
            self.count += 1
            if self.count > self.most:
                raise _Refused(f"的{self.what}超过 {self.most} 个")


class _SheetScan(_Scan):
    """A worksheet: its declared dimension, and the rows, columns and cells it really has."""

    def __init__(self, limits: Limits, checked: Checked, problems: dict[tuple[int, int], str]):
        super().__init__(limits)
        self.checked = checked
        self.problems = problems
        self.row = 0  # the current row number (1-based), as the file numbers it or by position
        self.column = 0
        self.formula = self.value = False

    def start(self, name: str, attrs: dict) -> None:
        _Scan.start(self, name, attrs)
        tag = name.rsplit(":", 1)[-1]
        if tag == "c":
            self.checked.cells += 1
            if self.checked.cells > self.limits.cells:
                raise _Refused(f"的单元格超过 {self.limits.cells:,} 个，请拆分后再上传")
            ref = attrs.get("r")
            if ref:
                column, row = _reference(ref)
                self._bound(row, column, ref)
                self.row, self.column = row, column
            else:
                self.column += 1
                self._bound(self.row, self.column, None)
            self.formula = self.value = False
            if attrs.get("t") == "e" and len(self.problems) < 10_000:
                self.problems[(self.row, self.column)] = "公式计算出错（如 #DIV/0!、#REF!、#VALUE!），请修正后再导入"
        elif tag == "f":
            self.formula = True
        elif tag in ("v", "is"):
            self.value = True
        elif tag == "row":
            number = attrs.get("r")
            self.row = _int(number) if number else self.row + 1
            self.column = 0
            self.checked.rows += 1
            self._bound(self.row, 1, None)
        elif tag == "dimension":
            declared = attrs.get("ref", "")
            end = declared.split(":")[-1]
            column, row = _reference(end)
            if row > self.limits.rows or column > self.limits.columns:
                raise _Refused(f"声明的数据范围 {declared[:40]} 超出上限（{self.limits.rows:,} 行、"
                               f"{self.limits.columns} 列）：请删去多余的空行空列，或拆分后再上传")

    def end(self, name: str) -> None:
        _Scan.end(self, name)
        if self.formula and not self.value and name.rsplit(":", 1)[-1] == "c" and len(self.problems) < 10_000:
            self.problems.setdefault((self.row, self.column), "是没有计算结果的公式：请在 Excel 或 WPS 中打开、"
                                     "计算并保存后再导入，或改为填写数值")
            self.formula = False

    def _bound(self, row: int, column: int, ref: str | None) -> None:
        if row > self.limits.rows:
            at = f"（单元格 {ref}）" if ref else f"（第 {row:,} 行）"
            raise _Refused(f"的行数超过上限 {self.limits.rows:,}{at}：请删去多余的行，或拆分后再上传")
        if column > self.limits.columns:
            at = f"（单元格 {ref}）" if ref else f"（第 {column} 列）"
            raise _Refused(f"的列数超过上限 {self.limits.columns}{at}：请删去多余的列")


def _int(text: str) -> int:
    if not text.isdigit() or len(text) > 9:
        raise _Refused(f"中有无效的行号“{text[:20]}”")
    return int(text)


def _reference(ref: str) -> tuple[int, int]:
    """'XFD1048576' → (16384, 1048576)."""
    match = _CELL_REF.match(ref.strip())
    if not match:
        raise _Refused(f"中有无效的单元格引用“{ref[:20]}”")
    letters, digits = match.groups()
    column = 0
    for letter in letters:
        column = column * 26 + ord(letter) - 64
    return column, int(digits)


def _sheets(package: zipfile.ZipFile, limits: Limits) -> list[Sheet]:
    """The workbook's sheets in tab order with their visibility and parts (xl/workbook.xml + its rels)."""
    book = _small_xml(package, "xl/workbook.xml", limits)
    rels = _small_xml(package, "xl/_rels/workbook.xml.rels", limits) if "xl/_rels/workbook.xml.rels" in \
        package.namelist() else []
    targets = {}
    for tag, attrs in rels:
        if tag.endswith("Relationship"):
            target = attrs.get("Target", "")
            target = target.lstrip("/") if target.startswith("/") else "xl/" + target
            targets[attrs.get("Id")] = _normpath(target)
    sheets = []
    for tag, attrs in book:
        if tag.rsplit(":", 1)[-1] == "sheet" or tag.endswith(_WORKBOOK_NS + " sheet"):
            rid = next((v for k, v in attrs.items() if k.endswith("id") and k != "sheetId"), None)
            sheets.append(Sheet(attrs.get("name", ""), attrs.get("state", "visible"), targets.get(rid, "")))
    if not sheets:
        raise _Refused("中没有工作表")
    if len(sheets) > limits.sheets:
        raise _Refused(f"有 {len(sheets)} 个工作表，超过上限 {limits.sheets}")
    return sheets


def _normpath(path: str) -> str:
    parts: list[str] = []
    for part in path.split("/"):
        if part == "..":
            if parts:
                parts.pop()
        elif part and part != ".":
            parts.append(part)
    return "/".join(parts)


def _small_xml(package: zipfile.ZipFile, part: str, limits: Limits) -> list[tuple[str, dict]]:
    """Every element (tag, attributes) of a small part, parsed with the same refusals."""
    member = package.getinfo(part)
    if member.file_size > 8 * 1024 * 1024:
        raise _Refused(f"中的 {part} 过大")
    scan = _Collect(limits)
    _parse(package, member, scan, [limits.inflated_bytes], limits)
    return scan.found
