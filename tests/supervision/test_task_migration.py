"""Existing tasks migrate to the supervision fields, nothing lost: partners and leaders become references,
deadline phrases dates or 长期, unmatched names are kept, 已完成 becomes 已销号; and back down again."""

from datetime import date

from alembic import command
from sqlalchemy import text

from zhenxing.db import alembic_config, make_engine, migrate

BEFORE = "0060_appeals"
AFTER = "0050_supervision"


def _seed(connection) -> None:
    connection.execute(text("INSERT INTO units (id, name) VALUES "
                            "(1, '市发展改革委'), (2, '市财政局'), (3, '市交通运输局')"))
    connection.execute(text("INSERT INTO people (id, name, title) VALUES (1, '王振国', '副市长')"))
    rows = [
        (1, "推进东湖项目", "市财政局、交通运输局", "王振国副市长", "6月底前", "in_progress"),
        (2, "完善营商环境", "发改委及各县区", "某某", "长期坚持", "pending"),
        (3, "建成口袋公园", "", "", "年底前", "done"),
        (4, "整治河道", "市农业农村局", "", "尽快", "late"),
    ]
    for task_id, content, partners, leader, deadline, status in rows:
        connection.execute(text(
            "INSERT INTO tasks (id, year, number, content, section, lead_unit_id, partner_units, leader, deadline, "
            "status, region_id, document_id, created_at) VALUES (:id, 2025, :id, :content, '', 1, :partners, "
            ":leader, :deadline, :status, NULL, NULL, '2025-02-01 08:00:00')"),
            {"id": task_id, "content": content, "partners": partners, "leader": leader, "deadline": deadline,
             "status": status})
    connection.execute(text(
        "INSERT INTO targets (id, indicator, written, value, unit, kind, comparator, year, status, quote, created_at) "
        "VALUES (1, '地区生产总值', '地区生产总值', 6, '%', 'increase', '~', 2025, 'met', '', '2025-02-01')"))


def test_existing_tasks_and_targets_migrate_and_come_back(tmp_path):
    url = f"sqlite:///{tmp_path / 'old.db'}"
    migrate(url, BEFORE)
    engine = make_engine(url)
    with engine.begin() as connection:
        _seed(connection)
    migrate(url, AFTER)
    with engine.connect() as connection:
        tasks = {row.id: row for row in connection.execute(text("SELECT * FROM tasks ORDER BY id"))}
        partners = connection.execute(text("SELECT task_id, unit_id FROM task_partners ORDER BY 1, 2")).all()
        closures = connection.execute(text("SELECT task_id, status, note FROM task_closures")).all()
        audit = connection.execute(text("SELECT entity, entity_id, summary FROM audit_events")).all()
    assert partners == [(1, 2), (1, 3), (2, 1)]
    assert tasks[1].leader_id == 1 and str(tasks[1].due_on) == "2025-06-30" and str(tasks[1].started_on) == "2025-02-01"
    assert tasks[2].long_term and tasks[2].due_on is None and tasks[2].leader_id is None
    assert tasks[2].unresolved == "配合单位（未匹配）：各县区；责任领导（未匹配）：某某"
    assert str(tasks[3].due_on) == "2025-12-31" and tasks[3].closed_at is not None
    assert closures == [(3, "confirmed", "迁移前已标记为“已完成”")]
    assert tasks[4].due_on is None and tasks[4].deadline == "尽快"  # the phrase stays, for the office to date
    assert "市农业农村局" in tasks[4].unresolved and "滞后" in tasks[4].unresolved
    assert all(row.source == "manual" for row in tasks.values())
    assert ("target", 1) in {(e, i) for e, i, _ in audit}
    assert any("原手工标记为“已完成”" in summary for _, _, summary in audit)
    command.downgrade(alembic_config(url), BEFORE)
    with engine.connect() as connection:
        back = {row.id: row for row in connection.execute(text("SELECT * FROM tasks ORDER BY id"))}
    assert back[1].partner_units == "市财政局、市交通运输局" and back[1].leader == "王振国"
    assert (back[1].status, back[2].status, back[3].status) == ("in_progress", "pending", "done")
    engine.dispose()
    assert date.today()  # (the migration writes today's time as the 销号 time of migrated done tasks)
