"""The appeals loop's tunable rules, registered with the shared rules mechanism (`zhenxing.rules`):

- `appeals.loop`     the time rules (签收 / first contact / 办结 per category prefix, type and urgency, each in
                     natural hours, natural days, working days or working hours) and the centre-wide limits
                     (return window, extensions, rating window, 差评 rectification, reopenings, duplicate days);
- `appeals.escalation` the steps around the 办结 deadline (shared ladder, `zhenxing.followup.ladder`): steps
                     before it warn (即将到期), steps after it raise the 督办 level (催办 → 督办 → 通报);
- `appeals.ranking`  the monthly ranking of units and counties/districts: weight per rate (the 三率 preset by
                     default), the least number of appeals for a ranked entry, the size of the red/black lists.

Both are standing rules (not per year): a change takes effect from the moment it is saved, is kept as a
version and audited field by field; an appeal keeps the deadlines computed when it was dispatched.
The centre (admin, hotline) edits them.
"""

from dataclasses import replace

from zhenxing.appeals.scoring import SANLV, Scheme, scheme_from
from zhenxing.appeals.timerules import DEFAULT_SETTINGS, PRESETS, Limit, settings_from, settings_to
from zhenxing.followup.ladder import DEFAULT_LADDER, Ladder
from zhenxing.rules.registry import register_kind

EDITORS = frozenset({"admin", "hotline"})
LOOP, RANKING, ESCALATION = "appeals.loop", "appeals.ranking", "appeals.escalation"

_SHANDONG = replace(DEFAULT_SETTINGS, rules=PRESETS["shandong"][1], return_window=Limit(2, "workdays"),
                    extension_cap=Limit(10, "workdays"))

register_kind(
    LOOP, "诉求办理时限", settings_from,
    presets={"北京": settings_to(DEFAULT_SETTINGS), "山东": settings_to(_SHANDONG)}, default="北京",
    description="签收、首次联系、办结时限（按分类编码前缀、诉求类型、紧急程度），退单、延期、评价、整改、重办等限制",
    per_year=False, editors=EDITORS,
)


def _ladder_data(*steps: tuple[str, str, int, str]) -> dict:
    return {"steps": [{"key": key, "label": label, "offset": offset, "unit": unit}
                      for key, label, offset, unit in steps]}


register_kind(
    ESCALATION, "诉求临期提醒与逾期督办", Ladder,
    presets={
        "山东": DEFAULT_LADDER.model_dump(mode="json"),
        "紧凑": _ladder_data(("remind", "提醒", -4, "workhours"), ("urge", "催办", 0, "hours"),
                           ("supervise", "督办", 1, "workdays"), ("notify", "通报", 3, "workdays")),
    },
    default="山东",
    description="相对办结期限的步骤：期限前的步骤发出即将到期提醒（黄牌），期限后的步骤依次升级为催办、督办（督办单）、通报",
    per_year=False, editors=EDITORS,
)


def _scheme_data(scheme: Scheme) -> dict:
    return {"weights": dict(scheme.weights), "min_received": scheme.min_received, "list_size": scheme.list_size}


register_kind(
    RANKING, "诉求办理排名", scheme_from,
    presets={
        "三率": _scheme_data(Scheme(weights=dict(SANLV))),
        "盘锦通报式": _scheme_data(Scheme(weights={"ontime_rate": 30, "satisfaction_rate": 40, "accept_rate": 15,
                                               "visit_rate": 15})),
        "榆林红黑榜式": _scheme_data(Scheme(weights={"accept_rate": 20, "ontime_rate": 30, "satisfaction_rate": 40,
                                                "return_rate": -5, "reopen_rate": -5})),
    },
    default="三率",
    description="各项指标的权重（负数为扣分项，如回退率、重办率）、参与排名的最少件数、红黑榜各列几名",
    per_year=False, editors=EDITORS,
)
