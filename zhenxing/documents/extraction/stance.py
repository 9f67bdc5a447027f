"""Review or plan: is a number achieved (actual) or promised (target)?

Three levels, most specific first:
1. a cue in the sentence before the number (力争, 将, 到2025年 → target;
   已, 目前, 过去, 去年以来 → actual); the cue nearest the number wins;
2. the section: a top-level heading such as "2023年工作回顾" (actual) or
   "2024年工作安排" (target) sets the stance of everything below it;
3. in texts without such headings (articles), the last cue seen carries over to
   the following sentences and paragraphs until a title line resets it.

The words of each kind live in their own modules: stance_years (years, deadlines, plan periods), stance_cues
(the words of a promise or a deed), stance_mood (a plan told by the form of its sentence), stance_headings (titles
and headings), stance_progress (progress reports).  This module follows the document (StanceTracker).
"""

from __future__ import annotations

import datetime as dt
import re

from .stance_cues import (
    AIM_AFTER,
    BOUND_CUE,
    CLAUSE_MARK,
    ESTIMATE,
    LIST_HOLDS_RE,
    PLAN_AMOUNT,
    RATE_TOLD,
    cue,
    find_cues,
    first_cue,
    measured_programme,
    reaches,
)
from .stance_headings import (
    BARE_YEAR,
    DATED_HEADING,
    FRAME_TARGET,
    HEADING_ACTUAL,
    ISSUED,
    ISSUING_TITLE,
    OPENING,
    PLAN_PART,
    PROJECT_NAME,
    SECTION_WORD_END,
    TITLE_TARGET,
    TWO_PARTS,
    YEAR_LED,
    frames_review,
    heading_stance,
    states_outcome,
)
from .stance_mood import DONE, own_mood, plans_action, task_cell
from .stance_progress import ALL_DONE, BEHIND_LIST, PLAN_ANNOUNCE, PROGRESS, PROGRESS_INTRO, RESULT
from .stance_years import (
    ACTUAL,
    ANY_YEAR,
    DEADLINE_RE,
    MEASURED,
    MONTH_AFTER,
    TARGET,
    YEAR_FRAME,
    YEAR_NAMED_RE,
    heading_year,
    judge_year,
    latest_plan,
)

__all__ = ["ACTUAL", "BEHIND_LIST", "ESTIMATE", "TARGET", "StanceTracker", "cue", "first_cue", "heading_stance",
           "judge_year", "latest_plan", "states_outcome"]

_TITLE_MAX = 60
# 一般公共预算收入与上年持平 written 与2019年持平: the year a goal is measured against, not the time the sentence
# speaks of (与2022年相比,新增14项 still compares a deed with the year before)
_BASELINE = re.compile(r"(?<=[与同])20\d\d年(?:同期|末|底)?(?:水平)?(?:基本)?持平")
# (扣除…因素) tells no stance; (预计,下同) marks the figures after it as a review's preliminary ones
_ASIDE = re.compile(r"\((?!(?:初步)?预计)[^()\n]{1,40}\)")
# 按照“疫情要防住、经济要稳住、发展要安全”的重要要求: a requirement quoted from above (its 要 is no plan of this text)
_QUOTED_REQUIREMENT = re.compile(r"“[^“”\n]{1,40}”(?=的?(?:重要|总体?|工作|基本|决策)?(?:要求|部署|号召|指示))")
_TITLE = re.compile(r"《[^《》\n]{0,80}》")
# 《报告》明确,今年…: the report itself, named short, speaks its plan (its words are no other document's title)
_OWN_REPORT = re.compile(r"《(?:政府工作)?报告》")
# 有望9月底完成, 将于年底前建成, 明年6月投用: the completion of the works told still due
_COMPLETION_AHEAD = re.compile(r"(?:\d{1,2}月(?:底|份|中旬|下旬|上旬)?|年底|年内|年末|明年|下半年)前?"
                               r"(?:全部|全面|基本)?(?:完成|完工|竣工|建成|投用|投产|交付|通车)")
_TARGET_WORDS = re.compile(r"力争|确保|计划|目标|将|要|预期")
_CARRIED_MOOD_MIN = 20  # a sentence longer than a topic's line, or holding a figure, goes on with the plan before it
_DIGIT_RE = re.compile(r"\d")


class StanceTracker:
    """Follows the document line by line and sentence by sentence.

    `plan_year` is the year the document plans for (dates.document_date): a year phrase before it
    reports, from it on plans.  Without it, a year frame before the latest year the text names reports.
    """

    def __init__(self, norm: str, plan_year: int | None = None, written: dt.date | None = None) -> None:
        self.latest = latest_plan(norm)
        self.plan_year = plan_year
        self.written = written
        self.last_year = max((int(y) for y in ANY_YEAR.findall(norm)), default=0)
        self.section: str | None = None  # set by a top-level heading
        self.carried: str | None = None  # last cue, for texts without such headings
        self.carried_by_words = False  # that cue was words of the text (今年以来, 已), not a year or a date
        self.title: str | None = None  # the first heading line
        # the document's title (its first words, up to a clause mark: a title may run into the text below it)
        title = CLAUSE_MARK.split(norm.lstrip()[:_TITLE_MAX], 1)[0]
        self.progress_report = bool(PROGRESS.search(title))
        self.progress_seen = self.progress_report  # a heading of progress (…进展情况表) stood above
        self.default = ACTUAL  # TARGET under a plan's title, or in a text opening on its issue
        issued = ISSUED.search(norm.lstrip()[:OPENING]) or ISSUING_TITLE.search(title)
        if issued and not self.progress_report:  # …1-6月进展情况的通报 recalls the plan it follows up
            named = issued["a"] or issued.groupdict().get("b")
            if (TITLE_TARGET.search(named) and not HEADING_ACTUAL.search(named) and not PROGRESS.search(named)
                    and not TWO_PARTS.search(named)):
                self.default = TARGET
        self.year: int | None = None  # of the last top-level heading naming one
        self._span: tuple[int, int] = (-1, -1)  # the sentence whose cues are cached
        self._cues: list[tuple[int, int, str]] = []
        self._sources: dict[int, str] = {}  # cue start → "estimate" or "year" when not the words alone
        self.progress = False  # under a heading of a progress report (…任务完成情况)
        self.item_task = False  # in a numbered item of such a report, before its progress is told
        self.item_bare = False  # that item is a bare line (…新增养老床位250张): the task, whatever its words
        self.completed = False  # the report says every item is done: restated tasks are no new tasks
        self.mood: str | None = None  # TARGET after a sentence of the line read as a plan by its mood alone

    def cues_in(self, norm: str, start: int, end: int) -> list[tuple[int, int, str]]:
        """The cues of the sentence norm[start:end] at document offsets (cached per sentence)."""
        if self._span != (start, end):
            self._span = (start, end)
            # words inside a title (《…2021年计划草案的报告》) name a document, they promise nothing
            text = norm[start:end]
            if "《" in text:
                text = _TITLE.sub(lambda m: m.group() if _OWN_REPORT.fullmatch(m.group()) else "□" * len(m.group()),
                                  text)
            if "(" in text:  # (扣除2022年灾后恢复重建专项资金支出外): an aside tells no stance
                text = _ASIDE.sub(lambda m: "□" * len(m.group()), text)
            if "”" in text:
                text = _QUOTED_REQUIREMENT.sub(lambda m: "□" * len(m.group()), text)
            cues = [(s + start, e + start, told)
                    for s, e, told in find_cues(text, self.latest, self.plan_year, self.written,
                                                schedule=self._scheduling())]
            if "进度" in text:
                behind = BEHIND_LIST.search(text)
                if behind:
                    cues = sorted([*cues, (start + behind.end() - 1, start + behind.end(), TARGET)])
            self._sources = {s: "estimate" for s, _, told in cues if told == ESTIMATE}
            self._sources.update({s: "year" for s, e, _ in cues
                                  if DEADLINE_RE.match(norm, s, e) or YEAR_NAMED_RE.match(norm, s, e)})
            frame = YEAR_FRAME.match(norm, start, end) if self.section is None else None
            framed = self._year_stance(int(frame.group(1)), frame) if frame else None
            if (framed == TARGET and not self.written and int(frame.group(1)) == self.plan_year
                    and RATE_TOLD.search(norm, frame.end(), end) and not _TARGET_WORDS.search(norm, frame.end(), end)):
                framed = ACTUAL  # 2022年,…收获面积约11.6万亩,任务完成率129%: the year measured by its completion rate
            if framed == TARGET and measured_programme(norm[:end], frame.end()):
                framed = None  # 2024年,全省实施重点项目430项,比上年增加20项: the year names its programme, a list
            if (framed == TARGET and MONTH_AFTER.match(norm, frame.end()) and not self.written
                    and MEASURED.search(norm, start, end)):
                framed = ACTUAL  # 2025年5月,…共接收工单3656件,环比下降1.11%: that month's count
                cues = [(s, e, ACTUAL if s == frame.start(1) else told) for s, e, told in cues]
            if framed:
                cues.insert(0, (frame.start(1), frame.end(), framed))
                self._sources[frame.start(1)] = "year"
            context = self.section or self.carried or framed or ACTUAL
            resolved: list[tuple[int, int, str]] = []
            for s, e, told in cues:
                if told == ESTIMATE:  # 计划实施…,预计实现…增长7%: an earlier cue of the sentence, else context;
                    # 2021年,武宣经济增长预计增长10%: a past year's estimate is its preliminary figure
                    year_told = resolved and self._sources.get(resolved[-1][0]) == "year"
                    told = resolved[-1][2] if resolved and (not year_told or resolved[-1][2] == ACTUAL) else context
                    if told == ACTUAL and _COMPLETION_AHEAD.search(norm, e, end):
                        told = TARGET  # 预计铺设管网1.6公里,…有望9月底完成: a progress story's forecast of works due
                    elif told == ACTUAL and not resolved and self.section is None and AIM_AFTER.search(norm, e, end):
                        told = TARGET  # 预计一季度完成投资4亿元,…,力促实现“开门红”: a forecast serving the aim after it
                resolved.append((s, e, told))
            # 今年我市将推进城市提质,安排…等项目347项: a list the sentence's own plan words announce is planned
            resolved = [(s, e, told) for k, (s, e, told) in enumerate(resolved)
                        if not (LIST_HOLDS_RE.match(norm, s) and any(
                            t == TARGET and self._sources.get(a, "cue") == "cue" for a, _, t in resolved[:k]))]
            self._cues = resolved
        return self._cues

    def _scheduling(self) -> bool:
        """Whether a period not yet over (一季度, 上半年) schedules a deed: in a plan's section, or in a text without
        sections whose last sentence planned (今年,…将…。…,一季度开工重点项目57个)."""
        return self.section == TARGET or (self.section is None and self.carried == TARGET)

    def _year_stance(self, year: int, frame: re.Match[str]) -> str | None:
        """What a sentence framed by a year (2023年,全县…) tells: judged against the document's date, else
        a year before the latest the text names reports."""
        if self.plan_year:
            month = MONTH_AFTER.match(frame.string, frame.end())
            return judge_year(year, int(month.group(1)) if month else None, self.plan_year, self.written)
        return ACTUAL if year < self.last_year else None

    def stance_at(self, norm: str, sentence: tuple[int, int], lead: int, rest: tuple[int, int]) -> str:
        """stance_for, reading the cues of the whole sentence once: the last cue that ends
        before the number, else the first in the rest of its clause, else the context."""
        return self.judge(norm, sentence, lead, rest)[0]

    def judge(self, norm: str, sentence: tuple[int, int], lead: int, rest: tuple[int, int]) -> tuple[str, str]:
        """stance_at and what told it: "cue", "estimate", "year", "section", "carried" or "default"."""
        cues = self.cues_in(norm, *sentence)
        # a cue naming an amount (年度投资110.32亿元) speaks for that amount, not for later ones
        before = [(start, told) for start, end, told in cues if end <= lead and reaches(norm, start, end, lead)]
        # …项目90个、总投资82.3亿元、年度投资20.4亿元: a cue naming an amount after the number is that amount's
        after = [(start, told) for start, _, told in cues
                 if rest[0] <= start < rest[1] and not BOUND_CUE.match(norm, start)]
        found = before[-1] if before else after[0] if after else None
        if found:
            return found[1], self._sources.get(found[0], "cue")
        if not self.section and _plans_with_siblings(norm, rest[1], cues):
            return TARGET, "cue"
        if self.item_task and (self.item_bare or not RESULT.search(norm, *sentence)):
            return TARGET, "restated"
        if self.section:
            return self.section, "section"
        if self.carried:
            return self.carried, "carried"
        return self._by_mood(norm, *sentence)

    def _by_mood(self, norm: str, start: int, end: int) -> tuple[str, str]:
        """Nothing tells the stance: a sentence in the mood of a plan (深入实施34项改革试点任务, 加快…建设 — an
        action verb opening it, no mark of a deed done) promises; anything else falls to the default."""
        if self.default == ACTUAL and (
                self.own_mood(norm, start, end)
                # 有序推进国家储备林项目建设…。投入500万元完成…15座历史遗留矿山修复: a sentence without a mark of its
                # own after one read as a plan by its mood, on the same line, goes on with that plan
                # (a short line of words alone, 全力以赴推进水污染治理。, may name the topic of the works after it)
                or self.mood == TARGET and not DONE.search(norm, start, end)
                and (end - start > _CARRIED_MOOD_MIN or _DIGIT_RE.search(norm, start, end) is not None)):
            return TARGET, "mood"
        return self.default, "default"

    def own_mood(self, norm: str, start: int, end: int) -> bool:
        """The sentence plans by its own mood (stance_mood.own_mood)."""
        return own_mood(norm, start, end)

    def on_line(self) -> None:
        """A new line (paragraph) ends the mood carried from the sentences before it."""
        self.mood = None

    def _note_mood(self, norm: str, start: int, end: int) -> None:
        """After a sentence nothing else told: remember a plan told by its mood; a deed done ends it."""
        if (self.section is not None or self.carried is not None or self.default != ACTUAL
                or DONE.search(norm, start, end) or task_cell(norm, start, end)):
            self.mood = None  # a row's task cell (新增托位500个。 | 新增托位600个。) is followed by its result
        elif self._by_mood(norm, start, end)[0] == TARGET:
            self.mood = TARGET

    def on_heading(self, text: str, top_level: bool) -> None:
        """A top-level heading (一、…) or a dated one (2017年工作回顾) sets the section: by its words,
        else by its year against the plan year or the previous heading's (一、二〇二三年主要成绩 …
        二、二〇二四年工作… is the plan).  Any other heading frames what follows by its words
        (建议全年经济社会发展预期目标) or resets the carried cue."""
        two_parts = bool(TWO_PARTS.search(text))
        if self.title is None:
            self.title = text
            if (not HEADING_ACTUAL.search(text) and TITLE_TARGET.search(text) and not self.progress_report
                    and not two_parts):
                self.default = TARGET
        if two_parts:
            self.progress, self.item_task = False, False
            if self.section is None:
                self.carried = None
            return
        told = heading_stance(text) or (ACTUAL if states_outcome(text) else None)
        if told == TARGET and self.progress_report and not PLAN_PART.search(text):
            told = None  # 三、重点建设项目方面 under …1-6月进展情况的通报: a topic of the progress
        self.progress, self.item_task = bool(PROGRESS.search(text)), False
        self.progress_seen = self.progress_seen or self.progress
        bare_year = BARE_YEAR.fullmatch(text.strip()) or YEAR_LED.fullmatch(text.strip())
        # 2017年工作回顾 sets a section; a headline naming a year (2024年新疆计划改造近千个…) tells its story only
        dated = told and DATED_HEADING.search(text) and heading_stance(text.rstrip("。:")[-SECTION_WORD_END:])
        if top_level or dated or bare_year:
            year = heading_year(text)
            if bare_year and not told and year and self.plan_year:
                told = judge_year(year, None, self.plan_year, self.written)  # 2023年 / 2024年 over a digest's parts
            if not told and year and self.plan_year:
                told = ACTUAL if year < self.plan_year else TARGET
            elif not told and year and self.year and year != self.year:
                told = TARGET if year > self.year else ACTUAL
            self.year = year or self.year
            if told:
                self.section = told
        if self.section is None:  # an ordinary heading frames what follows only by plain plan or review words
            # an action heading plans, unless the text's own words were telling a review (今年以来,…做了以下工作)
            plans = plans_action(text) and not (self.carried == ACTUAL and self.carried_by_words)
            self.carried = (ACTUAL if frames_review(text) or states_outcome(text)
                            else TARGET if FRAME_TARGET.search(text) or plans
                            # 1、中小学“清凉工程”: a list's heading naming only a project goes on under the frame
                            # told before the list (对2023年民生实事项目进行票决…)
                            else self.carried if PROJECT_NAME.search(text) else None)
            self.carried_by_words = False

    def off_item(self) -> None:
        """A line that is no item ends the item before it (its result may follow on the next line)."""
        self.item_task = self.item_bare = False

    def on_item(self, bare: bool = False, row: bool = False) -> None:
        """A numbered item of a progress report first states the task (引进…项目不少于3个), then its
        progress (上半年,引进…3个): until a sentence tells a deed, the item's sentences are the task.  `row`: the
        item is a table's row (its number on a line of its own) under a heading of progress anywhere above."""
        self.item_task = self.progress or (row and self.progress_seen)
        self.item_bare = self.item_task and bare

    def on_speech(self) -> None:
        """A paragraph opening on quoted speech is a new voice: the narrator's last cue
        (到2029年,全县将…) does not frame what the speaker says."""
        self.carried = None

    def stance_and_source(self, norm: str, start: int, end: int) -> tuple[str, str]:
        """The stance of the whole sentence norm[start:end] (its last cue) and what told it: "cue" (its
        own words), "estimate", "year", "section", "carried" (an earlier sentence or heading) or "default"."""
        # 项目总投资71.73亿元,其中:计划投资10.91亿: an amount named as planned makes no commitment
        # …也是我们今年乘势而上的底气所在: 今年 dates the figures it reaches; it makes no sentence a promise
        found = [cue for cue in self.cues_in(norm, start, end)
                 if cue[1] <= end and not BOUND_CUE.match(norm, cue[0]) and not norm.startswith("今年", cue[0])
                 and not LIST_HOLDS_RE.match(norm, cue[0])
                 and not _BASELINE.match(norm, cue[0])]
        if found:
            return found[-1][2], self._sources.get(found[-1][0], "cue")
        if self.item_task and (self.item_bare or not RESULT.search(norm, start, end)):
            return TARGET, "restated"
        if self.section:
            return self.section, "section"
        if self.carried:
            return self.carried, "carried"
        return self._by_mood(norm, start, end)

    def stance_for(self, before_number: str, rest_of_clause: str = "") -> str:
        """Stance of a number given the sentence text that precedes it and, when nothing
        before it tells, the rest of its clause (投资18亿元的产业园已完成主体施工)."""
        found = find_cues(before_number, self.latest, self.plan_year)
        told = found[-1][2] if found else first_cue(rest_of_clause, self.latest)
        context = self.section or self.carried
        if told == ESTIMATE:
            told = context or ACTUAL
        return told or context or self.default

    def after_span(self, norm: str, start: int, end: int) -> None:
        """The first cue of the sentence norm[start:end] frames what follows (方案提出,到2025年,…;
        过去一年,…); a later one speaks of its own clause only (…已完成主体施工,预计明年6月投入使用)."""
        told_deed = any(told == ACTUAL for _, _, told in self.cues_in(norm, start, end))
        if self.item_task and not self.item_bare and (RESULT.search(norm, start, end) or told_deed):
            self.item_task = False
        if PROGRESS_INTRO.search(norm, start, end):
            self.progress = True
            self.completed = bool(ALL_DONE.search(norm, start, end))
        elif PLAN_ANNOUNCE.search(norm, start, end) and any(t == TARGET for _, _, t in self.cues_in(norm, start, end)):
            self.section = TARGET
        if self.section is None:
            # 总投资3.3万亿元,计划完成投资3500亿元: a planned amount frames no later sentence either
            cues = [c for c in self.cues_in(norm, start, end)
                    if not BOUND_CUE.match(norm, c[0]) and not PLAN_AMOUNT.match(norm, c[0])]
            if cues:
                self.carried = cues[0][2]
                self.carried_by_words = self._sources.get(cues[0][0], "cue") == "cue"
        self._note_mood(norm, start, end)


# 培训400名养老院长;力争完成…扩容建设;实现…普及率94%……: a lead listing the year's plans, its clauses parted by
# semicolons; a clause without a cue of its own plans as the next clause says, when nothing in the list tells a deed
_SIBLING_OPENS = re.compile(r"\s*(?:力争|将|计划|要)")  # not 确保: a policy's provisions guarantee


def _plans_with_siblings(norm: str, clause_end: int, cues) -> bool:
    """The number's clause ends on a semicolon, the next clause opens on a promise, and no cue of the number's
    sentence tells a deed."""
    if norm[clause_end:clause_end + 1] not in (";", "；") or not _SIBLING_OPENS.match(norm, clause_end + 1):
        return False
    return all(told == TARGET for _, _, told in cues)

