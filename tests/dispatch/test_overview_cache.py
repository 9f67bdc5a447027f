"""The leader's screen reuses its aggregates only until dispatch's reports, plans or lights change — whoever
writes them, through the ORM or plain SQL (the stamp is the database's, so every worker sees the change)."""

from sqlalchemy import text

from tests.dispatch.test_lights_service import compute, planned, report
from zhenxing.auth.service import scope_for
from zhenxing.dispatch import overview
from zhenxing.periods import parse_period

PERIOD = parse_period("2025-07")


def figures(session, world):
    return overview.overview(session=session, scope=scope_for(session, world.office), period=PERIOD,
                             with_league=False)


def test_a_filed_report_shows_at_once_in_the_headline(session, world):
    project = planned(session, world, amount=1200)
    session.commit()
    before = figures(session, world)
    assert (before.headline.completed, before.owing, before.reported) == (0, 1, 0)
    assert figures(session, world).headline is before.headline  # reused while nothing changed
    report(session, world, project, "2025-07", 300)
    session.commit()
    after = figures(session, world)
    assert (after.headline.completed, after.reported) == (300, 1)


def test_a_write_in_plain_sql_also_refreshes_the_lights_by_county(session, world):
    project = planned(session, world, amount=1200)
    report(session, world, project, "2025-07", 700)
    session.commit()
    compute(session, "2025-07")
    assert figures(session, world).lights["green"] == 1
    session.execute(text("UPDATE project_lights SET light = 'red' WHERE project_id = :id"), {"id": project.id})
    session.commit()
    assert figures(session, world).lights == {"red": 1, "yellow": 0, "green": 0, "grey": 0}
