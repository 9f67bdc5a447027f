"""An HTML edit form changes only the fields its post carries: a post that lacks a field (an old page, a
script, a form with a section hidden on a phone) never clears it. For every edit form of the site, a post
carrying one field changes that field and leaves every other one as it was.

Every POST page route that edits an existing record — one ending in /edit, or posting to the address of
its own form page — must have a case here; a new edit form without one fails
`test_every_edit_form_has_a_partial_post_case`.
"""

from dataclasses import dataclass
from decimal import Decimal

import pytest
from sqlalchemy import select

from tests.factories import make_person, make_project, make_target, make_task
from tests.web.site import app_routes


@dataclass
class Case:
    route: str  # the route's path as the app declares it
    make: object  # (session, world) → (url, the one field posted, read(session) → the record's fields)


def _project(session, world):
    steward = make_person(session, "李管家", "项目管家")
    project = make_project(session, name="凌海港口物流园", region_id=world.linghai.id, total_investment=120_000,
                           planned_investment=20_000, lead_unit_id=world.fgw.id, sponsor_id=world.sponsor.id,
                           steward_id=steward.id, company="凌海港务集团", cluster="现代物流",
                           description="一期码头已建成。")
    session.commit()

    def read(s):
        from zhenxing.projects.models import Project

        p = s.get(Project, project.id)
        return {k: getattr(p, k) for k in ("name", "total_investment", "planned_investment", "lead_unit_id",
                                           "sponsor_id", "steward_id", "company", "cluster", "description",
                                           "region_id", "status")}
    return f"/projects/{project.id}/edit", {"name": "凌海港口物流园（二期）"}, read


def _task(session, world):
    task = make_task(session, "建设口袋公园12个", lead=world.fgw, partners=[world.transport], deadline="10月底前")
    session.commit()

    def read(s):
        from zhenxing.tasks.models import Task

        t = s.get(Task, task.id)
        return {"deadline": t.deadline, "lead_unit_id": t.lead_unit_id,
                "partners": sorted(u.id for u in t.partners)}
    return f"/tasks/{task.id}/edit", {"deadline": "年底前"}, read


def _target(session, world):
    target = make_target(session, lead_unit_id=world.fgw.id, start_value=Decimal("5.5"), path="accumulate",
                         profile="1-1-2")
    session.commit()

    def read(s):
        from zhenxing.targets.models import Target

        t = s.get(Target, target.id)
        return {"lead_unit_id": t.lead_unit_id, "start_value": t.start_value, "path": t.path,
                "profile": t.profile}
    return f"/targets/{target.id}/trajectory", {"profile": "1-2-3-4"}, read


def _org(kind):
    def make(session, world):
        from zhenxing.org.models import Person, Region, Unit

        if kind == "regions":
            row, model, field = world.shuangyang, Region, {"name": "双羊镇（新）"}
        elif kind == "units":
            world.fgw.region_id = world.city.id
            row, model, field = world.fgw, Unit, {"name": "市发改委"}
        else:
            row, model, field = world.sponsor, Person, {"title": "常务副市长"}
            row.unit_id = world.fgw.id
        session.commit()
        keys = {"regions": ("name", "kind", "parent_id"), "units": ("name", "region_id"),
                "people": ("name", "title", "unit_id")}[kind]

        def read(s):
            found = s.get(model, row.id)
            return {k: getattr(found, k) for k in keys}
        return f"/org/{kind}/{row.id}/edit", field, read
    return make


def _user(session, world):
    def read(s):
        from zhenxing.auth.models import User

        u = s.get(User, world.county.id)
        return {"role": u.role, "region_id": u.region_id, "unit_id": u.unit_id, "active": u.active}
    return f"/admin/users/{world.county.id}", {"active": "0"}, read


def _report(session, world):
    from zhenxing.dispatch import reports
    from zhenxing.dispatch.schemas import ReportFields
    from zhenxing.periods import parse_period

    project = make_project(session, name="凌海港口物流园", region_id=world.linghai.id, stage="started")
    session.commit()
    from zhenxing.auth.policy import Scope

    everything = Scope("office", everything=True)
    reports.file_report(session=session, actor=world.office, scope=everything, project_id=project.id,
                        period=parse_period("2025-03"), data=ReportFields(
                            completed_investment=3000, progress="主体结构封顶", physical_percent=60,
                            problems="", next_plan="设备安装", registered=True))
    session.commit()

    def read(s):
        from zhenxing.dispatch.models import ProgressReport

        r = s.scalars(select(ProgressReport).where(ProgressReport.project_id == project.id)).one()
        return {k: getattr(r, k) for k in ("completed_investment", "progress", "physical_percent", "next_plan",
                                           "registered")}
    return f"/reports/{project.id}/2025-03", {"next_plan": "设备调试"}, read


def _draft(session, world):
    from tests.factories import make_document
    from zhenxing.documents.models import Draft

    make_document(session)
    draft = session.scalars(select(Draft).where(Draft.kind == "task").order_by(Draft.id)).first()
    draft.payload = {**draft.payload, "lead_unit_id": world.fgw.id, "deadline": "年底前", "leader": "王振国"}
    session.commit()

    def read(s):
        d = s.get(Draft, draft.id)
        return {k: d.payload.get(k) for k in ("content", "lead_unit_id", "deadline", "leader", "section")}
    return f"/review/{draft.id}", {"deadline": "6月底前", "action": "save"}, read


def _light_rules(session, world):
    from zhenxing.dispatch import rule_kinds
    from zhenxing.dispatch.light_rules import preset
    from zhenxing.dispatch.pages import reporting_period
    from zhenxing.rules import service as rules

    year = reporting_period({}).year
    rules.set_rules(session, world.office, rule_kinds.LIGHTS, preset("sanya_2022"), year, name="三亚")
    session.commit()

    def read(s):
        return rules.rule_state(s, rule_kinds.LIGHTS, year).data
    return "/lights/rules", {"name": "本市红黄绿灯规则"}, read


def _category(session, world):
    from zhenxing.appeals import catalogue
    from zhenxing.appeals.models import AppealCategory

    category = catalogue.save_category(session, actor=None, values={
        "code": "0701", "name": "道路破损", "group": "城市管理", "default_unit_id": world.transport.id,
        "keywords": "坑 井盖", "reply_template": "经现场核查，", "description": "路面、井盖",
        "questions": [{"code": "size", "description": "坑的大小", "datatype": "singlevaluelist", "required": True,
                       "values": [{"key": "small", "name": "小"}]}]})
    session.commit()

    def read(s):
        c = s.get(AppealCategory, category.id)
        return {name: getattr(c, name) for name in catalogue.FIELDS}
    return f"/appeals/catalogue/{category.id}", {"name": "道路与井盖破损"}, read


CASES = {
    "/lights/rules": _light_rules,
    "/projects/{project_id}/edit": _project,
    "/tasks/{task_id:int}/edit": _task,
    "/targets/{target_id:int}/trajectory": _target,
    "/org/{what}/{row_id}/edit": _org("regions"),
    "/admin/users/{user_id}": _user,
    "/reports/{project_id}/{period}": _report,
    "/review/{draft_id:int}": _draft,
    "/appeals/catalogue/{category_id}": _category,
}
MORE = {"org units": _org("units"), "org people": _org("people")}
# POST routes that look like edit forms but are not edits of a record's fields, and why.
NOT_EDITS = {
    "/projects": "新建项目", "/problems": "登记问题", "/admin/users": "添加用户", "/documents": "上传文件",
    "/appeals/new": "登记一件新诉求（新建，不是修改）",
    "/public/appeals/new": "群众提交诉求（新建）",
    "/projects/import": "上传文件",
    "/targets/import": "上传文件",
    "/reports/import": "上传文件",
    "/league/scheme": "评分办法整体保存（一段 JSON，缺项即被校验拒绝）",
    "/lights/settings": "调度工作设置整体保存（四个数字，缺项即被校验拒绝）",
    "/field-reviews": "安排拉练（新建）", "/meetings": "安排调度会（新建）",
    "/review/keywords": "新增一条关键词",
    "/review/indicators": "新增一条指标归并",
    "/login": "登录", "/account/password": "修改密码（三个字段缺一即拒绝）",
    "/public/appeals/track": "查询",
    "/appeals/catalogue/new": "新增一个诉求分类（新建）",
    "/appeals/open311-clients": "新建 Open311 客户端密钥（新建）",
    "/admin/holidays": "设置一段日期（开始日期与类型缺一即拒绝）",
}


def _edit_routes(app) -> set[str]:
    routes = app_routes(app)
    pages = {r.path for r in routes if "GET" in r.methods}
    return {r.path for r in routes if "POST" in r.methods and not r.path.startswith(("/api/", "/open311/"))
            and (r.path.endswith(("/edit", "/trajectory")) or r.path in pages)}


def test_every_edit_form_has_a_partial_post_case(app):
    missing = _edit_routes(app) - set(CASES) - set(NOT_EDITS)
    assert not missing, f"edit forms without a partial-post case in {__file__}: {sorted(missing)}"


@pytest.mark.parametrize("name", [*CASES, *MORE])
def test_a_post_carrying_one_field_changes_only_that_field(name, world, session, sessions, page_as):
    url, posted, read = (CASES.get(name) or MORE[name])(session, world)
    before = read(session)
    client, token = page_as(world.admin)
    answer = client.post(url, data={"csrf_token": token, **posted}, follow_redirects=False)
    assert answer.status_code == 303, answer.text[:800]
    with sessions() as fresh:
        after = read(fresh)
    changed = {key for key in before if before[key] != after[key]}
    field = next(key for key in posted if key != "action")
    assert changed <= {field}, f"{name}: a post of {field} alone changed {sorted(changed - {field})}"
    assert changed == {field} or field not in before, f"{name}: {field} was not changed"
