"""Intake reads the catalogue and regions once per change (stamped cache), not once per appeal; a change made
anywhere is seen by the next appeal; a tracking-number clash is drawn again instead of looked up first."""

from sqlalchemy import event, func, select

from tests.appeals.conftest import MONDAY, draft
from zhenxing.appeals import catalogue, intake
from zhenxing.appeals.models import Appeal
from zhenxing.appeals.writer import IntakeWriter, submit_now


def test_the_catalogue_is_read_once_and_again_after_a_change(sessions, session, loop):
    writer = IntakeWriter(sessions, clock=lambda: MONDAY)
    try:
        assert writer.submit(draft()).error is None
        statements: list[str] = []
        engine = session.get_bind()
        listener = lambda *args: statements.append(args[2])  # noqa: E731
        event.listen(engine, "before_cursor_execute", listener)
        try:
            assert writer.submit(draft()).error is None
        finally:
            event.remove(engine, "before_cursor_execute", listener)
        assert not [s for s in statements if "FROM appeal_categories" in s or "FROM regions" in s]
        assert not [s for s in statements if s.lstrip().upper().startswith("SELECT") and "appeals" in s]

        catalogue.save_category(session, actor=None, values={"code": "0901", "name": "噪声扰民"})
        session.commit()
        assert writer.submit(draft(category_code="0901")).error is None
        catalogue.save_category(session, actor=None, values={"active": False},
                                category_id=catalogue.category_by_code(session, "0901").id)
        session.commit()
        refused = writer.submit(draft(category_code="0901"))
        assert refused.error is not None and "不存在或已停用" in refused.error.message
    finally:
        writer.stop()


def test_a_tracking_number_clash_is_drawn_again(session, loop, monkeypatch):
    first = submit_now(session, draft(), now=MONDAY)
    session.commit()
    numbers = iter([first.tracking_no, "25031000000042"])
    monkeypatch.setattr(intake, "new_tracking_no", lambda _moment: next(numbers))
    again = submit_now(session, draft(description="同一天的另一件诉求"), now=MONDAY)
    session.commit()
    assert again.tracking_no == "25031000000042"
    assert session.scalar(select(func.count(Appeal.id))) == 2
