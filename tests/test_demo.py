"""The demo data a new user meets with `make run` (loaded once for the module: the `demo` fixture)."""

import pytest
from sqlalchemy import func, select

from zhenxing.audit import AuditEvent
from zhenxing.auth import service as accounts
from zhenxing.demo import load_demo
from zhenxing.demo_data import DEMO_PASSWORD, USERS
from zhenxing.projects.models import Project
from zhenxing.projects.service import stage_dates
from zhenxing.projects.stages import STAGES, check_stage_dates, plan_field


@pytest.fixture
def session(demo):
    with demo.sessions() as session:
        yield session


def test_it_loads_a_realistic_ledger_once(demo, session):
    assert demo.loaded is True
    projects = list(session.scalars(select(Project)))
    assert 40 <= len(projects) <= 80
    assert {p.stage for p in projects} == set(STAGES)
    assert len({p.code for p in projects}) == len(projects)
    assert load_demo(session) is False
    assert session.scalar(select(func.count()).select_from(Project)) == len(projects)


def test_every_demo_project_has_ordered_dates_and_a_history(session):
    for project in session.scalars(select(Project)):
        assert check_stage_dates(stage_dates(project)) == [], project.name
        planned = [d for d in (getattr(project, plan_field(s)) for s in STAGES[1:]) if d is not None]
        assert planned == sorted(planned), project.name
        reached = STAGES.index(project.stage)
        for stage in STAGES[reached + 1:]:
            assert stage_dates(project)[stage] is None, f"{project.name} has a date for {stage} not yet reached"
        events = session.scalar(select(func.count()).where(AuditEvent.entity == "project",
                                                           AuditEvent.entity_id == project.id))
        assert events >= 1


def test_every_demo_user_can_log_in(session):
    for name, role, *_ in USERS:
        user = accounts.authenticate(session, name, DEMO_PASSWORD)
        assert user.role == role
