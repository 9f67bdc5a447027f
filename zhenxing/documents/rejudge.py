"""What correcting a document's year (or date) does to the figures drafted from it. Pure rules, no database.

A work report's year decides which of its figures are plans and which are results (the engine judges
"2025年" against it) and the year/period its drafts carry: targets the year the document plans, readings
the year before, which it reviews. After a correction:

* a pending draft the engine now judges otherwise becomes the other kind (目标 ↔ 实绩), unless a reviewer
  switched it by hand (a person's decision stands); its year or period moves with the document's, unless a
  reviewer typed another one;
* an accepted or merged draft whose figure would now be the other kind makes the ledger disagree with the
  document: the correction is refused, naming the record;
* an accepted draft's record (a target, a reading) moves with the document's year when it carries the
  document's year; rejected drafts stay as they were decided.
"""

from dataclasses import dataclass, field

KIND_OF_STANCE = {"target": "target", "actual": "reading"}
KIND_LABELS = {"target": "目标", "reading": "实绩"}


@dataclass(frozen=True)
class Rejudged:
    """A figure draft after the correction: its kind, its changed payload fields, and any conflict."""

    kind: str
    changes: dict = field(default_factory=dict)
    conflict: str = ""
    switched: bool = False


def review_year(year: int) -> int:
    """The year a work report reviews: the one before the year it plans."""
    return year - 1


def moved_year(value: object, old: int, new: int) -> object:
    """A year that followed the document's moves with it; one somebody chose otherwise stays."""
    return new if value is not None and str(value) == str(old) else value


def moved_period(value: object, old_year: int, new_year: int) -> object:
    """A reading's period that was the reviewed year moves with it ('2024' → '2025')."""
    if value is not None and str(value) == str(review_year(old_year)):
        return str(review_year(new_year))
    return value


def figure_draft(*, kind: str, status: str, payload: dict, stance: str | None, old_year: int,
                 new_year: int) -> Rejudged:
    """A target or reading draft once the document's year is `new_year` and the engine judges its figure
    `stance` ('target', 'actual', or None when the engine no longer finds it)."""
    by_hand = "engine_stance" in payload  # a reviewer switched it (documents.learning.switch_stance)
    now = kind if by_hand or stance not in KIND_OF_STANCE else KIND_OF_STANCE[stance]
    if status in ("accepted", "merged"):
        if now != kind:
            what = payload.get("indicator") or payload.get("written") or "（未识别指标）"
            return Rejudged(kind, conflict=f"已{'采纳' if status == 'accepted' else '并入台账'}的"
                            f"{KIND_LABELS[kind]}“{what}”按 {new_year} 年判断应为{KIND_LABELS[now]}")
        return Rejudged(kind)
    if status != "pending":
        return Rejudged(kind)
    changes: dict = {}
    if now != kind:
        changes = {"year": new_year} if now == "target" else {"period": str(review_year(new_year))}
        return Rejudged(now, changes, switched=True)
    if now == "target" and moved_year(payload.get("year"), old_year, new_year) != payload.get("year"):
        changes["year"] = new_year
    if now == "reading":
        period = moved_period(payload.get("period"), old_year, new_year)
        if period != payload.get("period"):
            changes["period"] = period
    return Rejudged(now, changes)
