"""Commitment and deed cues of stance: the words of a sentence that tell a promise (target) or a deed (actual).

find_cues reads every cue of a sentence in one pass, in text order: a plan's words (将, 要, 力争, 确保, 计划, 目标是…),
a deed's (已, 去年, 以来, 完成了…), 预计 (settled by its context: ESTIMATE), a plan period (十四五时期), a deadline
(到2027年) and a year named (judged in stance_years).  A cue naming an amount (计划投资, 年度投资) speaks for that
amount only (BOUND_CUE, reaches).  The tracker (stance.py) picks the cue nearest the number.
"""

from __future__ import annotations

import datetime as dt
import re

from ...patterns import quick, quick_pairs
from .stance_mood import DEED, DONE
from .stance_years import (
    ACTUAL,
    AGAINST_BEFORE,
    DEADLINE,
    EVENT_HELD,
    EVENT_HINT,
    PERIOD_AFTER,
    PERIOD_END,
    PLAN_ORDER,
    PROPOSED,
    REPORTED,
    TARGET,
    THIS_YEAR,
    UNDER_WAY,
    YEAR_NAMED,
    first_month,
    judge_year,
)

# 将 and 要 are also a preposition (将X整合为Y) and part of words (主要, 需要):
# only count them before words that start a plan.
_WILL = (
    r"将(?=以|在|于|进一步|继续|全面|重点|大力|加快|着力|持续|围绕|力争|努力|推进|实施|建设|开展|打造|全力|"
    r"确保|变得|会|坚持|按照|通过|不断|深入|积极|突破|达到|新增|完成|实现|建成|形成|投入|安排|启动|开工|超|"
    r"迎来|逐步|统筹|聚焦|强化|着眼|力促|坚决|把|充分|新建|引进|培育|提升|提高|重点|加速|加大|健全|完善|深化|首次|"
    r"推动|巩固|优化|构建|扎实|牢固|锚定|抢抓|紧扣|紧盯|立足|发挥|用好|做好|抓好|落实|全力|坚定|继续|力求|"
    r"改造|改扩建|维修|更换|铺设|安装|硬化|修缮)"  # 今年将维修更换水泵40台: works of upkeep planned too
    r"|(?<=[省市县区州旗盟镇乡们府委])将(?![来近要])"  # 海城市将…, 我省将…, 我们将…: a subject's plan
    r"|(?<=[还也])将(?![来近要])"  # 云南还将因地制宜…: 还将, 也将 plan whatever follows
)
# 规划总床位1000张, 设计床位280张, 规划总建筑面积7.4万平方米: the size a work is planned or designed to have
_DESIGNED = r"(?:规划|设计)总?(?:床位|建筑面积|容量|产能|规模|座位|车位|泊位|学位)"
_MUST = r"(?<![主重需只必纪摘提概简紧首纲])要(?![求素点害件闻务员]|清醒|看到|认识|正视|深刻认识)"
# 其中新开工项目148个,已开工95个: the new starts a progress line counts before those begun are the year's plan
_PLANNED_STARTS = (r"(?<![已际])(?:新开工|计划开工|新建)项目(?=\d+\s*[个项][,,]\s*(?:目前)?(?:实际)?已(?:开工|开复工|"
                   r"建成|完工|竣工))")
# 农村改厕任务38283座,完成38649座; 考核指标23.1万亩,完成28.69万亩: a task's amount told with what was done of it;
# 省下达…建设任务38.4万亩: the task handed down; 上述项目需出资781.43万元: what a work needs (each names its amount)
_TASK_AMOUNT = (r"(?:考核指标|(?<=[\u4e00-\u9fff])任务)"
                r"(?=\d+(?:\.\d+)?\s*[万亿]?[\u4e00-\u9fff]{1,3}[,,]\s*(?:实际)?完成\d)"
                r"|下达[^,。;]{0,16}?任务(?=\d)"
                r"|(?<![无不])需要?(?:出资|投资|投入|筹措|筹集)(?:资金)?(?=\d)")
_TARGET_CUE = quick(
    rf"{_TASK_AMOUNT}|{_PLANNED_STARTS}|{_WILL}|{_MUST}|{_DESIGNED}|计划总?投资(?=\d)|(?<!模)拟(?=[\u4e00-\u9fff])(?!人|定的)|(?<!完成)年度(?:计划)?投资(?![^,。;]{0,2}率|额度)|(?:调整)?预算(?=\d)|力争|(?:(?<=[,;:。])|^)力促|确保|有望|(?<![于出超如合现成到项过])(?<!过\s)(?<!现全年)(?<!成全年)(?<!到全年)(?<!现年度)(?<!成年度)预期(?!寿命)|明年|今后|未来(?=[,一二三四五六七八九十两几]|年|时期|一个|一段|将|的?发展(?:目标|方向|中))|将来|届时|"
    r"(?<![未不没])(?:根据|按照)计划|(?:达产|达效|建成|投产|投用|交付使用|竣工|完工|运营|满产)(?:满产|达产|投产|达效)?后|"
    # 报告…确定实施…新增城镇就业32万人: the works a report decided on (however long ago) are its plan's
    r"(?<![已])确定(?:实施|建设|开展|办好|推进)|(?:民生实事|实事)项目(?:包括|分别是|为)(?=[:“])|"
    # 安排各地改造提升的年度任务3500万亩: the task set for the year names the amount after it
    r"(?:年度|全年)(?:目标)?任务(?=\d)|"
    # 我们打算今年再改造5万个…: what a speaker's government means to do; 今年再改造10万公里: more of it this year
    r"(?<=们)打算(?=[\u4e00-\u9fff])|(?<=今年)再(?=改造|建设|新建|新增|启动|实施|完成|开工|推进)|"
    # 至少完成1个, 至少新建2所: a requirement set (至少3个 is a comparator, 至少有 a state)
    r"至少(?=[\u4e00-\u9fff])(?![有是])|"
    # 粮食意向种植面积17.8亿亩: what farmers intend to sow this season, a plan not a harvest
    r"意向(?=种植|播种)|"
    # 批准的年初预算为:…; 由年初的76138万元调整为89138万元: a budget set or revised (what the year was to bring)
    r"年初预算(?:为|是|数)?|由年初的?(?=\d)|"
    # 五年内建成4所学校, 用三年左右时间整体迁建6家卫生院: the span a work is to be done in
    r"(?<![近过去前这来])(?<!过去)[一二三四五六七八九十两]年内(?=[\u4e00-\u9fff])|用[一二三四五六七八九十两]年(?:左右)?(?:的)?时间|"
    # 计划 as a verb (计划三年内新培育, 年度计划投资), not a programme's name (英才计划,) nor the plan's schedule
    # a notice measures progress by (5个未达计划进度)
    r"(?<!项目)(?<![按超比较])计划(?=\d)|(?<!项目)(?<!按)计划(?=[\u4e00-\u9fff])(?!生育|单列|项目|的|等|和|与|中|内|外|任务|目标的|补助|补贴|资金|进度)|"
    # a plan's own words: 方案提出, 规划明确, 主要目标是
    # …提出的20项指标 names what a plan set (an attribute): no promise of its own
    r"(?:方案|规划|纲要|意见|计划|行动|通知|办法)》?(?:提出|明确|要求|指出|规定)(?!的)|报告》?(?:提出|明确)(?!的)|目标是|目标为|目标[,:]?即|(?<![完])任务(?:数)?(?:为|是)|(?<![现成到项])(?<!现全年)(?<!成全年)(?<!到全年)(?<!现年度)(?<!成年度)预期目标|主要目标|下一步|下步(?=[,要将])|"
    # 而今,站在新的起点上,…明确目标,再出发!“生产总值增长6%,…”: the narration turns from the year reviewed to the
    # year ahead (a feature's or a speech's turn); what follows plans, whatever the paragraph before reviewed
    r"站在新的?[^,。;!?]{0,8}?起(?:跑)?点上|(?<![重新])再出发|(?:迈入|迎来|步入)?新的一年(?:里|,)|"
    r"展望(?=新的一年|未来|今年|明年|20\d\d)"
)
# (a count of the list's contents; the sentence, 下达…名单,共安排…项目3347个、年度计划投资…, still plans the year;
# 2024年安排重点项目100个 without 共 is the year's programme, planned unless its months are measured)
_LIST_HOLDS = r"(?<!计划)(?<![将拟要])(?:共(?:计)?安排|包含|涵盖)(?=[^,。;:\d]{0,24}?项目\d)"
LIST_HOLDS_RE = re.compile(_LIST_HOLDS)
_MONEY_AT = re.compile(r"[\d.]+\s*(?:[万亿千百]+)?(?:元|美元)的")  # 投资7.6亿元的…项目: a project's size
_ACTUAL_CUE = quick(
    # (考核指标23.1万亩,)完成28.69万亩,完成率124.2%: the amount done, told with its rate of completion
    r"(?<=[,;])(?:实际)?完成(?=\d+(?:\.\d+)?\s*[万亿]?[\u4e00-\u9fff]{1,3}[,,]\s*(?:任务)?完成率)|"
    r"已经|已|过去|去年|一直(?=保持|稳定|位居|居于|处于|维持)|回顾(?=了|过去)|前年|(?<![与比较同])上年度|(?<![在和与及活合用])现有(?!基础|水平|条件|政策|的)|年来|以来|目前|如今|现在|以前|截至|截止|实现了|完成了|达到了|超额完成|"
    r"实际(?:已)?(?=开工|新开工|完成|竣工|投产|签约|落地|建成)|"
    # …计划新增的8县通高速目标全部实现,通高速率达93%: the plan told met; what follows is measured
    r"(?:目标|任务)(?:全部|均已|已经|已|如期|顺利|圆满)(?:实现|完成)|"
    # 完成年度计划的214.8%, 占年计划的47.5%: the share of a plan done is measured, whatever framed the sentence
    # (…发放金额4527万元,为全年任务的133.1%: the share a figure before it is of its plan, told with 为)
    r"(?:完成|占|(?<=[,;、])为)(?:了)?(?:年度|全年|年)?(?:投资)?(?:计划|目标任务|任务)(?:投资)?的(?=\d)|"
    # 本次开工的还有…等11个项目: the batch of the event being told, not a plan
    r"(?:本次|此次|这次)(?:集中)?(?:开工|签约|竣工|投产)的|"
    # 共安排省重大工程和重点项目3347个, 清单共包含项目2000个: the projects a list holds, the list being issued
    rf"{_LIST_HOLDS}|"
    # 制定了一季度经济增长6%的目标: a period a target is set for
    r"(?:上半年|前三季度|一季度)(?![^,。;]{0,24}?目标)|前(?:1[01]|[1-9]|[二三四五六七八九十]|十一)个?月(?![内底])|(?<!\d)1\s*[-—至]\s*1?\d月份?|得到(?:了)?(?:明显|有效|显著|极大)|顺利(?:实现|完成|投产|竣工|通过|开工|落地)|据统计|据初步核算|初步核算|数据显示|统计显示|数据(?:正式)?出炉|"
    # a verb closed by 了 reports a deed (储备了一批项目, 建成了, 引进了): achieved
    r"(?:储备|谋划|完成|实现|达到|建成|建设|开工|引进|签约|落地|培育|新增|争取|实施|推动|打造|形成|取得|"
    r"获得|投入|累计|创建|改造|新建|解决|带动|吸引|举办|承办|帮助|救治|惠及|发放|减免|走出|提升|提高|增强|"
    r"改善|加强|扩大|促进|激发|迈上|成为|赢得|补齐|筑牢|夯实|拓展|拓宽|优化|压缩|缩短|降低|下降|减少|增加|增长)"
    r"(?:到|至)?了"
)
# 预计 forecasts a plan's outcome (预计投资5亿元的项目, 投产后预计年产值…) but, in a review, gives the
# year's preliminary figure (预计全年地区生产总值增长8.3%): the context decides.
_ESTIMATE = r"(?:初步)?预计"
# 预计可实现全年预期目标, 预计完成年度目标任务: an estimate that the year's target is met (a review's words)
_MEETS_TARGET = re.compile(r"(?:可|能|将)?(?:实现|完成|达到|超额完成)(?:全年|年度|年初)?(?:的)?(?:预期|既定)?目标")
# 预计2025年全县生产总值可达300亿元: an estimate of what the year can still bring, a forecast
_ESTIMATE_AHEAD = re.compile(r"[^,。;]{0,16}?(?:可|将|能|有望|力争|会)")
_ESTIMATE_PLANS = re.compile(
    r"(?:总投资|投资|投入|贸易额|成交额|交易额|签约额|年产|年产值|年销售|年营业|年纳税|年收入|年增收|年利税|年处理|年接待|吸引|带动|可|将|能|会|"
    r"建成|投产|达产|竣工|完工|开工|年底|年末|到年|明年|今后|未来|下半年|\d+月)")
# One pass for every cue (the plan period first: 十四五期间 is one cue, not 期间…).
_CUE_PATTERN = (
    rf"{THIS_YEAR}|(?P<plan>十(?P<order>[一二三四五六])五”?(?P<span>期末|末期?|时期|期间|规划期)?)"
    rf"|(?P<deadline>{DEADLINE})|(?P<est>{_ESTIMATE})|(?P<year>{YEAR_NAMED})"
    rf"|(?P<t>{_TARGET_CUE.pattern})|(?P<a>{_ACTUAL_CUE.pattern})"
)
# the last year of a five-year plan period: 十四五 (the fourth… the 14th) ends in 2025, each other five years on
PLAN_PERIOD_ORDER, PLAN_PERIOD_LAST_YEAR = 4, 2025
_TALLY_AFTER = re.compile(r"[^。;]{0,12}?累计(?![^。;,]{0,6}(?:目标|任务))")
_ANY_CUE = quick_pairs(_CUE_PATTERN)  # led by the characters a cue starts with, then by its first two
ESTIMATE = "estimate"  # 预计 not followed by a plan's words: a preliminary actual in a review
# …收获面积约11.6万亩,任务完成率129%: a completion rate told as a figure (a goal's rate is reached: 完成率达到100%)
RATE_TOLD = re.compile(r"完成率\s*\d")
# …,力促实现“开门红”, …,力争完成全年任务: an aim closing the sentence that an estimate before it serves
AIM_AFTER = re.compile(r"[,;]\s*(?:力促|力争)(?:实现|完成|达到)")
# A cue that names an amount (计划投资10.91亿, 年度计划投资, 预计总投资) speaks of that amount only: it
# frames no later sentence (…其中:计划投资10.91亿,占总投资15%; 转型项目33个 reports).
_PLANNED_CLASS = re.compile(r"计划(?:新开工|开工|投产|竣工|建成)项目")
_CLASS_ENDS = re.compile(r"[;。]|完成|累计|已")
# (其中新开工项目148个,已开工95个: the planned new starts, _PLANNED_STARTS, name their own count only)
BOUND_CUE = quick(rf"{_TASK_AMOUNT}|{_PLANNED_STARTS}|计划(?:新开工|开工|投产|竣工|建成)项目|"
                  r"(?:年度|全年)(?:目标)?任务(?=\d)|"
                  rf"(?<![超比较])计划(?=\d)|{_DESIGNED}|"
                  r"(?:计划|预计)(?:总)?投资|年度(?:计划)?投资|(?:调整)?预算(?=\d)|目前的(?=\d)")
PLAN_AMOUNT = re.compile(r"计划完成投资")
_SHARE_OF_PLAN = re.compile(r"占|完成|为")
CLAUSE_MARK = re.compile(r"[\n,;。!?]")


def reaches(norm: str, start: int, end: int, lead: int) -> bool:
    """A cue reaches the number at `lead`: any cue, but one naming an amount (计划总投资, 年度投资) only the amount
    right after it."""
    if LIST_HOLDS_RE.match(norm, start):
        # 涵盖工业项目1个,即投资7.6亿元的…项目: the list's counts and totals, not the size of a project named after them
        return not _MONEY_AT.match(norm, lead)
    # 全年计划完成投资17.2亿元,1-4累计完成投资1.15亿元: the plan's amount only (the sentence still plans)
    bound = BOUND_CUE.match(norm, start) or PLAN_AMOUNT.match(norm, start)
    if bound and _PLANNED_CLASS.match(norm, start):
        # 计划开工项目107个,总投资333.81亿元: the class's figures, until a clause ends or tells what was done
        return not _CLASS_ENDS.search(norm, bound.end(), lead)
    return not bound or lead - max(end, bound.end()) <= 2


def find_cues(text: str, latest: int, plan_year: int | None = None,
              written: dt.date | None = None, schedule: bool = False) -> list[tuple[int, int, str]]:
    """Every stance cue of `text`: (start, end, stance); ESTIMATE for a 预计 the context must settle.  `schedule`:
    the sentence stands in a plan's section, where a period not yet over (上半年完成主体工程) schedules a deed."""
    found = []
    for m in _ANY_CUE.finditer(text):
        kind = m.lastgroup
        if kind == "a" and m.group() in PERIOD_END and (schedule or _pledged(text, m, found)) and _scheduled(
                text, m, plan_year, written):
            # 确保一季度49个续建项目全部复工,一季度完成投资9.2亿元以上: the period a pledged deed is due by
            found.append((m.start(), m.end(), TARGET))
            continue
        if kind in ("plan", "order", "span"):
            if not m.group("span"):
                continue
            order = PLAN_ORDER.index(m.group("order")) + 1
            # “十四五”期间 in a report for 2026: the period is over when the year planned begins, a review
            last = PLAN_PERIOD_LAST_YEAR + 5 * (order - PLAN_PERIOD_ORDER)
            over = plan_year is not None and last < plan_year
            # “十三五”期间,全国累计投入… in a text of 2020: a period's tally told in its last year reviews it
            # (“十四五”期间,…新增建设用地69.86万亩,…超额完成国家任务: a deed told after it, in that year, likewise)
            over = over or (plan_year == last and bool(_TALLY_AFTER.match(text, m.end())
                                                       or DEED.search(text, m.end())))
            found.append((m.start(), m.end(), TARGET if order == latest and not over else ACTUAL))
        elif kind in ("deadline", "dl", "dl2"):
            year = int(m.group("dl") or m.group("dl2"))
            found.append((m.start(), m.end(), ACTUAL if plan_year and year < plan_year else TARGET))
        elif kind == "now":
            told = judge_year(written.year if written else plan_year, None, plan_year, written) if plan_year else None
            if told == TARGET and (UNDER_WAY.search(text) or measured_programme(text, m.end())):
                continue  # 今年…计划新开工41项,1至11月份…实际开工37项: the year under way, measured, plans nothing
            if told:
                found.append((m.start(), m.end(), told))
        elif kind in ("year", "yy", "mm", "qq", "hh"):
            if EVENT_HINT.search(text) and EVENT_HELD.match(text, m.end()):
                continue  # 2025年…春季项目集中开工活动举行: the year names an event held, no plan
            if found and found[-1][2] == TARGET and PROPOSED.search(text, found[-1][0], found[-1][1]) \
                    and m.start() - found[-1][1] <= 1:
                continue  # 报告提出,2019年城镇新增就业1100万人以上: the year a plan set its goal for, no report
            if (text.startswith("度", m.end()) and _LETTER.match(text, m.end() + 1)
                    and _planned_in_clause(text, m, found)):
                continue  # 力争…完成2024年度中央财政…项目: a programme's year, after the promise of its clause
            month = first_month(m)
            if (written is None and month is None and int(m.group("yy")) == plan_year
                    and found and found[-1][2] == ESTIMATE and found[-1][1] == m.start()
                    and not _ESTIMATE_AHEAD.match(text, m.end())):
                continue  # 预计2023年,GDP完成226.85亿元 (the year alone known): the estimate's context decides
            told = judge_year(int(m.group("yy")), month, plan_year, written)
            if (told == TARGET and written is None and int(m.group("yy")) == plan_year
                    and not _TARGET_CUE.search(text)
                    and (AGAINST_BEFORE.search(text) or RATE_TOLD.search(text, m.end())
                         or (m.group("qq") or m.group("hh") or PERIOD_AFTER.match(text, m.end()))
                         and REPORTED.search(text))):
                # 2021年全国粮食总产量13657亿斤,比上年增加267亿斤: the year measured against the last;
                # 2025年第一季度,热线话务总数为20693个,…办结率达99.93%: a quarter's statistics (a single month
                # without a measured change still schedules: 2025年6月,建成投用污水处理厂1座)
                told = ACTUAL
            if told == TARGET and int(m.group("yy")) == plan_year and month is None and (
                    UNDER_WAY.search(text) or measured_programme(text, m.end())):
                # 开平市列入2024年广东省重点建设项目21项,…1-2月累计完成投资9.4亿元: the programme of a year already
                # measured by its months names the list; the year plans nothing of its own
                continue
            if told:
                found.append((m.start(), m.end(), told))
        elif kind == "est":
            plans = _ESTIMATE_PLANS.match(text, m.end()) and not _MEETS_TARGET.match(text, m.end())
            found.append((m.start(), m.end(), TARGET if plans else ESTIMATE))
        elif kind == "t" and m.group()[0] not in "将要" and _SHARE_OF_PLAN.search(text, max(0, m.start() - 4),
                                                                             m.start()):
            continue  # 占计划投资的69%, 完成年度计划的85%: how much of a plan is done reports
        elif kind == "a" and _MET.fullmatch(m.group()) and _AIM.search(
                text, max(text.rfind(mark, 0, m.start()) for mark in ",;。:!?\n") + 1, m.start()):
            continue  # 确保全年各项目标任务全部完成: the plan's aim that its targets be met (计划新增的…目标 names)
        elif m.group() == "以来" and _planned_in_clause(text, m, found):
            continue  # 力争“十四五”以来累计降低10%: the span a promised tally runs over, no report
        else:
            found.append((m.start(), m.end(), TARGET if kind == "t" else ACTUAL))
    return found


_LETTER = re.compile(r"[\u4e00-\u9fff]")
# 今年江西省…重点推进…大中型建设项目3558个,总投资4.57万亿元,同比增长20.5%: the year names its programme of projects
# and measures it against the last year's: a list that stands (its count and total are the list's), no plan of its
# own (计划实施, 将安排, 要推进 do plan; without a measure against the year before the year's programme still plans)
_NO_PLAN_WORD = r"(?:(?!将|要|拟|计划|力争|力促|确保|争取|预计|目标)[^,。;:!?\n])"
PROGRAMME = re.compile(rf"[,，]?{_NO_PLAN_WORD}{{0,20}}?(?:实施|安排|推进|列入|纳入|新增)"
                        rf"{_NO_PLAN_WORD}{{0,30}}?项目\s*\d+(?:\.\d+)?\s*[个项]")


def measured_programme(text: str, at: int) -> bool:
    """The year phrase ending at `at` names a programme of projects its sentence measures against the year before."""
    return bool(PROGRAMME.match(text, at) and AGAINST_BEFORE.search(text, at))
_MET = re.compile(r"(?:目标|任务)(?:全部|均已|已经|已|如期|顺利|圆满)(?:实现|完成)")
_AIM = re.compile(r"确保|力争|努力|争取|(?<![主重需只必])要|(?<![即])将")


def _planned_in_clause(text: str, m: re.Match[str], found: list[tuple[int, int, str]]) -> bool:
    """Whether a cue of the clause before the year phrase `m` promises (力争…, 确保…)."""
    clause = max(text.rfind(mark, 0, m.start()) for mark in ",;。:!?\n")
    return any(told == TARGET and start > clause for start, _, told in found)


_PLEDGE = ("确保", "力争", "务必", "要", "将")


def _pledged(text: str, m: re.Match[str], found: list[tuple[int, int, str]]) -> bool:
    """Whether a pledge (确保, 力争) promises what the period word `m` dates: in its clause, or opening the
    sentence (确保一季度A,一季度完成B); or an estimate of the period serves the aim closing the sentence
    (预计一季度完成投资4亿元,…,力促实现“开门红”)."""
    if found and found[-1][2] == ESTIMATE and found[-1][1] == m.start() and AIM_AFTER.search(text, m.end()):
        return True
    clause = max(text.rfind(mark, 0, m.start()) for mark in ",;。:!?\n")
    return any(told == TARGET and text[start:end] in _PLEDGE and (start > clause or not text[:start].strip())
               for start, end, told in found)


def _scheduled(text: str, m: re.Match[str], plan_year: int | None, written: dt.date | None) -> bool:
    """Whether a period (上半年, 一季度) in a plan's sentence is when a deed is due: the period is not over when the
    text was written and its clause tells no deed done (一季度开工建设; not 一季度已开工, 上半年完成投资同比增长8%)."""
    if written and plan_year and (written.year, written.month) > (plan_year, PERIOD_END[m.group()]):
        return False
    clause = CLAUSE_MARK.search(text, m.end())
    return not DONE.search(text, m.end(), clause.start() if clause else len(text))


def cue(text: str, latest: int) -> str | None:
    """The stance told by the last cue in `text` (the part of a sentence before a number)."""
    found = find_cues(text, latest)
    return found[-1][2] if found else None


def first_cue(text: str, latest: int) -> str | None:
    """The stance told by the first cue of a sentence: the frame it sets for what follows."""
    found = find_cues(text, latest)
    return found[0][2] if found else None
