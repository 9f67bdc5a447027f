"""A month's figures for the whole plan at once: every project's light, then the county and department
leagues — the three read the same month of records, loaded once (frame_loader.shared_frames)."""

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from zhenxing.auth.models import User
from zhenxing.dispatch.frame_loader import shared_frames
from zhenxing.dispatch.lights_service import LightRun, compute_lights
from zhenxing.league.models import LeagueRun
from zhenxing.league.service import compute_league, kinds_in_use

LEAGUE_KINDS = ("region", "unit", "city")  # city: only where there are several (a province)


@dataclass
class MonthRun:
    lights: LightRun
    leagues: dict[str, LeagueRun]


def compute_month(*, session: Session, period: str, actor: User | None = None, as_of: date | None = None
                  ) -> MonthRun:
    """Lights for the period, then the leagues (which may score the lights), in the caller's transaction."""
    with shared_frames(session):
        lights = compute_lights(session=session, period=period, actor=actor, as_of=as_of)
        leagues = {kind: compute_league(session=session, kind=kind, period=period, actor=actor)
                   for kind in LEAGUE_KINDS if kind in kinds_in_use(session)}
    return MonthRun(lights, leagues)
