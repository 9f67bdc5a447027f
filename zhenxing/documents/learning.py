"""What review decisions teach, safely: visible, audited, removable, never a silent change of rules.

- An accepted lead-unit correction (the reviewer chose another unit than the engine suggested) adds the
  task's object phrase to the keyword → unit table, or strengthens the row that already says so.  The row
  shows 来源 审核学得 on the table's page, and the office may edit or delete it like any other.
- A stance correction (目标 ↔ 实绩) switches the draft and keeps the sentence as an example of this
  installation's texts: listed on /review/examples, exportable as gold records to measure the engine by;
  it changes no rule of the engine.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from zhenxing import audit
from zhenxing.auth.models import User
from zhenxing.auth.policy import can_manage
from zhenxing.documents.extraction.departments import object_phrase
from zhenxing.documents.extraction.unit_names import same_unit
from zhenxing.documents.models import STANCES, Draft, Fact, StanceExample
from zhenxing.errors import Conflict, Forbidden, NotFound, Rejected
from zhenxing.org.models import Unit
from zhenxing.tasks import service as tasks
from zhenxing.tasks.models import KeywordUnit

LEARNT_WEIGHT = 2  # a reviewer's decision outweighs a default row of the same length
MAX_WEIGHT = 20
_SENTENCE_END = re.compile(r"[。!?;！？；\n]")


def _require(actor: User) -> None:
    if not can_manage(actor.role):
        raise Forbidden("只有项目办或管理员可以审核草稿")


# --- lead units -----------------------------------------------------------------------------------


def learn_lead_unit(session: Session, actor: User, draft: Draft) -> KeywordUnit | None:
    """After a task or target draft is accepted: when its lead unit is not the one suggested, the keyword
    table learns the draft's object phrase → the chosen unit (one audited row, added or strengthened)."""
    payload = draft.payload or {}
    chosen_id = payload.get("lead_unit_id")
    if draft.kind not in ("task", "target") or chosen_id is None:
        return None
    if "suggested_unit_id" in payload and payload["suggested_unit_id"] == chosen_id:
        return None
    unit = session.get(Unit, chosen_id)
    if unit is None or (unit.name == payload.get("suggested_unit") and "suggested_unit_id" not in payload):
        return None
    if same_unit(unit.name, payload.get("suggested_unit")):
        return None  # the same department at another level or name (县发改局 for 市发改委): the keyword was right
    phrase = object_phrase(str(payload.get("content") or draft.quote))
    return _strengthen(session, actor, phrase, unit.name, draft)


def _strengthen(session: Session, actor: User, phrase: str, unit_name: str, draft: Draft) -> KeywordUnit | None:
    if len(phrase) < 2:
        return None
    tasks.sync_defaults(session)  # seeded before the first learnt row, so the defaults are not lost
    row = session.scalar(select(KeywordUnit).where(KeywordUnit.keyword == phrase))
    before = {"unit_name": row.unit_name, "weight": row.weight, "source": row.source} if row and not row.removed \
        else None
    if row is None:
        row = KeywordUnit(keyword=phrase, unit_name=unit_name, weight=LEARNT_WEIGHT, source="learned")
        session.add(row)
    elif row.removed:  # a deleted default taught again: the reviewer's decision, not the engine's row
        row.unit_name, row.weight, row.source, row.removed = unit_name, LEARNT_WEIGHT, "learned", False
    elif row.unit_name == unit_name or (row.source != "default" and same_unit(row.unit_name, unit_name)):
        row.weight = min(MAX_WEIGHT, row.weight + 1)  # 市发改委 and 市发展和改革委员会: one department
    else:
        row.unit_name, row.weight, row.source = unit_name, LEARNT_WEIGHT, "learned"
    session.flush()
    after = {"unit_name": row.unit_name, "weight": row.weight, "source": row.source}
    audit.record(session, actor=actor, action="update" if before else "create", entity="keyword_unit",
                 entity_id=row.id, summary=f"审核学得：“{phrase}” → {unit_name}（草稿 {draft.id}）",
                 changes=audit.diff(before or {}, after))
    return row


# --- stances --------------------------------------------------------------------------------------


def switch_stance(*, session: Session, actor: User, draft_id: int) -> Draft:
    """目标 ↔ 实绩 for a pending figure draft: the draft, its fact and an example of this correction (or, when
    the reviewer switches back to what the engine said, the example is dropped)."""
    _require(actor)
    draft = session.get(Draft, draft_id) if 0 < draft_id < 2**31 else None
    if draft is None:
        raise NotFound(f"草稿 {draft_id} 不存在", field="id")
    if draft.kind not in ("target", "reading"):
        raise Rejected(f"{draft.kind_label}草稿没有目标/实绩之分", field="kind")
    if draft.status != "pending":
        raise Conflict(f"草稿 {draft_id} 已{draft.status_label}，不能再处理", field="id")
    before = {"kind": draft.kind}
    was = "target" if draft.kind == "target" else "actual"
    now = "actual" if was == "target" else "target"
    engine = draft.payload.get("engine_stance") or was  # what the engine said, before any switch
    draft.kind = "reading" if now == "actual" else "target"
    draft.payload = _switched_payload(session, draft, now, engine)
    draft.confidence = 1.0  # a person decided
    fact = session.get(Fact, draft.fact_id) if draft.fact_id else None
    if fact is not None:
        fact.stance = now
    example = _record_example(session, actor, draft, now, engine)
    session.flush()
    audit.record(session, actor=actor, action="review", entity="draft", entity_id=draft.id,
                 summary=f"更正立场：{STANCES[was]} → {STANCES[now]}" + ("（已记为示例）" if example else ""),
                 changes=audit.diff(before, {"kind": draft.kind}))
    return draft


def _switched_payload(session: Session, draft: Draft, now: str, engine: str) -> dict:
    payload = {**draft.payload, "engine_stance": engine}
    document = draft.document
    if now == "actual":
        payload["period"] = str(document.review_year)
    else:
        unit_id, unit_name = tasks.UnitSuggester(session)(draft.quote, document.region_id)
        payload.update(year=document.year, lead_unit_id=payload.get("lead_unit_id") or unit_id,
                       lead_unit_name=payload.get("lead_unit_name") or unit_name)
    return payload


def _record_example(session: Session, actor: User, draft: Draft, now: str, engine: str) -> StanceExample | None:
    existing = session.scalar(select(StanceExample).where(StanceExample.draft_id == draft.id))
    if now == engine:  # back to what the engine said: no correction to keep
        if existing is not None:
            session.delete(existing)
        return None
    if existing is not None:
        existing.stance = now
        return existing
    payload = draft.payload
    example = StanceExample(document_id=draft.document_id, draft_id=draft.id, quote=draft.quote,
                            sentence=_sentence(draft.document.text, draft.start, draft.end),
                            indicator=str(payload.get("written") or payload.get("indicator") or "")[:200],
                            value=payload.get("value") or 0, unit=str(payload.get("unit") or ""),
                            kind=str(payload.get("kind") or "level"), comparator=str(payload.get("comparator") or "="),
                            engine_stance=engine, stance=now, created_by=actor.name,
                            created_at=datetime.now(UTC))
    session.add(example)
    return example


def _sentence(text: str, start: int, end: int) -> str:
    """The sentence around a quote, for a reader of the example."""
    ends = [m.start() for m in _SENTENCE_END.finditer(text, 0, start)]
    after = _SENTENCE_END.search(text, end)
    return text[(ends[-1] + 1) if ends else 0:(after.end() if after else len(text))].strip()[:1000]


def list_examples(*, session: Session, actor: User) -> list[StanceExample]:
    _require(actor)
    return list(session.scalars(select(StanceExample).order_by(StanceExample.created_at.desc(),
                                                               StanceExample.id.desc())))


def delete_example(*, session: Session, actor: User, example_id: int) -> None:
    _require(actor)
    example = session.get(StanceExample, example_id) if 0 < example_id < 2**31 else None
    if example is None:
        raise NotFound(f"示例 {example_id} 不存在", field="id")
    audit.record(session, actor=actor, action="delete", entity="stance_example", entity_id=example.id,
                 summary=f"删除立场示例：{example.quote[:40]}",
                 changes={"stance": [example.stance, None], "quote": [example.quote, None]})
    session.delete(example)
    session.flush()
