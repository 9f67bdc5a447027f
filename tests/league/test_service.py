"""Leagues computed from the records, stored with their inputs, reproduced exactly, schemes by year."""

from datetime import date

import pytest

from tests.factories import make_project
from zhenxing import audit
from zhenxing.auth.service import scope_for
from zhenxing.dispatch import reports
from zhenxing.dispatch.schemas import ReportFields
from zhenxing.errors import Forbidden, Rejected
from zhenxing.league import service
from zhenxing.league.schemes import preset
from zhenxing.projects import plans


def planned(session, world, region, amount, **fields):
    project = make_project(session, region_id=region.id, **fields)
    plans.set_plan(session=session, actor=None, scope=scope_for(session, world.office), project=project, year=2025,
                   planned_investment=amount, today=date(2025, 1, 5))
    return project


def report(session, world, project, period, amount):
    reports.file_report(session=session, actor=world.office, scope=scope_for(session, world.office),
                        project_id=project.id, period=period, data=ReportFields(completed_investment=amount),
                        today=date(2025, 8, 1))


@pytest.fixture
def league_world(session, world):
    ahead = planned(session, world, world.shuangyang, 1200, started_on=date(2025, 3, 1),
                    plan_started_on=date(2025, 3, 1), lead_unit_id=world.fgw.id)  # a township of 凌海市
    behind = planned(session, world, world.heishan, 1200, plan_started_on=date(2025, 4, 1),
                     lead_unit_id=world.transport.id)
    for month in range(1, 7):
        report(session, world, ahead, f"2025-{month:02d}", 150)
        report(session, world, behind, f"2025-{month:02d}", 30)
    session.commit()
    return ahead, behind


def test_the_region_league_ranks_counties_on_their_projects(session, world, league_world):
    run = service.compute_league(session=session, kind="region", period="2025-06", actor=world.office)
    session.commit()
    assert [(row["name"], row["rank"]) for row in run.results] == [("凌海市", 1), ("黑山县", 2)]
    linghai = run.results[0]["measures"]
    assert linghai["investment_rate"]["value"] == 75.0  # 900 of 1200 (a township's project counts for its county)
    assert run.results[1]["measures"]["late_starts"]["value"] == 1
    assert run.inputs["investment_rate"] == {str(world.linghai.id): 75.0, str(world.heishan.id): 15.0}
    assert "计算2025年6月县区赛马排名：第一名 凌海市" in audit.list_events(session, entity="league")[0].summary


def test_a_stored_league_is_reproduced_exactly_from_what_it_stored(session, world, league_world):
    run = service.compute_league(session=session, kind="region", period="2025-06", actor=world.office)
    session.commit()
    report(session, world, league_world[1], "2025-06", 5000)  # later data does not change the stored league
    session.commit()
    stored = service.get_league(session=session, kind="region", period="2025-06")
    assert service.reproduce(stored) == run.results == stored.results


def test_movement_is_against_the_previous_period(session, world, league_world):
    service.compute_league(session=session, kind="region", period="2025-05")
    league_world[1].started_on = date(2025, 6, 2)  # 黑山县 starts its project and catches up in June
    report(session, world, league_world[1], "2025-06", 9000)
    run = service.compute_league(session=session, kind="region", period="2025-06")
    assert [(row["name"], row["movement"]) for row in run.results] == [("黑山县", "↑1"), ("凌海市", "↓1")]


def test_the_unit_league_ranks_lead_units(session, world, league_world):
    run = service.compute_league(session=session, kind="unit", period="2025-06")
    ranked = [(row["name"], row["rank"]) for row in run.results if row["rank"] is not None]
    assert ranked == [("市发展改革委", 1), ("市交通运输局", 2)]


def test_a_new_year_starts_from_last_years_scheme_and_last_year_keeps_its_own(session, world):
    data = preset("region")
    data["measures"][0]["weight"] = 30
    service.update_scheme(session=session, actor=world.office, kind="region", year=2024, data=data)
    assert service.scheme_for(session, "region", 2025).data["measures"][0]["weight"] == 30
    changed = preset("region")
    service.update_scheme(session=session, actor=world.office, kind="region", year=2025, data=changed)
    assert service.scheme_for(session, "region", 2024).data["measures"][0]["weight"] == 30


def test_a_bad_scheme_is_refused_naming_its_field(session, world):
    data = preset("region")
    data["measures"][0]["weight"] = -5
    with pytest.raises(Rejected) as caught:
        service.update_scheme(session=session, actor=world.office, kind="region", year=2025, data=data)
    assert caught.value.field == "measures[1].weight"


def test_a_scheme_naming_an_unregistered_measure_is_refused(session, world):
    data = preset("region")
    data["measures"][0]["key"] = "no_such_measure"
    with pytest.raises(Rejected, match="未注册"):
        service.update_scheme(session=session, actor=world.office, kind="region", year=2025, data=data)


def test_only_the_office_edits_schemes_and_computes(session, world):
    with pytest.raises(Forbidden):
        service.update_scheme(session=session, actor=world.county, kind="region", year=2025, data=preset("region"))
    with pytest.raises(Forbidden):
        service.compute_league(session=session, kind="region", period="2025-06", actor=world.leader)


def test_a_province_ranks_its_cities_on_the_pooled_projects_of_their_counties(session, world, league_world):
    """City league: the roots of the region tree, each scored on every project under it (the county's and the
    township's alike); the rate is the pooled one (Σ done ÷ Σ planned), not the mean of the counties' rates.
    A deployment with one city offers no city league; with two it does, and the month computes it."""
    from tests.factories import make_region
    from zhenxing.dispatch.month import compute_month

    assert "city" not in service.kinds_in_use(session)
    dalian = make_region(session, "大连市", "city")
    jinzhou_county = make_region(session, "金州区", "district", dalian)
    slow = planned(session, world, jinzhou_county, 3000, lead_unit_id=world.fgw.id)
    for month in range(1, 7):
        report(session, world, slow, f"2025-{month:02d}", 100)
    session.commit()
    assert service.subjects(session, "city") == [(world.city.id, "锦州市"), (dalian.id, "大连市")]
    assert "city" in service.kinds_in_use(session)
    run = service.compute_league(session=session, kind="city", period="2025-06", actor=world.office)
    session.commit()
    assert [(row["name"], row["rank"]) for row in run.results] == [("锦州市", 1), ("大连市", 2)]
    assert run.inputs["investment_rate"] == {str(world.city.id): 45.0, str(dalian.id): 20.0}  # (900+180)/2400
    assert service.reproduce(run) == run.results
    counties = service.compute_league(session=session, kind="region", period="2025-06")
    assert {row["name"] for row in counties.results} == {"凌海市", "黑山县", "金州区"}
    month = compute_month(session=session, period="2025-06", as_of=date(2025, 8, 1))
    assert set(month.leagues) == {"region", "unit", "city"}
    assert month.leagues["city"].results == run.results
