"""Progress reports and 销号 through the API: who may report, evidence, refusal with a reason, scopes."""

from datetime import date

from sqlalchemy import func, select

from tests.factories import make_task, make_unit, make_user
from zhenxing.supervision.reporting import period_of
from zhenxing.tasks.models import Closure, TaskFile, TaskReport

PDF = b"%PDF-1.4\n%test evidence\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 16
THIS_MONTH = period_of(date.today())


def setup(session, world):
    finance = make_unit(session, "市财政局")
    task = make_task(session, "建设城市智慧停车平台", year=date.today().year, lead=world.transport, partners=[finance],
                     deadline="年底前")
    finance_user = make_user(session, "caizheng", "unit", unit="市财政局")
    session.commit()
    return task, finance_user


def report(api, task_id, **form):
    files = form.pop("files", None)
    data = {"period": THIS_MONTH, "progress": "完成选址和招标", "percent": "40", **form}
    return api.post(f"/api/v1/tasks/{task_id}/reports", data=data, files=files)


def count(sessions, model) -> int:
    with sessions() as session:
        return session.scalar(select(func.count()).select_from(model))


def test_the_lead_unit_reports_and_the_task_is_in_progress(api_as, world, session):
    task, _ = setup(session, world)
    unit = api_as(world.transport_user)
    answer = report(unit, task.id, files=[("files", ("现场照片.png", PNG, "image/png"))])
    assert answer.status_code == 201
    assert answer.json()["files"][0]["filename"] == "现场照片.png"
    listed = unit.get(f"/api/v1/tasks/{task.id}").json()
    assert (listed["state"], listed["percent"], listed["last_period"]) == ("in_progress", 40, THIS_MONTH)
    again = report(unit, task.id, percent="55")  # the same period again corrects the report
    assert again.json()["id"] == answer.json()["id"] and again.json()["percent"] == 55


def test_a_partner_adds_its_part_without_a_percentage_but_may_not_ask_for_closure(api_as, world, session):
    task, finance_user = setup(session, world)
    partner = api_as(finance_user)
    part = report(partner, task.id, percent="", progress="落实资金300万元")
    assert part.status_code == 201 and part.json()["unit"]["name"] == "市财政局"
    assert [t["id"] for t in partner.get("/api/v1/tasks").json()] == [task.id]
    refused = partner.post(f"/api/v1/tasks/{task.id}/closure", data={"note": "完成"},
                           files=[("files", ("a.pdf", PDF, "application/pdf"))])
    assert refused.status_code == 403


def test_a_progress_report_on_someone_elses_task_is_refused_and_changes_nothing(api_as, world, session, sessions):
    task, _ = setup(session, world)
    for user in (world.county, world.outsider, world.leader, world.steward):
        assert report(api_as(user), task.id).status_code == 403
    assert count(sessions, TaskReport) == 0


def test_bad_reports_are_refused_by_field(api_as, world, session, sessions):
    task, _ = setup(session, world)
    unit = api_as(world.transport_user)
    future = f"{date.today().year + 1}-01"
    for form, field in (({"period": future}, "period"), ({"percent": "120"}, "percent"), ({"percent": ""}, "percent"),
                        ({"progress": " "}, "progress")):
        answer = report(unit, task.id, **form)
        assert answer.status_code == 422, form
        assert answer.json()["field"] == field, form
    exe = report(unit, task.id, files=[("files", ("说明.pdf", b"MZ\x90\x00", "application/pdf"))])
    assert exe.status_code == 422 and "内容与扩展名 .pdf 不符" in exe.json()["message"]
    assert count(sessions, TaskReport) == 0 and count(sessions, TaskFile) == 0


def test_closure_without_evidence_is_refused_then_refused_by_the_office_then_confirmed(api_as, world, session,
                                                                                      sessions):
    task, _ = setup(session, world)
    unit, office = api_as(world.transport_user), api_as(world.office)
    bare = unit.post(f"/api/v1/tasks/{task.id}/closure", data={"note": "已完成"})
    assert bare.status_code == 422 and bare.json()["field"] == "files"
    assert count(sessions, Closure) == 0
    evidence = [("files", ("验收报告.pdf", PDF, "application/pdf"))]
    asked = unit.post(f"/api/v1/tasks/{task.id}/closure", data={"note": "平台上线运行"}, files=evidence)
    assert asked.status_code == 201
    assert unit.get(f"/api/v1/tasks/{task.id}").json()["state"] == "closing"
    twice = unit.post(f"/api/v1/tasks/{task.id}/closure", data={"note": "再次申请"}, files=evidence)
    assert twice.status_code == 409
    no_reason = office.post(f"/api/v1/tasks/{task.id}/closure/decision", json={"confirm": False})
    assert no_reason.status_code == 422 and no_reason.json()["field"] == "reason"
    assert unit.post(f"/api/v1/tasks/{task.id}/closure/decision", json={"confirm": True}).status_code == 403
    refused = office.post(f"/api/v1/tasks/{task.id}/closure/decision",
                          json={"confirm": False, "reason": "缺少运行数据"})
    assert refused.json()["status"] == "refused"
    assert unit.get(f"/api/v1/tasks/{task.id}").json()["state"] != "closing"
    asked = unit.post(f"/api/v1/tasks/{task.id}/closure", data={"note": "补充运行数据"}, files=evidence)
    confirmed = office.post(f"/api/v1/tasks/{task.id}/closure/decision", json={"confirm": True})
    assert confirmed.json()["status"] == "confirmed"
    assert unit.get(f"/api/v1/tasks/{task.id}").json()["state"] == "closed"
    assert report(unit, task.id).status_code == 422  # a closed task takes no more reports
    history = unit.get(f"/api/v1/tasks/{task.id}/closures").json()
    assert [c["status"] for c in history] == ["confirmed", "refused"]


def test_evidence_downloads_for_those_who_see_the_task_only(api_as, world, session):
    task, _ = setup(session, world)
    unit = api_as(world.transport_user)
    file_id = report(unit, task.id, files=[("files", ("验收.pdf", PDF, "application/pdf"))]).json()["files"][0]["id"]
    got = api_as(world.office).get(f"/api/v1/task-files/{file_id}")
    assert got.status_code == 200 and got.content == PDF and "filename*=UTF-8''" in got.headers["content-disposition"]
    assert api_as(world.outsider).get(f"/api/v1/task-files/{file_id}").status_code == 403


def test_the_office_creates_a_task_from_a_meeting_decision_with_parsed_deadline_and_milestones(api_as, world):
    office = api_as(world.office)
    body = {"content": "协调解决东湖项目用地指标", "year": 2025, "lead_unit_id": world.fgw.id,
            "partner_unit_ids": [world.transport.id, world.fgw.id], "leader_id": world.sponsor.id,
            "deadline": "三季度", "source": "meeting", "source_ref": "2025年3月调度会议定事项第2项",
            "milestones": [{"due_on": "2025-06-30", "content": "完成用地预审"}]}
    created = office.post("/api/v1/tasks", json=body)
    assert created.status_code == 201
    task = created.json()
    assert (task["due_on"], task["long_term"], task["source"]) == ("2025-09-30", False, "meeting")
    assert [p["name"] for p in task["partners"]] == ["市交通运输局"]  # the lead unit is not its own partner
    assert task["leader"]["name"] == "王振国" and task["milestones"][0]["content"] == "完成用地预审"
    long_term = office.post("/api/v1/tasks", json={**body, "deadline": "长期坚持", "milestones": []}).json()
    assert (long_term["due_on"], long_term["long_term"]) == (None, True)
    assert api_as(world.transport_user).post("/api/v1/tasks", json=body).status_code == 403
    assert office.post("/api/v1/tasks", json={**body, "partner_unit_ids": [2**62]}).status_code == 422
