"""An appeal linked to a key project: its page suggests likely projects (by the enterprise, by the project
named in the text or address, by the project's place in its region), the centre links one, and the appeal
lands on that project's problem list (dispatch problems)."""

from sqlalchemy import select

from tests.appeals.conftest import file
from tests.factories import make_project
from zhenxing.appeals import links
from zhenxing.appeals.models import Appeal
from zhenxing.dispatch.models import Problem


def projects(session, world):
    port = make_project(session, name="凌海港口物流园", company="凌海港务集团有限公司", region_id=world.linghai.id)
    chips = make_project(session, name="黑山芯片封装基地", company="锦州芯联科技", region_id=world.heishan.id)
    session.commit()
    return port, chips


def test_suggestions_by_enterprise_by_name_and_by_place(session, loop):
    port, chips = projects(session, loop.world)
    by_company = session.get(Appeal, file(session, requester_kind="enterprise", company="凌海港务集团有限公司",
                                          category_code="1201", description="码头用地审批手续拖了两个月"))
    assert links.suggested_projects(session, by_company)[0] == (port, "诉求企业即项目业主：凌海港务集团有限公司")
    by_text = session.get(Appeal, file(session, description="黑山芯片封装基地施工夜间噪声很大"))
    assert links.suggested_projects(session, by_text)[0][0] == chips
    by_place = session.get(Appeal, file(session, description="大货车压坏了路面，尘土很大",
                                        address="凌海市双羊镇港口物流园东门"))
    found = links.suggested_projects(session, by_place)
    assert found[0][0] == port and "港口物流园" in found[0][1] and "项目所在地区" in found[0][1]
    unrelated = session.get(Appeal, file(session, description="小区暖气不热已经三天了"))
    assert links.suggested_projects(session, unrelated) == []


def test_the_centre_links_from_the_page_and_the_appeal_lands_on_the_problem_list(session, loop, page_as):
    port, _chips = projects(session, loop.world)
    appeal_id = file(session, requester_kind="enterprise", company="凌海港务集团有限公司", category_code="1201",
                     description="码头用地审批手续拖了两个月")
    client, token = page_as(loop.hotline)
    page = client.get(f"/appeals/{appeal_id}")
    assert 'data-testid="project-suggestion"' in page.text and port.name in page.text
    answer = client.post(f"/appeals/{appeal_id}/project", data={"csrf_token": token, "project_id": str(port.id)},
                         follow_redirects=False)
    assert answer.status_code == 303
    session.expire_all()
    assert session.get(Appeal, appeal_id).project_id == port.id
    problem = session.scalar(select(Problem).where(Problem.source == "appeal", Problem.source_ref == appeal_id))
    assert problem.project_id == port.id and problem.status == "open" and "码头用地审批" in problem.description
    assert 'data-testid="linked-project"' in client.get(f"/appeals/{appeal_id}").text
    again = client.post(f"/appeals/{appeal_id}/project", data={"csrf_token": token, "project_id": str(port.id)})
    assert again.status_code == 409 and "已关联项目" in again.text


def test_linking_by_code_checks_the_code_and_units_may_not_link(session, loop, page_as):
    port, _chips = projects(session, loop.world)
    appeal_id = file(session)
    client, token = page_as(loop.hotline)
    answer = client.post(f"/appeals/{appeal_id}/project", data={"csrf_token": token, "project_code": "NOPE-1"})
    assert answer.status_code == 404 and "没有编号为“NOPE-1”的重点项目" in answer.text
    unit, unit_token = page_as(loop.world.county)
    refused = unit.post(f"/appeals/{appeal_id}/project", data={"csrf_token": unit_token, "project_code": port.code})
    assert refused.status_code == 403
    session.expire_all()
    assert session.get(Appeal, appeal_id).project_id is None
