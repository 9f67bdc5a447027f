"""Field reviews (拉练 / 观摩): criteria, on-site scores, juror votes, eligibility and the ranking of regions.
Pure: no database or web imports.

- A scored tour (`kind='score'`) has criteria [{key, label, max}] (default: 投资强度 30、建设进度 30、项目质量 20、
  服务保障 20); each stop gets points per criterion (0 ≤ points ≤ max, one decimal) and its total is their sum.
- A vote tour (`kind='vote'`, 观摩) has jurors who each rank the projects seen, best first; a project's score is
  Σ(votes at rank k × (100 − step·(k−1))) ÷ total ballots (Jining: step 3), so a project every juror puts
  first scores 100. A juror may rank only some projects; an unranked project earns nothing on that ballot.
- Eligibility (Gansu 观摩): at least `min_done_share` of the total investment completed, and not shown on an
  earlier tour of the same kind.
- Regions are ranked on the mean total of their projects on the tour (ties share the rank).
"""

from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from zhenxing.errors import Rejected

REVIEW_KINDS = {"score": "拉练评分", "vote": "观摩投票"}
REVIEW_STATUSES = {"planned": "计划中", "under_way": "进行中", "finished": "已结束"}
MAX_STOPS = 60
MAX_CRITERIA = 10


class Criterion(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    key: str = Field(title="代码", pattern=r"^[a-z][a-z0-9_]{0,29}$")
    label: str = Field(title="名称", min_length=1, max_length=20)
    max: float = Field(title="满分", gt=0, le=100)


class ReviewRules(BaseModel):
    """The office's defaults for new tours (a tour keeps a copy of the criteria it was created with)."""

    model_config = ConfigDict(extra="forbid")

    criteria: list[Criterion] = Field(title="评分项", min_length=1, max_length=MAX_CRITERIA)
    vote_step: float = Field(3, title="观摩名次递减分", ge=0, le=20)
    min_done_share: float = Field(33.3, title="观摩项目最低投资完成比例（%）", ge=0, le=100)
    photo_max_mb: int = Field(8, title="照片大小上限（MB）", ge=1, le=20)
    photos_per_stop: int = Field(9, title="每个项目照片上限（张）", ge=1, le=30)

    @field_validator("criteria")
    @classmethod
    def _distinct(cls, value: list[Criterion]) -> list[Criterion]:
        keys = [c.key for c in value]
        if len(set(keys)) != len(keys):
            raise ValueError("评分项代码不能重复")
        return value

    @model_validator(mode="after")
    def _total(self) -> "ReviewRules":
        if sum(c.max for c in self.criteria) > 1000:
            raise ValueError("评分项满分合计不能超过 1000")
        return self


DEFAULT_RULES: dict[str, Any] = {
    "criteria": [{"key": "investment", "label": "投资强度", "max": 30},
                 {"key": "progress", "label": "建设进度", "max": 30},
                 {"key": "quality", "label": "项目质量", "max": 20},
                 {"key": "service", "label": "服务保障", "max": 20}],
    "vote_step": 3, "min_done_share": 33.3, "photo_max_mb": 8, "photos_per_stop": 9,
}


def check_criteria(raw: Any) -> list[dict]:
    """A tour's criteria as given (list of {key, label, max}), checked; Rejected names the bad item."""
    try:
        rules = ReviewRules.model_validate({**DEFAULT_RULES, "criteria": raw})
    except ValueError as error:
        raise Rejected(f"评分项有误：{_first(error)}", field="criteria") from None
    return [c.model_dump() for c in rules.criteria]


def _first(error: ValueError) -> str:
    errors = getattr(error, "errors", None)
    if callable(errors):
        first = errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        return f"{where} {first['msg']}".strip()
    return str(error)


def score_total(criteria: list[dict], scores: dict[str, Any]) -> tuple[dict[str, float], float]:
    """Checked points per criterion and their total; every criterion must be scored, nothing else."""
    known = {c["key"]: c for c in criteria}
    unknown = sorted(set(scores) - set(known))
    if unknown:
        raise Rejected(f"没有评分项“{unknown[0]}”", field=f"scores.{unknown[0]}")
    clean: dict[str, float] = {}
    for key, criterion in known.items():
        raw = scores.get(key)
        if raw is None or raw == "":
            raise Rejected(f"请给“{criterion['label']}”打分", field=f"scores.{key}")
        try:
            value = float(raw)
        except (TypeError, ValueError):
            raise Rejected(f"“{criterion['label']}”的分数须是数字", field=f"scores.{key}") from None
        if not 0 <= value <= criterion["max"] or value != value:
            raise Rejected(f"“{criterion['label']}”的分数须在 0–{criterion['max']:g} 之间（现为 {raw}）",
                           field=f"scores.{key}")
        clean[key] = round(value, 1)
    return clean, round(sum(clean.values()), 1)


def check_ballot(ranking: list[int], stops: list[int]) -> list[int]:
    """A juror's ranking: projects of the tour, best first, each at most once, at least one."""
    if not ranking:
        raise Rejected("请至少选出一个项目并排定名次", field="ranking")
    seen: set[int] = set()
    for project_id in ranking:
        if project_id not in stops:
            raise Rejected(f"项目 {project_id} 不在本次观摩的行程中", field="ranking")
        if project_id in seen:
            raise Rejected(f"项目 {project_id} 重复排名", field="ranking")
        seen.add(project_id)
    return list(ranking)


def vote_scores(ballots: list[list[int]], projects: list[int], step: float = 3) -> dict[int, float | None]:
    """Σ(votes at rank k × (100 − step·(k−1))) ÷ ballots, per project (None when nobody voted yet)."""
    if not ballots:
        return {pid: None for pid in projects}
    points = dict.fromkeys(projects, 0.0)
    for ballot in ballots:
        for position, pid in enumerate(ballot):
            if pid in points:
                points[pid] += max(100 - step * position, 0)
    return {pid: round(total / len(ballots), 2) for pid, total in points.items()}


@dataclass(frozen=True)
class Eligibility:
    eligible: bool
    reason: str


def eligibility(*, total_investment: int, completed: int, shown_before: bool, min_done_share: float
                ) -> Eligibility:
    """May a project be shown on a 观摩 tour? (Gansu: ≥ 1/3 of total investment done, not shown before.)"""
    if shown_before:
        return Eligibility(False, "已在此前的观摩中展示过")
    if total_investment <= 0:
        return Eligibility(False, "总投资未填写，无法判断投资完成比例")
    share = completed * 100 / total_investment
    if share + 1e-9 < min_done_share:
        return Eligibility(False, f"累计完成投资占总投资 {share:.1f}%，低于 {min_done_share:g}%")
    return Eligibility(True, f"累计完成投资占总投资 {share:.1f}%")


@dataclass(frozen=True)
class RegionScore:
    region_id: int
    name: str
    projects: int
    mean: float
    rank: int


def rank_regions(totals: list[tuple[int, str, float | None]]) -> list[RegionScore]:
    """(region id, region name, stop total) rows → regions by the mean of their scored stops, ties sharing a
    rank (1, 2, 2, 4). Stops without a score are left out."""
    grouped: dict[int, tuple[str, list[float]]] = {}
    for region_id, name, total in totals:
        if total is not None:
            grouped.setdefault(region_id, (name, []))[1].append(total)
    rows = sorted(((rid, name, len(values), round(sum(values) / len(values), 2))
                   for rid, (name, values) in grouped.items()), key=lambda row: (-row[3], row[1]))
    ranked: list[RegionScore] = []
    for index, (rid, name, count, mean) in enumerate(rows):
        rank = ranked[-1].rank if ranked and ranked[-1].mean == mean else index + 1
        ranked.append(RegionScore(rid, name, count, mean, rank))
    return ranked
