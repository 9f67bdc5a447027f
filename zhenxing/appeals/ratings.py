"""好差评 as GB/T 39734-2020 and 国办发〔2019〕51号 practice have it: five levels, mapped to 好评 (the top two),
中评 (基本满意) and 差评 (the bottom two)."""

LEVELS = {1: "非常满意", 2: "满意", 3: "基本满意", 4: "不满意", 5: "非常不满意"}
GOOD, FAIR, BAD = "good", "fair", "bad"
VERDICTS = {GOOD: "好评", FAIR: "中评", BAD: "差评"}
DEFAULT_LEVEL = 3  # no verdict in time counts as 基本满意, marked as defaulted


def verdict_of(level: int) -> str:
    """好评 / 中评 / 差评 of a level (1 best … 5 worst)."""
    if level not in LEVELS:
        raise ValueError(f"rating level {level!r} is not 1–5")
    if level <= 2:
        return GOOD
    return FAIR if level == 3 else BAD


def is_satisfied(level: int) -> bool:
    """Counted in 满意率: 好评 and 中评 (the bottom two are not)."""
    return verdict_of(level) != BAD
