"""Many rows in one statement (zhenxing.bulk): the same rows as SQLAlchemy's own insert and update, and on
PostgreSQL one statement per call (a statement-level trigger fires once, not once per row)."""

from datetime import UTC, datetime

from sqlalchemy import event, insert, select

from tests.factories import make_project
from zhenxing import bulk
from zhenxing.dispatch.models import ProjectLight

MOMENT = datetime(2026, 10, 31, 16, 30, 5, 123456, tzinfo=UTC)


def _rows(projects, period: str) -> list[dict]:
    return [{"project_id": p.id, "period": period, "computed": color, "light": color,
             "reasons": [{"color": color, "family": "进度", "text": f"完成率 {i}% \"偏低\"\n\\"}] if i % 2 else [],
             "figures": {"plan": 1200 + i, "ytd": i * 7, "elapsed": 58.3, "completion": None if i % 3 else 12.5},
             "rules_name": "银川2025", "computed_at": MOMENT}
            for i, (p, color) in enumerate(zip(projects, ["green", "yellow", "red"] * 10, strict=False))]


def _stored(session, period: str) -> list[tuple]:
    """The rows' values; moments without their zone (SQLite keeps none, with either way of inserting)."""
    session.expire_all()
    return [(r.project_id, r.computed, r.light, r.reasons, r.figures, r.rules_name,
             r.computed_at.astimezone(UTC).replace(tzinfo=None) if r.computed_at.tzinfo else r.computed_at,
             r.override_reason)
            for r in session.scalars(select(ProjectLight).where(ProjectLight.period == period)
                                     .order_by(ProjectLight.project_id))]


def _count_statements(session) -> list[str]:
    seen: list[str] = []
    event.listen(session.get_bind(), "before_cursor_execute", lambda *args: seen.append(args[2]))
    return seen


def test_inserted_rows_equal_sqlalchemys_own_insert(session, world):
    projects = [make_project(session) for _ in range(12)]
    session.execute(insert(ProjectLight), _rows(projects, "2026-09"))
    seen = _count_statements(session)
    bulk.insert_rows(session, ProjectLight.__table__, _rows(projects, "2026-10"))
    bulk.insert_rows(session, ProjectLight.__table__, [])
    session.flush()
    mine = _stored(session, "2026-10")
    assert mine == _stored(session, "2026-09") and len(mine) == 12
    assert mine[1][3][0]["text"] == "完成率 1% \"偏低\"\n\\" and mine[0][6] == MOMENT.replace(tzinfo=None)
    if session.get_bind().dialect.name == "postgresql":
        assert len([s for s in seen if s.startswith("INSERT")]) == 1


def test_updated_rows_are_exactly_the_keyed_ones(session, world):
    projects = [make_project(session) for _ in range(6)]
    bulk.insert_rows(session, ProjectLight.__table__, _rows(projects, "2026-10"))
    ids = dict(session.execute(select(ProjectLight.project_id, ProjectLight.id)).all())
    later = MOMENT.replace(day=30)
    changes = [{"id": ids[p.id], "light": "red", "reasons": [{"text": "新"}], "figures": {"ytd": 1},
                "computed_at": later} for p in projects[:3]]
    before = _stored(session, "2026-10")
    bulk.update_rows(session, ProjectLight.__table__, "id", changes)
    after = _stored(session, "2026-10")
    assert after[3:] == before[3:]
    for row, old in zip(after[:3], before[:3], strict=True):
        assert row == (old[0], old[1], "red", [{"text": "新"}], {"ytd": 1}, old[5], later.replace(tzinfo=None), None)
