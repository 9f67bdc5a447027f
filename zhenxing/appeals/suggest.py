"""Suggested category and handling unit from an appeal's text: a keyword table (like the task lead-unit table)
whose votes are weighted by what the centre actually dispatched before. Pure."""

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Keyword:
    word: str
    category_code: str


@dataclass(frozen=True)
class Suggestion:
    category_code: str | None
    unit_id: int | None
    score: float
    words: tuple[str, ...]


def suggest(text: str, keywords: Iterable[Keyword], *, default_units: Mapping[str, int | None],
            history: Mapping[tuple[str, str], Counter] | None = None) -> Suggestion:
    """The best category for `text` and its unit.

    Each keyword found in the text votes for its category (longer words weigh more). `history` maps
    (keyword, category_code) to the units the centre finally dispatched such appeals to (after returns):
    the unit it most often ended with wins over the catalogue's default unit, and a keyword whose appeals
    were mostly moved to another category votes for that one instead.
    """
    votes: Counter = Counter()
    words: dict[str, list[str]] = {}
    for keyword in keywords:
        if keyword.word and keyword.word in text:
            category = _learned_category(keyword, history) or keyword.category_code
            votes[category] += len(keyword.word)
            words.setdefault(category, []).append(keyword.word)
    if not votes:
        return Suggestion(None, None, 0.0, ())
    category, score = votes.most_common(1)[0]
    unit = _learned_unit(category, words[category], history) or default_units.get(category)
    return Suggestion(category, unit, float(score), tuple(words[category]))


def _learned_category(keyword: Keyword, history: Mapping | None) -> str | None:
    if not history:
        return None
    moved: Counter = Counter()
    for (word, category), units in history.items():
        if word == keyword.word:
            moved[category] += sum(units.values())
    if not moved:
        return None
    category, count = moved.most_common(1)[0]
    return category if count > moved.get(keyword.category_code, 0) else None


def _learned_unit(category: str, words: list[str], history: Mapping | None) -> int | None:
    if not history:
        return None
    units: Counter = Counter()
    for word in words:
        units.update(history.get((word, category), Counter()))
    return units.most_common(1)[0][0] if units else None
