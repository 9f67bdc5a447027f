"""The passes over all of a text's drafts once the walk is done: who leads what the walk could not assign.

The rows of a pasted responsibility table and the titles a unit line assigned join the drafts in text order; a
topic sentence's lead goes on to the works under it (task_drafts.topics_led); a part titled by its lead unit
(一、县示范区管委会牵头工作(8项)) assigns every item under it; a list whose lines open on a label naming the work
makes one task per line (one_per_label_line); and a bureau's own plan (市农业农村局2024年种植业工作要点) leads what
names no other unit's field.
"""

from __future__ import annotations

from dataclasses import replace

from .layout import Prepared
from .task_drafts import TaskDraft, assigned, make_draft, topics_led
from .task_titles import label_lines
from .unit_subjects import UnitTag
from .voices import document_issuer

_NAMED = 0.95  # a lead the text names (a tag, a subject), not a keyword's guess


def finish_drafts(prepared: Prepared, drafts: list[TaskDraft], table: list[TaskDraft], titles: list[TaskDraft],
                  led_parts: list[tuple[int, int, UnitTag]], plan_year, rows, doc: str, level: str
                  ) -> list[TaskDraft]:
    """The drafts of the walk with the table's rows and the assigned titles, each led as the passes decide."""
    if table or titles:
        drafts = sorted(drafts + table + titles, key=lambda d: d.start)
    drafts = topics_led(prepared.text, drafts)
    if led_parts:
        # 一、县示范区管委会牵头工作(8项)⏎1.…⏎2.…: the part's title names who leads every item under it
        spans = [(prepared.span(a, b), tag) for a, b, tag in led_parts]
        drafts = [next((assigned(d, tag) for (a, b), tag in spans if a <= d.start < b and d.lead_confidence < 0.95),
                       d) for d in drafts]
    drafts = one_per_label_line(prepared, drafts, plan_year, rows, doc, level)
    issuer = document_issuer(prepared.norm)
    if issuer:
        # 市农业农村局2024年种植业工作要点: a bureau's own plan; what names no unit's field is the bureau's to lead
        # …; what its words would give another unit by a keyword is still the bureau's, the other a partner
        # (卫生健康工作要点: 居民电子健康档案开放率 is no trade bureau's; 住建局's 世行项目建设 no planners')
        drafts = [d if d.lead_confidence >= _NAMED or d.lead_unit == issuer[1] else replace(
            d, lead_unit=issuer[1], trigger=issuer[0], lead_confidence=0.5,
            partner_units=tuple(dict.fromkeys(u for u in (d.lead_unit, *d.partner_units) if u and u != issuer[1])))
            for d in drafts]
    return [d if d.level == level else replace(d, level=level) for d in drafts]  # a table's rows


def one_per_label_line(prepared: Prepared, drafts: list[TaskDraft], plan_year, rows, doc: str, level: str
                       ) -> list[TaskDraft]:
    """A list whose lines each open on a label naming the work (农村公路提质改造。提质改造农村公路5条…,11月完工。):
    one task per line, quoted from the label, led as its words say (the label first), else as its explanation's
    drafts were."""
    for a, b in label_lines(prepared.norm):
        start, end = prepared.span(a, b)
        inside = [d for d in drafts if start <= d.start < end]
        section = inside[0].section if inside else ""
        line = make_draft(prepared, a, b, section, plan_year, rows, False, "cue", doc, level)
        if inside and inside[0].lead_unit and not line.lead_unit:
            line = replace(line, lead_unit=inside[0].lead_unit, partner_units=inside[0].partner_units,
                           trigger=inside[0].trigger, lead_confidence=inside[0].lead_confidence)
        drafts = sorted([d for d in drafts if not start <= d.start < end] + [line], key=lambda d: d.start)
    return drafts
