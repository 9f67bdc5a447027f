"""Task drafts: every commitment of the plan part of a text, its lead unit, partners and deadline.

A sentence is a commitment when it stands in the plan part (target stance: a "工作安排" section, a
sentence cued by 将/力争/要/今后…, a year phrase for the year the document plans) and says what will be
done (实施, 推进, 建设, 完成…).  Numbers are not required: 加快推进城市更新 is a task.  A list of goals
(主要预期目标是:地区生产总值增长6%左右,…;…) makes one task per goal, as cities' official decompositions
do, each with its own lead unit (departments.suggest_lead).

This module walks the text sentence by sentence (extract_tasks) and decides which sentences to draft and which unit
line assigns which drafts; the draft record is task_drafts', what is a commitment commitments', the sentences that
commit this government to nothing task_screen's, how a commitment is cut into tasks task_pieces', part and item
titles task_titles', the passes over all drafts after the walk task_finish's, the shapes of lists goal_lists' and
task_items', a pasted responsibility table and parts titled by their lead unit task_tables', and whose words a
sentence gives (and whose own plan the text is) voices'.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from functools import partial

from ...patterns import quick
from .clause_leads import by_remit
from .commitments import (
    ACTION,
    DIGIT,
    FRAMING,
    LEADER_LINE,
    MIN_CHARS,
    ORDINAL,
    TIME_LIMIT,
    UNFINISHED,
    is_commitment,
    trim,
    whole_work_cut,
)
from .dates import document_date
from .departments import suggest_lead
from .goal_lists import (
    ANNOUNCED,
    CUT_GOAL_MAX,
    MEASURE_ONLY,
    WHOLE_GOAL_CUT,
    goal_clauses,
)
from .keyword_index import index_of
from .layout import prepare
from .sentences import BULLETS, label_above
from .stance import TARGET
from .task_drafts import Table, TaskDraft, assigned, go_on, make_draft, section_of
from .task_finish import finish_drafts
from .task_lists import late_named
from .task_pieces import cut_commitment
from .task_screen import (
    AREAS_COUNTED,
    CLASS_OF_LIST,
    KEEP,
    LIST_TOTAL,
    PARTS_OF,
    SKIP_STEP,
    headings_run,
    named_run,
    parts_joined,
    screen_sentence,
    units_only,
)
from .task_tables import led_part, table_rows
from .task_titles import (
    ITEM_OPEN,
    ITEM_TITLE_NUMBER,
    PART_NUMBER,
    cut_heading,
    item_title,
    next_sibling,
    part_overview,
    start_of_line,
)
from .unit_names import document_level
from .unit_subjects import TAG_HINT, UnitTag, unit_tag
from .voices import (
    deputy_speaks,
    editor_notes,
    headline_and_links,
    other_place,
    own_places,
    reported,
    speaker_pattern,
    speeches,
)
from .walk import walk

_ITEM_MIN = 5  # a line of its own that is no heading may be shorter (建成深汕高中园)
_BARE_CHANGE = re.compile(r"(?:增长|下降|提高|降低|增加|减少)\d+(?:\.\d+)?%")
_TOPIC_MAX = 20  # a short sentence opening a longer paragraph names its topic (着力推进新型工业化。)
_TOPIC_SHORT = 12  # 着力强化推进机制。 inside a paragraph names the topic of the measures after it
_TOPIC_OPEN = re.compile(r"(?:着力|聚力)[\u4e00-\u9fff“”]+[。!]?$")
_PART_TITLE_MAX = 40  # a part's title ((一)…) run into its paragraph may be longer
_SURE_PLAN = ("cue", "section", "year")  # what tells a sentence plans, beyond its mood alone
_LABEL = re.compile(r"([\u4e00-\u9fff]{2,8})\s*:\s*")  # 财政: …, 新质生产力: …

def extract_tasks(text: str, date: dt.date | None = None, year: int | None = None, table: Table | None = None,
                  doc: str = "") -> list[TaskDraft]:
    """The commitments of the plan part of `text`, in order.  `date`/`year` as for extract_facts; `table`
    is the keyword → unit table (lead_keywords.DEFAULT_KEYWORD_UNITS by default, or weighted rows)."""
    prepared = prepare(text)
    norm = prepared.norm
    cut = len(norm.rstrip())
    if norm[cut - 1:cut] == "," and (WHOLE_GOAL_CUT.search(norm, max(0, cut - CUT_GOAL_MAX), cut)
                                     or whole_work_cut(norm, cut - 1)):
        # …,出口增长3%左右, where a page cuts a goals list: the goals before the cut are whole, read as if ended;
        # so is a work whose clause the comma closes (加快实施…一体化等项目, cut after it)
        norm = norm[:cut - 1] + "。" + norm[cut:]
        prepared = replace(prepared, norm=norm)
    dated = document_date(text, date, year)
    plan_year = dated.plan_year
    rows = index_of(table)
    drafts: list[TaskDraft] = []
    rows_at, table = table_rows(prepared, plan_year, doc)
    if deputy_speaks(norm):
        return table
    own = own_places(norm)
    level = document_level(norm)
    speakers = speaker_pattern(norm)
    aside = headline_and_links(norm) + speeches(norm) + editor_notes(norm)
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
    grasping = False  # the text announced requirements to grasp (要重点把握以下几个方面。一要…): principles until works
    areas_to, named_from = -1, -1  # the end of a line counting areas of work (重点做好10个方面工作。一是…), their run
    total_to = -1  # the end of a line whose drafted sentence gave a project list's total (确定建设110个重点项目,…)
    for step in walk(norm, plan_year, dated.date):
        frame_goes_on, frame_open = frame_open, False
        if step.opens_line and step.is_heading and PART_NUMBER.match(norm, start_of_line(norm, step.span.start)):
            led_parts = led_part(norm, start_of_line(norm, step.span.start), led_parts)
        if pending and step.span.start >= pending[2]:
            # 加快建设县医院新院区。城北污水处理厂已建成投运。: nothing after it was drafted, so it was no topic of
            # tasks to come but a task itself
            drafts.insert(pending[0], pending[1])
            item = sorted({k + (k >= pending[0]) for k in item} | {pending[0]})
            pending = title = None
        if (ITEM_OPEN.match(norm, start_of_line(norm, step.span.start)) if step.opens_line
                else _char_before(norm, step.span.start) in ")）〕。;" and ITEM_OPEN.match(norm, step.span.start)):
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
                drafts[k] = assigned(drafts[k], tag)
            if pending:  # 205.推进普通高中优质多样化发展。(责任单位:市教育局): the item's one sentence
                drafts.insert(pending[0], assigned(pending[1], tag))
            elif title and not (item and PART_NUMBER.match(norm, start_of_line(norm, step.span.start))):
                # (一)加强市场体系建设。推进…。实施…。〔责任单位:…〕: a part's label run into its works is no task (an
                # item's 2.促进….(牵头单位:…) title is: test_decomposition_rules)
                titles.append(assigned(title, tag))
            pending = None
            last_step, item, tagged_to, title = [], [], tag.end, None
            continue
        if (step.opens_line and prepared.headlines
                and prepared.origin(start_of_line(norm, step.span.start)) in prepared.headlines):
            topic, topic_line = "", -1
            continue  # a story's headline restates it
        start, end = trim(norm, step.span.start, step.span.end)
        body = norm[start:end]
        if grasping:
            # 实现全年目标任务,要重点把握以下几个方面。一要聚焦主线。牢牢把握…: how to work, until the works are
            # announced (今年,将重点做好以下九个方面工作。) or a part's title opens them
            if not (step.is_heading and step.opens_line or _WORKS_ANNOUNCED.search(body)):
                continue
            grasping = False
        if _GRASP.search(body):
            grasping = True
            continue
        areas = AREAS_COUNTED.search(body)
        if areas:
            areas_to, named_from = line_end, start + areas.end()
        whole_line = step.opens_line and not step.line_goes_on
        if whole_line and part_overview(norm, start_of_line(norm, step.span.start), line_end):
            continue  # 一、…⏎大力提振消费,…,不断增强发展内生动力。⏎加快重大项目建设。…: the part summed up
        if whole_line and step.span.end >= tail and cut_heading(norm, step.span.start, step.span.end):
            continue  # (一)聚力…建设,坚持提质提速,全力打造…新门户 closing an excerpt: a part's title, its works cut off
        short = len(body) < (_ITEM_MIN if whole_line else MIN_CHARS) and not (
            whole_line and _BARE_CHANGE.fullmatch(body))  # 生产总值⏎•增长5%: a goal under its label
        if step.is_heading or short:
            topic, topic_line = "", -1
            last_step = []
            if step.is_heading and step.line_goes_on and PART_NUMBER.match(norm, start_of_line(norm, step.span.start)):
                part_line = line_end  # 五、全力推动融合“迭变”,持续打造…新地标。加快农文旅体融合发展,聚力打造…。
            if step.is_heading and len(body) >= MIN_CHARS:  # 2.完善政府绩效考核评价体系。⏎责任单位:… too
                title = item_title(prepared, step, start, end, plan_year, rows, doc)
                if title and whole_line and next_sibling(norm, start_of_line(norm, step.span.start), line_end):
                    # 1.投资…建设…基地。⏎2.打造食用菌酵素生产基地。⏎3.建设…: a numbered line with nothing under it
                    # before the next number is an item of the list, a work of its own, not a title
                    item.append(len(drafts))
                    drafts.append(title)
                    title = None
            continue
        if (step.span.start < part_line and not step.line_goes_on and not DIGIT.search(body)
                and (len(body) <= _PART_AIM_MAX or _label_opens(norm, line_end) and not _MEASURED.search(body))):
            # (一)坚决维护社会和谐稳定。扎实推进…,以久安之势成长久之业。⏎加强和改进民族工作。全面实施…: the part
            # summed up after its title, its works under labels below
            part_line = -1
            continue  # the part's aim after its title, ending the title's line: what the works below are for
        part_line = -1
        if step.line_goes_on and _PROJECT_TITLE.fullmatch(body) and not ACTION.match(body):
            # 老旧小区改造工程。改造老旧小区3057个,…: a project's name over its works on the line, no task of its own
            topic, topic_line = body.rstrip("。"), start
            last_step = []
            continue
        if LEADER_LINE.match(body) or TIME_LIMIT.match(body):
            continue  # 分管省领导:林克庆: who oversees the item above; 完成时限:2024年年底前): when it is due
        if units_only(body):
            continue  # (市政府各部门分别负责,年内持续推进): whom the item above is assigned to, no work of its own
        if body[-1] in UNFINISHED:
            continue  # 加快推进绿橙、油茶、 where a page or an excerpt cuts the text: no whole commitment
        if step.span.start < counted_to and body.startswith("坚持") and not DIGIT.search(body):
            # 一是…在…上取得新突破。坚持“北上南下”,向北深度融入…: how the counted work is meant, no other; its words
            # still tell who leads the work
            told = suggest_lead(body, rows)
            for k in counted_drafts:
                if not drafts[k].lead_unit and told.lead:
                    drafts[k] = replace(drafts[k], lead_unit=told.lead, partner_units=told.partners,
                                        trigger=told.trigger, lead_confidence=told.confidence * 0.8)
            continue
        if headings_run(norm, start, end):
            continue  # “推动A、B、C实现新突破;推动…抓出新成效;…”: a report's part headings quoted by a story
        verdict, notice, urged = screen_sentence(body, notice, urged)
        if verdict != KEEP:
            if verdict == SKIP_STEP:
                last_step = []
            continue
        if reported(body, speakers):
            last_step = []
            if speakers is not None and speakers.match(body) and step.opens_line:
                voice_to = line_end
            continue  # 李文忠说,…要…; 《…方案》当中也指出,要…: someone else's words, no commitment of this government
        if last_step and PARTS_OF.match(body):
            # …开复工重点项目485个,总投资2836亿元;其中新开工项目185个,…: the parts of the total drafted just before
            # go with it (on to its draft when nothing stands between them), no task of their own
            drafts[last_step[-1]] = parts_joined(prepared, drafts[last_step[-1]], start, end)
            continue
        stance, source = step.tracker.stance_and_source(norm, start, end)
        # 有序推进…。投入500万元完成…15座历史遗留矿山修复。: a sentence planning only as the one before it on the
        # line did goes on with that work (a table's cell: 推进…。完成4个老旧小区…改造。)
        goes_on = source == "mood" and not step.tracker.own_mood(norm, start, end)
        label = _LABEL.match(norm, start, end) if step.opens_line else None
        if label and not ANNOUNCED.search(label.group()) and not FRAMING.search(label.group()):
            # 住房: 持续用力推动房地产市场止跌回稳。 the label names the topic, the rest is the task
            topic, topic_line = label.group(1), start
            start = label.end()
            body = norm[start:end]
        elif (step.line_goes_on and not body.endswith(";") and not DIGIT.search(body)
              and (len(body) <= _TOPIC_MAX and (step.opens_line or ORDINAL.match(norm, step.span.start))
                   # …。着力提升策划能力。强化…培训,…: a paragraph's next topic sentence, its measures after it
                   or len(body) <= _TOPIC_SHORT and _TOPIC_OPEN.match(body)
                   # (一)持续扩大有效投资,让经济发展增添更多…支撑。牢固树立…: a part's title run into its works
                   or len(body) <= _PART_TITLE_MAX and step.opens_line
                   and (PART_NUMBER.match(norm, start_of_line(norm, step.span.start))
                        # 1.全面深化“…”实干争先主题实践。坚持…: a numbered item's title run into its works
                        or ITEM_TITLE_NUMBER.match(norm, start_of_line(norm, step.span.start)))
                   # …。一、加快提振市场信心(一)全面促进消费增长。1.…: a part's and a section's titles run together
                   or len(body) <= _PART_TITLE_MAX and PART_NUMBER.match(norm, step.span.start)
                   and PART_NUMBER.search(body, 3) is not None)):
            # 一、新建50家…;新增200个…: items of a list, no topic
            # …强劲引擎。一是切实保障粮食安全。持续加强…: a sub-heading run into the paragraph (a PDF's flattened
            # lines) names the topic of the sentences after it, like one opening its own line
            topic, topic_line = body.rstrip("。!;"), start
            if stance == TARGET and is_commitment(body) and not goal_clauses(norm, start, end):
                title = make_draft(prepared, start, end, step.heading, plan_year, rows, False, source, doc, level)
                if source in _SURE_PLAN:
                    pending = (len(drafts), title, line_end)
            continue
        if (stance != TARGET or (source == "restated" and step.tracker.completed)) and not late_named(norm, start, end):
            continue  # (二)新增养老床位250张 in a notice that every item is done: no new task (A、B等均未达序时 is one)
        section = section_of(step.heading, topic if topic_line >= 0 else "")
        if other_place(norm, start, end, own) is not None:
            continue  # 加快灾后重建,卫辉市提出的目标是:GDP增速15%,…: a sentence about that county's plan
        if step.span.start < total_to and CLASS_OF_LIST.search(body) and "投资" in body:
            continue  # …确定建设110个重点项目,总投资520亿元。工业类项目29个,投资98.7亿元,…: the list's make-up
        cut = cut_commitment(norm, step, start, end, tag, rows, frame_goes_on, goals_until, list_announced)
        start, pieces, goals, announced, pledged = cut.start, cut.pieces, cut.goals, cut.announced, cut.pledged
        if step.span.start < areas_to and (ORDINAL.match(norm, step.span.start) or areas and named_run(
                norm, named_from, end)):
            # 重点做好10个方面工作。一是全力以赴抓政策落地,…;二是…,力争完成重大项目投资9000亿元以上; 要重点抓好11个
            # 方面任务的落实:奋力打造…高地,加快发展…,…: the areas counted are titles (slogans) of works, no tasks; one
            # that sets a figure is a goal.  (Areas told as sentences or paired by ; after the count are works: R3.)
            pieces = [(a, b) for a, b in pieces if DIGIT.search(norm, a, b)]
        frame_open = cut.frame_open
        # 落实建筑垃圾闭环管理,推进入河排污口排查整改: works of different remits, one draft each (clause_leads)
        drafted = by_remit(norm, pieces, partial(make_draft, prepared, section=section, plan_year=plan_year, rows=rows,
                                                 goal=bool(goals), source=source, doc=doc, level=level), rows)
        if pieces:
            last_step, pending = [], None
        goals_until = step.span.end if goals else -1
        if pieces and "总投资" in body and LIST_TOTAL.search(body):
            total_to = line_end
        list_announced = bool(goals) and announced
        if pieces and ORDINAL.match(norm, step.span.start):
            counted_to, counted_drafts = line_end, list(range(len(drafts), len(drafts) + len(drafted)))
        if pieces and tag and tag.start > start:
            # A;B;C(…省发展改革委牵头…): a unit closing a line of goals leads those before it on the line too
            opened = start_of_line(norm, step.span.start)
            for k in item:
                if drafts[k].start >= prepared.origin(opened) and drafts[k].lead_confidence < 0.95:
                    drafts[k] = assigned(drafts[k], tag)
            if title and title.start >= prepared.origin(opened):
                titles.append(assigned(title, tag))
                title = None
        before = len(drafts)
        label = label_above(norm, step.span.start) if step.opens_line else ""
        for a, _, draft in drafted:
            found = suggest_lead(label, rows) if label and not draft.lead_unit else None
            if found and found.lead:  # 生产总值⏎•增长5%: the label names the field
                draft = replace(draft, lead_unit=found.lead, partner_units=found.partners,
                                trigger=found.trigger, lead_confidence=found.confidence * 0.8,
                                why=f"{draft.why.split('；')[0]}；牵头单位：标签“{label}”")
            if ((goals and (not announced or MEASURE_ONLY.match(norm, a)) or a in pledged)
                    and not draft.lead_unit and last_step
                    and drafts[last_step[-1]].lead_unit):
                # 举办促消费活动100场次以上,力争销售额突破300亿元: a goal naming no unit's field goes on the work
                # before it in the same sentence
                draft = replace(draft, lead_unit=drafts[last_step[-1]].lead_unit,
                                lead_confidence=drafts[last_step[-1]].lead_confidence * 0.8)
            last_step.append(len(drafts))
            item.append(len(drafts))
            drafts.append(assigned(draft, tag) if tag and tag.start > start else draft)
        if goes_on and before and len(drafts) > before:
            drafts, last_step, item = go_on(prepared.text, drafts, before, last_step, item)
        if pieces and tag and tag.start > start:
            # 粮食产量…以上 部门分工:省农业农村厅牵头。: the item is closed by its own unit line; the next item's unit
            # line (部门分工:省工业和信息化厅牵头…) assigns only the tasks after it
            last_step, item = [], []
    if pending:
        drafts.insert(pending[0], pending[1])
    return finish_drafts(prepared, drafts, table, titles, led_parts, plan_year, rows, doc, level)


_PART_AIM_MAX = 40  # the aim after a part's title, ending its line (…新地标。加快…)
_GRASP = quick(r"把握(?:好)?以下[^,;。]{0,6}方面|(?:注重|做到|把握)(?:好)?以下几点")
_WORKS_ANNOUNCED = re.compile(r"(?:做好|抓好|突出|聚焦|推进|抓实)(?:以下)?[一二三四五六七八九十两几\d]*(?:个|项)?"
                              r"方面(?:的)?(?:重点)?(?:工作|任务)|(?:做好|抓好)以下[^,;。]{0,6}(?:工作|任务)")
_PROJECT_TITLE = re.compile(r"(?!深入|全面|大力|加快|持续|积极|扎实|着力|继续|切实|统筹|有序|稳步|不断|进一步|重点)"
                            r"[^,;:。\d]{2,24}工程。?")
_LABEL_MAX = 20
_MEASURED = re.compile(r"[百千万亿]|以上|以内|增长|突破")  # …,GDP突破百亿元,…: goals told in words, no summing-up


def _label_opens(norm: str, line_end: int) -> bool:
    """The next line opens on a short label sentence (加强和改进民族工作。) over its works."""
    k = line_end + 1
    while k < len(norm) and norm[k] in " \t\u3000\n":
        k += 1
    stop = norm.find("。", k, k + _LABEL_MAX + 1)
    return stop > k and not DIGIT.search(norm, k, stop) and not any(ch in norm[k:stop] for ch in ",;:\n")
_TAG_HINT = quick(TAG_HINT)


def _char_before(norm: str, at: int) -> str:
    """The last character before norm[at] that is no blank ("" when none): norm[:at].rstrip()[-1:] without copying
    the text before `at`."""
    while at > 0 and norm[at - 1].isspace():
        at -= 1
    return norm[at - 1:at]
