"""Review and completion cues of stance: progress reports, which restate a plan's tasks before telling results.

Under a heading of progress (…任务完成情况, PROGRESS) a numbered item first states its task (a target, even in a
report) until a measured result (RESULT) tells its progress; a list of items behind schedule (BEHIND_LIST) restates
targets; 具体情况如下 after 全部完成 (PROGRESS_INTRO, ALL_DONE) opens such a list; 抓好以下…工作 (PLAN_ANNOUNCE)
announces that the parts after it are the plan.  A single project's total investment before the completion its
sentence schedules (该项目总投资3.5亿元,预计明年6月建成投产) is its planned size (scheduled_project_total).
"""

from __future__ import annotations

import re

# …项目进度表(截至10月31日): a progress table, like a report of 完成情况
PROGRESS = re.compile(r"完成情况|进展情况|落实情况|推进情况|进度表|进度情况")
# 未达到序时进度11项、占比20.0%,为A完成投资80亿元、B覆盖率达80%…: what a progress notice lists as behind schedule
# are the plan's targets restated (the list starts after 为/是/有/包括)
BEHIND_LIST = re.compile(
    r"(?:(?:未|没有|尚未|未能)(?:达到|完成)?(?:序时|时序|时间)?进度|进度(?:滞后|缓慢|偏慢)|滞后(?:于)?序时(?:进度)?)"
    r"[^。;\n]{0,30}?(?:[,:]|的|任务|项目|事项|指标|\d{1,3}(?:项|个|件))(?:分别)?(?:为|是|有|包括)"
    r"(?:\d{1,3}(?:项|个|件))?[:]?")
# …项目已全部完成具体情况如下: what follows states each item's target, then its result
ALL_DONE = re.compile(r"全部完成|均已完成|全面完成")
PROGRESS_INTRO = re.compile(r"完成[^。]{0,8}(?:具体)?情况如下")
# 围绕上述目标,我们将着重抓好以下六个方面的工作。: the parts that follow are the plan
PLAN_ANNOUNCE = re.compile(
    r"(?:抓好|做好|突出|推进|抓实|落实)以下(?:[一二三四五六七八九十几\d]*(?:个|项)?(?:方面)?)?(?:的)?(?:重点)?(?:工作|任务)")
# The words of a measured result (完成156.8亿元, 同比增长7.2%): progress, not the task restated.
RESULT = re.compile(r"同比|环比|比上年|较上年|比去年|上年同期|(?:完成|实现|达到)[^,;。]{0,4}\d")

# 该项目总投资3.5亿元,预计明年6月建成投产: a project's total, its completion still scheduled, is its planned size
_PROJECT_TOTAL = re.compile(r"(?:计划)?总投资(?:约|达|为)?$")
_ONE_PROJECT = re.compile(r"(?:该|此|本|这个|这一)(?:项目|工程)|(?<![\d个项])(?:项目|工程)(?=总投资|计划总投资)")
_COUNTED = re.compile(r"\d+\s*(?:个|项|家)")  # 本次集中开工项目30个、总投资50亿元: a batch's total is the event's
_COMPLETION_DUE = re.compile(r"(?:计划|预计|将于?|力争|有望|拟)[^。;!?]{0,16}?"
                             # 项目总投资200万元,计划建设830米长的步道: the work it plans to build
                             r"(?:完工|竣工|建成|投产|投用|投入使用|投入运营|运营|开业|交付|建设|新建|修建)")


def scheduled_project_total(norm: str, start: int, end: int, lead: int, after: int) -> bool:
    """The amount at norm[lead:after], in the sentence norm[start:end], is one project's total investment and the
    sentence goes on to schedule that project's completion (计划2021年6月底完工, 预计9月初可以完工)."""
    return bool(_PROJECT_TOTAL.search(norm, max(start, lead - 10), lead) and _ONE_PROJECT.search(norm, start, lead)
                and not _COUNTED.search(norm, start, lead) and _COMPLETION_DUE.search(norm, after, end))
