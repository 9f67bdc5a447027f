"""The league engine scores, ranks and moves subjects exactly as a scheme says."""

import pytest

from zhenxing.league.engine import competition_ranks, movement, score, score_measure
from zhenxing.league.schemes import parse_scheme, preset


def scheme(*measures, emphasis=None, kind="region"):
    return parse_scheme({"name": "测试办法", "subject_kind": kind, "measures": list(measures),
                         "emphasis": emphasis or {}})


def rule(**fields):
    return scheme({"key": "m", "label": "指标", **fields}).measures[0]


PLAN = {"key": "investment_rate", "label": "完成率", "method": "target", "weight": 25, "target": 100,
        "below_per_point": 0.1, "above": [{"from": 100, "to": 130, "per_point": 0.2},
                                          {"from": 130, "to": None, "per_point": 0.1}],
        "bonus_cap": 10, "deduction_cap": 10}


def points(rule_, values, quarter=1):
    return {s: m.points for s, m in score_measure(rule_, values, quarter).items()}


def test_competition_ranks_share_a_rank_on_ties_and_skip_the_next():
    assert competition_ranks({1: 90, 2: 95, 3: 90, 4: 80}) == {2: 1, 1: 2, 3: 2, 4: 4}


def test_competition_ranks_for_fewer_is_better_rank_the_smallest_first():
    assert competition_ranks({1: 3, 2: 0, 3: 5}, higher_is_better=False) == {2: 1, 1: 2, 3: 3}


def test_subjects_without_a_value_get_no_rank():
    assert competition_ranks({1: None, 2: 4}) == {2: 1}


def test_share_of_the_best_gives_the_best_full_weight_and_others_their_share():
    assert points(rule(method="share_of_best", weight=20), {1: 50.0, 2: 100.0, 3: 0.0}) == {1: 10.0, 2: 20.0, 3: 0.0}


def test_share_of_the_best_when_fewer_is_better_divides_the_best_by_the_value():
    got = points(rule(method="share_of_best", weight=10, better="lower"), {1: 2.0, 2: 4.0, 3: 8.0})
    assert got == {1: 10.0, 2: 5.0, 3: 2.5}


def test_share_of_the_best_when_fewer_is_better_and_the_best_is_zero_leaves_the_others_nothing():
    got = points(rule(method="share_of_best", weight=10, better="lower"), {1: 0.0, 2: 4.0})
    assert got == {1: 10.0, 2: 0.0}


def test_share_of_the_best_with_everyone_at_zero_gives_everyone_full_marks():
    assert points(rule(method="share_of_best", weight=10), {1: 0.0, 2: 0.0}) == {1: 10.0, 2: 10.0}


def test_rank_points_step_down_by_weight_over_count_by_default():
    assert points(rule(method="rank_points", weight=12), {1: 3.0, 2: 2.0, 3: 1.0}) == {1: 12.0, 2: 8.0, 3: 4.0}


def test_rank_points_with_a_step_never_go_below_zero():
    got = points(rule(method="rank_points", weight=5, step=2), {1: 4.0, 2: 3.0, 3: 2.0, 4: 1.0})
    assert got == {1: 5.0, 2: 3.0, 3: 1.0, 4: 0.0}


@pytest.mark.parametrize(("value", "expected"), [
    (100, 25.0),      # the full-year plan earns the base
    (90, 24.0),       # −0.1 per point short
    (0, 15.0),        # the deduction is capped at 10
    (115, 28.0),      # +0.2 per point between 100 and 130
    (130, 31.0),
    (150, 33.0),      # +0.1 per point above 130
    (200, 35.0),      # the bonus is capped at 10
])
def test_a_target_measure_adds_and_deducts_by_the_point_within_caps(value, expected):
    assert points(rule(**{k: v for k, v in PLAN.items() if k not in ("key", "label")}), {1: value}) == {1: expected}


def test_a_start_rate_threshold_scores_five_at_eighty_percent_and_one_per_ten_points():
    start = rule(method="target", weight=5, target=80, below_per_point=0.1, deduction_cap=5,
                 above=[{"from": 80, "to": None, "per_point": 0.1}], bonus_cap=2)
    assert points(start, {1: 80, 2: 70, 3: 100, 4: 0}) == {1: 5.0, 2: 4.0, 3: 7.0, 4: 0.0}


def test_per_count_adds_per_project_up_to_its_cap():
    assert points(rule(method="per_count", per=1, cap=10), {1: 4, 2: 14}) == {1: 4.0, 2: 10.0}


def test_per_count_deducts_three_per_late_start_down_to_its_cap():
    assert points(rule(method="per_count", per=-3, cap=15, better="lower"), {1: 2, 2: 9}) == {1: -6.0, 2: -15.0}


def test_rank_bands_add_seven_five_or_three_points_by_rank():
    banded = rule(method="rank_points", weight=0, bands=[{"upto": 3, "points": 7}, {"upto": 6, "points": 5},
                                                         {"upto": 10, "points": 3}])
    values = {i: float(100 - i) for i in range(1, 13)}
    got = points(banded, values)
    assert [got[i] for i in range(1, 13)] == [7, 7, 7, 5, 5, 5, 3, 3, 3, 3, 0, 0]


def test_max_and_min_points_bound_a_measure():
    capped = rule(method="per_count", per=5, max_points=8, min_points=-2)
    assert points(capped, {1: 3, 2: -1}) == {1: 8.0, 2: -2.0}


def test_a_missing_value_scores_nothing_and_says_so():
    result = score_measure(rule(method="share_of_best", weight=10), {1: None, 2: 5.0}, 1)
    assert (result[1].points, result[1].rank, result[1].detail) == (0.0, None, "无数据")


def test_the_quarter_emphasis_multiplies_a_measures_points():
    s = scheme({"key": "new_starts", "label": "新开工", "method": "per_count", "per": 1, "cap": 10},
               emphasis={"1": {"new_starts": 1.5}})
    q1 = score(s, values={"new_starts": {1: 4}}, subjects={1: "凌海市"}, quarter=1)
    q2 = score(s, values={"new_starts": {1: 4}}, subjects={1: "凌海市"}, quarter=2)
    assert (q1[0].total, q2[0].total) == (6.0, 4.0)
    assert "第1季度侧重 ×1.5" in q1[0].measures["new_starts"].detail


def test_movement_reads_up_down_same_and_new():
    assert movement(1, 3) == ("↑2", 2)
    assert movement(4, 3) == ("↓1", -1)
    assert movement(2, 2) == ("—", 0)
    assert movement(2, None) == ("新", None)
    assert movement(None, 2) == ("", None)


def test_the_league_ranks_by_total_marks_first_and_last_and_moves_against_last_period():
    s = scheme(PLAN, {"key": "new_starts", "label": "新开工", "method": "per_count", "per": 1, "cap": 10})
    values = {"investment_rate": {1: 120.0, 2: 90.0, 3: 100.0}, "new_starts": {1: 1, 2: 8, 3: 2}}
    table = score(s, values=values, subjects={1: "凌海市", 2: "黑山县", 3: "义县"}, quarter=2,
                  previous={1: 1, 2: 3})
    assert [(t.name, t.total, t.rank, t.movement) for t in table] == [
        ("黑山县", 32.0, 1, "↑2"), ("凌海市", 30.0, 2, "↓1"), ("义县", 27.0, 3, "新")]
    assert [(t.first, t.last) for t in table] == [(True, False), (False, False), (False, True)]


def test_equal_totals_share_a_rank_and_keep_the_official_order():
    s = scheme({"key": "m", "label": "指标", "method": "per_count", "per": 1})
    table = score(s, values={"m": {1: 1, 2: 2, 3: 2}}, subjects={2: "凌海市", 3: "北镇市", 1: "义县"}, quarter=1)
    assert [(t.name, t.rank) for t in table] == [("凌海市", 1), ("北镇市", 1), ("义县", 3)]


def test_a_subject_without_any_data_is_listed_last_without_a_rank():
    s = scheme({"key": "m", "label": "指标", "method": "share_of_best", "weight": 10})
    table = score(s, values={"m": {1: 5.0}}, subjects={1: "凌海市", 2: "松山新区"}, quarter=1)
    assert [(t.name, t.rank, t.total, t.last) for t in table] == [("凌海市", 1, 10.0, False),
                                                                  ("松山新区", None, 0.0, False)]


def test_the_same_inputs_give_the_same_league():
    s = parse_scheme(preset("region"))
    values = {m.key: {i: float((i * 37 + len(m.key)) % 140) for i in range(1, 13)} for m in s.measures}
    subjects = {i: f"县区{i}" for i in range(1, 13)}
    first = score(s, values=values, subjects=subjects, quarter=3, previous={i: 13 - i for i in range(1, 13)})
    again = score(s, values=values, subjects=subjects, quarter=3, previous={i: 13 - i for i in range(1, 13)})
    assert first == again


def test_a_quarter_outside_one_to_four_is_refused():
    with pytest.raises(ValueError):
        score(scheme(PLAN), values={}, subjects={1: "凌海市"}, quarter=5)
