"""Document-structure cues of stance: titles and headings.

A top-level heading (一、2023年工作回顾 / 二、2024年工作安排) sets the stance of its whole section by its words
(heading_stance) or by an outcome it states (states_outcome: 经济发展稳中有进 is a review's); an ordinary heading frames
what follows only by plain plan or review words (FRAME_TARGET, frames_review).  A document's title, or its opening
on the issue of a plan (印发《…方案》), makes the plan the default of the whole text (TITLE_TARGET, ISSUED).
A title naming both the year reviewed and the year planned (TWO_PARTS) frames neither.
"""

from __future__ import annotations

import re

from ...patterns import quick
from .stance_years import ACTUAL, TARGET

HEADING_ACTUAL = re.compile(r"回顾|回头看|成绩|成就|过去|去年|总结|回眸|完成情况|执行情况|实施情况|评估|进展|成效")
_HEADING_TARGET = re.compile(
    r"怎么干|干什么|安排|步骤|计划|目标|任务|打算|思路|展望|部署|举措|要点|建议|今后|未来|重点|下半年")
# A document's title that announces a plan (…规划纲要, …行动方案, “十四五”时期主要指标):
# what no cue or section tells is promised.
TITLE_TARGET = re.compile(
    r"规划|纲要|方案|计划|指标|目标|要点|实施意见|指导意见|若干意见|若干措施|打算|安排|部署|重点工作|工作重点")
# 近日,省政府印发《2023年…工作任务分工方案》; 现将《…责任分解》印发给你们: a text opening on the issue of a plan
# (a decomposition, a programme) goes on with that plan's items
ISSUED = re.compile(r"(?:印发|出台|公布|下发|发布)了?\s*《(?P<a>[^《》]{2,80})》"
                    r"|将\s*《(?P<b>[^《》]{2,80})》\s*(?:印发|下发|下达)")
OPENING = 150
# a heading that names a project only (2、农村公路高危平交路口治理工程, 3、城区公厕建设项目)
PROJECT_NAME = re.compile(r"(?:工程|项目)[”\"]?\s*$")
# 关于印发2024年政府工作报告重点工作责任分解的通知: a notice's title naming, unbracketed, the plan it issues
ISSUING_TITLE = re.compile(r"关于(?:印发|下达|下发)(?P<a>[^《》\n,。]{2,80}?)的通知")
# An ordinary heading frames what follows only by plain plan or review words (not 重点 of 重点项目).
FRAME_TARGET = quick(
    r"怎么干|干什么|目标|安排|步骤|计划|打算|展望|部署|要点|重点工作|工作重点|任务|方面工作|(?:抓好|做好|办好)[^,]{0,10}工作|"
    r"实事")
_FRAME_ACTUAL = re.compile(r"回顾|回头看|成绩|成就|总结|完成情况|执行情况|实施情况|进展|成效")
# A review's heading states an outcome reached (经济发展稳中有进, 群众生活持续改善, 产业发展提质增效): its last
# clause opens on its subject, not on a verb of action (推动民生福祉持续增进, 让群众生活持续改善 plan), and ends on
# the state.
_OUTCOME = quick(
    r"(?:稳中有进|稳中向好|稳中有升|提质增效|量质齐升|提质扩面|亮点纷呈|成效(?:显著|明显|初显)|"
    r"(?:持续|稳步|显著|明显|不断|全面|大幅|日益|更加|有效|有力|逐步|加快)"
    r"(?:改善|增进|提升|增强|优化|向好|巩固|加强|壮大|扩大|深化|提高|完善|彰显|夯实|坚实|规范|健全|有力|增长|攀升|跃升)|"
    r"取得(?:新|明显|显著|积极|重大|阶段性)?的?(?:进展|成效|突破|成绩|成果)|实现新突破|迈上新台阶|再上新台阶|"
    r"开创新局面|展现新作为|呈现新气象)$")
_ACTION_OPEN = re.compile(
    r"让|使|以|在|着力|全力|大力|加快|加力|加大|推动|推进|促进|确保|力争|实现|坚持|聚焦|持续|不断|进一步|加强|强化|"
    r"深化|实施|打造|建设|提升|提高|优化|完善|健全|构建|培育|发展|做强|做优|做大|筑牢|守牢|激发|释放|增强|巩固|拓展|"
    r"扩大|全面|统筹|突出|围绕|抓好|抓实|做好|办好|保障|守护|维护|助力|奋力|努力")
HEADING_NUMBER = re.compile(
    r"\s*(?:[(\uff08]?[一二三四五六七八九十\d]{1,3}[)\uff09、.。]|第[一二三四五六七八九十]+[部分章节])\s*")
_OUTCOME_MIN = 4
# Under a progress report's title (…1-6月进展情况的通报) a topic heading (三、重点建设项目方面) reports too; only
# plain plan words (下一步, 计划, 安排…) open a plan part there.
PLAN_PART = re.compile(r"下一步|下步|计划|安排|打算|展望|思路|今后|明年|下半年|怎么干")
# A heading naming a year or a time of its own sets a section even unnumbered (2017年工作回顾).
# (“十四五”时期总体把握和主要目标: a plan period named is a time of its own)
DATED_HEADING = quick(
    r"(?:20\d\d|二[〇零]..)年|过去(?:一|五)年|今年|明年|今后|本届政府|上半年|下半年|“?十[三四五六]五”?时期")
SECTION_WORD_END = 6  # a section heading ends on its plan or review word (…年工作安排, …年主要成绩)
# A heading that is a year alone (a digest's 2023年 / 2024年 parts): judged against the document's date.
BARE_YEAR = re.compile(r"(?:20\d\d|二[〇零]..)年[:。]?")
# 2020年长沙 / 2021年长沙 下战书!: a digest's part line, a year and a place (perhaps a slogan after it), names the
# year its part tells, like a bare year; a title (2022年政府工作报告, 2023年山东这样干) is longer and frames nothing
YEAR_LED = re.compile(r"(?:20\d\d|二[〇零]..)年[\u4e00-\u9fff]{2,4}(?:\s+[\u4e00-\u9fff]{2,6}[!！])?")
# 2022年经济社会发展总体情况和2023年工作打算, 2023年工作总结和2024年工作计划: a title naming the year reviewed
# and the year planned announces both parts; it frames neither (each part has its own words and headings).
TWO_PARTS = re.compile(
    r"(?:20\d\d|二[〇零]..)年[^\n,。]{0,24}?(?:情况|总结|回顾|成绩|成效)[^\n,。]{0,4}?(?:和|与|及|暨|、)"
    r"(?:20\d\d|二[〇零]..)年[^\n,。]{0,24}?(?:打算|计划|安排|思路|要点|任务|目标|草案|建议)")


def states_outcome(text: str) -> bool:
    """A heading stating an outcome reached (一、坚持项目为王,经济发展稳中有进): a review's, whatever its year."""
    text = text.strip().rstrip("。!:")
    number = HEADING_NUMBER.match(text)
    last = re.split(r"[,;]", text[number.end() if number else 0:])[-1].strip()
    return len(last) >= _OUTCOME_MIN and bool(_OUTCOME.search(last)) and not _ACTION_OPEN.match(last)


def frames_review(text: str) -> bool:
    """An ordinary heading names a review (回顾, 成绩, 取得的成效); 成效 or 进展 in a clause opening on an action
    (全力以赴推进…,实现“三年初见成效”) is the aim of a plan's heading."""
    for m in _FRAME_ACTUAL.finditer(text):
        if m.group() not in ("成效", "进展"):
            return True
        start = max(text.rfind(mark, 0, m.start()) for mark in ",;:。")
        number = HEADING_NUMBER.match(text, start + 1)
        if not _ACTION_OPEN.match(text, number.end() if number else start + 1):
            return True
    return False


def heading_stance(text: str) -> str | None:
    """The stance a top-level heading gives its section, if it tells one."""
    if HEADING_ACTUAL.search(text):
        return ACTUAL
    if _HEADING_TARGET.search(text):
        return TARGET
    return None
