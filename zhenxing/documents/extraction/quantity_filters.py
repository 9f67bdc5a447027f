"""Numbers with a unit that still measure no work: slogans, rankings, a list's own size, a sample, a class.

not_a_measure judges a number by its surroundings alone: a date or period after it (3年, 5月), a slogan built as
numeral + measure word (八项规定, 两条主线), the size of a livelihood list or of a task decomposition (办好12件民生
实事, 明确133项具体任务), the field or the move of a ranking (在全省126家开发区中位列第3位, 提升5位), a policy
package's name (稳增长26条), the base a rate is measured over (每千人口), a size class (20户以上的自然村).  What
a number's neighbours decide (a class named by an amount, a range) lives in fact_filters.
"""

from __future__ import annotations

import re

from ...patterns import quick
from .measure_classes import frames_a_measure, names_a_class
from .text import is_cjk
from .units import COUNT_UNITS

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
# not 召开: 召开六次全会; 分别开展3次、5次专项检查: the later counts of a list of events held too
_EVENTS_BACK = 16
_HOLDS_EVENTS = re.compile(r"(?:举办|开展|组织|至少|不少于|超过)(?:\d+次[、和及])*$")
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
_BANDWIDTH_AFTER = re.compile(r"以上|左右|及以上|的?(?:带宽|宽带|光纤|网络|接入)")


# 基本实现全省20户以上具备条件的自然村通硬化路: a size class of the villages a programme reaches, no count
_VILLAGE_CLASS = re.compile(r"(?:的|且|、)?(?:具备条件|符合条件|人口较多)?的?(?:自然村|行政村|村庄|村组|村落)")
_AVERAGED_OVER = re.compile(r"[\u4e00-\u9fff]{0,10}?(?:城市|地市|省份|省区市|县市区|县区)(?:的)?平均")
_SAMPLE_SURVEY = re.compile(r"[\u4e00-\u9fff]{0,8}?抽样调查")


# 170万白银人民热切关注, 肩负着全区720万各族人民的重托, 300多万人民: a place's people in a phrase, no count of work
# (500万人民币 is money; 惠及2万人民群众 counts the people a work reaches)
_PEOPLE_OF_A_PLACE = re.compile(r"[\u4e00-\u9fff]{0,6}?人民(?!币|群众)")
# 市委十一届七次、八次全会: ordinals listed before the meeting they number
_ORDINALS_LISTED = re.compile(r"(?:、[一二三四五六七八九十\d]{1,3}次)+(?:全会|全体会议|会议|党代会)")


def not_a_measure(norm: str, m: re.Match[str], unit_word: str, mag: str) -> bool:
    nxt = norm[m.end()] if m.end() < len(norm) else ""
    if (not unit_word and mag == "万" and _PEOPLE_OF_A_PLACE.match(norm, m.end())
            or unit_word == "人" and mag == "万" and nxt == "民" and not norm.startswith(("民币", "民群众"), m.end())):
        return True
    if unit_word == "次" and nxt == "、" and _ORDINALS_LISTED.match(norm, m.end()):
        return True
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
    if unit_word == "条" and _POLICY_AFTER.match(norm, m.end()) and m.start() and is_cjk(norm[m.start() - 1]):
        return True  # 稳增长26条等一揽子措施: a policy package's name
    if unit_word in ("项", "个") and _INDICATOR_COUNT.match(norm, m.end()):
        return True  # 四项指标增速均列全市第一: a count of the indicators just named
    if unit_word in ("户", "人") and m["post"] in ("以上", "及以上") and _VILLAGE_CLASS.match(norm, m.end()):
        return True  # 20户以上具备条件的自然村: the villages' size class, no count of households
    if unit_word == "例" and m["post"] in ("以上", "及以上") and is_cjk(nxt):
        return True  # 确诊病例200例以上城市: the cities' size class, no count of cases
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
            is_cjk(nxt) and not _BANDWIDTH_AFTER.match(norm, m.end()))):
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
    return (unit_word == "次" and bool(nxt) and is_cjk(nxt) and nxt not in "以左多余的才就"
            and not _HOLDS_EVENTS.search(norm, max(0, m.start() - _EVENTS_BACK), m.start()))


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
