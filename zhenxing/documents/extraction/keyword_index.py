"""A keyword table read once for fast look-up: the keywords of a sentence, leftmost longest first.

suggest_lead looks up every task sentence against a table of a thousand keywords or more, so the table is compiled
once (KeywordIndex, cached for the default table) into a trie regex per first character; a learnt row naming a unit
as the organisation does adds to the same department's weight.  Shield words are matched too, so a keyword is never
found across a shield's end (一体化工程 holds no 化工).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import lru_cache

from .lead_keywords import DEFAULT_KEYWORD_UNITS, SHIELDS, default_weight
from .trie import trie_heads
from .unit_names import standard_name


class KeywordIndex:
    """A keyword table read once: one regex finds every keyword of a sentence, longest first."""

    def __init__(self, rows: Iterable[tuple[str, str, float]]) -> None:
        self.units: dict[str, list[tuple[str, float]]] = {}
        for keyword, unit, weight in rows:
            if keyword and unit and weight > 0:
                # a learnt row names the unit as the organisation does (市发展和改革委员会): the same department as
                # the default rows' 发展改革委, so their weights add up
                self.units.setdefault(keyword, []).append((standard_name(unit), float(weight)))
        self.heads = trie_heads(set(self.units) | set(SHIELDS)) if self.units else {}

    def hits(self, sentence: str) -> list[tuple[int, str]]:
        """(offset, keyword) of the keywords of `sentence`, leftmost longest first and not overlapping; one inside a
        longer one (农村 in 农村公路) is not, nor one across the end of a shield word (化工 in 一体化工程)."""
        found, heads, units = [], self.heads, self.units
        at, end = 0, len(sentence)
        while at < end:
            head = heads.get(sentence[at])
            m = head.match(sentence, at) if head is not None else None
            if m is None:
                at += 1
                continue
            if m.group() in units:
                found.append((at, m.group()))
            at = m.end()
        return found


def index_of(table: Mapping[str, str] | Iterable[tuple[str, str, float]] | KeywordIndex | None) -> KeywordIndex:
    """The table as a KeywordIndex (a dict keyword → unit weighs 1 each)."""
    if isinstance(table, KeywordIndex):
        return table
    if table is None:
        return _default_index()
    if isinstance(table, Mapping):
        return KeywordIndex((keyword, unit, default_weight(keyword)) for keyword, unit in table.items())
    return KeywordIndex(table)


@lru_cache(maxsize=1)
def _default_index() -> KeywordIndex:
    return KeywordIndex((keyword, unit, default_weight(keyword)) for keyword, unit in DEFAULT_KEYWORD_UNITS.items())
