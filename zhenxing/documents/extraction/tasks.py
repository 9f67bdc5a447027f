"""Task drafts: every commitment of the plan part of a text, its lead unit, partners and deadline.

A sentence is a commitment when it stands in the plan part (target stance: a "工作安排" section, a
sentence cued by 将/力争/要/今后…, a year phrase for the year the document plans) and says what will be
done (实施, 推进, 建设, 完成…).  Numbers are not required: 加快推进城市更新 is a task.  A list of goals
(主要预期目标是:地区生产总值增长6%左右,…;…) makes one task per goal, as cities' official decompositions
do, each with its own lead unit (departments.suggest_lead).

This module walks the text sentence by sentence (extract_tasks) and decides which sentences to draft and how to cut
them; the draft record is task_drafts', what is a commitment commitments', the shapes of lists goal_lists' and
task_items', a pasted responsibility table and parts titled by their lead unit task_tables', and whose words a
sentence gives (and whose own plan the text is) voices'.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from .commitments import (
    _ACTION,
    _CLAUSE_SPLIT,
    _DIGIT,
    _EXHORT,
    _FORECAST,
    _FRAMING,
    _GOES_ON_URGING,
    _ISSUED,
    _LEADER_LINE,
    _MANNER_PLEDGE,
    _MEETING_URGES,
    _METHOD_CLAUSE,
    _MIN_CHARS,
    _NEWS_ISSUED,
    _NOTICE,
    _ORDINAL,
    _PLAN_TIME,
    _PROMISE,
    _SOURCED,
    _SPIRIT,
    _STORY_FORECAST,
    _STYLE_CLAUSE_MAX,
    _STYLE_END,
    _SUPERVISES,
    _SUPERVISES_HINT,
    _SUPERVISOR,
    _TALLY,
    _TIME_LIMIT,
    _UNFINISHED,
    _URGES,
    _WILL,
    _is_commitment,
    _past_ordinal,
    _past_principles,
    _trim,
    _trim_clause,
    _whole_work_cut,
)
from .dates import document_date
from .departments import suggest_lead
from .goal_lists import (
    _ANNOUNCED,
    _CUT_GOAL_MAX,
    _MEASURE_ONLY,
    _WHOLE_GOAL_CUT,
    _deeds_joined,
    _goal_clauses,
    _goal_phrase,
    _named_works,
    _pledged_targets,
    _shares_reaching,
)
from .keyword_index import index_of
from .layout import Prepared, prepare
from .sentences import BULLETS, label_above
from .stance import TARGET
from .task_drafts import Table, TaskDraft, _assigned, _draft, _go_on, _section, _topics_led
from .task_items import (
    _DIRECTION,
    _FRAME_GOES_ON,
    _FRAME_HEAD_MAX,
    _GENERAL_FRAME,
    _MADE_OF,
    PLANS_AFTER,
    _aims_joined,
    _before_slogan,
    _behind_items,
    _counted_works,
    _enumerated,
    _framed_works,
    _list_part,
    _listed_actions,
    _listed_work,
    _named_items,
    _next_sibling,
    _objects_joined,
    _opening_joined,
    _past_meeting,
    _pieces,
    _sized_works,
    _titled_items,
    _units_apart,
    _whole_item,
    label_lines,
    part_overview,
)
from .task_tables import _led_part, _table_rows
from .unit_names import document_level
from .unit_subjects import UnitTag, unit_tag
from .voices import (
    _deputy_speaks,
    _editor_notes,
    _headline_and_links,
    _issuer,
    _other_place,
    _own_places,
    _reported,
    _speakers,
    _speeches,
)
from .walk import walk

_ITEM_MIN = 5  # a line of its own that is no heading may be shorter (建成深汕高中园)
_BARE_CHANGE = re.compile(r"(?:增长|下降|提高|降低|增加|减少)\d+(?:\.\d+)?%")
_TOPIC_MAX = 20  # a short sentence opening a longer paragraph names its topic (着力推进新型工业化。)
_TOPIC_SHORT = 12  # 着力强化推进机制。 inside a paragraph names the topic of the measures after it
_TOPIC_OPEN = re.compile(r"(?:着力|聚力)[\u4e00-\u9fff“”]+[。!]?$")
_PART_TITLE_MAX = 40  # a part's title ((一)…) run into its paragraph may be longer
# (一) or 一、 opening a part's title (a report numbers its parts so; a list's items are 1. or bare)
_PART_NUMBER = re.compile(r"\s*(?:[(（][一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}、)")
_SURE_PLAN = ("cue", "section", "year")  # what tells a sentence plans, beyond its mood alone
_LABEL = re.compile(r"([\u4e00-\u9fff]{2,8})\s*:\s*")  # 财政: …, 新质生产力: …
# 204. / (3) / 二、 opening a line: a new item of the decomposition, whose unit line comes after it
_ITEM_OPEN = re.compile(
    r"\s*(?:\d{1,3}[.、．﹒](?!\d)|[(（][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}、|——)")


def extract_tasks(text: str, date: dt.date | None = None, year: int | None = None, table: Table | None = None,
                  doc: str = "") -> list[TaskDraft]:
    """The commitments of the plan part of `text`, in order.  `date`/`year` as for extract_facts; `table`
    is the keyword → unit table (lead_keywords.DEFAULT_KEYWORD_UNITS by default, or weighted rows)."""
    prepared = prepare(text)
    norm = prepared.norm
    cut = len(norm.rstrip())
    if norm[cut - 1:cut] == "," and (_WHOLE_GOAL_CUT.search(norm, max(0, cut - _CUT_GOAL_MAX), cut)
                                     or _whole_work_cut(norm, cut - 1)):
        # …,出口增长3%左右, where a page cuts a goals list: the goals before the cut are whole, read as if ended;
        # so is a work whose clause the comma closes (加快实施…一体化等项目, cut after it)
        norm = norm[:cut - 1] + "。" + norm[cut:]
        prepared = replace(prepared, norm=norm)
    dated = document_date(text, date, year)
    plan_year = dated.plan_year
    rows = index_of(table)
    drafts: list[TaskDraft] = []
    rows_at, table = _table_rows(prepared, plan_year, doc)
    if _deputy_speaks(norm):
        return table
    own = _own_places(norm)
    level = document_level(norm)
    speakers = _speakers(norm)
    aside = _headline_and_links(norm) + _speeches(norm) + _editor_notes(norm)
    topic, topic_line = "", -1
    last_step: list[int] = []  # the drafts of the last sentence drafted, which a tag line after it assigns
    item: list[int] = []  # the drafts since the last unit line or item opening: a unit line assigns them all
    urged = False  # the last sentence was a report's or meeting's emphasised view
    notice = False  # the last sentence was the notice's own words (要… after 各级各部门要… is too)
    tagged_to = -1
    part_line = -1  # the end of a line a part's title opens
    voice_to = -1  # the end of a paragraph a speaker opened (陈伶俐指出,…要…。一要…。二要…): still the speaker's words
    pending: tuple[int, TaskDraft, int] | None = None  # a short opening sentence, the line's end, where it goes
    # An item's title sentence (1.坚定不移支持企业发展。认真落实…) names the topic of the works after it; in a
    # report it is no task of its own (加强县域财源建设。 over its works), but where the decomposition assigns the
    # item to its units (责任单位:… after it) the units answer for the title as for every work under it, as the
    # government's own decompositions list it: it is drafted then, with the item's units.
    title: TaskDraft | None = None
    titles: list[TaskDraft] = []
    tail = len(norm.rstrip())
    goals_until = -1  # where the last sentence drafted as a list of goals ends
    list_announced = False  # that list was announced (主要预期目标是:)
    counted_to = -1  # the end of a line whose counted work (一是…取得新突破。) was drafted: its principles explain it
    counted_drafts: list[int] = []  # that work's drafts
    led_parts: list[tuple[int, int, UnitTag]] = []  # lines under a part titled by its lead (一、X牵头工作(8项))
    frame_open = False  # the last sentence gave the year's requirements and ended on a semicolon
    for step in walk(norm, plan_year, dated.date):
        frame_goes_on, frame_open = frame_open, False
        if step.opens_line and step.is_heading and _PART_NUMBER.match(norm, _line_start(norm, step.span.start)):
            led_parts = _led_part(norm, _line_start(norm, step.span.start), led_parts)
        if pending and step.span.start >= pending[2]:
            # 加快建设县医院新院区。城北污水处理厂已建成投运。: nothing after it was drafted, so it was no topic of
            # tasks to come but a task itself
            drafts.insert(pending[0], pending[1])
            item = sorted({k + (k >= pending[0]) for k in item} | {pending[0]})
            pending = title = None
        if (_ITEM_OPEN.match(norm, _line_start(norm, step.span.start)) if step.opens_line
                else norm[:step.span.start].rstrip()[-1:] in ")）〕。;" and _ITEM_OPEN.match(norm, step.span.start)):
            # 205.推进…: a new item; the last one's unit line, if any, came before it (on one line: …负责)2.落实…)
            item, title = [], None
        if rows_at and any(a <= step.span.start < b for a, b in rows_at):
            continue  # a responsibility table's row: drafted from its cells
        if step.span.start < tagged_to:
            continue  # the rest of a tag (;配合单位:…)
        if step.span.start < voice_to:
            continue  # …。一要明确方向、知责尽责,…: the speaker goes on
        if any(a <= step.span.start < b for a, b in aside):
            continue  # a story's headline above its dateline, the titles under 相关链接:
        line_end = norm.find("\n", step.span.start)
        line_end = len(norm) if line_end < 0 else line_end
        tag = unit_tag(norm, step.span.start, max(line_end, step.span.end)) if _TAG_HINT.search(
            norm, step.span.start, step.span.end) else None
        if tag and tag.start >= step.span.end:
            tag = None
        if tag and not norm[step.span.start:tag.start].strip(" \t\u3000\n([【〔" + BULLETS):
            # 牵头单位:市发改委;配合单位:… on its own: the decomposition assigns the task before it
            # …; 部门分工:省发展改革委牵头 after an item of several sentences assigns each of its tasks
            for k in sorted(set(last_step) | set(item)):
                drafts[k] = _assigned(drafts[k], tag)
            if pending:  # 205.推进普通高中优质多样化发展。(责任单位:市教育局): the item's one sentence
                drafts.insert(pending[0], _assigned(pending[1], tag))
            elif title and not (item and _PART_NUMBER.match(norm, _line_start(norm, step.span.start))):
                # (一)加强市场体系建设。推进…。实施…。〔责任单位:…〕: a part's label run into its works is no task (an
                # item's 2.促进….(牵头单位:…) title is: test_decomposition_rules)
                titles.append(_assigned(title, tag))
            pending = None
            last_step, item, tagged_to, title = [], [], tag.end, None
            continue
        if (step.opens_line and prepared.headlines
                and prepared.origin(_line_start(norm, step.span.start)) in prepared.headlines):
            topic, topic_line = "", -1
            continue  # a story's headline restates it
        start, end = _trim(norm, step.span.start, step.span.end)
        body = norm[start:end]
        whole_line = step.opens_line and not step.line_goes_on
        if whole_line and part_overview(norm, _line_start(norm, step.span.start), line_end):
            continue  # 一、…⏎大力提振消费,…,不断增强发展内生动力。⏎加快重大项目建设。…: the part summed up
        if whole_line and step.span.end >= tail and _cut_heading(norm, step.span.start, step.span.end):
            continue  # (一)聚力…建设,坚持提质提速,全力打造…新门户 closing an excerpt: a part's title, its works cut off
        short = len(body) < (_ITEM_MIN if whole_line else _MIN_CHARS) and not (
            whole_line and _BARE_CHANGE.fullmatch(body))  # 生产总值⏎•增长5%: a goal under its label
        if step.is_heading or short:
            topic, topic_line = "", -1
            last_step = []
            if step.is_heading and step.line_goes_on and _PART_NUMBER.match(norm, _line_start(norm, step.span.start)):
                part_line = line_end  # 五、全力推动融合“迭变”,持续打造…新地标。加快农文旅体融合发展,聚力打造…。
            if step.is_heading and len(body) >= _MIN_CHARS:  # 2.完善政府绩效考核评价体系。⏎责任单位:… too
                title = _title(prepared, step, start, end, plan_year, rows, doc)
                if title and whole_line and _next_sibling(norm, _line_start(norm, step.span.start), line_end):
                    # 1.投资…建设…基地。⏎2.打造食用菌酵素生产基地。⏎3.建设…: a numbered line with nothing under it
                    # before the next number is an item of the list, a work of its own, not a title
                    item.append(len(drafts))
                    drafts.append(title)
                    title = None
            continue
        if (step.span.start < part_line and not step.line_goes_on and len(body) <= _PART_AIM_MAX
                and not _DIGIT.search(body)):
            part_line = -1
            continue  # the part's aim after its title, ending the title's line: what the works below are for
        part_line = -1
        if _LEADER_LINE.match(body) or _TIME_LIMIT.match(body):
            continue  # 分管省领导:林克庆: who oversees the item above; 完成时限:2024年年底前): when it is due
        if body[-1] in _UNFINISHED:
            continue  # 加快推进绿橙、油茶、 where a page or an excerpt cuts the text: no whole commitment
        if step.span.start < counted_to and body.startswith("坚持") and not _DIGIT.search(body):
            # 一是…在…上取得新突破。坚持“北上南下”,向北深度融入…: how the counted work is meant, no other; its words
            # still tell who leads the work
            told = suggest_lead(body, rows)
            for k in counted_drafts:
                if not drafts[k].lead_unit and told.lead:
                    drafts[k] = replace(drafts[k], lead_unit=told.lead, partner_units=told.partners,
                                        trigger=told.trigger, lead_confidence=told.confidence * 0.8)
            continue
        made_of = _MADE_OF.match(body)
        if made_of and not any(body[m.end():m.end() + 1] != "类" for m in _ACTION.finditer(body, made_of.end())):
            # (实施类项目555个: 实施 names a class of the list there, no action)
            continue  # 今年确定的新建续建项目中,直属学校项目4个、新城区项目13个…: the list's make-up, no work
        if body[-1] in "?？" and not PLANS_AFTER.search(body.replace("将", "")):
            continue  # 2024年我市新建哪些公园?: a question (a story's headline) asks, it commits to nothing
        if (_NOTICE.search(body) or (notice and body.startswith("要"))
                or ("督" in body[:14] and _SUPERVISOR.match(body))  # 县政府督查室将紧盯…: the notice's follow-up
                or (_SUPERVISES_HINT.search(body) and _SUPERVISES.search(body))):
            notice, last_step = True, []
            continue  # 现将《…》印发给你们; 各级各部门要…: the notice's own words
        notice = False
        if _TALLY.search(body):
            last_step = []
            continue  # 《政府工作报告》明确145项目标任务; 超进度的有10个,占总任务的4.5%: the checked tasks tallied
        if _EXHORT.match(body) or _MANNER_PLEDGE.match(body):
            last_step = []
            continue  # 会议号召,全体干部群众要…: a meeting's call on everyone; 用心用情把…办好、把…办实: a manner
        style = _STYLE_END.search(body)
        if style and not _DIGIT.search(body) and all(
                len(clause) <= _STYLE_CLAUSE_MAX for clause in _CLAUSE_SPLIT.split(body[:style.start()])):
            last_step = []
            continue  # 加强向上对接,深化调查研究,…,努力腾出更多时间和精力抓落实: the government's own habits
        if urged and _GOES_ON_URGING.match(body):
            last_step = []
            continue  # 报告强调,<a view>。要坚持多做事、不做秀,…: the report's exhortation goes on
        view = _URGES.match(body)
        urged = bool(view) and (not _PROMISE.search(body) and not _ACTION.search(body, view.end() if view else 0)
                                # 会议强调,要坚定发展信心,…推动…高质量发展: a meeting's exhortation, nothing measured
                                or _MEETING_URGES.match(body) is not None and not _DIGIT.search(body))
        if urged:
            last_step = []
            continue  # 报告强调,民生问题琐碎复杂,…: a view, no work
        if (_SOURCED.match(body) or _ISSUED.match(body)) and not _WILL.search(body) and not _PLAN_TIME.search(body):
            continue  # 据悉,区政府启动征集工作后,…筛选出12项候选项目: a reporter's account of what was done
        if _NEWS_ISSUED.match(body) and not _WILL.search(body):
            continue  # 近日,省政府印发《关于下达2024年…名单的通知》: news of a document issued (its year names it)
        if (_FORECAST.match(body) or _STORY_FORECAST.search(body)) and not _PROMISE.search(body):
            continue  # 预计今年财政收入继续恢复增长,…一般公共预算支出规模28.5万亿元: what the year is expected to bring
        if _reported(body, speakers):
            last_step = []
            if speakers is not None and speakers.match(body) and step.opens_line:
                voice_to = line_end
            continue  # 李文忠说,…要…; 《…方案》当中也指出,要…: someone else's words, no commitment of this government
        stance, source = step.tracker.stance_and_source(norm, start, end)
        # 有序推进…。投入500万元完成…15座历史遗留矿山修复。: a sentence planning only as the one before it on the
        # line did goes on with that work (a table's cell: 推进…。完成4个老旧小区…改造。)
        goes_on = source == "mood" and not step.tracker.own_mood(norm, start, end)
        label = _LABEL.match(norm, start, end) if step.opens_line else None
        if label and not _ANNOUNCED.search(label.group()) and not _FRAMING.search(label.group()):
            # 住房: 持续用力推动房地产市场止跌回稳。 the label names the topic, the rest is the task
            topic, topic_line = label.group(1), start
            start = label.end()
            body = norm[start:end]
        elif (step.line_goes_on and not body.endswith(";") and not _DIGIT.search(body)
              and (len(body) <= _TOPIC_MAX and (step.opens_line or _ORDINAL.match(norm, step.span.start))
                   # …。着力提升策划能力。强化…培训,…: a paragraph's next topic sentence, its measures after it
                   or len(body) <= _TOPIC_SHORT and _TOPIC_OPEN.match(body)
                   # (一)持续扩大有效投资,让经济发展增添更多…支撑。牢固树立…: a part's title run into its works
                   or len(body) <= _PART_TITLE_MAX and step.opens_line
                   and (_PART_NUMBER.match(norm, _line_start(norm, step.span.start))
                        # 1.全面深化“…”实干争先主题实践。坚持…: a numbered item's title run into its works
                        or _ITEM_TITLE_NUMBER.match(norm, _line_start(norm, step.span.start)))
                   # …。一、加快提振市场信心(一)全面促进消费增长。1.…: a part's and a section's titles run together
                   or len(body) <= _PART_TITLE_MAX and _PART_NUMBER.match(norm, step.span.start)
                   and _PART_NUMBER.search(body, 3) is not None)):
            # 一、新建50家…;新增200个…: items of a list, no topic
            # …强劲引擎。一是切实保障粮食安全。持续加强…: a sub-heading run into the paragraph (a PDF's flattened
            # lines) names the topic of the sentences after it, like one opening its own line
            topic, topic_line = body.rstrip("。!;"), start
            if stance == TARGET and _is_commitment(body) and not _goal_clauses(norm, start, end):
                title = _draft(prepared, start, end, step.heading, plan_year, rows, False, source, doc, level)
                if source in _SURE_PLAN:
                    pending = (len(drafts), title, line_end)
            continue
        if stance != TARGET or (source == "restated" and step.tracker.completed):
            continue  # (二)新增养老床位250张 in a notice that every item is done: no new task
        section = _section(step.heading, topic if topic_line >= 0 else "")
        if _other_place(norm, start, end, own) is not None:
            continue  # 加快灾后重建,卫辉市提出的目标是:GDP增速15%,…: a sentence about that county's plan
        general = _GENERAL_FRAME.search(norm, start, min(end, start + _FRAME_HEAD_MAX))
        framed = general or (
            _DIRECTION.match(norm, start, end) if norm.find("贯彻", start, start + _FRAME_HEAD_MAX) >= 0
            or norm.find("落实", start, start + _FRAME_HEAD_MAX) >= 0 else None)
        if not framed and frame_goes_on and not step.opens_line:
            framed = _FRAME_GOES_ON.match(norm, start)
        frame_open = bool(general or framed and frame_goes_on) and norm[step.span.end - 1] in ";；"
        behind = _behind_items(norm, start, end)  # 未达到序时进度的任务分别是:A、B (before the colon is passed)
        content = _after_announcement(norm, start, end)  # 重点做好六方面工作:坚持创新发展,…
        if content > start:
            content = _past_ordinal(norm, content, end)  # …八项工作:一是着力构建现代产业体系;
        # 提出了2019年…主要预期目标:A增长9%,…,社会事业协调发展: the goals list was announced before the colon
        announced = content > start and bool(_ANNOUNCED.search(norm, start, content))
        start = _past_principles(norm, content, end)
        if tag and tag.start > start:  # 新增城镇就业1万人(牵头单位:市人社局): the task without its tag
            end = _trim_clause(norm, start, tag.start)[1]
        body = norm[start:end]
        named = (_named_items(norm, start, end) or _titled_items(norm, start, end) or _listed_actions(norm, start, end)
                 or behind)
        pledged: set[int] = set()
        continued = goals_until >= 0 and not norm[goals_until:step.span.start].strip()
        # 主要预期目标是:A增长5%左右,…,努力跑赢全国;B增长8%以上,…,加快构建优势;C…: the announced list goes on past
        # its semicolons, and a remark between its goals (加快构建优势) is no goal and no reason to doubt the list
        announced = announced or continued and list_announced and norm[goals_until - 1] in ";；"
        counted = not (named or framed) and (_counted_works(norm, step.span.start, start, end)
                                             or _sized_works(norm, start, end, rows))
        goals = [] if named or framed or counted else _goal_clauses(norm, start, end, announced, continued)
        items = [] if goals or named or framed else _enumerated(norm, start, end)
        if framed:
            # 今年政府工作的总体要求是:以…为指导,…,加快建设…: the works and goals after the frame, one task each
            pieces = _framed_works(norm, max(start, framed.end()), end)
        elif named:
            pieces = named  # 实施“七大行动”,即A行动、B行动…: one task per named action
        elif goals:
            pieces = goals
        elif items:
            pieces = items  # 一是着力构建现代产业体系;二是着力推动…: one task per work
        elif _is_commitment(body):
            # …要求各级各方面全面提振…精气神,深入开展…行动: a call to spirit opening the sentence is no work
            spirit = _SPIRIT.match(norm, start, end)
            pieces = _pieces(norm, *_trim_clause(norm, spirit.end(), end), rows) if spirit else _pieces(
                norm, start, end, rows)
            split = [_pledged_targets(norm, a, b) for a, b in pieces]
            pledged = {a for found in split for a, _ in found[1:]}  # targets after the work they measure
            pieces = [piece for found in split for piece in found]
        elif _listed_work(norm, step.span.start, start, end):
            pieces = [_trim_clause(norm, start, end)]  # …包括:A;丹阳天然气管道村村通工程;简渎河清淤工程(东段);
        else:
            pieces = _before_slogan(norm, start, end)
        if pieces and not named and not framed and _whole_item(norm, step, start, end) and not _units_apart(
                norm, step, pieces, rows):
            # 01 新改扩建公办幼儿园11所,新增公办园学位2550个: one task; (7)新建…健身工程,新建…养老机构: two units' two
            pieces = [_trim_clause(norm, start, end)]
        if pieces:
            pieces = [(m.end(), b) if m else (a, b) for a, b in pieces
                      for m in [_METHOD_CLAUSE.match(norm, a, b)]]  # 持续创新办法、迭代打法,加强…: the work after it
            pieces = [(a, b) for a, b in pieces if b > a and norm[a:b].strip("。!;")]
            pieces = _aims_joined(norm, pieces)  # 聚焦首发经济,引进首店170家: the aim and the work are one task
            pieces = _objects_joined(norm, pieces)  # 引进优质项目120个,一般项目500个: one verb's objects
            pieces = _opening_joined(norm, pieces)  # 优化农业种植结构,实施…示范4800亩: the work and its measure
            pieces = [(a, b) for a, b in pieces if not _list_part(norm, step.span.start, a, b)
                      and not _ISSUED.fullmatch(norm, a, b)]  # 某市近日印发《…方案》, 今年将…: the news part
            pieces = [piece for a, b in pieces for piece in _past_meeting(norm, a, b)]
            pieces = [piece for a, b in pieces for piece in _shares_reaching(norm, a, b)]
            pieces = [piece for a, b in pieces for piece in _deeds_joined(norm, a, b, rows)]
            pieces = [piece for a, b in pieces for piece in _named_works(norm, a, b, rows)]
            last_step, pending = [], None
        goals_until = step.span.end if goals else -1
        list_announced = bool(goals) and announced
        if pieces and _ORDINAL.match(norm, step.span.start):
            counted_to, counted_drafts = line_end, list(range(len(drafts), len(drafts) + len(pieces)))
        if pieces and tag and tag.start > start:
            # A;B;C(…省发展改革委牵头…): a unit closing a line of goals leads those before it on the line too
            line_start = _line_start(norm, step.span.start)
            for k in item:
                if drafts[k].start >= prepared.origin(line_start) and drafts[k].lead_confidence < 0.95:
                    drafts[k] = _assigned(drafts[k], tag)
            if title and title.start >= prepared.origin(line_start):
                titles.append(_assigned(title, tag))
                title = None
        before = len(drafts)
        label = label_above(norm, step.span.start) if step.opens_line else ""
        for a, b in pieces:
            draft = _draft(prepared, a, b, section, plan_year, rows, bool(goals), source, doc, level)
            found = suggest_lead(label, rows) if label and not draft.lead_unit else None
            if found and found.lead:  # 生产总值⏎•增长5%: the label names the field
                draft = replace(draft, lead_unit=found.lead, partner_units=found.partners,
                                trigger=found.trigger, lead_confidence=found.confidence * 0.8,
                                why=f"{draft.why.split('；')[0]}；牵头单位：标签“{label}”")
            if ((goals and (not announced or _MEASURE_ONLY.match(norm, a)) or a in pledged)
                    and not draft.lead_unit and last_step
                    and drafts[last_step[-1]].lead_unit):
                # 举办促消费活动100场次以上,力争销售额突破300亿元: a goal naming no unit's field goes on the work
                # before it in the same sentence
                draft = replace(draft, lead_unit=drafts[last_step[-1]].lead_unit,
                                lead_confidence=drafts[last_step[-1]].lead_confidence * 0.8)
            last_step.append(len(drafts))
            item.append(len(drafts))
            drafts.append(_assigned(draft, tag) if tag and tag.start > start else draft)
        if goes_on and before and len(drafts) > before:
            drafts, last_step, item = _go_on(prepared.text, drafts, before, last_step, item)
        if pieces and tag and tag.start > start:
            # 粮食产量…以上 部门分工:省农业农村厅牵头。: the item is closed by its own unit line; the next item's unit
            # line (部门分工:省工业和信息化厅牵头…) assigns only the tasks after it
            last_step, item = [], []
    if pending:
        drafts.insert(pending[0], pending[1])
    if table or titles:
        drafts = sorted(drafts + table + titles, key=lambda d: d.start)
    drafts = _topics_led(prepared.text, drafts)
    if led_parts:
        # 一、县示范区管委会牵头工作(8项)⏎1.…⏎2.…: the part's title names who leads every item under it
        spans = [(prepared.span(a, b), tag) for a, b, tag in led_parts]
        drafts = [next((_assigned(d, tag) for (a, b), tag in spans if a <= d.start < b and d.lead_confidence < 0.95),
                       d) for d in drafts]
    drafts = _one_per_label_line(prepared, drafts, plan_year, rows, doc, level)
    issuer = _issuer(norm)
    if issuer:
        # 市农业农村局2024年种植业工作要点: a bureau's own plan; what names no unit's field is the bureau's to lead
        # …; what its words would give another unit by a keyword is still the bureau's, the other a partner
        # (卫生健康工作要点: 居民电子健康档案开放率 is no trade bureau's; 住建局's 世行项目建设 no planners')
        drafts = [d if d.lead_confidence >= _NAMED or d.lead_unit == issuer[1] else replace(
            d, lead_unit=issuer[1], trigger=issuer[0], lead_confidence=0.5,
            partner_units=tuple(dict.fromkeys(u for u in (d.lead_unit, *d.partner_units) if u and u != issuer[1])))
            for d in drafts]
    return [d if d.level == level else replace(d, level=level) for d in drafts]  # a table's rows


def _one_per_label_line(prepared: Prepared, drafts: list[TaskDraft], plan_year, rows, doc: str, level: str
                        ) -> list[TaskDraft]:
    """A list whose lines each open on a label naming the work (农村公路提质改造。提质改造农村公路5条…,11月完工。):
    one task per line, quoted from the label, led as its words say (the label first), else as its explanation's
    drafts were."""
    for a, b in label_lines(prepared.norm):
        start, end = prepared.span(a, b)
        inside = [d for d in drafts if start <= d.start < end]
        line = _draft(prepared, a, b, inside[0].section if inside else "", plan_year, rows, False, "cue", doc, level)
        if inside and inside[0].lead_unit and not line.lead_unit:
            line = replace(line, lead_unit=inside[0].lead_unit, partner_units=inside[0].partner_units,
                           trigger=inside[0].trigger, lead_confidence=inside[0].lead_confidence)
        drafts = sorted([d for d in drafts if not start <= d.start < end] + [line], key=lambda d: d.start)
    return drafts


_PART_AIM_MAX = 40
_NAMED = 0.95  # a lead the text names (a tag, a subject), not a keyword's guess
_ITEM_TITLE_NUMBER = re.compile(r"\s*\d{1,2}[.、．](?!\d)")


def _cut_heading(norm: str, start: int, end: int) -> bool:
    """The text's last line is a part's title whose works the excerpt cut off: numbered as parts are ((一), 一、), no
    figure, no final stop, and not the last of a run of lines numbered and left open alike (a bare list's items)."""
    line = norm[start:end].rstrip()
    if not line or line[-1] in "。;!?:”" or not _PART_NUMBER.match(line) or _DIGIT.search(line):
        return False
    before = norm[:_line_start(norm, start)].rstrip()
    previous = before[before.rfind("\n") + 1:].strip()
    return not (previous and _PART_NUMBER.match(previous) and previous[-1] not in "。;!?:”")


def _title(prepared: Prepared, step, start: int, end: int, plan_year: int | None, rows, doc: str) -> TaskDraft | None:
    """A numbered item's title sentence (1.坚定不移支持企业发展。 before the item's works) as a draft, kept aside
    until the item's unit line says whether the decomposition assigns it; None when it is no commitment."""
    if not _ITEM_OPEN.match(prepared.norm, _line_start(prepared.norm, step.span.start)):
        return None
    stance, source = step.tracker.stance_and_source(prepared.norm, start, end)
    body_end = _trim_clause(prepared.norm, start, end)[1]
    # 1.一般公共预算收入与经济增长同步。 a goal without a figure is an item's whole task too
    goal = _goal_phrase(prepared.norm, start, body_end)
    if stance != TARGET or not (_is_commitment(prepared.norm[start:end]) or goal):
        return None
    return _draft(prepared, start, end, step.heading, plan_year, rows, goal, source, doc)


_TAG_HINT = re.compile(r"牵头|(?:责任|主责|主办)(?:单位|部门)|分工负责|按职责|负责[)）〕]")


def _line_start(norm: str, at: int) -> int:
    """Where the line holding norm[at] starts, past its blanks."""
    k = norm.rfind("\n", 0, at) + 1
    while k < at and norm[k] in " \t\u3000":
        k += 1
    return k


def _after_announcement(norm: str, start: int, end: int) -> int:
    """Where the content starts in a sentence that announces it first (重点做好十个方面工作:推动…): after
    the colon when the words before it frame or announce."""
    colon = norm.find(":", start, end)
    if colon < 0 or colon + 1 >= end:
        return start
    head = norm[start:colon + 1]
    announces = head.endswith(("工作:", "任务:", "包括:", "如下:", "分别是:", "主要有:", "具体是:", "实事:"))
    return colon + 1 if _FRAMING.search(head) or _ANNOUNCED.search(head) or announces else start
