"""A month's lights and both leagues computed together read the month's records once, with the same results
as computing each on its own."""

import random
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import insert, select, update

from tests.dispatch.test_lights_service import city  # noqa: F401 - the fixture
from tests.factories import make_project
from zhenxing import bulk
from zhenxing.dispatch import frame_loader
from zhenxing.dispatch.lights_service import compute_lights
from zhenxing.dispatch.models import LightEscalation, ProgressReport, ProjectLight
from zhenxing.dispatch.month import compute_month
from zhenxing.league.service import compute_league
from zhenxing.projects.models import AnnualPlan

AS_OF = date(2025, 8, 20)


def test_the_month_loads_its_records_once_and_scores_as_each_computation_alone(session, world, city, monkeypatch):  # noqa: F811
    loads = []
    real = frame_loader._load_frame
    monkeypatch.setattr(frame_loader, "_load_frame", lambda s, p: loads.append(str(p)) or real(s, p))
    together = compute_month(session=session, period="2025-07", as_of=AS_OF)
    session.commit()
    assert loads.count("2025-07") == 1
    assert together.lights.counts == {"green": 1, "yellow": 0, "red": 2, "grey": 1}
    results = {kind: run.results for kind, run in together.leagues.items()}
    loads.clear()
    alone = compute_lights(session=session, period="2025-07", as_of=AS_OF)
    assert alone.counts == together.lights.counts
    for kind in ("region", "unit"):
        assert compute_league(session=session, kind=kind, period="2025-07").results == results[kind]
    assert loads.count("2025-07") >= 3  # without sharing: lights and each league load it again
    assert frame_loader._SHARED not in session.info


# ---- one statement per table (zhenxing.bulk) writes what one statement per row wrote ------------------------

def _per_row_insert(session, table, rows):
    for row in rows:
        session.execute(insert(table).values(**row))


def _per_row_update(session, table, key, rows):
    for row in rows:
        session.execute(update(table).where(table.c[key] == row[key]).values(
            **{name: value for name, value in row.items() if name != key}))


@pytest.fixture
def county_world(session, world):
    """Sixty projects over two counties, a township and two units, with random plans and reports for 2025 and
    lights for May and June (so that runs of lights reach 督办 in July)."""
    rng = random.Random(23)
    places = [world.linghai.id, world.heishan.id, world.shuangyang.id]
    projects = [make_project(session, region_id=rng.choice(places), sponsor_id=world.sponsor.id,
                             lead_unit_id=rng.choice([world.fgw.id, world.transport.id, None]),
                             status=rng.choice(["active"] * 8 + ["suspended", "cancelled"]),
                             total_investment=rng.choice([5_000, 12_000, 80_000]),
                             started_on=rng.choice([None, date(2025, 3, 1)]),
                             plan_started_on=rng.choice([None, date(2025, 4, 1), date(2025, 9, 1)]))
                for _ in range(60)]
    session.execute(insert(AnnualPlan), [
        {"project_id": p.id, "year": year, "planned_investment": rng.randint(600, 6000), "note": ""}
        for p in projects for year in (2024, 2025) if rng.random() < .85])
    filed = datetime(2025, 8, 3, 2, tzinfo=UTC)
    session.execute(insert(ProgressReport), [
        {"project_id": p.id, "period": f"{year}-{month:02d}", "completed_investment": rng.randint(0, 700),
         "progress": "", "problems": "", "next_plan": "", "registered": rng.random() < .3,
         "filed_at": filed.replace(year=year, month=month + 1, day=rng.randint(1, 12)), "updated_at": filed}
        for p in projects for year, last in ((2024, 11), (2025, 7)) for month in range(1, last + 1)
        if rng.random() < .8])
    session.commit()
    for period in ("2025-05", "2025-06"):
        compute_lights(session=session, period=period, as_of=AS_OF)
    session.commit()
    return projects


def _month_written(session) -> dict:
    result = compute_month(session=session, period="2025-07", as_of=AS_OF)
    session.flush()
    session.expire_all()
    lights = [(r.project_id, r.period, r.computed, r.light, r.reasons, r.figures, r.rules_name, r.override_reason)
              for r in session.scalars(select(ProjectLight).order_by(ProjectLight.project_id, ProjectLight.period))]
    escalations = [(e.project_id, e.period, e.light, e.label, e.leader_id, e.status)
                   for e in session.scalars(select(LightEscalation).order_by(  # a total order: PG returns ties
                       LightEscalation.project_id, LightEscalation.period, LightEscalation.label))]
    return {"counts": result.lights.counts, "escalations": result.lights.escalations, "lights": lights,
            "made": escalations, "leagues": {kind: run.results for kind, run in result.leagues.items()}}


def _both_ways(session, monkeypatch) -> tuple[dict, dict]:
    with monkeypatch.context() as patched:
        patched.setattr(bulk, "insert_rows", _per_row_insert)
        patched.setattr(bulk, "update_rows", _per_row_update)
        per_row = _month_written(session)
    session.rollback()
    return per_row, _month_written(session)


def test_the_month_written_in_bulk_equals_the_month_written_row_by_row(session, county_world, monkeypatch):
    per_row, bulk_written = _both_ways(session, monkeypatch)
    assert bulk_written == per_row
    assert per_row["made"] and {c for c in per_row["counts"] if per_row["counts"][c]} >= {"green", "red"}
    session.commit()  # now recompute after some records change: the update path
    rng = random.Random(4)
    for project in rng.sample(county_world, 25):
        session.execute(update(ProgressReport).where(ProgressReport.project_id == project.id,
                                                     ProgressReport.period == "2025-07")
                        .values(completed_investment=rng.randint(0, 3000)))
    session.commit()
    per_row, bulk_written = _both_ways(session, monkeypatch)
    assert bulk_written == per_row
