"""Word documents out (.docx, python-docx) in the official layout of GB/T 9704-2012. Pure.

An area describes the document — `DocSpec` with a title, an optional 发文机关标志 and 文号, blocks (headings,
paragraphs, tables, page breaks), a signature and a date — and `render_docx` returns the bytes. The layout:
A4 with margins 37/35/28/26 mm; title in 方正小标宋简体 二号 (22 pt); body in 仿宋_GB2312 三号 (16 pt) with a
two-character first-line indent and a fixed 28 pt line pitch (22 lines a page); headings 一、 in 黑体,
（一） in 楷体_GB2312, 1. and （1） in 仿宋; page numbers "— 1 —" at the foot. The official fonts are named in
the file; where a machine lacks them, the font table names Noto CJK as the alternative, so Word, WPS and
LibreOffice fall back to it rather than to a font without Chinese glyphs. Every string passes through `for_xml`.
"""

from collections.abc import Sequence
from copy import deepcopy
from dataclasses import dataclass, field
from datetime import date
from io import BytesIO

import cn2an
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_LINE_SPACING
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt, RGBColor
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph as DocxParagraph
from lxml import etree

from zhenxing.text import for_xml


@dataclass(frozen=True)
class Fonts:
    """Font names written into the document, and the Noto CJK fonts named as their alternatives."""

    title: str = "方正小标宋简体"
    body: str = "仿宋_GB2312"
    heading: str = "黑体"  # 一、
    subheading: str = "楷体_GB2312"  # （一）
    latin: str = "Times New Roman"  # digits and Latin letters in the body
    page_number: str = "宋体"
    serif_fallback: str = "Noto Serif CJK SC"
    sans_fallback: str = "Noto Sans CJK SC"

    def fallbacks(self) -> dict[str, str]:
        sans = {self.heading}
        return {name: self.sans_fallback if name in sans else self.serif_fallback
                for name in (self.title, self.body, self.heading, self.subheading, self.page_number)}


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 1  # 1: 一、 (黑体) 2: （一） (楷体) 3: 1. (仿宋 bold) 4: （1） (仿宋)


@dataclass(frozen=True)
class Paragraph:
    text: str
    indent: bool = True  # the two-character first-line indent of body text
    bold: bool = False
    align: str = "justify"  # justify, left, center, right


@dataclass(frozen=True)
class Table:
    headers: Sequence[str]
    rows: Sequence[Sequence[object]]
    widths_mm: Sequence[float] | None = None  # default: the text width shared equally
    caption: str | None = None  # a centred 黑体 line above the table
    font_size: float = 12  # 小四
    centred_columns: Sequence[int] = (0,)


@dataclass(frozen=True)
class PageBreak:
    pass


Block = Heading | Paragraph | Table | PageBreak


@dataclass
class DocSpec:
    title: str
    blocks: Sequence[Block] = ()
    issuer: str | None = None  # 发文机关标志, e.g. "锦州市振兴办文件" — red, above the 文号 and the red line
    doc_number: str | None = None  # 文号, e.g. "锦振兴办〔2026〕12号"
    recipients: str | None = None  # 主送机关, e.g. "各县（市、区）振兴办："
    signature: str | None = None  # 发文机关署名
    signed_on: date | None = None  # 成文日期, written 2026年11月30日
    number_headings: bool = False  # prefix headings with 一、（一）1.（1） by their level
    landscape: bool = False
    fonts: Fonts = field(default_factory=Fonts)


BODY_PT = 16  # 三号
TITLE_PT = 22  # 二号
LINE_PT = 28  # fixed line pitch: 22 lines on the A4 text block
RED = RGBColor(0xFF, 0x00, 0x00)


def chinese_date(day: date) -> str:
    """2026年11月30日 (GB/T 9704-2012 writes the date in Arabic numerals, without leading zeros)."""
    return f"{day.year}年{day.month}月{day.day}日"


def heading_number(level: int, n: int) -> str:
    """The prefix of the n-th heading at a level: 一、 （一） 1. （1）."""
    if level == 1:
        return f"{cn2an.an2cn(n)}、"
    if level == 2:
        return f"（{cn2an.an2cn(n)}）"
    if level == 3:
        return f"{n}."
    return f"（{n}）"


def render_docx(spec: DocSpec) -> bytes:
    """The document as .docx bytes."""
    document = Document()
    _page(document, spec)
    _styles(document, spec.fonts)
    _font_table(document, spec.fonts)
    if spec.issuer:
        _issuer(document, spec)
    elif spec.doc_number:
        _doc_number(document, spec, red_line=False)
    _title(document, spec)
    if spec.recipients:
        _text(document, spec.fonts, spec.recipients, indent=False, align="left")
    _blocks(document, spec)
    _closing(document, spec)
    _page_numbers(document, spec.fonts)
    document.core_properties.title = for_xml(spec.title)
    document.core_properties.author = for_xml(spec.signature or "振兴")
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _page(document, spec: DocSpec) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    if spec.landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Mm(297), Mm(210)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    section.footer_distance = Mm(20)


def _set_fonts(element_run, east_asia: str, latin: str) -> None:
    """Name the fonts of a run or a style: East Asian text in `east_asia`, digits and Latin in `latin`."""
    properties = element_run.get_or_add_rPr()
    fonts = properties.find(qn("w:rFonts"))
    if fonts is None:
        fonts = parse_xml(f"<w:rFonts {nsdecls('w')}/>")
        properties.insert(0, fonts)
    for attribute, value in (("w:eastAsia", east_asia), ("w:ascii", latin), ("w:hAnsi", latin), ("w:cs", latin)):
        fonts.set(qn(attribute), value)
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme), None)


def _styles(document, fonts: Fonts) -> None:
    normal = document.styles["Normal"]
    normal.font.size = Pt(BODY_PT)
    normal.font.name = fonts.latin
    _set_fonts(normal.element, fonts.body, fonts.latin)
    spacing = normal.paragraph_format
    spacing.line_spacing_rule, spacing.line_spacing = WD_LINE_SPACING.EXACTLY, Pt(LINE_PT)
    spacing.space_before = spacing.space_after = Pt(0)
    spacing.widow_control = False
    east_asia = {1: fonts.heading, 2: fonts.subheading, 3: fonts.body, 4: fonts.body}
    for level in range(1, 5):  # Word's own heading styles, so the navigation pane and outline work
        style = document.styles[f"Heading {level}"]
        style.font.size, style.font.bold, style.font.italic = Pt(BODY_PT), level == 3, False
        style.font.color.rgb = RGBColor(0, 0, 0)
        _set_fonts(style.element, east_asia[level], fonts.latin)
        layout = style.paragraph_format
        layout.line_spacing_rule, layout.line_spacing = WD_LINE_SPACING.EXACTLY, Pt(LINE_PT)
        layout.space_before = layout.space_after = Pt(0)
        layout.first_line_indent = Pt(BODY_PT * 2)
        layout.keep_with_next = True


def _font_table(document, fonts: Fonts) -> None:
    """Name Noto CJK as each official font's alternative (w:altName) in word/fontTable.xml."""
    for rel in document.part.rels.values():
        if rel.reltype.endswith("/fontTable"):
            part = rel.target_part
            table = parse_xml(part.blob)
            known = {node.get(qn("w:name")) for node in table.findall(qn("w:font"))}
            for name, fallback in fonts.fallbacks().items():
                if name in known:
                    continue
                table.append(parse_xml(
                    f'<w:font {nsdecls("w")} w:name="{name}"><w:altName w:val="{fallback}"/>'
                    f'<w:charset w:val="86"/><w:family w:val="{"swiss" if "Sans" in fallback else "roman"}"/>'
                    f'<w:pitch w:val="variable"/></w:font>'))
                known.add(name)
            part._blob = etree.tostring(table, xml_declaration=True, encoding="UTF-8", standalone=True)  # noqa: SLF001
            return


def _run(paragraph: DocxParagraph, text: str, *, east_asia: str, latin: str, size: float, bold: bool = False,
         color: RGBColor | None = None):
    run = paragraph.add_run(for_xml(text))
    run.font.size, run.font.bold = Pt(size), bold
    run.font.name = latin
    _set_fonts(run._element, east_asia, latin)  # noqa: SLF001
    if color is not None:
        run.font.color.rgb = color
    return run


ALIGN = {"justify": WD_ALIGN_PARAGRAPH.JUSTIFY, "left": WD_ALIGN_PARAGRAPH.LEFT,
         "center": WD_ALIGN_PARAGRAPH.CENTER, "right": WD_ALIGN_PARAGRAPH.RIGHT}


def _text(document, fonts: Fonts, text: str, *, indent: bool = True, align: str = "justify", bold: bool = False,
          right_indent_pt: float = 0) -> DocxParagraph:
    paragraph = document.add_paragraph()
    paragraph.alignment = ALIGN.get(align, WD_ALIGN_PARAGRAPH.JUSTIFY)
    paragraph.paragraph_format.first_line_indent = Pt(BODY_PT * 2) if indent else Pt(0)
    if right_indent_pt:
        paragraph.paragraph_format.right_indent = Pt(right_indent_pt)
    _run(paragraph, text, east_asia=fonts.body, latin=fonts.latin, size=BODY_PT, bold=bold)
    return paragraph


def _issuer(document, spec: DocSpec) -> None:
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
    paragraph.paragraph_format.space_before = Pt(LINE_PT)
    paragraph.paragraph_format.space_after = Pt(LINE_PT)
    _run(paragraph, spec.issuer or "", east_asia=spec.fonts.title, latin=spec.fonts.latin, size=36, color=RED)
    _doc_number(document, spec, red_line=True)


def _doc_number(document, spec: DocSpec, *, red_line: bool) -> None:
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if spec.doc_number:
        _run(paragraph, spec.doc_number, east_asia=spec.fonts.body, latin=spec.fonts.latin, size=BODY_PT)
    if red_line:  # the 版头 separator: a red rule under the 文号
        borders = parse_xml(f'<w:pBdr {nsdecls("w")}><w:bottom w:val="single" w:sz="12" w:space="4" '
                            f'w:color="FF0000"/></w:pBdr>')
        paragraph._p.get_or_add_pPr().append(borders)  # noqa: SLF001
    paragraph.paragraph_format.space_after = Pt(LINE_PT)


def _title(document, spec: DocSpec) -> None:
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    layout = paragraph.paragraph_format
    layout.line_spacing_rule, layout.line_spacing = WD_LINE_SPACING.EXACTLY, Pt(35)
    layout.space_after = Pt(LINE_PT)
    _run(paragraph, spec.title, east_asia=spec.fonts.title, latin=spec.fonts.latin, size=TITLE_PT)


def _blocks(document, spec: DocSpec) -> None:
    counters = [0, 0, 0, 0, 0]
    for block in spec.blocks:
        if isinstance(block, Heading):
            level = min(max(block.level, 1), 4)
            counters[level] += 1
            for deeper in range(level + 1, 5):
                counters[deeper] = 0
            prefix = heading_number(level, counters[level]) if spec.number_headings else ""
            paragraph = document.add_paragraph(style=f"Heading {level}")
            east_asia = {1: spec.fonts.heading, 2: spec.fonts.subheading}.get(level, spec.fonts.body)
            _run(paragraph, prefix + block.text, east_asia=east_asia, latin=spec.fonts.latin, size=BODY_PT,
                 bold=level == 3)
        elif isinstance(block, Paragraph):
            _text(document, spec.fonts, block.text, indent=block.indent, align=block.align, bold=block.bold)
        elif isinstance(block, Table):
            _table(document, spec, block)
        elif isinstance(block, PageBreak):
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        else:
            raise TypeError(f"not a document block: {block!r}")


def _table(document, spec: DocSpec, block: Table) -> DocxTable:
    fonts = spec.fonts
    if block.caption:
        caption = document.add_paragraph()
        caption.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _run(caption, block.caption, east_asia=fonts.heading, latin=fonts.latin, size=BODY_PT)
    table = document.add_table(rows=1, cols=len(block.headers))
    table.style = document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    section = document.sections[0]
    usable = (section.page_width - section.left_margin - section.right_margin) / Mm(1)
    widths = list(block.widths_mm or [usable / len(block.headers)] * len(block.headers))
    header = table.rows[0]
    header._tr.get_or_add_trPr().append(parse_xml(f'<w:tblHeader {nsdecls("w")}/>'))  # noqa: SLF001 - repeats
    header_cells = header.cells
    for index, text in enumerate(block.headers):
        _cell(header_cells[index], str(text), fonts.heading, fonts, block.font_size, centred=True)
    _widths(header_cells, widths)
    _body_rows(table, block, fonts, widths)
    for index, width in enumerate(widths):  # the grid (LibreOffice and WPS lay the table out by it)
        table.columns[index].width = Mm(width)
    document.add_paragraph()  # a table must not touch the next paragraph
    return table


def _body_rows(table: DocxTable, block: Table, fonts: Fonts, widths: list[float]) -> None:
    """Formatting a cell through python-docx costs ~3 ms, so one row is formatted and each row is a copy of it
    with its own text (a 2,000-row table: 9 s → under 1 s). A value with a line break or tab takes the slow
    path, where python-docx turns them into w:br and w:tab."""
    columns = len(block.headers)
    template = None
    for values in block.rows:
        texts = [_cell_text(values, index) for index in range(columns)]
        if template is None or any("\n" in text or "\t" in text for text in texts):
            cells = table.add_row().cells  # python-docx builds this list on each access: take it once per row
            for index, text in enumerate(texts):
                _cell(cells[index], text or " ", fonts.body, fonts, block.font_size,
                      centred=index in block.centred_columns)
            _widths(cells, widths)
            row = table.rows[-1]._tr  # noqa: SLF001
            if template is None and not any("\n" in text or "\t" in text for text in texts):
                template = deepcopy(row)
            _set_texts(row, texts)
            continue
        row = deepcopy(template)
        _set_texts(row, texts)
        table._tbl.append(row)  # noqa: SLF001


def _cell_text(values, index: int) -> str:
    value = values[index] if index < len(values) else ""
    return "" if value is None else str(value)


XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def _set_texts(row, texts: list[str]) -> None:
    """Each cell of a row built by _cell has one run; its w:t takes the cell's text."""
    for cell, text in zip(row.findall(qn("w:tc")), texts, strict=True):
        runs = cell.findall(f".//{qn('w:t')}")
        if len(runs) == 1 and "\n" not in text and "\t" not in text:
            runs[0].text = for_xml(text)
            runs[0].set(XML_SPACE, "preserve")


def _widths(cells, widths: list[float]) -> None:
    for cell, width in zip(cells, widths, strict=False):
        cell.width = Mm(width)


def _cell(cell, text: str, east_asia: str, fonts: Fonts, size: float, *, centred: bool) -> None:
    paragraph = cell.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER if centred else WD_ALIGN_PARAGRAPH.LEFT
    layout = paragraph.paragraph_format
    layout.first_line_indent = Pt(0)
    layout.line_spacing_rule, layout.line_spacing = WD_LINE_SPACING.SINGLE, None
    _run(paragraph, text, east_asia=east_asia, latin=fonts.latin, size=size)


def _keep_with_closing(document) -> None:
    """The body's last text keeps with the signature and date, so they never stand alone on a last page: the
    last paragraph with text — or, where the body ends in a table, its last row — and the blank paragraphs
    between are kept with the next paragraph (Word, WPS and LibreOffice all honour w:keepNext, in a table's
    last row too)."""
    body = document.element.body
    for child in reversed([c for c in body.iterchildren() if c.tag != qn("w:sectPr")]):
        if child.tag == qn("w:p"):
            child.get_or_add_pPr().keepNext_val = True
            if "".join(child.itertext()).strip():
                return
        elif child.tag == qn("w:tbl"):
            rows = child.findall(qn("w:tr"))
            for paragraph in rows[-1].iter(qn("w:p")) if rows else ():
                paragraph.get_or_add_pPr().keepNext_val = True
            return
        else:
            return


def _closing(document, spec: DocSpec) -> None:
    if not (spec.signature or spec.signed_on):
        return
    _keep_with_closing(document)
    document.add_paragraph().paragraph_format.keep_with_next = True
    written = chinese_date(spec.signed_on) if spec.signed_on else ""
    date_indent = BODY_PT * 4  # 成文日期右空四字
    if spec.signature:
        # the signature is centred over the date
        offset = date_indent + max(len(written) - len(spec.signature), 0) * BODY_PT / 2
        signature = _text(document, spec.fonts, spec.signature, indent=False, align="right", right_indent_pt=offset)
        signature.paragraph_format.keep_with_next = bool(written)
    if written:
        _text(document, spec.fonts, written, indent=False, align="right", right_indent_pt=date_indent)


def _page_numbers(document, fonts: Fonts) -> None:
    """"— 1 —" centred in the footer, 宋体 四号 (14 pt), from a PAGE field."""
    footer = document.sections[0].footer
    paragraph = footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(paragraph, "— ", east_asia=fonts.page_number, latin=fonts.page_number, size=14)
    field_run = _run(paragraph, "", east_asia=fonts.page_number, latin=fonts.page_number, size=14)
    for xml in (f'<w:fldChar {nsdecls("w")} w:fldCharType="begin"/>',
                f'<w:instrText {nsdecls("w")} xml:space="preserve"> PAGE </w:instrText>',
                f'<w:fldChar {nsdecls("w")} w:fldCharType="separate"/>',
                f'<w:t {nsdecls("w")}>1</w:t>',
                f'<w:fldChar {nsdecls("w")} w:fldCharType="end"/>'):
        field_run._element.append(parse_xml(xml))  # noqa: SLF001
    _run(paragraph, " —", east_asia=fonts.page_number, latin=fonts.page_number, size=14)
