"""Open311 GeoReport v2 at /open311/v2: the checks of SeeClickFix's open311-validator (re-implemented), the
GeoReport v2 JSON schemas (re-expressed from the spec's required fields, enums and types), an independent client
from PyPI (`georeport`, over real HTTP) and plain form posts as the spec defines them."""

import socket
import threading
import time
from datetime import UTC, datetime, timedelta
from xml.etree import ElementTree

import jsonschema
import pytest
import requests
import uvicorn
from georeport import GeoReport

from tests.appeals.conftest import act, file
from zhenxing.appeals.open311 import create_client
from zhenxing.config import Settings

NULLABLE_STRING = {"type": ["string", "null"]}
DATETIME = {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}([+-]\d{2}:\d{2}|Z)$"}
SERVICE = {"type": "object", "required": ["service_code", "service_name", "metadata", "type"], "properties": {
    "service_code": {"type": "string"}, "service_name": {"type": "string"}, "description": NULLABLE_STRING,
    "metadata": {"type": "boolean"}, "type": {"enum": ["realtime", "batch", "blackbox"]},
    "keywords": NULLABLE_STRING, "group": NULLABLE_STRING}}
DEFINITION = {"type": "object", "required": ["service_code", "attributes"], "properties": {
    "service_code": {"type": "string"}, "attributes": {"type": "array", "items": {
        "type": "object", "required": ["variable", "code", "datatype", "required"], "properties": {
            "variable": {"type": "boolean"}, "code": {"type": "string"}, "required": {"type": "boolean"},
            "datatype": {"enum": ["string", "number", "datetime", "text", "singlevaluelist", "multivaluelist"]},
            "order": {"type": ["integer", "null"]}, "description": NULLABLE_STRING,
            "values": {"type": "array", "items": {"type": "object", "required": ["key", "name"]}}}}}}}
REQUEST = {"type": "object", "required": ["service_request_id", "status", "service_code", "requested_datetime"],
           "properties": {
               "service_request_id": {"type": "string"}, "status": {"enum": ["open", "closed"]},
               "status_notes": NULLABLE_STRING, "service_name": NULLABLE_STRING, "service_code": {"type": "string"},
               "description": {"type": ["string", "null"], "maxLength": 4000}, "agency_responsible": NULLABLE_STRING,
               "service_notice": NULLABLE_STRING, "requested_datetime": DATETIME,
               "updated_datetime": {"anyOf": [DATETIME, {"type": "null"}]},
               "expected_datetime": {"anyOf": [DATETIME, {"type": "null"}]}, "address": NULLABLE_STRING,
               "address_id": NULLABLE_STRING, "zipcode": NULLABLE_STRING, "lat": {"type": ["number", "null"]},
               "long": {"type": ["number", "null"]}, "media_url": NULLABLE_STRING}}
ERRORS = {"type": "array", "minItems": 1, "items": {"type": "object", "required": ["code", "description"],
                                                    "properties": {"code": {"type": "integer"},
                                                                   "description": {"type": "string"}}}}


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def server(database_url):
    """A real HTTP server over the test database, for clients that speak HTTP themselves."""
    from zhenxing.app import create_app

    app = create_app(Settings(database_url=database_url, demo=True, secret_key="open311-test"))
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        assert time.monotonic() < deadline and thread.is_alive(), "the server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
    app.state.engine.dispose()


@pytest.fixture
def key(session, loop) -> str:
    key = create_client(session, name="街道随手拍APP")
    session.commit()
    return key


def xml(body: bytes) -> ElementTree.Element:
    return ElementTree.fromstring(body)


# ---- the open311-validator's rules -------------------------------------------------------------------------

def test_discovery_answers_in_both_formats_with_contact_key_service_changeset_and_endpoints(client, loop):
    url = "/open311/v2/discovery"
    assert url.endswith("discovery")
    as_xml, as_json = client.get(url + ".xml"), client.get(url + ".json")
    assert as_xml.headers["content-type"] == "text/xml"
    assert as_json.headers["content-type"] == "application/json"
    document, root = as_json.json(), xml(as_xml.content)
    assert document["contact"].strip() and root.findtext("contact").strip() == document["contact"]
    assert document["key_service"].strip() and root.findtext("key_service").strip()
    # The key service is a page a developer can open (no login), saying how to obtain a key.
    key_page = client.get(document["key_service"].replace(str(client.base_url), ""))
    assert key_page.status_code == 200 and "申请密钥" in key_page.text and "discovery.json" in key_page.text
    changeset = datetime.fromisoformat(document["changeset"])
    assert changeset < datetime.now(UTC)
    endpoints = root.findall("endpoints/endpoint")
    assert len(endpoints) == len(document["endpoints"]) >= 1
    for endpoint in document["endpoints"]:
        assert endpoint["specification"] and endpoint["url"] and endpoint["type"]
        assert datetime.fromisoformat(endpoint["changeset"]) < datetime.now(UTC)
        assert isinstance(endpoint["formats"], list) and "text/xml" in endpoint["formats"]
    for endpoint in endpoints:
        assert [f.text for f in endpoint.findall("formats/format")] == ["text/xml", "application/json"]


def test_there_is_at_least_one_service_and_each_has_a_code_in_both_formats(client, loop):
    services = client.get("/open311/v2/services.json").json()
    assert len(services) >= 1 and all(s["service_code"] for s in services)
    jsonschema.validate(services, {"type": "array", "items": SERVICE})
    codes = [e.findtext("service_code") for e in xml(client.get("/open311/v2/services.xml").content)]
    assert codes == [s["service_code"] for s in services]
    road = next(s for s in services if s["service_code"] == "0701")
    assert road["metadata"] is True and road["service_name"] == "道路破损"


def test_a_service_with_extra_questions_has_its_definition(client, loop):
    definition = client.get("/open311/v2/services/0701.json").json()
    jsonschema.validate(definition, DEFINITION)
    assert definition["attributes"][0]["code"] == "size"
    assert [v["key"] for v in definition["attributes"][0]["values"]] == ["small", "large"]
    root = xml(client.get("/open311/v2/services/0701.xml").content)
    assert root.tag == "service_definition" and root.findtext("attributes/attribute/code") == "size"
    missing = client.get("/open311/v2/services/9999.json")
    assert missing.status_code == 404
    jsonschema.validate(missing.json(), ERRORS)


def test_posting_answers_in_xml_and_json(client, loop, key):
    form = {"api_key": key, "service_code": "0302", "description": "楼道暖气漏水", "lat": "41.17", "long": "121.36"}
    as_json = client.post("/open311/v2/requests.json", data=form)
    assert as_json.status_code == 200 and as_json.json()[0]["service_request_id"]
    as_xml = client.post("/open311/v2/requests.xml", data=form)
    assert xml(as_xml.content).findtext("request/service_request_id")


# ---- errors in the spec's format ----------------------------------------------------------------------------

@pytest.mark.parametrize("kind", ["json", "xml"])
def test_a_post_without_api_key_is_refused_in_the_spec_error_format(client, loop, kind):
    answer = client.post(f"/open311/v2/requests.{kind}", data={"service_code": "0302", "description": "楼道暖气漏水",
                                                               "address_string": "人民路1号"})
    assert answer.status_code == 403
    if kind == "json":
        jsonschema.validate(answer.json(), ERRORS)
        assert "api_key" in answer.json()[0]["description"]
    else:
        assert xml(answer.content).findtext("error/code") == "403"


def test_bad_posts_are_400_errors_naming_the_spec_field_and_store_nothing(client, loop, key, session):
    from sqlalchemy import func, select

    from zhenxing.appeals.models import Appeal

    cases = [
        ({"service_code": "9999", "description": "楼道暖气漏水", "address_string": "人民路1号"}, "service_code"),
        ({"service_code": "0302", "description": "楼道暖气漏水"}, "location"),
        ({"service_code": "0302", "description": "x" * 4001, "address_string": "人民路1号"}, "description"),
        ({"service_code": "0302", "description": "楼道暖气漏水", "lat": "95", "long": "121"}, "lat"),
        ({"service_code": "0701", "description": "人民路路面大坑", "address_string": "人民路1号"}, "attribute[size]"),
        # too long to keep: refused, never cut
        ({"service_code": "0302", "description": "楼道暖气漏水", "address_string": "人民路1号", "last_name": "张",
          "first_name": "三" * 60}, "last_name/first_name"),
        ({"service_code": "0302", "description": "楼道暖气漏水", "address_string": "人民路" + "1" * 198},
         "address_string"),
        ({"service_code": "0302", "description": "楼道暖气漏水", "address_string": "人民路1号", "phone": "1" * 21},
         "phone"),
    ]
    for form, field in cases:
        answer = client.post("/open311/v2/requests.json", data={**form, "api_key": key})
        assert answer.status_code == 400, (form, answer.text)
        assert field in answer.json()[0]["description"]
    session.expire_all()
    assert session.scalar(select(func.count(Appeal.id))) == 0


def test_an_unknown_jurisdiction_and_format_are_refused(client, loop):
    assert client.get("/open311/v2/services.json?jurisdiction_id=elsewhere").status_code == 404
    assert client.get("/open311/v2/services.json?jurisdiction_id=jinzhou").status_code == 200
    assert client.get("/open311/v2/services.yaml").status_code == 404


# ---- requests: statuses, filters, window, pages, extensions -------------------------------------------------

def test_requests_map_statuses_to_open_and_closed_with_notes_agency_and_expected_time(client, loop, session):
    now = datetime.now(UTC)
    open_id = file(session, now=now)
    act(session, loop.hotline, open_id, "dispatch", unit_id=loop.world.transport.id, now=now)
    closed_id = file(session, now=now, description="暖气已经修好了谢谢")
    for event, extra in (("answer", {"reason": "已协调恢复供暖"}), ("rate", {"level": 2}), ("close", {})):
        act(session, loop.hotline, closed_id, event, now=now, **extra)
    listed = client.get("/open311/v2/requests.json").json()
    jsonschema.validate(listed, {"type": "array", "items": REQUEST})
    by_status = {r["status"]: r for r in listed}
    assert by_status["open"]["agency_responsible"] == "市交通运输局"
    assert by_status["open"]["expected_datetime"] is not None and "已派单" in by_status["open"]["status_notes"]
    assert by_status["closed"]["expected_datetime"] is None and "已解决" in by_status["closed"]["status_notes"]
    assert "12号" not in str(listed) and "13812341234" not in str(listed) and "张三" not in str(listed)
    closed = client.get("/open311/v2/requests.json?status=closed").json()
    assert [r["status"] for r in closed] == ["closed"]
    extended = client.get(f"/open311/v2/requests/{by_status['closed']['service_request_id']}.json"
                          "?extensions=true").json()[0]
    assert [n["description"] for n in extended["notes"]] == ["已受理", "已答复，请评价", "已评价", "已办结"]
    assert extended["extended_attributes"]["channel"] == "phone"
    assert client.get("/open311/v2/requests/000000.json").status_code == 404


def test_the_default_window_is_ninety_days_and_pages_cut_the_list(client, loop, session):
    now = datetime.now(UTC)
    old = file(session, now=now - timedelta(days=100), description="很久以前的暖气问题")
    for day in range(3):
        file(session, now=now - timedelta(days=day), description=f"暖气不热第{day}天")
    listed = client.get("/open311/v2/requests.json").json()
    assert len(listed) == 3
    first = client.get("/open311/v2/requests.json?page_size=2&page=1").json()
    second = client.get("/open311/v2/requests.json?page_size=2&page=2").json()
    assert len(first) == 2 and len(second) == 1
    assert {r["service_request_id"] for r in first + second} == {r["service_request_id"] for r in listed}
    start = (now - timedelta(days=120)).isoformat()
    assert len(client.get("/open311/v2/requests.json", params={"start_date": start}).json()) == 4
    from zhenxing.appeals.models import Appeal

    number = session.get(Appeal, old).tracking_no
    assert len(client.get(f"/open311/v2/requests.json?service_request_id={number}").json()) == 1


# ---- an independent client over HTTP -----------------------------------------------------------------------

def test_the_georeport_client_from_pypi_reads_and_plain_http_posts(server, loop, key, session):
    for kind in ("json", "xml"):
        client = GeoReport(f"{server}/open311/v2", jurisdiction="jinzhou", output_format=kind)
        services = client.get_service_list()
        codes = {s["service_code"] for s in services}
        assert {"0701", "0302", "1201"} <= codes
        definition = client.get_service_definition("0701")
        assert definition["service_code"] == "0701"
    posted = requests.post(f"{server}/open311/v2/requests.json", timeout=10, data={
        "api_key": key, "jurisdiction_id": "jinzhou", "service_code": "0701", "attribute[size]": "large",
        "description": "人民路与解放路交叉口路面塌陷", "address_string": "凌海市人民路",
        "first_name": "三", "last_name": "张",
        "phone": "13900001111"})
    assert posted.status_code == 200, posted.text
    number = posted.json()[0]["service_request_id"]
    client = GeoReport(f"{server}/open311/v2", jurisdiction="jinzhou")
    one = client.get_service_request(number)
    assert one["status"] == "open" and one["service_code"] == "0701"
    assert [r["service_request_id"] for r in client.get_service_requests(service_request_id=number)] == [number]
    as_xml = GeoReport(f"{server}/open311/v2", jurisdiction="jinzhou", output_format="xml").get_service_request(number)
    assert as_xml["service_request_id"] == number


@pytest.mark.parametrize("kind", ["json", "xml"])
def test_parameters_refused_by_their_bounds_are_answered_in_the_spec_format(client, loop, kind):
    too_long = client.get(f"/open311/v2/requests/{'1' * 41}.{kind}")  # past the path limit: no such request
    bad_page = client.get(f"/open311/v2/requests.{kind}", params={"page_size": "0"})
    for answer, status in ((too_long, 404), (bad_page, 400)):
        assert answer.status_code == status, answer.text
        if kind == "json":
            jsonschema.validate(answer.json(), ERRORS)
            assert answer.json()[0]["code"] == status
        else:
            assert xml(answer.content).findtext("error/code") == str(status)
    assert "page_size" in (bad_page.json()[0]["description"] if kind == "json" else bad_page.text)
