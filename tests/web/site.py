"""A demo city to walk through like a user: its own migrated SQLite file with the demo loaded and some
everyday work done on top (edits, stage changes, reviews), logged-in clients per persona, a crawler that
follows links, every page route with its path filled in, and the visible text of a page.

Used by the tests that check what each persona sees (no link ends in 403) and that every page speaks
Chinese. New page routes are covered without anyone listing them; a route whose path parameter this
module cannot fill makes those tests fail with the name of the parameter to add to FILLERS.
"""

import fcntl
import os
import re
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from contextlib import closing
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import urldefrag, urlsplit

from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from zhenxing.auth.models import User
from zhenxing.documents.models import Document, Draft
from zhenxing.org.models import Person, Region, Unit
from zhenxing.projects.models import Project

CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def log_in(app, name: str, password: str) -> tuple[TestClient, str]:
    """A browser-like client logged in as `name`, and its CSRF token."""
    client = TestClient(app)
    token = CSRF.search(client.get("/login").text).group(1)
    answer = client.post("/login", data={"username": name, "password": password, "csrf_token": token},
                         follow_redirects=False)
    assert answer.status_code == 303, f"{name} could not log in"
    return client, CSRF.search(client.get("/account/password").text).group(1)


# ---- everyday work on top of the demo, so that every kind of record and audit event is there ----------

def do_some_work(app, password: str) -> None:
    """What an office clerk does on a first morning: edit and move a project, review drafts."""
    client, token = log_in(app, "office", password)
    sessions = app.state.sessions
    with sessions() as session:
        project = session.scalars(select(Project).where(Project.stage == "signed").order_by(Project.id)).first()
        drafts = {kind: session.scalars(select(Draft).where(Draft.kind == kind, Draft.status == "pending")
                                        .order_by(Draft.id)).all() for kind in ("target", "reading", "task",
                                                                                "project")}
        edit_form = client.get(f"/projects/{project.id}/edit").text
    values = dict(re.findall(r'name="([a-z_]+)"[^>]*value="([^"]*)"', edit_form))
    values.update(csrf_token=token, description="已完成土地摘牌，正在办理施工许可。")
    answered = client.post(f"/projects/{project.id}/edit", data=values, follow_redirects=False)
    assert answered.status_code == 303, answered.text[:500]
    client.post(f"/projects/{project.id}/stage", data={"csrf_token": token, "to": "landed",
                                                        "date": "2024-06-01", "reason": ""})
    back = {"csrf_token": token, "back": "/review"}
    if drafts["task"]:
        client.post(f"/review/{drafts['task'][0].id}/reject", data={**back, "reason": "重复"})
    if drafts["reading"]:
        client.post(f"/review/{drafts['reading'][0].id}/accept", data=back)
    for draft in drafts["project"][:2]:
        client.post(f"/review/{draft.id}/accept", data=back)
    correct_and_withdraw(client, token)
    client.close()
    leader, _ = log_in(app, "leader", password)
    assert leader.get("/projects/import").status_code == 403  # a refusal, for the audit trail
    leader.close()


# A notice imported with the wrong year, corrected, then withdrawn as a duplicate: its page, the lists and the
# audit trail then show a corrected and a withdrawn document.
MISTAKEN = ("某县情况通报\n\n2024年，全县地区生产总值增长5.5%，城镇新增就业1.6万人。\n"
            "2025年，全县地区生产总值力争增长6%。\n")


def correct_and_withdraw(client: TestClient, token: str) -> None:
    answered = client.post("/documents", data={"csrf_token": token, "text": MISTAKEN, "year": "2024"},
                           follow_redirects=False)
    assert answered.status_code == 303, answered.text[:500]
    document = answered.headers["location"].split("?")[0]
    for action, values in (("correct", {"year": "2025", "reason": "年度填错"}), ("withdraw", {"reason": "重复导入"})):
        answered = client.post(f"{document}/{action}", data={"csrf_token": token, **values}, follow_redirects=False)
        assert answered.status_code == 303, answered.text[:500]


# ---- page routes with their path parameters filled in -----------------------------------------------

@dataclass
class Ids:
    """Ids of one record of each kind in the demo city, to fill in page paths."""

    values: dict[str, list[str]] = field(default_factory=dict)

    @classmethod
    def of(cls, session: Session) -> "Ids":
        def first(model, *where) -> str:
            found = session.scalars(select(model.id).where(*where).order_by(model.id).limit(1)).first()
            assert found is not None, f"the demo city has no {model.__name__}"
            return str(found)

        return cls({
            "project_id": [first(Project)],
            "document_id": [first(Document), first(Document, Document.status == "withdrawn")],
            "draft_id": [first(Draft, Draft.status == "pending"), first(Draft, Draft.status != "pending")],
            "user_id": [first(User, User.role == "unit")],
            # /org/{what}/{row_id}/edit: each kind with one of its rows
            "what/row_id": [f"regions/{first(Region)}", f"units/{first(Unit)}", f"people/{first(Person)}"],
            "what": ["regions", "units", "people"],
            **appeal_ids(session, first),
            **ledger_ids(session, first),
            **dispatch_ids(session),
        })


def dispatch_ids(session: Session) -> dict[str, list[str]]:
    """A field review, one of its photos and a dispatch meeting (a missing one's page, 404, is still a page)."""
    from zhenxing.dispatch.models import DispatchMeeting, FieldReview, FieldReviewPhoto

    def some(model) -> str:
        return str(session.scalars(select(model.id).order_by(model.id).limit(1)).first() or 999_999)

    return {"review_id": [some(FieldReview)], "review_photo_id": [some(FieldReviewPhoto)],
            "meeting_id": [some(DispatchMeeting)]}


def ledger_ids(session: Session, first) -> dict[str, list[str]]:
    """Targets, tasks (and an evidence file when there is one), a month's report and a problem."""
    from zhenxing.dispatch.models import Problem, ProgressReport
    from zhenxing.supervision.models import Escalation
    from zhenxing.targets.models import Target
    from zhenxing.tasks.models import Task, TaskFile

    def first_or_missing(model, *where) -> str:
        """A record the demo may not have: a missing one's page (404) is still a page a person reads."""
        found = session.scalars(select(model.id).where(*where).order_by(model.id).limit(1)).first()
        return str(found or 999_999)

    report = session.scalars(select(ProgressReport).order_by(ProgressReport.id).limit(1)).first()
    month = f"{report.project_id}/{report.period}" if report else f"{first(Project)}/2025-01"
    return {"target_id": [first(Target)], "task_id": [first(Task)], "problem_id": [first(Problem)],
            # a 督办单 of the demo
            "escalation_id": [first_or_missing(Escalation, Escalation.action == "notice")],
            "project_id/period": [month], "file_id": [first_or_missing(TaskFile)]}


def appeal_ids(session: Session, first) -> dict[str, list[str]]:
    """An appeal (its page and its photo), and the Open311 documents in both formats."""
    from zhenxing.appeals.models import Appeal, AppealCategory, AppealPhoto, Open311Client

    client = session.scalars(select(Open311Client.id).order_by(Open311Client.id).limit(1)).first()
    photo = session.get(AppealPhoto, int(first(AppealPhoto)))
    number = session.get(Appeal, int(first(Appeal))).tracking_no
    return {"appeal_id": [first(Appeal), str(photo.appeal_id)], "appeal_id/photo_id": [f"{photo.appeal_id}/{photo.id}"],
            "kind": ["json", "xml"], "code/kind": ["0701/json", "0701/xml"],
            "request_id/kind": [f"{number}/json", f"{number}/xml"], "token/kind": [f"{number}/json"],
            "category_id": [first(AppealCategory)], "client_id": [str(client or 999_999)]}


PARAM = re.compile(r"\{([a-z_]+)(?::[a-z]+)?\}")


@dataclass(frozen=True)
class Route:
    """One route of the app as served: its full path, methods and endpoint."""

    path: str
    methods: frozenset[str]
    endpoint: Callable
    name: str
    route: APIRoute = field(compare=False, repr=False)  # FastAPI's own, for tests that read its dependencies


def app_routes(app) -> list[Route]:
    """Every API route of the app with its full path. FastAPI ≥ 0.150 keeps included routers nested (an
    `_IncludedRouter` holding the original router and the prefix it was included with) instead of copying
    their routes into `app.routes`: walk both shapes, so that no test silently walks an empty list."""
    found: list[Route] = []

    def walk(routes, prefix: str) -> None:
        for route in routes:
            inner = getattr(route, "original_router", None)
            if inner is not None:
                walk(inner.routes, prefix + (getattr(route.include_context, "prefix", "") or ""))
            elif isinstance(route, APIRoute):
                found.append(Route(prefix + route.path, frozenset(route.methods), route.endpoint, route.name, route))

    walk(app.routes, "")
    assert len(found) > 50, f"only {len(found)} routes found: has FastAPI changed how it keeps routers?"
    return found


def page_routes(app) -> list[Route]:
    """The GET routes that answer people (HTML), not the JSON API or static files."""
    return [route for route in app_routes(app) if "GET" in route.methods
            and not route.path.startswith("/api/") and route.path != "/api/docs"]


def fill(path: str, ids: Ids) -> list[str]:
    """Concrete URLs for a route path; raises KeyError naming a parameter nobody taught this module."""
    names = PARAM.findall(path)
    if not names:
        return [path]
    if len(names) > 1 and "/".join(names) in ids.values:  # several parameters: filled together
        return [PARAM.sub("{}", path).format(*group.split("/")) for group in ids.values["/".join(names)]]
    if len(names) != 1 or names[0] not in ids.values:
        missing = [name for name in names if name not in ids.values]
        raise KeyError(f"{path}: add how to fill {missing or names} to Ids.of in tests/web/site.py")
    return [PARAM.sub(value, path) for value in ids.values[names[0]]]


# ---- following links ------------------------------------------------------------------------------

class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.hrefs.append(href)


def links(html: str) -> list[str]:
    """The site-local links of a page (no fragments, no other hosts)."""
    parser = _Links()
    parser.feed(html)
    found = []
    for href in parser.hrefs:
        url = urldefrag(href)[0]
        parts = urlsplit(url)
        if url.startswith("/") and not url.startswith("//") and not parts.netloc:
            found.append(url)
    return found


def _pattern(url: str) -> str:
    """/projects/12?page=2 → /projects/N: links of one kind are sampled, not all followed."""
    return re.sub(r"/\d+", "/N", urlsplit(url).path)


def crawl(client: TestClient, starts: Iterable[str], *, depth: int = 2, per_pattern: int = 4,
          skip: Callable[[str], bool] = lambda url: False) -> Iterator[tuple[str, str, int, str]]:
    """Follow links breadth-first from `starts`: yields (from, url, status, body). At most `per_pattern`
    URLs of one path pattern are fetched, so fifty project links cost four requests."""
    seen: set[str] = set()
    sampled: dict[str, int] = {}
    frontier = [("（导航）", url) for url in starts]
    for _level in range(depth + 1):
        following = []
        for origin, url in frontier:
            if url in seen or skip(url):
                continue
            seen.add(url)
            pattern = _pattern(url)
            sampled[pattern] = sampled.get(pattern, 0) + 1
            if sampled[pattern] > per_pattern:
                continue
            answer = client.get(url, follow_redirects=True)
            body = answer.text if "text/html" in answer.headers.get("content-type", "") else ""
            yield origin, url, answer.status_code, body
            following += [(url, link) for link in links(body)]
        frontier = following


def nav_links(html: str) -> list[str]:
    """The links of the main navigation of a page."""
    block = re.search(r'<nav class="mainnav".*?</nav>', html, re.S)
    return links(block.group(0)) if block else []


# ---- what a person reads on a page ---------------------------------------------------------------

SHOWN_ATTRIBUTES = {"title", "placeholder", "aria-label", "alt"}


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style", "template"):
            self._hidden += 1
        for name, value in attrs:
            if name in SHOWN_ATTRIBUTES and value:
                self.parts.append(value)
        values = dict(attrs)
        if tag == "input" and values.get("type") in ("submit", "button") and values.get("value"):
            self.parts.append(values["value"])

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "template") and self._hidden:
            self._hidden -= 1

    def handle_data(self, data: str) -> None:
        if not self._hidden and data.strip():
            self.parts.append(data.strip())


def visible_text(html: str) -> list[str]:
    """The texts of a page a person reads: text nodes and the attributes browsers show."""
    parser = _Text()
    parser.feed(html)
    return parser.parts


# ASCII a Chinese user may meet: units and abbreviations of the documents and ledgers, file types they
# handle, and product names. Anything else in Latin letters is an English or internal word leaking out.
ALLOWED_WORDS = {
    "MW", "GW", "kW", "kWh", "MWh", "kV", "km", "m", "t", "TEU", "GDP", "CPI", "PPI", "PM", "CO",
    "Excel", "xlsx", "docx", "txt", "UTF", "GBK", "GB", "API", "Word", "WPS", "PDF", "pdf", "png", "jpg",
    # the open standard the 12345 centre's interface follows, by its name (Open311 GeoReport v2), and APP
    "Open311", "GeoReport", "v2", "APP",
    # keys named in keyboard hints (登记诉求 (Alt+N), Tab 逐项, Enter 提交)
    "Alt", "Ctrl", "Shift", "Tab", "Enter", "Esc", "N",
}
# A code: capital letters with digits (JZ2024-001, WJ2025-003, PM2.5, GB18030, A4, UTF-8).
CODE = re.compile(r"^[A-Z][A-Z0-9.\-]*\d[A-Z0-9.\-]*$")
WORD = re.compile(r"(?<![A-Za-z0-9_])[A-Za-z](?:[A-Za-z0-9_.\-]*[A-Za-z0-9])?")


# A site path quoted in a message (访问 /projects/import 被拒绝) is an address, not a word.
PATH = re.compile(r"(?<![A-Za-z0-9])/[A-Za-z0-9_\-./{}?=&%]+")


def demo_data_words() -> set[str]:
    """Latin words the demo city shows as data, not as the interface's words: logins, the demo password, and the
    keyword table's keywords (DRG, DIP, R&D are written so in the documents the table reads)."""
    from zhenxing.demo_data import DEMO_PASSWORD, USERS
    from zhenxing.documents.engine import DEFAULT_KEYWORD_UNITS

    keyword_words = {word for keyword in DEFAULT_KEYWORD_UNITS for word in WORD.findall(keyword)}
    return {name for name, *_ in USERS} | {DEMO_PASSWORD} | keyword_words


def foreign_words(texts: Iterable[str], *, names: set[str] = frozenset()) -> list[str]:
    """Latin-letter words that are neither allowed units/abbreviations, codes nor data (`names`)."""
    names = set(names) | {name[:1] for name in names}  # the avatar shows a name's first letter
    found = []
    for text in texts:
        for word in WORD.findall(PATH.sub(" ", text)):
            if word in ALLOWED_WORDS or word in names or CODE.match(word):
                continue
            if word.rstrip(".") in ALLOWED_WORDS:
                continue
            found.append(f"{word}（{text[:60]}）")
    return found


def _run_root(tmp_path_factory) -> Path:
    """The folder all workers of one test run share (under pytest-xdist each worker has its own below it)."""
    root = tmp_path_factory.getbasetemp()
    return root.parent if os.environ.get("PYTEST_XDIST_WORKER") else root


def _copy_sqlite(source: Path, target: Path) -> None:
    """A consistent copy of a SQLite database, whatever its WAL holds."""
    with closing(sqlite3.connect(source)) as old, closing(sqlite3.connect(target)) as new:
        old.backup(new)


def demo_database(tmp_path_factory, *, worked: bool = True) -> str:
    """A SQLite URL of a file of this caller's own: migrated, with the demo loaded and — when `worked` — a
    morning's work done on top. Each is built once per test run, whichever worker asks first (the others
    wait on a lock), and copied for every caller, so modules neither share writes nor pay for the demo again."""
    root = _run_root(tmp_path_factory)
    name = "demo-city-worked.db" if worked else "demo-city.db"
    with open(root / "demo-city.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (root / name).exists():
            _build(root, name, worked)
    target = tmp_path_factory.mktemp("site") / "site.db"
    _copy_sqlite(root / name, target)
    return f"sqlite:///{target}"


def _build(root: Path, name: str, worked: bool) -> None:
    from zhenxing.app import create_app
    from zhenxing.config import Settings
    from zhenxing.db import make_engine, make_sessionmaker, migrate, transaction
    from zhenxing.demo import load_demo
    from zhenxing.demo_data import DEMO_PASSWORD

    building = root / f"building-{name}"
    building.unlink(missing_ok=True)
    if worked:
        if not (root / "demo-city.db").exists():
            _build(root, "demo-city.db", worked=False)
        _copy_sqlite(root / "demo-city.db", building)
        app = create_app(Settings(database_url=f"sqlite:///{building}", demo=True, secret_key="site-walk-secret"))
        do_some_work(app, DEMO_PASSWORD)
        app.state.engine.dispose()
    else:
        url = f"sqlite:///{building}"
        migrate(url)
        engine = make_engine(url)
        with transaction(make_sessionmaker(engine)) as session:
            load_demo(session)
        engine.dispose()
    _copy_sqlite(building, root / name)


def demo_city(tmp_path_factory) -> SimpleNamespace:
    """A SQLite file of the caller's own with the demo city and a morning's work; the app serving it."""
    from zhenxing.app import create_app
    from zhenxing.config import Settings
    from zhenxing.demo_data import DEMO_PASSWORD, USERS

    url = demo_database(tmp_path_factory)
    app = create_app(Settings(database_url=url, demo=True, secret_key="site-walk-secret"))
    with app.state.sessions() as session:
        ids = Ids.of(session)
    return SimpleNamespace(app=app, ids=ids, password=DEMO_PASSWORD, personas=[name for name, *_ in USERS],
                           user_names=demo_data_words())


# ---- money: one unit per table ---------------------------------------------------------------------

# A cell that is an amount and nothing else: 26.80亿元, 9,000万元 (a quoted sentence that mentions money is
# the document's text, not the system's figure).
AMOUNT = re.compile(r"^-?\d[\d,]*(?:\.\d+)?\s*(万元|亿元)$")


class _Tables(HTMLParser):
    """Each table's body cells (td) as text; the header (th) is where a table names its unit."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: list[list[str]] = []
        self._open: list[list[str]] = []
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self._open.append([])
        elif tag == "td" and self._open:
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "td" and self._cell is not None and self._open:
            self._open[-1].append("".join(self._cell).strip())
            self._cell = None
        elif tag == "table" and self._open:
            self.tables.append(self._open.pop())

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def money_units(html: str) -> list[set[str]]:
    """For each table of a page, the money units its amount cells use (a table should use one)."""
    parser = _Tables()
    parser.feed(html)
    return [{found.group(1) for cell in cells if (found := AMOUNT.match(cell))} for cells in parser.tables]
