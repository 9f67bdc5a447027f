"""A category's own time limits, kept in the `appeals.loop` rules (one place for every time rule, versioned
and audited by `zhenxing.rules`): a rule whose `category` is the category's code and which names no type
or urgency. It is put first in the list, so it wins over the general rules of the same specificity; an
urgent appeal still takes the urgent rule."""

from dataclasses import replace

from sqlalchemy.orm import Session

from zhenxing.appeals import rule_kinds
from zhenxing.appeals import settings as loop
from zhenxing.appeals.timerules import URGENCIES, Limit, TimeRule, resolve, settings_to
from zhenxing.auth.models import User
from zhenxing.rules import service as rules


def own_rule(session: Session, code: str) -> TimeRule | None:
    for rule in loop.current(session).rules:
        if rule.category == code and rule.type is None and rule.urgency is None:
            return rule
    return None


def applying(session: Session, code: str) -> dict[str, TimeRule]:
    """The rule an appeal of this category gets, by urgency (for a complaint)."""
    settings = loop.current(session)
    return {label: resolve(settings.rules, code, "complaint", urgency) for urgency, label in URGENCIES.items()}


def set_own_rule(session: Session, *, actor: User, code: str, name: str, accept: Limit, contact: Limit,
                 close: Limit, pause_on_extension: bool = False) -> None:
    settings = loop.current(session)
    rule = TimeRule(name=(name or "").strip()[:40] or f"分类{code}", accept=accept, contact=contact, close=close,
                    category=code, pause_on_extension=pause_on_extension)
    others = tuple(r for r in settings.rules if not (r.category == code and r.type is None and r.urgency is None))
    rules.set_rules(session, actor, rule_kinds.LOOP, settings_to(replace(settings, rules=(rule, *others))),
                    name=f"分类 {code} 时限")


def drop_own_rule(session: Session, *, actor: User, code: str) -> bool:
    settings = loop.current(session)
    others = tuple(r for r in settings.rules if not (r.category == code and r.type is None and r.urgency is None))
    if len(others) == len(settings.rules):
        return False
    rules.set_rules(session, actor, rule_kinds.LOOP, settings_to(replace(settings, rules=others)),
                    name=f"分类 {code} 改用通用时限")
    return True
