"""How sure the engine is of a drafted fact: of its stance (what told it) and of its indicator.

The review queue sorts by it, so a reviewer checks the doubtful drafts first and bulk-accepts the rest.
The figures are an ordering, not probabilities: a stance told by the sentence's own words is surer than
one carried from an earlier sentence; a catalogued indicator is surer than a long phrase cut from the text.
"""

from __future__ import annotations

from .catalogue import normalise_indicator

STANCE_SURE = {"cue": 0.9, "section": 0.85, "year": 0.85, "restated": 0.8, "estimate": 0.75,
               "carried": 0.7, "mood": 0.6, "default": 0.5}
STANCE_WHY = {"cue": "句中用语", "section": "所在部分的标题", "year": "年份对照文件日期",
              "restated": "进展通报中重述的任务", "estimate": "“预计”按上下文", "carried": "承接前文",
              "mood": "句式为部署（无其他依据）", "default": "无明显依据"}
_LONG_INDICATOR = 14


def judge_confidence(stance_source: str, indicator: str, dated: bool) -> tuple[float, str]:
    """(confidence, why in Chinese): the lower of the stance's and the indicator's."""
    stance = STANCE_SURE.get(stance_source, 0.5)
    if stance_source == "year" and not dated:
        stance = 0.6  # a year judged against the latest year named, not a known document date
    if normalise_indicator(indicator) is not None:
        sure, said = 0.9, "目录指标"
    elif len(indicator) > _LONG_INDICATOR:
        sure, said = 0.55, "指标较长，需核对"
    else:
        sure, said = 0.75, "指标取自原文"
    return round(min(stance, sure), 2), f"立场：{STANCE_WHY.get(stance_source, stance_source)}；{said}"


# --- tasks ------------------------------------------------------------------------------------------------

TASK_SURE = {"goal": 0.9, "cue": 0.9, "section": 0.8, "restated": 0.8}
_TASK_DEFAULT = 0.65  # a task told only by the mood of its sentence or carried from before


def judge_task(stance_source: str, goal: bool, lead_confidence: float, trigger: str,
               assigned: str = "") -> tuple[float, str]:
    """(confidence, why in Chinese) of a task draft: the lower of how sure it is a commitment (a goal of a list
    or a plan cue: surest) and how sure its lead unit is; why names what told both (the phrase that triggered
    the lead, or the text's own assignment: 牵头单位:…, a responsibility table)."""
    sure = TASK_SURE["goal"] if goal else TASK_SURE.get(stance_source, _TASK_DEFAULT)
    task = "目标分解" if goal else STANCE_WHY.get(stance_source, stance_source)
    if assigned:
        lead = f"文中指定（{assigned}）"
    elif trigger:
        lead = f"关键词“{trigger}”"
    else:
        lead = "未识别，需指定"
    return round(min(sure, lead_confidence), 2), f"任务：{task}；牵头单位：{lead}"
