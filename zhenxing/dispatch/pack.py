"""The meeting pack (会议材料): the 通报 as a Word document and the same tables as a workbook, made in one
click from a meeting's agenda. Pure: `pack_content(agenda)` gives the sections as plain data (what the
tests read), `pack_docx` and `pack_xlsx` render them through zhenxing.outputs.

Sections: 一、总体情况 (computed: 完成投资 X 亿元，占年度计划 Y%，超/低于时间进度 Z 个百分点；计划开工 N 个，已开工 M
个; reports filed; lights by colour; changes since the last meeting), 二、红黄灯项目, 三、问题清单 (overdue),
四、赛马排名, 五、上次会议议定事项落实情况.
"""

from dataclasses import dataclass, field
from datetime import date

from zhenxing.outputs import (
    Column,
    DocSpec,
    Heading,
    Paragraph,
    SheetSpec,
    Table,
    WorkbookSpec,
    render_docx,
    render_xlsx,
)

LIGHT_NAMES = {"red": "红灯", "yellow": "黄灯", "green": "绿灯", "grey": "暂停"}
DOC_ROWS = 80  # rows of a table in the Word 通报; the workbook (附表) carries the agenda's full lists


@dataclass(frozen=True)
class PackTable:
    caption: str
    headers: tuple[str, ...]
    rows: list[tuple]
    widths_mm: tuple[float, ...] | None = None


@dataclass
class PackSection:
    heading: str
    paragraphs: list[str] = field(default_factory=list)
    tables: list[PackTable] = field(default_factory=list)


@dataclass
class PackContent:
    title: str
    subtitle: str
    held_on: date
    sections: list[PackSection]

    def text(self) -> str:
        """Everything the document says, in order (for tests and search)."""
        lines = [self.title, self.subtitle]
        for section in self.sections:
            lines.append(section.heading)
            lines += section.paragraphs
            for table in section.tables:
                lines.append(table.caption)
                lines += ["　".join(str(cell) for cell in row) for row in table.rows]
        return "\n".join(lines)


def _more(total: int, shown: int, what: str) -> list[str]:
    return [f"（另有{total - shown}{what}未列出，详见附表。）"] if total > shown else []


def pack_content(agenda: dict) -> PackContent:
    meeting, head = agenda["meeting"], agenda["headline"]
    counts, changes = agenda["light_counts"], agenda["changes"]
    label = meeting["period_label"]
    overview = [
        f"{head['text']}。",
        f"本期应报月报项目 {head['owing']} 个，已报 {head['reported']} 个"
        + (f"，未报 {head['owing'] - head['reported']} 个。" if head["owing"] > head["reported"]
           else "，全部按要求报送。"),
        "红黄绿灯：" + "，".join(f"{LIGHT_NAMES[c]} {counts.get(c, 0)} 个" for c in ("red", "yellow", "green", "grey"))
        + "。",
        f"自{changes['since']}以来，新开工项目 {len(changes['new_starts'])} 个，"
        f"竣工项目 {len(changes['completions'])} 个，灯色变化项目 {len(changes['light_changes'])} 个。",
    ]
    sections = [PackSection("总体情况", overview)]
    if changes["light_changes"]:
        sections[0].tables.append(PackTable("灯色变化项目", ("序号", "项目", "地区", "上期", "本期"), [
            (i, row["name"], row["region"], LIGHT_NAMES.get(row["before"] or "", "—"), LIGHT_NAMES[row["after"]])
            for i, row in enumerate(changes["light_changes"][:50], start=1)], (14, 70, 30, 20, 20)))

    lights = agenda["lights"][:DOC_ROWS]
    red = sum(1 for row in lights if row["light"] == "red")
    light_text = [f"本期红灯项目 {counts.get('red', 0)} 个、黄灯项目 {counts.get('yellow', 0)} 个，"
                  "请责任单位和包保领导逐项对照原因推进。" if lights else "本期没有红灯、黄灯项目。"]
    light_text += _more(counts.get("red", 0) + counts.get("yellow", 0), len(lights), "个红黄灯项目")
    sections.append(PackSection("红黄灯项目", light_text, [PackTable(
        f"红黄灯项目清单（红灯 {red} 个在前）", ("序号", "项目", "地区", "灯色", "原因"),
        [(i, row["name"], row["region"], LIGHT_NAMES[row["light"]], "；".join(row["reasons"]) or "—")
         for i, row in enumerate(lights, start=1)], (12, 50, 22, 14, 56))] if lights else []))

    problems = agenda["overdue_problems"][:DOC_ROWS]
    problem_text = [f"逾期未解决问题 {agenda['overdue_total']} 个，请责任单位限期解决，解决后申请销号。"
                    if problems else "目前没有逾期未解决的问题。"]
    problem_text += _more(agenda["overdue_total"], len(problems), "个逾期问题")
    sections.append(PackSection("问题清单", problem_text, [PackTable(
        "逾期问题清单", ("序号", "项目", "问题", "责任单位", "时限", "逾期天数"),
        [(i, row["project"], row["description"], row["unit"] or "—", row["due_on"], row["days"])
         for i, row in enumerate(problems, start=1)], (12, 40, 52, 28, 22, 16))] if problems else []))

    league = agenda["league"]["results"]
    ranked = [row for row in league if row["rank"] is not None]
    league_text = [f"按《{agenda['league']['scheme']}》计分。"] if agenda["league"]["scheme"] else []
    if ranked:
        league_text.append(f"第一名 {ranked[0]['name']}（{ranked[0]['total'] or 0:.2f} 分），"
                           f"末位 {ranked[-1]['name']}（{ranked[-1]['total'] or 0:.2f} 分）。")
    sections.append(PackSection("赛马排名", league_text, [PackTable(
        f"{label}县区赛马排名", ("名次", "县区", "总分", "变化"),
        [(row["rank"] if row["rank"] is not None else "—", row["name"], f"{row['total'] or 0:.2f}",
          row["movement"] or "—")
         for row in league], (20, 60, 30, 30))] if league else []))

    every = agenda["decisions"]
    decisions = every[:DOC_ROWS]
    previous = agenda.get("previous")
    if decisions:
        closed = sum(1 for d in every if d["status"] == "closed")
        late = sum(1 for d in every if d["overdue_days"] > 0)
        which = f"上次会议（{previous['title']}）及此前会议" if previous else "此前会议"
        decision_text = [f"{which}议定事项 {len(every)} 项：已销号 {closed} 项，"
                         f"办理中 {len(every) - closed} 项，其中逾期 {late} 项。"]
        decision_text += _more(len(every), len(decisions), "项议定事项")
    else:
        decision_text = ["此前会议没有待落实的议定事项。"]
    sections.append(PackSection("上次会议议定事项落实情况", decision_text, [PackTable(
        "议定事项落实情况", ("序号", "议定事项", "责任单位", "时限", "状态", "办理情况"),
        [(i, d["text"], d["unit"] or "—", d["due_on"] or "—",
          d["status_label"] + (f"（逾期{d['overdue_days']}天）" if d["overdue_days"] else ""), d["resolution"] or "—")
         for i, d in enumerate(decisions, start=1)], (12, 56, 26, 22, 26, 28))] if decisions else []))
    held_on = date.fromisoformat(meeting["held_on"])
    return PackContent(title=f"{label}重点项目推进情况通报", subtitle=f"（{meeting['title']}会议材料）",
                       held_on=held_on, sections=sections)


def pack_docx(content: PackContent, *, issuer: str | None = None, signature: str = "重点项目推进办公室") -> bytes:
    blocks: list = [Paragraph(content.subtitle, indent=False, align="center")]
    for section in content.sections:
        blocks.append(Heading(section.heading, 1))
        blocks += [Paragraph(text) for text in section.paragraphs]
        blocks += [Table(headers=t.headers, rows=t.rows, widths_mm=t.widths_mm, caption=t.caption, font_size=10.5)
                   for t in section.tables]
    return render_docx(DocSpec(title=content.title, blocks=blocks, issuer=issuer, signature=signature,
                               signed_on=content.held_on, number_headings=True))


def pack_workbook(agenda: dict) -> WorkbookSpec:
    label = agenda["meeting"]["period_label"]
    head = agenda["headline"]
    league = agenda["league"]["results"]
    return WorkbookSpec(title=f"{label}调度会附表", sheets=[
        SheetSpec("总体情况", [Column("项目", 24), Column("数值", 60)], [
            ("总体情况", head["text"]), ("月报应报", head["owing"]), ("月报已报", head["reported"]),
            *[(f"{LIGHT_NAMES[c]}项目", agenda["light_counts"].get(c, 0)) for c in ("red", "yellow", "green", "grey")],
        ], title=f"{label}重点项目总体情况"),
        SheetSpec("赛马排名", [Column("名次", 8, "int"), Column("县区", 16), Column("总分", 10, "number"),
                               Column("变化", 8)],
                  [(r["rank"], r["name"], r["total"], r["movement"] or "—") for r in league],
                  title=f"{label}县区赛马排名"),
        SheetSpec("红黄灯项目", [Column("序号", 6, "int"), Column("项目", 36), Column("地区", 12), Column("灯色", 8),
                                 Column("年度完成率(%)", 12, "number"), Column("原因", 60)],
                  [(i, r["name"], r["region"], LIGHT_NAMES[r["light"]], r["completion"], "；".join(r["reasons"]))
                   for i, r in enumerate(agenda["lights"], start=1)], title=f"{label}红黄灯项目", autofilter=True),
        SheetSpec("问题清单", [Column("序号", 6, "int"), Column("项目", 30), Column("地区", 12), Column("问题", 40),
                               Column("类别", 10), Column("责任单位", 16), Column("时限", 12),
                               Column("逾期天数", 10, "int")],
                  [(i, r["project"], r["region"], r["description"], r["category"], r["unit"], r["due_on"], r["days"])
                   for i, r in enumerate(agenda["overdue_problems"], start=1)], title=f"{label}逾期问题清单",
                  autofilter=True),
        SheetSpec("议定事项", [Column("序号", 6, "int"), Column("会议", 24), Column("议定事项", 48),
                               Column("责任单位", 16), Column("时限", 12), Column("状态", 14), Column("办理情况", 30)],
                  [(i, d["meeting"], d["text"], d["unit"], d["due_on"], d["status_label"], d["resolution"])
                   for i, d in enumerate(agenda["decisions"], start=1)], title="议定事项落实情况"),
    ])


def pack_xlsx(agenda: dict) -> bytes:
    return render_xlsx(pack_workbook(agenda))
