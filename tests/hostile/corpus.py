"""The hostile corpus: workbooks and documents built to crash, stall or fool a reader.

Each case is (name, filename, bytes, what the refusal must say). Built here from raw XML parts so every
byte is deliberate (a library would refuse to write most of them). `python -m tests.hostile.corpus DIR`
writes them out, for a manual probe or bench/probe.py.

Two kinds: `FILE_CASES` are refused by files.check_xlsx / check_docx before any reader runs;
`LEDGER_CASES` are well-formed workbooks whose content must be refused by the ledger import with a
row/column problem (formula errors, a duplicated column, money of 1e20, a hidden 项目台账 sheet).
"""

import struct
import sys
import zipfile
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from xml.sax.saxutils import escape

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
WORD = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


@dataclass(frozen=True)
class Case:
    name: str
    filename: str
    data: bytes
    says: str  # a part of the refusal message


# --- building blocks --------------------------------------------------------------------------------

def _zip(parts: dict[str, bytes], *, compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as package:
        for name, data in parts.items():
            package.writestr(name, data)
    return buffer.getvalue()


def _xlsx_parts(sheets: list[tuple[str, bytes, str]], *, shared: bytes | None = None) -> dict[str, bytes]:
    """Parts of a minimal workbook: sheets as (name, sheet XML, state)."""
    entries = "".join(f'<sheet name="{escape(name)}" sheetId="{i}" r:id="rId{i}"'
                      + (f' state="{state}"' if state != "visible" else "") + "/>"
                      for i, (name, _, state) in enumerate(sheets, 1))
    rels = "".join(f'<Relationship Id="rId{i}" Type="{RELS}/worksheet" Target="worksheets/sheet{i}.xml"/>'
                   for i in range(1, len(sheets) + 1))
    overrides = "".join(f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/vnd.'
                        'openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
                        for i in range(1, len(sheets) + 1))
    parts = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override '
            'PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.'
            f'spreadsheetml.sheet.main+xml"/>{overrides}</Types>').encode(),
        "_rels/.rels": (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
            f'package/2006/relationships"><Relationship Id="rId1" Type="{RELS}/officeDocument" '
            'Target="xl/workbook.xml"/></Relationships>').encode(),
        "xl/workbook.xml": (f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{MAIN}" xmlns:r="{RELS}">'
                            f"<sheets>{entries}</sheets></workbook>").encode(),
        "xl/_rels/workbook.xml.rels": (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
            f'package/2006/relationships">{rels}</Relationships>').encode(),
    }
    for i, (_, xml, _) in enumerate(sheets, 1):
        parts[f"xl/worksheets/sheet{i}.xml"] = xml
    if shared is not None:
        parts["xl/sharedStrings.xml"] = shared
    return parts


def _sheet(body: str, *, dimension: str | None = None) -> bytes:
    dim = f'<dimension ref="{dimension}"/>' if dimension else ""
    return (f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}" xmlns:r="{RELS}">{dim}'
            f"<sheetData>{body}</sheetData></worksheet>").encode()


def _column(number: int) -> str:
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _cell(ref: str, value: object) -> str:
    if isinstance(value, tuple):  # (kind, payload): raw cells for formulas and errors
        kind, payload = value
        if kind == "error":
            return f'<c r="{ref}" t="e"><f>{payload[0]}</f><v>{payload[1]}</v></c>'
        if kind == "formula":
            return f'<c r="{ref}"><f>{payload}</f></c>'
    if isinstance(value, int | float):
        return f'<c r="{ref}"><v>{value}</v></c>'
    return f'<c r="{ref}" t="inlineStr"><is><t>{escape(str(value))}</t></is></c>'


def grid(rows: list[list[object]]) -> str:
    return "".join(f'<row r="{r}">' + "".join(_cell(f"{_column(c)}{r}", v) for c, v in enumerate(row, 1)
                                              if v is not None) + "</row>" for r, row in enumerate(rows, 1))


def xlsx(rows: list[list[object]], *, sheet: str = "项目台账") -> bytes:
    return _zip(_xlsx_parts([(sheet, _sheet(grid(rows)), "visible")]))


def _docx_parts(body: bytes) -> dict[str, bytes]:
    return {
        "[Content_Types].xml": (
            b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            b'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            b'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override '
            b'PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
            b'wordprocessingml.document.main+xml"/></Types>'),
        "_rels/.rels": (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
            f'package/2006/relationships"><Relationship Id="rId1" Type="{RELS}/officeDocument" '
            'Target="word/document.xml"/></Relationships>').encode(),
        "word/document.xml": body,
    }


def _document(inner: str) -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{WORD}"><w:body>{inner}'
            "</w:body></w:document>").encode()


def docx_text(text: str) -> bytes:
    return _zip(_docx_parts(_document(f"<w:p><w:r><w:t>{escape(text)}</w:t></w:r></w:p>")))


LEDGER_HEADER = ["项目编号", "项目名称", "所在地区", "总投资(万元)"]
BILLION_LAUGHS = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
                  + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
                            for i in range(1, 10))
                  + ']>')
XXE = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'


def _lying_sizes(data: bytes) -> bytes:
    """A zip whose central directory says every part is 100 bytes (it is far larger): readers that trust it
    under-allocate, ones that stream get more than they were told."""
    out = bytearray(data)
    at = out.find(b"PK\x01\x02")
    while at != -1:
        struct.pack_into("<I", out, at + 24, 100)  # uncompressed size
        at = out.find(b"PK\x01\x02", at + 4)
    at = out.find(b"PK\x03\x04")
    while at != -1:
        struct.pack_into("<I", out, at + 22, 100)
        at = out.find(b"PK\x03\x04", at + 4)
    return bytes(out)


def _encrypted_flag(data: bytes) -> bytes:
    out = bytearray(data)
    for signature, offset in ((b"PK\x01\x02", 8), (b"PK\x03\x04", 6)):
        at = out.find(signature)
        while at != -1:
            flags = struct.unpack_from("<H", out, at + offset)[0]
            struct.pack_into("<H", out, at + offset, flags | 1)
            at = out.find(signature, at + 4)
    return bytes(out)


def _duplicate_entry(parts: dict[str, bytes], name: str, data: bytes) -> bytes:
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for part, payload in parts.items():
            package.writestr(part, payload)
        import warnings

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            package.writestr(name, data)
    return buffer.getvalue()


# --- the cases -----------------------------------------------------------------------------------------

def file_cases() -> list[Case]:
    """Refused by files.check_xlsx / check_docx, whoever reads them."""
    one = _xlsx_parts([("项目台账", _sheet(grid([LEDGER_HEADER])), "visible")])
    cases = [
        Case("xfd1048576", "坏.xlsx", _zip(_xlsx_parts([("项目台账", _sheet(
            '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>', dimension="XFD1048576"), "visible")])),
             "超出上限"),
        Case("a1048576", "坏.xlsx", _zip(_xlsx_parts([("项目台账", _sheet(
            '<row r="1048576"><c r="A1048576"><v>1</v></c></row>'), "visible")])), "行数超过上限"),
        Case("dimension-lie", "坏.xlsx", _zip(_xlsx_parts([("项目台账", _sheet(
            '<row r="1"><c r="A1"><v>1</v></c></row>', dimension="A1:XFD1048576"), "visible")])), "声明的数据范围"),
        Case("300-columns", "坏.xlsx", _zip(_xlsx_parts([("项目台账", _sheet(
            '<row r="1">' + "".join(f'<c r="{_column(c)}1"><v>{c}</v></c>' for c in range(1, 301)) + "</row>"),
            "visible")])), "列数超过上限"),
        Case("rows-without-numbers", "坏.xlsx", _zip(_xlsx_parts([("项目台账", _sheet(
            "<row><c><v>1</v></c></row>" * 100_001), "visible")])), "行数超过上限"),
        Case("zip-bomb", "坏.xlsx", _zip({**one, "xl/worksheets/sheet1.xml": _sheet(
            "<row/>" + " " * 30_000_000)}), "压缩"),
        Case("zip-bomb-lying-sizes", "坏.xlsx", _lying_sizes(_zip({**one, "xl/worksheets/sheet1.xml": _sheet(
            " " * 3_000_000)})), "Excel"),
        Case("1500-parts", "坏.xlsx", _zip({**one, **{f"xl/media/p{i}.bin": b"x" for i in range(1500)}}), "部件"),
        Case("duplicate-part", "坏.xlsx", _duplicate_entry(one, "xl/worksheets/sheet1.xml", _sheet("")), "重名"),
        Case("encrypted-flag", "坏.xlsx", _encrypted_flag(_zip(one)), "加密"),
        Case("macro", "坏.xlsx", _zip({**one, "xl/vbaProject.bin": b"\x00" * 64}), "宏"),
        Case("deep-xml", "坏.xlsx", _zip({**one, "xl/worksheets/sheet1.xml": _sheet(
            '<row r="1"><c r="A1" t="inlineStr"><is>' + "<r>" * 50_000 + "</r>" * 50_000 + "</is></c></row>")}),
             "嵌套"),
        Case("billion-laughs", "坏.xlsx", _zip({**one, "xl/worksheets/sheet1.xml": (
            BILLION_LAUGHS + f'<worksheet xmlns="{MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>'
            "&lol9;</t></is></c></row></sheetData></worksheet>").encode()}), "DOCTYPE"),
        Case("xxe-shared-strings", "坏.xlsx", _zip({**one, "xl/sharedStrings.xml": (
            XXE + f'<sst xmlns="{MAIN}"><si><t>&xxe;</t></si></sst>').encode()}), "DOCTYPE"),
        Case("huge-shared-strings", "坏.xlsx", _zip({**one, "xl/sharedStrings.xml": (
            f'<sst xmlns="{MAIN}"><si><t>' + "项" * 12_000_000 + "</t></si></sst>").encode()}), "压缩"),
        Case("not-a-zip", "坏.xlsx", b"\x00\x01\x02 this is not a workbook", "不是有效的 Excel"),
        Case("empty", "坏.xlsx", b"", "不是有效的 Excel"),
        Case("truncated", "坏.xlsx", _zip(one)[:300], "不是有效的 Excel"),
        Case("xls-97", "坏.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512, "97-2003"),
        Case("csv-extension", "台账.csv", "项目编号,项目名称\n".encode(), ".csv"),
        Case("no-extension", "台账", _zip(one), "不是 Excel 工作簿"),
        Case("docx-renamed-xlsx", "坏.xlsx", docx_text("一份 Word 文件"), "Word 文档"),
        Case("no-visible-sheet", "坏.xlsx", _zip(_xlsx_parts([("项目台账", _sheet(grid([LEDGER_HEADER])),
                                                               "hidden")])), "可见"),
        Case("bad-cell-reference", "坏.xlsx", _zip(_xlsx_parts([("项目台账", _sheet(
            '<row r="1"><c r="1A"><v>1</v></c></row>'), "visible")])), "单元格引用"),
        Case("not-xml", "坏.xlsx", _zip({**one, "xl/worksheets/sheet1.xml": b"<worksheet><sheetData>"}), "XML"),
    ]
    return cases


def docx_cases() -> list[Case]:
    """Refused by files.check_docx before python-docx reads them."""
    plain = _docx_parts(_document("<w:p><w:r><w:t>政府工作报告</w:t></w:r></w:p>"))
    return [
        Case("docx-zip-bomb", "报告.docx", _zip({**plain, "word/document.xml": _document(" " * 30_000_000)}), "压缩"),
        Case("docx-billion-laughs", "报告.docx", _zip({**plain, "word/document.xml": (
            BILLION_LAUGHS + f'<w:document xmlns:w="{WORD}"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p>'
            "</w:body></w:document>").encode()}), "DOCTYPE"),
        Case("docx-xxe", "报告.docx", _zip({**plain, "word/document.xml": (
            XXE + f'<w:document xmlns:w="{WORD}"><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p>'
            "</w:body></w:document>").encode()}), "DOCTYPE"),
        Case("docx-deep-xml", "报告.docx", _zip({**plain, "word/document.xml": _document(
            "<w:sdt><w:sdtContent>" * 20_000 + "</w:sdtContent></w:sdt>" * 20_000)}), "嵌套"),
        Case("docx-not-a-zip", "报告.docx", b"MZ\x90\x00 an executable", "不是有效的 Word"),
        Case("docx-empty", "报告.docx", b"", "不是有效的 Word"),
        Case("docx-truncated", "报告.docx", _zip(plain)[:200], "不是有效的 Word"),
        Case("doc-97", "报告.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512, "97-2003"),
        Case("docx-macro", "报告.docx", _zip({**plain, "word/vbaProject.bin": b"\x00" * 64}), "宏"),
        Case("xlsx-renamed-docx", "报告.docx", xlsx([LEDGER_HEADER]), "Excel 工作簿"),
        Case("docx-1500-parts", "报告.docx", _zip({**plain, **{f"word/media/p{i}.bin": b"x" for i in range(1500)}}),
             "部件"),
        Case("docx-lying-sizes", "报告.docx", _lying_sizes(_zip({**plain, "word/document.xml": _document(
            " " * 3_000_000)})), "Word"),
    ]


def ledger_cases() -> list[Case]:
    """Well-formed workbooks the ledger import must refuse with a row/column problem, writing nothing."""
    good = ["HX-1", "一个好项目", "凌海市", 100]
    hidden = _zip(_xlsx_parts([("说明", _sheet(grid([["本表为说明，不是台账"]])), "visible"),
                               ("项目台账", _sheet(grid([LEDGER_HEADER, good])), "hidden")]))
    return [
        Case("formula-error", "台账.xlsx", xlsx([LEDGER_HEADER, ["HX-1", "一个好项目", "凌海市",
                                                                  ("error", ("1/0", "#DIV/0!"))]]), "公式计算出错"),
        Case("formula-uncalculated", "台账.xlsx", xlsx([LEDGER_HEADER, ["HX-1", "一个好项目", "凌海市",
                                                                         ("formula", "SUM(1,2)")]]), "没有计算结果"),
        Case("duplicated-column", "台账.xlsx", xlsx([[*LEDGER_HEADER, "总投资(万元)"], [*good, 200]]), "出现了两次"),
        Case("money-1e20", "台账.xlsx", xlsx([LEDGER_HEADER, ["HX-1", "一个好项目", "凌海市", 1e20]]), "过大"),
        Case("money-text-1e30", "台账.xlsx", xlsx([LEDGER_HEADER, ["HX-1", "一个好项目", "凌海市", "1e30"]]), "过大"),
        Case("hidden-ledger-sheet", "台账.xlsx", hidden, "找不到表头"),
        Case("huge-cell-echo", "台账.xlsx", xlsx([LEDGER_HEADER, ["HX-1", "一个好项目", "凌海市", "x" * 30_000]]),
             "不是数字"),
    ]


def write_all(folder: Path) -> int:
    folder.mkdir(parents=True, exist_ok=True)
    cases = file_cases() + docx_cases() + ledger_cases()
    for case in cases:
        (folder / f"{case.name}{Path(case.filename).suffix or '.bin'}").write_bytes(case.data)
    return len(cases)


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "hostile-corpus")
    print(f"{write_all(target)} hostile files written to {target}")
