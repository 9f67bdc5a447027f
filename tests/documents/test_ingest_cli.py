"""`zhenxing ingest FILE --year` through Typer's CliRunner, and the demo's sample report."""

from sqlalchemy import func, select

from tests.factories import REPORT, make_document
from zhenxing.documents import service
from zhenxing.documents.models import Document, Draft, Fact
from zhenxing.documents.sample import SAMPLE_REPORT, SAMPLE_TITLE, load_sample


def count(sessions, model) -> int:
    with sessions() as fresh:
        return fresh.scalar(select(func.count()).select_from(model))


def test_it_ingests_a_gbk_file_once_and_says_so_the_second_time(cli, world, sessions, tmp_path):
    path = tmp_path / "报告.txt"
    path.write_bytes(REPORT.encode("gb18030"))
    first = cli("ingest", path, "--year", 2025, "--region", "凌海市")
    assert first.exit_code == 0, first.output
    assert "已导入《2025年测试市政府工作报告》" in first.output and "待审核" in first.output
    again = cli("ingest", path, "--year", 2025)
    assert again.exit_code == 0 and "此前已导入" in again.output
    assert count(sessions, Document) == 1
    with sessions() as fresh:
        assert fresh.scalar(select(Document)).region.name == "凌海市"


def test_an_unreadable_file_or_unknown_region_exits_1_and_stores_nothing(cli, world, sessions, tmp_path):
    bad = tmp_path / "报告.pdf"
    bad.write_bytes(b"%PDF")
    result = cli("ingest", bad, "--year", 2025)
    assert result.exit_code == 1 and "报告.pdf" in result.output
    good = tmp_path / "报告.txt"
    good.write_text(REPORT, encoding="utf-8")
    result = cli("ingest", good, "--year", 2025, "--region", "火星市")
    assert result.exit_code == 1 and "火星市" in result.output
    assert count(sessions, Document) == 0 and count(sessions, Fact) == 0


def test_the_demo_sample_is_a_written_report_with_a_review_and_a_plan_part():
    assert SAMPLE_REPORT.startswith(SAMPLE_TITLE)
    assert "一、2024年工作回顾" in SAMPLE_REPORT and "二、2025年工作安排" in SAMPLE_REPORT
    assert 1500 <= sum("\u4e00" <= ch <= "\u9fff" for ch in SAMPLE_REPORT) <= 3000


def test_loading_the_sample_leaves_part_of_the_queue_reviewed(session, world):
    assert load_sample(session)
    statuses = {status for status in session.scalars(select(Draft.status))}
    assert {"accepted", "pending", "rejected"} <= statuses
    assert not load_sample(session)  # once


def test_overlapping_quotes_share_one_highlighted_piece(session, world):
    text = "回顾：城镇和农村居民收入分别增长5%和8%，新增就业1万人。"
    document = make_document(session, text=text, year=2025).document
    facts = service.facts_of(session, document.id)
    pieces = [(text, found) for text, found in service.highlighted(document.text, facts) if found]
    assert "".join(text for text, _ in service.highlighted(document.text, facts)) == document.text
    assert sum(len(found) for _, found in pieces) == len(facts)
