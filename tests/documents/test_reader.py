"""Reading .txt (UTF-8, GB18030/GBK) and .docx documents."""

import docx
import pytest

from zhenxing.documents.reader import DocumentReadError, read_document

TEXT = "地区生产总值增长6.5%。\n新建学校12所。"


def test_it_reads_utf8_text(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    assert read_document(path) == TEXT


def test_it_drops_a_utf8_byte_order_mark(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes("\ufeff".encode() + TEXT.encode("utf-8"))
    assert read_document(path) == TEXT


def test_it_reads_gbk_text(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(TEXT.encode("gbk"))
    assert read_document(path) == TEXT


def test_it_reads_docx_paragraphs_joined_by_newlines(tmp_path):
    path = tmp_path / "a.docx"
    document = docx.Document()
    for line in TEXT.split("\n"):
        document.add_paragraph(line)
    document.save(str(path))
    assert read_document(path) == TEXT


def test_undecodable_text_names_the_file(tmp_path):
    path = tmp_path / "bad.txt"
    path.write_bytes(b"\xff\xfe\xff\xff\x80")
    with pytest.raises(DocumentReadError, match="bad.txt"):
        read_document(path)


def test_an_unknown_type_names_the_file(tmp_path):
    path = tmp_path / "report.pdf"
    path.write_bytes(b"%PDF-1.4")
    with pytest.raises(DocumentReadError, match="report.pdf"):
        read_document(path)


def test_a_broken_docx_names_the_file(tmp_path):
    path = tmp_path / "broken.docx"
    path.write_bytes(b"not a zip")
    with pytest.raises(DocumentReadError, match="broken.docx"):
        read_document(path)


def test_a_missing_file_names_the_file(tmp_path):
    with pytest.raises(DocumentReadError, match="missing.txt"):
        read_document(tmp_path / "missing.txt")


def test_it_reads_docx_tables_in_place_as_indicator_rows(tmp_path):
    path = tmp_path / "plan.docx"
    document = docx.Document()
    document.add_paragraph("“十四五”时期主要指标")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "常住人口城镇化率", "65%"
    table.cell(1, 0).text, table.cell(1, 1).text = "研发经费投入年均增长", "12%"
    wide = document.add_table(rows=1, cols=3)
    wide.cell(0, 0).text, wide.cell(0, 1).text, wide.cell(0, 2).text = "指标", "2020年", "2025年"
    document.add_paragraph("以上为预期性指标。")
    document.save(str(path))
    assert read_document(path) == (
        "“十四五”时期主要指标\n常住人口城镇化率:65%\n研发经费投入年均增长:12%\n指标,2020年,2025年\n以上为预期性指标。")
