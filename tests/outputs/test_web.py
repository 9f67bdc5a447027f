"""Downloads keep their Chinese names (RFC 5987) with an ASCII fallback, and carry the right media type."""

from urllib.parse import unquote

from zhenxing.outputs.web import DOCX, XLSX, ascii_fallback, attachment, document_response
from zhenxing.text import for_xml


def test_the_chinese_name_is_percent_encoded_and_the_fallback_is_ascii():
    header = attachment("2026年11月 通报/终稿.docx")["Content-Disposition"]
    plain, encoded = header.split("; filename*=UTF-8''")
    assert plain == 'attachment; filename="2026_11.docx"'
    assert unquote(encoded) == "2026年11月 通报/终稿.docx" and "/" not in encoded and " " not in encoded
    assert header.isascii()


def test_a_wholly_chinese_name_falls_back_to_download_with_its_suffix():
    assert ascii_fallback("任务分解表.xlsx") == "download.xlsx"
    assert ascii_fallback("没有后缀") == "download"


def test_the_response_carries_the_bytes_and_the_media_type_of_the_suffix():
    response = document_response(b"PK..", "通报.docx")
    assert response.body == b"PK.." and response.media_type == DOCX
    assert document_response(b"", "表.xlsx").media_type == XLSX


def test_for_xml_keeps_chinese_tabs_and_newlines_and_drops_control_characters():
    assert for_xml("甲\t乙\n丙\r丁\x00\x08\x0b\x0c\x1f\ud800\uffff戊") == "甲\t乙\n丙\r丁戊"
