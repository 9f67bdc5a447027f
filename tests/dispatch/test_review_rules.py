"""Field-review rules, pure: criteria, scores, Jining vote scores, 观摩 eligibility, the ranking of regions."""

import pytest

from zhenxing.dispatch.review_rules import (
    DEFAULT_RULES,
    check_ballot,
    check_criteria,
    eligibility,
    rank_regions,
    score_total,
    vote_scores,
)
from zhenxing.errors import Rejected

CRITERIA = DEFAULT_RULES["criteria"]


def test_a_stop_total_is_the_sum_of_its_criteria():
    clean, total = score_total(CRITERIA, {"investment": 27.5, "progress": "25", "quality": 18, "service": 19})
    assert clean == {"investment": 27.5, "progress": 25.0, "quality": 18.0, "service": 19.0}
    assert total == 89.5


@pytest.mark.parametrize(("scores", "field", "words"), [
    ({"investment": 31, "progress": 1, "quality": 1, "service": 1}, "scores.investment", "0–30"),
    ({"investment": -1, "progress": 1, "quality": 1, "service": 1}, "scores.investment", "0–30"),
    ({"investment": 1, "progress": 1, "quality": 1}, "scores.service", "请给“服务保障”打分"),
    ({"investment": 1, "progress": "很好", "quality": 1, "service": 1}, "scores.progress", "须是数字"),
    ({"investment": 1, "progress": 1, "quality": 1, "service": 1, "extra": 2}, "scores.extra", "没有评分项"),
    ({"investment": float("nan"), "progress": 1, "quality": 1, "service": 1}, "scores.investment", "0–30"),
])
def test_bad_scores_are_refused_naming_the_criterion(scores, field, words):
    with pytest.raises(Rejected) as caught:
        score_total(CRITERIA, scores)
    assert caught.value.field == field and words in caught.value.message


def test_criteria_are_checked():
    assert check_criteria([{"key": "safety", "label": "安全文明", "max": 10}])[0]["max"] == 10
    with pytest.raises(Rejected, match="评分项有误"):
        check_criteria([{"key": "a", "label": "甲", "max": 10}, {"key": "a", "label": "乙", "max": 5}])
    with pytest.raises(Rejected):
        check_criteria([])
    with pytest.raises(Rejected):
        check_criteria([{"key": "Bad Key", "label": "甲", "max": 10}])


def test_the_jining_formula_scores_ranks():
    # Three jurors: A first twice and second once; B first once, second twice; C third twice.
    ballots = [[1, 2, 3], [1, 2], [2, 1, 3]]
    scores = vote_scores(ballots, [1, 2, 3, 4])
    assert scores == {1: round((100 + 100 + 97) / 3, 2), 2: round((97 + 97 + 100) / 3, 2),
                      3: round((94 + 94) / 3, 2), 4: 0.0}
    assert vote_scores([], [1, 2]) == {1: None, 2: None}
    assert vote_scores([[1, 2]], [1, 2], step=10) == {1: 100.0, 2: 90.0}


def test_a_ballot_names_projects_of_the_tour_once_each():
    assert check_ballot([3, 1], [1, 2, 3]) == [3, 1]
    with pytest.raises(Rejected, match="不在本次观摩"):
        check_ballot([9], [1, 2])
    with pytest.raises(Rejected, match="重复"):
        check_ballot([1, 1], [1, 2])
    with pytest.raises(Rejected, match="至少"):
        check_ballot([], [1, 2])


def test_eligibility_needs_a_third_done_and_no_earlier_showing():
    assert eligibility(total_investment=9000, completed=3000, shown_before=False, min_done_share=100 / 3).eligible
    short = eligibility(total_investment=9000, completed=2999, shown_before=False, min_done_share=100 / 3)
    assert not short.eligible and "33.3%" in short.reason
    assert not eligibility(total_investment=9000, completed=9000, shown_before=True, min_done_share=0).eligible
    assert not eligibility(total_investment=0, completed=0, shown_before=False, min_done_share=0).eligible


def test_regions_rank_on_the_mean_of_their_scored_stops_and_ties_share():
    rows = [(1, "凌海市", 90), (1, "凌海市", 80), (2, "黑山县", 85), (3, "义县", 85), (4, "北镇市", None)]
    ranked = rank_regions(rows)
    assert [(r.name, r.mean, r.rank, r.projects) for r in ranked] == [
        ("义县", 85.0, 1, 1), ("凌海市", 85.0, 1, 2), ("黑山县", 85.0, 1, 1)]
    ranked = rank_regions([(1, "甲", 90), (2, "乙", 80), (3, "丙", 80), (4, "丁", 70)])
    assert [r.rank for r in ranked] == [1, 2, 2, 4]
