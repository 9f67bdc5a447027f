"""Excel over the API and the pages: template, scoped export, all-or-nothing import, who may import."""

import re
from io import BytesIO
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from openpyxl import load_workbook
from sqlalchemy import func, select

from tests.projects.test_excel import HEADER, workbook_bytes
from tests.projects.test_importer import ledger  # noqa: F401 - the fixture
from zhenxing.audit import AuditEvent
from zhenxing.projects import excel
from zhenxing.projects.models import Project

DATA = Path(__file__).resolve().parents[1] / "data"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def exported_codes(response) -> list[str]:
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == XLSX
    rows, problems = excel.read_ledger(response.content, filename="export.xlsx")
    assert problems == []
    return [row.values["code"] for row in rows]


def upload(client: TestClient, data: bytes, name: str = "台账.xlsx", **params):
    return client.post("/api/v1/projects/import", params=params, files={"file": (name, data, XLSX)})


def project_count(sessions) -> int:
    with sessions() as fresh:
        return fresh.scalar(select(func.count()).select_from(Project))


def test_anyone_logged_in_can_download_the_template(world, api_as):
    response = api_as(world.county).get("/api/v1/projects/template.xlsx")
    assert response.status_code == 200
    assert response.headers["content-type"] == XLSX
    assert "attachment" in response.headers["content-disposition"]
    book = load_workbook(BytesIO(response.content))
    assert [c.value for c in book[excel.SHEET][1]][1:4] == ["项目编号", "项目名称", "所在地区"]
    assert "凌海市" in [c.value for c in book["选项"]["A"]]


def test_the_template_needs_a_login(client):
    assert client.get("/api/v1/projects/template.xlsx").status_code == 401


def test_the_export_follows_the_callers_scope_and_the_list_filters(world, api_as, ledger):  # noqa: F811
    assert exported_codes(api_as(world.office).get("/api/v1/projects/export.xlsx")) == ["JZ-101", "JZ-102", "JZ-103"]
    assert exported_codes(api_as(world.county).get("/api/v1/projects/export.xlsx")) == ["JZ-102"]
    assert exported_codes(api_as(world.office).get("/api/v1/projects/export.xlsx",
                                                   params={"region_id": world.linghai.id})) == ["JZ-102"]
    assert exported_codes(api_as(world.office).get("/api/v1/projects/export.xlsx",
                                                   params={"status": "suspended"})) == ["JZ-103"]


def test_a_county_user_cannot_import(world, api_as, sessions):
    response = upload(api_as(world.county), workbook_bytes(HEADER, ["A-1", "项目一", "凌海市"]))
    assert response.status_code == 403
    assert project_count(sessions) == 0


def test_a_file_that_is_not_xlsx_is_refused_by_name(world, api_as):
    response = upload(api_as(world.office), "项目编号,项目名称\n".encode(), name="台账.csv")
    assert response.status_code == 422
    assert "台账.csv" in response.json()["message"]
    assert response.json()["field"] == "file"


def test_a_bad_file_returns_every_error_and_changes_nothing(world, api_as, sessions, ledger):  # noqa: F811
    response = upload(api_as(world.office), (DATA / "ledger_errors.xlsx").read_bytes(), name="ledger_errors.xlsx")
    assert response.status_code == 422
    body = response.json()
    assert len(body["details"]) == 10
    assert body["details"][0] == {"row": 3, "column": "所在地区", "message": "未知的地区“火星县”，请使用系统中的名称"}
    assert project_count(sessions) == 3
    with sessions() as fresh:
        assert fresh.scalar(select(func.count()).select_from(AuditEvent).where(AuditEvent.entity == "project")) == 0


def test_a_dry_run_previews_and_a_real_run_imports(world, api_as, sessions):
    office = api_as(world.office)
    data = (DATA / "ledger_valid.xlsx").read_bytes()
    preview = upload(office, data, dry_run="true", create_people="true")  # 张新管家 is new
    assert preview.status_code == 200, preview.text
    assert preview.json() | {"people_created": []} == {
        "file": "台账.xlsx", "dry_run": True, "created": 3, "updated": 0, "unchanged": 0, "people_created": []}
    assert project_count(sessions) == 0
    done = upload(office, data, create_people="true")
    assert done.status_code == 200
    assert (done.json()["created"], done.json()["dry_run"]) == (3, False)
    assert project_count(sessions) == 3
    again = upload(office, office.get("/api/v1/projects/export.xlsx").content)
    assert (again.json()["updated"], again.json()["unchanged"]) == (0, 3)


def test_the_import_page_is_for_the_office_only(world, page_as):
    client, _ = page_as(world.county)
    response = client.get("/projects/import")
    assert response.status_code == 403
    assert 'data-testid="error"' in response.text


def test_the_import_page_shows_the_form_and_the_template_link(world, page_as):
    client, _ = page_as(world.office)
    page = client.get("/projects/import")
    assert page.status_code == 200
    for testid in ("import-file", "import-submit", "import-dry-run", "import-template"):
        assert f'data-testid="{testid}"' in page.text
    assert "/api/v1/projects/template.xlsx" in page.text


def test_the_import_page_lists_every_error(world, page_as, sessions):
    client, token = page_as(world.office)
    response = client.post("/projects/import", data={"csrf_token": token},
                           files={"file": ("ledger_errors.xlsx", (DATA / "ledger_errors.xlsx").read_bytes(), XLSX)})
    assert response.status_code == 422
    assert 'data-testid="import-errors"' in response.text
    assert response.text.count('data-testid="import-error"') == 10
    assert "火星县" in response.text and "ledger_errors.xlsx" in response.text
    assert project_count(sessions) == 0


def test_the_import_page_imports_and_summarises(world, page_as, sessions):
    client, token = page_as(world.office)
    response = client.post("/projects/import", data={"csrf_token": token, "create_people": "true"},
                           files={"file": ("ledger_valid.xlsx", (DATA / "ledger_valid.xlsx").read_bytes(), XLSX)})
    assert response.status_code == 200, response.text
    assert 'data-testid="import-summary"' in response.text
    assert re.search(r'data-testid="import-created">3<', response.text)
    assert project_count(sessions) == 3


def test_the_import_page_dry_run_writes_nothing(world, page_as, sessions):
    client, token = page_as(world.office)
    response = client.post("/projects/import", data={"csrf_token": token, "dry_run": "true", "create_people": "true"},
                           files={"file": ("ledger_valid.xlsx", (DATA / "ledger_valid.xlsx").read_bytes(), XLSX)})
    assert response.status_code == 200
    assert "预览" in response.text
    assert project_count(sessions) == 0


@pytest.mark.parametrize("token", ["", "forged"])
def test_the_import_page_checks_the_csrf_token(world, page_as, sessions, token):
    client, _ = page_as(world.office)
    response = client.post("/projects/import", data={"csrf_token": token},
                           files={"file": ("ledger_valid.xlsx", (DATA / "ledger_valid.xlsx").read_bytes(), XLSX)})
    assert response.status_code == 403
    assert project_count(sessions) == 0


def test_the_page_export_is_scoped_to_the_logged_in_user(world, page_as, ledger):  # noqa: F811
    client, _ = page_as(world.county)
    assert exported_codes(client.get("/projects/export.xlsx")) == ["JZ-102"]
    assert exported_codes(client.get("/projects/export.xlsx", params={"stage": "landed"})) == []


def test_the_page_export_needs_a_login(client):
    response = client.get("/projects/export.xlsx", follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"].startswith("/login")
