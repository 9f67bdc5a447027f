"""Unit scores of the supervision office (量督考纪): the office's scheme (rule kind `supervision.scores`,
weights as data, audited) applied by the league engine to the units' figures (supervision.measures), ranked
with movement against the previous period; exported as .xlsx."""

from dataclasses import dataclass

from sqlalchemy import select, union
from sqlalchemy.orm import Session

from zhenxing.league import registry
from zhenxing.league.engine import Standing, score
from zhenxing.league.schemes import Scheme, parse_scheme
from zhenxing.org.models import Unit
from zhenxing.outputs import Column, SheetSpec, WorkbookSpec, render_xlsx
from zhenxing.periods import parse_period, period_label, previous_period, quarter_of
from zhenxing.rules.service import active_rules
from zhenxing.supervision.board import in_force
from zhenxing.targets.models import Target
from zhenxing.tasks.models import Task


@dataclass
class Table:
    period: str
    scheme: Scheme
    standings: list[Standing]

    @property
    def label(self) -> str:
        return period_label(self.period)


def _units(session: Session, year: int) -> dict[int, str]:
    """The units that lead a task or a target of the year, in official order."""
    leads = union(select(Task.lead_unit_id).where(in_force(year), Task.lead_unit_id.is_not(None)),
                  select(Target.lead_unit_id).where(Target.year == year, Target.lead_unit_id.is_not(None))).subquery()
    rows = session.execute(select(Unit.id, Unit.name).where(Unit.id.in_(select(leads.c[0]))).order_by(Unit.id))
    return dict(rows.all())


def scheme_of(session: Session, year: int) -> Scheme:
    return parse_scheme(active_rules(session, "supervision.scores", year))


def _standings(session: Session, period: str, previous: dict[int, int] | None) -> tuple[Scheme, list[Standing]]:
    year = int(period[:4])
    scheme = scheme_of(session, year)
    units = _units(session, year)
    ids = list(units)
    values = {rule.key: registry.get_measure("unit", rule.key).func(session, period, ids) for rule in scheme.measures}
    return scheme, score(scheme, values=values, subjects=units, quarter=quarter_of(period), previous=previous)


def table(session: Session, period: str) -> Table:
    """The period's ranked table, each unit's movement against the previous period."""
    period = parse_period(period)
    _scheme, before = _standings(session, previous_period(period), None)
    previous = {s.subject_id: s.rank for s in before if s.rank is not None}
    scheme, standings = _standings(session, period, previous)
    return Table(period, scheme, standings)


def export(found: Table) -> bytes:
    measures = list(found.scheme.measures)
    columns = [Column("名次", 6, "int"), Column("单位", 24), Column("总分", 9, "number"), Column("较上期", 8)]
    columns += [Column(rule.label, 14, "number") for rule in measures]
    rows = []
    for standing in found.standings:
        values = [standing.measures[rule.key].value for rule in measures]
        rows.append([standing.rank, standing.name, standing.total, standing.movement, *values])
    sheet = SheetSpec(name="部门督查考核", columns=columns, rows=rows, title=f"部门督查考核排名（{found.label}）",
                      subtitle=f"评分办法：{found.scheme.name}", freeze_columns=2)
    return render_xlsx(WorkbookSpec([sheet], title=f"部门督查考核排名（{found.label}）"))
