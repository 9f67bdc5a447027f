"""The ledger import service: all or nothing, matching by code, the audit trail, round trips, scope."""

from datetime import date
from io import BytesIO
from pathlib import Path
from types import SimpleNamespace

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from tests.factories import make_project
from tests.projects.test_excel import HEADER, workbook_bytes
from zhenxing.audit import AuditEvent
from zhenxing.auth.service import scope_for
from zhenxing.errors import Forbidden, Rejected
from zhenxing.org.models import Person
from zhenxing.projects import excel, importer
from zhenxing.projects.models import Project
from zhenxing.projects.service import ProjectFilters, snapshot

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture
def ledger(world, session):
    projects = SimpleNamespace(
        port=make_project(session, code="JZ-101", name="锦州港扩建工程", region_id=world.city.id,
                          lead_unit_id=world.fgw.id, sponsor_id=world.sponsor.id, cluster="石化",
                          track="upgrade", company="锦州港股份", total_investment=500000, stage="started",
                          signed_on=date(2024, 2, 1), started_on=date(2024, 6, 1),
                          plan_completed_on=date(2026, 12, 31), description="泊位与航道"),
        wind=make_project(session, code="JZ-102", name="凌海风电项目", region_id=world.linghai.id,
                          steward_id=world.steward.person_id, cluster="新能源", track="emerging",
                          total_investment=8000, stage="signed", signed_on=date(2025, 3, 1)),
        solar=make_project(session, code="JZ-103", name="黑山县光伏电站", region_id=world.heishan.id,
                           total_investment=30000, stage="landed", status="suspended"),
    )
    session.commit()
    return projects


def run_import(session, world, data: bytes, *, user=None, dry_run=False, filename="台账.xlsx", create_people=True):
    user = user or world.office
    report = importer.import_ledger(session=session, actor=user, scope=scope_for(session, user), data=data,
                                    filename=filename, dry_run=dry_run, create_people=create_people)
    session.commit()
    return report


def export_bytes(session, world, user=None, filters=None) -> bytes:
    user = user or world.office
    buffer = BytesIO()
    importer.export_ledger(session=session, scope=scope_for(session, user), filters=filters or ProjectFilters(),
                           target=buffer)
    return buffer.getvalue()


def count(session, model, *where) -> int:
    return session.scalar(select(func.count()).select_from(model).where(*where))


def audit_actions(session) -> list[str]:
    return list(session.scalars(select(AuditEvent.action).where(AuditEvent.entity == "project")
                                .order_by(AuditEvent.id)))


def test_it_imports_the_sample_ledger(world, session):
    report = run_import(session, world, (DATA / "ledger_valid.xlsx").read_bytes(), filename="ledger_valid.xlsx")
    assert (report.created, report.updated, report.unchanged) == (3, 0, 0)
    assert report.people_created == ["张新管家"]
    park = session.scalar(select(Project).where(Project.code == "JZ-001"))
    assert (park.region.name, park.lead_unit.name, park.sponsor.name, park.steward.name) == (
        "凌海市", "市发展改革委", "王振国", "刘佳")
    assert park.steward_id == world.steward.person_id  # found by name, not created again
    assert (park.track, park.stage, park.total_investment, park.started_on) == (
        "emerging", "started", 120000, date(2025, 4, 18))
    farm = session.scalar(select(Project).where(Project.code == "JZ-002"))
    assert (farm.stage, farm.status, farm.lead_unit, farm.completed_investment) == ("planned", "active", None, 0)
    assert audit_actions(session) == ["create", "create", "create", "import"]
    summary = session.scalar(select(AuditEvent).where(AuditEvent.action == "import"))
    assert "ledger_valid.xlsx" in summary.summary and summary.actor_name == "office"
    assert summary.changes["created"] == [None, 3]


def test_it_imports_nothing_when_any_row_is_bad_and_reports_every_error(world, session, ledger):
    data = (DATA / "ledger_errors.xlsx").read_bytes()
    with pytest.raises(Rejected) as caught:
        run_import(session, world, data, filename="ledger_errors.xlsx")
    session.rollback()
    error = caught.value
    assert "ledger_errors.xlsx" in error.message and "10 处错误" in error.message
    where = [(d["row"], d["column"]) for d in error.details]
    assert where == [(3, "所在地区"), (4, "牵头单位"), (5, "总投资(万元)"), (6, "年度计划投资(万元)"),
                     (7, "实际签约时间"), (8, "项目编号"), (9, "项目阶段"), (10, "三篇大文章"), (11, "项目名称"),
                     (12, "实际开工时间")]
    assert "火星县" in error.details[0]["message"]
    assert count(session, Project) == 3
    assert audit_actions(session) == []


def test_one_bad_row_leaves_every_existing_project_unchanged(world, session, ledger):
    data = workbook_bytes(HEADER + ["总投资(万元)", "包保领导"],
                          ["JZ-101", "锦州港扩建工程（改名）", "锦州市", 900000, "新领导"],
                          ["JZ-102", "凌海风电项目", "凌海市", "很多", None],
                          ["JZ-999", "新项目", "凌海市", 5, None])
    with pytest.raises(Rejected) as caught:
        run_import(session, world, data)
    session.rollback()
    assert caught.value.details == [{"row": 3, "column": "总投资(万元)",
                                     "message": "“很多”不是数字（以万元为单位填写数字）"}]
    session.expire_all()
    port = session.get(Project, ledger.port.id)
    assert (port.name, port.total_investment) == ("锦州港扩建工程", 500000)
    assert count(session, Project) == 3
    assert count(session, Person, Person.name == "新领导") == 0


def test_reimporting_an_export_changes_nothing(world, session, ledger):
    data = export_bytes(session, world)
    before = {p.code: snapshot(p) for p in session.scalars(select(Project))}
    report = run_import(session, world, data, filename="导出.xlsx")
    assert (report.created, report.updated, report.unchanged) == (0, 0, 3)
    session.expire_all()
    assert {p.code: snapshot(p) for p in session.scalars(select(Project))} == before
    assert audit_actions(session) == ["import"]


def test_importing_an_edited_export_updates_those_projects_and_audits_the_change(world, session, ledger):
    book = load_workbook(BytesIO(export_bytes(session, world)))
    sheet = book[excel.SHEET]
    header = [cell.value for cell in sheet[1]]
    port_row = next(row for row in sheet.iter_rows(min_row=2) if row[header.index("项目编号")].value == "JZ-101")
    port_row[header.index("累计完成投资(万元)")].value = 250000
    port_row[header.index("项目阶段")].value = "竣工"
    port_row[header.index("实际竣工时间")].value = date(2025, 10, 8)
    port_row[header.index("包保领导")].value = "李新领导"
    buffer = BytesIO()
    book.save(buffer)
    report = run_import(session, world, buffer.getvalue())
    assert (report.created, report.updated, report.unchanged) == (0, 1, 2)
    session.expire_all()
    port = session.get(Project, ledger.port.id)
    assert (port.stage, port.completed_on, port.completed_investment, port.sponsor.name) == (
        "completed", date(2025, 10, 8), 250000, "李新领导")
    update = session.scalar(select(AuditEvent).where(AuditEvent.action == "update"))
    assert update.entity_id == port.id and update.actor_name == "office"
    assert update.changes == {
        "completed_investment": [0, 250000], "completed_on": [None, "2025-10-08"],
        "sponsor": ["王振国", "李新领导"], "stage": ["started", "completed"],
    }
    assert audit_actions(session) == ["update", "import"]


def test_a_dry_run_reports_what_would_change_and_writes_nothing(world, session, ledger):
    data = workbook_bytes(HEADER + ["项目管家"], ["JZ-101", "锦州港扩建工程二期", "锦州市", None],
                          ["JZ-201", "新项目", "凌海市", "新管家"])
    report = run_import(session, world, data, dry_run=True)
    assert (report.dry_run, report.created, report.updated, report.unchanged) == (True, 1, 1, 0)
    assert report.people_created == ["新管家"]
    session.expire_all()
    assert count(session, Project) == 3 and count(session, Person, Person.name == "新管家") == 0
    assert session.get(Project, ledger.port.id).name == "锦州港扩建工程"
    assert audit_actions(session) == []


def test_it_reports_an_unknown_region_and_an_unknown_lead_unit(world, session):
    data = workbook_bytes(HEADER + ["牵头单位"], ["A-1", "项目一", "火星县", "市宇宙局"])
    with pytest.raises(Rejected) as caught:
        run_import(session, world, data)
    assert [(d["row"], d["column"]) for d in caught.value.details] == [(2, "所在地区"), (2, "牵头单位")]


def test_only_the_office_may_import(world, session):
    data = workbook_bytes(HEADER, ["A-1", "项目一", "凌海市"])
    for user in (world.county, world.leader, world.steward):
        with pytest.raises(Forbidden):
            run_import(session, world, data, user=user)
    assert run_import(session, world, data, user=world.admin).created == 1


def test_it_refuses_a_file_without_project_rows(world, session):
    with pytest.raises(Rejected, match="没有项目行"):
        run_import(session, world, workbook_bytes(HEADER), filename="空表.xlsx")


def test_the_export_holds_only_the_callers_scope_and_filters(world, session, ledger):
    def exported(user, filters=None) -> list[str]:
        rows, _ = excel.read_ledger(export_bytes(session, world, user, filters), filename="x.xlsx")
        return [row.values["code"] for row in rows]

    assert exported(world.office) == ["JZ-101", "JZ-102", "JZ-103"]
    assert exported(world.county) == ["JZ-102"]
    assert exported(world.outsider) == ["JZ-103"]
    assert exported(world.office, ProjectFilters(track="emerging")) == ["JZ-102"]
    assert exported(world.office, ProjectFilters(major=True)) == ["JZ-101", "JZ-103"]


def test_the_export_names_people_regions_and_units(world, session, ledger):
    records = list(importer.iter_records(session=session, scope=scope_for(session, world.office),
                                         filters=ProjectFilters(q="锦州港")))
    assert len(records) == 1
    record = records[0]
    assert (record["region"], record["lead_unit"], record["sponsor"], record["steward"]) == (
        "锦州市", "市发展改革委", "王振国", None)
    assert record["signed_on"] == date(2024, 2, 1) and record["total_investment"] == 500000


def test_dates_of_a_partial_file_are_checked_against_the_recorded_ones(world, session, ledger):
    data = workbook_bytes(HEADER + ["实际开工时间"], ["JZ-102", "凌海风电项目", "凌海市", "2025-01-10"])
    with pytest.raises(Rejected) as caught:
        run_import(session, world, data)
    assert caught.value.details[0]["row"] == 2 and caught.value.details[0]["column"] == "实际开工时间"
    assert "早于签约日期 2025-03-01" in caught.value.details[0]["message"]
    session.rollback()
    later = workbook_bytes(HEADER + ["实际开工时间", "项目阶段"],
                           ["JZ-102", "凌海风电项目", "凌海市", "2025-06-10", "开工"])
    assert run_import(session, world, later).updated == 1


def test_a_misspelt_sponsor_is_an_error_naming_the_known_people_not_a_new_person(world, session, ledger):
    data = workbook_bytes(HEADER + ["包保领导", "项目管家"], ["JZ-201", "新项目", "凌海市", "王振图", "刘佳"])
    with pytest.raises(Rejected) as refused:
        run_import(session, world, data, create_people=False)
    session.rollback()
    [problem] = refused.value.details
    assert problem["column"] == "包保领导" and "未知的人员“王振图”" in problem["message"]
    assert "王振国" in problem["message"] and "新增文件中的新人员" in problem["message"]
    assert count(session, Person, Person.name == "王振图") == 0 and count(session, Project) == 3
    report = run_import(session, world, data, create_people=True)  # the explicit choice
    assert report.people_created == ["王振图"] and report.created == 1


def test_an_import_refuses_a_plan_above_the_total_naming_row_and_column(world, session, ledger):
    data = workbook_bytes(HEADER + ["总投资(万元)", "年度计划投资(万元)"], ["JZ-201", "新项目", "凌海市", 5000, 9000])
    with pytest.raises(Rejected) as refused:
        run_import(session, world, data)
    session.rollback()
    [problem] = refused.value.details
    assert problem["row"] == 2 and "年度计划投资" in problem["column"] and "占总投资 180%" in problem["message"]
    assert count(session, Project) == 3
