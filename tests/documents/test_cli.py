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
