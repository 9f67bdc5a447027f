"""任务分解表.xlsx and 目标台账.xlsx in the layout supervision offices use, written by `zhenxing.outputs`."""

from collections.abc import Sequence
from dataclasses import dataclass

from zhenxing.outputs import Column, SheetSpec, WorkbookSpec, render_xlsx

TASK_HEADERS = ("序号", "任务内容", "牵头单位", "配合单位", "责任领导", "完成时限")
TASK_WIDTHS = (6, 70, 18, 24, 12, 14)
TARGET_HEADERS = ("序号", "指标名称", "目标值", "单位", "类型", "比较", "年度", "来源文件", "原文")
TARGET_WIDTHS = (6, 26, 10, 10, 8, 6, 8, 30, 50)


@dataclass(frozen=True)
class TaskRow:
    content: str
    lead_unit: str = ""
    partner_units: str = ""
    leader: str = ""
    deadline: str = ""


@dataclass(frozen=True)
class TargetRow:
    indicator: str
    value: str
    unit: str
    kind: str  # 增长 / 下降 / 水平
    comparator: str  # ≥ / ≤ / = / 约
    year: int
    source: str = ""
    quote: str = ""


def tasks_workbook(rows: Sequence[TaskRow], *, year: int, title: str | None = None) -> bytes:
    title = title or f"{year}年政府工作报告重点任务分解表"
    body = [(n, r.content, r.lead_unit, r.partner_units, r.leader, r.deadline) for n, r in enumerate(rows, 1)]
    return _workbook("任务分解表", title, TASK_HEADERS, TASK_WIDTHS, body, centred=(0, 2, 4, 5))


def targets_workbook(rows: Sequence[TargetRow], *, title: str = "目标台账") -> bytes:
    body = [(n, r.indicator, r.value, r.unit, r.kind, r.comparator, r.year, r.source, r.quote)
            for n, r in enumerate(rows, 1)]
    return _workbook("目标台账", title, TARGET_HEADERS, TARGET_WIDTHS, body, centred=(0, 2, 3, 4, 5, 6))


def _workbook(sheet_name: str, title: str, headers: Sequence[str], widths: Sequence[int],
              body: Sequence[Sequence], *, centred: Sequence[int]) -> bytes:
    columns = [Column(header, width, align="center" if index in centred else "left")
               for index, (header, width) in enumerate(zip(headers, widths, strict=True))]
    return render_xlsx(WorkbookSpec([SheetSpec(sheet_name, columns, body, title=title)], title=title))
