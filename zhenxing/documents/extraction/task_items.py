"""The clauses of a plain commitment: where a sentence that is no list is cut into tasks, and where it stays whole.

A long sentence is cut before each comma that opens a new action (action_pieces; short pieces join the next, a
closing clause saying what the works are for joins the last); a shorter one only between two works different units
lead (加快高标准农田建设,推进国有企业改革).  Works counted 一是…二是… are one piece each (enumerated); a long
sentence closing on a slogan keeps its pieces before it (before_slogan).  A numbered line of one short sentence
stays one task (whole_item) unless its pieces are works of different units' fields, each named surely
(units_apart); the parts of a key-project list already counted whole are none (list_part).  Lists of named works
are task_lists', the requirements frame task_frames', pieces joined back across a comma task_joins'.
"""

from __future__ import annotations

import re

from ...patterns import quick
from .commitments import (
    DIGIT,
    FRAMING,
    JUDGED,
    LONG,
    ORDINAL,
    is_commitment,
    trim_clause,
)
from .departments import suggest_lead
from .goal_lists import ANNOUNCED
from .sentences import is_item

_PIECE_MIN = 16  # shorter pieces stay with the next one (扎实推进央地合作,加快…)
# 按照我区城市道路“四横六纵”的规划要求,加快推进…: the frame a work follows stays with the work
_FRAME_OF = re.compile(r"[^,;。]{0,8}?(?:按照|根据|依据|对照|围绕)[^,;。]*(?:要求|部署|规划|安排|目标|精神)"
                       r"|[^,;。]*的同时")  # 在抓好8个示范村的同时,每个乡镇建设…: what is done alongside the work
_CLAUSE_ACTION = re.compile(
    r",(?=(?:全力|加快|加速|大力|积极|着力|扎实|稳步|全面|持续|深入|有序|力争|确保|进一步)?"
    r"(?:开工建设|实施|推进|推动|建设|建成|完成|开展|打造|培育|新建|改造|提升|落实|深化|强化|健全|完善|创建|"
    r"举办|引进|新增|开工|启动|抓好|做好|构建|扩大|优化|加强|组建|发展|支持|促进|巩固|整治|治理|招引|建立))"
)
_BARE_ITEM_MAX = 40  # a longer bare line may hold several goals
_SHORT_PIECE_MIN = 6  # a clause of a short sentence split off as its own task is no shorter
# two works of a sentence split by their units are each a verb and its object (加快高标准农田建设); a longer clause
# after the first (强化公园城市设计指引,提速推动…标准研制) mostly carries the same work on, as gold drafts it
_SHORT_CLAUSE_MAX = 16
# a clause saying what the work before it is for or whom it reaches (促进…, 带动…, 让群众…): no work of its own
# (…铺设污水管网348米,进一步提升雨污水收集排放能力,惠及…: what a built work brings is no work of its own either)
_SERVES = re.compile(r"(?:进一步|有效|更好)?(?:促进|带动|助力|助推)|(?:进一步|有效|可?大大)(?:提升|提高|改善|增强)")
_PURPOSE = quick(r"(?:进一步|有效|全面)?(?:促进|带动|助力|助推|确保|力争|推动形成|覆盖|惠及|让|使|为|以|实现)")


# A key-project list told by its parts: a class's share of the whole (共安排“四化”项目2648个、占79.12%; 年度计划投资
# 4974.69亿元、占77.14%) or, after 其中, a class with its count and planned investment (新型工业化项目945个,年度计划
# 投资1921.59亿元,包括…) — the list's make-up, restating the whole that was drafted once.
_PART_SHARE = re.compile(r"(?:个|项|亿元|万元)、占\d+(?:\.\d+)?%")
_PART_CLASS = re.compile(
    r"(?:其中[,:])?[^,;。、:]{2,16}项目\d+个,(?:总投资\d+(?:\.\d+)?亿元,)?(?:年度)?计划投资\d+(?:\.\d+)?亿元")


def list_part(norm: str, sentence: int, a: int, b: int) -> bool:
    """Whether the piece norm[a:b] gives a part of a list already counted whole (a share, a class after 其中)."""
    if _PART_SHARE.search(norm, a, b):
        return True
    if not _PART_CLASS.match(norm, a, b):
        return False
    # the classes after it run on in the sentence, split at ;
    opens = min(sentence, max(norm.rfind("。", 0, a) + 1, norm.rfind("\n", 0, a) + 1))
    return "其中" in norm[opens:a + 3]


def whole_item(norm: str, step, start: int, end: int) -> bool:
    """A numbered or bulleted line holding one short sentence is one task (as a decomposition lists it),
    unless it announces a list of goals (1.主要预期目标:…)."""
    if not (step.opens_line and not step.line_goes_on and end - start <= LONG) or ANNOUNCED.search(norm, start, end):
        return False
    line = norm[step.span.start:step.span.end]
    # 新建托幼一体化幼儿园50所,新增托位1. 6万个: a bare line of a digest's list is one item too
    return is_item(line) or (end - start <= _BARE_ITEM_MAX and line.rstrip()[-1:] not in "。;!?:")


def enumerated(norm: str, start: int, end: int) -> list[tuple[int, int]]:
    """The works of a sentence that counts them (一是着力构建现代产业体系;二是着力推动…;三是…): one piece each, without
    its ordinal; [] unless there are two or more and each is a commitment."""
    marks = list(ORDINAL.finditer(norm, start, end))
    if not marks:
        return []
    cuts = [(start, marks[0].start())] if marks[0].start() > start else []  # its own 一是 already taken off
    cuts += [(m.end(), nxt.start() if nxt else end) for m, nxt in zip(marks, marks[1:] + [None], strict=True)]
    pieces = [trim_clause(norm, a, b) for a, b in cuts]
    return pieces if len(pieces) > 1 and all(b > a and is_commitment(norm[a:b]) for a, b in pieces) else []


def before_slogan(norm: str, start: int, end: int) -> list[tuple[int, int]]:
    """The commitments of a long sentence that closes on a slogan (…将全面加强政府自身建设,…,埋头苦干、奋勇前进):
    its pieces before the one holding the slogan; none when anything else makes it no commitment."""
    if end - start <= LONG or JUDGED.search(norm, start, end):
        return []  # …推动…增长——这足以显示…: the reporter's judgement of all that came before it
    pieces = action_pieces(norm, start, end)
    slogan = FRAMING.search(norm, start, end)
    if len(pieces) < 2 or slogan is None or slogan.start() < pieces[-1][0]:
        return []
    kept = pieces[:-1]
    return kept if all(is_commitment(norm[a:b]) for a, b in kept) else []


def action_pieces(norm: str, start: int, end: int, rows=None) -> list[tuple[int, int]]:
    """A long sentence cut before each comma that opens a new action; short pieces join the next.  A shorter
    sentence (given the keyword table `rows`) is cut there only between commitments that different units lead
    (加快高标准农田建设,推进国有企业改革): a commitment with its reach or its means (推进乡村振兴,新建高标准农田5万亩)
    names one unit's work and stays whole."""
    if end - start <= LONG:
        return _by_lead(norm, start, end, rows) if rows is not None else [(start, end)]
    cuts = [m.start() for m in _CLAUSE_ACTION.finditer(norm, start, end)]
    pieces, a = [], start
    for c in cuts:
        if c - a >= _PIECE_MIN and end - c - 1 >= _PIECE_MIN and not _FRAME_OF.fullmatch(norm, a, c):
            pieces.append((a, c))
            a = c + 1
    if pieces and _SERVES.match(norm, a) and not DIGIT.search(norm, a, end):
        # …,开展第二轮59家社区卫生服务站室标准化建设,促进更多医疗资源扩容下沉,让群众健康更有“医”靠: the last
        # clause says what the works are for, no work of its own
        a = pieces.pop()[0]
    pieces.append((a, end))
    return pieces


def _by_lead(norm: str, start: int, end: int, rows) -> list[tuple[int, int]]:
    """A short sentence of two works without a figure, each opening on an action and each led by another unit
    (加快高标准农田建设,推进国有企业改革): one piece each; any other sentence whole."""
    cuts = [m.start() for m in _CLAUSE_ACTION.finditer(norm, start, end)]
    if not cuts or DIGIT.search(norm, start, end):
        return [(start, end)]  # 扩大住房公积金覆盖面,新增缴存职工72万人: the figure measures the work before it
    clauses, a = [], start
    for c in cuts:
        if c - a >= _SHORT_PIECE_MIN and end - c - 1 >= _SHORT_PIECE_MIN:
            clauses.append((a, c))
            a = c + 1
    clauses.append((a, end))
    if (len(clauses) != 2 or _PURPOSE.match(norm, clauses[1][0])
            or any(b - a > _SHORT_CLAUSE_MAX for a, b in clauses)):
        return [(start, end)]  # 实施…工程,促进劳动者增技增收: the work and what it is for
    leads = [suggest_lead(norm[a:b], rows).lead for a, b in clauses]
    return clauses if all(leads) and leads[0] != leads[1] else [(start, end)]


_APART_CONFIDENCE = 0.8  # a keyword this sure names a unit's own field


def units_apart(norm: str, step, pieces: list[tuple[int, int]], rows=None) -> bool:
    """The pieces of a numbered item are works of different units' fields (新建…农民体育健身工程,新建、改造…养老机构),
    each named surely: one task each, not one whole item.  (A bare line of a digest's list stays whole: 新增托位…,
    新建幼儿园… names one build's places.)"""
    if len(pieces) < 2 or not is_item(norm[step.span.start:step.span.end]):
        return False
    leads = [suggest_lead(norm[a:b], rows) for a, b in pieces]
    return all(s.lead and s.confidence >= _APART_CONFIDENCE for s in leads) and len({s.lead for s in leads}) > 1
