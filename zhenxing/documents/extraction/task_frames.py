"""The year's general requirements: a frame whose guiding clauses are no tasks, the works and goals after it are.

A sentence giving the year's general requirements (今年政府工作的总体要求是:以…为指导,…,加快建设…,地区生产总值增长
6%: GENERAL_FRAME, going on past a semicolon: FRAME_GOES_ON), or the year's direction given as carrying out a spirit
(2023年,全乡要认真贯彻落实党的二十大精神,紧紧围绕…: DIRECTION), lists the year's works and goals; framed_works keeps
those with a figure and the named campaigns and titles a unit can deliver, not the guiding clauses (以…为指导,
坚持…总基调) and the slogans (争做…增长极).
"""

from __future__ import annotations

import re

from ...patterns import quick
from .commitments import (
    CLAUSE_SPLIT,
    DIGIT,
    FRAMING,
    is_commitment,
    spans_between,
    trim_clause,
)
from .goal_lists import SUBJECTLESS, goal_phrase

# an ambition in a slogan's words (争做…增长极, 争当排头兵): no work a unit can be tasked with
_SLOGAN = quick(
    r"^(?:争做|争当|勇当|勇做|当好|做好|争创)[^,;。]{0,20}?(?:增长极|排头兵|先行者|先行区|领头雁|主力军|桥头堡|"
    r"答卷人|模范生|优等生|样板间|标杆|示范生|火车头|主引擎|动力源|压舱石)$|"
    r"^(?:锚定|紧扣|围绕|立足|坚持|秉持|紧紧围绕)[^,;。]{0,40}?(?:定位|目标|思路|主线|总基调|战略|方针|理念|要求)$|"
    r"领导下$|^(?:高举|紧跟)|为抓手$|为主线$|为牵引$")
# what such a sentence lists that a unit can deliver: a campaign named in quotes (开展“实干年”主题活动) or a title to
# win (争创国家级经济技术开发区); its broad lines (加快构建新发展格局, 全面深化改革开放) are the year's direction
_CONCRETE = re.compile(r"“[^”]{2,60}”[\u4e00-\u9fff]{0,4}?(?:活动|行动|工程|计划|攻坚战|竞赛)|"
                       r"(?:争创|创建|创成|申创|申报|成功创建)[^,;。]{0,12}?(?:国家级|省级|国家|全国|全省)")
_FRAME_CLAUSE_MIN = 6  # a shorter clause of a requirements sentence is a slogan's fragment (走在前)


def framed_works(norm: str, start: int, end: int) -> list[tuple[int, int]]:
    """The works and goals listed after a requirements sentence's frame (总体要求是:), one per clause, without the
    guiding clauses (以…为指导, 坚持…总基调, 贯彻…精神) and the slogans (争做…增长极)."""
    out: list[tuple[int, int]] = []
    for a, b in spans_between(norm, CLAUSE_SPLIT, start, end):
        a, b = trim_clause(norm, a, b)
        while b > a and norm[b - 1] in "?!”\"":
            b -= 1
        clause = norm[a:b]
        if b - a < _FRAME_CLAUSE_MIN or FRAMING.search(clause) or _SLOGAN.search(clause):
            continue
        if out and SUBJECTLESS.match(norm, a) and out[-1][1] >= a - 2:
            out[-1] = (out[-1][0], b)
        elif (DIGIT.search(clause) and goal_phrase(norm, a, b)) or (
                _CONCRETE.search(clause) and is_commitment(clause)):
            out.append((a, b))
    return out


# A sentence giving the year's general requirements (今年政府工作的总体要求是:以…为指导,…,加快建设…,地区生产总值
# 增长6%): the frame words and guiding clauses are no tasks; the works and goals it lists after them are.
GENERAL_FRAME = re.compile(r"(?:总体要求|总体思路|工作思路|总的要求)(?:(?:是|为)[:,]?|[:,])")
FRAME_GOES_ON = re.compile("")  # …;坚持扩大内需、优化供给,…: the requirements go on after a semicolon
FRAME_HEAD_MAX = 40  # the frame words open the sentence
# The year's direction given without those words (报告指出,2023年,全乡要认真贯彻落实党的二十大精神,紧紧围绕…思路,
# 全力聚焦…定位,…): a sentence opening on carrying out a spirit or a decision is the general requirement in substance;
# as under 总体要求 only the goals with figures and the named campaigns it lists are tasks.
DIRECTION = re.compile(
    r"(?:[^,。;]{0,12}(?:指出|提出|强调|明确|要求|表示)[,:])?(?:(?:20\d\d|今|明)年,)?[^,。;]{0,10}?(?:要|将)?"
    r"(?:认真|深入|全面|坚决|始终|持续)?(?:学习)?(?:贯彻(?:落实)?|落实)[^,。;]{0,40}?"
    r"(?:精神|决策部署|重要讲话|重要指示|指示批示)[,;]")
