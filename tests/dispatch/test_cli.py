"""`zhenxing lights compute`, `zhenxing reports import`, `zhenxing dispatch pack` on a fresh SQLite file."""

from datetime import date

from openpyxl import load_workbook

from tests.factories import make_world
from tests.test_cli import database, run  # noqa: F401 - the fixture
from zhenxing.auth.policy import Scope
from zhenxing.db import make_sessionmaker
from zhenxing.dispatch import report_import
from zhenxing.projects import plans


def test_lights_reports_and_pack_from_the_command_line(database, tmp_path):  # noqa: F811
    assert run("init").exit_code == 0
    everything = Scope("office", everything=True)
    with make_sessionmaker(database)() as session:
        world = make_world(session)
        from tests.factories import make_project

        project = make_project(session, region_id=world.linghai.id, name="凌海物流园")
        plans.set_plan(session=session, actor=None, scope=everything, project=project, year=2025,
                       planned_investment=1200, today=date(2025, 1, 5))
        template = tmp_path / "模板.xlsx"
        session.commit()
        report_import.write_template(session=session, user=world.county, scope=everything, period="2025-07",
                                     target=template)
    book = load_workbook(template)
    sheet = book.active
    header = [cell.value for cell in sheet[2]]
    sheet.cell(3, header.index("本月完成投资(万元)") + 1).value = 600
    filled = tmp_path / "月报.xlsx"
    book.save(filled)
    imported = run("reports", "import", str(filled), "--user", "linghai", "--period", "2025-07")
    assert imported.exit_code == 0, imported.output
    assert "导入完成：2025-07 新填 1 个" in imported.output
    lights = run("lights", "compute", "--period", "2025-07")
    assert lights.exit_code == 0 and "红灯 0、黄灯 0、绿灯 1" in lights.output, lights.output
    out = tmp_path / "材料"
    packed = run("dispatch", "pack", "--period", "2025-07", "--out", str(out))
    assert packed.exit_code == 0, packed.output
    assert sorted(p.name for p in out.iterdir()) == ["2025年7月调度会附表.xlsx", "2025年7月重点项目推进情况通报.docx"]
    refused = run("reports", "import", str(filled), "--user", "nobody")
    assert refused.exit_code == 1 and "没有用户" in refused.output
