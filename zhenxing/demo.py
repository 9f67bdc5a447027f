"""Load the demo organisation, ledger and users (see demo_data.py)."""

from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from zhenxing import audit
from zhenxing import demo_data as data
from zhenxing.auth import service as accounts
from zhenxing.org import service as org
from zhenxing.org.models import Person, Region, Unit
from zhenxing.projects.models import Project
from zhenxing.projects.stages import STAGES, plan_field, stage_field

# Typical days from the previous stage to this one, for illustrative planned dates.
TYPICAL_DAYS = {"signed": 90, "landed": 120, "started": 120, "completed": 540, "operating": 90}


def load_demo(session: Session) -> bool:
    """Load once; returns False when the demo organisation is already there."""
    if session.scalar(select(Region.id).limit(1)) is not None:
        return False
    for name, kind, parent in data.REGIONS:
        org.add_region(session, name, kind, org.region_by_name(session, parent) if parent else None)
    for name in data.UNITS:
        session.add(Unit(name=name))
    session.flush()
    for name, title, unit in data.PEOPLE:
        session.add(Person(name=name, title=title, unit_id=org.unit_by_name(session, unit).id if unit else None))
    session.flush()
    for number, row in enumerate(data.PROJECTS, 1):
        project = _project(session, number, row)
        session.add(project)
        session.flush()
        audit.record(session, actor=None, action="create", entity="project", entity_id=project.id,
                     summary=f"演示数据：建账 {project.code} {project.name}")
    for name, role, region, unit in data.USERS:
        accounts.create_user(session, name=name, role=role, password=data.DEMO_PASSWORD, region=region, unit=unit)
    session.flush()
    from zhenxing.documents.sample import load_sample

    load_sample(session)
    from zhenxing.appeals.demo import load as load_appeals
    from zhenxing.config import get_settings

    load_appeals(session, count=get_settings().demo_appeals)
    from zhenxing.supervision.demo import load as load_supervision

    load_supervision(session)
    from zhenxing.dispatch.demo import load as load_dispatch

    load_dispatch(session)
    return True


def _project(session: Session, number: int, row: tuple) -> Project:
    (name, region, unit, sponsor, steward, cluster, track, company, total, planned, completed, stage,
     dates) = row
    project = Project(
        code=f"JZ2024-{number:03d}", name=name, region_id=org.region_by_name(session, region).id,
        lead_unit_id=org.unit_by_name(session, unit).id, cluster=cluster, track=track or None,
        company=company, total_investment=total, planned_investment=planned,
        completed_investment=completed, stage=stage,
        sponsor_id=org.person_by_name(session, sponsor).id if sponsor else None,
        steward_id=org.person_by_name(session, steward).id if steward else None,
        description=f"{name}项目，{cluster}产业，投资主体{company}。",
    )
    for key, value in dates.items():
        setattr(project, stage_field(key), date.fromisoformat(value))
    _plan_dates(project)
    return project


def _plan_dates(project: Project) -> None:
    """Planned dates: the actual ones where reached, none for skipped stages, typical durations onwards."""
    reached = STAGES.index(project.stage)
    current = date(2024, 1, 15)
    for index, stage in enumerate(STAGES[1:], 1):
        actual = getattr(project, stage_field(stage))
        if actual is None and index <= reached:
            continue  # skipped on the way (e.g. a government project goes from 谋划 straight to 开工)
        current = actual or max(current, date(2024, 1, 15)) + timedelta(days=TYPICAL_DAYS[stage])
        setattr(project, plan_field(stage), current)
