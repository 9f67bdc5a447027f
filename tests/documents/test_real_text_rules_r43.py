"""Rules found on held-out batch R43 after its first-seen measure (a bracket naming only whom an item is assigned to,
an attachment's file name left by a page), each on short sentences written for it."""

from zhenxing.documents.extraction import extract_facts, extract_tasks
from zhenxing.documents.extraction.task_screen import units_only


def _quotes(text: str, **when) -> list[str]:
    return [t.sentence for t in extract_tasks(text, **when)]


def test_a_bracket_of_units_and_their_duty_alone_is_no_task():
    got = _quotes("一、任务分工\n1.确保各项工作开好局起好步。(县政府各部门分别负责,年内持续推进)\n"
                  "2.新建农村公路30公里。(县交通运输局、县财政局、县农业农村局)\n", year=2022)
    assert "新建农村公路30公里" in got and not [q for q in got if q.startswith("(")]


def test_a_bracket_of_units_cut_by_the_page_is_no_task():
    assert units_only("(市发展改革委、市财政局、市人社局、市商务局、人民")
    assert units_only("(区各有关部门分别负责)")


def test_a_bracket_holding_a_work_is_read_as_before():
    assert not units_only("(新建幼儿园3所,市教育局负责)")
    assert not units_only("(二)加快建设现代化产业体系")
    assert not units_only("(含市财政局预算安排资金2亿元)")


def test_an_assigned_item_keeps_its_units():
    got = extract_tasks("一、任务分工\n3.新建城区幼儿园3所。(市教育局牵头,市财政局配合)\n", year=2022)
    assert [(t.lead_unit, t.partner_units) for t in got] == [("教育局", ("财政局",))]


def test_an_attachment_file_name_is_page_furniture():
    text = ("一、2019年重点工作\n今年新建城区幼儿园3所。\n\n"
            "10.16  第 八 期 2019年县政府工作报告三季度完成情况.docx\n附件2 重点项目表.xlsx\n")
    assert _quotes(text, year=2019) == ["今年新建城区幼儿园3所"]
    assert [f.value for f in extract_facts(text, "t", year=2019)] == [3.0]
