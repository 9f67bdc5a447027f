"""Every route × personas × a record in and out of the persona's scope, generated from the app's route table.

The demo city (tests/web/site.py) gets one record of every kind placed outside the scope of the county,
unit and steward personas (another county, another unit's lead, another steward), each stamped with a
marker text. Then, as each persona, every route of the app is called — GET and POST, PATCH, PUT, DELETE —
with its path parameters filled with the out-of-scope record (and, for GETs, again with an in-scope one):

* no answer is a 5xx;
* no answer contains a marker (lists, exports, dashboards, details, error messages: a leak anywhere fails);
* a route given an out-of-scope record does not succeed (no 2xx/3xx) unless its class says it is public.

A path parameter nobody classified in PARAMS below fails the test, naming it: a route added later is covered
from its first run, once its author says how its record is found in and out of scope.
"""

import io
import re
import zipfile
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from types import SimpleNamespace

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from tests.web.site import app_routes, demo_city, log_in
from zhenxing.appeals.models import Appeal, AppealCategory, AppealPhoto
from zhenxing.auth import service as accounts
from zhenxing.auth.models import User
from zhenxing.auth.policy import Scope
from zhenxing.dispatch import problems
from zhenxing.dispatch.models import (
    DispatchMeeting,
    FieldReview,
    FieldReviewPhoto,
    FieldReviewStop,
    MeetingDecision,
    Problem,
)
from zhenxing.documents.models import Document, Draft
from zhenxing.org.models import Region
from zhenxing.projects.models import Project
from zhenxing.supervision.models import Escalation
from zhenxing.targets.models import Reading, Target
from zhenxing.tasks.models import Task, TaskFile

MARK = "越权标记"
PERSONAS = ("linghai", "jiaotong", "刘佳")
SKIPPED = {"/login": "anonymous: signs in", "/logout": "ends the persona's own login (tests/auth/test_sessions.py)"}
# Routes that publish appeals to anyone by design (GeoReport v2, the public tracking page): personal data is
# masked there (tests/appeals), the description is public.
PUBLIC_APPEALS = re.compile(r"^/open311/|^/public/")
METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")


@dataclass
class Param:
    """How a path parameter's record is found: `out` outside every persona's scope (stamped with MARK),
    `inside` inside the county persona's scope; or a fixed `value` for parameters that name no scoped record
    (with the reason in `why`)."""

    out: Callable[[Session, SimpleNamespace], str] | None = None
    inside: Callable[[Session, SimpleNamespace], str | None] | None = None
    value: Callable[[Session, SimpleNamespace, str], str] | None = None
    why: str = ""


def _id(row) -> str:
    return str(row.id) if row is not None else "0"


def _first(session: Session, model, *where) -> str:
    return _id(session.scalars(select(model).where(*where).order_by(model.id).limit(1)).first())


PARAMS: dict[str, Param] = {
    "project_id": Param(out=lambda s, w: str(w.project.id),
                        inside=lambda s, w: _first(s, Project, Project.region_id.in_(w.linghai))),
    "document_id": Param(out=lambda s, w: str(w.document.id),
                         inside=lambda s, w: _first(s, Document, Document.region_id.in_(w.linghai))),
    "draft_id": Param(out=lambda s, w: _first(s, Draft, Draft.document_id == w.document.id),
                      inside=lambda s, w: _first(s, Draft)),
    "target_id": Param(out=lambda s, w: str(w.target.id),
                       inside=lambda s, w: _first(s, Target, Target.region_id.in_(w.linghai))),
    "reading_id": Param(out=lambda s, w: str(w.reading.id),
                        inside=lambda s, w: _first(s, Reading, Reading.region_id.in_(w.linghai))),
    "task_id": Param(out=lambda s, w: str(w.task.id),
                     inside=lambda s, w: _first(s, Task, Task.region_id.in_(w.linghai))),
    "file_id": Param(out=lambda s, w: str(w.file.id), inside=lambda s, w: None),
    "escalation_id": Param(out=lambda s, w: _first(s, Escalation, Escalation.task_id == w.task.id),
                           inside=lambda s, w: None),
    "problem_id": Param(out=lambda s, w: str(w.problem.id),
                        inside=lambda s, w: _first(s, Problem, Problem.project_id.in_(
                            select(Project.id).where(Project.region_id.in_(w.linghai))))),
    "appeal_id": Param(out=lambda s, w: str(w.appeal.id),
                       inside=lambda s, w: _first(s, Appeal, Appeal.region_id.in_(w.linghai))),
    "photo_id": Param(out=lambda s, w: _first(s, AppealPhoto, AppealPhoto.appeal_id == w.appeal.id),
                      inside=lambda s, w: None),
    # Open311 is public: its request ids are tracking numbers anybody may look up (masked, tests/appeals).
    "request_id": Param(value=lambda s, w, path: w.appeal.tracking_no, why="Open311: public by design"),
    "token": Param(value=lambda s, w, path: w.appeal.tracking_no, why="Open311: public by design"),
    "kind": Param(value=lambda s, w, path: "json" if path.startswith("/open311") else "region",
                  why="a format or a league kind, no record"),
    "code": Param(value=lambda s, w, path: "0701", why="an Open311 service code: the public catalogue"),
    "period": Param(value=lambda s, w, path: "2025-06", why="a month, no record"),
    "year": Param(value=lambda s, w, path: "2025", why="a year, no record"),
    "day": Param(value=lambda s, w, path: "2025-05-06", why="a calendar day (holiday table), city-wide"),
    "what": Param(value=lambda s, w, path: "regions", why="the organisation: everybody reads it"),
    "row_id": Param(value=lambda s, w, path: _first(s, Region), why="the organisation: everybody reads it"),
    "region_id": Param(value=lambda s, w, path: _first(s, Region), why="the organisation: everybody reads it"),
    "unit_id": Param(value=lambda s, w, path: "1", why="the organisation: everybody reads it"),
    "person_id": Param(value=lambda s, w, path: "1", why="the organisation: everybody reads it"),
    "user_id": Param(value=lambda s, w, path: str(w.admin_id), why="accounts: the admin's alone (403 else)"),
    "example_id": Param(value=lambda s, w, path: "1", why="review examples: managers alone (403 else)"),
    "keyword_id": Param(value=lambda s, w, path: "1", why="lookup tables: managers alone (403 else)"),
    # 拉练: a tour of projects across the city, read by everybody (its results are published as a 通报);
    # planning is the office's, scoring and votes the office's and the touring leaders' (403 else).
    "review_id": Param(value=lambda s, w, path: _first(s, FieldReview), why="拉练: city-wide by design"),
    "review_photo_id": Param(value=lambda s, w, path: _first(s, FieldReviewPhoto), why="拉练: city-wide by design"),
    "stop_id": Param(value=lambda s, w, path: _first(s, FieldReviewStop), why="拉练: city-wide by design"),
    # 调度会: the meeting and its pack are the office's, leaders' and 督查室's (by role, 403 else); each decision
    # (议定事项) is addressed to a unit or a region, which alone acts on it.
    "meeting_id": Param(value=lambda s, w, path: str(w.meeting.id), why="调度会: by role"),
    "decision_id": Param(out=lambda s, w: str(w.decision.id),
                         inside=lambda s, w: _first(s, MeetingDecision, MeetingDecision.region_id.in_(w.linghai))),
    "category_id": Param(value=lambda s, w, path: _first(s, AppealCategory), why="appeal catalogue: the centre's"),
    "client_id": Param(value=lambda s, w, path: "1", why="Open311 clients: the centre's and the admin's"),
    # 督查 rules: city-wide settings everybody may read; only the office, 督查室 and admin change them (403 else).
    "name": Param(value=lambda s, w, path: "ladder", why="a rule kind's name: city-wide settings, no record"),
    "rule_kind": Param(value=lambda s, w, path: "dispatch.lights", why="a rule kind: city-wide settings, no record"),
}

PARAM = re.compile(r"\{([a-z_]+)(?::[a-z]+)?\}")


def _place_out_of_scope_records(session: Session) -> SimpleNamespace:
    """One record of every kind in a county none of the personas reads, led by a unit none of them is, served
    by a steward none of them is; each stamped with MARK."""
    from tests.factories import make_target, make_task
    from zhenxing.documents import service as documents
    from zhenxing.org import service as org

    users = {u.name: u for u in session.scalars(select(User))}
    linghai = org.subtree_ids(session, users["linghai"].region_id)
    ours = {users["jiaotong"].unit_id, users["zhujian"].unit_id}
    steward = users["刘佳"].person_id
    other = session.scalars(select(Region).where(Region.kind == "county", Region.id.not_in(linghai))
                            .order_by(Region.id)).first()
    project = session.scalars(select(Project).where(
        Project.region_id == other.id, Project.lead_unit_id.not_in(ours),
        (Project.steward_id.is_(None)) | (Project.steward_id != steward)).order_by(Project.id)).first()
    project.name = f"{MARK}项目"
    document = documents.ingest(session=session, actor=None, year=2025, region=other.name, title=f"{MARK}文件",
                                text=f"{MARK}县政府工作报告\n\n地区生产总值增长6%左右。推进{MARK}重点工程建设。").document
    target = make_target(session, indicator="地区生产总值", quote=f"{MARK}目标", lead_unit_id=None)
    target.region_id = other.id
    reading = Reading(indicator="地区生产总值", written="地区生产总值", value=5, unit="%", kind="increase",
                      comparator="=", period="2025-06", region_id=other.id, quote=f"{MARK}实绩")
    session.add(reading)
    lead = session.scalars(select(org.Unit).where(org.Unit.id.not_in(ours)).order_by(org.Unit.id)).first()
    task = make_task(session, f"{MARK}任务", lead=lead, region_id=other.id)
    file = TaskFile(task_id=task.id, filename=f"{MARK}.pdf", content_type="application/pdf", size=4,
                    sha256="0" * 64, data=b"%PDF")
    session.add(file)
    problem = problems.add_problem(session, actor=None, project=project, description=f"{MARK}问题",
                                   category="用地", source="direct",
                                   source_ref=None, today=date(2025, 6, 1), audited=False)
    appeal = next(a for a in session.scalars(select(Appeal).where(Appeal.region_id == other.id).order_by(Appeal.id))
                  if a.unit_id not in ours and a.handler_region_id not in linghai and a.filed_by_person_id != steward
                  and not ours & set(a.partner_unit_ids or ()))
    appeal.description = f"{MARK}诉求"
    meeting = DispatchMeeting(period="2025-06", held_on=date(2025, 6, 30), title="6月重点项目调度会")
    session.add(meeting)
    session.flush()
    decision = MeetingDecision(meeting_id=meeting.id, text=f"{MARK}议定事项", region_id=other.id, unit_id=lead.id)
    session.add(decision)
    # And one of each inside the county persona's scope (凌海市), for the in-scope calls.
    mine = users["linghai"].region_id
    documents.ingest(session=session, actor=None, year=2025, region=mine, title="凌海市政府工作报告",
                     text="凌海市政府工作报告\n\n地区生产总值增长6.5%左右。")
    make_target(session, indicator="地区生产总值", quote="凌海目标").region_id = mine
    session.add(Reading(indicator="地区生产总值", written="地区生产总值", value=6, unit="%", kind="increase",
                        comparator="=", period="2025-06", region_id=mine, quote="凌海实绩"))
    make_task(session, "凌海市的任务", lead=lead, region_id=mine)
    session.add(MeetingDecision(meeting_id=meeting.id, text="凌海市的议定事项", region_id=mine))
    session.flush()
    admin_id = users["admin"].id
    return SimpleNamespace(linghai=linghai, project=project, document=document, target=target, reading=reading,
                           task=task, file=file, problem=problem, appeal=appeal, admin_id=admin_id,
                           meeting=meeting, decision=decision)


@pytest.fixture(scope="module")
def city(tmp_path_factory):
    city = demo_city(tmp_path_factory)
    with city.app.state.sessions() as session, session.begin():
        city.world = _place_out_of_scope_records(session)
    return city


def text_of(answer) -> str:
    """What a response says, also inside .xlsx/.docx (zipped XML)."""
    body = answer.content
    if body[:2] == b"PK":
        try:
            with zipfile.ZipFile(io.BytesIO(body)) as archive:
                return " ".join(archive.read(name).decode("utf-8", "replace") for name in archive.namelist()
                                if name.endswith(".xml"))
        except zipfile.BadZipFile:
            pass
    return body.decode("utf-8", "replace")


def fill(path: str, session: Session, world: SimpleNamespace, which: str) -> str | None:
    """The path with its parameters filled from the registry; None if `which` record doesn't exist here."""
    names = PARAM.findall(path)
    unknown = [name for name in names if name not in PARAMS]
    if unknown:
        pytest.fail(f"{path}: classify the path parameter(s) {unknown} in PARAMS of tests/test_route_scope.py "
                    "(how a record is found in and out of scope, or why it names no scoped record)")
    values = []
    for name in names:
        param = PARAMS[name]
        if param.value is not None:
            values.append(param.value(session, world, path))
            continue
        found = (param.out if which == "out" else param.inside)(session, world)
        if found in (None, "0"):
            return None
        values.append(found)
    return PARAM.sub("{}", path).format(*values)


def scoped(path: str) -> bool:
    names = PARAM.findall(path)
    unknown = [name for name in names if name not in PARAMS]
    if unknown:
        pytest.fail(f"{path}: classify the path parameter(s) {unknown} in PARAMS of tests/test_route_scope.py "
                    "(how a record is found in and out of scope, or why it names no scoped record)")
    return any(PARAMS[name].value is None for name in names)


@dataclass
class Tally:
    cases: Counter
    problems: list[str]
    refused_in: list[str] = field(default_factory=list)  # in-scope records refused: by role, printed


def _clients(city, persona: str):
    from fastapi.testclient import TestClient

    page, csrf = log_in(city.app, persona, city.password)
    with city.app.state.sessions() as session, session.begin():
        token = accounts.create_token(session, persona)
    api = TestClient(city.app, headers={"Authorization": f"Bearer {token}"})
    return page, csrf, api


def _call(page, csrf: str, api, method: str, url: str):
    if url.startswith("/api/"):
        return api.request(method, url, json={}) if method != "GET" else api.get(url)
    if method == "GET":
        return page.get(url, follow_redirects=False)
    return page.request(method, url, data={"csrf_token": csrf}, follow_redirects=False)


def walk(city, persona: str) -> Tally:
    page, csrf, api = _clients(city, persona)
    tally = Tally(Counter(), [])
    routes = sorted({(entry.path, method) for entry in app_routes(city.app) for method in entry.methods
                     if method in METHODS and entry.path not in SKIPPED and not entry.path.startswith("/static")})
    with city.app.state.sessions() as session:
        for path, method in routes:
            both = method == "GET" and scoped(path) and persona == "linghai"  # in-scope records are 凌海市's
            for which in ("out", "in") if both else ("out",):
                url = fill(path, session, city.world, which)
                if url is None:
                    tally.cases["no record " + which] += 1
                    continue
                answer = _call(page, csrf, api, method, url)
                tally.cases[f"{which} {answer.status_code // 100}xx"] += 1
                if which == "in" and answer.status_code >= 400:
                    tally.refused_in.append(f"{method} {url} → {answer.status_code}")
                said = text_of(answer)
                where = f"{persona} {method} {url} → {answer.status_code}"
                if answer.status_code >= 500:
                    tally.problems.append(f"{where}: server error")
                marks = re.findall(MARK + r"\w?\w", said)
                if PUBLIC_APPEALS.match(path):
                    marks = [m for m in marks if m != f"{MARK}诉求"]
                if marks:
                    tally.problems.append(f"{where}: leaks {sorted(set(marks))}")
                    tally.cases["leaks"] += 1
                if which == "out" and scoped(path) and answer.status_code < 400 and not PUBLIC_APPEALS.match(path):
                    tally.problems.append(f"{where}: an out-of-scope record was served or changed")
                    tally.cases["not refused"] += 1
    page.close()
    api.close()
    return tally


@pytest.mark.parametrize("persona", PERSONAS)
def test_no_route_serves_or_leaks_a_record_outside_the_personas_scope(city, persona):
    tally = walk(city, persona)
    print(f"\nroute-scope {persona}: {dict(sorted(tally.cases.items()))}; in-scope refused (by role): "
          f"{tally.refused_in}")
    assert not tally.problems, "\n".join(tally.problems[:80])


def test_the_marked_records_are_out_of_scope_of_every_persona_by_the_policy(city):
    """The registry's records really lie outside each persona's scope (else the test above proves nothing),
    and the admin reads them (so the markers are there to be leaked)."""
    from zhenxing.auth.policy import covers, reads_published

    world = city.world
    with city.app.state.sessions() as session:
        for name in PERSONAS:
            scope: Scope = accounts.scope_for(session, session.scalars(select(User).where(User.name == name)).one())
            project = session.get(Project, world.project.id)
            assert not covers(scope, region_id=project.region_id, lead_unit_id=project.lead_unit_id,
                              steward_id=project.steward_id)
            for record in (world.document, world.target, world.reading):
                row = session.get(type(record), record.id)
                assert not reads_published(scope, region_id=row.region_id,
                                           lead_unit_id=getattr(row, "lead_unit_id", None)), (name, record)
    admin, _ = log_in(city.app, "admin", city.password)
    assert MARK in admin.get(f"/projects/{world.project.id}").text
    assert MARK in admin.get(f"/documents/{world.document.id}").text
