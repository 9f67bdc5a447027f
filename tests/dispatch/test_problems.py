"""The problem list: raising, the road to 销号, who may do what, overdue counts, history."""

from datetime import date

import pytest

from tests.factories import make_project
from zhenxing.auth.service import scope_for
from zhenxing.dispatch import problems
from zhenxing.dispatch.problem_rules import guess_category, overdue_days, plan_action, short_name
from zhenxing.dispatch.schemas import ProblemCreate
from zhenxing.errors import Forbidden, Rejected

TODAY = date(2025, 6, 10)


@pytest.fixture
def project(session, world):
    project = make_project(session, region_id=world.linghai.id, lead_unit_id=world.transport.id)
    session.commit()
    return project


def raise_one(session, user, project, **fields):
    data = ProblemCreate(project_id=project.id, description=fields.pop("description", "施工便道占用农田未协调"),
                         **fields)
    problem = problems.raise_problem(session=session, actor=user, scope=scope_for(session, user), data=data,
                                     today=TODAY)
    session.commit()
    return problem


def act(session, user, problem, action, note=""):
    result = problems.act(session=session, actor=user, scope=scope_for(session, user), problem_id=problem.id,
                          action=action, note=note, today=TODAY)
    session.commit()
    return result


def test_a_problem_goes_from_open_to_closed_by_the_unit_and_the_office(session, world, project):
    problem = raise_one(session, world.county, project, category="施工条件")
    assert (problem.status, problem.unit_id, problem.due_on) == ("open", world.transport.id, date(2025, 7, 10))
    act(session, world.transport_user, problem, "start")
    act(session, world.transport_user, problem, "resolve", "已协调村委会，便道改线")
    assert (problem.status, problem.resolved_on, problem.resolution) == ("resolved", TODAY, "已协调村委会，便道改线")
    act(session, world.office, problem, "close")
    assert (problem.status, problem.closed_on) == ("closed", TODAY)
    history = problems.history(session=session, scope=scope_for(session, world.office), problem_id=problem.id)
    assert [event.summary.split("：")[0] for event in history] == [
        "登记问题（直接登记）", "开始解决", "申请销号", "确认销号"]


def test_only_the_office_confirms_a_closure(session, world, project):
    problem = raise_one(session, world.county, project)
    act(session, world.county, problem, "resolve", "已解决")
    with pytest.raises(Forbidden, match="项目办"):
        act(session, world.county, problem, "close")


def test_a_rejected_closure_goes_back_to_in_progress_with_a_reason(session, world, project):
    problem = raise_one(session, world.county, project)
    act(session, world.county, problem, "resolve", "已解决")
    with pytest.raises(Rejected, match="原因"):
        act(session, world.office, problem, "reject")
    session.rollback()
    act(session, world.office, problem, "reject", "现场仍未改线")
    assert (problem.status, problem.resolved_on) == ("in_progress", None)


def test_reopening_a_closed_problem_counts_the_reopening(session, world, project):
    problem = raise_one(session, world.county, project)
    for action, note in (("resolve", "已解决"), ("close", ""), ("reopen", "问题反复")):
        act(session, world.office, problem, action, note)
    assert (problem.status, problem.reopened, problem.closed_on) == ("open", 1, None)


def test_the_responsible_unit_sees_a_problem_of_a_project_it_does_not_lead(session, world):
    project = make_project(session, region_id=world.heishan.id)
    problem = raise_one(session, world.office, project, unit_id=world.transport.id)
    scope = scope_for(session, world.transport_user)
    assert problems.get_problem(session=session, scope=scope, problem_id=problem.id) is problem
    with pytest.raises(Forbidden):
        problems.get_problem(session=session, scope=scope_for(session, world.county), problem_id=problem.id)


def test_a_deadline_in_the_past_is_refused(session, world, project):
    with pytest.raises(Rejected) as caught:
        raise_one(session, world.county, project, due_on=date(2025, 6, 1))
    assert caught.value.field == "due_on"


def test_the_list_counts_by_status_and_overdue_within_scope(session, world, project):
    late = raise_one(session, world.county, project, due_on=date(2025, 6, 20))
    raise_one(session, world.county, project)
    raise_one(session, world.office, make_project(session, region_id=world.heishan.id))
    listing = problems.list_problems(session=session, scope=scope_for(session, world.county),
                                     filters=problems.ProblemFilters(), today=date(2025, 6, 25))
    assert (listing.total, listing.counts["open"], listing.overdue) == (2, 2, 1)
    only_late = problems.list_problems(session=session, scope=scope_for(session, world.county),
                                       filters=problems.ProblemFilters(overdue=True), today=date(2025, 6, 25))
    assert [p.id for p in only_late.items] == [late.id]


@pytest.mark.parametrize(("status", "action", "role", "note", "expected"), [
    ("open", "start", "unit", "", "in_progress"),
    ("open", "resolve", "steward", "已落实", "resolved"),
    ("in_progress", "resolve", "office", "已落实", "resolved"),
    ("resolved", "close", "office", "", "closed"),
    ("resolved", "reject", "admin", "材料不全", "in_progress"),
    ("closed", "reopen", "office", "反弹", "open"),
])
def test_allowed_moves(status, action, role, note, expected):
    assert plan_action(status, action, role, note) == expected


@pytest.mark.parametrize(("status", "action", "role", "note", "error"), [
    ("closed", "start", "unit", "", Rejected),
    ("open", "close", "office", "", Rejected),
    ("open", "resolve", "unit", "  ", Rejected),
    ("resolved", "close", "unit", "", Forbidden),
    ("open", "start", "leader", "", Forbidden),
    ("open", "fly", "office", "", Rejected),
])
def test_refused_moves(status, action, role, note, error):
    with pytest.raises(error):
        plan_action(status, action, role, note)


def test_overdue_days_count_only_unresolved_problems_past_their_deadline():
    assert overdue_days(date(2025, 6, 1), "open", date(2025, 7, 1)) == 30
    assert overdue_days(date(2025, 6, 1), "resolved", date(2025, 7, 1)) == 0
    assert overdue_days(date(2025, 7, 1), "in_progress", date(2025, 7, 1)) == 0
    assert overdue_days(None, "open", date(2025, 7, 1)) == 0


@pytest.mark.parametrize(("text", "category"), [
    ("项目用地指标未落实", "用地"), ("征地拆迁补偿未谈妥", "拆迁征收"), ("环评批复未下达", "环评"),
    ("施工许可证未办理", "审批"), ("银行贷款未到位", "资金"), ("施工用电未接入", "水电气暖"),
    ("冬季停工", "施工条件"), ("企业负责人更换", "其他"),
])
def test_a_category_is_guessed_from_the_words(text, category):
    assert guess_category(text) == category


def test_a_short_name_is_the_first_clause():
    assert short_name("用地指标，省厅尚未批复") == "用地指标"
    assert short_name("一二三四五六七八九十一二三四") == "一二三四五六七八九十一二…"
