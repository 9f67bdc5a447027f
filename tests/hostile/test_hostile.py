"""Every hostile workbook and document is refused cleanly — by the bounds check, through every upload
route of the API and through the CLI — and nothing changes: no project, report, reading, document or
audit row appears."""

import pytest
from sqlalchemy import func, select
from typer.testing import CliRunner

from tests.hostile.corpus import docx_cases, file_cases, ledger_cases, xlsx
from zhenxing import cli
from zhenxing.audit import AuditEvent
from zhenxing.config import get_settings
from zhenxing.db import make_engine, make_sessionmaker
from zhenxing.documents.models import Document
from zhenxing.errors import Rejected
from zhenxing.files import LIMITS, Limits, check_docx, check_xlsx
from zhenxing.projects.models import Project

FILES = file_cases()
DOCX = docx_cases()
LEDGERS = ledger_cases()
XLSX_ROUTES = ["/api/v1/projects/import", "/api/v1/reports/import?period=2025-05", "/api/v1/readings/import"]


def ids(cases):
    return [case.name for case in cases]


@pytest.mark.parametrize("case", FILES, ids=ids(FILES))
def test_the_bounds_check_refuses_each_hostile_workbook_with_a_clear_message(case):
    with pytest.raises(Rejected) as refused:
        check_xlsx(case.data, filename=case.filename)
    assert refused.value.field == "file"
    assert case.says in refused.value.message, refused.value.message
    assert len(refused.value.message) < 300


@pytest.mark.parametrize("case", DOCX, ids=ids(DOCX))
def test_the_bounds_check_refuses_each_hostile_document(case):
    with pytest.raises(Rejected) as refused:
        check_docx(case.data, filename=case.filename)
    assert case.says in refused.value.message, refused.value.message


def test_a_real_workbook_passes_and_says_which_sheets_are_visible():
    checked = check_xlsx(xlsx([["项目编号", "项目名称"], ["A-1", "好项目"]]), filename="台账.xlsx")
    assert checked.visible_sheets() == ["项目台账"] and checked.rows == 2 and checked.cells == 4


def test_the_cell_limit_holds_for_a_workbook_inside_the_row_and_column_limits():
    rows = [[1] * 10 for _ in range(30)]
    with pytest.raises(Rejected, match="单元格超过"):
        check_xlsx(xlsx(rows), filename="台账.xlsx", limits=Limits(cells=200))
    assert LIMITS.cells >= 1_000_000  # far above a real ledger (10,000 projects ≈ 300,000 cells)


def _counts(session) -> tuple[int, ...]:
    return tuple(session.scalar(select(func.count()).select_from(model)) for model in (Project, Document, AuditEvent))


@pytest.mark.parametrize("case", FILES + LEDGERS, ids=ids(FILES + LEDGERS))
def test_each_hostile_workbook_is_refused_by_every_upload_route_and_changes_nothing(case, api_as, world, session):
    office = api_as(world.office)
    before = _counts(session)
    for route in XLSX_ROUTES:
        answer = office.post(route, files={"file": (case.filename, case.data)})
        assert 400 <= answer.status_code < 500, (route, answer.status_code, answer.text[:300])
        body = answer.json()
        assert body["message"], (route, body)
        assert len(answer.content) < 20_000, (route, len(answer.content))  # errors never echo whole cells
        if route.startswith("/api/v1/projects"):
            said = body["message"] + " ".join(item.get("message", "") for item in body.get("details", []))
            assert case.says in said, said
    session.expire_all()
    assert _counts(session) == before


@pytest.mark.parametrize("case", DOCX, ids=ids(DOCX))
def test_each_hostile_document_is_refused_by_the_upload_and_changes_nothing(case, api_as, world, session):
    office = api_as(world.office)
    before = _counts(session)
    answer = office.post("/api/v1/documents", data={"year": "2025"}, files={"file": (case.filename, case.data)})
    assert 400 <= answer.status_code < 500, answer.text[:300]
    assert case.says in answer.json()["message"]
    session.expire_all()
    assert _counts(session) == before


@pytest.mark.parametrize("name", ["..", "../../etc/passwd.docx", "." * 300, "报" * 300 + ".docx", ""])
def test_odd_upload_names_are_no_path_and_no_crash(name, api_as, world):
    answer = api_as(world.office).post("/api/v1/documents", data={"year": "2025"},
                                       files={"file": (name, "测试文件：2025年地区生产总值增长6%。".encode())})
    assert answer.status_code < 500, answer.text[:300]


# --- the CLI -------------------------------------------------------------------------------------------

runner = CliRunner()


@pytest.fixture(scope="module")
def cli_database(tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('hostile-cli') / 'cli.db'}"
    patch = pytest.MonkeyPatch()
    patch.setenv("ZHENXING_DATABASE_URL", url)
    get_settings.cache_clear()
    assert runner.invoke(cli.app, ["init"]).exit_code == 0
    engine = make_engine(url)
    yield engine
    engine.dispose()
    patch.undo()
    get_settings.cache_clear()


def _cli_counts(engine) -> tuple[int, ...]:
    with make_sessionmaker(engine)() as session:
        return _counts(session)


@pytest.mark.parametrize("case", FILES + LEDGERS, ids=ids(FILES + LEDGERS))
def test_the_cli_import_refuses_each_hostile_workbook(case, cli_database, tmp_path):
    path = tmp_path / case.filename
    path.write_bytes(case.data)
    before = _cli_counts(cli_database)
    result = runner.invoke(cli.app, ["projects", "import", str(path)])
    assert result.exit_code != 0 and isinstance(result.exception, SystemExit), result.output  # refused, no crash
    assert case.says in result.output.replace("\n", ""), result.output
    assert _cli_counts(cli_database) == before


@pytest.mark.parametrize("case", DOCX, ids=ids(DOCX))
def test_the_cli_ingest_refuses_each_hostile_document(case, cli_database, tmp_path):
    path = tmp_path / case.filename
    path.write_bytes(case.data)
    before = _cli_counts(cli_database)
    result = runner.invoke(cli.app, ["ingest", str(path), "--year", "2025"])
    assert result.exit_code != 0 and isinstance(result.exception, SystemExit), result.output
    assert case.says in result.output.replace("\n", ""), result.output
    assert _cli_counts(cli_database) == before
