"""月报 by Excel: the template carries the user's projects; the import is all rows or none."""

from datetime import date
from io import BytesIO

import pytest
import xlsxwriter
from python_calamine import CalamineWorkbook
from sqlalchemy import func, select

from tests.factories import make_project
from zhenxing import audit
from zhenxing.auth.service import scope_for
from zhenxing.dispatch import report_import
from zhenxing.dispatch.models import ProgressReport
from zhenxing.errors import Forbidden, Rejected
from zhenxing.projects import plans

TODAY = date(2025, 6, 10)


@pytest.fixture
def projects(session, world):
    ours = [make_project(session, region_id=world.linghai.id) for _ in range(2)]
    theirs = make_project(session, region_id=world.heishan.id)
    for project in (*ours, theirs):
        plans.set_plan(session=session, actor=None, scope=scope_for(session, world.office), project=project,
                       year=2025, planned_investment=1200, today=TODAY)
    session.commit()
    return ours, theirs


def template(session, user, period="2025-05") -> bytes:
    buffer = BytesIO()
    report_import.write_template(session=session, user=user, scope=scope_for(session, user), period=period,
                                 target=buffer)
    return buffer.getvalue()


def sheet_rows(data: bytes) -> list[list]:
    return CalamineWorkbook.from_object(BytesIO(data)).get_sheet_by_name("月报").to_python()


def filled(rows: list[list], values: dict[str, list]) -> bytes:
    """The template's rows with report cells filled in by project code."""
    buffer = BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    sheet = book.add_worksheet("月报")
    for r, line in enumerate(rows):
        cells = list(line)
        if r >= 2 and cells[1] in values:
            cells[6:12] = values[cells[1]]
        sheet.write_row(r, 0, cells)
    book.close()
    return buffer.getvalue()


def do_import(session, user, data, **kwargs):
    return report_import.import_reports(session=session, actor=user, scope=scope_for(session, user), data=data,
                                        filename="月报.xlsx", today=TODAY, **kwargs)


def test_the_template_lists_only_the_users_projects_for_the_period(session, world, projects):
    ours, theirs = projects
    rows = sheet_rows(template(session, world.county))
    assert rows[0][0] == "2025年5月重点项目月报（凌海市）"
    assert [line[1] for line in rows[2:]] == [p.code for p in ours]
    assert rows[1][6] == "本月完成投资(万元)"


def test_a_filled_template_files_every_row(session, world, projects):
    ours, _ = projects
    data = filled(sheet_rows(template(session, world.county)), {
        ours[0].code: [120, "土建完成60%", 60, "用地指标未落实", "主体封顶", "是"],
        ours[1].code: [0, "停工待料", "", "", "", "否"]})
    result = do_import(session, world.county, data)
    session.commit()
    assert (result.created, result.updated, result.period) == (2, 0, "2025-05")
    first = session.scalar(select(ProgressReport).where(ProgressReport.project_id == ours[0].id))
    assert (first.completed_investment, first.physical_percent, first.registered) == (120, 60, True)
    assert "导入月报 月报.xlsx（2025年5月）：新填 2 个" in audit.list_events(session, action="import")[0].summary


def test_importing_again_corrects_and_counts_the_unchanged(session, world, projects):
    ours, _ = projects
    rows = sheet_rows(template(session, world.county))
    do_import(session, world.county, filled(rows, {ours[0].code: [120, "土建", "", "", "", "否"],
                                                  ours[1].code: [50, "土建", "", "", "", "否"]}))
    session.commit()
    again = do_import(session, world.county, filled(sheet_rows(template(session, world.county)),
                                                    {ours[0].code: [150, "土建", "", "", "", "否"]}))
    assert (again.created, again.updated, again.unchanged) == (0, 1, 1)


def test_every_bad_cell_is_reported_by_row_and_column_and_nothing_is_written(session, world, projects):
    ours, theirs = projects
    rows = sheet_rows(template(session, world.office))
    rows.append([9, "NO-SUCH", "", "", "", "", 10, "", "", "", "", "否"])
    data = filled(rows, {ours[0].code: [-5, "x", 130, "", "", "也许"], theirs.code: [10, "", "", "", "", "否"]})
    with pytest.raises(Rejected) as caught:
        do_import(session, world.county, data)
    found = {(d["row"], d["column"]) for d in caught.value.details}
    assert found == {(3, "本月完成投资(万元)"), (3, "工程形象进度(%)"), (3, "是否入库"), (5, "项目编号"),
                     (6, "项目编号")}
    messages = " ".join(d["message"] for d in caught.value.details)
    assert "不能为负数" in messages and "不在本人管辖范围内" in messages and "未知的项目编号“NO-SUCH”" in messages
    session.rollback()
    assert session.scalar(select(func.count(ProgressReport.id))) == 0


def test_a_period_in_the_future_is_refused(session, world, projects):
    ours, _ = projects
    data = filled(sheet_rows(template(session, world.county, "2025-07")), {ours[0].code: [1, "", "", "", "", "否"]})
    with pytest.raises(Rejected, match="未来"):
        do_import(session, world.county, data)


def test_a_period_that_contradicts_the_title_is_refused(session, world, projects):
    ours, _ = projects
    data = filled(sheet_rows(template(session, world.county)), {ours[0].code: [1, "", "", "", "", "否"]})
    with pytest.raises(Rejected, match="不一致"):
        do_import(session, world.county, data, period="2025-04")


def test_not_an_excel_file_is_refused_naming_the_file(session, world, projects):
    with pytest.raises(Rejected, match="月报.xlsx"):
        do_import(session, world.county, b"not a spreadsheet")


def test_the_leader_cannot_import(session, world, projects):
    with pytest.raises(Forbidden):
        do_import(session, world.leader, template(session, world.leader))
