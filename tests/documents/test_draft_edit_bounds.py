"""Draft edits are bounded: an over-long name or a list where text belongs is a 422 naming the field."""

from sqlalchemy import select

from tests.factories import make_document
from zhenxing.documents.models import Draft


def _draft(session, world, kind):
    make_document(session, actor=world.office)
    session.commit()
    return session.scalar(select(Draft).where(Draft.kind == kind).order_by(Draft.id))


def test_an_over_long_task_content_or_section_is_refused_naming_the_field(api_as, world, session):
    draft = _draft(session, world, "task")
    office = api_as(world.office)
    answer = office.patch(f"/api/v1/review/{draft.id}", json={"section": "节" * 5000})
    assert answer.status_code == 422 and answer.json()["field"] == "section"
    assert len(answer.content) < 2000  # the value is not echoed back
    answer = office.patch(f"/api/v1/review/{draft.id}", json={"content": ["not", "text"]})
    assert answer.status_code == 422 and answer.json()["field"] == "content"
    session.expire_all()
    assert session.get(Draft, draft.id).payload.get("section", "") != "节" * 5000


def test_a_control_character_in_an_edit_is_stripped(api_as, world, session):
    draft = _draft(session, world, "task")
    answer = api_as(world.office).patch(f"/api/v1/review/{draft.id}", json={"section": "一、\x1b重点任务"})
    assert answer.status_code == 200, answer.text
    session.expire_all()
    assert session.get(Draft, draft.id).payload["section"] == "一、重点任务"
