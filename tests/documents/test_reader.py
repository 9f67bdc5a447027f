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
