"""One place that makes test records: make_project(session, **overrides) and friends."""

import itertools
from types import SimpleNamespace

from sqlalchemy.orm import Session

from zhenxing.auth import service as accounts
from zhenxing.auth.models import User
from zhenxing.org import service as org
from zhenxing.org.models import Person, Region, Unit
from zhenxing.projects.models import Project

PASSWORD = "correct-horse-9"
_numbers = itertools.count(1)


def make_region(session: Session, name: str, kind: str = "county", parent: Region | None = None) -> Region:
    return org.add_region(session, name, kind, parent)


def make_unit(session: Session, name: str) -> Unit:
    unit = Unit(name=name)
    session.add(unit)
    session.flush()
    return unit


def make_person(session: Session, name: str, title: str = "") -> Person:
    person = Person(name=name, title=title)
    session.add(person)
    session.flush()
    return person


def make_user(session: Session, name: str, role: str, *, region: str | None = None,
              unit: str | None = None) -> User:
    return accounts.create_user(session, name=name, role=role, password=PASSWORD, region=region, unit=unit)


def make_project(session: Session, **overrides) -> Project:
    number = next(_numbers)
    values = {
        "code": f"T-{number:04d}",
        "name": f"测试项目{number}",
        "total_investment": 12000,
        "planned_investment": 3000,
        "stage": "planned",
    }
    values.update(overrides)
    if "region_id" not in values:
        values["region_id"] = org.region_by_name(session, "锦州市").id
    project = Project(**values)
    session.add(project)
    session.flush()
    return project


def make_world(session: Session) -> SimpleNamespace:
    """A small city with personas for every role, and an outsider for scope tests."""
    city = make_region(session, "锦州市", "city")
    linghai = make_region(session, "凌海市", "county", city)
    shuangyang = make_region(session, "双羊镇", "township", linghai)
    heishan = make_region(session, "黑山县", "county", city)
    fgw = make_unit(session, "市发展改革委")
    transport = make_unit(session, "市交通运输局")
    sponsor = make_person(session, "王振国", "副市长")
    world = SimpleNamespace(
        city=city, linghai=linghai, shuangyang=shuangyang, heishan=heishan, fgw=fgw, transport=transport,
        sponsor=sponsor,
        admin=make_user(session, "admin", "admin"),
        office=make_user(session, "office", "office"),
        leader=make_user(session, "leader", "leader"),
        county=make_user(session, "linghai", "unit", region="凌海市"),
        outsider=make_user(session, "heishan", "unit", region="黑山县"),
        transport_user=make_user(session, "jiaotong", "unit", unit="市交通运输局"),
        steward=make_user(session, "刘佳", "steward"),
    )
    session.commit()
    return world


# A short work report written for the tests: a review part, a plan part, named projects.
REPORT = """2025年测试市政府工作报告

一、2024年工作回顾

  地区生产总值增长5.5%，城镇新增就业1.6万人。锦州石化40万吨针状焦项目开工建设。

二、2025年工作安排

  主要预期目标是：地区生产总值增长6%左右，一般公共预算收入增长5%，全市新增口袋公园12个。

  新建高标准农田35万亩。加大招商引资力度，签约亿元以上项目100个。新增养老服务床位800张。推动锦州石化40万吨针状焦项目建成投产，开工建设东湖新材料10万吨锂电材料项目。完善社区服务设施，提升群众满意度。
"""


def make_document(session: Session, *, text: str = REPORT, year: int = 2025, actor: User | None = None,
                  region: str | None = "锦州市"):
    """Ingest a document (the test report by default); returns the service's Ingested result."""
    from zhenxing.documents import service

    result = service.ingest(session=session, actor=actor, text=text, year=year, region=region)
    session.commit()
    return result


def make_target(session: Session, indicator: str = "地区生产总值", value: str = "6.5", *, kind: str = "increase",
                unit: str = "%", comparator: str = ">=", year: int = 2025, **overrides):
    """A reviewed target of the city (the region named 锦州市, as make_world makes it)."""
    from decimal import Decimal

    from zhenxing.targets.models import Target

    region = org.region_by_name(session, "锦州市")
    target = Target(indicator=indicator, written=indicator, value=Decimal(value), unit=unit, kind=kind,
                    comparator=comparator, year=year, region_id=region.id if region else None, **overrides)
    session.add(target)
    session.flush()
    return target


def make_task(session: Session, content: str = "推进重点任务", *, year: int = 2025, lead=None, partners=(),
              deadline: str = "年底前", **values):
    """A supervised task through the service (as the office would create it)."""
    from zhenxing.tasks import service

    return service.create_task(session=session, actor=None, values={
        "content": content, "year": year, "lead_unit_id": lead.id if lead else None, "deadline": deadline, **values},
        partner_unit_ids=[unit.id for unit in partners])
