"""The supervision demo a new user meets: targets with a year of readings and benchmarks (some behind, some
ahead), tasks in every state, one escalation at each level of the ladder, a 督查通报 ready to download —
and a second escalation run at the same moment changes nothing."""

from datetime import datetime

from sqlalchemy import select

from zhenxing.demo import load_demo
from zhenxing.periods import period_of
from zhenxing.supervision import documents, escalations
from zhenxing.supervision.models import Escalation
from zhenxing.supervision.states import STATES
from zhenxing.targets.models import Target
from zhenxing.targets.tracking import track
from zhenxing.tasks.models import Task
from zhenxing.tasks.views import rows
from zhenxing.workdays import BEIJING


def test_the_demo_shows_every_state_every_level_and_a_bulletin(session, monkeypatch):
    from zhenxing.config import get_settings

    monkeypatch.setenv("ZHENXING_DEMO_APPEALS", "20")
    get_settings.cache_clear()
    assert load_demo(session) is True
    session.commit()
    targets = list(session.scalars(select(Target).where(Target.year == 2025)))
    tracked = track(session, targets)
    assert all(len(tracked[t.id].series) == 12 for t in targets)
    assert {"met", "missed"} <= {tracked[t.id].status for t in targets}
    assert any(tracked[t.id].beats.get("province") for t in targets)
    assert any(tracked[t.id].beats.get("province") is False for t in targets)
    tasks = list(session.scalars(select(Task)).unique())
    states = {row.state.state for row in rows(session, tasks).values()}
    assert states == set(STATES)
    levels = set(session.scalars(select(Escalation.step_key)))
    assert levels == {"remind", "urge", "supervise", "notify"}
    before = session.query(Escalation).count()
    assert escalations.run(session, now=datetime.now(BEIJING)) == {"remind": 0, "notice": 0, "bulletin": 0}
    assert session.query(Escalation).count() == before
    data = documents.bulletin_docx(session, period_of(datetime.now(BEIJING).date()))
    assert data[:2] == b"PK" and len(data) > 5000
    get_settings.cache_clear()
