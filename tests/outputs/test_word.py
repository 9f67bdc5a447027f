"""Word documents out: the official layout read back with python-docx, then printed by LibreOffice."""

from datetime import date
from io import BytesIO

import pytest
from docx import Document
from docx.oxml.ns import qn

from tests.outputs.printing import pdf_fonts, pdf_text, printed
from zhenxing.outputs import DocSpec, Heading, PageBreak, Paragraph, Table, chinese_date, render_docx
from zhenxing.outputs.word import heading_number


def notice(**overrides) -> DocSpec:
    values = dict(
        title="关于2026年11月重点项目推进情况的通报", issuer="锦州市振兴办文件", doc_number="锦振兴办〔2026〕12号",
        recipients="各县（市、区）振兴办：", number_headings=True,
        blocks=[Heading("总体情况"), Paragraph("截至11月底，全市重点项目开工率92.5%，完成投资318.6亿元。"),
                Heading("分县区情况", 2),
                Table(["序号", "县区", "项目数", "完成投资(亿元)"],
                      [[1, "太和区", 12, "35.20"], [2, "凌河区", 8, None]], caption="表1 分县区推进情况"),
                Heading("下步工作"), Heading("压实责任", 2), Paragraph("各县区要逐项销号。")],
        signature="锦州市振兴办", signed_on=date(2026, 11, 30))
    values.update(overrides)
    return DocSpec(**values)


def opened(spec: DocSpec):
    return Document(BytesIO(render_docx(spec)))


def test_headings_are_numbered_by_level_and_restart_under_a_new_parent():
    texts = [p.text for p in opened(notice()).paragraphs if p.style.name.startswith("Heading")]
    assert texts == ["一、总体情况", "（一）分县区情况", "二、下步工作", "（一）压实责任"]
    assert [heading_number(level, 3) for level in (1, 2, 3, 4)] == ["三、", "（三）", "3.", "（3）"]


def test_the_document_uses_the_official_fonts_sizes_and_a4_margins():
    document = opened(notice())
    section = document.sections[0]
    assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297
    assert (round(section.top_margin.mm), round(section.left_margin.mm)) == (37, 28)
    by_text = {p.text: p for p in document.paragraphs}
    title = by_text["关于2026年11月重点项目推进情况的通报"].runs[0]
    assert title.font.size.pt == 22 and title._element.rPr.rFonts.get(qn("w:eastAsia")) == "方正小标宋简体"
    body = by_text["截至11月底，全市重点项目开工率92.5%，完成投资318.6亿元。"]
    assert body.runs[0]._element.rPr.rFonts.get(qn("w:eastAsia")) == "仿宋_GB2312"
    assert body.paragraph_format.first_line_indent.pt == 32  # two characters of 16 pt
    assert by_text["一、总体情况"].runs[0]._element.rPr.rFonts.get(qn("w:eastAsia")) == "黑体"
    assert by_text["（一）分县区情况"].runs[0]._element.rPr.rFonts.get(qn("w:eastAsia")) == "楷体_GB2312"
    assert by_text["2026年11月30日"].alignment == 2  # right


def test_the_font_table_names_noto_cjk_as_the_alternative_of_each_official_font():
    document = opened(notice())
    part = next(rel.target_part for rel in document.part.rels.values() if rel.reltype.endswith("/fontTable"))
    text = part.blob.decode()
    assert 'w:name="仿宋_GB2312"><w:altName w:val="Noto Serif CJK SC"/>' in text
    assert 'w:name="黑体"><w:altName w:val="Noto Sans CJK SC"/>' in text


def test_the_table_has_a_repeating_header_and_blank_for_missing_values():
    table = opened(notice()).tables[0]
    assert [c.text for c in table.rows[0].cells] == ["序号", "县区", "项目数", "完成投资(亿元)"]
    assert [c.text for c in table.rows[2].cells] == ["2", "凌河区", "8", ""]
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None


def test_control_characters_from_pasted_text_are_removed_not_fatal():
    spec = notice(title="通报\x00\x0b", blocks=[Paragraph("第一段\x01\x1f内容\ufffe"),
                                              Table(["项\x02目"], [["值\x03"]])])
    document = opened(spec)
    texts = [p.text for p in document.paragraphs]
    assert "通报" in texts and "第一段内容" in texts
    assert document.tables[0].rows[1].cells[0].text == "值"


def test_the_date_is_written_the_official_way():
    assert chinese_date(date(2026, 1, 5)) == "2026年1月5日"


def test_a_tables_column_widths_are_in_its_grid_as_well_as_its_cells():
    document = opened(notice(blocks=[Table(["序号", "事项", "单位"], [[1, "甲", "乙"]], widths_mm=(12, 100, 44))]))
    table = document.tables[0]
    assert [round(column.width.mm) for column in table.columns] == [12, 100, 44]  # LibreOffice reads the grid
    assert [round(cell.width.mm) for cell in table.rows[1].cells] == [12, 100, 44]


def test_every_row_of_a_long_table_has_its_own_text_widths_fonts_and_centring():
    rows = [[i, f"项目{i}", None if i % 3 else " 首尾空格 ", "第一行\n第二行" if i == 5 else "x\x07y", 12.5]
            for i in range(1, 41)]
    spec = notice(blocks=[Table(["序号", "名称", "备注", "说明", "金额"], rows, widths_mm=(12, 60, 30, 40, 20),
                                centred_columns=(0, 4))])
    table = opened(spec).tables[0]
    for source, row in zip(rows, table.rows[1:], strict=True):
        expected = ["" if v is None else str(v).replace("\x07", "") for v in source]
        assert [cell.text for cell in row.cells] == expected
        assert [round(cell.width.mm) for cell in row.cells] == [12, 60, 30, 40, 20]
        assert [cell.paragraphs[0].alignment for cell in row.cells] == [1, 0, 0, 0, 1]  # centred, left
        fonts = {r._element.rPr.rFonts.get(qn("w:eastAsia")) for c in row.cells for r in c.paragraphs[0].runs}
        assert fonts == {"仿宋_GB2312"}


def test_the_body_keeps_with_the_signature_and_date():
    def kept(document) -> list[str]:
        return [p.text for p in document.paragraphs if p.paragraph_format.keep_with_next]

    after_text = opened(notice())
    assert kept(after_text) == ["各县区要逐项销号。", "", "锦州市振兴办"]
    ends_in_table = opened(notice(blocks=[Paragraph("正文。"), Table(["序号", "事项"], [[1, "甲"], [2, "乙"]])]))
    last_row, first_row = ends_in_table.tables[0].rows[-1], ends_in_table.tables[0].rows[1]
    assert all(c.paragraphs[0].paragraph_format.keep_with_next for c in last_row.cells)
    assert not any(c.paragraphs[0].paragraph_format.keep_with_next for c in first_row.cells)
    assert kept(ends_in_table) == ["", "", "锦州市振兴办"]  # the blank after the table, the one before the name
    assert kept(opened(notice(signature=None, signed_on=None))) == []


def test_an_unknown_block_is_refused():
    with pytest.raises(TypeError):
        render_docx(DocSpec(title="x", blocks=["not a block"]))


def test_printed_by_libreoffice_the_notice_shows_every_part_in_order_with_cjk_fonts():
    reader = printed(render_docx(notice()))
    text = pdf_text(reader)
    parts = ["锦州市振兴办文件", "锦振兴办〔2026〕12号", "关于2026年11月重点项目推进情况的通报",
             "各县（市、区）振兴办：",
             "一、总体情况", "（一）分县区情况", "表1分县区推进情况", "1太和区1235.20", "二、下步工作",
             "各县区要逐项销号。", "锦州市振兴办", "2026年11月30日"]
    at = 0
    for part in parts:  # each part after the one before
        found = text.find(part, at)
        assert found >= 0, (part, text[at:])
        at = found + len(part)
    for number, page in enumerate(reader.pages, 1):  # "— n —" at the foot of every page
        assert f"—{number}—" in (page.extract_text() or "").replace(" ", "")
    fonts = pdf_fonts(reader)
    assert any("SerifCJK" in name for name in fonts), fonts  # 仿宋/小标宋 fall back to Noto Serif CJK
    assert any("SansCJK" in name for name in fonts), fonts  # 黑体 falls back to Noto Sans CJK


def test_a_long_document_breaks_pages_and_numbers_each_one():
    blocks = [Paragraph("第一页。"), PageBreak(), Paragraph("第二页。")]
    reader = printed(render_docx(DocSpec(title="两页的文件", blocks=blocks)))
    assert len(reader.pages) == 2
    assert "—2—" in (reader.pages[1].extract_text() or "").replace(" ", "")
