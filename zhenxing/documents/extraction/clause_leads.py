"""One lead per draft: a sentence of works of different remits is one draft per remit.

A sentence often holds several works, each a full commitment with its own verb and object (深化农村“三块地”改革,
有序开展集体经营性建设用地入市试点; 落实建筑垃圾闭环管理,推进入河排污口排查整改).  A draft has one lead unit, so when
the works belong to different units' remits, each named surely by its own words, the sentence is cut into one draft
per run of works of one remit, each led as its own words say (clause_works); where the works share one remit
(推进学前教育优质普惠发展,新改扩建公办幼儿园45所) the sentence stays one draft, as the corpus gold keeps it.

Not a work of its own, so it carries the work before it on: a clause saying what the work is for (促进…, 让…), whom
it reaches (惠及…), what it brings or improves (可大大改善…, 提高…生产能力), one done alongside it (同步建成充电桩…),
a clause naming no unit's field surely, and a work naming the same thing as the work before it (健全耕地…机制,
完成耕地修复1万亩; 培育林下经济,发展…林下养殖等产业).  A short figureless direction opening the sentence goes with
the counted works after it (严守耕地红线,…播种面积稳定在…以上).  A sentence whose works come back to the remit they
opened on (完善重大项目策划机制,争取专项债券,扩大有效投资) is that remit's one work, the works between its means.
by_remit applies it to the drafts of a sentence's pieces: only a draft naming partners can hold another unit's work.
"""

from __future__ import annotations

import re

from .commitments import CLAUSE_SPLIT, DIGIT, spans_between, trim_clause
from .departments import Suggestion, suggest_lead
from .goal_lists import OUTCOME, goal_phrase
from .keyword_index import index_of
from .sentences import is_item
from .unit_subjects import TAG_HINT

# a clause opening a work: who plans and when (2023年河北要…), manner words, then an action verb
_OPENING = r"(?:[^,;。:]{0,12}?(?:将|要|拟|计划))?"
_WHO_WHEN = re.compile(_OPENING)
_MANNER = (r"(?:全年|年内|今年|全力|加快|加速|大力|积极|着力|扎实|稳步|全面|持续|深入|有序|力争|确保|进一步|继续|切实|"
           r"重点|统筹|因地制宜|高标准|高质量|精准|协同|不断|努力|坚决|严格|认真|主动|逐步|优先)*")
_VERBS = (r"开工建设|实施|推进|推动|建设|建成|完成|开展|打造|培育|新建|改造|提升|落实|深化|强化|健全|完善|"
          r"创建|举办|引进|新增|开工|启动|抓好|做好|构建|扩大|优化|加强|组建|发展|支持|巩固|整治|治理|招引|建立|"
          r"改善|实现|提高|争取|严守|守牢|落地|设立|开设|开行|开通|新改建|改扩建|新改扩建|规划建设|保障|推广|"
          r"选派|招募|派遣|培训|发放|安装|铺设|修复|创成|争创|承接|鼓励|动工建设|认定|签约|引导|推行|编制|规范|守住")
_WORK_VERB = re.compile(_OPENING + _MANNER + f"新?(?:{_VERBS})")
# a clause saying what the work before it is for, whom it reaches, what it brings, or one done alongside it
_CARRIES_ON = re.compile(
    r"(?:进一步|有效|更好|全面|不断|切实)?(?:促进|带动|助力|助推|惠及|覆盖|让|使|为|以|形成|筑牢|厚植|夯实|"
    r"激发|释放|增强|缓解|满足|服务|辐射|打通|推动形成|努力|争当|争做|展示|彰显|同步|配套|同时|相应)")
# …,提升县域旅游知名度与影响力; …,稳步提高粮食和油料生产能力: what the work before it improves, no figure
_AIM = re.compile(_MANNER + r"(?:提升|提高|改善|增强)[^,;。\d]{2,24}?"
                  r"(?:水平|能力|效益|效能|质量|品质|知名度|影响力|竞争力|活力|环境|条件|体验|满意度|获得感|幸福感|"
                  r"安全感|能级|层次)[。;!]?$")
# words any two works may share without naming the same thing: verbs, manner, places, generic heads and attributes
_GENERIC = frozenset(
    re.findall(r"[\u4e00-\u9fff]{2}", _VERBS.replace("|", " ") + " " + _MANNER.replace("|", " "))
    + re.findall(r"[\u4e00-\u9fff]{2}",
                 "项目 工程 工作 行动 体系 机制 制度 改革 服务 设施 基础 体制 政策 措施 任务 建设 发展 提升 质量 水平 "
                 "能力 重点 一批 以上 左右 全市 全县 全区 全省 全州 全旗 城市 城镇 城乡 农村 乡村 企业 产业 经济 社会 "
                 "公共 综合 示范 试点 平台 中心 区域 地区 国家 省级 市级 县级 高质 新型 现代 管理 保障 规划 标准 主体 "
                 "专项 生活"))
_WORK_MIN = 6  # a shorter clause is a fragment (防重症)
# 完善农村消防基础设施,完成超230个…给水管网建设; 严守耕地红线,青稞播种面积稳定在230万亩以上: a short figureless
# direction opening the sentence (to improve, strengthen or hold a line, not a deed like 建设…中心) is what the counted
# works after it carry out or measure, no work of its own (as task_items._opening_joined reads it)
_DIRECTION = re.compile(r"(?:持续|不断|进一步|着力|全面|坚决|严格|加快|大力|积极)?"
                        r"(?:优化|调优|调整|加强|完善|健全|强化|提升|深化|促进|推进|推动|严守|守住|守牢|坚守)")
_OPENING_MAX = 10
_SURE = 0.85  # a keyword this sure names a unit's own field


def clause_works(norm: str, a: int, b: int, rows=None, until: int | None = None) -> list[tuple[int, int]]:
    """The piece norm[a:b], cut into runs of works that different units lead (one piece per run); the piece whole
    when its works share one remit, or when no two works name different units' fields surely.  `until`: where the
    sentence holding the piece ends, so that works after the piece coming back to its first remit keep it whole."""
    starts = _clause_starts(norm, a, b)
    works = [k for k, (x, y) in enumerate(zip(starts, starts[1:] + [b + 1], strict=True))
             if _WORK_VERB.match(norm, x) is not None or goal_phrase(norm, x, y - 1)]
    if len(works) < 2:
        return [(a, b)]  # (one work, or none: nothing to cut)
    index = index_of(rows)
    named = _fields_named(norm, a, b, index)
    if len({named[k] for k in works if k in named}) < 2:
        return [(a, b)]  # (most sentences' works name one unit's field, or none: no need to read them one by one)
    known: dict[tuple[int, int], Suggestion] = {}

    def told(x: int, y: int) -> Suggestion:
        if (x, y) not in known:
            known[x, y] = suggest_lead(norm[x:y], index)
        return known[x, y]

    runs = _runs(norm, a, b, told, named)
    if len(runs) < 2:
        return [(a, b)]
    if any(lead == runs[0][2] for _, _, lead, _ in runs[2:]) or (
            until and until > b and _next_remit(norm, b, until, told) == runs[0][2]):
        return [(a, b)]  # …,推行绩效工资分配改革,优化中小学教师配置: back to the remit the sentence opened on
    cut = [(x, y) for x, y, _, _ in runs]
    cut[0] = (a, cut[0][1])
    if not norm[cut[-1][1]:b].strip("。;,!? "):
        cut[-1] = (cut[-1][0], b)
    return cut


def _clause_starts(norm: str, a: int, b: int) -> list[int]:
    """Where the clauses of norm[a:b] start (past the comma or semicolon before them)."""
    return [a] + [m.end() for m in CLAUSE_SPLIT.finditer(norm, a, b)]


def _fields_named(norm: str, a: int, b: int, index) -> dict[int, str]:
    """Clause number → the unit of its longest full keyword, for the clauses of norm[a:b] that name a unit's field."""
    piece = norm[a:b]
    ends = [m.start() for m in CLAUSE_SPLIT.finditer(piece)]
    best: dict[int, tuple[int, str]] = {}
    for at, keyword in index.hits(piece):
        units = [unit for unit, weight in index.units[keyword] if weight >= 1]
        k = sum(e < at for e in ends)
        if units and len(keyword) > best.get(k, (0, ""))[0]:
            best[k] = (len(keyword), units[0])
    return {k: unit for k, (_, unit) in best.items()}


def _is_work(norm: str, x: int, y: int, first: bool) -> bool:
    """Whether the clause norm[x:y] is a work of its own (not what the work before it is for, brings or improves)."""
    clause = norm[x:y]
    return (y - x >= _WORK_MIN and not _CARRIES_ON.match(clause) and not OUTCOME.match(clause)
            and not (not first and _AIM.match(clause))
            # 农村生活污水治理管控率达20%以上: a goal of its own subject is a work too
            and (_WORK_VERB.match(clause) is not None or goal_phrase(norm, x, y)))


def _next_remit(norm: str, b: int, until: int, told) -> str:
    """The unit whose field the first work after norm[b] surely names, in the rest of its sentence (or "")."""
    for x, y in (trim_clause(norm, x, y) for x, y in spans_between(norm, CLAUSE_SPLIT, b, until)):
        if y > x and _is_work(norm, x, y, False):
            found = told(x, y)
            if found.lead and found.confidence >= _SURE:
                return found.lead
    return ""


def _runs(norm: str, a: int, b: int, told, fields: dict[int, str]) -> list[tuple[int, int, str, set[str]]]:
    """(start, end, lead, words) per run of works one unit leads in norm[a:b]; a run's lead is "" when unsure.
    `fields`: the clauses (by number) that name a unit's field by a full keyword; no other clause is led surely."""
    clauses = [(k, *trim_clause(norm, x, y)) for k, (x, y) in enumerate(spans_between(norm, CLAUSE_SPLIT, a, b))]
    clauses = [(k, x, y) for k, x, y in clauses if y > x]
    runs: list[list] = []  # [start, end, lead, words]
    lead_in = -1  # a clause before the first work (具体来看, 报告提出): it goes with the first work
    opening: set[str] = set()  # what the clauses before the first work name
    first_work = a
    for k, x, y in clauses:
        named = _words(norm[x:y])
        if not _is_work(norm, x, y, not runs):
            if runs:
                runs[-1][1] = y
                runs[-1][3] |= named
            else:
                lead_in = x if lead_in < 0 else lead_in
                opening |= named
            continue
        if runs and runs[-1][2] and fields.get(k, runs[-1][2]) == runs[-1][2]:
            runs[-1][1] = y  # (naming the run's field or none: it carries the run on, sure or not)
            runs[-1][3] |= named
            continue
        found = told(x, y) if k in fields else None
        lead = found.lead if found and found.lead and found.confidence >= _SURE else ""
        if runs and (not lead or not runs[-1][2] or lead == runs[-1][2] or named & runs[-1][3]):
            runs[-1][1] = y
            runs[-1][2] = runs[-1][2] or lead
            runs[-1][3] |= named
            continue
        if not runs:
            first_work = x
        runs.append([lead_in if lead_in >= 0 and not runs else x, y, lead, named | (opening if not runs else set())])
    opens = _WHO_WHEN.match(norm, first_work).end()  # (今年,全县将|严守耕地红线)
    if (len(runs) >= 2 and runs[0][1] - opens <= _OPENING_MAX and _DIRECTION.match(norm, opens)
            and not DIGIT.search(norm, opens, runs[0][1]) and DIGIT.search(norm, runs[1][0], runs[1][1])):
        runs[1][0] = runs[0][0]  # 严守耕地红线,青稞播种面积稳定在…: the opening goes with the works that measure it
        runs[1][3] |= runs[0][3]
        del runs[0]
    if len(runs) < 2:
        return [(x, y, lead, named) for x, y, lead, named in runs]
    # each run led as its own words say (its first sure work's unit when they are unsure); a run naming again what
    # the run before it named (…,清水海、凤龙湾水库争创市级绿美河湖) or led by the same unit carries it on
    merged: list[list] = []
    for x, y, lead, named in runs:
        found = told(x, y)
        lead = found.lead if found.lead and found.confidence >= _SURE else lead
        if merged and (lead == merged[-1][2] or found.lead == merged[-1][4] or named & merged[-1][3]):
            merged[-1][1] = y
            merged[-1][3] |= named
            merged[-1][4] = told(merged[-1][0], y).lead
            continue
        merged.append([x, y, lead, set(named), found.lead])
    return [(x, y, lead, named) for x, y, lead, named, _ in merged]


def _words(clause: str) -> set[str]:
    """The two-character words of a clause that may name a thing (not a verb, a manner, a place or a generic head)."""
    return {clause[k:k + 2] for k in range(len(clause) - 1)
            if "\u4e00" <= clause[k] <= "\u9fff" and "\u4e00" <= clause[k + 1] <= "\u9fff"} - _GENERIC


_MIXED = 0.9  # a lead this sure (or one the text names, 0.95) leaves no other unit a work of its own


def by_remit(norm: str, pieces: list[tuple[int, int]], draft, rows=None) -> list:
    """The drafts of a sentence's pieces, (start, end, draft) each (`draft(start, end)` drafts a piece), a piece
    holding works of different remits drafted once per remit.  Only a draft naming partners can hold another unit's
    work; one whose unit the text names is that unit's, and a bare line of a list (新建幼儿园8所,新增托位2400个) is
    one item."""
    out = []
    for a, b in pieces:
        whole = draft(a, b)
        if not whole.partner_units or whole.lead_confidence >= _MIXED or _bare_line(norm, a):
            out.append((a, b, whole))
            continue
        stop = _SENTENCE_END.search(norm, b)
        if _units_assigned(norm, b):
            out.append((a, b, whole))  # …(牵头单位:市住建局): the text names who leads the item, works and all
            continue
        cut = clause_works(norm, a, b, rows, stop.start() if stop else len(norm))
        out += [(a, b, whole)] if len(cut) == 1 else [(x, y, draft(x, y)) for x, y in cut]
    return out


_SENTENCE_END = re.compile(r"[。!?\n]")
# 牵头单位:…, 责任单位:…, …牵头, 按职责分工负责: a decomposition assigning the item's units (as tasks._TAG_HINT)
_ASSIGNS = re.compile(TAG_HINT + r"|配合(?:单位|部门)")


def _units_assigned(norm: str, at: int) -> bool:
    """The rest of the line holding norm[at], or the line after it, assigns units (a decomposition's tag)."""
    end = norm.find("\n", at)
    if end >= 0:
        after = norm.find("\n", end + 1)
        end = len(norm) if after < 0 else after
    return _ASSIGNS.search(norm, at, len(norm) if end < 0 else end) is not None
_BARE_LINE_MAX = 40


def _bare_line(norm: str, at: int) -> bool:
    """The line holding norm[at] is a bare line of a digest's list: short, no item number, no final stop."""
    start = norm.rfind("\n", 0, at) + 1
    end = norm.find("\n", at)
    line = norm[start:len(norm) if end < 0 else end].strip()
    return not is_item(line) and len(line) <= _BARE_LINE_MAX and line[-1:] not in "。;!?:"
