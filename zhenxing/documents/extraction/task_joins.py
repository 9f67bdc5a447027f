"""Pieces joined back across a comma: one task the clause cutting split in two.

A clause giving only the aim or the means of the work after it (聚焦首发经济,引进首店170家: aims_joined), a verbless
count of the same things as the piece before or the sum of the projects it counts (引进优质项目120个,一般项目500个:
objects_joined), and a short figureless direction opening the sentence with the figure that measures it
(优化农业种植结构,实施…示范创建4800亩: opening_joined) are each one task with their neighbour.
"""

from __future__ import annotations

import re

from .commitments import (
    DIGIT,
)

# A clause giving only what the work after it aims at or goes by (聚焦首发经济和品牌经济; 围绕全省增长6%的目标;
# 通过稳固第一产业、…) is no work of its own: it belongs to the clause after it.
_AIM_CLAUSE = re.compile(r"(?:(?:聚焦|瞄准|紧扣|紧盯|对标)[^,;。]{2,20}|围绕[^,;。]{2,30}(?:目标|任务|要求)"
                         r"|通过[^,;。]{2,40}"
                         # 在工业经济增长上,年内力争培育…: the field the work after it is in
                         r"|在[^,;。]{2,14}(?:上|方面)"
                         # 投资9530万元,实施…搬迁工程: the funds the work after it spends, no work of their own
                         r"|即?(?:计划|拟|总|共)?投资(?:约|达)?\d+(?:\.\d+)?(?:万|亿)元)[,]$")


def aims_joined(norm: str, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The pieces, a clause giving only the aim or the means of the next piece (the comma between) moved to it:
    the whole piece (围绕…目标,|确定…) or its last clause (推进…建设,聚焦首发经济,|引进首店…)."""
    joined: list[tuple[int, int]] = []
    carry = -1
    for k, (a, b) in enumerate(pieces):
        a = min(a, carry) if carry >= 0 else a
        carry = -1
        nxt = pieces[k + 1][0] if k + 1 < len(pieces) else -1
        if nxt >= 0 and not norm[b:nxt].strip(" ,"):
            comma = norm.rfind(",", a, nxt - 1)
            clause = comma + 1 if comma >= a else a
            if _AIM_CLAUSE.fullmatch(norm[clause:nxt].rstrip()):
                carry = clause
                if clause == a:
                    continue
                b = comma
        joined.append((a, b))
    return joined


_OPENING_MAX = 10  # a sentence's opening work this short, with no figure, is the one its next clause measures
# …a direction (优化/加强/完善… a structure, a system), not a named work (开展就业服务月活动 stays a task of its own)
_DIRECTION_OPENING = re.compile(r"(?:持续|不断|进一步|着力|全面)?(?:优化|调优|调整|加强|完善|健全|强化|提升|深化|促进)")


def opening_joined(norm: str, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The pieces, a short figureless direction opening the sentence (优化农业种植结构,) joined to the next piece
    when that one holds a figure (实施粮食作物…示范创建4800亩): the figure measures the opening direction."""
    if len(pieces) < 2:
        return pieces
    (a, b), (c, d) = pieces[0], pieces[1]
    if (b - a <= _OPENING_MAX and _DIRECTION_OPENING.match(norm, a, b) and not DIGIT.search(norm, a, b)
            and DIGIT.search(norm, c, d)
            and not norm[b:c].strip(" ,") and norm[c - 1:c] == ","):
        return [(a, d)] + pieces[2:]
    return pieces


# 引进优质项目120个,一般项目500个: the clause after a count of things drawn in or built, counting the same things
# with no verb of its own, counts more objects of the same verb (not a goal of its own)
_COUNTED_OBJECTS = re.compile(r"(?:全年|年内|今年)?(?:新)?(?:引进|招引|签约|培育|新建|建成|打造)[^,;。]{2,40}?"
                              r"(?P<head>[\u4e00-\u9fff]{2})\d+(?P<counter>[个家项所座])(?:以上)?")
_MORE_OBJECTS = re.compile(r"[^,;。]{2,30}?(?P<head>[\u4e00-\u9fff]{2})\d+(?P<counter>[个家项所座])(?:以上)?")
# 清单共包含项目2000个,…,项目年度计划投资1万亿元: the investment the projects counted before it sum to
_LIST_SUM = re.compile(r"(?:项目)?(?:总投资|年度计划投资|计划投资|年度投资)(?:约|达)?\d[^,;。]{0,10}")
_PROJECTS_COUNTED = re.compile(r"项目\d+(?:个|项)")
_OWN_VERB = re.compile(r"(?:全年|年内|今年)?(?:新|再|累计|力争)?(?:引进|招引|签约|培育|新建|建成|打造|新增|完成|实现|"
                       r"建设|推进|实施|开展|举办|达到|增长|改造|创建|认定|培训|提升|服务|帮扶|争取|落地)")


def objects_joined(norm: str, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The pieces, a verbless count of the same things as the piece before, or the sum of the projects it counts
    (the comma between), joined to it."""
    joined: list[tuple[int, int]] = []
    for a, b in pieces:
        if joined:
            pa, pb = joined[-1]
            first = _COUNTED_OBJECTS.fullmatch(norm[pa:pb].rstrip("。;"))
            more = _MORE_OBJECTS.fullmatch(norm[a:b].rstrip("。;")) if first else None
            if (more and more["head"] == first["head"] and more["counter"] == first["counter"]
                    and not norm[pb:a].strip(" ,") and not _OWN_VERB.match(norm, a, b)
                    or _LIST_SUM.fullmatch(norm[a:b].rstrip("。;")) and _PROJECTS_COUNTED.search(norm, pa, pb)
                    and not norm[pb:a].strip(" ,")):
                joined[-1] = (pa, b)
                continue
        joined.append((a, b))
    return joined
