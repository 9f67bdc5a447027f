"""The appeals loop's tunable rules, registered with the shared rules mechanism (`zhenxing.rules`):

- `appeals.loop`     the time rules (签收 / first contact / 办结 per category prefix, type and urgency, each in
                     natural hours, natural days, working days or working hours) and the centre-wide limits
                     (return window, extensions, rating window, 差评 rectification, reopenings, duplicate days);
- `appeals.ranking`  the monthly ranking of units and counties/districts: weight per rate (the 三率 preset by
                     default), the least number of appeals for a ranked entry, the size of the red/black lists.

Both are standing rules (not per year): a change takes effect from the moment it is saved, is kept as a
version and audited field by field; an appeal keeps the deadlines computed when it was dispatched.
The centre (admin, hotline) edits them.
"""

from dataclasses import replace

from zhenxing.appeals.scoring import SANLV, Scheme, scheme_from
from zhenxing.appeals.timerules import DEFAULT_SETTINGS, PRESETS, Limit, settings_from, settings_to
from zhenxing.rules.registry import register_kind

EDITORS = frozenset({"admin", "hotline"})
LOOP, RANKING = "appeals.loop", "appeals.ranking"

_SHANDONG = replace(DEFAULT_SETTINGS, rules=PRESETS["shandong"][1], return_window=Limit(2, "workdays"),
                    extension_cap=Limit(10, "workdays"))

register_kind(
    LOOP, "诉求办理时限", settings_from,
    presets={"北京": settings_to(DEFAULT_SETTINGS), "山东": settings_to(_SHANDONG)}, default="北京",
    description="签收、首次联系、办结时限（按分类编码前缀、诉求类型、紧急程度），退单、延期、评价、整改、重办等限制",
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
