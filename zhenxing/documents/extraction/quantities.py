"""Find the numbers of a text that measure something: value, unit, comparator.

Works on the normalised text (see text.normalise).  Exclusions that depend only
on the number's own surroundings live here (dates, ordinals, codes, slogans,
bare numbers); exclusions that depend on neighbouring numbers live in facts.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...patterns import quick
from .measure_classes import frames_a_measure, held_sessions, names_a_class
from .numerals import (
    ARABIC_PATTERN,
    CHINESE_PATTERN,
    CN_DIGITS,
    CN_SCALES,
    arabic_to_float,
    chinese_to_float,
    split_magnitude,
)
from .text import inside, protected_spans
from .units import BASE_UNITS, COUNT_UNITS, UNIT_PATTERN

_NUM = f"(?:{ARABIC_PATTERN}|{CHINESE_PATTERN})"
QUANTITY_RE = quick(
    rf"(?P<num>{_NUM})"
    rf"(?:(?P<u0>%)?(?P<sep>[-~至到])(?P<num2>{_NUM}))?"
    r"(?P<q1>余|多)?(?P<mag>万亿|亿|万)?(?P<q2>余|多)?"
    rf"(?P<unit>{UNIT_PATTERN})?"
    r"(?P<post>及以上|及以下|以上|以下|以内|左右|上下|多|余)?"
)

# Qualifiers written before a number, longest first, with their comparator.
_PRE_QUALIFIERS = (
    ("不低于", ">="), ("不少于", ">="), ("至少", ">="), ("超过", ">="), ("高于", ">="),
    ("多于", ">="), ("突破", ">="), ("超", ">="), ("逾", ">="),
    ("不超过", "<="), ("不高于", "<="), ("不多于", "<="), ("低于", "<="), ("少于", "<="),
    ("不足", "<="), ("不到", "<="),
    ("将近", "~"), ("接近", "~"), ("大约", "~"), ("近", "~"), ("约", "~"),
    ("≤", "<="), ("<", "<="), ("≥", ">="), (">", ">="),  # table cells: <5.5%
)
_PRE_BY_LENGTH = sorted(_PRE_QUALIFIERS, key=lambda pair: -len(pair[0]))  # 不超过 before 超过
_POST_COMPARATOR = {
    "以上": ">=", "及以上": ">=", "以下": "<=", "及以下": "<=", "以内": "<=",
    "左右": "~", "上下": "~", "多": "~", "余": "~",
}
# A number followed by one of these is a date, a period, an edition or a grade.
_NOT_A_MEASURE_AFTER = frozenset("年月日号时周届级期代岁季")
# 3个年产值…, 5家年营业收入…: a yearly measure of the things counted, not a period.
_YEARLY = re.compile(r"年(?:产|均|销|营|收|接|吞|处|加|输|纳|用|税|利|度|新增)")
# Slogans and speech structure built as numeral + measure word + word
# (八项规定, 四个意识, 六个方面, 两条主线, 3个导向): no measurement in them.
_SLOGAN_AFTER = quick(
    r"(?:“[^”\n]{0,12}”)?"  # 两块“国字号”牌子: a quoted epithet may come between
    r"(?:规定|一体|大文章|方面|确立|维护|毫不动摇|意识|自信|全面|短板|坚持|务必|之一|中全会|次全会|"
    r"主线|导向|关键|抓手|原则|着力点|突破口|牌子|金字招牌|名片|定位|理念|维度|路径|板块|引擎|轮驱动|翼|"
    r"落实|统领|确保|融合|"  # 坚持一个统领,抓好两个落实
    r"(?:大|方面)?(?:特点|特征)|"  # 主要呈现四个特点: how a story sorts what it tells
    r"(?:发展|工作)?重点(?=[,;。、]|$)|"  # “一集镇”“一带两区”“一村一品”三个发展重点
    # 办好12件重点民生实事, 38项重点工作落实, 29项为民办实事项目, 新增14项包括:
    r"(?:重点)?民生实事|为民办实事|实事项目|民心(?:工程|实事)|"  # 天津20项民心工程: the programme's name
    r"(?:重点)?(?:工作|任务)(?=落实|清单|事项|:)|包括[:,]|"  # 做好八项工作:一是…
    r"(?:大|实|好)?事(?![业务故项])|"  # 抓好三件事, 办好十件民生实事
    r"候选|"  # 12个候选项目: how a list was chosen, no work
    r"类别(?=[,;。、]|$)|"  # 涵盖重大产业、基础设施、民生保障三个类别: how a list is sorted
    r"部分(?=[,:;。]|$))"  # 报告分三个部分: a text's parts
)
_INCLUSIVE_ASIDE = re.compile(r"以上\(含$")
# 三个“一号工程”,: a quoted name closing the clause, counted in words — a slogan (三个“一号工程”), where a count of
# things names them (建成3个“智慧社区”) in figures or goes on with their noun (两个“国家级”示范区)
_QUOTED_ALONE = re.compile(r"“[^”\n]{1,12}”(?=[,;。、:)]|$)")
# 从12个候选项目中票选出10个项目: the size of the list chosen, no work either
_CHOSEN_FROM_CANDIDATES = re.compile(r"候选[^,;。]{0,10}选出$")
# 确定民生实事项目共5大类12个: the size of the list itself, named before its count
_LIST_SIZE_BEFORE = re.compile(r"(?:民生实事|实事项目|为民办实事)(?:项目)?(?:共|总计|合计)?(?:\d+大?类)?$")
# 今年的为民办实事项目,…第一批公布的项目为市本级项目,共57个: the list's size, named earlier in its sentence
_SPENT_COUNTING = re.compile(r"(?:内)?共[^,;。\d]{1,16}\d")
_LIST_SENTENCE = re.compile(r"民生实事|实事项目|为民办实事")
_SENTENCE_BACK = 80
# 科教惠民工程(项目6个,其中基建工程类5个、“小而美”事项类1个): a part of the list sized in a bracket after its name
_SIZED_PART = re.compile(r"\((?:项目|共)\d")
_BRACKET_BACK = 40
# 分为自治区级和市本级两个批次: the parts a list or a work is divided into
_DIVIDED = re.compile(r"分为[^,;。:()]{0,20}$")
# 教育惠民领域2个,包括A项目、B项目: a category's share of the list, its items named after
_CATEGORY_COUNT = re.compile(r"(?:领域|大?类|方面)$")
_AT_LEAST_VERB = re.compile(r"至少[\u4e00-\u9fff]{1,2}$")
_ADDS = re.compile(r"(?:新增|新建|建成|引进|培育|新开工|签约|打造)$")
_HOLDS_EVENTS = re.compile(r"(?:举办|开展|组织|至少|不少于|超过)$")  # not 召开: 召开六次全会
_MILESTONE = ("大关", "关口", "新台阶", "台阶")
# 突破千亿元,达1082.18亿元: a mark passed, the measure written right after it
_PASSED = re.compile(r"(?:突破|超过|迈上|跨上|跃上|站上)$")
_MARK_THEN_MEASURE = re.compile(r"[,,]?(?:达到|达|为|至)\d")
# 百分之八点二, 百分之六十以上: a share written out in words.
_PERCENT_IN_WORDS = re.compile(
    r"百分之(?P<num>[零〇一二两三四五六七八九十百]+(?:点[零〇一二三四五六七八九]+)?)"
    r"(?P<post>及以上|及以下|以上|以下|以内|左右|上下|多)?"
)
# 一 counts only before a unit of time spent (压缩到一个工作日); elsewhere it is 一个问题, 一次办.
_ONE_COUNTS_IN = frozenset({"个工作日", "工作日", "小时", "分钟"})
# 期 counts sessions (培训班26期); 一期, 二期 (工程) are a project's phases.
_PHASE_MAX = 3
# 稳增长26条等, 促消费20条、文旅振兴20条…: policy packages named by their count of articles
_POLICY_AFTER = quick(
    r"等|措施|政策|举措|意见|配套|”|(?:、[\u4e00-\u9fff]{1,6}\d+条)+等?(?:政策|措施|举措)")
# 比去年同期提升5位, 位次前移2名: a move in a ranking
_RANK_MOVE = re.compile(r"(?:提升|上升|前移|后移|下降|进位|前进|后退|跃升|攀升|退后)了?$")
# 位次分别前移7位、8位和7位: the later moves of a list of moves in a ranking
_RANK_MOVES_LISTED = re.compile(
    r"(?:提升|上升|前移|后移|进位|前进|后退|跃升|攀升|退后)了?(?:\d+\s*[位名](?:、|和|及))+\s*$")
_NOT_BOOKS = set("市县区地土级年科届次月周身金息部单")
_INDICATOR_COUNT = quick(r"(?:主要|经济|结构性|约束性|预期性|核心)?指标(?:增速|增幅|均|都|全部)")
# 全国217家国家级开发区综合考评中位列第13位: the number of those ranked, not a measure of the work
# (总量在全省91个县(市)中继续排名第一: an adverb may stand between)
_RANK_POOL = re.compile(
    r"[^,;。!?\n]{0,24}?中(?:增速|增幅|总量|排名)?(?:继续|连续|再次|仍然|仍|均|稳|始终|持续|首次)?"
    r"(?:位列|排名|排位|名列|位居|居|列|排)(?:第|前)")  # 在…9个市县中增速排名第一: the field of a ranking
# 居全省34个类区县第1位 (no 中): a ranking word before the count and an ordinal after the field it counts
_RANK_WORD_BEFORE = re.compile(
    r"(?:位列|排名|排位|名列|位居|居|列|排)(?:全国|全省|全市|全州|全区|全县|全盟|本省|本市)?$")
_RANK_FIELD_AFTER = re.compile(r"[^\d,;。!?\n第前]{1,10}(?:第|前)[\d一二三四五六七八九十]")
# 7项指标基本符合预期,分别是A、B、…: a count announcing the list that follows names nothing new either
_LIST_AFTER = re.compile(r"[^,;。\n]{0,12}[,:]?(?:分别是|分别为|分别有|即)[:]?(?P<items>[^;。\n]{2,300})")
_ASIDE_IN_ITEM = re.compile(r"\([^()\n]{1,6}\)")  # 执业(助理)医师数: a bracket inside an item ends no clause
_ISSUE = re.compile(r"(?:19|20)\d\d年第?$")  # 现代经济信息 2023年13期: a periodical's issue
_SIZE_WORDS = frozenset({"直径", "口径", "半径", "厚度", "粒径"})
_LIFESPAN = re.compile(r"寿命|年限|年龄")  # 人均预期寿命:79岁 measures in whole years too
_CLAUSE_START = re.compile(r"[,;:。!?\n“”()]")
_LIST_ITEM_SEP = re.compile(r"、|和|及|与")
_DIGIT = re.compile(r"\d")
_CODE_NEIGHBOURS = frozenset("+×*·/#@_&=")
_INDICATOR_ABBREVIATION = re.compile(r"(?<![A-Za-z])(?:GDP|GNP|CPI|PPI)$")


@dataclass(frozen=True)
class Quantity:
    """One measuring number: offsets of the number (and its qualifiers) and reading."""

    start: int  # first character of the number
    end: int  # after unit and trailing qualifier
    lead: int  # first character of a leading qualifier (近, 不低于) or == start
    value: float
    unit: str  # with magnitude: 万吨, 亿元; "" when none
    base_unit: str  # without magnitude: 吨, 元
    comparator: str
    post: str  # trailing qualifier as written (以上, 左右…), "" when none
    chinese: bool
    restates: bool = False  # counts the list of names right before it (A、B、C三条河流)
    signed: bool = False  # written with a minus sign (同比分别-6.2%、-19.3%): a fall; lead is the sign
    milestone: bool = False  # 突破百亿元大关: a round mark passed; the measure is stated beside it


def find_quantities(norm: str, lo: int = 0, hi: int | None = None) -> list[Quantity]:
    """Measuring numbers in norm[lo:hi], in text order."""
    hi = len(norm) if hi is None else hi
    spans = protected_spans(norm)
    found = []
    for m in QUANTITY_RE.finditer(norm, lo, hi):
        q = _reading(norm, m, spans)
        if q is not None:
            found.append(q)
    if "百分之" in norm[lo:hi]:
        found = sorted(found + _percents_in_words(norm, lo, hi, spans), key=lambda q: q.start)
    found = _unit_written_once(norm, found, lo)
    return found


# 分别慢于序时进度10.4、8.6、6.6个百分点: bare numbers listed before the one that carries the unit share it
_BARE_BEFORE = re.compile(rf"(?<![\d.第])(?P<num>{ARABIC_PATTERN})(?P<sep>、|和|及)$")
_LISTED_MEASURES = frozenset({"%", "个百分点", "‰", "个千分点", "倍"})
_LIST_REACH = 24


def _unit_written_once(norm: str, found: list[Quantity], lo: int) -> list[Quantity]:
    """The bare numbers of a list whose last number alone carries the unit (10.4、8.6、6.6个百分点), read with it;
    only rates and shares (a date list, 1、2月, or an ordinal one, 第1、2批, carries no measure)."""
    added: list[Quantity] = []
    taken = None
    for q in found:
        if (q.start < 2 or norm[q.start - 1] not in "、和及" or not norm[q.start - 2].isdigit()
                or q.unit not in _LISTED_MEASURES or q.lead != q.start or q.chinese):
            continue
        if taken is None:
            taken = {k for f in found for k in range(f.start, f.end)}
        at = q.start
        while True:
            m = _BARE_BEFORE.search(norm, max(lo, at - _LIST_REACH), at)
            if m is None or m.start() in taken:
                break
            value = arabic_to_float(m["num"])
            if not value:
                break
            added.append(Quantity(start=m.start(), end=m.end("num"), lead=m.start(), value=value, unit=q.unit,
                                  base_unit=q.base_unit, comparator="=", post="", chinese=False))
            at = m.start()
    return sorted(found + added, key=lambda q: q.start) if added else found


def _percents_in_words(norm: str, lo: int, hi: int, spans) -> list[Quantity]:
    found = []
    for m in _PERCENT_IN_WORDS.finditer(norm, lo, hi):
        value = chinese_to_float(m["num"])
        if not value or inside(spans, m.start(), m.end()):
            continue
        lead, pre_cmp = _pre_qualifier(norm, m.start())
        post = m["post"] or ""
        found.append(Quantity(start=m.start(), end=m.end(), lead=lead, value=value, unit="%", base_unit="%",
                              comparator=_POST_COMPARATOR[post] if post else pre_cmp or "=", post=post,
                              chinese=True))
    return found


def _reading(norm: str, m: re.Match[str], spans) -> Quantity | None:
    num, unit_word, mag = m["num"], m["unit"] or "", m["mag"] or ""
    extra = 0
    if "每" in norm[max(0, m.start() - 4):m.start()]:
        unit_word, extra = _unit_around(norm, m, unit_word)
    chinese = not num[0].isdigit()
    if chinese:
        num, mag = _chinese_parts(num, mag)
        if num is None:
            return None
    if m["num2"] and m["u0"] and unit_word != m["u0"]:
        return None
    if inside(spans, m.start(), m.end()) or _is_code(norm, m) or _is_ordinal(norm, m.start(), unit_word):
        return None
    if _in_definition(norm, m.start(), m.end()):
        return None
    if not unit_word and not mag and not chinese:
        if _ITEM_THEN_YEAR.fullmatch(num) and norm.startswith("年", m.end()):
            return None
        return _bare_measure(norm, m)
    if _not_a_measure(norm, m, unit_word, mag):
        return None
    lead, pre_cmp = _pre_qualifier(norm, m.start())
    signed = not pre_cmp and _signed(norm, m.start())
    lead = lead - 1 if signed else lead
    counted = unit_word if unit_word in _ONE_COUNTS_IN or _a_count_of_one(norm, m, unit_word) else ""
    # 万名居家长者乐享智慧养老, 千户… opening a list's line: the count the item is about, written in words
    line_count = (unit_word in COUNT_UNITS and (m.start() == 0 or norm[m.start() - 1] == "\n")
                  and not norm.startswith(("万", "千", "百"), m.end()))  # 千家万户 is a word
    if chinese and not _plausible_chinese(num, mag, pre_cmp, bool(m["q1"] or m["q2"] or m["post"]), counted,
                                          measured=bool(unit_word), line_count=line_count):
        return None
    if chinese and _named_set(norm, m, num, unit_word):
        return None
    value = chinese_to_float(num) if chinese else arabic_to_float(num)
    if value is None or value == 0 or (unit_word == "期" and not held_sessions(norm, m.start(), m.end()) and (
            _is_phase(norm, m.end(), value, mag) or _ISSUE.search(norm, max(0, m.start() - 6), m.start()))):
        return None
    return Quantity(
        start=m.start(), end=m.end() + extra, lead=lead, value=value,
        unit=(mag + unit_word), base_unit=unit_word or mag,
        comparator=_comparator(m, pre_cmp), post=m["post"] or "", chinese=chinese,
        restates=_restates_list(norm, m.start(), value, unit_word), signed=signed,
        milestone=norm.startswith(_MILESTONE, m.end()) or _MARK_THEN_MEASURE.match(norm, m.end() + extra) is not None
        and _PASSED.search(norm, max(0, m.start() - 3), m.start()) is not None,
    )


_MINUS = frozenset("-−－")
# 每立方米16微克: a rate's base written before the number and its measure after it (16 微克/立方米)
# (only a number without a unit of its own: 人均每月100元 stays 100 元)
_PER_BASE = re.compile(r"每(立方米|升)$")
_RATE_MEASURE = quick(r"微克|毫克")


def _unit_around(norm: str, m: re.Match[str], unit_word: str) -> tuple[str, int]:
    """The compound unit of a number whose base is written before it (每立方米16微克 → 微克/立方米) and how many
    characters past the match its measure reaches; the unit as read, 0, otherwise."""
    base = _PER_BASE.search(norm, max(0, m.start() - 4), m.start())
    if base is None or m["num2"] or unit_word or m["mag"] or m["post"]:
        return unit_word, 0
    found = _RATE_MEASURE.match(norm, m.end())
    compound = f"{found.group()}/{base.group(1)}" if found else ""
    return (compound, len(found.group())) if found and compound in BASE_UNITS else (unit_word, 0)


def _signed(norm: str, start: int) -> bool:
    """同比分别-6.2%、-19.3%, 增速为-3.5%: a minus sign after a word or a clause mark, not the dash of a range
    (5%-6%, 1-6月) or a code (G15-1)."""
    if start < 2 or norm[start - 1] not in _MINUS:
        return False
    before = norm[start - 2]
    return _is_cjk(before) or before in "、,;:(（ "


def _a_count_of_one(norm: str, m: re.Match[str], unit_word: str) -> bool:
    """新增一所县级医院, 新增上市公司一家: 一 counts after a verb that adds things or at a clause's
    end; elsewhere (一个问题, 一次办, 一家人) it is a word."""
    if unit_word not in COUNT_UNITS or unit_word in ("次", "批"):
        return False  # 一批: some, not one
    nxt = norm[m.end()] if m.end() < len(norm) else ""
    return bool(_ADDS.search(norm, max(0, m.start() - 3), m.start())) or nxt in ",;。"


# 抓好城乡养老服务两张网, 一张蓝图绘到底: a set named by a count in words (网, 图, 清单) is a slogan, no measure
_SET_NOUN = re.compile(r"(?:网|图|蓝图|清单|名片)(?![\u4e00-\u9fff]{0,2}(?:建设|覆盖))")
# 打造一支懂经济、善洽谈的招商队伍: 一支 before a team is "a", no count
_TEAM_AHEAD = re.compile(r"[^,;。!]{0,24}?(?:队伍|团队|铁军)")
_SET_COUNT_MAX = 5


def _named_set(norm: str, m: re.Match[str], num: str, unit_word: str) -> bool:
    """A count in words that names a slogan's set (两张网, 一张图) or says "a" (一支…队伍), not a measure."""
    value = chinese_to_float(num) if num else None
    if value is None or value > _SET_COUNT_MAX:
        return False
    if unit_word == "张":
        return _SET_NOUN.match(norm, m.end()) is not None
    return unit_word == "支" and value == 1 and _TEAM_AHEAD.match(norm, m.end()) is not None


def _is_phase(norm: str, end: int, value: float, mag: str) -> bool:
    """滨河路四期工程, 五期正在建设: a phase of a project, not a count of sessions (培训班26期,)."""
    nxt = norm[end] if end < len(norm) else ""
    return value <= _PHASE_MAX or bool(mag) or (_is_cjk(nxt) and nxt not in "以左多余")


_BANDWIDTH_AFTER = re.compile(r"以上|左右|及以上|的?(?:带宽|宽带|光纤|网络|接入)")
_POPULATION_BEFORE = re.compile(r"人口(?:为|数为|总数为|达)?$")
_SCORE_AFTER = re.compile(r"的(?:高分|好成绩|成绩|总分|综合得分|得分)")


# 牲畜存栏总头数149875(头、只、匹): a bulletin's head count over several kinds of animal, its units in a bracket
_UNIT_LIST = re.compile(r"[(（](?P<words>[头只匹口羽峰](?:、[头只匹口羽峰])+)[)）]?")


def _bare_measure(norm: str, m: re.Match[str]) -> Quantity | None:
    """A number without unit measures only as a decimal duration or age (受教育年限11.2年,
    预期寿命78.5岁) or as a ratio to one (城乡收入比2.15∶1); otherwise it is a year or a code."""
    num, end = m["num"], m.end()
    if "." in num and m["post"] in ("以内", "以下", "以上", "左右") and not (m["num2"] or m["q1"] or m["q2"]):
        lead, pre_cmp = _pre_qualifier(norm, m.start())  # 死亡率控制在0.02以内: a rate without unit
        return Quantity(start=m.start(), end=end, lead=lead, value=arabic_to_float(num), unit="",
                        base_unit="", comparator=_POST_COMPARATOR[m["post"]], post=m["post"], chinese=False)
    if m["num2"] or m["q1"] or m["q2"] or m["post"] or end >= len(norm):
        return None
    if norm[end] in "年岁" and ("." in num or _LIFESPAN.search(norm, max(0, m.start() - 6), m.start())):
        unit, end = norm[end], end + 1
    elif norm[end:end + 2] in ("∶1", ":1") and not norm[end + 2:end + 3].isdigit():
        unit, end = "", end + 2
    elif units := _UNIT_LIST.match(norm, end):
        unit, end = units["words"].replace("、", ""), units.end()  # 存栏149875(头、只、匹): the units listed
    elif _SCORE_AFTER.match(norm, end):
        unit = ""  # 以96.5的高分通过考核验收: a score, written without its unit
    elif norm[end] in ",;。、" and "." not in num and _POPULATION_BEFORE.search(norm, max(0, m.start() - 4), m.start()):
        unit = ""  # 年末全县常住人口766579,: a bulletin's head count, written without 人
    else:
        return None
    if end < len(norm) and norm[end] in "底末初前后内中":
        return None
    lead, pre_cmp = _pre_qualifier(norm, m.start())
    return Quantity(start=m.start(), end=end, lead=lead, value=arabic_to_float(num), unit=unit,
                    base_unit=unit, comparator=pre_cmp or "=", post="", chinese=False)


def _restates_list(norm: str, start: int, value: float, unit_word: str) -> bool:
    """女儿河、小凌河、百股河三条河流: a count right after the list it counts names nothing new; nor does a count
    right before the list naming its items (7项指标基本符合预期,分别是A、B、…)."""
    if unit_word not in COUNT_UNITS or not 2 <= value <= 12 or value != int(value) or not start:
        return False
    if norm[start - 1] == "各":
        return False  # 新建幼儿园、小学各2所: the count of each thing listed, not of the list
    if _is_cjk(norm[start - 1]):
        window = _ASIDE_IN_ITEM.sub("", norm[max(0, start - 160):start])
        if _names_n_items(_CLAUSE_START.split(window)[-1], int(value)):
            return True
    after = _LIST_AFTER.match(norm, start)  # 7项指标基本符合预期,分别是A、B、…
    return bool(after) and _names_n_items(_ASIDE_IN_ITEM.sub("", after["items"]).rstrip("等"), int(value))


# 建设工程和产业项目主体完工2个: a deed after the names makes the number a count of what was done, not of the names
_LATIN_CODE = re.compile(r"[A-Za-z]+[0-9][A-Za-z0-9]*|[0-9]+[A-Za-z][A-Za-z0-9]*")
_DEED_IN_ITEM = re.compile(r"(?:完工|开工|竣工|建成|完成|达到|实现|投产|签约|落地|过半|复工)$")


def _names_n_items(clause: str, n: int) -> bool:
    items = _LIST_ITEM_SEP.split(clause)
    # G6PD缺乏症、苯丙酮尿症等5种…: a name's Latin code holds digits but counts nothing
    return (len(items) == n and not _DIGIT.search(_LATIN_CODE.sub("", clause))
            and all(0 < len(item) <= 20 for item in items)
            and not _DEED_IN_ITEM.search(items[-1]))


def _chinese_parts(num: str, mag: str) -> tuple[str | None, str]:
    body, own_mag = split_magnitude(num)
    if own_mag and mag:
        return None, ""
    return body, own_mag or mag


def _plausible_chinese(body: str, mag: str, pre_cmp: str, post_approx: bool, unit_word: str = "",
                       measured: bool = False, line_count: bool = False) -> bool:
    """Chinese numerals are words too (统一, 千家万户, 亿元以上项目); accept only clear counts.

    A bare scale counts only with a qualifier (千余批次, 近千万元), a bare
    magnitude only after one (近万名).
    """
    if body == "":
        return (bool(pre_cmp) or line_count) and bool(mag)
    if line_count and body in CN_SCALES:
        return True  # 千名…, 百户… opening a list's line
    if not any(ch in CN_DIGITS for ch in body):
        # 十个示范村; 百万吨乙烯, 十万亩: a scale with a magnitude and a measure is a quantity, not a word
        return bool(pre_cmp) or post_approx or (body == "十" and unit_word in COUNT_UNITS) or (bool(mag) and measured)
    if body == "一" and not mag:
        return bool(unit_word)  # a count of one the caller recognised (_a_count_of_one)
    return chinese_to_float(body) is not None


def _is_code(norm: str, m: re.Match[str]) -> bool:
    """Numbers glued to Latin letters or operators are names and codes (5G, 8+3, PM2.5)."""
    before = norm[m.start() - 1] if m.start() else ""
    after_num = m.end("num2") if m["num2"] else m.end("num")
    after = norm[after_num] if after_num < len(norm) else ""
    # 100MW光伏: a unit written in Latin letters is no code
    latin_unit = bool(m["unit"]) and m["unit"][0].isascii() and m.start("unit") == after_num
    # 完成GDP2917.85亿元: an indicator's Latin abbreviation before a number with a measure of its own
    named = bool(m["unit"] or m["mag"]) and bool(_INDICATOR_ABBREVIATION.search(norm, max(0, m.start() - 4), m.start()))
    if before.isascii() and before.isalpha() and not named or (after.isascii() and after.isalpha() and not latin_unit):
        return True
    if before in _CODE_NEIGHBOURS or after in _CODE_NEIGHBOURS:
        return True
    end_char = norm[m.end()] if m.end() < len(norm) else ""
    # (a number closing the text, 新建公办幼儿园150所 as a headline prints it, is followed by nothing)
    return bool(end_char) and (end_char in "+×*" or (end_char.isascii() and end_char.isalpha()))


def _in_definition(norm: str, start: int, end: int) -> bool:
    """(进展情况占比低于91.7%或增幅低于目标任务,下同): an aside defining how the text uses a word measures nothing."""
    close = norm.find("下同)", end, end + _ASIDE_MAX)
    if close < 0 or "(" in norm[end:close] or ")" in norm[end:close]:
        return False
    opened = norm.rfind("(", max(0, start - _ASIDE_MAX), start)
    return opened >= 0 and ")" not in norm[opened:start]


def _is_ordinal(norm: str, start: int, unit_word: str) -> bool:
    """第3位, 第三次; 前10名 is a rank too, but 以前20天 is not.  直径3.5米 is a size
    in a product's description, no ordinal but no measure of work either."""
    before = norm[start - 1] if start else ""
    if before == "第" or (before == "前" and unit_word in ("名", "位")):
        return True
    if before == "、" and _ORDINALS_LISTED.search(norm, max(0, start - 24), start):
        return True  # 第17、18件: the ordinal reaches every number of its list
    return norm[max(0, start - 2):start] in _SIZE_WORDS


_ASIDE_MAX = 40
# 第一、二、三批: a list of ordinals in Chinese numerals, the last one no count of 批 either
_ORDINAL = r"(?:\d{1,4}|[一二三四五六七八九十]{1,3})"
_ORDINALS_LISTED = re.compile(rf"第{_ORDINAL}(?:、{_ORDINAL})*、$")
# 附件:1.2020年政府工作报告…: an item's number before a year, no decimal
_ITEM_THEN_YEAR = re.compile(r"\d{1,3}[.．](?:19|20)\d\d$")


# 基本实现全省20户以上具备条件的自然村通硬化路: a size class of the villages a programme reaches, no count
_VILLAGE_CLASS = re.compile(r"(?:的|且|、)?(?:具备条件|符合条件|人口较多)?的?(?:自然村|行政村|村庄|村组|村落)")
_AVERAGED_OVER = re.compile(r"[\u4e00-\u9fff]{0,10}?(?:城市|地市|省份|省区市|县市区|县区)(?:的)?平均")
_SAMPLE_SURVEY = re.compile(r"[\u4e00-\u9fff]{0,8}?抽样调查")


def _not_a_measure(norm: str, m: re.Match[str], unit_word: str, mag: str) -> bool:
    nxt = norm[m.end()] if m.end() < len(norm) else ""
    if not unit_word and not mag:
        return True  # a bare number: years, codes, list markers
    if nxt in _NOT_A_MEASURE_AFTER and not (unit_word and _YEARLY.match(norm, m.end())):
        return True
    if not unit_word and m["num"][0] not in "0123456789":
        return True
    if _SLOGAN_AFTER.match(norm, m.end()):
        return True
    if m["num"][0] not in "0123456789" and _QUOTED_ALONE.match(norm, m.end()):
        return True  # 聚焦三个“一号工程”, 落实“五个走在前”: numerals in words before a quoted name alone
    if _INCLUSIVE_ASIDE.search(norm, max(0, m.start() - 24), m.start()) and \
            norm[max(0, m.start() - 24):m.start()].endswith(f"{m['num']}{mag}{unit_word}以上(含"):
        return True  # 总投资30亿元以上(含30亿元)项目: the aside says the bound is inclusive
    if m.start() and norm[m.start() - 1] == "每":
        return True  # 每十万人座席数5.52人, 每千人口床位: the base a rate is measured over, no count
    if _CHOSEN_FROM_CANDIDATES.search(norm[max(0, m.start() - 16):m.start()]):
        return True
    if names_a_class(norm, m.start(), m.end(), unit_word) or frames_a_measure(norm, m.start(), m.end(), unit_word):
        return True  # 10千伏线路16.66公里, “发展”出现67次, 16万户居民家庭的抽样调查 (measure_classes)
    if unit_word in ("个", "项", "件") and (
            _LIST_SIZE_BEFORE.search(norm, max(0, m.start() - 16), m.start())
            or norm.startswith(",包括", m.end()) and _CATEGORY_COUNT.search(norm, max(0, m.start() - 3), m.start())
            or _in_sized_part(norm, m.start()) or _DIVIDED.search(norm, max(0, m.start() - 22), m.start())
            or norm[m.start() - 1:m.start()] == "共" and _LIST_SENTENCE.search(_sentence_before(norm, m.start()))):
        return True
    if unit_word in ("小时", "分钟") and _SPENT_COUNTING.match(norm, m.end()):
        return True  # 两小时共接听群众来电9个: the time spent frames the count after it, it measures no work
    if unit_word == "条" and _POLICY_AFTER.match(norm, m.end()) and m.start() and _is_cjk(norm[m.start() - 1]):
        return True  # 稳增长26条等一揽子措施: a policy package's name
    if unit_word in ("项", "个") and _INDICATOR_COUNT.match(norm, m.end()):
        return True  # 四项指标增速均列全市第一: a count of the indicators just named
    if unit_word in ("户", "人") and m["post"] in ("以上", "及以上") and _VILLAGE_CLASS.match(norm, m.end()):
        return True  # 20户以上具备条件的自然村: the villages' size class, no count of households
    if unit_word == "个" and _AVERAGED_OVER.match(norm, m.end()):
        return True  # 全国339个地级及以上城市平均优良天数比例: the places an average is taken over
    if unit_word in ("‰", "%") and _SAMPLE_SURVEY.match(norm, m.end()):
        return True  # 据全省5‰人口变动抽样调查推算: the size of a sample, no measure
    if unit_word in ("项", "个", "件", "家") and _OWN_SIZE.match(norm, m.end()) and _OWN_SIZE_BEFORE.search(
            norm, max(0, m.start() - 6), m.start()):
        return True  # 《…任务分解》明确133项具体任务,涉及34个牵头单位: a decomposition's own size, no work measured
    if (unit_word in ("项", "件") and norm[m.start() - 1:m.start()] in ("(", "（")
            and norm.startswith((")", "）"), m.end())):
        return True  # 一、县示范区管委会牵头工作(8项): the size of a list's part named in its title
    if unit_word in ("件", "项") and _LIST_NAMED_AFTER.match(norm, m.end()):
        return True  # 2025年十五件民盼实事任务分解: a list named by its size
    if unit_word == "人" and nxt == "制":
        return True  # 3人制篮球场, 11人制足球场: a game's format in a facility's name, no count of people
    if unit_word == "套" and nxt == "房" and m["num"][0] not in "0123456789":
        return True  # 优化二套房认定标准: a second home, no count
    if unit_word == "兆" and (m["num"][0] not in "0123456789" or (
            _is_cjk(nxt) and not _BANDWIDTH_AFTER.match(norm, m.end()))):
        return True  # 千兆光网, 20兆瓦 elsewhere: only 20兆以上 (bandwidth, Mbps) measures in 兆 alone
    if unit_word == "位" and norm.startswith("数", m.end()):
        return True  # 保持两位数增长: a magnitude of growth, no count of anything
    if unit_word in ("位", "名") and (_RANK_MOVE.search(norm, max(0, m.start() - 4), m.start())
                                    or _RANK_MOVES_LISTED.search(norm, max(0, m.start() - 24), m.start())):
        return True  # 居全省第6位,比去年同期提升5位: a move in a ranking, no count
    if unit_word == "本" and norm[m.end():m.end() + 1] in _NOT_BOOKS:
        return True  # 2本科, 3本地: 本 opening a word is no count of books or certificates
    if unit_word in COUNT_UNITS and _RANK_POOL.match(norm, m.end()):
        return True  # 在全省126家省级以上开发区综合考评中位列第3位: the field of a ranking
    if unit_word in COUNT_UNITS and _RANK_FIELD_AFTER.match(norm, m.end()) and \
            _RANK_WORD_BEFORE.search(norm, max(0, m.start() - 8), m.start()):
        return True  # 经济总量居全省34个类区县第1位: the field of a ranking without 中
    # 六次全会, 两次强降雨: 次 before a noun is an ordinal or an attribute, not a count;
    # but 至少举办1次专题招商活动, 开展2次专项检查 count events held.
    return (unit_word == "次" and bool(nxt) and _is_cjk(nxt) and nxt not in "以左多余的才就"
            and not _HOLDS_EVENTS.search(norm, max(0, m.start() - 5), m.start()))


# 明确133项具体任务, 细化15项具体任务, 涉及34个牵头单位: what a decomposition itself holds
_OWN_SIZE = re.compile(
    r"(?:具体|重点|工作)?(?:任务|事项)(?![\u4e00-\u9fff]{0,2}(?:完成|办结))|(?:牵头|责任|配合|协同|承办)单位|"
    r"(?:部门|单位)(?:共同)?参与")  # 10件重点民生实事共38家单位参与: the units a list draws in, no work measured
_OWN_SIZE_BEFORE = re.compile(r"(?:明确|细化|分解为?|梳理出?|形成|涉及|共)$")
_LIST_NAMED_AFTER = re.compile(r"(?:重点)?(?:民生|民盼|为民)实事(?:任务|项目)?(?:分解|清单|任务分解|一览表)")


def _in_sized_part(norm: str, at: int) -> bool:
    """The count stands in a bracket sizing a part of a list (科教惠民工程(项目6个,其中…类5个、…类1个))."""
    paren = norm.rfind("(", max(0, at - _BRACKET_BACK), at)
    return paren >= 0 and ")" not in norm[paren:at] and bool(_SIZED_PART.match(norm, paren))


def _sentence_before(norm: str, at: int) -> str:
    lo = max(norm.rfind("。", 0, at), norm.rfind("\n", 0, at), at - _SENTENCE_BACK)
    return norm[lo + 1:at]


_AGREEMENT_VERBS = frozenset("签履违续践预特")


def _pre_qualifier(norm: str, start: int) -> tuple[int, str]:
    window = norm[max(0, start - 3): start]
    for word, cmp in _PRE_BY_LENGTH:
        if window.endswith(word):
            if word == "约" and window[-2:-1] in _AGREEMENT_VERBS:
                break  # 签约12个项目, 履约3000万元: 约 of an agreement, no approximation
            return start - len(word), cmp
    if _AT_LEAST_VERB.search(norm, max(0, start - 4), start):
        return start, ">="  # 至少举办1次: the verb stays in the clause, the bound holds
    return start, ""


def _comparator(m: re.Match[str], pre_cmp: str) -> str:
    if m["post"] in ("多", "余") and m["unit"]:
        return pre_cmp or "="  # 103个多部门: 多 starts the next word
    if m["post"]:
        return _POST_COMPARATOR[m["post"]]
    if m["q1"] or m["q2"]:
        return "~"
    if m["num2"]:
        return ">="  # a range records its lower bound (see facts.py)
    return pre_cmp or "="


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"
