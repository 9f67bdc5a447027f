"""Open311 GeoReport v2 documents: discovery, services, service definitions, requests and errors as JSON-able
data, and their XML rendering. Pure (the standard library's ElementTree only)."""

from collections.abc import Mapping
from datetime import datetime
from xml.etree import ElementTree

from zhenxing.appeals.machine import BEIJING, RESULTS, STATUSES

CLOSED = {"closed", "merged"}
# The element name of each list item in XML, by the list's own name.
ITEMS = {"services": "service", "service_requests": "request", "errors": "error", "endpoints": "endpoint",
         "formats": "format", "attributes": "attribute", "values": "value", "notes": "note"}


def when(moment: datetime | None) -> str | None:
    """W3C date-time with the offset, in Beijing time."""
    if moment is None:
        return None
    return moment.astimezone(BEIJING).isoformat(timespec="seconds")


def discovery(base_url: str, *, changeset: datetime, contact: str, key_service: str) -> dict:
    return {
        "changeset": when(changeset), "contact": contact, "key_service": key_service,
        "endpoints": [{"specification": "http://wiki.open311.org/GeoReport_v2", "url": f"{base_url}/open311/v2",
                       "changeset": when(changeset), "type": "production",
                       "formats": ["text/xml", "application/json"]}],
    }


def service(category: Mapping) -> dict:
    return {"service_code": category["code"], "service_name": category["name"],
            "description": category.get("description") or category["name"],
            "metadata": bool(category.get("questions")), "type": "realtime",
            "keywords": ",".join((category.get("keywords") or "").split()), "group": category.get("group") or ""}


def definition(category: Mapping) -> dict:
    attributes = []
    for order, question in enumerate(category.get("questions") or [], 1):
        attributes.append({
            "variable": True, "code": question["code"], "datatype": question["datatype"],
            "required": bool(question.get("required")), "datatype_description": question.get("hint", ""),
            "order": order, "description": question["description"],
            "values": [{"key": str(v["key"]), "name": v.get("name", str(v["key"]))}
                       for v in question.get("values", [])],
        })
    return {"service_code": category["code"], "attributes": attributes}


def status_notes(appeal: Mapping) -> str:
    note = STATUSES.get(appeal["status"], appeal["status"])
    if appeal.get("reply_result"):
        note += f"；办理结果：{RESULTS.get(appeal['reply_result'], '')}"
    if appeal["status"] == "merged":
        note += "；已与同类诉求合并办理"
    return note


def request(appeal: Mapping, *, extensions: bool = False, notes: list[dict] | None = None) -> dict:
    """One service request; personal data never appears (the address is masked, coordinates rounded)."""
    closed = appeal["status"] in CLOSED
    body = {
        "service_request_id": appeal["tracking_no"], "status": "closed" if closed else "open",
        "status_notes": status_notes(appeal), "service_name": appeal["category_name"],
        "service_code": appeal["category_code"], "description": appeal["description"],
        "agency_responsible": appeal.get("handler") or "12345政务服务便民热线",
        "service_notice": "", "requested_datetime": when(appeal["received_at"]),
        "updated_datetime": when(appeal.get("updated_at") or appeal["received_at"]),
        "expected_datetime": None if closed else when(appeal.get("close_due")),
        "address": appeal.get("address") or "", "address_id": "", "zipcode": "",
        "lat": _rounded(appeal.get("latitude")), "long": _rounded(appeal.get("longitude")), "media_url": None,
    }
    if extensions:
        body["extended_attributes"] = {
            "status_description": STATUSES.get(appeal["status"], appeal["status"]), "channel": appeal["channel"],
            "type": appeal["type"], "urgency": appeal["urgency"], "plus_ones": appeal.get("plus_ones", 0),
            "escalation_level": appeal.get("escalation_level", 0)}
        body["notes"] = notes or []
    return body


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 3)


def error(code: int, description: str) -> list[dict]:
    return [{"code": code, "description": description}]


def to_xml(root: str, data: object) -> bytes:
    """Render a document the way GeoReport v2 writes XML: lists as repeated child elements."""
    element = ElementTree.Element(root)
    _fill(element, root, data)
    return b'<?xml version="1.0" encoding="utf-8"?>' + ElementTree.tostring(element, encoding="utf-8")


def _fill(element: ElementTree.Element, name: str, data: object) -> None:
    if isinstance(data, list):
        child_name = ITEMS.get(name, "item")
        for item in data:
            child = ElementTree.SubElement(element, child_name)
            _fill(child, child_name, item)
    elif isinstance(data, dict):
        for key, value in data.items():
            child = ElementTree.SubElement(element, key)
            _fill(child, key, value)
    elif data is None:
        return
    elif isinstance(data, bool):
        element.text = "true" if data else "false"
    else:
        element.text = str(data)
