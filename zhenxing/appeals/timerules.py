"""Time rules of the loop, held as data: per category (a code prefix), type and urgency, how long a unit has
to 签收 (accept), to make first contact and to 办结 (answer), each counted in natural hours, natural days,
working days or working hours; and the centre-wide limits (return window, extensions, rating window,
rectification of a 差评, reopenings). Pure: the working-day calendar is handed in.

Presets follow Beijing's 12345 norms (emergency 2 hours, 水电气热 24 hours, ordinary 7 days, complex
15 days) and Shandong's (return within 2 working days, an extension of at most 10 working days).
"""

from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Protocol

UNITS = {"hours": "小时", "days": "自然日", "workdays": "工作日", "workhours": "工作小时"}
URGENCIES = {"urgent": "紧急", "normal": "一般", "complex": "复杂"}
TYPES = {"consult": "咨询", "help": "求助", "complaint": "投诉", "report": "举报", "suggestion": "建议",
         "praise": "表扬"}
MAX_AMOUNT = {"hours": 24 * 90, "days": 365, "workdays": 250, "workhours": 7 * 250}


class Calendar(Protocol):
    def add_duration(self, start: datetime, amount: float, unit: str) -> datetime: ...


@dataclass(frozen=True)
class Limit:
    amount: int
    unit: str

    @property
    def label(self) -> str:
        return f"{self.amount}{UNITS[self.unit]}"

    def after(self, start: datetime, calendar: Calendar) -> datetime:
        return calendar.add_duration(start, self.amount, self.unit)


@dataclass(frozen=True)
class TimeRule:
    """How long a unit has, for the appeals this rule matches (None matches anything)."""

    name: str
    accept: Limit
    contact: Limit
    close: Limit
    category: str | None = None  # a category code or the prefix of a group of codes ('03' = 水电气热)
    type: str | None = None
    urgency: str | None = None
    pause_on_extension: bool = False  # the 办结 clock stops while an extension request awaits a decision

    def matches(self, category_code: str, type_: str, urgency: str) -> bool:
        return ((self.category is None or category_code.startswith(self.category))
                and self.type in (None, type_) and self.urgency in (None, urgency))

    @property
    def specificity(self) -> int:
        return sum(value is not None for value in (self.category, self.type, self.urgency))


@dataclass(frozen=True)
class LoopSettings:
    """The centre-wide limits of the loop."""

    return_window: Limit = Limit(2, "workdays")
    max_extensions: int = 1
    extension_cap: Limit = Limit(10, "workdays")
    rating_window: Limit = Limit(7, "days")
    rectify: Limit = Limit(15, "workdays")
    max_reopens: int = 1
    duplicate_days: int = 30
    rules: tuple[TimeRule, ...] = field(default_factory=tuple)


BEIJING_RULES = (
    TimeRule("紧急诉求", accept=Limit(1, "hours"), contact=Limit(1, "hours"), close=Limit(2, "hours"),
             urgency="urgent"),
    TimeRule("水电气热", accept=Limit(2, "hours"), contact=Limit(4, "hours"), close=Limit(24, "hours"),
             category="03"),
    TimeRule("一般诉求", accept=Limit(2, "workhours"), contact=Limit(1, "workdays"), close=Limit(7, "days"),
             urgency="normal"),
    TimeRule("复杂诉求", accept=Limit(2, "workhours"), contact=Limit(1, "workdays"), close=Limit(15, "days"),
             urgency="complex", pause_on_extension=True),
)
PRESETS = {
    "beijing": ("北京（紧急2小时、水电气热24小时、一般7天、复杂15天）", BEIJING_RULES),
    "shandong": ("山东（5个工作日办结，可延期10个工作日）", (
        TimeRule("紧急诉求", accept=Limit(1, "hours"), contact=Limit(1, "hours"), close=Limit(24, "hours"),
                 urgency="urgent"),
        TimeRule("一般诉求", accept=Limit(4, "workhours"), contact=Limit(1, "workdays"),
                 close=Limit(5, "workdays")),
    )),
}
DEFAULT_SETTINGS = LoopSettings(rules=BEIJING_RULES)
FALLBACK_RULE = TimeRule("默认", accept=Limit(2, "workhours"), contact=Limit(1, "workdays"),
                         close=Limit(7, "days"))


def resolve(rules: tuple[TimeRule, ...], category_code: str, type_: str, urgency: str) -> TimeRule:
    """The rule for an appeal: the most specific match; among equally specific ones, the first listed.
    An urgent appeal always takes the strictest matching urgent rule over a category rule."""
    matching = [rule for rule in rules if rule.matches(category_code, type_, urgency)]
    if not matching:
        return FALLBACK_RULE
    if urgency == "urgent":
        urgent = [rule for rule in matching if rule.urgency == "urgent"]
        matching = urgent or matching
    best = max(rule.specificity for rule in matching)
    return next(rule for rule in matching if rule.specificity == best)


@dataclass(frozen=True)
class Deadlines:
    accept_due: datetime
    contact_due: datetime
    close_due: datetime


def deadlines(rule: TimeRule, start: datetime, calendar: Calendar) -> Deadlines:
    """The three clocks, started at a dispatch (or at a 重办)."""
    return Deadlines(rule.accept.after(start, calendar), rule.contact.after(start, calendar),
                     rule.close.after(start, calendar))


def paused(due: datetime, start: datetime, end: datetime, rule: TimeRule) -> datetime:
    """The 办结 deadline after a pause from `start` to `end` (an extension awaiting a decision), if the rule
    pauses at all: the deadline moves by the time the request waited."""
    if not rule.pause_on_extension or end <= start:
        return due
    return due + (end - start)


def extension_cap(settings: LoopSettings, original_due: datetime, calendar: Calendar) -> datetime:
    """The latest deadline any extension may reach: the deadline before extensions plus the cap."""
    return settings.extension_cap.after(original_due, calendar)


# ---- rules as data: validated reading and writing ------------------------------------------------------

class RuleError(ValueError):
    """A rule as given is invalid; the message names the field, in Chinese."""


def limit_from(value: object, where: str) -> Limit:
    if not isinstance(value, dict):
        raise RuleError(f"{where} 应为 {{amount, unit}}")
    unit, amount = value.get("unit"), value.get("amount")
    if unit not in UNITS:
        raise RuleError(f"{where}.unit 应为 {'、'.join(UNITS)} 之一（收到 {unit!r}）")
    if not isinstance(amount, int) or isinstance(amount, bool) or not 1 <= amount <= MAX_AMOUNT[unit]:
        raise RuleError(f"{where}.amount 应为 1–{MAX_AMOUNT[unit]} 的整数（收到 {amount!r}）")
    return Limit(amount, unit)


def _choice(value: object, choices: dict, where: str) -> str | None:
    if value in (None, ""):
        return None
    if value not in choices:
        raise RuleError(f"{where} 应为 {'、'.join(choices)} 之一或留空（收到 {value!r}）")
    return str(value)


def rule_from(data: dict, where: str = "rules[0]") -> TimeRule:
    name = str(data.get("name") or "").strip()
    if not 1 <= len(name) <= 40:
        raise RuleError(f"{where}.name 应为 1–40 个字")
    category = data.get("category")
    if category not in (None, "") and (not isinstance(category, str) or not category.isalnum()
                                       or len(category) > 20):
        raise RuleError(f"{where}.category 应为分类编码或其前缀（字母数字，至多20位）")
    return TimeRule(
        name=name, accept=limit_from(data.get("accept"), f"{where}.accept"),
        contact=limit_from(data.get("contact"), f"{where}.contact"),
        close=limit_from(data.get("close"), f"{where}.close"),
        category=category or None, type=_choice(data.get("type"), TYPES, f"{where}.type"),
        urgency=_choice(data.get("urgency"), URGENCIES, f"{where}.urgency"),
        pause_on_extension=bool(data.get("pause_on_extension", False)),
    )


def _count(data: dict, key: str, low: int, high: int, default: int) -> int:
    value = data.get(key, default)
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        raise RuleError(f"{key} 应为 {low}–{high} 的整数（收到 {value!r}）")
    return value


def settings_from(data: dict) -> LoopSettings:
    """Validated settings from their stored (JSON) form; missing keys take the defaults."""
    base = DEFAULT_SETTINGS
    rules = data.get("rules", [asdict(rule) for rule in base.rules])
    if not isinstance(rules, list) or not 1 <= len(rules) <= 200:
        raise RuleError("rules 应为 1–200 条时限规则")
    limits = {key: limit_from(data[key], key) if key in data else getattr(base, key)
              for key in ("return_window", "extension_cap", "rating_window", "rectify")}
    return LoopSettings(
        **limits, max_extensions=_count(data, "max_extensions", 0, 5, base.max_extensions),
        max_reopens=_count(data, "max_reopens", 0, 3, base.max_reopens),
        duplicate_days=_count(data, "duplicate_days", 1, 365, base.duplicate_days),
        rules=tuple(rule_from(rule, f"rules[{i}]") for i, rule in enumerate(rules)),
    )


def settings_to(settings: LoopSettings) -> dict:
    data = asdict(settings)
    data["rules"] = [asdict(rule) for rule in settings.rules]
    return data


def rule_to(rule: TimeRule) -> dict:
    return asdict(rule)
