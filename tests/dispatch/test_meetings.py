"""The dispatch meeting: its agenda from the records, decisions followed to 销号 as tasks or problems, the
pack (Word + Excel) made from the agenda, and who may see and do what."""

from datetime import date
from io import BytesIO

import pytest
from openpyxl import load_workbook

from tests.dispatch.test_lights_service import compute, planned, report
from tests.outputs.printing import pdf_text, printed
from zhenxing.auth.service import scope_for
from zhenxing.dispatch import meetings, pack, problems
from zhenxing.dispatch.meeting_rules import decision_due, plan_decision
from zhenxing.dispatch.models import MeetingDecision
from zhenxing.errors import Forbidden, Rejected

TODAY = date(2025, 8, 20)


@pytest.fixture
def city(session, world):
    """Two projects of 凌海市 in July 2025: one on track, one far behind (red), an overdue problem."""
    on_track = planned(session, world, name="滨海大道改造")
    behind = planned(session, world, name="凌海物流园", lead_unit_id=world.transport.id)
    for month in range(1, 8):
        report(session, world, on_track, f"2025-{month:02d}", 100)
        report(session, world, behind, f"2025-{month:02d}", 20)
    problems.add_problem(session, actor=world.office, project=behind, description="征地拆迁未完成", category="拆迁征收",
                         source="direct", source_ref=None, today=date(2025, 6, 1), due_on=date(2025, 7, 1),
                         unit_id=world.transport.id)
    compute(session, "2025-06")
    compute(session, "2025-07")
    session.commit()
    return on_track, behind


@pytest.fixture
def meeting(session, world, city):
    made = meetings.create_meeting(session, actor=world.office, period="2025-07", held_on=date(2025, 8, 12),
                                   location="市政府第一会议室", chair="常务副市长")
    session.commit()
    return made


def test_the_agenda_is_built_from_the_periods_records(session, world, city, meeting):
    on_track, behind = city
    agenda = meetings.build_agenda(session, meeting, TODAY)
    assert agenda["meeting"]["title"] == "2025年7月重点项目调度会"
    assert agenda["headline"]["text"].startswith("完成投资 0.08 亿元，占年度计划 35%")
    assert (agenda["headline"]["owing"], agenda["headline"]["reported"]) == (2, 2)
    assert [row["name"] for row in agenda["lights"]] == ["凌海物流园"]
    assert agenda["lights"][0]["light"] == "red" and "低于序时进度" in agenda["lights"][0]["reasons"][0]
    assert [(p["description"], p["days"]) for p in agenda["overdue_problems"]] == [("征地拆迁未完成", 50)]
    assert [r["name"] for r in agenda["league"]["results"]][:1] == ["凌海市"]
    assert agenda["previous"] is None and agenda["decisions"] == []


def test_decisions_carry_deadlines_from_the_date_the_words_or_working_days(session, world, meeting, city):
    scope = scope_for(session, world.office)
    given = meetings.add_decision(session, actor=world.office, scope=scope, meeting_id=meeting.id,
                                  text="加快物流园建设", unit_id=world.transport.id, due_on=date(2025, 9, 30))
    worded = meetings.add_decision(session, actor=world.office, scope=scope, meeting_id=meeting.id,
                                   text="市自然资源局10月底前完成用地报批", unit_id=world.fgw.id)
    counted = meetings.add_decision(session, actor=world.office, scope=scope, meeting_id=meeting.id,
                                    text="凌海市抓紧协调施工队伍进场", region_id=world.linghai.id)
    assert given.due_on == date(2025, 9, 30)
    assert worded.due_on == date(2025, 10, 31)
    assert counted.due_on == date(2025, 9, 9)  # 20 working days after Tuesday 2025-08-12
    with pytest.raises(Rejected, match="不能早于会议日期"):
        decision_due("x", date(2025, 8, 1), date(2025, 8, 12))
    with pytest.raises(Rejected, match="责任单位或责任县区"):
        meetings.add_decision(session, actor=world.office, scope=scope, meeting_id=meeting.id, text="研究")


def test_a_task_decision_is_resolved_by_its_unit_and_closed_by_the_office(session, world, meeting):
    office, unit = scope_for(session, world.office), scope_for(session, world.transport_user)
    decision = meetings.add_decision(session, actor=world.office, scope=office, meeting_id=meeting.id,
                                     text="交通局协调物流园进场道路", unit_id=world.transport.id)
    with pytest.raises(Forbidden):
        meetings.act_on_decision(session, actor=world.county, scope=scope_for(session, world.county),
                                 decision_id=decision.id, action="resolve", note="已办")
    with pytest.raises(Rejected, match="须填写办理情况"):
        meetings.act_on_decision(session, actor=world.transport_user, scope=unit, decision_id=decision.id,
                                 action="resolve")
    meetings.act_on_decision(session, actor=world.transport_user, scope=unit, decision_id=decision.id,
                             action="resolve", note="进场道路已打通", today=date(2025, 8, 30))
    with pytest.raises(Forbidden, match="只有项目办可以确认销号"):
        meetings.act_on_decision(session, actor=world.transport_user, scope=unit, decision_id=decision.id,
                                 action="close")
    meetings.act_on_decision(session, actor=world.office, scope=office, decision_id=decision.id, action="close",
                             today=date(2025, 9, 1))
    assert (decision.status, decision.resolution, decision.closed_on) == ("closed", "进场道路已打通",
                                                                         date(2025, 9, 1))


def test_a_problem_decision_goes_on_the_problem_list_and_moves_with_it(session, world, meeting, city):
    _, behind = city
    office = scope_for(session, world.office)
    decision = meetings.add_decision(session, actor=world.office, scope=office, meeting_id=meeting.id,
                                     text="物流园用地指标9月底前落实", kind="problem", project_id=behind.id)
    problem = decision.problem
    assert (problem.source, problem.source_ref, problem.category, problem.due_on) == (
        "meeting", decision.id, "用地", date(2025, 9, 30))
    assert decision.unit_id == world.transport.id  # the project's lead unit
    with pytest.raises(Rejected, match="请在问题"):
        meetings.act_on_decision(session, actor=world.office, scope=office, decision_id=decision.id,
                                 action="resolve", note="x")
    problems.act(session=session, actor=world.office, scope=office, problem_id=problem.id, action="resolve",
                 note="指标已下达")
    session.refresh(decision)
    assert (decision.status, decision.resolution) == ("resolved", "指标已下达")
    problems.act(session=session, actor=world.office, scope=office, problem_id=problem.id, action="close")
    session.refresh(decision)
    assert decision.status == "closed"
    with pytest.raises(Rejected, match="须指明项目"):
        meetings.add_decision(session, actor=world.office, scope=office, meeting_id=meeting.id, text="x",
                              kind="problem", unit_id=world.fgw.id)


def test_the_next_meeting_follows_the_last_ones_decisions_and_holding_freezes_the_agenda(session, world, meeting):
    office = scope_for(session, world.office)
    done = meetings.add_decision(session, actor=world.office, scope=office, meeting_id=meeting.id, text="甲",
                                 unit_id=world.fgw.id)
    meetings.add_decision(session, actor=world.office, scope=office, meeting_id=meeting.id, text="乙",
                          unit_id=world.transport.id, due_on=date(2025, 8, 15))
    meetings.act_on_decision(session, actor=world.office, scope=office, decision_id=done.id, action="resolve",
                             note="完成")
    meetings.act_on_decision(session, actor=world.office, scope=office, decision_id=done.id, action="close")
    meetings.hold_meeting(session, actor=world.office, meeting_id=meeting.id, notes="会议要求……")
    frozen = dict(meeting.agenda)
    nxt = meetings.create_meeting(session, actor=world.office, period="2025-08", held_on=date(2025, 9, 10))
    agenda = meetings.build_agenda(session, nxt, date(2025, 9, 10))
    assert agenda["previous"]["id"] == meeting.id
    assert [(d["text"], d["status"], d["overdue_days"]) for d in agenda["decisions"]] == [
        ("甲", "closed", 0), ("乙", "open", 26)]
    assert meetings.agenda_of(session, world.office, meeting.id) == frozen
    with pytest.raises(Rejected, match="已召开"):
        meetings.hold_meeting(session, actor=world.office, meeting_id=meeting.id)


def test_units_see_their_decisions_not_the_meeting(session, world, meeting):
    office = scope_for(session, world.office)
    meetings.add_decision(session, actor=world.office, scope=office, meeting_id=meeting.id, text="交通",
                          unit_id=world.transport.id)
    meetings.add_decision(session, actor=world.office, scope=office, meeting_id=meeting.id, text="凌海",
                          region_id=world.linghai.id)
    with pytest.raises(Forbidden):
        meetings.get_meeting(session, world.county, meeting.id)
    mine = meetings.decisions_for(session, scope_for(session, world.county))
    assert [d.text for d in mine] == ["凌海"]
    assert [d.text for d in meetings.decisions_for(session, scope_for(session, world.transport_user))] == ["交通"]
    assert len(meetings.decisions_for(session, scope_for(session, world.leader))) == 2


def test_plan_decision_state_machine():
    assert plan_decision("open", "resolve", office=False, responsible=True, note="办结") == "resolved"
    assert plan_decision("resolved", "reject", office=True, responsible=False, note="材料不全") == "open"
    assert plan_decision("closed", "reopen", office=True, responsible=False, note="反弹") == "open"
    with pytest.raises(Rejected, match="不能确认销号"):
        plan_decision("open", "close", office=True, responsible=False, note="")
    with pytest.raises(Rejected, match="未知的操作"):
        plan_decision("open", "fly", office=True, responsible=False, note="")


# ---- the pack --------------------------------------------------------------------------------------

def test_the_pack_content_is_computed_never_typed(session, world, meeting):
    meetings.add_decision(session, actor=world.office, scope=scope_for(session, world.office),
                          meeting_id=meeting.id, text="交通局协调进场道路", unit_id=world.transport.id)
    content = pack.pack_content(meetings.build_agenda(session, meeting, TODAY))
    assert content.title == "2025年7月重点项目推进情况通报"
    assert [s.heading for s in content.sections] == ["总体情况", "红黄灯项目", "问题清单", "赛马排名",
                                                     "上次会议议定事项落实情况"]
    text = content.text()
    assert "完成投资 0.08 亿元，占年度计划 35%，低于时间进度 23.3 个百分点" in text
    assert "本期应报月报项目 2 个，已报 2 个，全部按要求报送。" in text
    assert "红灯 1 个" in text and "凌海物流园" in text and "征地拆迁未完成" in text
    assert "此前会议没有待落实的议定事项。" in text  # this meeting's own decisions are for the next one


def test_the_word_pack_prints_in_libreoffice_with_its_sections(session, world, meeting):
    content = pack.pack_content(meetings.build_agenda(session, meeting, TODAY))
    data = pack.pack_docx(content)
    assert data[:2] == b"PK"
    reader = printed(data)
    text = pdf_text(reader).replace("\n", "")  # table cells wrap
    for words in ("2025年7月重点项目推进情况通报", "一、总体情况", "二、红黄灯项目", "三、问题清单", "四、赛马排名",
                  "五、上次会议议定事项落实情况", "凌海物流园", "征地拆迁未完成", "占年度计划35%"):
        assert words in text, words
    assert len(reader.pages) >= 1
    assert "—1—" in text  # page numbers at the foot


@pytest.mark.parametrize(("paragraphs", "rows"), [(16, 0), (17, 0), (3, 10), (3, 11)])
def test_the_packs_signature_never_stands_alone_on_the_last_page(paragraphs, rows):
    """Lengths at which, printed by LibreOffice, the signature and date (once the date alone) fell onto a page
    of their own: the last page now carries the body's last paragraph or table row too."""
    texts = [f"第{i}段，一行文字。" for i in range(paragraphs)]
    tables = [pack.PackTable("议定事项落实情况", ("序号", "议定事项", "责任单位"),
                             [(i, "协调解决进场道路", "市交通运输局") for i in range(1, rows + 1)], (12, 100, 44))]
    content = pack.PackContent("2026年11月重点项目推进情况通报", "（调度会会议材料）", date(2026, 11, 28),
                               [pack.PackSection("总体情况", texts, tables if rows else [])])
    reader = printed(pack.pack_docx(content))
    assert len(reader.pages) == 2
    last = [line for line in (reader.pages[-1].extract_text() or "").replace(" ", "").splitlines() if line]
    assert last[-3:] == ["重点项目推进办公室", "2026年11月28日", "—2—"]
    body = last[:-3]
    expected = f"{rows}协调解决进场道路市交通运输局" if rows else f"第{paragraphs - 1}段，一行文字。"
    assert body and body[-1] == expected


def test_the_excel_pack_has_the_same_tables(session, world, meeting):
    book = load_workbook(BytesIO(pack.pack_xlsx(meetings.build_agenda(session, meeting, TODAY))))
    assert book.sheetnames == ["总体情况", "赛马排名", "红黄灯项目", "问题清单", "议定事项"]
    lights = [[c.value for c in row] for row in book["红黄灯项目"].iter_rows(min_row=2)]
    assert lights[0][:4] == ["序号", "项目", "地区", "灯色"] and lights[1][1:4] == ["凌海物流园", "凌海市", "红灯"]


def test_the_api_runs_a_meeting_and_downloads_the_pack(api_as, world, city, session):
    office, county = api_as(world.office), api_as(world.county)
    made = office.post("/api/v1/meetings", json={"period": "2025-07", "held_on": "2025-08-12"})
    assert made.status_code == 201, made.text
    mid = made.json()["id"]
    assert county.get(f"/api/v1/meetings/{mid}").status_code == 403
    agenda = office.get(f"/api/v1/meetings/{mid}/agenda").json()
    assert agenda["lights"][0]["name"] == "凌海物流园"
    added = office.post(f"/api/v1/meetings/{mid}/decisions", json={"text": "凌海市协调施工", "region_id":
                                                                   world.linghai.id})
    assert added.status_code == 201 and added.json()["due_on"] == "2025-09-09"
    bad = office.post(f"/api/v1/meetings/{mid}/decisions", json={"text": "", "region_id": world.linghai.id})
    assert bad.status_code == 422
    mine = county.get("/api/v1/meetings/decisions").json()
    assert [d["text"] for d in mine] == ["凌海市协调施工"]
    done = county.post(f"/api/v1/meetings/decisions/{mine[0]['id']}/actions",
                       json={"action": "resolve", "note": "施工队伍已进场"})
    assert done.status_code == 200 and done.json()["status"] == "resolved"
    word = office.get(f"/api/v1/meetings/{mid}/pack.docx")
    assert word.status_code == 200 and word.content[:2] == b"PK"
    assert "filename*=UTF-8''" in word.headers["content-disposition"]
    assert office.get(f"/api/v1/meetings/{mid}/pack.xlsx").status_code == 200
    assert session.query(MeetingDecision).count() == 1


def test_the_pages_run_a_meeting(page_as, world, city):
    client, token = page_as(world.office)
    made = client.post("/meetings", data={"csrf_token": token, "period": "2025-07", "held_on": "2025-08-12",
                                          "title": ""}, follow_redirects=False)
    assert made.status_code == 303
    url = made.headers["location"]
    page = client.get(url)
    assert page.status_code == 200 and "二、红黄灯项目" in page.text and "凌海物流园" in page.text
    added = client.post(f"{url}/decisions", data={"csrf_token": token, "text": "交通局9月底前打通进场道路",
                                                  "kind": "task", "unit_id": str(world.transport.id)},
                        follow_redirects=False)
    assert added.status_code == 303
    assert "2025-09-30" in client.get(url).text
    refused = client.post(f"{url}/decisions", data={"csrf_token": token, "text": "无责任", "kind": "task"})
    assert refused.status_code == 422 and "请指定责任单位或责任县区" in refused.text
    assert client.get(f"{url}/pack.docx").status_code == 200
    unit, unit_token = page_as(world.transport_user)
    assert unit.get(url).status_code == 403
    listing = unit.get("/meetings/decisions")
    assert "交通局9月底前打通进场道路" in listing.text
