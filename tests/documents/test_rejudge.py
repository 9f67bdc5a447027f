"""What correcting a document's year does to a figure draft (documents.rejudge, pure)."""

from zhenxing.documents.rejudge import figure_draft, moved_period, moved_year


def judge(kind="target", status="pending", payload=None, stance="target", old=2024, new=2025):
    return figure_draft(kind=kind, status=status, payload=payload or {}, stance=stance, old_year=old, new_year=new)


def test_a_pending_target_keeps_its_kind_and_moves_to_the_new_year():
    result = judge(payload={"indicator": "地区生产总值", "year": 2024})
    assert (result.kind, result.changes, result.switched, result.conflict) == ("target", {"year": 2025}, False, "")


def test_a_year_the_reviewer_typed_stays():
    assert judge(payload={"year": 2030}).changes == {}
    assert judge(kind="reading", stance="actual", payload={"period": "2023-06"}).changes == {}


def test_a_pending_reading_moves_to_the_year_before_the_new_one():
    result = judge(kind="reading", stance="actual", payload={"period": "2023"})
    assert (result.kind, result.changes) == ("reading", {"period": "2024"})


def test_a_figure_the_engine_now_reads_otherwise_switches_kind():
    to_reading = judge(kind="target", stance="actual", payload={"year": 2024})
    assert (to_reading.kind, to_reading.changes, to_reading.switched) == ("reading", {"period": "2024"}, True)
    to_target = judge(kind="reading", stance="target", payload={"period": "2023"})
    assert (to_target.kind, to_target.changes, to_target.switched) == ("target", {"year": 2025}, True)


def test_a_stance_a_reviewer_switched_by_hand_stands():
    result = judge(kind="reading", stance="target", payload={"period": "2023", "engine_stance": "target"})
    assert (result.kind, result.switched, result.changes) == ("reading", False, {"period": "2024"})


def test_a_figure_the_engine_no_longer_finds_keeps_its_kind():
    assert judge(kind="reading", stance=None, payload={"period": "2023"}).kind == "reading"


def test_an_accepted_figure_that_would_change_kind_is_a_conflict_naming_it():
    result = judge(status="accepted", stance="actual", payload={"indicator": "新增就业"})
    assert result.conflict == "已采纳的目标“新增就业”按 2025 年判断应为实绩"
    assert "并入台账" in judge(status="merged", stance="actual", payload={"indicator": "x"}).conflict
    assert judge(status="accepted", stance="target").conflict == ""


def test_rejected_drafts_stay_as_decided():
    result = judge(status="rejected", stance="actual", payload={"year": 2024})
    assert (result.kind, result.changes, result.conflict) == ("target", {}, "")


def test_years_and_periods_move_only_when_they_followed_the_document():
    assert moved_year(2024, 2024, 2025) == 2025 and moved_year("2024", 2024, 2025) == 2025
    assert moved_year(2023, 2024, 2025) == 2023 and moved_year(None, 2024, 2025) is None
    assert moved_period("2023", 2024, 2025) == "2024" and moved_period("2023-06", 2024, 2025) == "2023-06"
