"""Intake: appeals from every channel, checked, numbered and stored in batches.

`submit` takes one or many drafts and stores the valid ones in the caller's transaction with bulk inserts
(the appeal rows, their photos, one audit event each, the statistics tallies). A tracking number is handed
back only after the transaction that holds the appeal has committed (see writer.py for the group commit
that makes this fast with many concurrent callers).
"""

import hashlib
import re
import secrets
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from zhenxing import audit, cache
from zhenxing.appeals import tallies
from zhenxing.appeals.models import CHANNELS, Appeal, AppealCategory, AppealPhoto
from zhenxing.appeals.photos import Photo
from zhenxing.appeals.schemas import AppealCreate
from zhenxing.appeals.tally import Facts
from zhenxing.errors import Rejected
from zhenxing.org.models import Region

TRACKING_DIGITS = 8
DATATYPES = {"string", "number", "datetime", "text", "singlevaluelist", "multivaluelist"}


@dataclass
class Draft:
    """One appeal to take in, with who files it."""

    data: AppealCreate
    photos: list[Photo] = field(default_factory=list)
    filed_by_user_id: int | None = None
    filed_by_person_id: int | None = None
    actor_name: str = ""
    ip: str = ""


@dataclass
class Taken:
    """The outcome of one draft: an appeal (id, tracking number) or the error that refused it."""

    id: int | None = None
    tracking_no: str | None = None
    error: Rejected | None = None


@dataclass(frozen=True)
class CategoryInfo:
    """What intake needs of a category (a plain value, shared by the sessions and threads of a process)."""

    id: int
    code: str
    name: str
    active: bool
    questions: tuple
    keyword_list: tuple[str, ...]


_lookups = cache.StampedCache(size=4)


class Lookups:
    """The catalogue and the regions, read once per change of either (stamped cache, see zhenxing.cache):
    a process's intake reads them again only after someone edits the catalogue or the regions."""

    def __init__(self, categories: dict[str, CategoryInfo], regions: list[tuple[int, str]]):
        self.categories = categories
        self.regions = sorted(regions, key=lambda r: -len(r[1]))
        self.region_ids = {region_id for region_id, _ in self.regions}
        self.keywords = sorted({word for category in categories.values() if category.active
                                for word in category.keyword_list}, key=lambda word: (-len(word), word))

    @classmethod
    def of(cls, session: Session) -> "Lookups":
        stamps = cache.stamps(session)
        if stamps.get("org") is None or stamps.get("appeals") is None:  # never stamped: read afresh
            return cls.load(session)
        return _lookups.get((stamps["org"], stamps["appeals"]), lambda: cls.load(session))

    @classmethod
    def load(cls, session: Session) -> "Lookups":
        table = AppealCategory.__table__
        rows = session.execute(select(table.c.id, table.c.code, table.c.name, table.c.active, table.c.questions,
                                      table.c.keywords))
        categories = {row.code: CategoryInfo(row.id, row.code, row.name, bool(row.active),
                                             tuple(row.questions or ()), tuple(w for w in row.keywords.split() if w))
                      for row in rows}
        return cls(categories, [tuple(row) for row in session.execute(select(Region.id, Region.name))])

    def keywords_in(self, text: str) -> list[str]:
        return [word for word in self.keywords if word in text][:10]

    def region_from_address(self, address: str) -> int | None:
        for region_id, name in self.regions:
            short = re.sub(r"(市|县|区|镇|街道)$", "", name)
            if name in address or (len(short) >= 2 and short in address):
                return region_id
        return None


def beijing_month(moment: datetime) -> str:
    from zhenxing.appeals.machine import BEIJING

    return moment.astimezone(BEIJING).strftime("%Y-%m")


def new_tracking_no(moment: datetime) -> str:
    """yymmdd + 8 random digits: easy to read out on the phone, not guessable in sequence. Unique by the
    table's constraint, not by a look-up first: the rare clash (two in a hundred million the same day) fails
    the insert, and the writer stores that batch again one by one, each with a number drawn afresh."""
    from zhenxing.appeals.machine import BEIJING

    return moment.astimezone(BEIJING).strftime("%y%m%d") + f"{secrets.randbelow(10**TRACKING_DIGITS):08d}"


def hash_ip(ip: str, secret: str) -> str:
    return hashlib.sha256(f"{secret}:{ip}".encode()).hexdigest() if ip else ""


def _check_answers(category: CategoryInfo, answers: dict) -> dict:
    """The answers to the category's extra questions: required ones present, lists from their values."""
    questions = {q["code"]: q for q in category.questions or []}
    for code in answers:
        if code not in questions:
            raise Rejected(f"分类“{category.name}”没有附加问题“{code}”", field=f"answers.{code}")
    for code, question in questions.items():
        answer = answers.get(code)
        label = question.get("description") or code
        if answer in (None, "", []):
            if question.get("required"):
                raise Rejected(f"请回答附加问题“{label}”", field=f"answers.{code}")
            continue
        allowed = {str(v["key"]) for v in question.get("values", [])}
        chosen = answer if isinstance(answer, list) else [answer]
        is_list = question.get("datatype") in {"singlevaluelist", "multivaluelist"}
        if is_list and not {str(c) for c in chosen} <= allowed:
            raise Rejected(f"附加问题“{label}”的回答应为 {'、'.join(sorted(allowed))} 之一", field=f"answers.{code}")
        if question.get("datatype") == "number" and not re.fullmatch(r"-?\d+(\.\d+)?", str(answer)):
            raise Rejected(f"附加问题“{label}”的回答应为数字", field=f"answers.{code}")
    return answers


def _row(draft: Draft, lookups: Lookups, now: datetime, ip_secret: str) -> dict:
    data = draft.data
    category = lookups.categories.get(data.category_code)
    if category is None or not category.active:
        raise Rejected(f"诉求分类“{data.category_code}”不存在或已停用", field="category_code")
    if data.region_id is not None and data.region_id not in lookups.region_ids:
        raise Rejected(f"地区 {data.region_id} 不存在", field="region_id")
    if not data.anonymous and not data.requester_phone and data.channel not in {"mailbox", "open311"}:
        raise Rejected("请填写联系电话（匿名反映的除外）", field="requester_phone")
    if data.requester_kind == "enterprise" and not data.company:
        raise Rejected("企业诉求须填写企业名称", field="company")
    if draft.photos and data.channel not in {"snapshot", "web", "open311", "steward"}:
        raise Rejected("只有随手拍、网站/APP、Open311 和项目管家渠道可以附照片", field="photos")
    values = data.model_dump(exclude={"category_code"})
    values["answers"] = _check_answers(category, data.answers)
    return {
        **values,
        "region_id": data.region_id or lookups.region_from_address(data.address),
        "category_id": category.id, "tracking_no": new_tracking_no(now), "month": beijing_month(now),
        "status": "received", "received_at": now, "keywords": " ".join(lookups.keywords_in(data.description)),
        "filed_by_user_id": draft.filed_by_user_id, "filed_by_person_id": draft.filed_by_person_id,
        "ip_hash": hash_ip(draft.ip, ip_secret), "version": 1, "partner_unit_ids": [], "rule": {},
        "requester_phone": re.sub(r"[\s\-]", "", data.requester_phone),
    }


def submit(session: Session, drafts: list[Draft], *, now: datetime, ip_secret: str = "") -> list[Taken]:
    """Check every draft and store the valid ones (in the caller's transaction, not committed here)."""
    lookups = Lookups.of(session)
    taken, rows, owners = [], [], []
    for draft in drafts:
        try:
            rows.append(_row(draft, lookups, now, ip_secret))
            owners.append(draft)
            taken.append(Taken())
        except Rejected as error:
            taken.append(Taken(error=error))
    if rows:
        ids = _store(session, rows, owners, now)
        pending = iter(t for t in taken if t.error is None)
        for row, appeal_id in zip(rows, ids, strict=True):
            outcome = next(pending)
            outcome.id, outcome.tracking_no = appeal_id, row["tracking_no"]
    return taken


def _store(session: Session, rows: list[dict], owners: list[Draft], now: datetime) -> list[int]:
    # Core statements (the ORM's bulk path costs more Python than the database takes to store the rows).
    connection = session.connection()
    table = Appeal.__table__
    if len(rows) == 1:
        ids = [connection.execute(insert(table).returning(table.c.id), rows[0]).scalar_one()]
    else:
        result = connection.execute(insert(table).returning(table.c.id, sort_by_parameter_order=True), rows)
        ids = [appeal_id for (appeal_id,) in result.all()]
    photos = [{"appeal_id": appeal_id, "content_type": p.content_type, "size": p.size, "sha256": p.sha256,
               "data": p.data, "created_at": now}
              for appeal_id, draft in zip(ids, owners, strict=True) for p in draft.photos]
    if photos:
        connection.execute(insert(AppealPhoto.__table__), photos)
    connection.execute(insert(audit.AuditEvent.__table__), [
        {"at": now, "actor_id": draft.filed_by_user_id, "actor_name": draft.actor_name or "系统",
         "action": "create", "entity": "appeal", "entity_id": appeal_id, "changes": {},
         "summary": f"受理诉求 {row['tracking_no']}（{CHANNELS[row['channel']]}）"}
        for appeal_id, row, draft in zip(ids, rows, owners, strict=True)
    ])
    tallies.apply(session, [(None, facts_of_row(row)) for row in rows])
    return ids


def facts_of_row(row: dict) -> Facts:
    return Facts(month=row["month"], unit_id=None, handler_region_id=None, region_id=row["region_id"],
                 category_id=row["category_id"], channel=row["channel"])


def recent_count(session: Session, *, ip_hash: str = "", phone: str = "", since: datetime) -> int:
    """Appeals from this IP (hashed) or phone since a moment, for the public page's anti-abuse limit."""
    query = select(func.count(Appeal.id)).where(Appeal.received_at >= since)
    if ip_hash:
        query = query.where(Appeal.ip_hash == ip_hash)
    elif phone:
        query = query.where(Appeal.requester_phone == phone)
    else:
        return 0
    return session.scalar(query) or 0
