"""Who leads a task: suggest_lead reads a task sentence and names the unit that likely leads it.

A unit the text itself assigns (牵头单位:…, 由市发改委牵头, a sentence whose subject is a unit) is surest; otherwise
the keyword table (lead_keywords.DEFAULT_KEYWORD_UNITS, or an office's edited copy with learnt weights) scores each
unit by the keywords of the sentence, more for long keywords and for the head of the first clause's object, less for
words that only say where, for whom or what the task is compared with.  object_phrase gives the words naming what a
task is about, the phrase a reviewer's lead-unit correction is learnt for.  The department names (unit_names), the
tags and subjects that name a unit (unit_subjects) and the keyword table (lead_keywords) live in their own modules;
the names other code imports from here stay importable.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from .keyword_index import KeywordIndex, index_of
from .lead_keywords import DEFAULT_KEYWORD_UNITS, default_weight
from .text import normalise
from .unit_names import (
    DEPARTMENTS,
    alias_end,
    alias_pattern,
    canonical,
    document_level,
    local_name,
    same_unit,
    stand_in,
    standard_name,
)
from .unit_subjects import UnitTag, named_departments, subject_unit, unit_tag

__all__ = [  # the entry functions, and the names other code imports from here
    "DEFAULT_KEYWORD_UNITS", "DEPARTMENTS", "NO_SUGGESTION", "PARTNER_SHARE", "PHRASE_MAX", "KeywordIndex",
    "Suggestion", "UnitTag", "canonical", "default_weight", "document_level", "index_of", "local_name",
    "named_departments", "object_phrase", "same_unit", "stand_in", "standard_name", "subject_unit", "suggest_lead",
    "suggest_unit", "unit_tag",
]

_CLAUSE_END = re.compile(r"[,;。:!?]")
PARTNER_SHARE = 0.12  # a partner's keywords weigh at least this share of the lead's
_SURE_LONG, _SURE_SHORT, _SURE_WEAK = 0.9, 0.85, 0.7  # a keyword lead's confidence with no other unit in sight
# The partner a goal implies, as decompositions assign it: residents' income is the towns' and the villages' (人社 with
# 农业农村), cutting emissions the economy's and the environment's (发改 with 生态环境), tax revenue the treasury's and
# the tax office's
_IMPLIED_PARTNERS: dict[str, str] = {
    **dict.fromkeys(("居民人均可支配收入", "居民收入", "城乡居民", "城、乡居民", "城镇、农村居民", "城镇和农村居民",
                     "城镇居民、农村居民", "城乡居民人均可支配收入", "城乡居民收入"), "农业农村局"),
    **dict.fromkeys(("节能减排", "二氧化碳排放", "碳排放强度", "降碳"), "生态环境局"),
    "税收": "税务局"}
_COMPARED = "与同较比于"
# Residents' income kept in step with the economy (居民收入增长与经济增长同步) is a goal of balance in the plan, and
# every government's own decomposition seen gives it to the development and reform commission (咸宁, 咸安, 无锡, 衢州,
# 湖南, 嘉兴; tests/documents/data/official_leads.tsv), the income bodies as partners; a plain income target stays
# with the keyword table.
_INCOME_IN_STEP = re.compile(
    r"(?:居民|农民)[^,;。、]{0,10}?收入[^,;。、]{0,8}?(?:与|和|同)[^,;。、]{0,4}?"
    r"(?:经济|GDP|地区生产总值|生产总值)[^,;。、]{0,10}?同步")
_IN_STEP_START = 8  # the goal opens the sentence (全体/城乡常住 before 居民), not a clause after another goal
_ATTRACTS = re.compile(r"(?:全年|年内|今年)?(?:精准|大力|积极|全力|着力|持续)?(?:新)?(?P<verb>引进|招引)"
                       # 精准招引一批体量大、质量高的大项目好项目: projects drawn in, counted or not
                       r"(?:[^,;。]{2,30}?(?:企业|机构|项目|首店|总部)\d|一批[^,;。]{0,30}?(?:企业|项目|总部))")
_NOT_ATTRACTED = re.compile(r"人才|专家|团队|院士|技术|培育")
_ATTRACTING = "商务局"
_IN_STEP = ("发展改革委", ("人力资源社会保障局", "农业农村局"))
_LEADS = re.compile(r"(?:牵头|负责|为主|主抓|主责)")


@dataclass(frozen=True)
class Suggestion:
    """The unit that likely leads a task, why (the phrase that triggered it), partners and how sure."""

    lead: str
    trigger: str
    partners: tuple[str, ...]
    confidence: float


NO_SUGGESTION = Suggestion("", "", (), 0.2)
# 由市嘉源集团牵头, 嘉善县政府负责: a unit the table may not know, named as leading
_LED_BY = re.compile(
    r"(?:由|^|(?<=[,;:。]))(?P<unit>[^由,;:。、\s]{2,14}?"
    r"(?:局|委员会|委|办公室|办|部|中心|集团|公司|政府|管委会))(?:牵头|负责(?!人)|主抓)")


# 殡葬改革, 工程建设项目审批制度改革: a reform of what the keyword just before it names, not the reform office's work
_ATTACHED = frozenset({"改革"})
_BECOMES = frozenset({"更新", "改造", "改建", "升级", "转型", "调整", "替换", "置换", "转变", "转化", "提升", "创建"})
_INTO_NOT = "推促引改先前增跟演激精挺并"  # 推进, 促进, 引进…: verbs ending in 进, not 进 (into)
_ATTACHED_GAP = 4  # 医保支付方式改革: up to 4 characters between the object and its 改革


def _minor_hits(sentence: str, hits: list[tuple[int, str]]) -> set[int]:
    """Offsets of keywords that say what the task is compared with or measured against, or that attach to the
    keyword before them: what it is compared with (居民收入增长与经济增长同步), the whole a share is of
    (研发经费支出占地区生产总值比重: not GDP's), a reform of an object named just before (殡葬改革)."""
    minor: set[int] = set()
    before = ""
    last_end = -_ATTACHED_GAP - 1
    for at, keyword in hits:
        before = sentence[at - 1] if at else ""
        share_of = before == "占" and not (at > 1 and sentence[at - 2] in "侵挤霸抢")
        attached = (keyword in _ATTACHED and 0 <= at - last_end <= _ATTACHED_GAP
                    and not _CLAUSE_END.search(sentence, last_end, at))
        # 公交车辆更新为新能源车: what the object becomes is not what the task is about; 非遗进校园: where it goes
        becomes = before == "为" and sentence[max(0, at - 3):at - 1] in _BECOMES
        goes = before == "进" and (at < 2 or sentence[at - 2] not in _INTO_NOT)
        # 纪念馆整体提升工程对外开放: a venue opening its doors, not the economy opening up
        opens = keyword in _OPENING_UP and _VENUE.search(sentence, _clause_start(sentence, at), at) is not None
        # 文化产业赋能乡村振兴: what a work empowers is what it serves, not what it is
        serves = sentence[max(0, at - 2):at] == "赋能"
        # 完成200座环卫公厕适老化改造: how a thing named before it is adapted, not a work of its own (老年人家庭…:
        # the household named before leads anyway; 居家适老化改造 with nothing before stays civil affairs')
        adapted = ((keyword in _ADAPTED or keyword in _DELIVERED) and last_end > 0
                   and not _CLAUSE_END.search(sentence, last_end, at))
        # 供水水质提升, 饮用水质量: the quality of the water supplied is the supply's, not the environment's water
        supplied = keyword == "水质" and _SUPPLIED.search(sentence[max(0, at - 5):at + 2]) is not None
        if (before and before in _COMPARED or share_of or attached or becomes or goes or opens or serves or adapted
                or supplied):
            minor.add(at)
        last_end = at + len(keyword)
    # 用足更加积极的财政政策,对接争取…谋划储备500个重大项目: the policy invoked first is the means, not the task
    policy = _POLICY_INVOKED.match(sentence)
    if policy:
        minor.update(at for at, _ in hits if at < policy.end())
    # 依据国土空间规划落实生活垃圾分类设施专项规划: what the task goes by, before its verb, is not what it does
    basis = _BASIS.match(sentence) if sentence[:1] in "依根按遵对" else None
    if basis:
        minor.update(at for at, _ in hits if at < basis.end())
    # 启动畜牧、蔬菜两个省实验室建设: the names listed before a count of the things they name (a 实验室) say which
    # ones, not what the task is, when that thing is a keyword of its own (not 等5个项目)
    # 推进三峡水运新通道等1.22万个亿元以上新建续建项目建设: one name standing for thousands is an example, not the work
    for m in _EXAMPLE_BEFORE_COUNT.finditer(sentence) if "等" in sentence else ():
        if _count_value(m.group("count")) >= _EXAMPLE_COUNT_MIN:
            minor.update(at for at, _ in hits if m.start() <= at < m.start("count"))
    # 推动集成电路、人工智能等领域“卡脖子”技术实现突破: the fields listed before 等领域 say where the work is, when a
    # keyword after them says what it is
    for m in _FIELDS_LISTED.finditer(sentence) if "等" in sentence else ():
        if any(at >= m.end() for at, _ in hits):
            minor.update(at for at, _ in hits if at < m.start("closing") and at >= _clause_start(sentence, m.start()))
    # 为了改善生态环境,加快推进引调水工程建设: what a task is for, before the work it opens on, is not what it does
    purpose_end = _purpose_end(sentence)
    if purpose_end and any(at >= purpose_end for at, _ in hits):
        minor.update(at for at, _ in hits if at < purpose_end)
    listed = "、" in sentence and _LIST_COUNTED.search(sentence) is not None  # (skip the costly search otherwise)
    for m in _NAMES_BEFORE_COUNT.finditer(sentence) if listed else ():
        counted = next((kw for at, kw in hits if at >= m.end()), None)
        if counted and sentence.startswith(counted, m.end()) and default_weight(counted) >= 1:
            minor.update(at for at, _ in hits if m.start() <= at < m.start("count"))
    return minor


_SUPPLIED = re.compile(r"(?:供|自来|饮用|饮|出厂|管网|末梢)水(?:的?水)?质$")
_FIELDS_LISTED = re.compile(r"、[^,;。:]{1,12}?(?P<closing>等(?:重点|相关|新兴|关键)?(?:领域|行业|方面))")
_PURPOSE = re.compile(r"为了?[^。;:]{2,80}?,(?=(?:全力|加快|加速|大力|积极|着力|扎实|稳步|全面|持续|深入|有序)*"
                      r"(?:推进|实施|建设|开展|启动|新建|完成|打造|开工|改造|推动))")


def _purpose_end(sentence: str) -> int:
    """Where a sentence's opening purpose clause ends (为改善生态环境,|加快推进…), 0 when it opens on none."""
    purpose = _PURPOSE.match(sentence) if sentence[:1] == "为" else None
    return purpose.end() if purpose else 0


_ROAD_NAMED = re.compile(r"[东南西北中]?(?:路(?![径线子演费网况面灯])|大道|大街)")
_OPENING_UP = frozenset({"对外开放", "开放"})
# 推进高龄津贴一网通办、免申即享: how a benefit named before it is delivered, not a work of its own
_DELIVERED = frozenset({"一网通办", "免申即享", "通办", "秒批"})
_ADAPTED = frozenset({"适老化"})
# venues and grounds a task opens to the public (博物馆…免费开放, 校园体育场地向社会开放)
_VENUE = re.compile(r"馆|宫|故居|旧居|陵园|景区|博物院|公园|绿地|场地|校园|纪念地|遗址")


def _clause_start(sentence: str, at: int) -> int:
    """Where the clause holding offset `at` starts."""
    return max((m.end() for m in _CLAUSE_END.finditer(sentence, 0, at)), default=0)


_BASIS = re.compile(r"(?:依据|根据|按照|依照|遵照|对照)[^,;。:]{2,24}?"
                    r"(?=落实|推进|实施|编制|开展|建设|完善|制定|加快|优化|推动|做好|抓好|组织)")
_FRAMED_BY = re.compile(r"以[^,;。]{2,30}?为(?:统揽|抓手|引领|牵引|主线|载体|突破口|切入点|总揽)[,;]")
_POLICY_INVOKED = re.compile(
    r"(?:用足|用好|用活|落实|实施|落实好)(?:更加|更为)?(?:积极|有力|稳健|适度宽松)(?:有为|有效)?的(?:财政|货币)政策[,;]")
_EXAMPLE_BEFORE_COUNT = re.compile(
    r"(?<![、\u4e00-\u9fff“”])[\u4e00-\u9fff“”]{2,16}等(?P<count>\d+(?:\.\d+)?万?|[一二三四五六七八九十百千]+)"
    r"(?:个|座|家|所|条|项|批|处)")
_EXAMPLE_COUNT_MIN = 10


def _count_value(count: str) -> float:
    """1.22万 → 12200; 五十 → 50 (a rough value: only its size matters)."""
    if count[0].isdigit():
        return float(count.rstrip("万")) * (10000 if count.endswith("万") else 1)
    return 100.0 if any(ch in count for ch in "百千") else 10.0 if "十" in count else 1.0


_NAMES_BEFORE_COUNT = re.compile(
    r"[\u4e00-\u9fff]{1,8}(?:、[\u4e00-\u9fff]{1,8})+等?(?P<count>[两二三四五六七八九十\d]+)(?:个|座|家|所|条|项|大)"
    r"(?:省级|市级|县级|国家级|省|市|县)?")
# how every match of _NAMES_BEFORE_COUNT ends (its last listed name, then the count): found only where one can be
_LIST_COUNTED = re.compile(r"、[\u4e00-\u9fff]{1,8}等?[两二三四五六七八九十\d]+(?:个|座|家|所|条|项|大)")


# 教育、卫生、文化等社会事业: fields listed and closed by 等, the first named leads (the others partner); fields run
# together without a mark (防范化解财政金融等领域风险) are listed as well
_LIST_JOIN = ("、", "和", "及", "与", "以及", "")


def _listed_first(sentence: str, hits: list[tuple[int, str]], head: int) -> int:
    """The head, or the first member of the list it closes: keywords joined by 、 (和, 及…, or nothing: 财政金融等)
    and closed by 等 name several fields of one task, and the first named usually leads (加强教育、医疗、养老等公共服务
    设施建设: 教育).
    A list without 等 is more often the head's qualifiers (养老、医疗、失业保险): it stays with its last member."""
    at_of = {at: keyword for at, keyword in hits}
    if head < 0 or not sentence.startswith("等", head + len(at_of[head])):
        return head
    ends = {at + len(keyword): at for at, keyword in hits}
    first = head
    while True:
        joined = next((first - len(join) for join in _LIST_JOIN if sentence.startswith(join, first - len(join))), None)
        if joined is None or joined not in ends:
            return first
        first = ends[joined]


# 打通县城人民大道等断头路, 建成区消除黑臭水体: a dead-end road or a black and smelly water body in the town (the
# city proper, the county town, its built-up area) is municipal works, the housing and construction bureau's (the
# national division: the towns' 黑臭水体 住建, the countryside's 生态环境); without the town's name they stay with their
# default units (a city whose transport bureau builds the roads).  Not car parks: governments differ even in the
# town (城区停车位 住建 in 天祝, 交通 in the corpus' 宜城).
_IN_TOWN = {"断头路": ("交通运输局", "住房城乡建设局"), "黑臭水体": ("生态环境局", "住房城乡建设局")}
_TOWN = re.compile(r"县城|城区|市区|城市|建成区|微循环")


# 乡镇标准示范生活垃圾分类屋建设, 自然村寨垃圾收运设施覆盖率: the countryside's household waste (its sorting,
# collection and transfer) is housing and construction's village works (the national division since 2019), the
# town's stays city management's; a sentence naming the town as well keeps the town's.
_IN_COUNTRY = {keyword: ("城市管理局", "住房城乡建设局") for keyword in ("生活垃圾", "垃圾分类", "垃圾收运")}
_COUNTRY = re.compile(r"农村|乡镇|村庄|村寨|自然村|行政村|乡村|村级")
# 推进学校塑胶运动场地建设: a school's grounds are the school's, education's (the sports bureau's are the public's)
_AT_SCHOOL = frozenset({"运动场", "体育场地", "体育设施", "体育场馆"})
_SCHOOL = re.compile(r"(?:学校|中小学|校园|校内)[^,;。:]{0,6}$")


def _units_of(index: KeywordIndex, keyword: str, sentence: str, at: int = 0) -> list[tuple[str, float]]:
    """The units a keyword points at in this sentence (a default road word in the town: the municipal works; the
    countryside's waste: village works; a school's sports ground: the school's)."""
    units = index.units.get(keyword)
    if units is None:  # a named river's regulation (_with_waterway): the water bureau's, as much as a 河道整治
        return [("水利局", len(_WATERWORKS) / len(keyword))]
    moved = _IN_TOWN.get(keyword)
    if moved and _TOWN.search(sentence):
        return [(moved[1] if unit == moved[0] else unit, weight) for unit, weight in units]
    if keyword == "人居环境" and _TOWN.search(sentence) and not _COUNTRY.search(sentence):
        # 提升城市人居环境: the town's living environment is housing and construction's (the countryside's, the
        # default, agriculture's)
        return [("住房城乡建设局" if unit == "农业农村局" else unit, weight) for unit, weight in units]
    moved = _IN_COUNTRY.get(keyword)
    if moved and _COUNTRY.search(sentence) and not _TOWN.search(sentence):
        return [(moved[1] if unit == moved[0] else unit, weight) for unit, weight in units]
    if keyword in _AT_SCHOOL and _SCHOOL.search(sentence, _clause_start(sentence, at), at):
        return [("教育局" if unit == "体育局" else unit, weight) for unit, weight in units]
    return units


# 启动东柳河城区段综合治理工程, 对单塘河等5条河进行环境整治: a named river's (canal's, stream's) regulation is the
# water bureau's works (the corpus gold and the governments' own), unless a keyword inside says whose (黑臭水体,
# 水环境): read as weighing a 河道整治, the river's words its trigger
_WATERWAY = re.compile(r"(?<=[\u4e00-\u9fff])"
                       r"(?:河(?![南北道长湖网])|渠|溪|江(?=[\u4e00-\u9fff]{0,2}(?:岸|段|干流|支流)))"
                       r"[^,;。:、]{0,8}?(?:综合治理|综合整治|系统治理|治理|整治|清淤|疏浚)")
_WATERWORKS = "河道整治"


def _with_waterway(sentence: str, hits: list[tuple[int, str]], index: KeywordIndex) -> list[tuple[int, str]]:
    """The hits, with a named river's regulation read as 河道整治 where no keyword of the span says otherwise."""
    if _WATERWORKS not in index.units or not ("治" in sentence or "清淤" in sentence or "疏浚" in sentence):
        return hits
    m = _WATERWAY.search(sentence)
    if m is None or any(at < m.end() and at + len(kw) > m.start() - 1 for at, kw in hits):
        return hits
    return sorted([*hits, (m.start() - 1, sentence[m.start() - 1:m.end()])])


def suggest_lead(sentence: str,
                 table: Mapping[str, str] | Iterable[tuple[str, str, float]] | KeywordIndex | None = None
                 ) -> Suggestion:
    """Who leads the task of `sentence`: a department it names (the one said to 牵头, else the first),
    else the unit whose keywords weigh most (length × weight, more in the first characters), with the
    phrase that triggered it.  Units of other keywords are its partners."""
    tag = unit_tag(sentence) if "单位" in sentence or "部门" in sentence else None
    if tag:
        return Suggestion(tag.lead, tag.written, tag.partners[:4], 0.95)
    # most sentences hold no character a department's name ends with: no need to look for one
    naming = alias_end().search(sentence) is not None
    named = named_departments(sentence) if naming and alias_pattern().search(sentence) else []
    subject = subject_unit(sentence)
    if subject:
        written, unit = subject
        return Suggestion(unit, written, tuple(dict.fromkeys(n[2] for n in named if n[2] != unit))[:4], 0.95)
    led = _LED_BY.search(sentence) if ("牵头" in sentence or "负责" in sentence) else None
    if led and canonical(led.group("unit")) is None:
        # 由嘉源集团牵头: a unit the department table does not know leads; the named departments partner
        unit = standard_name(led.group("unit"))
        return Suggestion(unit, led.group("unit"), tuple(dict.fromkeys(n[2] for n in named))[:4], 0.9)
    if named:
        lead = next((n for n in named if _LEADS.match(sentence, n[0] + len(n[1]))), named[0])
        partners = tuple(dict.fromkeys(n[2] for n in named if n[2] != lead[2]))
        return Suggestion(lead[2], lead[1], partners[:4], 0.95)
    in_step = _INCOME_IN_STEP.search(sentence) if "同步" in sentence else None
    if in_step and in_step.start() <= _IN_STEP_START:
        return Suggestion(_IN_STEP[0], in_step.group(), _IN_STEP[1], _SURE_LONG)
    attracted = _ATTRACTS.match(sentence) if ("引进" in sentence or "招引" in sentence) else None
    if attracted and not _NOT_ATTRACTED.search(attracted.group()):
        # 全年引进重点金融企业20家、人力资源机构40家: the count of firms drawn in is investment attraction's,
        # whatever the firms' field
        return Suggestion(_ATTRACTING, attracted.group("verb"), (), _SURE_LONG)
    # 争取国家发展改革委支持: 改革 is no keyword there
    if naming:
        sentence = alias_pattern().sub(lambda m: "□" * len(m.group()), sentence)
    index = index_of(table)
    scores: dict[str, float] = {}
    triggers: dict[str, tuple[float, int, str, float]] = {}
    named_for: set[str] = set()  # units a full keyword points at (not only a weak or a compared one)
    # 动工建设工业北路延伸线: a keyword inside a road's name says where, not what the task is
    hits = [(at, kw) for at, kw in index.hits(sentence) if not _ROAD_NAMED.match(sentence, at + len(kw))]
    # 以深化拓展全国文明城市创建为统揽,大力实施城市更新行动: what the works are framed by is not what they are
    hits = _with_waterway(sentence, hits, index)
    framed = _FRAMED_BY.match(sentence)
    if framed and any(at >= framed.end() for at, _ in hits):
        hits = [(at, kw) for at, kw in hits if at >= framed.end()]
    minor = _minor_hits(sentence, hits)
    # the first clause naming something says what the task is (立足比较优势,对县域发展分类指引…: not 立足…)
    # (what it is for, before it, is no clause of it: 为改善生态环境,实施…)
    purpose_end = _purpose_end(sentence)
    first = next((at for at, _ in hits if purpose_end and at >= purpose_end), hits[0][0] if hits else 0)
    clause_end = next((m.start() for m in _CLAUSE_END.finditer(sentence, first)), len(sentence))
    head = max((at for at, _ in hits if at < clause_end and at not in minor), default=-1)
    head = _listed_first(sentence, hits, head)
    for at, keyword in hits:
        for unit, weight in _units_of(index, keyword, sentence, at):
            # the first clause says what the task is; its last keyword is the head of its object
            # (农村…妇女“两癌”免费检查: 两癌, not 农村)
            place = (1.5 if at == head else 1.0) if at < clause_end else 0.6
            if at in minor:
                place = 0.5  # 居民收入增长与经济增长同步: what it is compared with is not what it is
            score = weight * len(keyword) * place
            scores[unit] = scores.get(unit, 0.0) + score
            if weight >= 1 and at not in minor:
                named_for.add(unit)
            best = triggers.get(unit)
            if best is None or score > best[0] or (score == best[0] and at < best[1]):
                triggers[unit] = (score, at, keyword, weight)
    if not scores:
        return NO_SUGGESTION
    ranked = sorted(scores, key=lambda u: (-scores[u], triggers[u][1]))
    lead, top = ranked[0], scores[ranked[0]]
    second = scores[ranked[1]] if len(ranked) > 1 else 0.0
    # a partner is named by a keyword of its own work, not only by one saying where or for whom (企业, 农村) or by
    # what the task is compared with (…与经济增长同步)
    partners = tuple(u for u in ranked[1:] if u in named_for and scores[u] >= PARTNER_SHARE * top)[:3]
    implied = _IMPLIED_PARTNERS.get(triggers[lead][2])
    if implied and implied != lead and implied not in partners:
        partners = (implied, *partners[:2])
    _, _, trigger, weight = triggers[lead]
    # how sure: a unit named by the text is surest (0.95, above); then a long keyword of the lead's work, a short one,
    # a word only saying where or for whom (项目, 企业, 农村: at most 0.7, never among the sure ones bulk-accepted);
    # each less when other units' keywords weigh nearly as much (measured on the corpus: right 66-76% of the time
    # when the runner-up weighs more than half the lead, 94-99% when it weighs less than a third)
    sure = _SURE_WEAK if weight < 1 else _SURE_LONG if len(trigger) >= 4 else _SURE_SHORT
    confidence = sure * (0.55 + 0.45 * min(1.0, 1.5 * (top - second) / top))
    return Suggestion(lead, trigger, partners, round(confidence, 2))


def suggest_unit(sentence: str, table: Mapping[str, str] | None = None) -> str | None:
    """The suggested lead unit's name, or None (the table's shape as before: keyword → unit)."""
    return suggest_lead(sentence, table).lead or None


# What a task sentence opens with before naming its object: manner words and action verbs.
_OPENING = re.compile(
    r"(?:全力|加快|加速|大力|积极|着力|扎实|稳步|全面|持续|深入|有序|力争|确保|进一步|努力|切实|重点|继续|不断|"
    r"今年|全年|年内|全县|全市|全区)*"
    r"(?:开工建设|提质改造|新建改造|改扩建|改\(新\)建|实施|推进|推动|推行|建设|建成|完成|开展|打造|培育|新建|改造|"
    r"新增|提升|提高|落实|深化|强化|健全|完善|创建|举办|引进|开工|启动|抓好|做好|办好|构建|扩大|优化|加强|组建|"
    r"发展|支持|促进|巩固|整治|治理|招引|建立|实现|减少|守好|守住|扛牢|激发|更换|推出|配备|安装|免费)*")
# 为200万中小学生开展…, 为50万户居民用户更换…: whom the task serves, before its verb and object
_BENEFICIARY = re.compile(
    r"(?:为|给|向)[^,;。:]{1,16}?(?=开展|提供|实施|建设|新建|新增|更换|推出|发放|配备|安装|改造|免费)")
# 100个, 20万户, 5000场: a count before the object (建设100个口袋公园)
_LEADING_COUNT = re.compile(r"(?:[\d.]+\s*[万亿千百]?|[一二三四五六七八九十百千万两]+)\s*(?:余|多)?"
                            r"(?:个|家|所|座|条|项|户|人|张|套|处|块|场|批|辆|台|间|名|公里|千米|米|平方米|亩|吨)?")
_OBJECT_END = re.compile(r"[\d,;。:、“”\"()（）]|以上|左右|[一二三四五六七八九十百千万]+[个家所座条项户人]|"
                         r"达到|增长|下降|分别|保持|控制在|稳定在|不低于|不少于")
_QUALIFIER_MAX = 2  # 城镇、农村居民人均可支配收入: a qualifier before 、 belongs to the object
PHRASE_MAX = 10


def object_phrase(sentence: str) -> str:
    """The words naming what a task is about (改(新)建农村户用厕所100万户 → 农村户用厕所, 建设100个口袋公园 → 口袋公园,
    为200万中小学生开展心理健康测评 → 心理健康测评, 森林覆盖率达到45% → 森林覆盖率): its first clause without the
    opening manner words and verbs, whom it serves and a count, up to its first figure or goal verb; the phrase a
    reviewer's lead-unit correction is learnt for, so that the next sentence about the same object follows it."""
    text = normalise(sentence).strip().lstrip("“")  # as the engine reads (，→ ,), so the row matches
    start = _OPENING.match(text).end()
    served = _BENEFICIARY.match(text, start)
    if served:
        start = _OPENING.match(text, served.end()).end()
    count = _LEADING_COUNT.match(text, start)
    if count and count.end() > start:
        start = count.end()
    rest = text[start:].lstrip("“的")
    end = _OBJECT_END.search(rest)
    while end and end.group() == "、" and end.start() <= _QUALIFIER_MAX:
        end = _OBJECT_END.search(rest, end.end())
    phrase = rest[:end.start()] if end else rest
    if len(phrase) < 2:
        phrase = text[:PHRASE_MAX]
    return phrase[:PHRASE_MAX]
