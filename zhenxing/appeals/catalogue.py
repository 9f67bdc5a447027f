"""The category catalogue the centre maintains: codes, default units, keywords, extra questions (Open311
service-definition attributes) and reply templates. Every change is audited."""

from sqlalchemy import select
from sqlalchemy.orm import Session

from zhenxing import audit
from zhenxing.appeals.models import AppealCategory
from zhenxing.auth.models import User
from zhenxing.auth.policy import is_centre
from zhenxing.errors import Conflict, Forbidden, NotFound, Rejected
from zhenxing.org.models import Unit

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
    if "code" in values and not (1 <= len(str(values["code"])) <= 20 and str(values["code"]).isalnum()):
        raise Rejected("分类编码应为 1–20 位字母数字", field="code")
    if "name" in values and not 1 <= len(str(values["name"]).strip()) <= 60:
        raise Rejected("分类名称应为 1–60 个字", field="name")
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
    if "code" in values:
        clash = session.scalar(select(AppealCategory.id).where(AppealCategory.code == values["code"]))
        if clash is not None and clash != category_id:
            raise Conflict(f"分类编码“{values['code']}”已存在", field="code")
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
