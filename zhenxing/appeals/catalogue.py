"""The category catalogue the centre maintains: codes, default units, keywords, extra questions (Open311
service-definition attributes) and reply templates. Every change is audited."""

from sqlalchemy import select
from sqlalchemy.orm import Session

from zhenxing import audit
from zhenxing.appeals.models import AppealCategory
from zhenxing.auth.models import User
from zhenxing.auth.policy import is_centre
from zhenxing.errors import Conflict, Forbidden, NotFound, Rejected
from zhenxing.lookalikes import differs_by, twin_of
from zhenxing.org.models import Unit
from zhenxing.text import clean_code

DATATYPES = {"string", "number", "datetime", "text", "singlevaluelist", "multivaluelist"}
FIELDS = ("code", "name", "group", "description", "default_unit_id", "keywords", "questions", "reply_template",
          "active")


def list_categories(session: Session, *, active_only: bool = False) -> list[AppealCategory]:
    query = select(AppealCategory).order_by(AppealCategory.code)
    if active_only:
        query = query.where(AppealCategory.active.is_(True))
    return list(session.scalars(query).unique())


def category_by_code(session: Session, code: str) -> AppealCategory:
    category = session.scalar(select(AppealCategory).where(AppealCategory.code == code))
    if category is None:
        raise NotFound(f"诉求分类“{code}”不存在", field="service_code")
    return category


def check_questions(questions: object) -> list[dict]:
    """Open311 attributes: code, description, datatype, required, values [{key, name}] for lists."""
    if not isinstance(questions, list) or len(questions) > 20:
        raise Rejected("附加问题应为至多20项的列表", field="questions")
    seen = set()
    for index, question in enumerate(questions):
        where = f"questions[{index}]"
        if not isinstance(question, dict):
            raise Rejected(f"{where} 应为对象", field="questions")
        code = str(question.get("code") or "")
        if not code or len(code) > 40 or not code.replace("_", "").isalnum() or code in seen:
            raise Rejected(f"{where}.code 应为唯一的字母数字编码（至多40位）", field="questions")
        seen.add(code)
        if question.get("datatype") not in DATATYPES:
            raise Rejected(f"{where}.datatype 应为 {'、'.join(sorted(DATATYPES))} 之一", field="questions")
        if not 1 <= len(str(question.get("description") or "")) <= 200:
            raise Rejected(f"{where}.description 应为 1–200 个字", field="questions")
        values = question.get("values", [])
        if question["datatype"].endswith("valuelist") and (not isinstance(values, list) or not values):
            raise Rejected(f"{where}.values 列表题至少要有一个选项", field="questions")
        question["required"] = bool(question.get("required", False))
    return questions


def _checked(session: Session, values: dict) -> dict:
    for key in values:
        if key not in FIELDS:
            raise Rejected(f"未知字段“{key}”", field=key)
    if "code" in values:  # NFKC first: ＧＡＳ１ is GAS1 (and a zero-width space is refused, naming the field)
        values["code"] = clean_code(str(values["code"]), field="code", label="分类编码")
        code = values["code"]
        if not (1 <= len(code) <= 20 and code.isascii() and code.isalnum()):
            raise Rejected("分类编码应为 1–20 位字母或数字", field="code")
    if "name" in values and not 1 <= len(str(values["name"]).strip()) <= 60:
        raise Rejected("分类名称应为 1–60 个字", field="name")
    if len(str(values.get("group", ""))) > 40:  # a post never loses its end silently: it is refused
        raise Rejected(f"分组最多 40 个字（现有 {len(str(values['group']))} 个）", field="group")
    if len(str(values.get("description", ""))) > 500:
        raise Rejected(f"说明最多 500 个字（现有 {len(str(values['description']))} 个）", field="description")
    if values.get("default_unit_id") is not None and session.get(Unit, values["default_unit_id"]) is None:
        raise Rejected(f"单位 {values['default_unit_id']} 不存在", field="default_unit_id")
    if "questions" in values:
        values["questions"] = check_questions(values["questions"])
    if len(str(values.get("keywords", ""))) > 1000 or len(str(values.get("reply_template", ""))) > 4000:
        raise Rejected("关键词至多1000字、答复模板至多4000字", field="keywords")
    return values


def _snapshot(category: AppealCategory) -> dict:
    return {name: getattr(category, name) for name in FIELDS}


def save_category(session: Session, *, actor: User | None, values: dict,
                  category_id: int | None = None) -> AppealCategory:
    if actor is not None and not is_centre(actor.role):
        raise Forbidden("只有热线中心可以维护诉求分类")
    values = _checked(session, dict(values))
    if "code" in values:  # gas1 beside GAS1 is the same code to anyone reading a list or typing it
        twin = twin_of(session, AppealCategory.code, values["code"], own_id=category_id)
        if twin is not None:
            raise Conflict(f"分类编码“{values['code']}”已存在{differs_by(twin, values['code'])}", field="code")
    if category_id is None:
        if "code" not in values or "name" not in values:
            raise Rejected("新建分类须填写编码和名称", field="code")
        category = AppealCategory(**values)
        session.add(category)
        session.flush()
        audit.record(session, actor=actor, action="create", entity="appeal_category", entity_id=category.id,
                     summary=f"新建诉求分类 {category.code} {category.name}")
        return category
    category = session.get(AppealCategory, category_id)
    if category is None:
        raise NotFound(f"诉求分类 {category_id} 不存在", field="id")
    return audit.apply_changes(session, actor=actor, row=category, entity="appeal_category", changes=values,
                               snapshot=_snapshot, label=lambda c: f"修改诉求分类 {c.code}")


# ---- extra questions as lines the centre can type ------------------------------------------------------

DATATYPE_NAMES = {"string": "文本", "text": "长文本", "number": "数字", "datetime": "日期时间",
                  "singlevaluelist": "单选", "multivaluelist": "多选"}
_DATATYPE_OF = {**{name: key for key, name in DATATYPE_NAMES.items()}, **{key: key for key in DATATYPE_NAMES}}
MAX_QUESTION_LINES = 20


def questions_to_text(questions: list[dict]) -> str:
    """One question a line: 编码｜问题｜类型｜必答/选答｜选项=名称，选项=名称 (the last part for lists only)."""
    lines = []
    for question in questions or []:
        parts = [question["code"], question["description"], DATATYPE_NAMES.get(question["datatype"], "文本"),
                 "必答" if question.get("required") else "选答"]
        if question.get("values"):
            parts.append("，".join(f"{v['key']}={v.get('name', v['key'])}" for v in question["values"]))
        lines.append("｜".join(parts))
    return "\n".join(lines)


def questions_from_text(text: str) -> list[dict]:
    """The questions typed as lines (see questions_to_text), checked; Rejected names the line."""
    questions = []
    lines = [line.strip() for line in (text or "").replace("|", "｜").splitlines() if line.strip()]
    if len(lines) > MAX_QUESTION_LINES:
        raise Rejected(f"附加问题最多 {MAX_QUESTION_LINES} 个", field="questions")
    for number, line in enumerate(lines, 1):
        parts = [part.strip() for part in line.split("｜")]
        if len(parts) < 3:
            raise Rejected(f"附加问题第 {number} 行应为“编码｜问题｜类型｜必答或选答｜选项”", field="questions")
        code, description, kind = parts[0], parts[1], parts[2]
        if kind not in _DATATYPE_OF:
            raise Rejected(f"附加问题第 {number} 行的类型“{kind}”无效，可选：{'、'.join(DATATYPE_NAMES.values())}",
                           field="questions")
        required = len(parts) > 3 and parts[3] in {"必答", "是", "必填", "required"}
        values = []
        if len(parts) > 4 and parts[4]:
            for item in parts[4].replace(",", "，").split("，"):
                key, _, name = item.partition("=")
                if key.strip():
                    values.append({"key": key.strip()[:40], "name": (name or key).strip()[:60]})
        questions.append({"code": code, "description": description, "datatype": _DATATYPE_OF[kind],
                          "required": required, "values": values})
    try:
        return check_questions(questions)
    except Rejected as error:
        raise Rejected(error.message.replace("questions[", "附加问题 ["), field="questions") from None


def revoke_open311_client(session: Session, *, actor: User, client_id: int):
    """Stop an Open311 client's key from posting (kept for the record); audited."""
    from zhenxing.appeals.models import Open311Client

    if not is_centre(actor.role):
        raise Forbidden("只有热线中心可以管理 Open311 客户端")
    client = session.get(Open311Client, client_id)
    if client is None:
        raise NotFound(f"Open311 客户端 {client_id} 不存在", field="id")
    if not client.active:
        raise Conflict(f"Open311 客户端“{client.name}”已停用", field="id")
    client.active = False
    session.flush()
    audit.record(session, actor=actor, action="update", entity="open311_client", entity_id=client.id,
                 summary=f"停用 Open311 客户端 {client.name}", changes={"active": [True, False]})
    return client
