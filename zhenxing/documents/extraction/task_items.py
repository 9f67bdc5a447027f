"""The shapes of a sentence's items: how a sentence that is not a list of goals is cut into tasks.

Named actions after 即/包括/: (实施“七大行动”,即A行动、B行动), a run of 《titles》, works counted 一是…二是…, the works
and goals after a requirements sentence's frame (总体要求是:…), the targets a progress notice lists as behind
schedule, and a long sentence cut where a new action starts (or a short one of two works different units lead).
A numbered line of one short sentence stays one task (as does a numbered line followed by its next sibling:
_next_sibling), and the parts of a key-project list already counted whole are none.  The requirements frame itself
(_GENERAL_FRAME, or the year's direction given as carrying out a spirit: _DIRECTION) is matched by the walk with the
patterns here.  Pieces joined back across a comma into one task: a clause giving only the aim or the means with the
work after it (_aims_joined), a verbless count with the count of the same things before it (_objects_joined), and a
short opening direction with the figure that measures it (_opening_joined).
"""

from __future__ import annotations

import re

from ...patterns import quick
from .commitments import (
    _ACTION,
    _CLAUSE_SPLIT,
    _DIGIT,
    _FRAMING,
    _LONG,
    _ORDINAL,
    _is_commitment,
    _spans_between,
    _trim_clause,
)
from .departments import suggest_lead
from .goal_lists import _ANNOUNCED, _CLAUSE_RUN, _GOAL_CLAUSE_MAX, _SUBJECTLESS, _goal_phrase
from .sentences import is_item
from .stance_progress import BEHIND_LIST

_PIECE_MIN = 16  # shorter pieces stay with the next one (扎实推进央地合作,加快…)
# 按照我区城市道路“四横六纵”的规划要求,加快推进…: the frame a work follows stays with the work
_FRAME_OF = re.compile(r"[^,;。]{0,8}?(?:按照|根据|依据|对照|围绕)[^,;。]*(?:要求|部署|规划|安排|目标|精神)")
_CLAUSE_ACTION = re.compile(
    r",(?=(?:全力|加快|加速|大力|积极|着力|扎实|稳步|全面|持续|深入|有序|力争|确保|进一步)?"
    r"(?:开工建设|实施|推进|推动|建设|建成|完成|开展|打造|培育|新建|改造|提升|落实|深化|强化|健全|完善|创建|"
    r"举办|引进|新增|开工|启动|抓好|做好|构建|扩大|优化|加强|组建|发展|支持|促进|巩固|整治|治理|招引|建立))"
)
_BARE_ITEM_MAX = 40  # a longer bare line may hold several goals
# A list of named actions after the word that opens it (实施“七大行动”,即A行动、B行动…; 重点实施三大工程,包括A工程、
# B工程; 重点实施:A行动、B行动): each named action is one task, the frame that counts them none.
_NAMES_OPEN = quick(r"(?:(?<![立随旋当])即(?![将时使便可])|包括|分别是|具体是|主要是)[:,]?|:")
_NAMED_HEAD = re.compile(
    r"(?:行动|工程|计划|攻坚战|战略|专项|提升年|建设年|攻坚年|三年行动|大会战|项目(?:\([^()]{1,6}\))?)(?:等)?$")
_NAME_SEP = re.compile(r"[、,]|以及|和(?=[\u4e00-\u9fff“]{2,}(?:行动|工程|计划|攻坚战|战略|专项)[等]?(?:[;。!]|$))")
_NAMED_ANY = re.compile(r"行动|工程|计划|攻坚战|战略|专项|提升年|建设年|攻坚年|大会战|项目")
_GROUP_END = re.compile(r"[;。!?]")
_NAME_MIN, _NAME_MAX = 3, 24  # 南川河支流莫家沟南侧甘家新村段生态修复项目
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


def _list_part(norm: str, sentence: int, a: int, b: int) -> bool:
    """Whether the piece norm[a:b] gives a part of a list already counted whole (a share, a class after 其中)."""
    if _PART_SHARE.search(norm, a, b):
        return True
    if not _PART_CLASS.match(norm, a, b):
        return False
    # the classes after it run on in the sentence, split at ;
    opens = min(sentence, max(norm.rfind("。", 0, a) + 1, norm.rfind("\n", 0, a) + 1))
    return "其中" in norm[opens:a + 3]


def _whole_item(norm: str, step, start: int, end: int) -> bool:
    """A numbered or bulleted line holding one short sentence is one task (as a decomposition lists it),
    unless it announces a list of goals (1.主要预期目标:…)."""
    if not (step.opens_line and not step.line_goes_on and end - start <= _LONG) or _ANNOUNCED.search(norm, start, end):
        return False
    line = norm[step.span.start:step.span.end]
    # 新建托幼一体化幼儿园50所,新增托位1. 6万个: a bare line of a digest's list is one item too
    return is_item(line) or (end - start <= _BARE_ITEM_MAX and line.rstrip()[-1:] not in "。;!?:")


def _enumerated(norm: str, start: int, end: int) -> list[tuple[int, int]]:
    """The works of a sentence that counts them (一是着力构建现代产业体系;二是着力推动…;三是…): one piece each, without
    its ordinal; [] unless there are two or more and each is a commitment."""
    marks = list(_ORDINAL.finditer(norm, start, end))
    if not marks:
        return []
    cuts = [(start, marks[0].start())] if marks[0].start() > start else []  # its own 一是 already taken off
    cuts += [(m.end(), nxt.start() if nxt else end) for m, nxt in zip(marks, marks[1:] + [None], strict=True)]
    pieces = [_trim_clause(norm, a, b) for a, b in cuts]
    return pieces if len(pieces) > 1 and all(b > a and _is_commitment(norm[a:b]) for a, b in pieces) else []


def _before_slogan(norm: str, start: int, end: int) -> list[tuple[int, int]]:
    """The commitments of a long sentence that closes on a slogan (…将全面加强政府自身建设,…,埋头苦干、奋勇前进):
    its pieces before the one holding the slogan; none when anything else makes it no commitment."""
    if end - start <= _LONG:
        return []
    pieces = _pieces(norm, start, end)
    slogan = _FRAMING.search(norm, start, end)
    if len(pieces) < 2 or slogan is None or slogan.start() < pieces[-1][0]:
        return []
    kept = pieces[:-1]
    return kept if all(_is_commitment(norm[a:b]) for a, b in kept) else []


def _pieces(norm: str, start: int, end: int, rows=None) -> list[tuple[int, int]]:
    """A long sentence cut before each comma that opens a new action; short pieces join the next.  A shorter
    sentence (given the keyword table `rows`) is cut there only between commitments that different units lead
    (加快高标准农田建设,推进国有企业改革): a commitment with its reach or its means (推进乡村振兴,新建高标准农田5万亩)
    names one unit's work and stays whole."""
    if end - start <= _LONG:
        return _by_lead(norm, start, end, rows) if rows is not None else [(start, end)]
    cuts = [m.start() for m in _CLAUSE_ACTION.finditer(norm, start, end)]
    pieces, a = [], start
    for c in cuts:
        if c - a >= _PIECE_MIN and end - c - 1 >= _PIECE_MIN and not _FRAME_OF.fullmatch(norm, a, c):
            pieces.append((a, c))
            a = c + 1
    if pieces and _SERVES.match(norm, a) and not _DIGIT.search(norm, a, end):
        # …,开展第二轮59家社区卫生服务站室标准化建设,促进更多医疗资源扩容下沉,让群众健康更有“医”靠: the last
        # clause says what the works are for, no work of its own
        a = pieces.pop()[0]
    pieces.append((a, end))
    return pieces


def _by_lead(norm: str, start: int, end: int, rows) -> list[tuple[int, int]]:
    """A short sentence of two works without a figure, each opening on an action and each led by another unit
    (加快高标准农田建设,推进国有企业改革): one piece each; any other sentence whole."""
    cuts = [m.start() for m in _CLAUSE_ACTION.finditer(norm, start, end)]
    if not cuts or _DIGIT.search(norm, start, end):
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


def _behind_items(norm: str, start: int, end: int) -> list[tuple[int, int]]:
    """The plan's targets a progress notice lists as behind schedule (未达到序时进度11项,为A完成投资80亿元、B覆盖率达
    80%、…): one piece each, [] unless there are two or more and each holds a figure."""
    behind = BEHIND_LIST.search(norm, start, end) if "进度" in norm[start:end] else None
    if not behind:
        return []
    pieces, a = [], behind.end()
    for m in re.finditer(r"、|$", norm[behind.end():end]):
        b = behind.end() + m.start()
        if b > a:
            pieces.append(_trim_clause(norm, a, b))
        a = b + 1
    return pieces if len(pieces) > 1 and all(_DIGIT.search(norm, a, b) for a, b in pieces) else []


def _named_items(norm: str, start: int, end: int) -> list[tuple[int, int]]:
    """The named actions a sentence lists after the word opening the list (即, 包括, a colon): one piece each
    (实施“七大行动”,即A行动、B行动、…), [] unless there are two or more and every one is named as an action,
    a project or a campaign (…行动, …工程, …计划, …攻坚战)."""
    if not _NAMED_ANY.search(norm, start, end):
        return []
    opens = [start] if start and norm[start - 1] == ":" else []  # 重点实施:A行动、B行动 (past its colon)
    for a in opens + [m.end() for m in _NAMES_OPEN.finditer(norm, start, end)]:
        stop = next((k for k in _ends(norm, a, end)), end)
        items = [_trim_name(norm, x, y) for x, y in _spans_between(norm, _NAME_SEP, a, stop)]
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


def _listed_actions(norm: str, start: int, end: int) -> list[tuple[int, int]]:
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


def _titled_items(norm: str, start: int, end: int) -> list[tuple[int, int]]:
    """A run of titles side by side, each naming a work (包括《城镇新增就业2000人以上》《建成幼儿园3所》…10个为民办实事
    方案): one piece per title, inside its marks; [] unless there are three or more and all but one name an action
    or a figure."""
    runs: list[list[tuple[int, int]]] = [[]]
    for m in re.finditer(r"《([^《》]{4,60})》", norm[start:end]):
        a, b = start + m.start(1), start + m.end(1)
        if runs[-1] and norm[runs[-1][-1][1] + 1:a - 1].strip("、, ") != "":
            runs.append([])
        runs[-1].append((a, b))
    best = max(runs, key=len)
    works = sum(bool(_ACTION.search(norm, a, b) or _DIGIT.search(norm, a, b)) for a, b in best)
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


def _framed_works(norm: str, start: int, end: int) -> list[tuple[int, int]]:
    """The works and goals listed after a requirements sentence's frame (总体要求是:), one per clause, without the
    guiding clauses (以…为指导, 坚持…总基调, 贯彻…精神) and the slogans (争做…增长极)."""
    out: list[tuple[int, int]] = []
    for a, b in _spans_between(norm, _CLAUSE_SPLIT, start, end):
        a, b = _trim_clause(norm, a, b)
        while b > a and norm[b - 1] in "?!”\"":
            b -= 1
        clause = norm[a:b]
        if b - a < _FRAME_CLAUSE_MIN or _FRAMING.search(clause) or _SLOGAN.search(clause):
            continue
        if out and _SUBJECTLESS.match(norm, a) and out[-1][1] >= a - 2:
            out[-1] = (out[-1][0], b)
        elif (_DIGIT.search(clause) and _goal_phrase(norm, a, b)) or (
                _CONCRETE.search(clause) and _is_commitment(clause)):
            out.append((a, b))
    return out


# a work named by its noun (…村村通工程, …续建工程, …清淤工程(东段), …托育与儿童健康管理, 2024年达标区建设项目)
_WORK_NAMED = re.compile(r"(?:工程|项目|建设|管理|改造|提升|重建)(?:[(（][^()（）]{1,20}[)）])?[;。]?$")
_COUNTED_MAX = 50
_LEAD_IN = re.compile(r"(?:(?:今年|全年|年内|明年|20\d\d年),?)?(?:我[市县区])?(?:将|要|计划|力争)?")
_VOLUME = re.compile(r"(?:全年|年内)?(?:完成|实现)(?:投资|年?产值|营收|销售|总投资)")
# …名单中包含实施类项目555个,准备类项目45个 (no 共: the list's total was given): its make-up
_MADE_OF = re.compile(r"[^,。;]{2,30}?(?:(?:项目|工程|学校|任务|实事)中[,:]|(?:名单|清单)中(?:包含|包括|有))")
# 3月29日,…重点工作新闻发布会召开,记者从发布会上了解到,为满足…; 县农业农村局组织召开全体干部职工大会,传达学习…:
# a story's account of the meeting it reports (and what the meeting was for), no work of a unit
_MEETING = r"(?:会议|大会|发布会|座谈会|推进会|部署会|调度会|动员会)"
_MEETING_HELD = re.compile(
    rf"(?:\d{{1,2}}月\d{{1,2}}日(?:上午|下午)?[,,]?)?(?:(?:[^,。;将拟要]{{0,30}}?(?:召开|举行)了?[^,。;]{{0,30}}?{_MEETING})"
    rf"|(?:[^,。;将拟要]{{0,40}}?{_MEETING}(?:在[^,。;]{{1,20}})?(?:召开|举行)))[,;。]")
PLANS_AFTER = re.compile(r"将|力争|计划|\d(?![\d.]*年)")


def _listed_work(norm: str, sentence: int, start: int, end: int) -> bool:
    """An item of a list of works separated by semicolons (…项目包括:新建A;B改造工程;C续建工程;南门桥拆除重建;) that
    names its work without a verb: a work of the plan like its neighbours."""
    if end - start > _GOAL_CLAUSE_MAX:
        return False
    if _announced_projects(norm, sentence):
        return True
    before = norm[:sentence].rstrip(" \t\u3000")
    if not (before.endswith((";", ":")) or norm[start:end].rstrip().endswith(";")):
        return False
    return bool(_WORK_NAMED.search(norm, start, end))


# 沅江市人民政府2023年民生实事项目:⏎1.中心城区水环境综合治理;⏎…⏎4.安全饮水提级扩能;: a numbered list a line naming
# projects announces; each item names a project, with or without a verb
_PROJECTS_ANNOUNCED = re.compile(r"(?:项目|实事|工程)[^\n:]{0,6}[:：]\s*$")
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
            return False
        end = start - 1
    return False


_LIST_LINES_MAX = 30


def _counted_works(norm: str, sentence: int, start: int, end: int) -> bool:
    """A counted item of a list of works (二是新改建农村公路180公里,完成村道安防工程100公里;) whose clauses each open on
    a deed: one item, one task, as the list counts it (not goals to split)."""
    if not _ORDINAL.match(norm, sentence) or end - start > _COUNTED_MAX:
        return False
    clauses = [m for m in _CLAUSE_RUN.finditer(norm, start, end) if m.group().strip()]
    # 新改建…: a deed whose verb is written after 新 (新改建, 新改扩建)
    return len(clauses) >= 2 and all(_ACTION.match(c) or c.startswith("新") and _ACTION.match(c, 1)
                                     for c in (m.group().strip() for m in clauses))


def _sized_works(norm: str, start: int, end: int, rows=None) -> bool:
    """A short sentence of a work and its volume (实施市级重大项目16个,完成投资60.3亿元以上): two clauses, the first
    opening on a deed, the second on what the same work completes (完成投资…, 实现产值…), and no unit apart for
    either: one work with its measure, one task (not two goals to split)."""
    if end - start > _COUNTED_MAX:
        return False
    clauses = [m.group().strip() for m in _CLAUSE_RUN.finditer(norm, start, end) if m.group().strip()]
    if len(clauses) != 2 or not _ACTION.match(clauses[0], _LEAD_IN.match(clauses[0]).end()) \
            or not _VOLUME.match(clauses[1]) \
            or not _DIGIT.search(clauses[1]):
        return False
    return len({suggest_lead(c, rows).lead for c in clauses} - {""}) <= 1


def _past_meeting(norm: str, a: int, b: int) -> list[tuple[int, int]]:
    """A piece opening on the meeting its story reports (…新闻发布会召开,记者从发布会上了解到,为满足…需求,市卫生健康委将
    新建…): from its first clause that plans (将, 力争, a figure) on, or nothing when none does."""
    held = _MEETING_HELD.match(norm, a, b)
    if held is None:
        return [(a, b)]
    plans = next((m.start() for m in _CLAUSE_RUN.finditer(norm, held.end(), b) if PLANS_AFTER.search(m.group())),
                 None)
    return [] if plans is None else [(plans, b)]


# A sentence giving the year's general requirements (今年政府工作的总体要求是:以…为指导,…,加快建设…,地区生产总值
# 增长6%): the frame words and guiding clauses are no tasks; the works and goals it lists after them are.
_GENERAL_FRAME = re.compile(r"(?:总体要求|总体思路|工作思路|总的要求)(?:(?:是|为)[:,]?|[:,])")
_FRAME_GOES_ON = re.compile("")  # …;坚持扩大内需、优化供给,…: the requirements go on after a semicolon
_FRAME_HEAD_MAX = 40  # the frame words open the sentence
# The year's direction given without those words (报告指出,2023年,全乡要认真贯彻落实党的二十大精神,紧紧围绕…思路,
# 全力聚焦…定位,…): a sentence opening on carrying out a spirit or a decision is the general requirement in substance;
# as under 总体要求 only the goals with figures and the named campaigns it lists are tasks.
_DIRECTION = re.compile(
    r"(?:[^,。;]{0,12}(?:指出|提出|强调|明确|要求|表示)[,:])?(?:(?:20\d\d|今|明)年,)?[^,。;]{0,10}?(?:要|将)?"
    r"(?:认真|深入|全面|坚决|始终|持续)?(?:学习)?(?:贯彻(?:落实)?|落实)[^,。;]{0,40}?"
    r"(?:精神|决策部署|重要讲话|重要指示|指示批示)[,;]")


# A clause giving only what the work after it aims at or goes by (聚焦首发经济和品牌经济; 围绕全省增长6%的目标;
# 通过稳固第一产业、…) is no work of its own: it belongs to the clause after it.
_AIM_CLAUSE = re.compile(r"(?:(?:聚焦|瞄准|紧扣|紧盯|对标)[^,;。]{2,20}|围绕[^,;。]{2,30}(?:目标|任务|要求)"
                         r"|通过[^,;。]{2,40})[,]$")


def _aims_joined(norm: str, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
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


def _opening_joined(norm: str, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The pieces, a short figureless direction opening the sentence (优化农业种植结构,) joined to the next piece
    when that one holds a figure (实施粮食作物…示范创建4800亩): the figure measures the opening direction."""
    if len(pieces) < 2:
        return pieces
    (a, b), (c, d) = pieces[0], pieces[1]
    if (b - a <= _OPENING_MAX and _DIRECTION_OPENING.match(norm, a, b) and not _DIGIT.search(norm, a, b)
            and _DIGIT.search(norm, c, d)
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


def _objects_joined(norm: str, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
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


_SIBLING = re.compile(r"\s*(\d{1,2})([.、．])(?!\d)")


def _next_sibling(norm: str, at: int, line_end: int) -> bool:
    """The line opening at `at` is numbered (2.) and the next line is its next sibling (3.), nothing between."""
    m = _SIBLING.match(norm, at, line_end)
    if not m:
        return False
    k = line_end
    while k < len(norm) and norm[k] in "\n \t\u3000":
        k += 1
    nxt = _SIBLING.match(norm, k)
    return bool(nxt) and int(nxt.group(1)) == int(m.group(1)) + 1 and nxt.group(2) == m.group(2)


# 一、千方百计扩大内需,…⏎大力提振消费,提高投资效益,…,不断增强发展内生动力。⏎加快重大项目建设。聚焦…: the one
# sentence between a part's title and its first labelled work ((一)市场准入。…, 加快重大项目建设。…) sums the part up,
# naming no work of its own (no figure, no named action); the works follow under their labels
_PART_TITLE_LINE = re.compile(
    r"\s*(?:[(（][一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}、)[^。;\n]{2,40}。?\s*")
_LABEL_OPENS = re.compile(r"\s*(?:[(（][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[.、])?[^,;。:\n]{2,14}。(?=\S)")
_NAMED_WORK = re.compile(r"行动|工程|计划|活动|项目")


def part_overview(norm: str, line_start: int, line_end: int) -> bool:
    """Whether the line norm[line_start:line_end] is a part's overview: one figureless sentence under the part's
    title line, above a line opening on a label sentence."""
    body = norm[line_start:line_end].strip()
    if (not body.endswith("。") or body.count("。") != 1 or _DIGIT.search(body) or _NAMED_WORK.search(body)):
        return False
    above = norm[:line_start].rstrip("\n").rsplit("\n", 1)[-1]
    below_start = len(norm) - len(norm[line_end:].lstrip("\n"))
    below_end = norm.find("\n", below_start)
    below = norm[below_start:below_end if below_end >= 0 else len(norm)]
    return bool(above and _PART_TITLE_LINE.fullmatch(above) and _LABEL_OPENS.match(below))


# 老旧小区及外立面改造。改造老旧小区涉及受益居民659户,项目计划6月中旬施工,9月末完工。 a line opening on a short
# label sentence that names the work, its explanation after it on the line
_LABEL_LINE = re.compile(r"[ \t\u3000]*(?P<label>[^。\n\d,;:(（]{4,18})。[^\n]{8,}")
# a longer line, or one of more clauses, is a paragraph of works under a topic (发挥投资关键作用。强化…)
_LABEL_LINE_MAX, _LABEL_CLAUSES_MAX = 100, 4
_LABEL_RUN_MIN = 3
_NUMBERED_LABEL = re.compile(r"\s*[一二三四五六七八九十]{1,3}、")


def label_lines(norm: str) -> list[tuple[int, int]]:
    """The lines of a list whose items each open on a short label sentence (建设农村饮水工程。积极对上争取…。
    预计…年底完成工程项目。): (label start, line end) per line, each line one item; [] unless three or more such lines
    follow one another."""
    found: list[tuple[int, int]] = []
    run: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n]+", norm):
        m = _LABEL_LINE.fullmatch(line.group())
        if (m and len(line.group().strip()) <= _LABEL_LINE_MAX and not _NUMBERED_LABEL.match(m.group("label"))
                and len(re.findall(r"[,;]", line.group())) <= _LABEL_CLAUSES_MAX):
            end = line.end() - (len(line.group()) - len(line.group().rstrip(" \t\u3000。")))
            run.append((line.start() + m.start("label"), end))
            continue
        if line.group().strip():
            found += run if len(run) >= _LABEL_RUN_MIN else []
            run = []
    return found + (run if len(run) >= _LABEL_RUN_MIN else [])


_APART_CONFIDENCE = 0.8  # a keyword this sure names a unit's own field


def _units_apart(norm: str, step, pieces: list[tuple[int, int]], rows=None) -> bool:
    """The pieces of a numbered item are works of different units' fields (新建…农民体育健身工程,新建、改造…养老机构),
    each named surely: one task each, not one whole item.  (A bare line of a digest's list stays whole: 新增托位…,
    新建幼儿园… names one build's places.)"""
    if len(pieces) < 2 or not is_item(norm[step.span.start:step.span.end]):
        return False
    leads = [suggest_lead(norm[a:b], rows) for a, b in pieces]
    return all(s.lead and s.confidence >= _APART_CONFIDENCE for s in leads) and len({s.lead for s in leads}) > 1
