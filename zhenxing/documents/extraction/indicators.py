"""Name what a number measures (the indicator) and how it moves (the kind).

The indicator is cut from the clause around the number: the words before it
(地区生产总值增长 | 5.4%), or, when a count is followed by a noun, the words
after it (引进 | 5个 | 人才团队).  Fillers (全市, 累计, 同比) and the verbs that
only link the indicator to the number (增长, 达到, 控制在) are trimmed.
"""

from __future__ import annotations

import re

from ...patterns import quick

INCREASE, DECREASE, LEVEL = "increase", "decrease", "level"

# Words that open a clause but name nothing (subjects, time, manner).
_LEADING_FILLER = re.compile(
    r"^(?:\d{1,3}[ \t\u3000]+|"  # 1 城镇新增就业3000人: a table row's number before its cell
    r"\(\d{1,2}\)|\([一二三四五六七八九十]{1,3}\)|[一二三四五六七八九十]{1,3}、|\d{1,2}\s*[-—至]\s*\d{1,2}月份?|\d{1,2}[、.](?!\d)|\d{4}年(?:初|底|末|以来)?|(?:近|过去)?[\d一二三四五六七八九十两]{1,2}年(?:间|来|以来)|[\d一二三四五六七八九十两]{1,2}年(?=(?:累计|共)?(?:增长|下降|提高|增加|减少)$)|“?十[一二三四五六]五”?(?:期间|时期|以来)?|前[一二三四五两]年|提前|其中|全年|今年|明年|去年|上半年|(?:为|对|向)(?=全[市省县区州镇盟旗])|全市|我市|全省|全县|全区|全州|全镇|全盟|全旗|目前|如今|现在|初步核算|同时|此外|另外|"
    r"共计|总计|合计|累计|总共|超额|成功|全力|加快|深入|扎实|大力|积极|持续|着力|进一步|力争|确保|"
    r"努力|预计|有望|已经|我们|他们|通过|实现了|实现|仍有|仍|还有|另有|要(?![素求点件])|将(?![军来])|使(?!用)|锚定|瞄准|紧盯|奋力)+"
)
# Words linking an indicator to its number, trimmed from the end of the text before it.
_TRAILING_LINK = re.compile(
    r"(?:(?:比|较)(?:上年|去年)(?:同期)?(?:多|少)|"  # 收入比去年多了 | 2万多元
    r"(?:分别|同比|环比|比上年|较上年|同口径|可比|年均|平均){0,2}(?:同期)?"  # 同口径年均增长10.8%
    r"(?:增长|增加|提高|提升|上涨|上升|下降|降低|减少|压减|削减|压缩|缩短|缩减|缩小|收窄|增速|增幅|涨幅|降幅|"
    r"回升|回落|加快|放缓)?"  # 比1-7月份回升 | 3.1个百分点: the change of a rate against an earlier period
    r"(?:(?<=增长|增速|增幅|下降|降幅)(?:目标|计划|预期)(?=为|是))?"  # GDP增长计划为 | 6%: the change planned
    r"(?:了)?(?:达到|达|为|是|至|到|在|保持在|稳定在|控制在|保持|稳定|突破|超过|不低于|不高于|不超过|"
    r"不少于|至少|超|逾|近|约|共|累计|总计|有|实现|完成|分别|均|都|首次|首度|再次|一举|仅|只|还|(?<![人英])才|可|由|从|将|进一步|"
    r"[降减增升](?:至|到)|"  # 降至3.41%, 减至887户: the verb alone names nothing (the subject carries over)
    r"每(?:立方米|升)|"  # 浓度为每立方米 | 16微克: a rate's base, read into the unit
    r"连续[\d一二三四五六七八九十两]{1,3}(?:年|个?月|个?季度)|"  # 连续7年保持在 | 1.3万亿斤: how long, no name
    r"年产|年产能|年处理|年加工|"
    # 溢价率高达126%, 地价飙至323万元/亩, 奋力站上3000亿元大台阶: a verb of reaching, no name (the subject carries over)
    r"高达|飙(?:升)?(?:至|到)|跃(?:升)?(?:至|到)|(?:站上|迈上|跨上|登上|跃上|迈过|跨过)(?=$))*)$"
)
_RATE_NOUN = re.compile(r"增速|增幅|涨幅|降幅")
_PLANNED_CHANGE = re.compile(r"(?<=增长|增速|增幅|下降|降幅)(?:目标|计划|预期)(?:为|是)$")
_COMPARISON = re.compile(
    r"^(?:同比|环比|比上年|较上年|较[^,]{0,14}?|(?:高于|低于|塌(?=目标|进度|时序|计划))[^,]{0,14}?|"
    r"比[^,]{0,14}?|与[^,]{0,14}?相比|与(?:上年|去年)(?:同期)?|是[^,]{0,10}的)$"  # 是上年的1.6倍, 与去年增长10.9%
)
# 从2015年年底的 | 2880元增加到9059元: the base of a change names no indicator.
_FROM_BASE = re.compile(r"(?:从|由)(?:[^,]*\d{4}年[^,]*|[^,]{0,12}的)$")
_YEAR_OF = re.compile(r"20\d\d年(?:底|末)?的$")  # 增加到2024年的 | 152个
_ADVERBS = quick(r"累计|已经|(?<![而早])已(?![知])")
_ETC = "等"
# A year word inside the words before a number ends the subject (我们村前年 | 集体经济收入).
# 比去年多了, 是前年的两倍: a base of comparison, not a frame.
_YEAR_WORD = quick(r"(?<![比较是于与同])(?:前年|去年|今年|明年)(?:以来)?(?![的同])"
                   # 报告确定了2024年将筹措资金: a year in the words ends the subject too (not 比2020年, 到2025年)
                   r"|(?<![比较是于与同到从由至\d])20\d\d年(?![的底末前初中\d])")
# 全市重点建设项目1-3月项目累计完成投资: a period inside the words ends the subject, like a year word
_PERIOD_WORD = re.compile(r"(?<=[\u4e00-\u9fff])(?:\d{1,2}\s*[-—至]\s*\d{1,2}月份?|截至\d{1,2}月(?:底|末)?)")
# 了 marks a deed (吸纳了村民): never part of an indicator's name.
_ASPECT = re.compile(r"了(?!解)")
# The words after a number that name its role, not what it measures (增长6%以上的目标), or the step it reaches
# (站上3000亿元大台阶, 突破千亿大关).
_ROLE_ONLY = re.compile(r"^(?:规划|年度|预期)?(?:目标|任务|水平|要求)(?:任务)?$|^(?:大|新的?)?(?:台阶|大关|关口)$")
# 按2017年平均汇率计算为 | 5791美元: how the figure before was converted or reckoned names nothing of its own.
_METHOD_ONLY = re.compile(r"按[^,;。]{1,16}?(?:计算|核算|测算|折算)(?:为|是|的)?")
# 该项目 | 总投资40亿元: a demonstrative points back to the project named before, it names nothing.
_DEMONSTRATIVE = re.compile(r"^(?:该|此|这一?|这个)(?=项目|工程|企业|公司|园区|基地|产业园|厂)")
# A count of parts of a plan (23个方面, 四大领域) before a number frames it, names nothing.
_FUND_ITEM = re.compile(r"(?:资金|收入|支出|费用|经费|款项?|债务|基金|补助|补贴)$")
# 省重点项目拉动上半年全省固定资产投资 | 增长6.9%: what drives the measure is named before it
_DRIVER = re.compile(r"(?:拉动|带动)(?=[\u4e00-\u9fff])")
_STRUCTURE = re.compile(r"[\d一二三四五六七八九十两]+(?:个|大|条|项)(?:方面|领域|板块|主线|重点)")

_UP_AT_END = re.compile(r"(?:增长|增加|提高|提升|上涨|上升|回升|加快|增收|增速|增幅|涨幅|翻)(?:了)?$")
_DOWN_AT_END = re.compile(r"(?:下降|回落|降低|减少|收窄|缩小|放缓)(?:了)?$")
_UP_ANYWHERE = re.compile(r"增长率|增速|增幅|涨幅")
_DOWN = re.compile(
    r"下降|回落|放缓|降低|减少|压减|压缩|削减|缩减|缩短|缩小|收窄|精简|节省|节约|减轻|清零|降幅|减排|减负")
# 高于全市平均 | 2.1个百分点: a gap to another level at the same time, no change.
# (塌目标1.8个百分点: below the target, as some provinces' reports write it; 慢于序时进度 names its own gap)
_GAP = re.compile(r"(?:高于|低于|塌(?=目标|进度|时序|计划))[^,]{1,14}$")
# 重点减排工程14项, 节能改造项目: a down-word naming a kind of work moves nothing.
_DOWN_NAMED = re.compile(r"(?:减排|节能|节水|减负|降碳|减碳)(?=工程|项目|措施|设施|行动|技术|改造)")
_MORE_THAN = re.compile(r"(?:比|较)[^,]{0,8}多$")  # 比去年多了2万元
_LESS_THAN = re.compile(r"(?:比|较)[^,]{0,8}少$")
_END_POINT = re.compile(r"(?:至|到)$")


# Words after which the text following a count no longer names the thing counted.
# 131个省重点项目年度计划投资883.4亿元: the list's amount after the things counted names the amount, not them
_AFTER_STOP = re.compile(r"今年|去年|明年|目前|已经|已|正在|均|都|将|得到|被|"
                         r"(?:年度|全年)(?:计划)?投资|计划(?:总)?投资|总投资|累计完成投资")
# a progress story's tally of works by state (两项具体工作已完成, 22项具体工作正在加快推进…前期工作)
_STATE_AFTER = re.compile(r"(?:已经|已|正在)(?:全部|基本)?(?:完成|开工建设|开工|建成|竣工|完工|办结|启动|"
                          r"进入[^,;。、等]{1,8}|加快推进|推进)(?:建设|或进入[^,;。、等]{1,8})?")
_CHANGE_TO = re.compile(r"(?:下降|降低|减少|增加|提高|提升|上升|降|减|增|升)(?:至|到)")
_ALL = re.compile(r"全部|全都")  # 14个乡镇全部建成污水处理设施: what they all did names them
_EDGE = " ,、:;。!?…●■◆▲★◇□○•▪►◎☆◉▶※-—"  # list bullets too (●地区生产总值, ——年计划…)


_LINE_BREAK = re.compile(r"\s*\n\s*")
_TRAILING_CONJUNCTION = quick(r"(?:以及|和|(?<![惠涉普危顾触波企])及|与|或)+$")


def tidy(text: str) -> str:
    """Strip separators and any bracket or quote mark left unpaired at either end."""
    if "\n" in text:
        text = _LINE_BREAK.sub("", text)  # a sentence joined across a broken line
    text = _TRAILING_CONJUNCTION.sub("", text.strip(_EDGE)).strip(_EDGE)
    if text.startswith("(") and ")" in text[1:22]:
        text = text[text.index(")") + 1:].lstrip(_EDGE)  # (记者王五)“城镇新增就业: a byline or aside opens no indicator
    elif text.startswith("(") and ")" not in text:
        text = text[1:]  # (省级6项、…: a bracket opened before the figure
    while text and text[-1] in "(“《":
        text = text[:-1].rstrip(_EDGE)
    while text and text[0] in ")”》":
        text = text[1:].lstrip(_EDGE)
    if text.count("“") > text.count("”") and text.startswith("“"):
        text = text[1:]
    elif text.count("”") > text.count("“") and text.endswith("”"):
        text = text[:-1]
    if text.count("(") < text.count(")") and text.endswith(")"):
        text = text[:-1]
    return text.strip(_EDGE)


def clean_before(text: str, funds: bool = False) -> str:
    """Indicator words from the text before a number (地区生产总值增长 → 地区生产总值)."""
    text = _YEAR_OF.sub("", _FROM_BASE.sub("", tidy(text)))
    if _METHOD_ONLY.fullmatch(_LEADING_FILLER.sub("", text)):
        return ""
    if _ETC in text:
        head, tail = text.rsplit(_ETC, 1)
        # 减调出资金等 | 8亿元: a fund and 等 name a class of funds (`funds`: the figure is money; not 金娃产业园等 |
        # 85个项目, 财政支出等 | 5项指标: a named example of the things counted)
        text = head if funds and not tail.strip(_EDGE) and _FUND_ITEM.search(head) and "、" not in head else tail
    text = _STRUCTURE.split(text)[-1]  # 明确23个方面 | 45项重点任务
    driven = _DRIVER.split(text)
    if len(driven) == 2 and _LEADING_FILLER.sub("", driven[0]).strip(_EDGE) and driven[1].strip(_EDGE):
        text = driven[1]  # 省重点项目拉动 | 全省固定资产投资增长6.9%: the driver named before what is measured
    text = _ASPECT.sub("", _ADVERBS.sub("", text))
    text = _after_year_word(text)
    after_period = _PERIOD_WORD.split(text)[-1]
    text = after_period if after_period.strip(_EDGE) else text
    text = _DEMONSTRATIVE.sub("", _LEADING_FILLER.sub("", text))
    for _ in range(3):
        trimmed = _TRAILING_LINK.sub("", text)
        if not trimmed and _RATE_NOUN.match(text):
            trimmed = text[:2]  # 涨幅较上年同期收窄: the rate itself is what is measured
        if trimmed != text and _PAIRED_VERB.search(trimmed):
            break  # 达到和基本达到 | 18个: two verbs joined name the state counted; trimming one leaves half
        if trimmed == text:
            break
        text = trimmed
    if _COMPARISON.match(text) or _METHOD_ONLY.fullmatch(text) or _LENGTH_ONLY.fullmatch(text):
        return ""  # 按可比价计算同比增长 | 6.1%: how the change was reckoned names nothing (the subject carries over)
    return tidy(text).lstrip("的")


# 铺设…供热主管网,全长约 | 4.3公里: a length alone names nothing (the subject carries over from the clause before)
_LENGTH_ONLY = re.compile(r"全长|总长|长度")
_PAIRED_VERB = re.compile(r"(?:达到|完成|实现|开工|建成)(?:和|或|及|与)(?:基本|全部|部分)?$")


def _after_year_word(text: str) -> str:
    """The words after the last year word outside a bracket (一般公共预算支出(扣除2022年…外): an aside ends nothing)."""
    cut = 0
    for m in _YEAR_WORD.finditer(text):
        if text.count("(", 0, m.start()) <= text.count(")", 0, m.start()):
            cut = m.end()
    return text[cut:]


def clean_after(text: str) -> str:
    """Indicator words from the text after a count (的)企业入选… → 企业入选…."""
    text = text.lstrip("的")
    if _CHANGE_TO.match(text):
        return ""  # 由1200户3500人减至80户: the change after the count names nothing counted
    if _ETC in text:
        text = text.split(_ETC, 1)[0]
    m = _AFTER_STOP.search(text, 1)
    state = _STATE_AFTER.match(text, m.start()) if m else None
    if state:
        text = text[: state.end()]  # 24项具体工作已开工建设: the works counted by the state they are in
    elif m:
        text = text[: m.start()]
    text = tidy(_ALL.sub("", _ADVERBS.sub("", text)))
    return "" if _ROLE_ONLY.match(text) else text


def kind_of(before: str, indicator: str) -> str:
    """increase / decrease / level from the verb before the number and the indicator."""
    before = before.rstrip(" :")
    before = re.sub(r"(?:不低于|不高于|不超过|不少于|超过|至少|近|约|达到|达|了)+$", "", before)
    before = _PLANNED_CHANGE.sub("", before)  # GDP增长计划为 | 6%: a growth, however it is planned
    if _END_POINT.search(before):
        return LEVEL  # 提高到55%, 降至35微克: an end point, not a change
    if _GAP.search(before):
        return LEVEL
    if _DOWN_AT_END.search(before):
        return DECREASE  # 涨幅较上年同期收窄: the verb says how it moved, whatever the indicator's name
    if _UP_AT_END.search(before) or _UP_ANYWHERE.search(indicator) or _MORE_THAN.search(before):
        return INCREASE
    if _LESS_THAN.search(before):
        return DECREASE
    before, indicator = _DOWN_NAMED.sub("", before), _DOWN_NAMED.sub("", indicator)
    if _DOWN.search(before) or _DOWN.search(indicator):
        return DECREASE
    return LEVEL
