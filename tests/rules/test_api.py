"""The one API over every rule kind: what is in force and where it comes from, a new version (validated,
audited, refused to those who are not the kind's editors), a preset, the history."""

from sqlalchemy import select

from zhenxing.audit import AuditEvent


def test_every_registered_kind_is_listed_with_its_presets(api_as, world):
    answer = api_as(world.office).get("/api/v1/rules")
    assert answer.status_code == 200
    listed = {entry["kind"]: entry for entry in answer.json()}
    for kind in ("appeals.loop", "appeals.ranking", "appeals.escalation", "dispatch.lights", "supervision.ladder"):
        assert kind in listed, kind
    assert listed["appeals.ranking"]["editors"] == ["admin", "hotline"]
    assert listed["dispatch.lights"]["default"] in listed["dispatch.lights"]["presets"]


def test_the_rules_in_force_come_from_the_preset_until_someone_sets_them(api_as, world, session):
    admin = api_as(world.admin)
    before = admin.get("/api/v1/rules/appeals.ranking").json()
    assert before["source"] == "preset" and before["version"] is None
    weights = dict(before["data"]["weights"])
    first = sorted(weights)[0]
    weights[first] = weights[first] + 1
    changed = admin.put("/api/v1/rules/appeals.ranking",
                        json={"data": {**before["data"], "weights": weights}, "name": "2026年排名办法"})
    assert changed.status_code == 200, changed.text
    after = changed.json()
    assert (after["source"], after["version"], after["name"]) == ("standing", 1, "2026年排名办法")
    assert after["data"]["weights"][first] == weights[first]
    assert admin.get("/api/v1/rules/appeals.ranking").json()["data"]["weights"][first] == weights[first]
    history = admin.get("/api/v1/rules/appeals.ranking/history").json()
    assert [(row["version"], row["set_by"]) for row in history] == [(1, "admin")]
    events = session.scalars(select(AuditEvent).where(AuditEvent.entity.like("rule%"))).all()
    assert events, "a change of rules is audited"


def test_bad_rules_are_refused_in_chinese_and_change_nothing(api_as, world):
    admin = api_as(world.admin)
    refused = admin.put("/api/v1/rules/dispatch.lights", json={"data": {"nonsense": True}})
    assert refused.status_code == 422
    assert any("\u4e00" <= ch <= "\u9fff" for ch in refused.text)
    assert admin.get("/api/v1/rules/dispatch.lights").json()["source"] == "preset"
    assert admin.get("/api/v1/rules/no.such.kind").status_code == 404


def test_only_the_kinds_editors_change_it_and_everybody_reads(api_as, world):
    county = api_as(world.county)
    state = county.get("/api/v1/rules/appeals.loop")
    assert state.status_code == 200
    assert county.put("/api/v1/rules/appeals.loop", json={"data": state.json()["data"]}).status_code == 403
    assert county.post("/api/v1/rules/appeals.loop/preset", json={"preset": "山东"}).status_code == 403
    assert county.get("/api/v1/rules/appeals.loop").json()["source"] == "preset"


def test_a_preset_becomes_a_version_named_after_it(api_as, world):
    admin = api_as(world.admin)
    answer = admin.post("/api/v1/rules/appeals.loop/preset", json={"preset": "山东"})
    assert answer.status_code == 200, answer.text
    assert (answer.json()["name"], answer.json()["version"]) == ("山东", 1)
    assert admin.post("/api/v1/rules/appeals.loop/preset", json={"preset": "火星"}).status_code == 404
