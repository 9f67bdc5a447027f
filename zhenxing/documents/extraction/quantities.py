"""Find the numbers of a text that measure something: value, unit, comparator.

Works on the normalised text (see text.normalise).  find_quantities reads every number (QUANTITY_RE, 百分之… in
words, a unit written once for a list of rates) with its qualifiers (近, 不低于, 以上, a minus sign) into a Quantity.
Exclusions that depend only on the number's own surroundings live beside it: a number with a unit that still
measures no work (slogans, rankings, a list's own size: quantity_filters), numbers that are names (codes, ordinals,
phases: quantity_names), Chinese numerals that are words (quantity_words) and a count restating the list it
stands by (quantity_lists).  Exclusions that depend on neighbouring numbers live in facts.py and fact_filters.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...patterns import quick
from .measure_classes import held_sessions
from .numerals import (
    ARABIC_PATTERN,
    CHINESE_PATTERN,
    arabic_to_float,
    chinese_to_float,
)
from .quantity_filters import not_a_measure
from .quantity_lists import restates_list
from .quantity_names import ITEM_THEN_YEAR, in_definition, is_code, is_ordinal, is_phase
from .quantity_words import a_count_of_one, a_size_in_a_name, chinese_parts, named_set, plausible_chinese
from .text import inside, is_cjk, protected_spans
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
_AT_LEAST_VERB = re.compile(r"至少[\u4e00-\u9fff]{1,2}$")
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
_ISSUE = re.compile(r"(?:19|20)\d\d年第?$")  # 现代经济信息 2023年13期: a periodical's issue
_LIFESPAN = re.compile(r"寿命|年限|年龄")  # 人均预期寿命:79岁 measures in whole years too


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
    if unit_word == "人" and norm.startswith("民币", m.end()):
        unit_word, extra = "元", len("民币")  # 500万人民币: money written with the currency's name, not 万人
    chinese = not num[0].isdigit()
    if chinese and unit_word == "起":
        return None  # 一起, 两起: 起 counts cases after Arabic digits only (一起 is "together")
    if chinese:
        num, mag = chinese_parts(num, mag)
        if num is None:
            return None
    if m["num2"] and m["u0"] and unit_word != m["u0"]:
        return None
    if inside(spans, m.start(), m.end()) or is_code(norm, m) or is_ordinal(norm, m.start(), unit_word):
        return None
    if in_definition(norm, m.start(), m.end()):
        return None
    if not unit_word and not mag and not chinese:
        if ITEM_THEN_YEAR.fullmatch(num) and norm.startswith("年", m.end()):
            return None
        return _bare_measure(norm, m)
    if not_a_measure(norm, m, unit_word, mag):
        return None
    lead, pre_cmp = _pre_qualifier(norm, m.start())
    signed = not pre_cmp and _signed(norm, m.start())
    lead = lead - 1 if signed else lead
    counted = unit_word if unit_word in _ONE_COUNTS_IN or a_count_of_one(norm, m, unit_word) else ""
    # 万名居家长者乐享智慧养老, 千户… opening a list's line: the count the item is about, written in words
    line_count = (unit_word in COUNT_UNITS and (m.start() == 0 or norm[m.start() - 1] == "\n")
                  and not norm.startswith(("万", "千", "百"), m.end()))  # 千家万户 is a word
    if chinese and not plausible_chinese(num, mag, pre_cmp, bool(m["q1"] or m["q2"] or m["post"]), counted,
                                         measured=bool(unit_word), line_count=line_count):
        return None
    if chinese and (named_set(norm, m, num, unit_word) or a_size_in_a_name(norm, m, num, unit_word, pre_cmp)):
        return None
    value = chinese_to_float(num) if chinese else arabic_to_float(num)
    if value is None or value == 0 or (unit_word == "期" and not held_sessions(norm, m.start(), m.end()) and (
            is_phase(norm, m.end(), value, mag) or _ISSUE.search(norm, max(0, m.start() - 6), m.start()))):
        return None
    return Quantity(
        start=m.start(), end=m.end() + extra, lead=lead, value=value,
        unit=(mag + unit_word), base_unit=unit_word or mag,
        comparator=_comparator(m, pre_cmp), post=m["post"] or "", chinese=chinese,
        restates=restates_list(norm, m.start(), value, unit_word), signed=signed,
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
    return is_cjk(before) or before in "、,;:(（ "


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
