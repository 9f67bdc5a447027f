"""`zhenxing extract` through Typer's CliRunner."""

import json

from typer.testing import CliRunner

from zhenxing.cli import app
from zhenxing.documents.extraction import RECORD_FIELDS

runner = CliRunner()


def test_it_prints_one_spec_record_per_fact(tmp_path):
    path = tmp_path / "report_2024.txt"
    path.write_text("新建学校12所,新增学位3000个。", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(path)])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["value"] for r in records] == [12, 3000]
    assert all(tuple(r) == RECORD_FIELDS and r["doc"] == "report_2024" for r in records)
    assert "学校" in result.stdout  # ensure_ascii=False


def test_an_unreadable_file_is_reported_and_the_others_still_printed(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("新建学校12所。", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(tmp_path / "absent.txt"), str(good)])
    assert result.exit_code != 0
    assert "absent.txt" in result.stderr
    assert json.loads(result.stdout.splitlines()[0])["value"] == 12


def test_it_prints_a_table(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("新建学校12所。", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(path), "--format", "table"])
    assert result.exit_code == 0, result.output
    assert "indicator" in result.stdout and "新建学校" in result.stdout


def test_it_rejects_an_unknown_format(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("新建学校12所。", encoding="utf-8")
    assert runner.invoke(app, ["extract", str(path), "--format", "xml"]).exit_code != 0


PLAN = ("二、2024年工作安排\n主要预期目标是:地区生产总值增长6%左右,一般公共预算收入增长5%。\n"
        "6月底前完成老旧小区改造方案编制。\n")


def test_it_prints_one_spec_task_record_per_task(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_text(PLAN, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(path), "--tasks", "--date", "2024-01-10"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [tuple(r) for r in records] == [("doc", "quote", "lead_unit", "partner_units", "deadline")] * 3
    assert [(r["quote"], r["lead_unit"], r["deadline"]) for r in records] == [
        ("地区生产总值增长6%左右", "发展改革委", "2024-12-31"), ("一般公共预算收入增长5%", "财政局", "2024-12-31"),
        ("6月底前完成老旧小区改造方案编制", "住房城乡建设局", "2024-06-30")]


def test_it_says_which_document_date_it_used(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text("政府工作报告\n——2024年1月10日在某市第十七届人民代表大会第三次会议上\n" + PLAN, encoding="utf-8")
    found = runner.invoke(app, ["extract", str(path)])
    assert "report: 文件日期 2024-01-10（取自文头" in found.stderr
    given = runner.invoke(app, ["extract", str(path), "--date", "2023-12-28"])
    assert "2023-12-28（指定" in given.stderr


def test_a_wrong_date_is_refused_with_a_message(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(PLAN, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(path), "--date", "2024-13-01"])
    assert result.exit_code == 2 and "日期“2024-13-01”无效" in result.stderr


def test_the_task_table_shows_the_phrase_that_triggered_each_lead_unit(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(PLAN, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(path), "--tasks", "--format", "table"])
    assert result.exit_code == 0, result.output
    assert "trigger" in result.stdout and "老旧小区" in result.stdout and "3 tasks" in result.stdout
