"""Likely duplicates at intake: the same requester, or the same place and category, within N days, with
similar text. Pure: candidates are handed in by the service."""

import math
from dataclasses import dataclass
from datetime import datetime

from rapidfuzz import fuzz


@dataclass(frozen=True)
class Candidate:
    id: int
    received_at: datetime
    phone: str
    category_id: int | None
    address: str
    latitude: float | None
    longitude: float | None
    description: str


@dataclass(frozen=True)
class Match:
    id: int
    score: int
    reasons: tuple[str, ...]


def _distance_m(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6_371_000 * math.asin(math.sqrt(h))


def same_place(new: Candidate, old: Candidate, *, within_m: float = 200) -> bool:
    if None not in (new.latitude, new.longitude, old.latitude, old.longitude):
        return _distance_m((new.latitude, new.longitude), (old.latitude, old.longitude)) <= within_m
    return bool(new.address) and fuzz.ratio(new.address, old.address) >= 85


def likely_duplicates(new: Candidate, candidates: list[Candidate], *, limit: int = 5) -> list[Match]:
    """Candidates that look like the same appeal, best first, with the reasons in Chinese."""
    found = []
    for old in candidates:
        if old.id == new.id:
            continue
        reasons = []
        if new.phone and new.phone == old.phone:
            reasons.append("同一来电号码")
        place = new.category_id is not None and new.category_id == old.category_id and same_place(new, old)
        if place:
            reasons.append("同一地点同一类别")
        text = int(fuzz.partial_ratio(new.description, old.description)) if new.description else 0
        if text >= 70:
            reasons.append(f"内容相似{text}%")
        if reasons and (place or text >= 50):
            found.append(Match(old.id, text + 40 * place + 20 * ("同一来电号码" in reasons), tuple(reasons)))
    return sorted(found, key=lambda match: -match.score)[:limit]
