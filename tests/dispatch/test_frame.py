"""The lights of a whole period at once are the lights of each project one by one."""

import random
from datetime import date, timedelta

import pytest

from zhenxing.dispatch.facts import ProjectRecord, build_facts
from zhenxing.dispatch.frame import COLOR_CODES, columns, frame_from_records, judge_columns, record_of
from zhenxing.dispatch.light_rules import parse_light_rules, preset
from zhenxing.dispatch.lights import judge


def maybe_day(rng: random.Random, year: int, chance: float) -> date | None:
    if rng.random() > chance:
        return None
    return date(year - 1, 1, 1) + timedelta(days=rng.randrange(0, 800))


def random_record(rng: random.Random, year: int) -> ProjectRecord:
    plans = {}
    if rng.random() < .85:
        plans[year] = rng.choice([0, 500, 999, 1000, 1200, 5000, rng.randrange(1, 200_000)])
    if rng.random() < .6:
        plans[year - 1] = rng.randrange(0, 5000)
    months = [(year - 1) * 12 + m for m in range(24)]
    reported = frozenset(m for m in months if rng.random() < .75)
    amounts = {m: rng.randrange(0, 600) for m in reported if m // 12 == year}
    registered = rng.choice([None, rng.choice(months)])
    problems = tuple((f"问题{n}", maybe_day(rng, year, 1.0), maybe_day(rng, year, .5))
                     for n in range(rng.choice([0, 0, 1, 3])))
    return ProjectRecord(status=rng.choice(["active"] * 8 + ["suspended", "cancelled"]),
                         plan_start=maybe_day(rng, year, .6), started_on=maybe_day(rng, year, .5), plans=plans,
                         amounts=amounts, reported=reported, registered_index=registered, problems=problems)


@pytest.mark.parametrize("preset_key", ["yinchuan_2025", "sanya_2022"])
@pytest.mark.parametrize("year", [2024, 2025])  # 2024 is a leap year
def test_judging_columns_gives_every_project_the_colour_judge_gives_it(preset_key, year):
    rng = random.Random(f"{preset_key}{year}")
    rules = parse_light_rules(preset(preset_key))
    records = [random_record(rng, year) for _ in range(400)]
    frame = frame_from_records(year, records)
    for month in (1, 2, 6, 12):
        as_of = rng.choice([date(year, month, 28), date(year + 1, 1, 5), date(year + 1, 3, 1)])
        colors = judge_columns(columns(frame, month, as_of=as_of, due_day=5), rules)
        for row, record in enumerate(records):
            facts = build_facts(record, [year * 12 + month - 1], as_of=as_of, due_day=5)[0]
            verdict = judge(facts, rules)
            assert COLOR_CODES[int(colors[row])] == (verdict.color if verdict else None), (row, month, facts)


def test_a_frame_row_reads_back_as_the_record_it_came_from():
    rng = random.Random(7)
    records = [random_record(rng, 2025) for _ in range(50)]
    frame = frame_from_records(2025, records)
    names = {p: f"问题{n}" for p, n in enumerate(n for r in records for n in range(len(r.problems)))}
    for row, record in enumerate(records):
        back = record_of(frame, row, names)
        assert (back.status, back.plan_start, back.started_on, back.registered_index, back.problems) == (
            record.status, record.plan_start, record.started_on, record.registered_index, record.problems)
        assert back.plans.get(2025, 0) == record.plans.get(2025, 0)
        assert back.reported == record.reported
