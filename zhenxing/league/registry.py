"""The measure registry: every area that wants its figures in a league registers a measure here.

    from zhenxing.league.registry import register_measure

    def on_time_rate(session, period: str, subject_ids: list[int]) -> dict[int, float | None]:
        ...  # one grouped query; None (or a missing key) for a subject without data
    register_measure("appeal_on_time_rate", "按期办结率(%)", "unit", on_time_rate)

- `key` is what a scheme's measure names; it is unique per subject kind ('region' or 'unit'), so the
  same key may mean "investment completion" for counties and for departments, each with its own function;
- `func(session, period, subject_ids)` returns the value of every subject for the period 'YYYY-MM' as
  of that period's end (year-to-date where the measure is cumulative); values are plain numbers;
- the module that registers must be listed in MEASURE_MODULES so that it is imported before a league is
  computed (no import-order surprises in the CLI or a worker).

No database import here: the registry only holds callables; league.service calls them with a session.
"""

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from zhenxing.league.schemes import SUBJECT_KINDS

MeasureFunc = Callable[[Any, str, list[int]], dict[int, float | None]]

# Modules that register measures; add yours (e.g. "zhenxing.supervision.measures").
MEASURE_MODULES: list[str] = ["zhenxing.dispatch.measures", "zhenxing.appeals.measures",
                               "zhenxing.supervision.measures"]


@dataclass(frozen=True)
class Measure:
    key: str
    label: str
    subject_kind: str
    func: MeasureFunc
    unit: str = ""
    description: str = ""


_MEASURES: dict[tuple[str, str], Measure] = {}


def register_measure(key: str, label: str, subject_kind: str, func: MeasureFunc, *, unit: str = "",
                     description: str = "") -> Measure:
    """Make a measure available to schemes of that subject kind. Registering the same key again replaces it
    (a module reloaded in tests), so the last registration wins."""
    if subject_kind not in SUBJECT_KINDS:
        raise ValueError(f"subject_kind must be one of {', '.join(SUBJECT_KINDS)}, not {subject_kind!r}")
    if not key or len(key) > 60:
        raise ValueError("a measure key is 1–60 characters")
    measure = Measure(key, label, subject_kind, func, unit, description)
    _MEASURES[(subject_kind, key)] = measure
    return measure


def load_measures() -> None:
    """Import every module listed in MEASURE_MODULES (idempotent)."""
    for name in MEASURE_MODULES:
        importlib.import_module(name)


def get_measure(subject_kind: str, key: str) -> Measure | None:
    load_measures()
    return _MEASURES.get((subject_kind, key))


def measures_for(subject_kind: str) -> list[Measure]:
    """The registered measures of a subject kind, by key (what the scheme editor offers)."""
    load_measures()
    return sorted((m for (kind, _), m in _MEASURES.items() if kind == subject_kind), key=lambda m: m.key)
