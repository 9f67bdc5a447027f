"""A scheme as the office reads and edits it: the same JSON with Chinese keys and values. Pure.

`to_chinese(data, labels)` renames keys (weight → 权重), coded values (target → 目标加减分) and measure keys
(investment_rate → its label, e.g. 年度投资完成率); empty values are left out. `from_chinese` undoes it and
refuses unknown words, naming them.
"""

from typing import Any

from zhenxing.league.schemes import SchemeError

KEYS = {
    "name": "名称", "subject_kind": "排名对象", "measures": "指标", "emphasis": "季度侧重", "key": "指标项",
    "label": "显示名称", "method": "计分方法", "weight": "权重", "better": "方向", "target": "目标值",
    "below_per_point": "每差1点扣分", "above": "超出加分档", "from": "自", "to": "至", "per_point": "每点加分",
    "bonus_cap": "加分上限", "deduction_cap": "扣分上限", "per": "每个计分", "cap": "上限", "step": "名次递减分",
    "bands": "名次档", "upto": "前几名", "points": "得分", "max_points": "最高分", "min_points": "最低分",
}
VALUES = {
    "method": {"share_of_best": "占最优值比例", "rank_points": "按名次计分", "target": "目标加减分",
               "per_count": "按个数计分"},
    "better": {"higher": "越多越好", "lower": "越少越好"},
    "subject_kind": {"region": "县区", "unit": "部门", "city": "城市"},
}
QUARTERS = {"1": "一季度", "2": "二季度", "3": "三季度", "4": "四季度"}
BACK_KEYS = {chinese: key for key, chinese in KEYS.items()}
BACK_VALUES = {field: {chinese: code for code, chinese in codes.items()} for field, codes in VALUES.items()}
BACK_QUARTERS = {chinese: number for number, chinese in QUARTERS.items()}


def to_chinese(data: Any, labels: dict[str, str]) -> Any:
    if isinstance(data, list):
        return [to_chinese(item, labels) for item in data]
    if not isinstance(data, dict):
        return data
    shown = {}
    for key, value in data.items():
        if value is None:
            continue
        if key == "emphasis":
            shown[KEYS[key]] = {QUARTERS.get(str(q), q): {labels.get(m, m): x for m, x in (v or {}).items()}
                                for q, v in value.items()}
        elif key in VALUES:
            shown[KEYS[key]] = VALUES[key].get(value, value)
        elif key == "key":
            shown[KEYS[key]] = labels.get(value, value)
        else:
            shown[KEYS.get(key, key)] = to_chinese(value, labels)
    return shown


def _back(word: str, table: dict[str, str], what: str) -> str:
    if word not in table:
        raise SchemeError(f"未知的{what}“{word}”，可选：{'、'.join(table)}", what)
    return table[word]


def from_chinese(data: Any, labels: dict[str, str]) -> Any:
    keys_of = {label: key for key, label in labels.items()}
    if isinstance(data, list):
        return [from_chinese(item, labels) for item in data]
    if not isinstance(data, dict):
        return data
    result = {}
    for chinese, value in data.items():
        key = _back(chinese, BACK_KEYS, "项目")
        if key == "emphasis":
            if not isinstance(value, dict):
                raise SchemeError("季度侧重须是 季度 → {指标: 倍数}", "emphasis")
            result[key] = {_back(q, BACK_QUARTERS, "季度"): {_back(m, keys_of, "指标"): x for m, x in
                                                              (v.items() if isinstance(v, dict) else [])}
                           for q, v in value.items()}
        elif key in VALUES:
            result[key] = _back(value, BACK_VALUES[key], KEYS[key]) if isinstance(value, str) else value
        elif key == "key":
            result[key] = _back(value, keys_of, "指标") if isinstance(value, str) else value
        else:
            result[key] = from_chinese(value, labels)
    return result
