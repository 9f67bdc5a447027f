"""`zhenxing projects import|export` through Typer's CliRunner against the test database."""

from pathlib import Path

from sqlalchemy import func, select

from tests.projects.test_importer import ledger  # noqa: F401 - the fixture
from zhenxing.audit import AuditEvent
from zhenxing.projects import excel
from zhenxing.projects.models import Project

DATA = Path(__file__).resolve().parents[1] / "data"


def count(sessions, model, *where) -> int:
    with sessions() as fresh:
        return fresh.scalar(select(func.count()).select_from(model).where(*where))


def test_it_imports_a_ledger_and_audits_the_import_as_the_system(cli, world, sessions):
    result = cli("projects", "import", DATA / "ledger_valid.xlsx", "--create-people")
    assert result.exit_code == 0, result.output
    assert "新建 3 个" in result.output
    assert count(sessions, Project) == 3
    with sessions() as fresh:
        event = fresh.scalar(select(AuditEvent).where(AuditEvent.action == "import"))
    assert event.actor_name == "系统" and "ledger_valid.xlsx" in event.summary


def test_a_dry_run_writes_nothing(cli, world, sessions):
    result = cli("projects", "import", DATA / "ledger_valid.xlsx", "--dry-run", "--create-people")
    assert result.exit_code == 0, result.output
    assert "预览" in result.output and "新建 3 个" in result.output
    assert count(sessions, Project) == 0


def test_a_bad_ledger_prints_every_error_and_exits_1(cli, world, sessions):
    result = cli("projects", "import", DATA / "ledger_errors.xlsx")
    assert result.exit_code == 1
    assert "10 处错误" in result.output
    assert "火星县" in result.output and "施工中" in result.output
    assert count(sessions, Project) == 0


def test_a_missing_or_unreadable_file_is_named(cli, world, tmp_path):
    missing = cli("projects", "import", tmp_path / "nope.xlsx")
    assert missing.exit_code == 1 and "nope.xlsx" in missing.output.replace("\n", "")
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"not a workbook")
    result = cli("projects", "import", broken)
    assert result.exit_code == 1 and "broken.xlsx" in result.output.replace("\n", "")


def test_it_exports_the_whole_ledger_and_reimporting_it_changes_nothing(cli, world, sessions, ledger, tmp_path):  # noqa: F811
    target = tmp_path / "台账.xlsx"
    result = cli("projects", "export", target)
    assert result.exit_code == 0, result.output
    assert "已导出 3 个项目" in result.output
    rows, problems = excel.read_ledger(target.read_bytes(), filename=target.name)
    assert problems == [] and [row.values["code"] for row in rows] == ["JZ-101", "JZ-102", "JZ-103"]
    again = cli("projects", "import", target)
    assert again.exit_code == 0, again.output
    assert "修改 0 个，未变 3 个" in again.output
    assert count(sessions, AuditEvent, AuditEvent.entity == "project") == 1


def test_an_export_to_a_folder_that_does_not_exist_says_so(cli, world, tmp_path):
    result = cli("projects", "export", tmp_path / "missing" / "台账.xlsx")
    assert result.exit_code == 1 and "无法写入" in result.output
