"""The demo appeals: the Jinzhou catalogue, appeals in every state played through the loop, a campaign,
enterprise appeals linked to key projects (on their problem lists), and statistics that match a rebuild."""

import pytest
from sqlalchemy import func, select

from zhenxing.appeals import tallies
from zhenxing.appeals.models import Appeal, AppealCategory, AppealTally, Campaign, CampaignAppeal


@pytest.fixture
def session(demo):
    with demo.sessions() as session:
        yield session


def test_the_demo_has_appeals_in_every_state_a_campaign_and_project_links(demo, session):
    assert demo.loaded is True
    assert session.scalar(select(func.count(AppealCategory.id))) == 20
    statuses = dict(session.execute(select(Appeal.status, func.count()).group_by(Appeal.status)).all())
    assert {"received", "closed", "rated"} <= set(statuses), statuses
    assert statuses.keys() & {"dispatched", "accepted", "replied"}

    def some(condition) -> int:
        return session.scalar(select(func.count(Appeal.id)).where(condition))

    assert some(Appeal.return_count > 0) and some(Appeal.reopen_count > 0) and some(Appeal.escalation_level > 0)
    assert some(Appeal.rating_defaulted.is_(True)) and some(Appeal.rating_level >= 4)
    assert some(Appeal.project_id.is_not(None)) == 8
    months = session.scalar(select(func.count(func.distinct(Appeal.month))))
    assert months >= 12
    campaign = session.scalar(select(Campaign))
    assert campaign.kind == "急难愁盼"
    assert session.scalar(select(func.count(CampaignAppeal.id)).where(CampaignAppeal.campaign_id == campaign.id))


def test_demo_problems_stand_on_the_linked_projects_lists(session):
    from zhenxing.dispatch.models import Problem

    problems = list(session.scalars(select(Problem).where(Problem.source == "appeal")))
    linked = set(session.scalars(select(Appeal.id).where(Appeal.project_id.is_not(None))))
    assert {p.source_ref for p in problems} == linked


def test_the_demo_tallies_equal_a_rebuild_from_the_appeals(session):

    def snapshot() -> dict:
        rows = session.execute(select(AppealTally.month, AppealTally.unit_id, AppealTally.region_id,
                                      func.sum(AppealTally.received), func.sum(AppealTally.replied),
                                      func.sum(AppealTally.satisfied), func.sum(AppealTally.reopened))
                               .group_by(AppealTally.month, AppealTally.unit_id, AppealTally.region_id))
        return {tuple(row[:3]): tuple(row[3:]) for row in rows if any(row[3:])}

    live = snapshot()
    tallies.rebuild(session)
    assert snapshot() == live
