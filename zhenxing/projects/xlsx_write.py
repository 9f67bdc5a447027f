"""A fast, streaming writer of a one-sheet .xlsx: header row, shared strings, real dates, integers.

openpyxl (even in write-only mode) builds a cell object per value and takes tens of seconds for a
50,000-project ledger; this writes the SpreadsheetML straight into the zip, rows in batches, and
keeps only the distinct strings in memory. Pure: the standard library only.
"""

import re
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any
from xml.sax.saxutils import escape
from zipfile import ZIP_DEFLATED, ZipFile

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE = "http://schemas.openxmlformats.org/package/2006/relationships"
TYPES = "application/vnd.openxmlformats-officedocument.spreadsheetml"
EPOCH = date(1899, 12, 30).toordinal()
BATCH = 500
# XML 1.0 forbids most control characters; Excel refuses a file that has them.
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
HEADER_STYLE, DATE_STYLE = 1, 2

CONTENT_TYPES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="{TYPES}.sheet.main+xml"/>
<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{TYPES}.worksheet+xml"/>
<Override PartName="/xl/styles.xml" ContentType="{TYPES}.styles+xml"/>
<Override PartName="/xl/sharedStrings.xml" ContentType="{TYPES}.sharedStrings+xml"/>
</Types>"""
ROOT_RELS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="{PACKAGE}">
<Relationship Id="rId1" Type="{RELS}/officeDocument" Target="xl/workbook.xml"/>
</Relationships>"""
WORKBOOK_RELS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="{PACKAGE}">
<Relationship Id="rId1" Type="{RELS}/worksheet" Target="worksheets/sheet1.xml"/>
<Relationship Id="rId2" Type="{RELS}/styles" Target="styles.xml"/>
<Relationship Id="rId3" Type="{RELS}/sharedStrings" Target="sharedStrings.xml"/>
</Relationships>"""
STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="{MAIN}">
<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts>
<fonts count="2"><font><sz val="11"/><name val="等线"/><family val="2"/></font>
<font><b/><sz val="11"/><color rgb="FFFFFFFF"/><name val="等线"/><family val="2"/></font></fonts>
<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>
<fill><patternFill patternType="solid"><fgColor rgb="FFB22222"/><bgColor indexed="64"/></patternFill></fill></fills>
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
<xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1" applyAlignment="1">
<alignment horizontal="center" vertical="center" wrapText="1"/></xf>
<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
</styleSheet>"""


def column_letter(index: int) -> str:
    """0 → A, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


class _Strings:
    """The shared-string table: each distinct text once, cells refer to it by number."""

    def __init__(self) -> None:
        self.index: dict[str, int] = {}
        self.count = 0

    def ref(self, text: str) -> int:
        self.count += 1
        number = self.index.get(text)
        if number is None:
            number = self.index[text] = len(self.index)
        return number

    def xml(self) -> str:
        items = "".join(f'<si><t xml:space="preserve">{escape(_ILLEGAL.sub("", text))}</t></si>'
                        for text in self.index)
        return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="{MAIN}" count="{self.count}" '
                f'uniqueCount="{len(self.index)}">{items}</sst>')


def _cell(reference: str, value: Any, strings: _Strings) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return f'<c r="{reference}" t="b"><v>{int(value)}</v></c>'
    if isinstance(value, int | float):
        return f'<c r="{reference}"><v>{value}</v></c>'
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return f'<c r="{reference}" s="{DATE_STYLE}"><v>{value.toordinal() - EPOCH}</v></c>'
    return f'<c r="{reference}" t="s"><v>{strings.ref(str(value))}</v></c>'


def _sheet_head(widths: Sequence[int], frozen: tuple[int, int]) -> str:
    columns, rows = frozen
    top_left = f"{column_letter(columns)}{rows + 1}"
    pane = (f'<pane xSplit="{columns}" ySplit="{rows}" topLeftCell="{top_left}" activePane="bottomRight" '
            f'state="frozen"/><selection pane="bottomRight" activeCell="{top_left}" sqref="{top_left}"/>')
    cols = "".join(f'<col min="{i}" max="{i}" width="{w}" customWidth="1"/>' for i, w in enumerate(widths, 1))
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="{MAIN}" xmlns:r="{RELS}">'
            f'<sheetViews><sheetView workbookViewId="0">{pane}</sheetView></sheetViews>'
            f'<sheetFormatPr defaultRowHeight="15"/><cols>{cols}</cols><sheetData>')


def write_sheet(target: IO[bytes] | Path, *, name: str, header: Sequence[str], widths: Sequence[int],
                rows: Iterable[Sequence[Any]], frozen: tuple[int, int] = (0, 1)) -> int:
    """Write one sheet: a styled header row, then the rows; `frozen` = (columns, rows) kept in view."""
    letters = [column_letter(i) for i in range(len(header))]
    strings = _Strings()
    count = 0
    with ZipFile(target, "w", ZIP_DEFLATED, compresslevel=1) as book:
        with book.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write(_sheet_head(widths, frozen).encode())
            cells = "".join(f'<c r="{letter}1" s="{HEADER_STYLE}" t="s"><v>{strings.ref(text)}</v></c>'
                            for letter, text in zip(letters, header, strict=True))
            batch = [f'<row r="1">{cells}</row>']
            for count, values in enumerate(rows, start=1):
                number = count + 1
                cells = "".join(_cell(f"{letter}{number}", value, strings)
                                for letter, value in zip(letters, values, strict=True))
                batch.append(f'<row r="{number}">{cells}</row>')
                if len(batch) >= BATCH:
                    sheet.write("".join(batch).encode())
                    batch = []
            sheet.write(("".join(batch) + "</sheetData></worksheet>").encode())
        book.writestr("xl/sharedStrings.xml", strings.xml())
        book.writestr("[Content_Types].xml", CONTENT_TYPES)
        book.writestr("_rels/.rels", ROOT_RELS)
        book.writestr("xl/workbook.xml", f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                      f'<workbook xmlns="{MAIN}" xmlns:r="{RELS}"><sheets>'
                      f'<sheet name="{escape(name)}" sheetId="1" r:id="rId1"/></sheets></workbook>')
        book.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        book.writestr("xl/styles.xml", STYLES)
    return count
