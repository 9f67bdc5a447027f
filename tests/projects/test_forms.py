"""What the ledger pages do besides calling the service: errors by field, payloads, history rows."""

from datetime import date
from types import SimpleNamespace

import pytest
from pydantic import ValidationError

from zhenxing.db import import_all_models
from zhenxing.projects import forms
from zhenxing.projects.schemas import ProjectCreate


def test_it_names_each_invalid_field_in_chinese():
    values = {"code": "", "name": "", "region_id": "", "total_investment": "-1", "planned_investment": "1.5"}
    with pytest.raises(ValidationError) as caught:
        ProjectCreate.model_validate(forms.payload(values))
    errors = forms.field_errors(caught.value)
    assert errors == {"code": "必填", "name": "必填", "region_id": "必填", "total_investment": "不能为负数",
                      "planned_investment": "请输入整数"}


def test_blank_money_is_zero_and_blank_references_are_none():
    data = forms.payload({"total_investment": "", "sponsor_id": "", "cluster": "", "plan_signed_on": ""})
    assert data == {"total_investment": 0, "sponsor_id": None, "cluster": "", "plan_signed_on": None}


def test_it_indents_regions_by_depth():
    regions = [SimpleNamespace(id=1, parent_id=None, name="锦州市"), SimpleNamespace(id=2, parent_id=1, name="凌海市"),
               SimpleNamespace(id=3, parent_id=2, name="双羊镇")]
    assert forms.region_choices(regions) == [(1, "锦州市"), (2, "\u3000└ 凌海市"), (3, "\u3000\u3000└ 双羊镇")]


def test_the_timeline_marks_done_current_and_late_stages():
    project = SimpleNamespace(stage="signed", signed_on=date(2024, 5, 1), plan_signed_on=date(2024, 4, 1),
                              plan_landed_on=date(2024, 8, 1), landed_on=None)
    steps = forms.timeline(project, today=date(2024, 9, 1))
    assert [s["state"] for s in steps] == ["done", "current", "ahead", "ahead", "ahead", "ahead"]
    assert steps[2]["late"] and not steps[3]["late"]
    assert steps[2]["overdue_days"] == 31 and steps[3]["overdue_days"] == 0


def test_history_rows_read_in_chinese_and_leave_out_no_op_changes():
    diff = {"total_investment": [12000, 15000], "cluster": [None, ""], "stage": ["planned", "signed"]}
    assert forms.changes(diff) == [("总投资", "1.20亿元", "1.50亿元"), ("项目阶段", "谋划", "签约")]


def test_page_links_keep_the_ends_and_the_neighbourhood():
    assert forms.page_links(1, 1) == [1]
    assert forms.page_links(6, 20) == [1, None, 4, 5, 6, 7, 8, None, 20]
    assert forms.page_links(2, 4) == [1, 2, 3, 4]


def test_history_rows_show_a_bare_value_as_the_new_value():
    assert forms.changes({"file": "台账.xlsx"}) == [("文件", "—", "台账.xlsx")]


def test_other_records_changes_read_with_their_own_labels_and_values():
    import_all_models()  # each area registers its labels where its records are defined
    assert forms.changes({"status": ["pending", "rejected"], "result_id": [None, 7]}, "draft") == [
        ("审核状态", "待审核", "已驳回"), ("台账记录", "—", "7")]
    assert forms.changes({"status": ["open", "met"]}, "target") == [("状态", "跟踪中", "已完成")]
    assert forms.changes({"status": ["pending", "done"]}, "task") == [("状态", "未启动", "已完成")]


def test_a_merged_records_changes_read_under_its_name_and_an_empty_one_shows_nothing():
    assert forms.changes({"project": {"stage": ["started", "operating"]}}, "draft") == [
        ("项目·项目阶段", "开工", "投产")]
    assert forms.changes({"project": {}}, "draft") == []


def test_account_changes_read_in_chinese():
    rows = forms.changes({"role": ["unit", "office"], "active": [True, False], "region": ["凌海市", None]}, "user")
    assert set(rows) == {("启用", "是", "否"), ("地区", "凌海市", "—"), ("角色", "县区/部门", "项目办")}
