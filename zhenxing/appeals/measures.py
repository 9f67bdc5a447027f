"""The loop's rates as league measures (registered for units and for counties/districts), so the dispatch
league and the appeals ranking score the same figures with one engine."""

from zhenxing.appeals import stats
from zhenxing.appeals.scoring import RATES, rates
from zhenxing.league.registry import register_measure


def _measure(rate_key: str, kind: str):
    def values(session, period: str, subject_ids: list[int]) -> dict[int, float | None]:
        groups = stats.grouped(session, by="unit" if kind == "unit" else "region", start=period, end=period)
        result = {}
        for subject in subject_ids:
            value = rates(groups.get(subject, {})).get(rate_key)
            result[subject] = None if value is None else round(100 * value, 2)
        return result
    return values


for _key, (_label, _num, _den, _how) in RATES.items():
    for _kind in ("unit", "region"):
        register_measure(f"appeal_{_key}", f"12345{_label}(%)", _kind, _measure(_key, _kind), unit="%",
                         description=_how)
