"""Documents, targets and readings follow the scope rule (auth.policy.reads_published): a county user reads
its own region's and sub-regions' records and the city-wide ones, never another county's — in the API, the
pages and the exports. (issue 6, item 2: a 凌海市 user read another county's report.)"""

import io
from decimal import Decimal

import openpyxl
import pytest

from tests.factories import make_document, make_target
from zhenxing.auth.policy import ROLES, Scope, can_manage, reads_published
from zhenxing.auth.service import scope_for
from zhenxing.targets.models import Reading

HEISHAN = "黑山县二〇二五年政府工作报告\n\n地区生产总值增长7%左右。黑山专属工程开工建设。"
LINGHAI = "凌海市二〇二五年政府工作报告\n\n地区生产总值增长6.5%左右。凌海专属工程开工建设。"


@pytest.fixture
def records(session, world):
    docs = {
        "city": make_document(session).document,
        "linghai": make_document(session, text=LINGHAI, region="凌海市").document,
        "heishan": make_document(session, text=HEISHAN, region="黑山县").document,
    }
    targets = {"city": make_target(session, quote="全市目标"), "linghai": make_target(session, quote="凌海目标"),
               "heishan": make_target(session, quote="黑山目标")}
    targets["linghai"].region_id, targets["heishan"].region_id = world.linghai.id, world.heishan.id
    for name, region in (("凌海", world.linghai), ("黑山", world.heishan), ("双羊", world.shuangyang)):
        session.add(Reading(indicator="地区生产总值", written="地区生产总值", value=Decimal(5), unit="%",
                            kind="increase", comparator="=", period="2025-06", region_id=region.id,
                            quote=f"{name}实绩"))
    session.commit()
    return docs, targets


def test_the_rule_reads_own_region_below_above_and_city_wide_but_not_a_neighbour(session, world):
    county = scope_for(session, world.county)
    township = Scope(role="unit", region_ids=frozenset({world.shuangyang.id}),
                     shared_region_ids=frozenset({world.linghai.id, world.city.id}))
    assert county.shared_region_ids == {world.city.id}
    for region in (None, world.city.id, world.linghai.id, world.shuangyang.id):
        assert reads_published(county, region_id=region)
    assert not reads_published(county, region_id=world.heishan.id)
    assert reads_published(township, region_id=world.linghai.id)  # its county's report applies to it
    unit = scope_for(session, world.transport_user)
    assert reads_published(unit, region_id=world.heishan.id, lead_unit_id=world.transport.id)
    assert not reads_published(unit, region_id=world.heishan.id, lead_unit_id=world.fgw.id)


def test_every_role_that_manages_the_review_queue_reads_the_whole_city():
    """The review queue, imports and lookup tables are scoped by role alone: that is sound only while every
    managing role reads everything."""
    from zhenxing.auth import service

    class Probe:
        region_id = unit_id = person_id = None

    for role in ROLES:
        if can_manage(role):
            probe = Probe()
            probe.role = role
            assert service.scope_for(None, probe).everything, role


def test_the_api_lists_and_refuses_documents_by_region(api_as, world, records):
    docs, _ = records
    api = api_as(world.county)
    listed = {d["id"] for d in api.get("/api/v1/documents").json()}
    assert listed == {docs["city"].id, docs["linghai"].id}
    assert api.get(f"/api/v1/documents/{docs['linghai'].id}").status_code == 200
    refused = api.get(f"/api/v1/documents/{docs['heishan'].id}")
    assert refused.status_code == 403 and "黑山" not in refused.text
    assert api_as(world.office).get(f"/api/v1/documents/{docs['heishan'].id}").status_code == 200


def test_the_pages_list_and_refuse_documents_by_region(page_as, world, records):
    docs, _ = records
    browser, _ = page_as(world.county)
    listing = browser.get("/documents").text
    assert "凌海市二〇二五年" in listing and "黑山县二〇二五年" not in listing
    assert browser.get(f"/documents/{docs['heishan'].id}").status_code == 403


def test_targets_readings_and_the_export_follow_the_scope(api_as, page_as, world, records):
    _, targets = records
    api = api_as(world.county)
    quotes = {t["quote"] for t in api.get("/api/v1/targets").json()}
    assert quotes == {"全市目标", "凌海目标"}
    assert api.get(f"/api/v1/targets/{targets['heishan'].id}").status_code == 403
    assert api.get(f"/api/v1/targets/{targets['linghai'].id}").status_code == 200
    readings = {r["quote"] for r in api.get("/api/v1/readings").json()}
    assert readings == {"凌海实绩", "双羊实绩"}
    sheet = openpyxl.load_workbook(io.BytesIO(api.get("/api/v1/targets/export.xlsx").content)).active
    cells = " ".join(str(c.value) for row in sheet.iter_rows() for c in row if c.value)
    assert "凌海目标" in cells and "黑山目标" not in cells
    browser, _ = page_as(world.county)
    assert browser.get(f"/targets/{targets['heishan'].id}").status_code == 403
    assert "黑山实绩" not in browser.get(f"/targets/{targets['linghai'].id}").text
