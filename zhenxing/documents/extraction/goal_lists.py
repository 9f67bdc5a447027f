"""Lists of goals: one task per goal, as official decompositions assign them.

A list of goals announces itself (主要预期目标是:) or is a run of clauses each holding a target figure
(地区生产总值增长6%左右,…); goal_clauses cuts it into one clause per goal, keeping with its goal what only
measures, sizes or continues it (增长5% after its subject, the seats a new school provides, 其中…), and cutting
goals printed without a separator.  Also: goals continued in the next paragraph without figures, the targets a
pledge lists after a work (确保实现A额X、B量Y), and share-reaching goals joined by 、.  The patterns the walk uses
for a goal naming only a measure (产量14.2亿斤: MEASURE_ONLY) and for a goals list a page cuts after a whole goal
(WHOLE_GOAL_CUT) are here too.
"""

from __future__ import annotations

import re

from ...patterns import quick
from .commitments import ACTION, CLAUSE_SPLIT, DIGIT, FRAMING, spans_between, trim_clause
from .departments import suggest_lead
from .quantities import find_quantities
from .voices import CJK

# A list of goals announces itself (主要预期目标是:), or is a run of clauses each holding a target figure.
ANNOUNCED = quick(r"(?:预期|主要|发展)?目标(?:建议)?(?:确定|调整)?(?:是|为)[,:]?|目标[:]|主要指标[:]|"
                   r"预期目标,其中包括|(?:预期|主要)目标,即")  # 提出了2018年的主要目标,即A增长10%左右,…
_GOAL_VERB = quick(
    r"增长|下降|提高|降低|控制|保持|同步|持平|完成|达到|(?<!和谐)(?<!和諧)稳定|改善|优化|高于|低于|不低于|快于|"
    r"稳中(?:提质|有进|向好|有升)|有效(?:防控|防范|化解|遏制)|"  # 进出口稳中提质, 风险有效防控: no figure
    r"(?:平稳|持续|总体|不断)向好|"  # 安全生产形势平稳向好
    r"(?:稳步|持续|逐步|明显)(?:提升|上升|扩大)")  # 高技术制造业增加值、战略性新兴产业产值稳步提升
# “十四五”时期,地区生产总值年均增长5.5%,…: a clause naming only the plan period the goals are for
_TIME_LABEL = re.compile(r"(?:“?十[三四五六]五”?(?:时期|期间|期末|末)|到20\d\d年(?:底|末)?)")
_CATEGORY = re.compile(r"[\u4e00-\u9fff]{2,12}(?:方面|类|型指标|指标)")  # 质量结构型指标方面
# 增长5% after its subject, and the reach of a goal (…改造老旧小区1000个,覆盖20万户居民): no goal of their own
# 力争“十四五”以来累计降低10%左右 after 能耗降低2.5%以上: the same indicator's promised tally over a span, no subject
SUBJECTLESS = quick(r"(?:同比|比上年|年均)?(?:增长|下降|提高|降低|增加|减少)|覆盖|惠及|涉及|受益|"
                     r"(?:力争|确保)(?:“[^”]{1,6}”|[^,;。]{2,10}年)?(?:以来|期间)?累计(?:增长|下降|提高|降低|增加|减少)")
GOAL_CLAUSE_MAX = 40
# what a work brings (维修更换…机泵,有效改善9万人口的饮水安全问题,进一步提高供水保证率) and a size of what it builds
# (铺设…供热主管网,全长约4.3公里; …进行升级改造,改造规模10千伏线路8.46公里): no goal of their own, the work's
OUTCOME = quick(r"(?:有效|进一步|可大大|大大|从而|切实)(?:改善|提高|提升|解决|缓解|满足|保障|增强)")
# a clause opening on a work after its time and mood (今年将新建…, 力争打造…; 新(扩)建…10个, a build and its variant;
# not 力争销售额突破…, 新增规上企业20家: goals, the new things' flow their indicator)
_WORK_OPENS = re.compile(rf"(?:20\d\d年|今年|全年|年内)?(?:将|要|力争|确保|计划)?"
                         rf"(?!力争|确保|实现|新增)(?:{ACTION.pattern}|新[(（][扩改][)）]建)")
# 新开工11万套,基本建成13.2万套,改善群众居住条件: the deeds of one work (named above them) and what they are for
_OBJECTLESS = re.compile(r"(?:基本|全部|累计)?(?:新开工|开工|复工|建成|竣工|完成|新建|改造|交付|启动)(?:建设)?\s*"
                         r"\d+(?:\.\d+)?\s*[万千百亿]?[个座所家条处项套户栋间公里平方米亩]{1,3}(?:以上|左右)?")
_AIM = re.compile(r"(?:改善|提升|缓解|满足|方便|便利)[^,;。\d]{2,12}")
_DIMENSION = quick(r"(?:全长|总长|长约|长度|改造规模|建设规模|总面积|占地面积|占地)[约达为]*\d")
# The places a build provides (新建学校3所,新增学位5000个; 新建幼儿园50所,新增托位1.6万个): the seats measure the
# schools built, one unit's one work, as SPEC's "one task per goal" drafts it (R5, R6 gold: one task; R18's gold
# splits them, and the whole is a quote that contains each).  Counted before the noun (新增500张养护床位) they are a
# work of their own.
_PLACES = re.compile(r"(?:新增|增加|可提供|提供)[^,;。\d]{0,10}?(?P<place>学位|托位|床位|车位|泊位|座位)"
                     r"(?:供给|数量|数)?\s*\d")  # 新增基础教育学位供给7800个: a supply of places
_BUILDS = quick(r"新建|扩建|改建|建设|建成|改造|续建|开工")
_PLACE_OF = {"学位": re.compile(r"学|校|幼儿园|园"), "托位": re.compile(r"托|幼儿园|园"),
             "床位": re.compile(r"医院|卫生院|养老|护理|康复|敬老院|福利院|病房|中心"),
             "车位": re.compile(r"停车|车库|车场|充电"), "泊位": re.compile(r"停车|车库|车场|港|码头"),
             "座位": re.compile(r"场馆|剧院|影院|体育|图书馆|礼堂")}
_FRACTION = quick(r"\d+\s*/\s*\d+(?!\s*/)|[一二三四五六七八九十]+分之[一二三四五六七八九十]+")
# what may follow a goal's figure within the same goal (以上, 左右, 的, 和, 分别, 同比…)
_CONTINUES = quick(
    r"以上|以下|左右|以内|之内|之间|的|和|与|及|或|、|分别|增长|下降|提高|降低|同比|比上年|较|等|为|达|占|至|到|"
    r"[万亿千百元人户个家项次年月日倍吨亩座所条辆台套张名]|平方|公里|立方|标准|以|"
    # 巨龙梁100兆瓦风电项目和60兆瓦分布式光伏: a capacity sizing the project named after it
    r"(?:集中式|分布式)?(?:风电|光伏|电站|储能|机组|项目)")
# a figure right after a verb of deed (新增20亿元企业) counts the noun after it: no goal closes there
_VERB_BEFORE = re.compile(
    r"(?:新增|新建|建设|建成|培育|完成|改造|引进|实现|打造|开展|推出|组织|帮助|支持|开设|新开|累计|净增|提供|发放|"
    r"招引|举办|办好|创建|认定|扶持|培训|安置|帮扶|资助|新改扩建|改扩建|实施|开工|竣工|投运|投入|推进|推动|安装|评定)\s*$")
_SHARE = re.compile(r"占|比重|比例")
_RATE_BEFORE = re.compile(r"(?:增长|增幅|增速|下降|降幅|提高|降低)(?:率)?(?:达到|达|为)?$")
_NEW_SUBJECT_MIN = 4  # a new goal's subject before its figure has at least this many characters
# a budget's arrangement (赤字率拟按3%安排, 拟安排地方政府专项债券3.9万亿元): the clauses after it size it
_ARRANGED = re.compile(r"[^,;。]{0,12}?(?:拟|计划)?按[^,;。]{1,12}安排[,;]|[^,;。]{0,6}?拟安排")
_LABELLED_MIN = 2  # a clause without a figure before more goals than this, each with its figure, labels them
# a pledge to reach measures (确保实现A额X、B量Y,力争实现…): the works before it and each target after it are tasks
_PLEDGE = re.compile(r"[,;](?:确保|力争)(?:实现|达到)")
_PLEDGED_MIN = 2  # fewer targets after the pledge measure the work before it
CLAUSE_RUN = re.compile(r"[^,;。]+")
_MAINLY = re.compile(r"(?:主要是|重点是|主要包括|包括)?")
# A reporter's lead before a list of goals (据了解,今年全县共计划实施项目146个…) is no goal.
_REPORTED = re.compile(
    r"此外|另外|同时|其中|根据(?:政府工作)?报告|[^,]{0,30}(?:报告|讲话)(?:时|中)?(?:提出|指出|明确|强调)|据了解|据悉|据介绍|记者了解到|记者获悉|会议指出|会议提出|报告提出|报告指出|报告明确")
_EFFECT = re.compile(r"将(?:有力|有效|大大|极大|进一步)地?(?:促进|推动|带动|助推|拉动|提升|增强|改善)")
# A clause that only sizes a list of projects (年度计划投资53.4亿元, 占年度计划投资比重达53.3%): no goal of its own
_SIZE = (r"[^,;。、]{0,12}?(?:总投资|计划投资|年度计划投资|年度投资计划|年度投资|计划完成投资)"
         r"[约达为共计]*[\d.]+(?:万|亿)?元")
# (总投资282.6亿元、年度投资144.8亿元: the sizes may come two in one clause)
_SIZE_ONLY = re.compile(
    rf"(?:其中)?{_SIZE}(?:、{_SIZE})*|"
    r"占[^,;。]{0,12}?(?:比重|比例)?[约达为]*[\d.]+%")


# 30%以上的行政村达到“四美乡村”建设标准、50%以上的乡镇达到…: goals that each open on the share of the places that
# reach a standard, joined by 、 — one goal each (as a decomposition lists them, each with its own unit).
_SHARE_LEAD_MAX = 12  # 方案要求, before the first goal
_SHARE_REACHING = re.compile(r"\d+(?:\.\d+)?%(?:以上|以下|左右)?的[^、,;。]{1,16}?达到[^、,;。]{2,30}")


def shares_reaching(norm: str, a: int, b: int) -> list[tuple[int, int]]:
    """The goals of a piece made of share-reaching goals joined by 、, or the piece itself."""
    first = _SHARE_REACHING.search(norm, a, b)
    if first is None or (first.start() > a and (norm[first.start() - 1] not in ",:"
                                                   or first.start() - a > _SHARE_LEAD_MAX)):
        return [(a, b)]
    parts, k = [], first.start()
    while k < b:
        m = _SHARE_REACHING.match(norm, k, b)
        if not m:
            return [(a, b)]
        parts.append((a if not parts else k, m.end()))  # 方案要求,30%以上的…: the lead-in stays with the first
        k = m.end() + 1 if norm[m.end():m.end() + 1] == "、" else m.end()
        if k < b and norm[k - 1] != "、":
            return [(a, b)]
    return parts if len(parts) > 1 else [(a, b)]


# 拟新建200个充电桩、新增公共停车泊位2000个、新增学位4000个: counted deeds joined by 、, each opening on its verb
# and holding its own figure — one task each (a livelihood list told in one sentence, each work another unit's)
_MODAL = r"(?:拟|计划|将|要|力争|确保|再|还将)?"
_DEED = re.compile(
    _MODAL + r"(?:新建|新增|新改扩建|改扩建|规划建设|建设|建成|完成|安装|改造|新开|开通|培训|发放|创建|培育|实施|"
    r"评定|认定|打造|增加|招引|引进|开展)(?![、和])")
_PLANNED = re.compile(r"拟|计划")  # 拟对73处…路段进行整治: a clause of its own work
_RUN_ITEM_MAX = 40
_RUN_LEAD_MAX = 12  # 我市2023年拟, before the first deed
_RUN_JOIN = re.compile("、")


def deeds_joined(norm: str, a: int, b: int, rows=None) -> list[tuple[int, int]]:
    """A piece whose comma clauses hold a run of counted deeds joined by 、 (…拟新建200个充电桩、新增停车泊位2000个,
    拟建设20个长者食堂、因地制宜解决…): each deed of the run one piece, each other clause opening on a deed its own
    piece (with the clauses carrying it on); the piece itself when no clause holds such a run, or when one unit
    leads every deed of a run (新增公交线路60条以上、新增微循环线路10条以上: one unit's one work)."""
    clauses = [trim_clause(norm, x, y) for x, y in spans_between(norm, CLAUSE_SPLIT, a, b)]
    runs = [_deed_run(norm, x, y) for x, y in clauses]
    runs = [run if len({suggest_lead(norm[x:y], rows).lead for x, y in run}) > 1 else [] for run in runs]
    if not any(len(run) > 1 for run in runs):
        return [(a, b)]
    out: list[tuple[int, int]] = []
    lead_in = -1  # 根据清单, before the run: stays with what follows
    for (x, y), run in zip(clauses, runs, strict=True):
        if y <= x:
            continue
        if len(run) > 1:
            first = (lead_in if lead_in >= 0 else run[0][0], run[0][1])
            out += [first, *run[1:]]
            lead_in = -1
        elif _DEED.match(norm, x) or _PLANNED.match(norm, x) or lead_in >= 0:
            out.append((lead_in if lead_in >= 0 else x, y))
            lead_in = -1
        elif out:
            out[-1] = (out[-1][0], y)  # 提升道路通行安全系数: carries the deed before it on
        else:
            lead_in = x
    return out or [(a, b)]


_NAMED_WORK_MAX = 30  # a clause naming one work of its own is short
# 北方工业大学延庆校区等市属高校新校区: one named object, then its class
_NAMED_BY_EXAMPLE = re.compile(r"[^、,;]{3,}等")


def named_works(norm: str, a: int, b: int, rows=None) -> list[tuple[int, int]]:
    """A piece whose last three or more comma clauses each open on an action and name a work of their own (a figure,
    or one object named by example: 疏解提质一般制造业企业80家,加快建设某大学某校区等高校新校区,推动某医院某院区等
    新院区开工建设), each led by another unit than the one before it: each clause one piece (the clauses before
    the run, 在…方面,报告提出, frame them and are left out).  A work and its elaborations (加快完整社区建设,
    完善养老托育、卫生健康等服务设施,构建…生活圈) name no object of their own and stay one piece."""
    clauses = [trim_clause(norm, x, y) for x, y in spans_between(norm, CLAUSE_SPLIT, a, b)]
    named = [y - x <= _NAMED_WORK_MAX and (DIGIT.search(norm, x, y) is not None  # 疏解提质…企业80家: counted
                                          or ACTION.match(norm, x) is not None and "、" not in norm[x:y]
                                          and _NAMED_BY_EXAMPLE.search(norm, x, y) is not None)
             for x, y in clauses]
    first = len(clauses)
    while first > 0 and named[first - 1]:
        first -= 1
    examples = sum(_NAMED_BY_EXAMPLE.search(norm, x, y) is not None for x, y in clauses[first:])
    if len(clauses) - first < 3 or examples < 2:
        return [(a, b)]  # 下达…名单,安排工业项目200个,年度计划投资300亿元: figures of one list, no named works
    leads = [suggest_lead(norm[x:y], rows).lead for x, y in clauses[first:]]
    if not all(leads) or any(p == q for p, q in zip(leads, leads[1:], strict=False)):
        return [(a, b)]
    run = clauses[first:]
    return run  # 在…方面,报告提出: the framing before the run is no part of its works


def _deed_run(norm: str, a: int, b: int) -> list[tuple[int, int]]:
    """The counted deeds of a clause joined by 、 (two or more, each with its figure), or []."""
    if norm.find("、", a, b) < 0:
        return []  # no run without a 、 (most clauses): spare the search for its first deed
    parts = spans_between(norm, _RUN_JOIN, a, b)
    first = _DEED.search(norm, parts[0][0], min(parts[0][1], parts[0][0] + _RUN_LEAD_MAX + 8))
    if len(parts) < 2 or first is None or first.start() - parts[0][0] > _RUN_LEAD_MAX:
        return []
    items = [(first.start(), parts[0][1]), *parts[1:]]
    if not all(_DEED.match(norm, x) and DIGIT.search(norm, x, y) and y - x <= _RUN_ITEM_MAX for x, y in items):
        return []
    return [(a, items[0][1]), *items[1:]]


def goal_clauses(norm: str, start: int, end: int, announced_before: bool = False,
                  continued: bool = False) -> list[tuple[int, int]]:
    """The goals of a sentence listing them, one clause each (subjectless 增长5% stays with its subject);
    [] when the sentence is no list of goals.  `announced_before`: the words before `start` announced the list
    (…主要预期目标:), so its clauses without a goal's shape are dropped, not a reason to doubt the list.
    `continued`: the sentence right before was a list of goals, so a paragraph of goals without figures that follows
    (粮食播种面积保持相对稳定,生态环境质量持续改善,…) goes on with it when every clause is a goal."""
    announced = ANNOUNCED.search(norm, start, end)
    if not announced and norm.find("原则上", start, end) >= 0:
        return []  # 推进主导品种推广应用,原则上水稻主导品种A县不得超过8个,B县不得超过6个: the work and its rule
    if not announced and _ARRANGED.match(norm, start, end):
        return []  # 赤字率拟按3%安排,赤字规模4.06万亿元,比上年…增加1800亿元: one arrangement and its sizes
    if continued and not announced and not DIGIT.search(norm, start, end):
        found = _continued_goals(norm, start, end)
        if found:
            return found
    if not announced and end - start > GOAL_CLAUSE_MAX + 2 and not DIGIT.search(norm, start, end):
        return []
    at = announced.end() if announced else start
    clauses = [trim_clause(norm, a, b) for a, b in spans_between(norm, CLAUSE_SPLIT, at, end)]
    # a reporter's lead (据了解), a category label (质量结构型指标方面) and an expected effect (将有力促进…)
    # are neither goals nor a reason to doubt the list
    clauses = [(a, b) for a, b in clauses if b > a and not _REPORTED.fullmatch(norm, a, b)
               and not _EFFECT.match(norm, a, b) and not _CATEGORY.fullmatch(norm, a, b)
               and not _TIME_LABEL.fullmatch(norm, a, b)]
    for k in range(len(clauses) - 1, 0, -1):  # 在抓好15个重点镇的同时,每县建设3至5个示范乡镇: one goal, framed
        if norm.endswith("的同时", *clauses[k - 1]):
            clauses[k - 1:k + 1] = [(clauses[k - 1][0], clauses[k][1])]
    if not clauses:
        return []
    # the sentence opens on a work, not a goal (维修更换…机泵, not 地区生产总值增长6%): what follows may be its outcome
    work_led = bool(ACTION.search(norm, *clauses[0])) and not _GOAL_VERB.search(norm, *clauses[0])
    # 万名居家长者乐享智慧养老: a list's line may open on a count in words
    counted = DIGIT.search(norm, at, end) or norm[at:at + 1] in "百千万"
    found = find_quantities(norm, at, end) if counted else []
    # a share of a total written as a fraction (占全市1/8, 三分之一) is a goal's figure too
    marks = [(q.start, q.end) for q in found] + [m.span() for m in _FRACTION.finditer(norm, at, end)]
    numbers = [m[0] for m in marks]
    figures = [any(a <= n < b for n in numbers) for a, b in clauses]
    if not numbers and not (len(clauses) == 1 and goal_phrase(norm, *clauses[0])):
        return []  # 进出口总额保持正增长: a goal without a figure stands alone
    goal_like = [f or goal_phrase(norm, a, b) for (a, b), f in zip(clauses, figures, strict=True)]
    labelled = False
    if not announced and not announced_before and not all(goal_like):
        if not (len(clauses) > _LABELLED_MIN and not DIGIT.search(norm, *clauses[0]) and all(figures[1:])):
            return []
        labelled = True
        # 经济结构和质量效益不断提升,A占比重达到66%左右,B…达到2.7%,C增长7.5%: a label clause before the goals;
        # 主要是开展金牌就业管家服务,全年举办400场招聘会,…: a clause opening on an action is a work of its own
        opens = _MAINLY.match(norm, clauses[0][0]).end()
        if ACTION.match(norm, opens):
            clauses[0], goal_like[0] = (opens, clauses[0][1]), True
        else:
            clauses, goal_like = clauses[1:], goal_like[1:]
    out: list[tuple[int, int]] = []
    sized: dict[int, int] = {}  # a goal's end extended over the sizes after it
    before = (0, 0)  # the clause before, as written
    for (a, b), ok in zip(clauses, goal_like, strict=True):
        if not ok:
            continue
        # …水产品产量2.56万吨,其中特种水产品0.99万吨: the part 其中 names belongs to the goal before it
        if _SIZE_ONLY.fullmatch(norm, a, b):
            if out:  # 计划实施188个重点项目,总投资282.6亿元、年度投资144.8亿元: the list's size, with its goal
                sized[len(out) - 1] = b
            continue
        if out and (SUBJECTLESS.match(norm, a) or norm.startswith("其中", a) or _provides(norm, before, a, b)
                    # 新开工11万套,基本建成13.2万套: a count without its object counts the object of the one before
                    or _OBJECTLESS.fullmatch(norm, a, b)
                    or work_led and (OUTCOME.match(norm, a) or _DIMENSION.match(norm, a)
                                     or not DIGIT.search(norm, a, b) and (_AIM.fullmatch(norm, a, b)
                                                                            or _same_work(norm, before, a, b)))):
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
        before = (a, b)
    if announced and len(out) == 1 and out[0][0] == trim_clause(norm, at, end)[0] and norm[out[0][0]].isdigit():
        # 提出经济增长预期目标为7.5%以上: one bare figure after the announcement, its indicator named before it
        cut = max(norm.rfind(ch, start, announced.start()) for ch in ",;:")
        out = [(trim_clause(norm, max(cut + 1, start), end)[0], out[0][1])]
    if not labelled or len(out) >= _LABELLED_MIN:
        pieces = []
        for k, (a, b) in enumerate(out):
            found = _run_together(norm, a, b, sorted(marks))
            found[-1] = (found[-1][0], sized.get(k, found[-1][1]))
            pieces.extend(found)
        return pieces
    return []


def works_only(norm: str, pieces: list[tuple[int, int]]) -> bool:
    """Every piece opens on a work (新建产业园10个以上,新(扩)建蔬菜园区10个,打造示范区38个), none moves an indicator."""
    return len(pieces) > 1 and all(_WORK_OPENS.match(norm, a) and not _GOAL_VERB.search(norm, a, b) for a, b in pieces)


def _continued_goals(norm: str, start: int, end: int) -> list[tuple[int, int]]:
    """A paragraph of goals without figures after a goals list: one clause each when every clause moves or holds a
    measure (保持相对稳定, 持续改善, 控制在…之内, 完成…目标); [] otherwise."""
    clauses = [trim_clause(norm, m.start(), m.end()) for m in CLAUSE_RUN.finditer(norm, start, end)]
    clauses = [(a, b) for a, b in clauses if b > a]
    if len(clauses) < 2 or not all(goal_phrase(norm, a, b) for a, b in clauses):
        return []
    return clauses


_SAME_WORK_MIN = 4


def _same_work(norm: str, before: tuple[int, int], a: int, b: int) -> bool:
    """实施雨污分流改造690公里,全面完成市县雨污分流改造: a clause without a figure naming again the work of the clause
    before it (four characters of its words in a row) completes that work, no goal of its own."""
    said = norm[before[0]:before[1]]
    return any(norm[k:k + _SAME_WORK_MIN] in said for k in range(a, b - _SAME_WORK_MIN + 1))


def _provides(norm: str, before: tuple[int, int], a: int, b: int) -> bool:
    """新增学位5000个 after 新建学校3所: the places the build before it provides (a school's seats, a hospital's
    beds, a car park's bays)."""
    places = _PLACES.match(norm, a, b) if norm[a:a + 1] in "新增可提" else None
    return bool(places and _BUILDS.search(norm, *before)
                and _PLACE_OF[places.group("place")].search(norm, *before))


def pledged_targets(norm: str, a: int, b: int) -> list[tuple[int, int]]:
    """A work and the targets a pledge lists after it (推动…扩区升级,确保实现外贸进出口总额900亿元、实际使用外资12亿美元
    以上,力争实现…吞吐量80万标箱,开行中欧班列600列以上): the work, then each target, one piece each, when every clause
    from the pledge on holds a figure and each measure after 、 has its own subject; else the piece whole."""
    pledge = _PLEDGE.search(norm, a, b)
    if not pledge:
        return [(a, b)]
    targets = []
    for c, d in (trim_clause(norm, c, d) for c, d in spans_between(norm, CLAUSE_SPLIT, pledge.start() + 1, b)):
        if not DIGIT.search(norm, c, d):
            return [(a, b)]
        measured = _PLEDGE.match(norm, c - 1)  # 实现 names measures: each after 、 a target of its own
        parts, p = [], c
        for m in re.finditer("、", norm[c:d]):
            cut = c + m.start()
            if (measured and DIGIT.search(norm, p, cut) and DIGIT.search(norm, cut + 1, d)
                    and len(CJK.findall(norm, cut + 1, DIGIT.search(norm, cut + 1, d).start()))
                    >= _NEW_SUBJECT_MIN):
                parts.append((p, cut))
                p = cut + 1
        parts.append((p, d))
        targets.extend(parts)
    if len(targets) < _PLEDGED_MIN:
        return [(a, b)]
    head = trim_clause(norm, a, pledge.start())
    return ([head] if head[1] > head[0] else []) + targets


_COUNTED = re.compile(r"[个座所家条处项台套张名户辆栋间只](?=[\u4e00-\u9fff“])")
_SEPARATOR = re.compile(r"[、,;]")


def _run_together(norm: str, a: int, b: int, marks: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A goal clause holding goals printed without a separator (实际利用外资1亿美元规模工业应税销售占全市1/8): cut
    after a figure that closes its goal (a measure named before its value: 外资1亿美元, 专利数280件, 占全市1/3) where
    a new subject follows with a figure of its own; not after a count a verb opens (新增20亿元企业、10亿元企业)."""
    inside = [(s, e) for s, e in marks if a <= s and e <= b]
    if len(inside) < 2:
        return [(a, b)]
    pieces, k = [], a
    for (s, e), (nxt, _) in zip(inside, inside[1:], strict=False):
        # 占全市比重超1/4、有效发明专利数280件: a share closes its goal before 、; other figures before 、 are a
        # verb's objects (新增百亿企业10家、专精特新企业800家) or one goal's sizes (国债1.3万亿元、比上年增加…)
        # 固定资产投资增幅16%以上、规上工业产值增幅13%以上: a rate of change closes its goal before 、 when the next
        # subject has a rate of its own
        if _COUNTED.match(norm, e - 1) and _SEPARATOR.search(norm, e, nxt):
            continue  # 扩建5座水厂、新建10座泵站: a count closed by a measure word counts the noun after it
        listed = norm[e] == "、" and (_SHARE.search(norm, k, s) is not None or (
            _RATE_BEFORE.search(norm, k, s) is not None and _RATE_BEFORE.search(norm, e + 1, nxt) is not None))
        if ((listed or (CJK.match(norm, e) and not _CONTINUES.match(norm, e)))
                and norm[s - 1] not in "、和及与在对" and not _VERB_BEFORE.search(norm, k, s)
                and CJK.search(norm, k, s)  # 5所学校完成主体建设: a count opening the clause names no measure
                and len(CJK.findall(norm, e, nxt)) >= _NEW_SUBJECT_MIN):
            pieces.append((k, e))
            k = e + listed
    pieces.append((k, b))
    return pieces


def goal_phrase(norm: str, a: int, b: int) -> bool:
    """A short clause that moves or holds a measure (居民收入增长和经济增长基本同步, 进出口总额保持正增长)."""
    return b - a <= GOAL_CLAUSE_MAX and bool(_GOAL_VERB.search(norm, a, b)) and not FRAMING.search(norm[a:b])


# a goal naming only a measure (…粮食播种面积172万亩,产量14.2亿斤): the measure of the goal before it
MEASURE_ONLY = re.compile(r"(?:总)?(?:产量|面积|产值|规模|总量)(?:达到?|突破|超过)?\s*\d")


# …,固定资产投资增长5%左右,出口增长3%左右, where a page cuts a goals list: its last clause is a whole goal
CUT_GOAL_MAX = 30
WHOLE_GOAL_CUT = re.compile(r"(?:(?:增长|下降|达到|控制在|保持在?|提高|降低)\d+(?:\.\d+)?%"
                             # …,全年举办各类商业及促消费活动200场以上, a count closed by its unit: a whole clause
                             r"|\d(?:[\u4e00-\u9fff]{1,2})(?<![年月日号]))(?:左右|以上|以内)?,$")
