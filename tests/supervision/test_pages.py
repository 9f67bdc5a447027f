"""The target ledger, the indicator page, the task list and a task's page as people see them: colours,
the chart, the gap sentence, the escalation record and the answer to a 督办单; scopes refused."""

import json
import re
from datetime import date, datetime, timedelta
from decimal import Decimal

from tests.factories import make_target, make_task, make_unit
from zhenxing.supervision import escalations
from zhenxing.targets import readings
from zhenxing.workdays import BEIJING


def chart_of(html: str) -> dict:
    import html as html_module

    found = re.search(r"data-echarts='([^']+)'", html)
    assert found, "no chart option on the page"
    return json.loads(html_module.unescape(found.group(1)))


def test_the_ledger_colours_each_target_and_the_indicator_page_charts_it(page_as, world, session):
    target = make_target(session)
    for period, value, level in (("2025-06", "5.8", None), ("2025-09", "5.1", None), ("2025-09", "5.3", "province")):
        figure = readings.Figure("地区生产总值", period, Decimal(value))
        if level:
            readings.record_benchmark(session=session, actor=world.office, figure=figure, level=level)
        else:
            readings.record_reading(session=session, actor=world.office, figure=figure, region_id=None)
    session.commit()
    client, _ = page_as(world.office)
    ledger = client.get("/targets")
    assert ledger.status_code == 200 and "地区生产总值" in ledger.text and "滞后" in ledger.text
    page = client.get(f"/targets/{target.id}")
    assert page.status_code == 200
    assert "1-9月增长5.1%，低于全年目标6.5%，低于全省5.3%" in page.text
    option = chart_of(page.text)
    names = [series["name"] for series in option["series"]]
    assert names[0].startswith("实绩") and "全年目标" in names and "全省" in names
    assert option["series"][0]["data"][8] == 5.1


def late_task(session, world):
    finance = make_unit(session, "市财政局")
    task = make_task(session, "建设城市智慧停车平台", year=date.today().year, lead=world.transport,
                     partners=[finance], deadline="", due_on=date.today() - timedelta(days=30))
    session.commit()
    escalations.run(session, now=datetime.now(BEIJING))
    session.commit()
    return task


def test_the_task_list_puts_late_tasks_first_and_the_task_page_shows_its_escalations(page_as, world, session):
    late = late_task(session, world)
    make_task(session, "推进老旧小区改造", year=date.today().year, lead=world.transport, deadline="长期")
    session.commit()
    client, _ = page_as(world.office)
    listing = client.get("/tasks")
    assert listing.status_code == 200
    assert listing.text.index("建设城市智慧停车平台") < listing.text.index("推进老旧小区改造")
    page = client.get(f"/tasks/{late.id}")
    assert page.status_code == 200 and 'data-testid="escalation"' in page.text
    assert "督办〔" in page.text and "通报" in page.text


def test_the_lead_unit_answers_its_notice_on_the_page_and_an_outsider_cannot(page_as, world, session):
    task = late_task(session, world)
    notice = next(r for r in escalations.of_task(session, task) if r.action == "notice")
    outsider, token = page_as(world.outsider)
    refused = outsider.post(f"/supervision/notices/{notice.id}/reply", data={"reply": "x", "csrf_token": token},
                            follow_redirects=False)
    assert refused.status_code in (403, 404)
    unit, token = page_as(world.transport_user)
    empty = unit.post(f"/supervision/notices/{notice.id}/reply", data={"reply": " ", "csrf_token": token})
    assert empty.status_code == 422 and 'data-testid="error-reply"' in empty.text
    done = unit.post(f"/supervision/notices/{notice.id}/reply", data={"reply": "已完成招标", "csrf_token": token})
    assert done.status_code == 200 and "督办单已回复" in done.text and "已完成招标" in done.text
    assert outsider.get(f"/tasks/{task.id}").status_code in (403, 404)


def test_each_role_gets_its_own_supervision_page(page_as, world, session):
    from zhenxing.org.models import Person

    task = late_task(session, world)
    task.leader_id = world.sponsor.id
    session.commit()
    office, _ = page_as(world.office)
    board = office.get("/supervision")
    assert board.status_code == 200 and 'data-testid="late-tasks"' in board.text
    assert task.content in board.text and 'data-testid="escalation-queue"' in board.text and "督办〔" in board.text
    unit, _ = page_as(world.transport_user)
    mine = unit.get("/supervision")
    assert mine.status_code == 200 and 'data-testid="lead-tasks"' in mine.text
    assert 'data-testid="my-notices"' in mine.text
    world.leader.person_id = session.get(Person, world.sponsor.id).id
    session.merge(world.leader)
    session.commit()
    leader, _ = page_as(world.leader)
    screen = leader.get("/supervision")
    assert screen.status_code == 200 and 'data-testid="leader-late-tasks"' in screen.text
    assert task.content in screen.text
    scores = office.get("/supervision/scores")
    assert scores.status_code == 200 and "市交通运输局" in scores.text
    assert office.get("/supervision/scores.xlsx").content[:2] == b"PK"
    steward, _ = page_as(world.steward)
    assert steward.get("/supervision").status_code == 403
