"""Journey: a county user (凌海市) sees only their county's projects, records a project's next stage,
and is refused a project of another county with the 403 page."""

from playwright.sync_api import Page, expect
from sqlalchemy import select

from zhenxing.demo_data import DEMO_PASSWORD
from zhenxing.org import service as org
from zhenxing.projects.models import Project
from zhenxing.projects.stages import STAGE_LABELS, STAGES


def a_project_in(session, county: str, *, movable: bool = False) -> Project:
    regions = org.subtree_ids(session, org.region_by_name(session, county).id)
    query = select(Project).where(Project.region_id.in_(regions))
    if movable:
        query = query.where(Project.stage != "operating", Project.status == "active")
    return session.scalars(query.order_by(Project.id)).first()


def test_a_county_user_moves_their_project_on_and_is_refused_another_county(page: Page, shot, live_session):
    ours, theirs = a_project_in(live_session, "凌海市", movable=True), a_project_in(live_session, "黑山县")
    page.goto("/")
    page.get_by_test_id("username").fill("linghai")
    page.get_by_test_id("password").fill(DEMO_PASSWORD)
    page.get_by_test_id("login-submit").click()
    expect(page.get_by_test_id("current-user")).to_contain_text("县区/部门")
    expect(page.get_by_test_id("project-table")).to_contain_text(ours.name)
    expect(page.get_by_test_id("project-table")).not_to_contain_text(theirs.name)
    shot("county-list")

    page.get_by_role("link", name=ours.name).click()
    next_stage = STAGES[STAGES.index(ours.stage) + 1]
    expect(page.get_by_test_id("step-" + ours.stage)).to_have_attribute("aria-current", "step")
    page.get_by_test_id("stage-to").select_option(next_stage)
    page.get_by_test_id("stage-submit").click()
    expect(page.get_by_test_id("project-stage")).to_have_text(STAGE_LABELS[next_stage])
    expect(page.get_by_test_id("step-" + next_stage)).to_have_attribute("aria-current", "step")
    expect(page.get_by_test_id("history").get_by_test_id("history-row").first).to_contain_text("阶段变更")
    shot("stage-changed")

    answer = page.goto(f"/projects/{theirs.id}")
    assert answer is not None and answer.status == 403
    expect(page.get_by_test_id("error")).to_contain_text("无权访问")
    shot("refused")
