"""The mood of a plan: whether a sentence promises by its form alone, when no cue, section or frame tells.

A sentence opening on an action verb (深入实施…, 加快…建设) with no mark of a deed done (了, 已, 同比… — DONE), a figure
given as a bound or a round guess (增长6%左右, 不少于740个), a numbered or bulleted item of works (二、新建…150所,
●全市新增…100家) or an unpunctuated goal line (森林覆盖率提高至24.1%) reads as a plan (own_mood).  The tracker
(stance.py) uses it only where nothing else tells, in texts whose default is a report.
"""

from __future__ import annotations

import re

from .stance_headings import HEADING_NUMBER
from .stance_years import AGAINST_BEFORE

# The mood of a plan in a text that says nothing else (a report's plan part printed on its own): a sentence opening
# on an action verb, perhaps after a manner word; 了, 已, 同比… mark a deed done.
_IMPERATIVE = re.compile(
    r"\s*(?:\d{1,3}[.、．﹒。](?!\d)|[(（]\d{1,3}[)）])?"  # 204.推进…: a numbered item of a plan's list
    r"(?:[\u4e00-\u9fff]{2,8}方面[,:]|在[\u4e00-\u9fff、]{2,14}领域[,:])?"  # 公路方面,加快推进…; 在教育领域,实施…
    # 围绕“一核两翼”总体布局,发挥…作用,实施…: the frame a plan's works go by, before the first of them
    r"(?:(?:紧紧)?(?:围绕|紧扣|依托)[^,;。]{2,30}(?:布局|战略|定位|目标|要求|部署|主线),)?"
    r"(?:“[^”]{1,10}”(?:,即|:)?)?(?:全面|深入|加快|加力|加大|大力|持续|着力|积极|扎实|稳步|进一步|全力|切实|不断|努力|刚性|"
    r"稳妥|有序|统筹|聚焦|接续|久久为功|持之以恒|驰而不息|坚定不移|毫不动摇|铁腕|高标准|严格)?(?:推动|推进|落实|实施|强化|加强|优化|深化|完善|健全|支持|打造|培育|办好|开展|提升|"
    r"促进|开设|扩围|提振|擦亮|构建|发放|加快|扩大|做好|抓好|守牢|增强|坚持|采取|立足|"
    # 不断夯实绿色生态基底; 高质量完成第八轮环保三年行动; 压实各级林长责任
    r"夯实|凝聚|发挥|紧盯|高质量完成|压实|筑牢|制定实施|制定出台)")
# 增长6%左右, 减负2500亿元以上, 不少于740个: a figure given as a bound or a round guess closing its clause, with no
# mark of a deed done and nothing else telling, is a goal's (a result is measured: 同比增长6.2%); 100亿元以上项目10个
# names a size class; 可达2万元左右 a capacity
_GOAL_BOUND = re.compile(r"(?<![\d.])(?<![可能]达)(?<![可能])\d+(?:\.\d+)?\s*(?:%|[\u4e00-\u9fff]{1,3})?(?:左右|以上)"
                         r"(?=[,;。、!\s]|$)|不少于\d|不低于\d"
                         # 经济增长4.5%—5%, 增长6%-6.5%: a change given as a range of rates is a goal's (a result is one
                         # figure)
                         r"|(?:增长|增速|提高|下降|降低)\s*\d+(?:\.\d+)?%?\s*[-—–~～至]\s*\d+(?:\.\d+)?\s*%")
# what marks a deed done besides a change measured (增长6.5%左右 may be a goal's)
# a rank among peers (增量全市第一, 居全省第3位) is measured: no plan ranks itself
# 增速居世界主要经济体前列, 位居全省前列: a standing among peers, measured too
_RANKED = r"全[国省市区县州]第[一二三四五六七八九十\d]|居全[国省市区县州]|排名第|居[\u4e00-\u9fff]{0,12}前列"
# 提前完成任务: a task done ahead of time; 没有发生返贫: what did not happen is observed (a plan says 不发生)
_DEED = re.compile(rf"了|已|同比|比上年|较上年|累计|实现了|完成了|获评|荣获|入选|顺利|如期|超额|"
                   rf"提前完成|没有发生|未发生|{_RANKED}|"
                   # 新增规上工业企业89家,总量达663家; 实现“零”的突破: a total reached, a first achieved
                   r"(?:总量|总数)达(?!到)\s*\d|实现[“\"]?零[”\"]?的突破|"
                   r"超(?:过|年度|全年)?计划|超序时|完成率|占[^,。;]{0,8}(?:任务|计划)的|"
                   # 3个核酸检测实验室和3个集中隔离点建成投用: counted works their completion follows are done
                   r"\d+\s*[个座所家条项处][^,。;]{0,20}?(?:建成投用|建成投产|竣工投用|投入使用|建成使用|全面完工|顺利完工)|"
                   # 全年谋划实施项目382个,…开工248个,竣工投产141个: the works of a programme begun and finished
                   r"开工\s*\d+\s*[个项][,、]\s*(?:竣工|建成|完工)(?:投产|投用)?\s*\d+\s*[个项]")
DONE = re.compile(rf"{_DEED.pattern}|增长\d|下降\d")
DEED = _DEED  # a deed marked by its words alone (a change measured aside)
# 总投资3.3万亿元,计划完成投资3500亿元以上: a bound on an amount named as planned (计划投资, 年度计划投资) is that
# amount's own; it puts no sentence in the mood of a plan (a news item on a published list of projects)
_PLANNED_AMOUNT = re.compile(r"(?:计划(?:完成)?|年度(?:计划)?|预计)投资(?:额)?(?:超|超过|达|达到)?\s*$")


def plans_action(text: str) -> bool:
    """A numbered heading that is an action in the mood of a plan (一、加强学位宿位建设。, 五、加快推进老旧小区改造。):
    the item of a list of works to do; its lines are the plan's."""
    number = HEADING_NUMBER.match(text)
    if not number:
        return False
    body = text[number.end():].strip().rstrip("。")
    if DONE.search(body):
        return False
    if "," not in body:
        return bool(_IMPERATIVE.match(body) or _ITEM_WORK.match(body))
    # 一、新增义务教育公办学校学位5万个,改造近视防控教室照明2万间: a work item heading, each clause a work;
    # (七)坚定不移改善生态环境,着力绘就美丽晋中新画卷: a part's title, each clause a work led by a word of resolve
    parts = body.split(",")
    return (bool(_DIGIT_IN.search(body)) and all(_ITEM_WORK.match(part) for part in parts)
            or all(_RESOLVED.match(part) for part in parts))


_RESOLVED = re.compile(r"(?:坚定不移|毫不动摇|着力|全力|奋力|聚力|加快|大力)[\u4e00-\u9fff]{2}")


# ●全市新增社区托育机构100家, (8)新建行政村公共厕所120座、…: a list's bulleted or numbered item of works
_ITEM_MARK = re.compile(r"\s*(?:[●■◆▲★▶►•▪◇□]|[(（][一二三四五六七八九十\d]{1,2}[)）])\s*"
                        r"(?:全市|全县|全区|全省|全镇|为全市|[\u4e00-\u9fff]{2,6}类)?")


def _work_item(text: str) -> bool:
    """A bulleted or bracket-numbered item opening on a work with a figure, no deed told (a livelihood list's line)."""
    mark = _ITEM_MARK.match(text)
    if not mark or DONE.search(text):
        return False
    first = re.split(r"[,;。]", text[mark.end():], maxsplit=1)[0]
    if _ITEM_WORK.match(first) and _DIGIT_IN.search(first):
        return True
    # (1)全面建成投运…供水工程,让54.13万群众喝上…: a work done in full (全面, 加快) named first, its figure after it
    return bool(_WHOLE_WORK.match(first)) and bool(_DIGIT_IN.search(text, mark.end() + len(first)))


_WHOLE_WORK = re.compile(r"\s*(?:全面|加快|全力)(?:建成|完成|新建|实施|推进|启动)")


def _listed_work(norm: str, start: int, end: int) -> bool:
    """A clause closed by ; that opens on a work with a figure (新增助餐点80个;), no deed told: an item of a list of
    works, printed one after another."""
    text = norm[start:end].strip()
    if not text.endswith(";") or DONE.search(text):
        return False
    first = re.split(r"[,;]", text, maxsplit=1)[0]
    return bool(_ITEM_WORK.match(first)) and bool(_DIGIT_IN.search(first))


# a table row's cells: | 3 | (the row's number, perhaps) before the cell, | and a cell with a figure after it
_ROW_BEFORE = re.compile(r"(?:\|?\s*\d{0,3}\s*\|)?\s*")
_CELL_AFTER = re.compile(r"\s*\|[^|\n]*\d")


def task_cell(norm: str, start: int, end: int) -> bool:
    """The first text cell of a table row, opening on a work with a figure and no deed, with a cell holding a figure
    after it (新增托位500个。 | 新增托位600个。): a progress table's task, its result in the next cell."""
    line = norm.rfind("\n", 0, start) + 1
    text = norm[_ROW_BEFORE.match(norm, start, end).end():end]  # the sentence may hold the row's number (3 |…)
    return (bool(_ROW_BEFORE.fullmatch(norm, line, start)) and bool(_CELL_AFTER.match(norm, end))
            and bool(_ITEM_WORK.match(text)) and bool(_DIGIT_IN.search(text)) and not DONE.search(text))


# 新增床位超700张!中山…综合楼项目主体封顶: the places a work adds, told with a milestone before its use
_PLACES_ADDED = re.compile(r"新增[^,。!;]{0,6}?(?:床位|学位|车位|泊位|停车位|托位|座位|养老床位)")
_EARLY_MILESTONE = re.compile(r"封顶|开工|奠基|动工|开建|签约|落地")
_IN_USE = re.compile(r"投用|投入使用|建成|启用|交付|开诊|开学|竣工")


_HEADLINE_MAX = 60


def _adds_once_built(norm: str, start: int, end: int) -> bool:
    """The places a work adds (新增床位700张) told, on a headline's line, with a milestone before the work is in use
    (…项目主体封顶, …开工): what it will add once built."""
    line_end = norm.find("\n", end)
    line = norm[norm.rfind("\n", 0, start) + 1:line_end if line_end >= 0 else len(norm)]
    return (len(line) <= _HEADLINE_MAX and bool(_PLACES_ADDED.search(norm, start, end))
            and bool(_EARLY_MILESTONE.search(line)) and not _IN_USE.search(line) and not DONE.search(line))


# the works a numbered item heading of a livelihood list names (二、新建、改扩建公办幼儿园150所): what is to be done
_ITEM_WORK = re.compile(r"\s*(?:免费|继续|持续|再|综合)?(?:新增|新建|新改扩建|新改建|改扩建|改建|扩建|改造|新建改造|"
                        r"建设|建成|实施|提高|提升|开展|完成|打造|培育|新开工|改善|巩固提升|整治|增设|安排|发放|认定|募集|组织|举办|"
                        r"招聘|资助|救助|筛查|接种|维修|更换|安装|配置|配备|创建|引进|推广|升级)(?=[\u4e00-\u9fff\d、“])")
_DIGIT_IN = re.compile(r"\d")


# 单位GDP二氧化碳排放降低18%, 森林覆盖率提高至24.1%: a line printed without a full stop that moves an indicator
_LINE_GOAL = re.compile(r"(?:降低|提高|提升|下降|减少|增加)(?:至|到)?\s*\d")


def _bare_goal_line(norm: str, start: int, end: int) -> bool:
    """A line of its own, unpunctuated (a goal list's line, a headline), moving an indicator with no mark of a deed
    or of a measured change: a goal's."""
    line_end = norm.find("\n", end)
    tail = norm[end:line_end if line_end >= 0 else len(norm)].strip()
    text = norm[start:end].rstrip()
    return (not tail and bool(text) and text[-1] not in "。!?;" and bool(_LINE_GOAL.search(text))
            and not _DEED.search(text) and not AGAINST_BEFORE.search(text))


def _goal_bound(norm: str, start: int, end: int) -> bool:
    """A goal's bound (增长6%左右, 不少于740个) in norm[start:end], not on an amount named as planned."""
    for m in _GOAL_BOUND.finditer(norm, start, end):
        clause = max(norm.rfind(c, start, m.start()) for c in ",;、:") + 1
        if not _PLANNED_AMOUNT.search(norm[max(clause, start):m.start()]):
            return True
    return False


# …,县域经济向新向优,发展质效稳步提升。: a closing clause stating the state things reached, with no verb of purpose
# before it (推动…稳步提升, 让…更有保障 are a plan's aims): what the works done brought about
_OUTCOME_CLOSE = re.compile(r"[\u4e00-\u9fff“”]{2,12}?(?:稳步|持续|不断|明显|显著|大幅)(?:提升|增强|改善|提高|巩固)"
                            r"|[\u4e00-\u9fff“”]{2,12}?更有保障")
_PURPOSE_OPEN = re.compile(r"推动|促进|确保|助力|让|使|力争|实现|以|为|努力|保障|推进|加快|持续|不断|全力|坚持|着力")


def _outcome_told(norm: str, start: int, end: int) -> bool:
    """The sentence closes on a clause of outcome reached (发展质效稳步提升。), not an aim (推动…提升)."""
    text = norm[start:end].rstrip().rstrip("。!;")
    last = text[max(text.rfind(","), text.rfind(";")) + 1:]
    return (bool(_OUTCOME_CLOSE.fullmatch(last)) and not _PURPOSE_OPEN.match(last)
            and "," in text)


def own_mood(norm: str, start: int, end: int) -> bool:
    """The sentence norm[start:end] plans by its own mood: an action verb opening it and no deed done, or a goal's
    bound."""
    return bool(_IMPERATIVE.match(norm, start, end) and not DONE.search(norm, start, end)
                and not _outcome_told(norm, start, end)
                or _goal_bound(norm, start, end) and not _DEED.search(norm, start, end)
                or plans_action(norm[start:end])  # 二、新建、改扩建公办幼儿园150所: a list's numbered work item
                or _work_item(norm[start:end])  # ●全市新增社区托育机构100家: a bulleted item of works
                or _listed_work(norm, start, end)  # 新增助餐点80个;: a ;-closed item of a list of works
                or task_cell(norm, start, end)  # 新增托位500个。 | 新增托位600个。: a row's task before its result
                or _adds_once_built(norm, start, end)  # 新增床位超700张!…项目主体封顶: what a work will add
                or _bare_goal_line(norm, start, end))
