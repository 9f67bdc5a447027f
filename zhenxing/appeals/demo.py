"""Demo appeals for Jinzhou: a category catalogue for its departments, a hotline agent and a department user,
about two thousand appeals over the last twelve months in every state (returned, extended, escalated,
reopened, rated, defaulted, merged), one 急难愁盼 campaign, and enterprise appeals linked to demo projects.

Every step goes through the same service as the web app, at simulated moments, so the timelines, the
audit trail and the statistics are those the loop would have produced."""

import random
from datetime import datetime, timedelta
from types import SimpleNamespace

from sqlalchemy import select
from sqlalchemy.orm import Session

from zhenxing.appeals import catalogue, jobs, service, tallies
from zhenxing.appeals.intake import Draft, submit
from zhenxing.appeals.models import Appeal, Campaign, CampaignAppeal
from zhenxing.appeals.photos import check_photo
from zhenxing.appeals.schemas import AppealCreate, EventRequest
from zhenxing.audit import now_utc
from zhenxing.auth import service as accounts
from zhenxing.errors import DomainError
from zhenxing.org import service as org

# (code, name, group, default unit, keywords, texts)
CATALOGUE = [
    ("0301", "供暖", "水电气热", "市住房城乡建设局", "暖气 供暖 不热 采暖", ["家里暖气不热，室温只有十五度", "小区供暖管道漏水"]),
    ("0302", "供水", "水电气热", "市水利局", "停水 水压 自来水 水质", ["小区突然停水没有通知", "自来水发黄有异味"]),
    ("0303", "供气", "水电气热", "市住房城乡建设局", "燃气 煤气 天然气", ["燃气表不走字，已交费仍不能用气"]),
    ("0304", "供电", "水电气热", "市发展改革委", "停电 电压 供电", ["频繁停电影响生产经营"]),
    ("0701", "道路破损", "城市管理", "市交通运输局", "坑 路面 破损 井盖", ["路面有大坑，夜间行车危险", "井盖缺失存在安全隐患"]),
    ("0702", "公交出行", "城市管理", "市交通运输局", "公交 站点 线路", ["公交线路调整后老人出行不便"]),
    ("0801", "噪音扰民", "生态环境", "市生态环境局", "噪音 扰民 施工", ["工地夜间施工噪音扰民"]),
    ("0802", "大气污染", "生态环境", "市生态环境局", "烟尘 异味 污染 焚烧", ["工厂排放异味，影响居民生活"]),
    ("0901", "物业管理", "住房保障", "市住房城乡建设局", "物业 电梯 小区", ["小区电梯经常故障物业不维修"]),
    ("0902", "房屋产权", "住房保障", "市自然资源局", "房产证 不动产 办证", ["购房多年仍办不下不动产证"]),
    ("1001", "义务教育", "教育", "市教育局", "入学 学校 学位", ["孩子入学学位紧张，划片不合理"]),
    ("1101", "医疗服务", "卫生健康", "市卫生健康委", "医院 医保 看病", ["医院挂号难，排队时间过长"]),
    ("1201", "社会保障", "人社民政", "市人力资源社会保障局", "社保 养老金 工资 欠薪", ["公司拖欠工资三个月", "养老金认证操作不会"]),
    ("1202", "养老服务", "人社民政", "市民政局", "养老 低保 救助", ["申请低保迟迟没有结果"]),
    ("1301", "农村农业", "农业农村", "市农业农村局", "农田 种植 补贴 灌溉", ["耕地补贴没有按时发放"]),
    ("1401", "企业开办审批", "营商环境", "市营商环境建设局", "审批 营业执照 开办 手续", ["项目审批材料反复补正，进展缓慢"]),
    ("1402", "惠企政策兑现", "营商环境", "市工业和信息化局", "补贴 政策 兑现 奖励", ["技改补贴申请半年未兑现"]),
    ("1403", "项目建设要素", "营商环境", "市发展改革委", "用地 用电 用水 手续 施工", ["项目用电增容迟迟不批"]),
    ("1501", "文旅市场", "文化旅游", "市文化旅游和广播电视局", "景区 旅游 门票", ["景区门票价格与公示不符"]),
    ("1601", "市场消费", "市场监管", "市商务局", "商场 消费 退款 食品", ["商场拒绝退款"]),
]
CAMPAIGN = ("2025年冬季供暖急难愁盼清单", "急难愁盼", "供暖季群众反映集中的问题，逐件跟踪到办结")
STREETS = ["人民路", "解放路", "中央大街", "士英街", "延安路", "北京路", "上海路", "重庆路"]
SURNAMES = "王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗"


def load(session: Session, *, count: int = 2000, seed: int = 2025) -> int:
    """Load once (returns 0 when the catalogue is already there); returns the number of appeals."""
    if catalogue.list_categories(session):
        return 0
    for code, name, group, unit, keywords, _texts in CATALOGUE:
        catalogue.save_category(session, actor=None, values={
            "code": code, "name": name, "group": group, "default_unit_id": org.unit_by_name(session, unit).id,
            "keywords": keywords, "reply_template": f"您反映的{name}问题，经核查，"})
    from zhenxing.auth.models import User

    hotline = session.scalar(select(User).where(User.role == "hotline").limit(1))
    if hotline is None:  # the demo users (zhenxing/demo_data.py) include the centre's agent
        hotline = accounts.create_user(session, name="hotline", role="hotline", password=_password())
    story = Story(session, hotline, random.Random(seed), now_utc())
    with tallies.batch(session):
        for start in range(0, count, 200):
            story.batch(min(200, count - start), total=count, offset=start)
        story.campaign()
        story.projects()
        jobs.sweep(session, now=story.now)
    return count


def _photo() -> bytes:
    """A small picture of a pothole-grey road with a dark patch."""
    from io import BytesIO

    from PIL import Image, ImageDraw

    image = Image.new("RGB", (320, 200), (150, 150, 150))
    ImageDraw.Draw(image).ellipse((110, 70, 210, 130), fill=(60, 55, 50))
    buffer = BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def _password() -> str:
    from zhenxing.demo_data import DEMO_PASSWORD

    return DEMO_PASSWORD


class Story:
    """Plays each appeal's life at simulated moments through the service."""

    def __init__(self, session: Session, centre, rng: random.Random, now: datetime):
        self.session, self.centre, self.rng, self.now = session, centre, rng, now
        self.centre_scope = accounts.scope_for(session, centre)
        self.regions = [r for r in org.list_regions(session) if r.kind in {"county", "district", "zone"}]
        self.units = {u.id: u for u in org.list_units(session)}
        self.handlers: dict = {}
        self.last: dict[int, int] = {}
        self.photographed = False

    def batch(self, size: int, *, total: int, offset: int) -> None:
        drafts, moments = [], []
        for n in range(size):
            index = offset + n
            days_ago = 365 * (1 - index / total)  # spread evenly over the year, the newest last
            moment = self.now - timedelta(days=days_ago, hours=self.rng.uniform(0, 8))
            if index >= total - 8:  # and a few from the last hours, still in the centre's or a unit's hands
                moment = self.now - timedelta(hours=3 * (total - index))
            drafts.append(self._draft())
            moments.append(moment)
        for draft, moment in zip(drafts, moments, strict=True):
            taken = submit(self.session, [draft], now=moment)[0]
            if taken.id is not None:
                self._live(taken.id, moment)

    def _draft(self) -> Draft:
        code, name, group, _unit, _keywords, texts = self.rng.choice(CATALOGUE)
        region = self.rng.choice(self.regions)
        enterprise = group == "营商环境" or self.rng.random() < 0.05
        channel = self.rng.choice(["huiqi", "steward", "phone"] if enterprise else
                                  ["phone"] * 6 + ["web", "web", "snapshot", "reception", "mailbox"])
        data = AppealCreate(
            channel=channel, type=self.rng.choice(["complaint"] * 4 + ["help", "help", "consult", "suggestion"]),
            urgency="urgent" if self.rng.random() < 0.03 else "complex" if self.rng.random() < 0.1 else "normal",
            category_code=code, requester_kind="enterprise" if enterprise else "citizen",
            requester_name=self.rng.choice(SURNAMES) + self.rng.choice(["先生", "女士", "伟", "芳", "强"]),
            requester_phone=f"13{self.rng.randint(0, 9)}{self.rng.randint(0, 99_999_999):08d}",
            company=f"锦州{self.rng.choice(['宏达', '华信', '兴业', '东方'])}有限公司" if enterprise else "",
            description=self.rng.choice(texts) + f"（{region.name}{self.rng.choice(STREETS)}）",
            address=f"{region.name}{self.rng.choice(STREETS)}{self.rng.randint(1, 300)}号", region_id=region.id,
        )
        photos = []
        if channel == "snapshot" and not self.photographed:  # one 随手拍 photo, to show how photos appear
            photos, self.photographed = [check_photo(_photo(), "随手拍.png")], True
        return Draft(data, photos=photos, actor_name="演示数据")

    def _do(self, appeal_id: int, event: str, at: datetime, actor=None, scope=None, **values) -> bool:
        if at >= self.now:
            return False
        try:
            requester = actor is None and event == "rate"
            if requester:
                actor = SimpleNamespace(id=None, name="诉求人", role="")
            with self.session.begin_nested():
                service.act(session=self.session, actor=actor, scope=scope, appeal_id=appeal_id, now=at,
                            as_requester=requester, request=EventRequest(event=event, **values))
            return True
        except DomainError:
            return False

    def _centre(self, appeal_id: int, event: str, at: datetime, **values) -> bool:
        return self._do(appeal_id, event, at, self.centre, self.centre_scope, **values)

    def _unit(self, appeal: Appeal, event: str, at: datetime, **values) -> bool:
        user, scope = self._handler(appeal)
        return self._do(appeal.id, event, at, user, scope, **values)

    def _handler(self, appeal: Appeal):
        """The demo user of the handling unit, or a stand-in with the unit's scope (no account is created
        for every department: a password hash per account would dominate the demo's load time)."""
        key = ("unit", appeal.unit_id) if appeal.unit_id else ("region", appeal.handler_region_id)
        if key not in self.handlers:
            from zhenxing.auth.models import User
            from zhenxing.auth.policy import Scope
            from zhenxing.org.models import Region

            column = User.unit_id if key[0] == "unit" else User.region_id
            user = self.session.scalar(select(User).where(column == key[1], User.role == "unit").limit(1))
            if user is not None:
                self.handlers[key] = (user, accounts.scope_for(self.session, user))
            else:
                name = self.units[key[1]].name if key[0] == "unit" else self.session.get(Region, key[1]).name
                scope = Scope(role="unit", unit_id=key[1]) if key[0] == "unit" else Scope(
                    role="unit", region_ids=frozenset(org.subtree_ids(self.session, key[1])))
                self.handlers[key] = (SimpleNamespace(id=None, name=f"{name}（演示）", role="unit"), scope)
        return self.handlers[key]

    def _live(self, appeal_id: int, received: datetime) -> None:
        rng, hours = self.rng, lambda low, high: timedelta(hours=self.rng.uniform(low, high))
        appeal = self.session.get(Appeal, appeal_id)
        if appeal.type == "consult" and rng.random() < 0.6:
            if self._centre(appeal_id, "answer", received + hours(0.1, 1), reason="已在电话中解答相关政策"):
                self._rate(appeal, received + hours(2, 30))
            return
        if received > self.now - timedelta(hours=6):
            return  # the newest wait in the centre's queue
        previous = self.last.get(appeal.category_id)
        self.last[appeal.category_id] = appeal_id
        repeat = previous and rng.random() < 0.03  # the same problem again: a repeat, merged into the first
        if repeat and self._centre(appeal_id, "merge", received + hours(0.1, 1), target_id=previous):
            return
        at = received + hours(0.2, 4)
        default = appeal.category.default_unit_id
        if rng.random() < 0.08:  # a wrong first dispatch, returned with a reason, then re-dispatched
            wrong = rng.choice([u for u in self.units if u != default])
            if not self._centre(appeal_id, "dispatch", at, unit_id=wrong):
                return
            at += hours(2, 20)
            if not self._unit(appeal, "return", at, reason="经核实不属于本单位职责范围，请改派"):
                return
            at += hours(0.5, 4)
        target = {"unit_id": default} if rng.random() < 0.85 else {"handler_region_id": appeal.region_id}
        if not self._centre(appeal_id, "dispatch", at, **target):
            return
        self._handle(appeal, at)

    def _handle(self, appeal: Appeal, at: datetime) -> None:
        rng, hours = self.rng, lambda low, high: timedelta(hours=self.rng.uniform(low, high))
        at += hours(0.2, 3) if rng.random() < 0.85 else hours(5, 30)
        if not self._unit(appeal, "accept", at):
            return
        self._unit(appeal, "contact", at + hours(0.5, 6), reason="已电话联系诉求人了解情况")
        if appeal.urgency == "complex" and rng.random() < 0.5:
            at += hours(24, 72)
            if self._unit(appeal, "request_extension", at, extension_days=5, reason="需协调多个部门现场会商"):
                at += hours(2, 24)
                self._centre(appeal.id, "approve_extension" if rng.random() < 0.8 else "refuse_extension", at,
                             reason="延期理由不充分")
        due = appeal.close_due
        late = rng.random() < 0.12
        at = (due + hours(2, 96)) if late and due else at + hours(6, 24 * 5)
        if late and due and due < self.now:
            self._centre(appeal.id, "escalate", min(due + hours(1, 24), self.now - timedelta(minutes=1)),
                         reason="逾期未答复，催办")
        result = rng.choices(["resolved", "partly", "unresolved"], [80, 14, 6])[0]
        text = (appeal.category.reply_template or "经核查，") + {"resolved": "问题已解决。", "partly": "已部分解决，剩余问题列入计划。",
                                                               "unresolved": "因涉及规划调整暂不能解决，已向诉求人说明理由。"}[result]
        if self._unit(appeal, "reply", at, result=result, reason=text):
            self._rate(appeal, at + hours(2, 72))

    def _rate(self, appeal: Appeal, at: datetime) -> None:
        rng = self.rng
        if rng.random() < 0.25:
            return  # no verdict: the sweep gives 基本满意 after the window
        level = rng.choices([1, 2, 3, 4, 5], [45, 30, 12, 8, 5])[0]
        by_phone = rng.random() < 0.6
        if not self._do(appeal.id, "rate", at, *((self.centre, self.centre_scope) if by_phone else ()),
                        level=level, reason="回访"):
            return
        if appeal.status == "reopened":
            self._handle_again(appeal, at)
        elif appeal.status == "rated":
            self._centre(appeal.id, "close", at + timedelta(hours=rng.uniform(1, 48)))

    def _handle_again(self, appeal: Appeal, at: datetime) -> None:
        at += timedelta(hours=self.rng.uniform(12, 96))
        if self._unit(appeal, "reply", at, result="resolved", reason="重办：已再次核查并整改到位。"):
            self._rate(appeal, at + timedelta(hours=self.rng.uniform(2, 48)))

    def campaign(self) -> None:
        name, kind, description = CAMPAIGN
        campaign = Campaign(name=name, kind=kind, description=description)
        self.session.add(campaign)
        self.session.flush()
        heat = catalogue.category_by_code(self.session, "0301")
        ids = self.session.scalars(select(Appeal.id).where(Appeal.category_id == heat.id)
                                   .order_by(Appeal.received_at.desc()).limit(60))
        self.session.add_all(CampaignAppeal(campaign_id=campaign.id, appeal_id=i) for i in ids)

    def projects(self) -> None:
        from zhenxing.appeals import links
        from zhenxing.projects.models import Project

        projects = list(self.session.scalars(select(Project).where(Project.company != "").limit(8)))
        for project in projects:
            draft = Draft(AppealCreate(
                channel="steward", type="help", category_code="1403", requester_kind="enterprise",
                requester_name="项目负责人", requester_phone="13700001111", company=project.company,
                description=f"{project.name}项目施工用电增容审批进展缓慢，影响设备安装调试", region_id=project.region_id,
                address=project.region.name), actor_name="项目管家")
            taken = submit(self.session, [draft], now=self.now - timedelta(days=3))[0]
            links.link_project(session=self.session, actor=self.centre, scope=self.centre_scope,
                               appeal_id=taken.id, project_id=project.id, now=self.now - timedelta(days=3))
            self._centre(taken.id, "dispatch", self.now - timedelta(days=2, hours=20), unit_id=project.lead_unit_id)
