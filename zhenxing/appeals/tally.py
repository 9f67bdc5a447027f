"""What one appeal contributes to the statistics counters, from its stored fields. Pure.

The service takes the contribution before and after every change and adds the difference to the
pre-aggregated tallies, so the statistics page sums a small table instead of scanning every appeal.
"""

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass

from zhenxing.appeals.ratings import is_satisfied

Key = tuple[str, int, int, int, int, str]  # month, unit, handler region, region, category, channel
KEY_FIELDS = ("month", "unit_id", "handler_region_id", "region_id", "category_id", "channel")


@dataclass(frozen=True)
class Facts:
    month: str
    unit_id: int | None
    handler_region_id: int | None
    region_id: int | None
    category_id: int | None
    channel: str
    is_repeat: bool = False
    accept_late: bool | None = None
    close_late: bool | None = None
    reply_result: str | None = None
    rating_level: int | None = None
    rating_defaulted: bool = False
    rating_excluded: bool = False
    reopen_count: int = 0
    dispatch_count: int = 0

    @property
    def key(self) -> Key:
        return (self.month, self.unit_id or 0, self.handler_region_id or 0, self.region_id or 0,
                self.category_id or 0, self.channel)


def counts(facts: Facts) -> dict[str, int]:
    rated = facts.rating_level is not None and not facts.rating_excluded
    return {
        "received": 1,
        "repeats": int(facts.is_repeat),
        "redispatched": int(facts.dispatch_count > 1),
        "accept_judged": int(facts.accept_late is not None),
        "accepted_on_time": int(facts.accept_late is False),
        "close_judged": int(facts.close_late is not None),
        "closed_on_time": int(facts.close_late is False),
        "replied": int(facts.reply_result is not None),
        "resolved": int(facts.reply_result == "resolved"),
        "rated": int(rated),
        "satisfied": int(rated and is_satisfied(facts.rating_level)),
        "visited": int(facts.rating_level is not None and not facts.rating_defaulted),
        "reopened": int(facts.reopen_count > 0),
    }


def delta(before: Facts | None, after: Facts | None,
          events: Mapping[Key, Mapping[str, int]] | None = None) -> dict[Key, dict[str, int]]:
    """The counters to add per key for a change from `before` to `after` (None: not there), plus the
    event counters (dispatches and returns, counted for the unit they happened to). Zero rows are dropped."""
    result: dict[Key, dict[str, int]] = defaultdict(dict)
    for facts, sign in ((before, -1), (after, 1)):
        if facts is None:
            continue
        for name, value in counts(facts).items():
            result[facts.key][name] = result[facts.key].get(name, 0) + sign * value
    for key, named in (events or {}).items():
        for name, value in named.items():
            result[key][name] = result[key].get(name, 0) + value
    return {key: {n: v for n, v in named.items() if v} for key, named in result.items()
            if any(named.values())}
