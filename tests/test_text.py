"""Text on the way in (controls, look-alikes, invisible characters) and on the way out (XML-safe cells)."""

from io import BytesIO

import pytest
from openpyxl import load_workbook

from zhenxing.documents.exports import TaskRow, tasks_workbook
from zhenxing.errors import Rejected
from zhenxing.text import clean_code, clean_name, clean_text, for_xml, has_invisible, lookalike_key


def test_for_xml_drops_what_xml_cannot_hold_and_keeps_the_rest():
    assert for_xml("张三\x1b\x07\x00 李四\ttab\nline\ufffe") == "张三 李四\ttab\nline"
    assert for_xml(12) == 12 and for_xml(None) is None


def test_a_control_character_in_a_cell_no_longer_breaks_an_export():
    data = tasks_workbook([TaskRow(content="推进\x1b项目", leader="张三\x1b")], year=2025, title="标题\x07")
    sheet = load_workbook(BytesIO(data)).active
    assert sheet["A1"].value == "标题"
    assert sheet["B3"].value == "推进项目" and sheet["E3"].value == "张三"


def test_free_text_loses_controls_and_invisible_characters_but_keeps_lines():
    assert clean_text(" 第一行\r\n第二\x1b行\u200b ", field="description") == "第一行\n第二行"
    assert clean_text("一\n二", field="title", multiline=False) == "一 二"


def test_free_text_over_its_bound_names_the_field():
    with pytest.raises(Rejected) as error:
        clean_text("字" * 11, field="description", max_length=10, label="项目简介")
    assert error.value.field == "description" and "10" in error.value.message


def test_names_and_codes_fold_full_width_look_alikes():
    assert clean_name("ａｄｍｉｎ", field="name") == "admin"
    assert clean_name("  张  三\n", field="name") == "张 三"
    assert clean_code("ＸＭ－２０２５－００１", field="code") == "XM-2025-001"


@pytest.mark.parametrize("text", ["XM\u200b001", "\ufeffXM001", "XM\u202e001", "XM\u2060001"])
def test_an_invisible_character_in_a_code_or_name_is_refused(text):
    with pytest.raises(Rejected) as error:
        clean_code(text, field="code", label="项目编号")
    assert error.value.field == "code" and "不可见字符" in error.value.message
    with pytest.raises(Rejected):
        clean_name(text, field="name")
    assert has_invisible(text)


def test_a_code_with_a_control_character_inside_is_refused():
    with pytest.raises(Rejected):
        clean_code("XM\x1b001", field="code")


def test_look_alike_keys_collide():
    assert lookalike_key("ａｄｍｉｎ") == lookalike_key("Admin") == lookalike_key("ad min") == "admin"
    assert lookalike_key("张三") != lookalike_key("张四")


def test_a_displayed_name_folds_wide_letters_but_keeps_chinese_punctuation():
    from zhenxing.text import clean_label

    assert clean_label("ＡＢＣ　港口物流园（二期）\x1b", field="name") == "ABC 港口物流园（二期）"
    assert clean_label("面积１２０㎡", field="name") == "面积120㎡"
    assert lookalike_key("港口物流园（二期）") == lookalike_key("港口物流园(二期)")
    with pytest.raises(Rejected):
        clean_label("园\u200b区", field="name")
