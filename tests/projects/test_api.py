"""The project ledger over /api/v1: every route, its filters, its errors and the scope refusals."""

from datetime import date, timedelta
from types import SimpleNamespace

import pytest
from sqlalchemy import select

from tests.factories import make_project
from zhenxing.audit import AuditEvent
from zhenxing.projects.models import Project

ROUTES = [
    ("GET", "/api/v1/projects"), ("POST", "/api/v1/projects"), ("GET", "/api/v1/projects/1"),
    ("PATCH", "/api/v1/projects/1"), ("POST", "/api/v1/projects/1/transitions"),
    ("GET", "/api/v1/projects/1/history"), ("GET", "/api/v1/audit"), ("GET", "/api/v1/me"),
    ("GET", "/api/v1/regions"), ("GET", "/api/v1/units"), ("GET", "/api/v1/people"),
]


@pytest.fixture
def ledger(world, session):
    """Four projects: one city-wide, two in 凌海市 (one in its township 双羊镇), one in 黑山县."""
    steward = world.steward.person_id
    projects = SimpleNamespace(
        port=make_project(session, code="JZ-001", name="锦州港扩建工程", region_id=world.city.id,
                          lead_unit_id=world.fgw.id, sponsor_id=world.sponsor.id, cluster="石化",
                          track="upgrade", total_investment=500000, stage="started",
                          signed_on=date(2024, 2, 1), started_on=date(2024, 6, 1)),
        wind=make_project(session, code="JZ-002", name="凌海风电项目", region_id=world.linghai.id,
                          steward_id=steward, cluster="新能源", track="emerging", total_investment=8000,
                          stage="signed", signed_on=date(2025, 3, 1)),
        farm=make_project(session, code="JZ-003", name="双羊镇农产品加工园", region_id=world.shuangyang.id,
                          lead_unit_id=world.transport.id, cluster="农产品", total_investment=20000),
        solar=make_project(session, code="JZ-004", name="黑山县光伏电站", region_id=world.heishan.id,
                           company="国电投辽宁公司", cluster="新能源", track="emerging",
                           total_investment=30000, stage="landed", status="suspended"),
    )
    session.commit()
    return projects


def codes(response) -> list[str]:
    assert response.status_code == 200, response.text
    return [item["code"] for item in response.json()["items"]]


def events(sessions, action: str) -> list[AuditEvent]:
    with sessions() as fresh:
        return list(fresh.scalars(select(AuditEvent).where(AuditEvent.action == action).order_by(AuditEvent.id)))


def row(sessions, project_id: int) -> dict:
    with sessions() as fresh:
        project = fresh.get(Project, project_id)
        return {c.name: getattr(project, c.name) for c in Project.__table__.columns}


@pytest.mark.parametrize(("method", "path"), ROUTES)
def test_anonymous_requests_are_refused_with_401(client, world, method, path):
    response = client.request(method, path, json={})
    assert response.status_code == 401
    assert "Bearer" in response.json()["message"]


# ---- listing ---------------------------------------------------------------------------------------

def test_the_office_lists_every_project_with_a_summary_by_stage(api_as, world, ledger):
    body = api_as(world.office).get("/api/v1/projects").json()
    assert [p["code"] for p in body["items"]] == ["JZ-001", "JZ-002", "JZ-003", "JZ-004"]
    assert body["total"] == 4 and body["page"] == 1 and body["per_page"] == 50
    by_stage = {s["stage"]: (s["label"], s["count"], s["total_investment"]) for s in body["by_stage"]}
    assert by_stage["started"] == ("开工", 1, 500000)
    assert by_stage["planned"] == ("谋划", 1, 20000)
    assert by_stage["operating"] == ("投产", 0, 0)


@pytest.mark.parametrize(("query", "expected"), [
    ({"region_id": "linghai"}, ["JZ-002", "JZ-003"]),  # a county includes its townships
    ({"region_id": "shuangyang"}, ["JZ-003"]),
    ({"region_id": "city"}, ["JZ-001", "JZ-002", "JZ-003", "JZ-004"]),
    ({"stage": "signed"}, ["JZ-002"]),
    ({"stage": "operating"}, []),
    ({"cluster": "新能源"}, ["JZ-002", "JZ-004"]),
    ({"track": "emerging"}, ["JZ-002", "JZ-004"]),
    ({"major": "true"}, ["JZ-001", "JZ-003", "JZ-004"]),
    ({"major": "false"}, ["JZ-002"]),
    ({"sponsor_id": "sponsor"}, ["JZ-001"]),
    ({"steward_id": "steward"}, ["JZ-002"]),
    ({"lead_unit_id": "transport"}, ["JZ-003"]),
    ({"status": "suspended"}, ["JZ-004"]),
    ({"q": "风电"}, ["JZ-002"]),
    ({"q": "国电投"}, ["JZ-004"]),
    ({"q": "JZ-003"}, ["JZ-003"]),
    ({"q": "  光伏 "}, ["JZ-004"]),
    ({"q": "不存在的项目"}, []),
    ({"cluster": "新能源", "major": "true"}, ["JZ-004"]),
    ({"region_id": "linghai", "stage": "planned"}, ["JZ-003"]),
])
def test_it_filters_the_list(api_as, world, ledger, query, expected):
    ids = {"linghai": world.linghai.id, "shuangyang": world.shuangyang.id, "city": world.city.id,
           "sponsor": world.sponsor.id, "steward": world.steward.person_id, "transport": world.transport.id}
    params = {key: ids.get(value, value) for key, value in query.items()}
    response = api_as(world.office).get("/api/v1/projects", params=params)
    assert codes(response) == expected
    assert response.json()["total"] == len(expected)


@pytest.mark.parametrize(("sort", "expected"), [
    ("code", ["JZ-001", "JZ-002", "JZ-003", "JZ-004"]),
    ("-code", ["JZ-004", "JZ-003", "JZ-002", "JZ-001"]),
    ("total_investment", ["JZ-002", "JZ-003", "JZ-004", "JZ-001"]),
    ("-total_investment", ["JZ-001", "JZ-004", "JZ-003", "JZ-002"]),
    ("stage", ["JZ-003", "JZ-002", "JZ-004", "JZ-001"]),  # in stage order 谋划 → 投产, not by name
    ("-stage", ["JZ-001", "JZ-004", "JZ-002", "JZ-003"]),
])
def test_it_sorts_the_list(api_as, world, ledger, sort, expected):
    assert codes(api_as(world.office).get("/api/v1/projects", params={"sort": sort})) == expected


@pytest.mark.parametrize("sort", ["budget", "-region", "code;drop table projects"])
def test_it_refuses_an_unknown_sort_and_names_the_field(api_as, world, ledger, sort):
    response = api_as(world.office).get("/api/v1/projects", params={"sort": sort})
    assert response.status_code == 422
    assert response.json()["field"] == "sort"
    assert "total_investment" in response.json()["message"]


def test_it_pages_through_the_list(api_as, world, ledger):
    api = api_as(world.office)
    second = api.get("/api/v1/projects", params={"per_page": 3, "page": 2}).json()
    assert [p["code"] for p in second["items"]] == ["JZ-004"]
    assert (second["total"], second["page"], second["per_page"]) == (4, 2, 3)
    assert codes(api.get("/api/v1/projects", params={"per_page": 3, "page": 9})) == []


@pytest.mark.parametrize(("params", "field"), [
    ({"per_page": 201}, "per_page"), ({"per_page": 0}, "per_page"), ({"page": 0}, "page"),
    ({"major": "也许"}, "major"), ({"region_id": "凌海"}, "region_id"),
])
def test_it_refuses_bad_list_parameters_and_names_them(api_as, world, ledger, params, field):
    response = api_as(world.office).get("/api/v1/projects", params=params)
    assert response.status_code == 422
    assert response.json()["field"] == field


# ---- one project -----------------------------------------------------------------------------------

def test_it_reads_one_project_with_its_names_and_derived_fields(api_as, world, ledger):
    body = api_as(world.office).get(f"/api/v1/projects/{ledger.port.id}").json()
    assert body["name"] == "锦州港扩建工程"
    assert body["region"] == {"id": world.city.id, "name": "锦州市"}
    assert body["lead_unit"]["name"] == "市发展改革委" and body["sponsor"]["name"] == "王振国"
    assert body["is_major"] is True and body["stage_label"] == "开工" and body["started_on"] == "2024-06-01"


def test_an_unknown_project_is_404_naming_the_id(api_as, world, ledger):
    response = api_as(world.office).get("/api/v1/projects/999999")
    assert response.status_code == 404
    assert response.json()["field"] == "id"


NEW = {"code": "JZ-100", "name": "松山新区数据中心", "cluster": "数字经济", "track": "emerging",
       "total_investment": 150000, "planned_investment": 40000}


def test_the_office_creates_a_project_and_the_creation_is_audited(api_as, world, ledger, sessions):
    response = api_as(world.office).post("/api/v1/projects", json={**NEW, "region_id": world.heishan.id})
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["code"] == "JZ-100" and body["stage"] == "planned" and body["region"]["name"] == "黑山县"
    created = [e for e in events(sessions, "create") if e.entity == "project"]
    assert [e.entity_id for e in created] == [body["id"]]
    assert created[0].actor_name == "office"
    assert created[0].changes["name"] == [None, "松山新区数据中心"]
    assert created[0].changes["region"] == [None, "黑山县"]


def test_a_duplicate_code_is_409_naming_code(api_as, world, ledger):
    response = api_as(world.office).post("/api/v1/projects", json={**NEW, "code": "JZ-001",
                                                                     "region_id": world.city.id})
    assert response.status_code == 409
    assert response.json()["field"] == "code" and "JZ-001" in response.json()["message"]


@pytest.mark.parametrize("field", ["region_id", "lead_unit_id", "sponsor_id", "steward_id"])
def test_an_unknown_reference_is_422_naming_it(api_as, world, ledger, field):
    payload = {**NEW, "region_id": world.city.id, field: 987654}
    response = api_as(world.office).post("/api/v1/projects", json=payload)
    assert response.status_code == 422
    assert response.json()["field"] == field


@pytest.mark.parametrize(("change", "field"), [
    ({"total_investment": "很多"}, "total_investment"),
    ({"total_investment": -5}, "total_investment"),
    ({"region_id": "凌海市"}, "region_id"),
    ({"name": "X"}, "name"),
    ({"code": ""}, "code"),
    ({"stage": "开工"}, "stage"),
    ({"track": "old"}, "track"),
    ({"status": "paused"}, "status"),
    ({"plan_started_on": "明年"}, "plan_started_on"),
    ({"colour": "red"}, "colour"),
])
def test_bad_values_are_422_naming_the_field_and_create_nothing(api_as, world, ledger, sessions, change, field):
    response = api_as(world.office).post("/api/v1/projects", json={**NEW, "region_id": world.city.id, **change})
    assert response.status_code == 422
    assert response.json()["field"] == field
    assert field in response.json()["message"]
    with sessions() as fresh:
        assert fresh.scalar(select(Project).where(Project.code == "JZ-100")) is None


def test_a_missing_required_field_is_named(api_as, world, ledger):
    response = api_as(world.office).post("/api/v1/projects", json={"code": "JZ-101", "name": "某项目"})
    assert response.status_code == 422
    assert response.json()["field"] == "region_id"


def test_the_office_edits_a_project_and_the_edit_is_audited_before_to_after(api_as, world, ledger, sessions):
    response = api_as(world.office).patch(f"/api/v1/projects/{ledger.wind.id}",
                                          json={"total_investment": 15000, "lead_unit_id": world.fgw.id})
    assert response.status_code == 200, response.text
    assert response.json()["is_major"] is True
    [update] = events(sessions, "update")
    assert update.entity_id == ledger.wind.id
    assert update.changes == {"total_investment": [8000, 15000], "lead_unit": [None, "市发展改革委"]}


def test_an_edit_that_changes_nothing_writes_no_event(api_as, world, ledger, sessions):
    response = api_as(world.office).patch(f"/api/v1/projects/{ledger.wind.id}", json={"cluster": "新能源"})
    assert response.status_code == 200
    assert events(sessions, "update") == []


@pytest.mark.parametrize(("change", "field"), [
    ({"name": None}, "name"), ({"region_id": None}, "region_id"), ({"cluster": None}, "cluster"),
    ({"total_investment": None}, "total_investment"), ({"region_id": 987654}, "region_id"),
    ({"total_investment": "一亿"}, "total_investment"), ({"stage": "started"}, "stage"),
])
def test_a_refused_edit_names_the_field_and_changes_nothing(api_as, world, ledger, sessions, change, field):
    before = row(sessions, ledger.wind.id)
    response = api_as(world.office).patch(f"/api/v1/projects/{ledger.wind.id}", json=change)
    assert response.status_code == 422, response.text
    assert response.json()["field"] == field
    assert row(sessions, ledger.wind.id) == before


# ---- stages and history ------------------------------------------------------------------------------

def test_a_transition_moves_the_stage_records_the_date_and_is_audited(api_as, world, ledger, sessions):
    on = date.today().isoformat()
    response = api_as(world.county).post(f"/api/v1/projects/{ledger.farm.id}/transitions",
                                         json={"to": "started", "date": on})
    assert response.status_code == 200, response.text
    assert response.json()["stage"] == "started" and response.json()["started_on"] == on
    [stage] = events(sessions, "stage")
    assert stage.summary.startswith("谋划 → 开工")
    assert stage.changes == {"stage": ["planned", "started"], "started_on": [None, on]}


def test_a_rewind_by_the_office_clears_later_dates_and_keeps_the_reason(api_as, world, ledger, sessions):
    response = api_as(world.office).post(f"/api/v1/projects/{ledger.port.id}/transitions",
                                         json={"to": "signed", "date": "2025-01-01", "reason": "误报开工"})
    assert response.status_code == 200, response.text
    assert response.json()["stage"] == "signed" and response.json()["started_on"] is None
    assert response.json()["signed_on"] == "2024-02-01"
    [stage] = events(sessions, "stage")
    assert "误报开工" in stage.summary and stage.changes["started_on"] == ["2024-06-01", None]


@pytest.mark.parametrize(("payload", "status", "field"), [
    ({"to": "landed", "date": (date.today() + timedelta(days=1)).isoformat()}, 422, "date"),
    ({"to": "landed", "date": "2025-02-01"}, 422, "date"),  # before 签约 2025-03-01
    ({"to": "signed", "date": "2025-04-01"}, 422, "to"),
    ({"to": "bogus", "date": "2025-04-01"}, 422, "to"),
    ({"to": "planned", "date": "2025-04-01", "reason": "回退"}, 403, "to"),  # a steward may not rewind
    ({"to": "landed", "date": "昨天"}, 422, "date"),
    ({"to": "landed"}, 422, "date"),
])
def test_a_refused_transition_names_the_field_and_changes_nothing(api_as, world, ledger, sessions, payload,
                                                                  status, field):
    before = row(sessions, ledger.wind.id)
    response = api_as(world.steward).post(f"/api/v1/projects/{ledger.wind.id}/transitions", json=payload)
    assert response.status_code == status, response.text
    assert response.json()["field"] == field
    assert row(sessions, ledger.wind.id) == before
    assert events(sessions, "stage") == []


def test_a_suspended_project_cannot_change_stage(api_as, world, ledger):
    response = api_as(world.office).post(f"/api/v1/projects/{ledger.solar.id}/transitions",
                                         json={"to": "started", "date": "2025-05-01"})
    assert response.status_code == 422
    assert "暂停" in response.json()["message"]


def test_the_history_lists_a_projects_events_newest_first(api_as, world, ledger):
    api = api_as(world.office)
    api.patch(f"/api/v1/projects/{ledger.farm.id}", json={"company": "双羊食品公司"})
    api.post(f"/api/v1/projects/{ledger.farm.id}/transitions", json={"to": "signed", "date": "2025-06-01"})
    api.patch(f"/api/v1/projects/{ledger.wind.id}", json={"company": "别的项目"})
    history = api.get(f"/api/v1/projects/{ledger.farm.id}/history").json()
    assert [e["action"] for e in history] == ["stage", "update"]
    assert history[1]["changes"] == {"company": ["", "双羊食品公司"]}
    assert history[0]["actor_name"] == "office"


# ---- scope refusals ----------------------------------------------------------------------------------

def test_a_county_user_sees_its_county_and_townships_only(api_as, world, ledger):
    api = api_as(world.county)
    assert codes(api.get("/api/v1/projects")) == ["JZ-002", "JZ-003"]
    assert codes(api.get("/api/v1/projects", params={"region_id": world.heishan.id})) == []
    assert api.get(f"/api/v1/projects/{ledger.farm.id}").status_code == 200


@pytest.mark.parametrize(("method", "suffix", "payload"), [
    ("GET", "", None), ("PATCH", "", {"total_investment": 1}), ("GET", "/history", None),
    ("POST", "/transitions", {"to": "started", "date": "2025-05-01"}),
])
def test_out_of_scope_access_is_403_audited_as_denied_and_changes_nothing(api_as, world, ledger, sessions,
                                                                         method, suffix, payload):
    before = row(sessions, ledger.solar.id)
    path = f"/api/v1/projects/{ledger.solar.id}{suffix}"
    response = api_as(world.county).request(method, path, json=payload)
    assert response.status_code == 403
    assert "JZ-004" not in response.json()["message"]  # a refusal names no record (issue 6, item 10)
    [denied] = events(sessions, "denied")
    verb = {"GET": "查看", "PATCH": "修改", "POST": "提交"}[method]
    assert denied.actor_name == "linghai" and path in denied.summary and denied.summary.startswith(verb)
    assert row(sessions, ledger.solar.id) == before


def test_a_county_user_creates_in_its_township_but_not_in_another_county(api_as, world, ledger, sessions):
    api = api_as(world.county)
    refused = api.post("/api/v1/projects", json={**NEW, "region_id": world.heishan.id})
    assert refused.status_code == 403 and refused.json()["field"] == "region_id"
    assert len(events(sessions, "denied")) == 1
    created = api.post("/api/v1/projects", json={**NEW, "region_id": world.shuangyang.id})
    assert created.status_code == 201


def test_a_county_user_cannot_move_its_project_into_another_county(api_as, world, ledger, sessions):
    before = row(sessions, ledger.wind.id)
    response = api_as(world.county).patch(f"/api/v1/projects/{ledger.wind.id}",
                                          json={"region_id": world.heishan.id, "name": "改名的风电项目"})
    assert response.status_code == 403 and response.json()["field"] == "region_id"
    assert row(sessions, ledger.wind.id) == before
    assert events(sessions, "update") == []


def test_a_leader_reads_everything_but_every_write_is_refused(api_as, world, ledger, sessions):
    api = api_as(world.leader)
    assert len(codes(api.get("/api/v1/projects"))) == 4
    assert api.get(f"/api/v1/projects/{ledger.solar.id}").status_code == 200
    before = row(sessions, ledger.port.id)
    writes = [
        api.post("/api/v1/projects", json={**NEW, "region_id": world.city.id}),
        api.patch(f"/api/v1/projects/{ledger.port.id}", json={"name": "领导改名"}),
        api.post(f"/api/v1/projects/{ledger.port.id}/transitions", json={"to": "completed", "date": "2025-09-01"}),
        api.post(f"/api/v1/projects/{ledger.port.id}/transitions",
                 json={"to": "planned", "date": "2025-09-01", "reason": "调整"}),
    ]
    assert [w.status_code for w in writes] == [403, 403, 403, 403]
    assert row(sessions, ledger.port.id) == before
    assert len(events(sessions, "denied")) == 4


def test_a_steward_sees_and_edits_only_the_projects_it_serves(api_as, world, ledger, sessions):
    api = api_as(world.steward)
    assert codes(api.get("/api/v1/projects")) == ["JZ-002"]
    assert api.patch(f"/api/v1/projects/{ledger.wind.id}", json={"company": "凌海风电公司"}).status_code == 200
    assert api.patch(f"/api/v1/projects/{ledger.port.id}", json={"company": "x"}).status_code == 403
    assert api.post("/api/v1/projects", json={**NEW, "region_id": world.linghai.id,
                                              "steward_id": world.steward.person_id}).status_code == 403


def test_a_unit_user_sees_and_edits_the_projects_its_unit_leads(api_as, world, ledger):
    api = api_as(world.transport_user)
    assert codes(api.get("/api/v1/projects")) == ["JZ-003"]
    assert api.patch(f"/api/v1/projects/{ledger.farm.id}", json={"company": "交投集团"}).status_code == 200
    assert api.get(f"/api/v1/projects/{ledger.wind.id}").status_code == 403


# ---- organisation look-ups ---------------------------------------------------------------------------

def test_regions_come_in_tree_order_with_their_kinds(api_as, world):
    regions = api_as(world.county).get("/api/v1/regions").json()
    names = [r["name"] for r in regions]
    assert names == ["锦州市", "凌海市", "双羊镇", "黑山县"]
    assert regions[2] == {"id": world.shuangyang.id, "name": "双羊镇", "kind": "township",
                          "parent_id": world.linghai.id}


def test_units_and_people_are_listed(api_as, world):
    api = api_as(world.steward)
    assert [u["name"] for u in api.get("/api/v1/units").json()] == ["市发展改革委", "市交通运输局"]
    people = api.get("/api/v1/people").json()
    assert {"id": world.sponsor.id, "name": "王振国", "title": "副市长"} in people
    assert "刘佳" in [p["name"] for p in people]
