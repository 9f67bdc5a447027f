"""A table of results pasted with bars (序号 | 实事项目名称 | 完成情况 | 占全年计划 |): each row names the plan's target
in one cell (新增4000张养老床位) and reports what was done in the others (4385, 110%).

The header names a column of results and one of their share of the plan; a row may lack its number (a project's
second target on a line of its own: 新增800张养护床位 | 810 | 101% | |).  facts reads the named cell as the target
restated and the other cells as results named after it and their column; task_tables drafts no task from such a row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# a header row naming a column of results and one of their share of the plan (完成情况 | 占全年计划; 完成数 | 完成率)
RESULT_HEADER = re.compile(
    r"^[^\n]*\|[^|\n]*(?:完成情况|完成数|实际完成|完成值)[^|\n]*\|[^|\n]*(?:占全年计划|占年度计划|完成率|完成比例|占计划)"
    r"[^\n]*$", re.M)
_ROW = re.compile(r"[^\n]*\|[^\n]*")
_ROW_NUMBER = re.compile(r"\s*\d{1,3}\s*")
_NAMED_COLUMN = re.compile(r"名称|项目|任务|内容|目标")
_SHARE_COLUMN = re.compile(r"占[^|]*计划|完成率|完成比例")
_CJK = re.compile(r"[\u4e00-\u9fff]")


@dataclass(frozen=True)
class ResultRow:
    span: tuple[int, int]
    cells: tuple[tuple[int, int, str], ...]  # (start, end, the header's name of its column)


def result_rows(norm: str) -> list[ResultRow]:
    """The rows under a results header, one a line, up to the first line without a bar."""
    header = RESULT_HEADER.search(norm)
    if header is None:
        return []
    names = [name.strip() for name in header.group().split("|")]
    rows, at = [], header.end() + 1
    for m in _ROW.finditer(norm, at):
        if norm[at:m.start()].strip():
            break  # the table ended: text between its last row and this line
        parts, k = [], m.start()
        for part in m.group().split("|"):
            parts.append((k, k + len(part)))
            k += len(part) + 1
        shift = 0 if _ROW_NUMBER.fullmatch(norm[parts[0][0]:parts[0][1]]) else 1  # a row without its number
        cells = tuple((a, b, names[j + shift] if j + shift < len(names) else "") for j, (a, b) in enumerate(parts))
        rows.append(ResultRow(m.span(), cells))
        at = m.end() + 1
    return rows


def cell_of(rows: list[ResultRow], at: int) -> tuple[ResultRow, str] | None:
    """The row holding norm[at] and its column's name, or None outside the table."""
    for row in rows:
        if row.span[0] <= at < row.span[1]:
            name = next((n for a, b, n in row.cells if a <= at < b), "")
            return row, name
    return None


def is_named_column(name: str) -> bool:
    """The column naming each row's target (实事项目名称, 目标任务)."""
    return bool(_NAMED_COLUMN.search(name))


def share_column(name: str) -> str:
    """The name of a column of shares of the plan (占全年计划), else ""."""
    return name if _SHARE_COLUMN.search(name) else ""


def named_text(norm: str, row: ResultRow) -> str:
    """The text of the row's named cell (新增4000张养老床位)."""
    return next((norm[a:b].strip() for a, b, n in row.cells if is_named_column(n) and _CJK.search(norm[a:b])), "")


def clean_indicator(indicator: str) -> str:
    """An indicator read across the row's bars (|新增养老床位|4385|): its part in words."""
    parts = [p.strip() for p in indicator.split("|") if _CJK.search(p)]
    return max(parts, key=len) if parts else ""


_COUNT = re.compile(r"\d+(?:\.\d+)?[^\d\u4e00-\u9fff]{0,2}[张个条户所家名人处座台套项辆间栋]?")


def read_cells(norm: str, rows: list[ResultRow], drafts: list, target: str, actual: str) -> None:
    """Each draft in a results row: in the named cell the target restated, named without the bars; elsewhere a result,
    named after the row's target and its column when that is a share of the plan (新增养老床位占全年计划)."""
    named: dict[tuple[int, int], str] = {}
    for d in drafts:
        found = cell_of(rows, d.q.start)
        if found and is_named_column(found[1]):
            d.indicator = clean_indicator(d.indicator) or d.indicator
            d.stance, d.stance_source = target, "restated"
            named.setdefault(found[0].span, d.indicator)
    for d in drafts:
        found = cell_of(rows, d.q.start)
        if found is None or is_named_column(found[1]):
            continue
        row, name = found
        base = named.get(row.span) or _COUNT.sub("", named_text(norm, row)) or clean_indicator(d.indicator)
        d.indicator = base + share_column(name)
        d.stance, d.stance_source = actual, "cue"
