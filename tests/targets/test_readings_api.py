"""Readings, benchmarks and the statistics-sheet import through the API: tracking follows, bad input
changes nothing, units may not write."""

from sqlalchemy import func, select

from tests.factories import make_target
from tests.targets.sheets import bureau_sheet
from zhenxing.audit import AuditEvent
from zhenxing.targets.models import Benchmark, Reading

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def count(sessions, model) -> int:
    with sessions() as session:
        return session.scalar(select(func.count()).select_from(model))


def test_a_reading_moves_the_target_and_states_the_gap(api_as, world, session, sessions):
    target = make_target(session)
    session.commit()
    api = api_as(world.office)
    saved = api.post("/api/v1/readings", json={"indicator": "地区生产总值", "period": "2025-09", "value": 5.1})
    assert saved.status_code == 201 and saved.json()["basis"] == "ytd"
    assert api.post("/api/v1/benchmarks", json={"indicator": "地区生产总值", "period": "2025-09", "value": 5.3,
                                                "level": "province"}).status_code == 201
    tracking = api.get(f"/api/v1/targets/{target.id}").json()["tracking"]
    assert tracking["gap"] == "1-9月增长5.1%，低于全年目标6.5%，低于全省5.3%"
    assert (tracking["state"], tracking["colour"], tracking["status"]) == ("behind", "red", "open")
    assert tracking["beats"] == {"province": False}


def test_entering_the_same_reading_again_corrects_it_with_the_change_audited(api_as, world, session, sessions):
    make_target(session)
    session.commit()
    api = api_as(world.office)
    body = {"indicator": "GDP", "period": "2025-03", "value": 5.0}  # a synonym the catalogue knows
    first = api.post("/api/v1/readings", json=body).json()
    second = api.post("/api/v1/readings", json={**body, "value": 5.2}).json()
    assert first["id"] == second["id"] and second["value"] == 5.2 and second["indicator"] == "地区生产总值"
    assert count(sessions, Reading) == 1
    with sessions() as s:
        event = s.scalar(select(AuditEvent).where(AuditEvent.entity == "reading", AuditEvent.action == "update"))
    assert event.changes["value"] == ["5", "5.2"]


def test_a_reading_for_an_unknown_indicator_is_refused_by_field(api_as, world, sessions):
    answer = api_as(world.office).post("/api/v1/readings",
                                       json={"indicator": "幸福指数", "period": "2025-03", "value": 1})
    assert answer.status_code == 422
    assert answer.json()["field"] == "indicator" and "未知指标“幸福指数”" in answer.json()["message"]
    assert count(sessions, Reading) == 0


def test_bad_periods_values_and_kinds_are_refused(api_as, world):
    api = api_as(world.office)
    for body in ({"period": "2025-13"}, {"period": "2025/03"}, {"value": 1e16}, {"kind": "up"}, {"basis": "day"},
                 {"region_id": 2**63}):
        answer = api.post("/api/v1/readings", json={"indicator": "地区生产总值", "period": "2025-03", "value": 1,
                                                    **body})
        assert answer.status_code == 422, body


def test_units_and_leaders_may_not_enter_readings(api_as, world, session, sessions):
    make_target(session)
    session.commit()
    for user in (world.county, world.leader, world.transport_user):
        answer = api_as(user).post("/api/v1/readings", json={"indicator": "地区生产总值", "period": "2025-03",
                                                             "value": 1})
        assert answer.status_code == 403
    assert count(sessions, Reading) == 0


SHEET = {
    "地区生产总值": ("亿元", {"1-3月": (301.2, 5.3), "1-6月": (640.5, 5.6)}),
    "城镇新增就业": ("万人", {"1-3月": (0.42, ""), "1-6月": (0.95, "")}),
}


def upload(api, data: bytes, **form):
    return api.post("/api/v1/readings/import", files={"file": ("主要指标.xlsx", data, XLSX)}, data=form)


def test_a_bureau_sheet_imports_all_its_figures_and_a_second_import_corrects_not_duplicates(api_as, world, session,
                                                                                           sessions):
    make_target(session)
    make_target(session, "城镇新增就业", "1.8", kind="level", unit="万人")
    session.commit()
    api = api_as(world.office)
    report = upload(api, bureau_sheet(SHEET, ["1-3月", "1-6月"])).json()
    assert (report["figures"], report["created"], report["year"]) == (6, 6, 2025)
    changed = {**SHEET, "地区生产总值": ("亿元", {"1-3月": (301.2, 5.4), "1-6月": (640.5, 5.6)})}
    again = upload(api, bureau_sheet(changed, ["1-3月", "1-6月"])).json()
    assert (again["created"], again["updated"], again["unchanged"]) == (0, 1, 5)
    assert count(sessions, Reading) == 6
    jobs = next(t for t in api.get("/api/v1/targets").json() if t["indicator"] == "城镇新增就业")
    assert jobs["tracking"]["gap"] == "1-6月为0.95万人，完成全年目标1.8万人的52.8%，快于序时进度2.8个百分点"


def test_a_malformed_sheet_changes_nothing_and_lists_every_problem(api_as, world, session, sessions):
    make_target(session)
    session.commit()
    api = api_as(world.office)
    upload(api, bureau_sheet({"地区生产总值": ("亿元", {"1-3月": (300, 5.3)})}, ["1-3月"]))
    before = count(sessions, Reading)
    bad = bureau_sheet({"地区生产总值": ("亿元", {"1-3月": (310, "五点三")}), "幸福指数": ("", {"1-3月": (1, "")})},
                       ["1-3月"])
    answer = upload(api, bad)
    assert answer.status_code == 422
    details = answer.json()["details"]
    assert {"row": 4, "column": "D", "message": "“五点三”不是数字"} in details
    assert any(d["row"] == 5 and d["column"] == "A" and "未知指标“幸福指数”" in d["message"] for d in details)
    assert count(sessions, Reading) == before
    with sessions() as s:
        assert s.scalar(select(Reading.value)) == 300  # the good row of the bad file was not written either


def test_a_dry_run_and_a_benchmark_import(api_as, world, session, sessions):
    make_target(session)
    session.commit()
    api = api_as(world.office)
    dry = upload(api, bureau_sheet(SHEET, ["1-3月"]), dry_run="true").json()
    assert dry["dry_run"] and dry["created"] == 3 and count(sessions, Reading) == 0
    province = bureau_sheet({"地区生产总值": ("亿元", {"1-3月": ("", 5.0)})}, ["1-3月"], title="辽宁省2025年主要指标")
    assert upload(api, province, level="province").json()["created"] == 1
    assert count(sessions, Benchmark) == 1 and count(sessions, Reading) == 0


def test_a_file_that_is_not_a_workbook_is_refused_by_name(api_as, world):
    answer = upload(api_as(world.office), b"\x00\x01not excel")
    assert answer.status_code == 422 and "不是有效的 Excel" in answer.json()["message"]


def test_a_unit_may_not_import(api_as, world):
    assert upload(api_as(world.transport_user), bureau_sheet(SHEET, ["1-3月"])).status_code == 403
