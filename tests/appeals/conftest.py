"""Appeals fixtures: a small catalogue on top of the `world` personas, a hotline agent, and helpers that file
an appeal and make events as a given user."""

from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

import pytest

from tests.factories import make_user
from zhenxing.appeals import catalogue, service
from zhenxing.appeals.intake import Draft, submit
from zhenxing.appeals.schemas import AppealCreate, EventRequest
from zhenxing.auth import service as accounts

# A Monday morning, Beijing 09:00, far from holidays.
MONDAY = datetime(2025, 3, 10, 1, 0, tzinfo=UTC)


@pytest.fixture
def loop(session, world):
    road = catalogue.save_category(session, actor=None, values={
        "code": "0701", "name": "道路破损", "group": "城市管理", "default_unit_id": world.transport.id,
        "keywords": "坑 路面 破损 井盖", "reply_template": "经现场核查，",
        "questions": [{"code": "size", "description": "坑的大小", "datatype": "singlevaluelist", "required": True,
                       "values": [{"key": "small", "name": "小"}, {"key": "large", "name": "大"}]}]})
    heat = catalogue.save_category(session, actor=None, values={
        "code": "0302", "name": "供暖", "group": "水电气热", "keywords": "暖气 供暖 不热"})
    enterprise = catalogue.save_category(session, actor=None, values={
        "code": "1201", "name": "企业经营", "group": "营商环境", "default_unit_id": world.fgw.id,
        "keywords": "审批 用地 手续"})
    hotline = make_user(session, "接线员小王", "hotline")
    session.commit()
    return SimpleNamespace(world=world, road=road, heat=heat, enterprise=enterprise, hotline=hotline)


def draft(**overrides) -> Draft:
    values = {"channel": "phone", "type": "complaint", "category_code": "0302", "requester_name": "张三",
              "requester_phone": "13812341234",
              "description": "小区暖气不热已经三天了", "address": "凌海市金城街道人民路12号"}
    values.update(overrides)
    return Draft(AppealCreate(**values), actor_name="测试")


def file(session, now=MONDAY, **overrides) -> int:
    taken = submit(session, [draft(**overrides)], now=now)[0]
    assert taken.error is None, taken.error
    session.commit()
    return taken.id


def act(session, user, appeal_id, event, now=MONDAY, **values):
    scope = accounts.scope_for(session, user) if user is not None else None
    appeal = service.act(session=session, actor=user, scope=scope, appeal_id=appeal_id, now=now,
                         request=EventRequest(event=event, **values))
    session.commit()
    return appeal


def later(hours: float = 0, days: float = 0) -> datetime:
    return MONDAY + timedelta(hours=hours, days=days)
