"""Lists of named works inside a sentence: one task per named action, title, work or target behind schedule.

Named actions after 即/包括/: (实施“七大行动”,即A行动、B行动: named_items), the works a livelihood list names after
its own name (…民生实事项目具体包括实施A、开展B、…: listed_actions), a run of 《titles》 (titled_items), the targets a
progress notice lists as behind schedule (behind_items).  Other shapes keep a sentence one task: an item of a list
of works named without a verb (…项目包括:新建A;B改造工程;: listed_work), a counted item whose clauses each open on a
deed (二是新改建农村公路180公里,完成…: counted_works), a work with its volume (实施…项目16个,完成投资60.3亿元:
sized_works).
"""

from __future__ import annotations

import re

from ...patterns import quick
from .commitments import (
    ACTION,
    DIGIT,
    ORDINAL,
    spans_between,
    trim_clause,
)
from .departments import suggest_lead
from .goal_lists import CLAUSE_RUN, GOAL_CLAUSE_MAX
from .stance_progress import BEHIND_LIST

# A list of named actions after the word that opens it (实施“七大行动”,即A行动、B行动…; 重点实施三大工程,包括A工程、
# B工程; 重点实施:A行动、B行动): each named action is one task, the frame that counts them none.
_NAMES_OPEN = quick(r"(?:(?<![立随旋当])即(?![将时使便可])|包括|分别是|具体是|主要是)[:,]?|:")
_NAMED_HEAD = re.compile(
    r"(?:行动|工程|计划|攻坚战|战略|专项|提升年|建设年|攻坚年|三年行动|大会战|项目(?:\([^()]{1,6}\))?)(?:等)?$")
_NAME_SEP = re.compile(r"[、,]|以及|和(?=[\u4e00-\u9fff“]{2,}(?:行动|工程|计划|攻坚战|战略|专项)[等]?(?:[;。!]|$))")
_NAMED_ANY = re.compile(r"行动|工程|计划|攻坚战|战略|专项|提升年|建设年|攻坚年|大会战|项目")
_GROUP_END = re.compile(r"[;。!?]")
_NAME_MIN, _NAME_MAX = 3, 24  # 南川河支流莫家沟南侧甘家新村段生态修复项目


def behind_items(norm: str, start: int, end: int) -> list[tuple[int, int]]:
    """The plan's targets a progress notice lists as behind schedule (未达到序时进度11项,为A完成投资80亿元、B覆盖率达
    80%、…): one piece each, [] unless there are two or more and each holds a figure."""
    behind = BEHIND_LIST.search(norm, start, end) if "进度" in norm[start:end] else None
    if not behind:
        return []
    pieces, a = [], behind.end()
    for m in re.finditer(r"、|$", norm[behind.end():end]):
        b = behind.end() + m.start()
        if b > a:
            pieces.append(trim_clause(norm, a, b))
        a = b + 1
    return pieces if len(pieces) > 1 and all(DIGIT.search(norm, a, b) for a, b in pieces) else []


# 山前安置小区一期项目、妇幼保健院建设、…、实际利用外资等均未达序时: a notice's works behind schedule named before it
_LATE_AFTER = quick(r"等?(?:均|都|仍)?(?:未达(?:到)?序时(?:进度)?|进度(?:滞后|缓慢|偏慢)|滞后于?序时(?:进度)?)"
                    r"[。;,]?$")
_LATE_MIN = 2
_NAMES_JOINED = re.compile("、")


def late_named(norm: str, start: int, end: int) -> list[tuple[int, int]]:
    """The works a progress notice names before 等均未达序时 (or 进度滞后), one piece each: the year's tasks still
    to do (R43's 灌云), [] unless two or more are named."""
    late = _LATE_AFTER.search(norm, start, end)
    if not late:
        return []
    a = max([norm.rfind(ch, start, late.start()) for ch in ",:;。"] + [start - 1]) + 1
    items = [trim_clause(norm, x, y) for x, y in spans_between(norm, _NAMES_JOINED, a, late.start())]
    items = [(x, y) for x, y in items if y > x]
    return items if len(items) >= _LATE_MIN and all(_NAME_MIN - 1 <= y - x <= _NAME_MAX for x, y in items) else []


def named_items(norm: str, start: int, end: int) -> list[tuple[int, int]]:
    """The named actions a sentence lists after the word opening the list (即, 包括, a colon): one piece each
    (实施“七大行动”,即A行动、B行动、…), [] unless there are two or more and every one is named as an action,
    a project or a campaign (…行动, …工程, …计划, …攻坚战)."""
    if not _NAMED_ANY.search(norm, start, end):
        return []
    opens = [start] if start and norm[start - 1] == ":" else []  # 重点实施:A行动、B行动 (past its colon)
    for a in opens + [m.end() for m in _NAMES_OPEN.finditer(norm, start, end)]:
        stop = next((k for k in _ends(norm, a, end)), end)
        items = [_trim_name(norm, x, y) for x, y in spans_between(norm, _NAME_SEP, a, stop)]
        if len(items) >= 2 and all(_NAME_MIN <= y - x <= _NAME_MAX and _NAMED_HEAD.search(norm, x, y)
                                   for x, y in items):
            return items
    return []


# 2025年度十件民生实事项目具体包括实施A工程、开展B、…、完成C项目,建设完善一批城市公园、口袋公园: a list of works
# named by their actions after the list's own name; each item opens on an action verb (a 、 before a bare noun joins
# two objects of one item: 城市公园、口袋公园)
_LIST_OWNER = re.compile(r"(?:民生实事|为民办实事|实事|民生工程|重点工作|重点任务)(?:项目)?[^,;。:]{0,4}$")
_LIST_OPEN = quick(r"(?:具体)?(?:包括|包含|分别是|分别为|主要有)[:,]?")
_ITEM_VERB = re.compile(
    r"(?:加快|全面|持续|大力|深入|继续|积极|着力|进一步)?(?:实施|开展|推进|推动|建设|建成|完成|实现|提升|强化|"
    r"新建|改造|新增|打造|完善|加强|优化|落实|扩大|提高|改善|建立|健全|启动|整治|治理|办好|做好|免费|开通)")
_LISTED_MIN = 3


def listed_actions(norm: str, start: int, end: int) -> list[tuple[int, int]]:
    """The works a livelihood list names after its own name (…民生实事项目具体包括实施A、开展B、…,建设C): one piece
    each, [] unless there are three or more and every one opens on an action."""
    for m in _LIST_OPEN.finditer(norm, start, end):
        if not _LIST_OWNER.search(norm, start, m.start()):
            continue
        stop = next((k for k in _ends(norm, m.end(), end)), end)
        items, a = [], m.end()
        for sep in re.finditer(r"[、,]", norm[m.end():stop]):
            b = m.end() + sep.start()
            if _ITEM_VERB.match(norm, b + 1):
                items.append(_trim_name(norm, a, b))
                a = b + 1
        items.append(_trim_name(norm, a, stop))
        if len(items) >= _LISTED_MIN and all(_ITEM_VERB.match(norm, x) and y - x >= _NAME_MIN for x, y in items):
            return items
    return []


_TITLED_MIN = 3  # fewer titles side by side are a text's references (《政府工作报告》确定的…《通知》)
_TITLE = re.compile(r"《([^《》]{4,60})》")


def titled_items(norm: str, start: int, end: int) -> list[tuple[int, int]]:
    """A run of titles side by side, each naming a work (包括《城镇新增就业2000人以上》《建成幼儿园3所》…10个为民办实事
    方案): one piece per title, inside its marks; [] unless there are three or more and all but one name an action
    or a figure."""
    if norm.find("《", start, end) < 0:
        return []  # no title at all (most sentences)
    runs: list[list[tuple[int, int]]] = [[]]
    for m in _TITLE.finditer(norm[start:end]):
        a, b = start + m.start(1), start + m.end(1)
        if runs[-1] and norm[runs[-1][-1][1] + 1:a - 1].strip("、, ") != "":
            runs.append([])
        runs[-1].append((a, b))
    best = max(runs, key=len)
    works = sum(bool(ACTION.search(norm, a, b) or DIGIT.search(norm, a, b)) for a, b in best)
    if len(best) >= _TITLED_MIN and works >= len(best) - 1:  # 《对困难家庭子女普通高校入学资助》 among them
        return best
    return []


def _ends(norm: str, start: int, end: int) -> list[int]:
    """Where the clause groups of a sentence end (;。!?), and its end."""
    return [m.start() for m in _GROUP_END.finditer(norm, start, end)] + [end]


def _trim_name(norm: str, a: int, b: int) -> tuple[int, int]:
    """A named action without blanks, quotes and a closing 等."""
    while a < b and norm[a] in " \u3000“”\"'《":
        a += 1
    while b > a and norm[b - 1] in " \u3000“”\"'》。;!?等":
        b -= 1
    return a, b


# a work named by its noun (…村村通工程, …续建工程, …清淤工程(东段), …托育与儿童健康管理, 2024年达标区建设项目)
_WORK_NAMED = re.compile(r"(?:工程|项目|建设|管理|改造|提升|重建)(?:[(（][^()（）]{1,20}[)）])?[;。]?$")
_COUNTED_MAX = 50
_LEAD_IN = re.compile(r"(?:(?:今年|全年|年内|明年|20\d\d年),?)?(?:我[市县区])?(?:将|要|计划|力争)?")
_VOLUME = re.compile(r"(?:全年|年内)?(?:完成|实现)(?:投资|年?产值|营收|销售|总投资)")


def listed_work(norm: str, sentence: int, start: int, end: int) -> bool:
    """An item of a list of works separated by semicolons (…项目包括:新建A;B改造工程;C续建工程;南门桥拆除重建;) that
    names its work without a verb: a work of the plan like its neighbours."""
    if end - start > GOAL_CLAUSE_MAX:
        return False
    if _announced_projects(norm, sentence):
        return True
    k = sentence  # the text before the sentence, past its blanks (without copying it)
    while k > 0 and norm[k - 1] in " \t\u3000":
        k -= 1
    if not ((k > 0 and norm[k - 1] in ";:") or norm[start:end].rstrip().endswith(";")):
        return False
    return bool(_WORK_NAMED.search(norm, start, end))


# 沅江市人民政府2023年民生实事项目:⏎1.中心城区水环境综合治理;⏎…⏎4.安全饮水提级扩能;: a numbered list a line naming
# projects announces; each item names a project, with or without a verb
_PROJECTS_ANNOUNCED = re.compile(r"(?:项目|实事|工程)[^\n:]{0,6}[:：]\s*$")
# a post cut into short lines may announce them without a colon (8个项目被确定⏎为2025年民生实事项目⏎1.…)
_PROJECTS_LINE = re.compile(r"[^\n:]{0,20}(?:项目|实事)\s*$")
_NUMBERED_LINE = re.compile(r"\s*\d{1,2}[.、．]\s*[^\n]{2,40}$")


def _announced_projects(norm: str, sentence: int) -> bool:
    """The item at `sentence` is a numbered line of a list whose announcing line names projects (…民生实事项目:)."""
    line_start = norm.rfind("\n", 0, sentence) + 1
    line_end = norm.find("\n", sentence)
    if not _NUMBERED_LINE.match(norm[line_start:len(norm) if line_end < 0 else line_end]):
        return False
    end = line_start - 1
    for _ in range(_LIST_LINES_MAX):
        if end <= 0:
            return False
        start = norm.rfind("\n", 0, end) + 1
        line = norm[start:end]
        if _PROJECTS_ANNOUNCED.search(line):
            return True
        if not _NUMBERED_LINE.match(line):
            return bool(_PROJECTS_LINE.fullmatch(line))  # the line just above the first item
        end = start - 1
    return False


_LIST_LINES_MAX = 30


def counted_works(norm: str, sentence: int, start: int, end: int) -> bool:
    """A counted item of a list of works (二是新改建农村公路180公里,完成村道安防工程100公里;) whose clauses each open on
    a deed: one item, one task, as the list counts it (not goals to split)."""
    if not ORDINAL.match(norm, sentence) or end - start > _COUNTED_MAX:
        return False
    clauses = [m for m in CLAUSE_RUN.finditer(norm, start, end) if m.group().strip()]
    # 新改建…: a deed whose verb is written after 新 (新改建, 新改扩建)
    return len(clauses) >= 2 and all(ACTION.match(c) or c.startswith("新") and ACTION.match(c, 1)
                                     for c in (m.group().strip() for m in clauses))


def sized_works(norm: str, start: int, end: int, rows=None) -> bool:
    """A short sentence of a work and its volume (实施市级重大项目16个,完成投资60.3亿元以上): two clauses, the first
    opening on a deed, the second on what the same work completes (完成投资…, 实现产值…), and no unit apart for
    either: one work with its measure, one task (not two goals to split)."""
    if end - start > _COUNTED_MAX:
        return False
    clauses = [m.group().strip() for m in CLAUSE_RUN.finditer(norm, start, end) if m.group().strip()]
    if len(clauses) != 2 or not ACTION.match(clauses[0], _LEAD_IN.match(clauses[0]).end()) \
            or not _VOLUME.match(clauses[1]) \
            or not DIGIT.search(clauses[1]):
        return False
    return len({suggest_lead(c, rows).lead for c in clauses} - {""}) <= 1
