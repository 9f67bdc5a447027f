"""A responsibility table pasted as text (序号 | 主要工作任务 | 责任单位): one task per row.

A row's longest cell is the task, its cell of units names the lead (the one marked *, else the first) and the
partners, and a cell of time gives its deadline, as the table itself assigns them; rows are read whether the table
was pasted one row a line or one cell a line.  The walk in tasks skips the rows' sentences.  A decomposition
grouped into parts titled by their lead unit (一、县示范区管委会牵头工作(8项)) assigns that unit too: led_part.
A key-work sheet pasted as label | value | lines (重点工作: | … |⏎牵头单位: | … |⏎年度阶段性工作目标: | 第一季度:… |⏎
进展落实情况: | … |) is one work, its quarters' milestones and its unit: _sheet_rows.
"""

from __future__ import annotations

import re

from .commitments import MIN_CHARS, trim_clause
from .layout import Prepared
from .result_tables import RESULT_HEADER
from .task_drafts import TaskDraft, deadline_of, make_draft
from .unit_names import canonical, standard_name, unit_cell
from .unit_subjects import UnitTag

# A row of a responsibility table (序号 | 主要工作任务 | 责任单位): cells between bars.
_TABLE_LINE = re.compile(r"[^\n]*\|[^\n]*\|[^\n]*")
# A unit as a table names it: a department, a town's or county's government, an office, a company.
_UNIT_WORD = re.compile(r"(?:局|委|办|政府|部|会|院|中心|集团|公司|行|所|队|站|团|联|协|室|处|馆)$")
_UNIT_MAX = 18
_UNIT_HEADER = re.compile(r"\|[^|\n]*(?:责任单位|牵头单位|责任部门|承办单位)")
# A table pasted one cell a line (序号 |⏎重点工作 |⏎责任单位 |): the header's cells, then each row's
_CELL_UNIT_HEADER = re.compile(
    r"^序\s*号\s*\|\s*\n(?:[^|\n]{1,12}\|\s*\n){1,8}?[^|\n]*(?:责任单位|牵头单位|责任部门|承办单位)\s*\|", re.M)
_CELL_LINE = re.compile(r"^(?P<cell>[^|\n]*)\|[ \t]*$", re.M)
_ROW_NUMBER = re.compile(r"\d{1,3}")
# A table pasted one row a line with spaces between its cells (layout keeps those around the cell of units):
# a header line naming the units' column (序号重点工作任务牵头责任单位一季度完成情况), then rows 1 任务。 县发改委 进展
_SPACED_HEADER = re.compile(r"^序\s*号[^\n|]{0,30}?(?:责任单位|牵头单位|责任部门|承办单位)[^\n|]*$", re.M)
_SPACED_ROW = re.compile(r"^\d{1,3}[ \t\u3000]+(?P<cells>[^\n|]+)$", re.M)
_SPACED_CELL = re.compile(r"[^ \t\u3000\n]+")
# A table pasted one cell a line without bars (序号⏎内容与要求⏎进展情况⏎责任单位): its header's short lines
# (its cells may be broken across lines, 建设起⏎止年限⏎总投资⏎(万元)⏎…⏎责任⏎单位: the header's column of units then
# two lines, and the rows' cells too; the longest cell is still the task, the last cell of units its lead)
_BARE_HEADER = re.compile(
    r"^序\s*号[ \t]*\n(?:\s*\n)*(?:[^|\n]{1,12}\n(?:\s*\n)*){0,14}?"
    r"[^|\n]{0,10}(?:责任单位|牵头单位|责任部门|承办单位|(?:责任|牵头|承办)[ \t]*\n(?:\s*\n)*(?:单位|部门))[^|\n]{0,6}$"
    r"(?:\n(?:\s*\n)*(?!\d{1,3}\s*$)[^|\n]{1,12}$){0,3}", re.M)
_PROGRESS_COLUMN = re.compile(r"进展|进度|完成情况|落实情况|推进情况|办理情况")
_UNITS_COLUMN = re.compile(r"责任单位|牵头单位|责任部门|承办单位")
_LEAD_COLUMN = re.compile(r"牵头单位|牵头部门")
_PARTNER_COLUMN = re.compile(r"配合|协办|协同|参与")
_GLUED_NUMBER = re.compile(r"(?<=[\u4e00-\u9fff。)）])\d{1,3}$")  # …相关街道3: the next row's number joined
_ALL_OF = re.compile(r"等(?:[^,、;]{0,6}?)(?:部门|单位)(?:、单位)?")  # 区公共项目建设管理中心等部门、单位
_LINE = re.compile(r"[^\n]*\S[^\n]*")
# A table's cell of time (全年, 2025年6月底前, 12月底, 三季度, 长期, 持续推进)
_TIME_CELL = re.compile(r"\s*(?:全年|年内|长期|持续推进|常态化|"
                        r"(?:(?:20\d\d|\d{1,2})年)?(?:\d{1,2}月|[一二三四1-4]季度|年)(?:底|末|中旬|上旬|下旬)?(?:前|内|完成)?)\s*")
_ASIDE_RE = re.compile(r"\([^()]{0,12}\)")


def table_rows(prepared: Prepared, plan_year: int | None, doc: str) -> tuple[list[tuple[int, int]], list[TaskDraft]]:
    """The tasks of a responsibility table pasted as text (1 | 地区生产总值增长6%左右。 | 市发展改革委 |): the
    row's longest cell is the task, its cell of units names the lead (the one marked *, else the first) and
    the partners, as the table itself assigns them."""
    rows, out = _sheet_rows(prepared, plan_year, doc)
    if out:
        return rows, out
    norm = prepared.norm
    if "|" not in norm and not _SPACED_HEADER.search(norm) and not _BARE_HEADER.search(norm):
        return rows, out
    done = RESULT_HEADER.search(norm)
    if done and not _UNIT_HEADER.search(norm):
        # 序号 | 实事项目名称 | 完成情况 | 占全年计划 |: a table of what was done, each row's target and its result;
        # its rows are no tasks (as an account that every item is done restates its targets)
        rows.extend(m.span() for m in _TABLE_LINE.finditer(norm, done.end()))
        return rows, out
    headed = bool(_UNIT_HEADER.search(norm) or _CELL_UNIT_HEADER.search(norm)  # any body may lead under 责任单位
                  or _BARE_HEADER.search(norm))
    for span, cells, cut, partner in _table_row_cells(norm):
        units = next((c for c in reversed(cells) if _unit_cell(norm[c[0]:c[1]], headed)), None)
        if units is None and not cut:
            continue
        task = max((c for c in cells if c != units), key=lambda c: c[1] - c[0], default=None)
        if task is None or task[1] - task[0] < MIN_CHARS:
            continue
        start, end = prepared.span(*task)
        if "|" not in norm[span[0]:span[1]]:
            start, end = _widest_cell(prepared.text, start, end)
        if units is None:  # the table's last row, cut before its cell of units: its lead as the words tell
            out.append(make_draft(prepared, *task, "", plan_year, None, False, "cue", doc))
            rows.append(span)
            continue
        named = [u.strip() for u in re.split(r"[、,;]", norm[units[0]:units[1]]) if u.strip()]
        lead = next((u for u in named if u.startswith("*")), named[0])
        names = [_unit_name(u) for u in [lead] + [u for u in named if u is not lead]]
        if partner is not None:  # a column of partners (配合单位): 区财政局、各街道 — every street is no unit
            names += [_unit_name(u.strip()) for u in re.split(r"[、,;]", _ALL_OF.sub("", norm[partner[0]:partner[1]]))
                      if u.strip() and not u.strip().startswith(("各", "相关", "有关"))]
        # a cell of its own (完成时限: 全年, 6月底前, 长期) gives the row's date, before the task's words do
        when = next((norm[a:b] for a, b in cells if (a, b) not in (task, units) and _TIME_CELL.fullmatch(norm[a:b])),
                    norm[task[0]:task[1]])
        out.append(TaskDraft(sentence=prepared.text[start:end], start=start, end=end, section="",
                             lead_unit=names[0], partner_units=tuple(dict.fromkeys(names[1:])),
                             deadline=deadline_of(when, plan_year), trigger=lead,
                             lead_confidence=0.95, confidence=0.9,
                             why=f"任务：责任分工表；牵头单位：表中指定（{lead.lstrip('*')}）", doc=doc))
        rows.append(span)
    return rows, out


# A key-work sheet pasted as label | value | lines: the label names what the value is.
_SHEET_LINE = re.compile(r"^[ \t]*(?P<label>[^|\n:：]{2,14})[:：][ \t]*\|(?P<value>[^|\n]*)\|[ \t]*$", re.M)
_SHEET_WORK = re.compile(r"^(?:重点工作|工作任务|重点任务|任务名称|工作内容|主要任务)$")
_SHEET_LEAD = re.compile(r"^(?:牵头单位|牵头部门|责任单位|责任部门)$")
_SHEET_PARTNER = re.compile(r"^(?:配合单位|协办单位|参与单位|协同单位)$")
_SHEET_STAGES = re.compile(r"(?:阶段性|季度|进度|节点)[^|]{0,6}(?:目标|安排|计划)|工作目标$|时间节点$")
# 第一季度:联合…完成…课题研究。 第二季度:做好…: the milestones of the quarters, each to be met by its quarter's end
_QUARTER = re.compile(r"(?:第?[一二三四1-4]季度|[1-4]季度)[:：]")


def _sheet_rows(prepared: Prepared, plan_year: int | None, doc: str) -> tuple[list[tuple[int, int]], list[TaskDraft]]:
    """A key-work sheet (重点工作: | 支持…试验区。 |⏎牵头单位: | …管委会 |⏎年度阶段性工作目标: | 第一季度:…。 第二季度:…
    |⏎进展落实情况: | … |): the work and each quarter's milestone are tasks of the unit the sheet names, by the year's
    end and by the quarter's; the progress lines report and give none."""
    norm = prepared.norm
    lines = {m["label"].strip(): m for m in _SHEET_LINE.finditer(norm)} if "|" in norm else {}
    work = next((m for label, m in lines.items() if _SHEET_WORK.match(label)), None)
    lead = next((m for label, m in lines.items() if _SHEET_LEAD.match(label)), None)
    if work is None or lead is None:
        return [], []
    units = [_unit_name(u.strip()) for u in re.split(r"[、,;]", lead["value"]) if u.strip()]
    partners = next((m for label, m in lines.items() if _SHEET_PARTNER.match(label)), None)
    units += [_unit_name(u.strip()) for u in re.split(r"[、,;]", partners["value"] if partners else "")
              if u.strip() and not u.strip().startswith(("各", "相关", "有关"))]
    if not units:
        return [], []
    pieces = [(trim_clause(norm, work.start("value"), work.end("value")), "全年")]
    for label, m in lines.items():
        if not _SHEET_STAGES.search(label):
            continue
        marks = list(_QUARTER.finditer(norm, m.start("value"), m.end("value")))
        for k, q in enumerate(marks):
            end = marks[k + 1].start() if k + 1 < len(marks) else m.end("value")
            pieces.append((trim_clause(norm, q.end(), end), q.group()))
    out = []
    for (a, b), when in pieces:
        if b - a < MIN_CHARS:
            continue
        start, end = prepared.span(a, b)
        out.append(TaskDraft(sentence=prepared.text[start:end], start=start, end=end, section="",
                             lead_unit=units[0], partner_units=tuple(dict.fromkeys(units[1:])),
                             deadline=deadline_of(when, plan_year), trigger=lead["value"].strip(),
                             lead_confidence=0.95, confidence=0.9,
                             why=f"任务：重点工作表；牵头单位：表中指定（{lead['value'].strip()}）", doc=doc))
    return [m.span() for m in lines.values()], out


def _widest_cell(text: str, start: int, end: int) -> tuple[int, int]:
    """改造老旧小区 新开工改造老旧小区20个。 8600: a row pasted with spaces between its cells (the compacted text
    joins the cells other than the units'), its task the widest of the cells the spaces part."""
    cells = [m.span() for m in re.finditer(r"[^ \t\u3000\xa0\n]+", text[start:end])]
    if len(cells) < 2:
        return start, end
    a, b = max(cells, key=lambda c: c[1] - c[0])
    return (start + a, start + b) if b - a >= MIN_CHARS else (start, end)


def _table_row_cells(norm: str):
    """The rows of a pasted table as (row span, cell spans): a row on one line (1 | 任务 | 单位 |), or one cell a
    line (序号 |⏎重点工作 |⏎责任单位 |⏎1 |⏎任务 |⏎单位 |), rows as wide as the header and each opening on its number."""
    for m in _TABLE_LINE.finditer(norm):
        cells, at = [], m.start()
        for part in m.group().split("|"):
            a, b = trim_clause(norm, at, at + len(part))
            if b > a:
                cells.append((a, b))
            at += len(part) + 1
        yield m.span(), cells, False, None
    header = _SPACED_HEADER.search(norm)
    for m in _SPACED_ROW.finditer(norm, header.end()) if header else ():
        cells = [(c.start(), c.end()) for c in _SPACED_CELL.finditer(norm, m.start("cells"), m.end())]
        units = next((k for k, (a, b) in enumerate(cells) if unit_cell(norm[a:b])), None)
        if units:  # 1 任务。 县发改委 进展: the cells up to the units; what follows them is the row's progress
            yield m.span(), cells[:units + 1], False, None
    yield from _bare_cell_rows(norm)
    head = _CELL_UNIT_HEADER.search(norm)
    if head is None:
        return
    lines = [m for m in _CELL_LINE.finditer(norm, norm.rfind("\n", 0, head.start()) + 1)]
    k = 0
    while k < len(lines) and lines[k].start() == (lines[k - 1].end() + 1 if k else lines[0].start()) \
            and not _ROW_NUMBER.fullmatch(lines[k]["cell"].strip()):
        k += 1
    width = k
    while width >= 3 and k + width <= len(lines) and _ROW_NUMBER.fullmatch(lines[k]["cell"].strip()):
        row = lines[k:k + width]
        if any(b.start() != a.end() + 1 for a, b in zip(row, row[1:], strict=False)):
            return
        yield ((row[0].start(), row[-1].end()), [trim_clause(norm, c.start("cell"), c.end("cell")) for c in row],
               False, None)
        k += width


def _bare_cell_rows(norm: str):
    """A table pasted one cell a line without bars, blank lines between (序号⏎⏎内容与要求⏎⏎进展情况⏎⏎责任单位⏎⏎1⏎⏎
    任务⏎⏎进展⏎⏎市发改委): each row opens on its number and runs to the next row's number (an empty cell leaves no
    line; a long cell's line may have the next number joined to it: …相关街道3); a column of progress (进展情况,
    完成情况) reports and gives no task, so its cells are left out; a column of partners (配合单位) after the lead's
    is yielded apart; the last row may be cut before its units, and is then read without them."""
    head = _BARE_HEADER.search(norm)
    if head is None:
        return
    header = [m.group().strip() for m in _LINE.finditer(head.group())]
    progress = {k for k, cell in enumerate(header) if _PROGRESS_COLUMN.search(cell)}
    lead_col = next((k for k, cell in enumerate(header) if _LEAD_COLUMN.search(cell)), None)
    unit_col = next((k for k, cell in enumerate(header) if _UNITS_COLUMN.search(cell)), None)
    progress_tail = unit_col is not None and unit_col + 1 < len(header) and all(
        k in progress for k in range(unit_col + 1, len(header)))
    partner_col = next((k for k, cell in enumerate(header) if lead_col is not None and k > lead_col
                        and _PARTNER_COLUMN.search(cell)), None)
    lines: list[tuple[int, int]] = []
    for m in _LINE.finditer(norm, head.end()):
        glued = _GLUED_NUMBER.search(norm, m.start(), m.end())
        lines += [(m.start(), glued.start()), (glued.start(), m.end())] if glued and glued.start() > m.start() \
            else [m.span()]
    k, number = 0, 1
    while k < len(lines) and norm[lines[k][0]:lines[k][1]].strip() == str(number):
        nxt = next((j for j in range(k + 1, len(lines)) if norm[lines[j][0]:lines[j][1]].strip() == str(number + 1)),
                   None)
        row = lines[k:k + len(header)] if nxt is None else lines[k:nxt]
        full = len(row) == len(header)
        # a whole row, or the last one cut by the page (its cells the header's first ones): columns by position
        kept = [j for j in range(len(row)) if not ((full or nxt is None) and j in progress)]
        if not full and progress_tail:
            # a header one line wider than its rows (牵头⏎市领导: one column printed on two lines), or a row cut by
            # the page: where every column after the units' is progress (进展情况, 形象进度), so is every cell
            # after the row's own cell of units
            at = next((j for j in kept[1:] if _unit_cell(norm[row[j][0]:row[j][1]].strip(), True)), None)
            if at is not None:
                kept = [j for j in kept if j <= at]
        units = [j for j in kept[1:] if _unit_cell(norm[row[j][0]:row[j][1]].strip(), True)]
        if full and not units:
            return  # no cell of units where the header has its column: no such table
        partner = None
        if partner_col is not None and units and units[0] + 1 < len(row) and units[0] + 1 in kept:
            partner = trim_clause(norm, *row[units[0] + 1])  # 区财政局、各街道: the lead's partners
            kept = [j for j in kept if j <= units[0]]
        cells = [trim_clause(norm, *row[j]) for j in kept]
        yield (row[0][0], row[-1][1]), cells, len(row) < len(header) and not units, partner
        if nxt is None:
            return
        k, number = nxt, number + 1


def _unit_cell(cell: str, headed: bool = False) -> bool:
    """A cell naming only units (市科技局、市教育局、南湖区政府, *市委组织部(市委人才办)): each part a department or a
    body's name; under a 责任单位 header the bodies need not be the city's departments (市委政法委, 嘉善县政府)."""
    parts = [_ASIDE_RE.sub("", u).strip().lstrip("*") for u in re.split(r"[、,;]", cell) if u.strip()]
    return bool(parts) and all(len(u) <= _UNIT_MAX and (canonical(u) or _UNIT_WORD.search(u)) for u in parts) \
        and (headed or any(canonical(u) for u in parts))


def _unit_name(unit: str) -> str:
    """The standard short name of a unit as a table writes it (市经信局 → 工业和信息化局), else as written
    without the city's prefix (*市委组织部(市委人才办) → 市委组织部)."""
    return standard_name(unit)


# 一、县示范区管委会牵头工作(8项); (二)市发展改革委牵头的任务: a part of a decomposition grouped by its lead unit
_LED_PART = re.compile(
    r"(?:[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十]{1,3}[)）])\s*(?P<unit>[^,，。;；:：()（）、\n]{2,24}?)"
    r"牵头(?:的|负责的?)?(?:工作|任务|事项)(?:[(（]\d{1,3}项[)）])?[。:：]?\s*$")


def led_part(norm: str, at: int, parts: list[tuple[int, int, UnitTag]]) -> list[tuple[int, int, UnitTag]]:
    """The parts titled by their lead unit so far, given a part title opening the line at `at`: it ends the part
    before it, and opens one of its own when it names the unit leading its items."""
    end = norm.find("\n", at)
    end = len(norm) if end < 0 else end
    parts = [(a, min(b, at), tag) for a, b, tag in parts]
    m = _LED_PART.match(norm, at, end)
    if m:
        unit = m.group("unit").strip()
        parts.append((at, len(norm), UnitTag(m.start("unit"), m.end("unit"), standard_name(unit), (), unit)))
    return parts
