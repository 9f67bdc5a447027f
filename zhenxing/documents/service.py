"""Ingestion: store a document once, keep its facts, and draft targets, readings, tasks and projects.

Years: a document's `year` is the year it plans for (the 2025 work report sets 2025's targets).
Its review part reports the year before, so readings are drafted for period `year - 1`.
Nothing here writes a ledger: drafts wait for review (see review.py).
"""

import datetime as dt
import hashlib
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from zhenxing import audit, files
from zhenxing.auth import scoping
from zhenxing.auth.models import User
from zhenxing.auth.policy import Scope, can_manage, reads_published
from zhenxing.db import write_lock
from zhenxing.documents import engine
from zhenxing.documents.models import DRAFT_KINDS, Document, Draft, Fact
from zhenxing.errors import Forbidden, NotFound, Rejected
from zhenxing.org import service as org
from zhenxing.org.models import Region
from zhenxing.projects import phases
from zhenxing.projects.models import Project
from zhenxing.targets import service as targets
from zhenxing.tasks import service as tasks

PROJECT_CONFIDENCE = {"high": 0.85, "low": 0.4}  # a name that may be a programme (…提升工程) is doubtful
MAX_TEXT = 2_000_000  # characters: a work report is 20–40 thousand


@dataclass
class Ingested:
    document: Document
    created: bool
    drafts: dict[str, int]


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def clean_text(text: str) -> str:
    """The text as stored and hashed: Unix line ends, no BOM, no blank lines or spaces at either end."""
    return text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff").strip()


def read_upload(name: str, data: bytes) -> str:
    """The text of an uploaded .txt (UTF-8 or GB18030) or .docx, through the engine's reader."""
    filename = files.display_name(name, "上传文件.txt")  # '..' or a 300-character name is no path to write
    files.check_size(len(data), filename=filename)
    if files.suffix_of(filename) == ".docx":
        files.check_docx(data, filename=filename)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / ("upload" + files.suffix_of(filename))
        path.write_bytes(data)
        try:
            return engine.read_document(path)
        except engine.DocumentReadError as error:
            raise Rejected(f"无法读取文件“{filename}”：{error.reason}", field="file") from None


def _check(text: str, year: int) -> None:
    if not text.strip():
        raise Rejected("文件内容为空", field="text")
    if len(text) > MAX_TEXT:
        raise Rejected(f"文件过长（{len(text)} 字，上限 {MAX_TEXT} 字）", field="text")
    if not 2000 <= year <= 2100:
        raise Rejected(f"年度 {year} 无效", field="year")


def check_date(date: dt.date | None, year: int) -> None:
    """A document plans the year it is given for: it is written in that year or the last weeks before."""
    if date is not None and not year - 1 <= date.year <= year:
        raise Rejected(f"文件日期 {date.isoformat()} 与年度 {year} 不符（应在 {year - 1} 年或 {year} 年）",
                       field="date")


def resolve_region(session: Session, region: str | int) -> Region:
    """A region by id or by name; unknown → 404 naming the field."""
    if isinstance(region, int):
        found = session.get(Region, region) if 0 < region < 2**31 else None
        if found is None:
            raise NotFound(f"地区 {region} 不存在", field="region")
        return found
    return org.region_by_name(session, region)


def _region(session: Session, region: str | int | None) -> Region | None:
    if region:
        return resolve_region(session, region)
    return session.scalar(select(Region).where(Region.parent_id.is_(None)).order_by(Region.id).limit(1))


def _title(text: str, title: str | None) -> str:
    if title and title.strip():
        return title.strip()[:200]
    first = next((line.strip() for line in text.splitlines() if line.strip()), "未命名文件")
    return first[:200]


def ingest(
    *, session: Session, actor: User | None, text: str, year: int, region: str | int | None = None,
    title: str | None = None, source_name: str = "", on_progress: Callable[[int, int], None] | None = None,
    date: dt.date | None = None,
) -> Ingested:
    """Store the document (once per text) and draft its records. Same text again → the stored document.

    `date` is the day the document was written, when the office knows it; without it the engine reads it
    from the text (a header such as ——2024年1月10日在…会议上, a newspaper date line) and says where."""
    if actor is not None and not can_manage(actor.role):
        raise Forbidden("只有项目办或管理员可以导入文件")
    text = clean_text(text)
    _check(text, year)
    check_date(date, year)
    write_lock(session)  # SQLite: the same text sent twice at once is stored once (PostgreSQL: the unique index)
    existing = in_force(session, text)
    if existing is not None:
        return Ingested(existing, False, draft_counts(session, existing.id))
    found = engine.document_date(text, date, year)
    document = Document(title=_title(text, title), year=year, region=_region(session, region), text=text,
                        sha256=digest(text), source_name=source_name, created_by=getattr(actor, "name", ""),
                        dated=found.date, date_source=found.source)
    try:
        with session.begin_nested():  # the same text sent twice at once: the second finds the first
            session.add(document)
            session.flush()
    except IntegrityError:
        existing = in_force(session, text)
        return Ingested(existing, False, draft_counts(session, existing.id))
    steps = (_draft_figures, _draft_tasks, _draft_projects)
    for done, step in enumerate(steps, 1):
        step(session, document)
        if on_progress:
            on_progress(done, len(steps))
    counts = draft_counts(session, document.id)
    audit.record(session, actor=actor, action="create", entity="document", entity_id=document.id,
                 summary=f"导入文件《{document.title}》，草稿：" + "，".join(
                     f"{DRAFT_KINDS[kind]} {count} 条" for kind, count in counts.items()),
                 changes={"title": [None, document.title], "year": [None, year],
                          "region": [None, document.region.name if document.region else None],
                          "dated": [None, document.dated.isoformat() if document.dated else None],
                          "date_source": [None, document.date_source]})
    return Ingested(document, True, counts)


def in_force(session: Session, text: str) -> Document | None:
    """The document in force with this text, if any (a withdrawn one's text may be imported again)."""
    return session.scalar(select(Document).where(Document.sha256 == digest(text), Document.status == "active"))


def draft_counts(session: Session, document_id: int) -> dict[str, int]:
    """A document's 目标/实绩/任务/项目 counts: its drafts by kind, whatever their status."""
    return counts_by_document(session, [document_id])[document_id]


def counts_by_document(session: Session, document_ids: list[int], *,
                       status: str | None = None) -> dict[int, dict[str, int]]:
    """The one count of a document's 目标/实绩/任务/项目 that the list, the document's page and the API show:
    its drafts by kind (all, or only those with `status`). A figure the engine read but drafted nothing
    from (a capacity inside a project's name) is a fact, not a 目标 or 实绩, and is not counted."""
    query = (select(Draft.document_id, Draft.kind, func.count()).where(Draft.document_id.in_(document_ids))
             .group_by(Draft.document_id, Draft.kind))
    if status is not None:
        query = query.where(Draft.status == status)
    found: dict[int, dict[str, int]] = {id_: dict.fromkeys(DRAFT_KINDS, 0) for id_ in document_ids}
    for document_id, kind, count in session.execute(query):
        found[document_id][kind] = count
    return found


def _is_capacity(fact, mentions: list) -> bool:
    """A capacity inside a project's name (锦州石化40万吨针状焦): the project draft carries it."""
    return any(m.capacity_value is not None and float(m.capacity_value) == float(fact.value)
               and m.capacity_unit == fact.unit and m.start < fact.end and fact.start < m.end for m in mentions)


def _draft_figures(session: Session, document: Document) -> None:
    mentions = engine.extract_projects(document.text)
    found_facts = engine.extract_facts(document.text, str(document.id), document.dated, document.year)
    facts = []
    for found in found_facts:
        start, end = locate(document.text, found.quote, found.start, found.end)
        facts.append(Fact(document_id=document.id, quote=found.quote, indicator=found.indicator,
                          value=found.value, unit=found.unit or "", kind=found.kind, comparator=found.comparator,
                          stance=found.stance, start=start, end=end))
    session.add_all(facts)
    session.flush()
    mapped, suggest = targets.indicator_mapper(session), tasks.UnitSuggester(session)
    session.add_all(_figure_draft(document, fact, found, mapped, suggest)
                    for fact, found in zip(facts, found_facts, strict=True) if not _is_capacity(fact, mentions))
    session.flush()


def locate(text: str, quote: str, start: int | None, end: int | None) -> tuple[int, int]:
    """Offsets of the quote in the stored text: the engine's when they agree, else the first match."""
    if start is not None and end is not None and text[start:end] == quote:
        return start, end
    at = text.find(quote, max((start or 0) - 200, 0))
    if at < 0:
        at = text.find(quote)
    return (at, at + len(quote)) if at >= 0 else (0, 0)


def _figure_draft(document: Document, fact: Fact, found, mapped, suggest) -> Draft:
    indicator, known = mapped(fact.indicator)
    payload = {
        "indicator": indicator, "written": fact.indicator, "catalogued": known, "value": float(fact.value),
        "unit": fact.unit, "kind": fact.kind, "comparator": fact.comparator,
        "confidence": found.confidence, "why": found.why,
    }
    if fact.stance == "target":
        unit_id, unit_name = suggest(fact.quote, document.region_id)
        payload.update(year=document.year, lead_unit_id=unit_id, lead_unit_name=unit_name)
        kind = "target"
    else:
        payload.update(period=str(document.review_year))
        kind = "reading"
    return Draft(document_id=document.id, fact_id=fact.id, kind=kind, payload=payload, quote=fact.quote,
                 confidence=found.confidence,
                 start=fact.start, end=fact.end)


def chinese_date(iso: str) -> str:
    """2025-06-30 → 2025年6月30日 (the ledger's deadlines are read by people and by zhenxing.deadlines)."""
    if not iso:
        return ""
    year, month, day = (int(part) for part in iso.split("-"))
    return f"{year}年{month}月{day}日"


def _draft_tasks(session: Session, document: Document) -> None:
    suggest = tasks.UnitSuggester(session)
    for found in engine.extract_tasks(document.text, document.dated, document.year, table=suggest.rows):
        unit_id, unit_name = suggest.resolve(found.lead_unit, found.level, document.region_id)
        payload = {
            "content": found.sentence, "section": found.section or "", "year": document.year,
            "lead_unit_id": unit_id, "lead_unit_name": unit_name, "partner_units": "、".join(found.partner_units),
            "leader": "", "deadline": chinese_date(found.deadline), "trigger": found.trigger, "goal": found.goal,
            "lead_confidence": found.lead_confidence, "confidence": found.confidence, "why": found.why,
            # what the engine suggested, so an accepted correction can teach the keyword table (learning.py)
            "suggested_unit_id": unit_id, "suggested_unit": unit_name,
        }
        start, end = locate(document.text, found.sentence, found.start, found.end)
        session.add(Draft(document_id=document.id, kind="task", payload=payload, quote=found.sentence,
                          confidence=found.confidence,
                          start=start, end=end))
    session.flush()


def _mention_stance(mention, facts: list[Fact]) -> str:
    """Reported or planned: the stance of the nearest fact at or before the mention (else planned)."""
    before = [f for f in facts if f.start <= mention.start]
    return max(before, key=lambda f: f.start).stance if before else "target"


def _draft_projects(session: Session, document: Document) -> None:
    """One draft per named project: the stage the review reports and the stage the plan promises."""
    ledger = dict(session.execute(select(Project.name, Project.id)).all())
    facts = facts_of(session, document.id)
    drafts: dict[str, Draft] = {}
    for mention in engine.extract_projects(document.text):
        draft = drafts.get(mention.name) or _project_draft(document, mention, ledger)
        drafts[mention.name] = draft
        key = "stage" if _mention_stance(mention, facts) == "actual" else "planned_stage"
        if mention.stage:
            draft.payload = {**draft.payload, key: mention.stage}
    session.add_all(drafts.values())
    session.flush()


def _project_draft(document: Document, mention, ledger: dict[str, int]) -> Draft:
    match = engine.match_project(mention.name, list(ledger))
    # 扩建, 二期, 续建…: a new project beside the one it extends, not an update of it.
    expansion = match if match and phases.is_expansion(mention.name, match[0]) else None
    match = None if expansion else match
    payload = {
        "name": mention.name, "capacity": mention.capacity_value, "capacity_unit": mention.capacity_unit or "",
        "stage": None, "planned_stage": None, "year": document.year,
        "matched_project_id": ledger[match[0]] if match else None,
        "matched_name": match[0] if match else None, "score": round(float(match[1]), 1) if match else None,
        "expansion_of_id": ledger[expansion[0]] if expansion else None,
        "expansion_of_name": expansion[0] if expansion else None,
        # e.g. an improvement programme named …工程: shown so the reviewer looks twice
        "confidence": mention.confidence,
    }
    start, end = locate(document.text, mention.name, mention.start, mention.end)
    return Draft(document_id=document.id, kind="project", payload=payload, quote=mention.name, start=start, end=end,
                 confidence=PROJECT_CONFIDENCE.get(mention.confidence))


# --- reading ----------------------------------------------------------------------------------


SHOWN = {"active": "在用", "withdrawn": "已撤回", "all": "全部"}


def list_documents(session: Session, scope: Scope, status: str = "active") -> list[Document]:
    """The documents the scope reads (policy.reads_published: its regions' and the city-wide ones): those in
    force by default, the withdrawn ones (status="withdrawn") or all."""
    if status not in SHOWN:
        raise Rejected(f"状态须为：{'、'.join(f'{key}（{label}）' for key, label in SHOWN.items())}", field="status")
    query = scoping.published(select(Document), scope, Document.region_id)
    if status != "all":
        query = query.where(Document.status == status)
    return list(session.scalars(query.order_by(Document.created_at.desc(), Document.id.desc())))


def get_document(session: Session, document_id: int, scope: Scope) -> Document:
    document = session.get(Document, document_id) if 0 < document_id < 2**31 else None
    if document is None:
        raise NotFound(f"文件 {document_id} 不存在", field="id")
    if not reads_published(scope, region_id=document.region_id):
        raise Forbidden("无权查看该文件：它属于其他地区", field="id")
    return document


def facts_of(session: Session, document_id: int) -> list[Fact]:
    return list(session.scalars(select(Fact).where(Fact.document_id == document_id).order_by(Fact.start)))


def highlighted(text: str, facts: list[Fact]) -> list[tuple[str, list[Fact]]]:
    """The text cut into pieces, each plain (no facts) or a quote with the facts it holds.

    Overlapping quotes (a list read with 分别 gives several facts one clause) become one piece."""
    groups: list[tuple[int, int, list[Fact]]] = []
    for fact in sorted((f for f in facts if f.end > f.start), key=lambda f: (f.start, -f.end)):
        if groups and fact.start < groups[-1][1]:
            start, end, members = groups[-1]
            groups[-1] = (start, max(end, fact.end), [*members, fact])
        else:
            groups.append((fact.start, fact.end, [fact]))
    pieces: list[tuple[str, list[Fact]]] = []
    at = 0
    for start, end, members in groups:
        if start > at:
            pieces.append((text[at:start], []))
        pieces.append((text[start:end], members))
        at = end
    pieces.append((text[at:], []))
    return pieces
