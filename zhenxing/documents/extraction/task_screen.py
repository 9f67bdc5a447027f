"""Sentences of the plan part that commit this government to no work, whatever their mood.

screen_sentence reads one sentence in the walk's order and says whether to skip it: a list's make-up (今年确定的
新建续建项目中,直属学校项目4个…), a question (a story's headline), the notice's own words (现将《…》印发给你们;
各级各部门要…) and its follow-up, a tally of the checked tasks, a call on everyone or a manner (用心用情把…办好), the
government's own habits, a meeting's or a report's emphasised view and its going on, a reporter's account, news of
a document issued, a forecast.  It carries the two facts the next sentence is judged by: whether the last one was
the notice's words (要… after it is too) and whether it was an emphasised view (要坚持… after it goes on with it).
A piece opening on the meeting its story reports (…新闻发布会召开,记者从发布会上了解到,…) keeps only what it plans
(past_meeting).
"""

from __future__ import annotations

import re
from dataclasses import replace

from ...patterns import quick
from .commitments import (
    ACTION,
    CLAUSE_SPLIT,
    DIGIT,
    EXHORT,
    FORECAST,
    GOES_ON_URGING,
    ISSUED,
    MANNER_PLEDGE,
    MEETING_URGES,
    NEWS_ISSUED,
    NOTICE,
    PLAN_TIME,
    PROMISE,
    SOURCED,
    STORY_FORECAST,
    STYLE_CLAUSE_MAX,
    STYLE_END,
    SUPERVISES,
    SUPERVISES_HINT,
    SUPERVISOR,
    TALLY,
    URGES,
    WILL,
)
from .goal_lists import CLAUSE_RUN
from .unit_subjects import named_departments

KEEP, SKIP, SKIP_STEP = 0, 1, 2  # SKIP_STEP: skipped, and a unit line after it assigns nothing before it


def screen_sentence(body: str, notice: bool, urged: bool) -> tuple[int, bool, bool]:
    """(verdict, notice, urged): whether to keep the sentence, and the notice and urged states after it (a sentence
    skipped before either is judged leaves it as it was)."""
    made_of = _MADE_OF.match(body)
    if made_of and not any(body[m.end():m.end() + 1] != "类" for m in ACTION.finditer(body, made_of.end())):
        # (实施类项目555个: 实施 names a class of the list there, no action)
        return SKIP, notice, urged  # 今年确定的新建续建项目中,直属学校项目4个、新城区项目13个…: the list's make-up
    if body[-1] in "?？" and not PLANS_AFTER.search(body.replace("将", "")):
        return SKIP, notice, urged  # 2024年我市新建哪些公园?: a question (a story's headline) asks, commits to nothing
    if (NOTICE.search(body) or (notice and body.startswith("要"))
            or ("督" in body[:14] and SUPERVISOR.match(body))  # 县政府督查室将紧盯…: the notice's follow-up
            or (SUPERVISES_HINT.search(body) and SUPERVISES.search(body))):
        return SKIP_STEP, True, urged  # 现将《…》印发给你们; 各级各部门要…: the notice's own words
    call = _CALLS.match(body)
    if call and not DIGIT.search(body):
        # 全市各级各部门要全力以赴,…; 下一步,各园区、各乡镇、各相关部门要严格按照…; 为实现以上目标,全区上下要解放思想…;
        # 区人民政府要按照…部署,立足高起点…: a call on everyone to work, no work a unit delivers (after a call on the
        # units, the 要… that follows too; after the aim, 一是…。要着力打造… are the works)
        return SKIP_STEP, bool(call.group("units")), False
    if TALLY.search(body):
        return SKIP_STEP, False, urged  # 《政府工作报告》明确145项目标任务; 超进度的有10个,占总任务的4.5%: tallied
    if EXHORT.match(body) or MANNER_PLEDGE.match(body):
        # 会议号召,全体干部群众要…: a meeting's call on everyone; 用心用情把…办好: a manner
        return SKIP_STEP, False, urged
    style = STYLE_END.search(body)
    if style and not DIGIT.search(body) and all(
            len(clause) <= STYLE_CLAUSE_MAX for clause in CLAUSE_SPLIT.split(body[:style.start()])):
        # 加强向上对接,深化调查研究,…,努力腾出更多时间和精力抓落实: the government's habits
        return SKIP_STEP, False, urged
    if urged and GOES_ON_URGING.match(body):
        return SKIP_STEP, False, urged  # 报告强调,<a view>。要坚持多做事、不做秀,…: the report's exhortation goes on
    view = URGES.match(body)
    urged = bool(view) and (not PROMISE.search(body) and not ACTION.search(body, view.end() if view else 0)
                            # 会议强调,要坚定发展信心,…推动…高质量发展: a meeting's exhortation, nothing measured
                            or MEETING_URGES.match(body) is not None and not DIGIT.search(body))
    # 王某强调,要压实各方责任,以实干实绩确保完成全年目标任务: a leader's emphasis at the meeting the story reports,
    # nothing measured (王某强调,今年要新建农村公路50公里 is a plan); the 要… sentences after it go on with it.  (What
    # a meeting or its chair 要求 names works the units are to do: tasks, as the task set's 眉县 gold has them.)
    urged = urged or (_DIRECTS.match(body) is not None and not DIGIT.search(body))
    if urged:
        return SKIP_STEP, False, urged  # 报告强调,民生问题琐碎复杂,…: a view, no work
    if (SOURCED.match(body) or ISSUED.match(body)) and not WILL.search(body) and not PLAN_TIME.search(body):
        # 据悉,区政府启动征集工作后,…筛选出12项候选项目: a reporter's account of what was done
        return SKIP, False, urged
    if NEWS_ISSUED.match(body) and not WILL.search(body):
        return SKIP, False, urged  # 近日,省政府印发《关于下达2024年…名单的通知》: news of a document issued
    if (FORECAST.match(body) or STORY_FORECAST.search(body)) and not PROMISE.search(body):
        return SKIP, False, urged  # 预计今年财政收入继续恢复增长,…: what the year is expected to bring
    if (_ATTENDANCE.search(body) or _EVENT_FORMAT.search(body)) and not WILL.search(body) and not DIGIT.search(body):
        return SKIP, False, urged  # X出席会议并宣布开工,Y主持会议; 主会场设在…,设立分会场: the event told
    if _TITLE_LINE.match(body):
        return SKIP, False, urged  # 昆明市官渡区人民政府关于…计划执行情况的报告: a document's title
    return KEEP, False, urged


_CALLS = re.compile(
    r"^(?:下一步[,:])?(?:全[市县区省镇])?(?P<units>(?:各[^,;。要]{1,10}[、,])*各(?:级)?各?(?:有关|相关)?(?:部门|单位))"
    r"[^,;。]{0,6}?要"
    r"|^(?:为(?:实现|完成)(?:以上|上述|这些|前述)[^,;。]{0,10}?(?:目标|任务)[^,;。]{0,10}?,[^,;。]{0,10}?要)"
    r"|^[^,;。]{0,8}人民政府要按照[^,;。]{2,30}(?:部署|要求)")
_DIRECTS = re.compile(r"^[^,:;。]{1,16}?(?:强调|指出)[,:]要(?![求素点])")
# 市委书记孙爱军出席会议并宣布开工,市长李长萍主持会议; 市领导…出席主会场活动: who attended and who chaired the event
_ATTENDANCE = quick(r"(?:出席|主持|列席)(?:了)?(?:会议|活动|仪式|大会|开幕式|主会场活动|开工活动)"
                         r"|(?:出席|参加)[^,;。]{0,6}(?:会议|活动|仪式)并(?:宣布|讲话|致辞)")
# 本次开工活动采取市、县视频联动方式,主会场设在高新区,…分别设立分会场,同步举行集中开工活动: how the event was held
_EVENT_FORMAT = quick(r"(?:本次|此次|这次)[^,;。]{0,10}(?:活动|会议|仪式)采取|主会场设在|设立分会场")
# a document's title line: …关于…的报告 / 的通知 / 的意见, no clause of its own
_TITLE_LINE = re.compile(r"[^,;。:!?]{0,40}?关于[^,;。:!?]{2,80}?的(?:报告|通知|意见|决定|说明|方案)[。]?$")


# …名单中包含实施类项目555个,准备类项目45个 (no 共: the list's total was given): its make-up
_MADE_OF = re.compile(r"[^,。;]{2,30}?(?:(?:项目|工程|学校|任务|实事)中[,:]|(?:名单|清单)中(?:包含|包括|有))")
# 3月29日,…重点工作新闻发布会召开,记者从发布会上了解到,为满足…; 县农业农村局组织召开全体干部职工大会,传达学习…:
# a story's account of the meeting it reports (and what the meeting was for), no work of a unit
_MEETING = r"(?:会议|大会|发布会|座谈会|推进会|部署会|调度会|动员会)"
_MEETING_HELD = re.compile(
    rf"(?:\d{{1,2}}月\d{{1,2}}日(?:上午|下午)?[,,]?)?(?:(?:[^,。;将拟要]{{0,30}}?(?:召开|举行)了?[^,。;]{{0,30}}?{_MEETING})"
    rf"|(?:[^,。;将拟要]{{0,40}}?{_MEETING}(?:在[^,。;]{{1,20}})?(?:召开|举行)))[,;。]")
PLANS_AFTER = re.compile(r"将|力争|计划|\d(?![\d.]*年)")


def past_meeting(norm: str, a: int, b: int) -> list[tuple[int, int]]:
    """A piece opening on the meeting its story reports (…新闻发布会召开,记者从发布会上了解到,为满足…需求,市卫生健康委将
    新建…): from its first clause that plans (将, 力争, a figure) on, or nothing when none does."""
    held = _MEETING_HELD.match(norm, a, b)
    if held is None:
        return [(a, b)]
    plans = next((m.start() for m in CLAUSE_RUN.finditer(norm, held.end(), b) if PLANS_AFTER.search(m.group())),
                 None)
    return [] if plans is None else [(plans, b)]


# what a bracket after an item may say besides the units' names: who does it and how long
# (市政府各部门分别负责,年内持续推进)
_ASSIGNING = re.compile(r"(?:[省市县区]政府)?(?:各|有关|相关)+(?:部门|单位)|分别|负责|牵头|配合|参与|按职责|分工|年内|"
                        r"持续|长期|推进|落实|[省市县区]?政府|[省市县区州旗](?=\s)|等|[、,，;；:：\s()（）〔〕\[\]【】*]")
_LEFT_OVER_MAX = 3  # (…、市商务局、人民 cut by the page: a name's first characters may be left


def units_only(body: str) -> bool:
    """(市发展改革委、市财政局、…牵头) or (市政府各部门分别负责,年内持续推进) on its own: the units an item above is
    assigned to and when, nothing to do (the item's own sentence carries the work)."""
    if body[:1] not in "(（〔[【" or len(body) > 120:
        return False
    named = named_departments(body)
    if not named and "部门" not in body and "单位" not in body:
        return False
    rest = list(body)
    for at, written, _ in named:
        rest[at:at + len(written)] = [" "] * len(written)
    return len(_ASSIGNING.sub("", "".join(rest))) <= _LEFT_OVER_MAX


# What the sentences after a count or a total are (tasks.py keeps the state of where they stand).
# 重点做好10个方面工作。一是…; 要重点抓好11个方面任务的落实:A,B,…: areas of work counted before they are named
AREAS_COUNTED = re.compile(r"(?:做好|抓好|突出|聚焦|推进|抓实)(?:以下)?[一二三四五六七八九十两\d]+(?:个|项)?方面(?:的)?"
                           r"(?:重点)?(?:工作|任务)(?:的落实)?(?:[。:]?$|:)")
_NAMED_RUN_MIN = 4  # areas named in one run after their count: 奋力打造…高地,加快发展…,全面推进…,大力建设…


def named_run(norm: str, at: int, end: int) -> bool:
    """The count's own sentence names its areas after a colon as one run of short labels, no ; between them (areas
    told as sentences or paired by ; after the count are works: R3's 高邮, 四川)."""
    return norm[at - 1:at] == ":" and ";" not in norm[at:end] and norm.count(",", at, end) + 1 >= _NAMED_RUN_MIN


# 其中,高速公路1500亿元,…; 其中:续建项目13个,计划完成投资58.1亿元: a total's parts, told without a pledge of their
# own (其中,提出要力争新增百亿企业10家 singles out a work: a task)
PARTS_OF = re.compile(r"其中[,:，：]?(?!.*(?:(?<![主重需只必纪摘提概简紧首纲])要(?![求素点])|将|力争|确保|提出|争取|"
                      r"务必|必须))")
# a project list's total (建设110个重点项目, 安排市级重点建设项目453个) and a class of it with its count
# (工业类项目29个, 旅游服务业14个项目, 9个社会民生类项目)
LIST_TOTAL = re.compile(r"(?:建设|实施|安排)\d+个[\u4e00-\u9fff]{0,4}(?:重点|重大)(?:建设)?项目"
                        r"|(?:重点|重大)(?:建设)?项目\d+个")
CLASS_OF_LIST = re.compile(r"(?:类|业)项目\d+个|业\d+个项目|\d+个[\u4e00-\u9fff]{1,8}类项目")


# 推动开放开发、区域合作、改革创新实现新突破: a heading of a report's part, fields and the new result they reach
_HEADING = re.compile(r"推动[^,;。]{2,30}?(?:实现|抓出|收获|展现|取得|迈出|开创|呈现)新[\u4e00-\u9fff]{1,3}")
_HEADINGS_MIN = 3


def headings_run(norm: str, start: int, end: int) -> bool:
    """norm[start:end] is a clause of a sentence made of three or more such headings parted by ; (a story quoting the
    report's parts: “推动A、B、C实现新突破;推动…抓出新成效;…”): no task in it (one such clause alone,
    推动…“卡脖子”技术实现新突破, may be a work)."""
    if not _HEADING.search(norm, start, end):
        return False
    a = max(norm.rfind(ch, 0, start) for ch in "。!\n") + 1
    b = min((k for k in (norm.find(ch, end) for ch in "。!\n") if k >= 0), default=len(norm))
    clauses = [c.strip("“”‘’…。! ") for c in norm[a:b].split(";")]
    clauses = [c for c in clauses if c]
    return len(clauses) >= _HEADINGS_MIN and all(_HEADING.fullmatch(c) for c in clauses)


def parts_joined(prepared, draft, start: int, end: int):
    """`draft` extended over the parts norm[start:end] when only blanks and stops stand between them."""
    a, b = prepared.origin(start), prepared.origin(end - 1) + 1
    between = prepared.text[draft.end:a]
    if draft.end > a or "\n" in between or between.strip(" ;；,，。"):
        return draft
    return replace(draft, sentence=prepared.text[draft.start:b], end=b)
