"""How one commitment sentence is cut into tasks: one task per work, per goal, per named action.

cut_commitment takes a sentence of the plan part that commits to something and decides its pieces: the works and
goals after a frame (今年政府工作的总体要求是:以…为指导,…: task_frames), named actions (实施“七大行动”,即A行动、
B行动…: task_lists), a list of goals (主要预期目标是:A增长5%左右,…: goal_lists), an enumeration (一是…;二是…), or the
clauses of a plain commitment (task_items), past an announcement (重点做好六方面工作:) and the principles opening it.
The pieces are then joined where one task was cut in two (an aim and its work, one verb's objects: task_joins) and
cut where a sentence runs two together (a past meeting, shares reaching, deeds joined, named works).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .commitments import (
    FRAMING,
    ISSUED,
    METHOD_CLAUSE,
    SPIRIT,
    is_commitment,
    past_ordinal,
    past_principles,
    trim_clause,
)
from .departments import suggest_lead
from .goal_lists import (
    ANNOUNCED,
    deeds_joined,
    goal_clauses,
    named_works,
    pledged_targets,
    shares_reaching,
    works_only,
)
from .task_frames import DIRECTION, FRAME_GOES_ON, FRAME_HEAD_MAX, GENERAL_FRAME, framed_works
from .task_items import action_pieces, before_slogan, enumerated, list_part, units_apart, whole_item
from .task_joins import aims_joined, objects_joined, opening_joined
from .task_lists import (
    behind_items,
    counted_works,
    late_named,
    listed_actions,
    listed_work,
    named_items,
    sized_works,
    titled_items,
)
from .task_screen import past_meeting
from .unit_subjects import UnitTag


@dataclass(frozen=True)
class Cut:
    """The pieces of a commitment sentence and what the walk needs to know about them."""

    start: int  # where the sentence's content starts, past an announcement and its principles
    pieces: list[tuple[int, int]]  # one (start, end) per task, in norm
    goals: bool  # the pieces are a list of goals
    announced: bool  # that list was announced (主要预期目标是:) or goes on one that was
    pledged: set[int]  # the starts of targets pledged after the work they measure
    frame_open: bool  # the sentence gave the year's requirements and ended on a semicolon


def cut_commitment(norm: str, step, start: int, end: int, tag: UnitTag | None, rows, frame_goes_on: bool,
                   goals_until: int, list_announced: bool) -> Cut:
    """The tasks of the commitment norm[start:end] (a sentence of the walk, `step`): see the module's docstring.
    `frame_goes_on`: the sentence before gave the year's requirements and ended on a semicolon; `goals_until`: where
    the last sentence drafted as a list of goals ends (-1: none), `list_announced`: that list was announced."""
    general = GENERAL_FRAME.search(norm, start, min(end, start + FRAME_HEAD_MAX))
    framed = general or (
        DIRECTION.match(norm, start, end) if norm.find("贯彻", start, start + FRAME_HEAD_MAX) >= 0
        or norm.find("落实", start, start + FRAME_HEAD_MAX) >= 0 else None)
    if not framed and frame_goes_on and not step.opens_line:
        framed = FRAME_GOES_ON.match(norm, start)
    frame_open = bool(general or framed and frame_goes_on) and norm[step.span.end - 1] in ";；"
    behind = behind_items(norm, start, end) or late_named(norm, start, end)  # 未达到序时进度的任务分别是:A、B
    content = _after_announcement(norm, start, end)  # 重点做好六方面工作:坚持创新发展,…
    if content > start:
        content = past_ordinal(norm, content, end)  # …八项工作:一是着力构建现代产业体系;
    # 提出了2019年…主要预期目标:A增长9%,…,社会事业协调发展: the goals list was announced before the colon
    announced = content > start and bool(ANNOUNCED.search(norm, start, content))
    start = past_principles(norm, content, end)
    if tag and tag.start > start:  # 新增城镇就业1万人(牵头单位:市人社局): the task without its tag
        end = trim_clause(norm, start, tag.start)[1]
    body = norm[start:end]
    named = (named_items(norm, start, end) or titled_items(norm, start, end) or listed_actions(norm, start, end)
             or behind)
    pledged: set[int] = set()
    continued = goals_until >= 0 and not norm[goals_until:step.span.start].strip()
    # 主要预期目标是:A增长5%左右,…,努力跑赢全国;B增长8%以上,…,加快构建优势;C…: the announced list goes on past
    # its semicolons, and a remark between its goals (加快构建优势) is no goal and no reason to doubt the list
    announced = announced or continued and list_announced and norm[goals_until - 1] in ";；"
    counted = not (named or framed) and (counted_works(norm, step.span.start, start, end)
                                         or sized_works(norm, start, end, rows))
    goals = [] if named or framed or counted else goal_clauses(norm, start, end, announced, continued)
    if goals and not (announced or continued) and goals[0][0] == start and works_only(norm, goals) and len(
            {suggest_lead(norm[a:b], rows).lead for a, b in goals} - {""}) <= 1:
        # 新建产业园10个以上,新(扩)建蔬菜园区10个,打造示范区38个: counted works of one remit in one sentence, no list
        # of goals: one task (the scorer covers golds cut clause by clause by containment: corpus README, R48)
        goals = []
    items = [] if goals or named or framed else enumerated(norm, start, end)
    if framed:
        # 今年政府工作的总体要求是:以…为指导,…,加快建设…: the works and goals after the frame, one task each
        pieces = framed_works(norm, max(start, framed.end()), end)
    elif named:
        pieces = named  # 实施“七大行动”,即A行动、B行动…: one task per named action
    elif goals:
        pieces = goals
    elif items:
        pieces = items  # 一是着力构建现代产业体系;二是着力推动…: one task per work
    elif is_commitment(body):
        # …要求各级各方面全面提振…精气神,深入开展…行动: a call to spirit opening the sentence is no work
        spirit = SPIRIT.match(norm, start, end)
        pieces = action_pieces(norm, *trim_clause(norm, spirit.end(), end), rows) if spirit else action_pieces(
            norm, start, end, rows)
        split = [pledged_targets(norm, a, b) for a, b in pieces]
        pledged = {a for found in split for a, _ in found[1:]}  # targets after the work they measure
        pieces = [piece for found in split for piece in found]
    elif listed_work(norm, step.span.start, start, end):
        pieces = [trim_clause(norm, start, end)]  # …包括:A;丹阳天然气管道村村通工程;简渎河清淤工程(东段);
    else:
        pieces = before_slogan(norm, start, end)
    if pieces and not named and not framed and whole_item(norm, step, start, end) and not units_apart(
            norm, step, pieces, rows):
        # 01 新改扩建公办幼儿园11所,新增公办园学位2550个: one task; (7)新建…健身工程,新建…养老机构: two units' two
        pieces = [trim_clause(norm, start, end)]
    if pieces:
        pieces = [(m.end(), b) if m else (a, b) for a, b in pieces
                  for m in [METHOD_CLAUSE.match(norm, a, b)]]  # 持续创新办法、迭代打法,加强…: the work after it
        pieces = [(a, b) for a, b in pieces if b > a and norm[a:b].strip("。!;")]
        pieces = aims_joined(norm, pieces)  # 聚焦首发经济,引进首店170家: the aim and the work are one task
        pieces = objects_joined(norm, pieces)  # 引进优质项目120个,一般项目500个: one verb's objects
        pieces = opening_joined(norm, pieces)  # 优化农业种植结构,实施…示范4800亩: the work and its measure
        pieces = [(a, b) for a, b in pieces if not list_part(norm, step.span.start, a, b)
                  and not ISSUED.fullmatch(norm, a, b)]  # 某市近日印发《…方案》, 今年将…: the news part
        pieces = [piece for a, b in pieces for piece in past_meeting(norm, a, b)]
        pieces = [piece for a, b in pieces for piece in shares_reaching(norm, a, b)]
        pieces = [piece for a, b in pieces for piece in deeds_joined(norm, a, b, rows)]
        pieces = [piece for a, b in pieces for piece in named_works(norm, a, b, rows)]
    return Cut(start=start, pieces=pieces, goals=bool(goals), announced=announced, pledged=pledged,
               frame_open=frame_open)


# 这十件实事涉及住房、交通等领域,每一项都…,即投资9530万元,实施…: what the list covers, then its works after 即
_LIST_THAT_IS = re.compile(r"(?:实事|项目|工程)[^;。:]{0,80}?,即(?=[^,;。]{0,12}(?:投资|实施|建设|新建|改造|完成))")


def _after_announcement(norm: str, start: int, end: int) -> int:
    """Where the content starts in a sentence that announces it first (重点做好十个方面工作:推动…): after
    the colon when the words before it frame or announce."""
    colon = norm.find(":", start, end)
    if colon < 0:
        listed = _LIST_THAT_IS.search(norm, start, end)  # 这十件实事涉及…等领域,即投资…,实施…: the works after 即
        return listed.end() if listed else start
    if colon + 1 >= end:
        return start
    head = norm[start:colon + 1]
    announces = head.endswith(("工作:", "任务:", "包括:", "如下:", "分别是:", "主要有:", "具体是:", "实事:"))
    return colon + 1 if FRAMING.search(head) or ANNOUNCED.search(head) or announces else start
