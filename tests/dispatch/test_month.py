"""A month's lights and both leagues computed together read the month's records once, with the same results
as computing each on its own."""

from datetime import date

from tests.dispatch.test_lights_service import city  # noqa: F401 - the fixture
from zhenxing.dispatch import frame_loader
from zhenxing.dispatch.lights_service import compute_lights
from zhenxing.dispatch.month import compute_month
from zhenxing.league.service import compute_league

AS_OF = date(2025, 8, 20)


def test_the_month_loads_its_records_once_and_scores_as_each_computation_alone(session, world, city, monkeypatch):  # noqa: F811
    loads = []
    real = frame_loader._load_frame
    monkeypatch.setattr(frame_loader, "_load_frame", lambda s, p: loads.append(str(p)) or real(s, p))
    together = compute_month(session=session, period="2025-07", as_of=AS_OF)
    session.commit()
    assert loads.count("2025-07") == 1
    assert together.lights.counts == {"green": 1, "yellow": 0, "red": 2, "grey": 1}
    results = {kind: run.results for kind, run in together.leagues.items()}
    loads.clear()
    alone = compute_lights(session=session, period="2025-07", as_of=AS_OF)
    assert alone.counts == together.lights.counts
    for kind in ("region", "unit"):
        assert compute_league(session=session, kind=kind, period="2025-07").results == results[kind]
    assert loads.count("2025-07") >= 3  # without sharing: lights and each league load it again
    assert frame_loader._SHARED not in session.info
