"""supervision: tracked targets (trajectory, readings by basis, benchmarks) and supervised tasks (partner units,
responsible leader, deadline date or 长期, milestones, source, progress reports, evidence files, 销号)

Existing tasks migrate: their partner units (text) become references to units, their leader (text) a
reference to a person, their deadline phrase a date or the 长期 flag; names that match nothing are kept in
`unresolved`; a task marked 已完成 becomes 已销号 (with a confirmed 销号 record saying so), one marked 推进中 or
滞后 is marked started. A target's hand-typed status gives way to the status derived from its readings; the
old value is written to the audit trail. Nothing is lost.

Revision ID: 0050_supervision
Revises: 0060_appeals
"""

import re
from datetime import UTC, date, datetime

import sqlalchemy as sa
from alembic import op

revision = "0050_supervision"
down_revision = "0060_appeals"
branch_labels = None
depends_on = None

MIGRATOR = "数据迁移"
SHORT_NAMES = {"发改委": "发展改革委", "工信局": "工业和信息化局", "人社局": "人力资源社会保障局",
               "住建局": "住房城乡建设局", "卫健委": "卫生健康委", "文旅局": "文化旅游和广播电视局",
               "营商局": "营商环境建设局"}
NAME_SPLIT = re.compile(r"[、，,；;/\s]+|(?<=[局委办院部室队厅处所站])(?:和|及|与)")


def _create_tables() -> None:
    op.create_table(
        "benchmarks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("indicator", sa.String(length=200), nullable=False),
        sa.Column("period", sa.String(length=7), nullable=False),
        sa.Column("level", sa.String(length=12), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("basis", sa.String(length=8), nullable=False),
        sa.Column("value", sa.Numeric(precision=20, scale=4), nullable=False),
        sa.Column("unit", sa.String(length=20), nullable=False),
        sa.Column("source", sa.String(length=12), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_benchmarks")),
        sa.UniqueConstraint("indicator", "period", "level", "kind", "basis", name="uq_benchmarks_figure"),
    )
    with op.batch_alter_table("benchmarks", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_benchmarks_indicator"), ["indicator"], unique=False)
    op.create_table(
        "task_closures",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("task_id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("requested_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("requested_by", sa.String(length=100), nullable=False),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("decided_by", sa.String(length=100), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["task_id"], ["tasks.id"], name=op.f("fk_task_closures_task_id_tasks"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["unit_id"], ["units.id"], name=op.f("fk_task_closures_unit_id_units")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_task_closures")),
    )
    with op.batch_alter_table("task_closures", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_task_closures_task_id"), ["task_id"], unique=False)
        batch_op.create_index("uq_task_closures_pending", ["task_id"], unique=True,
                              sqlite_where=sa.text("status = 'pending'"),
                              postgresql_where=sa.text("status = 'pending'"))
    op.create_table(
        "task_milestones",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("task_id", sa.Integer(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("content", sa.String(length=500), nullable=False),
        sa.Column("done_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(["task_id"], ["tasks.id"], name=op.f("fk_task_milestones_task_id_tasks"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_task_milestones")),
    )
    with op.batch_alter_table("task_milestones", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_task_milestones_task_id"), ["task_id"], unique=False)
    op.create_table(
        "task_partners",
        sa.Column("task_id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["task_id"], ["tasks.id"], name=op.f("fk_task_partners_task_id_tasks"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["unit_id"], ["units.id"], name=op.f("fk_task_partners_unit_id_units")),
        sa.PrimaryKeyConstraint("task_id", "unit_id", name=op.f("pk_task_partners")),
    )
    with op.batch_alter_table("task_partners", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_task_partners_unit_id"), ["unit_id"], unique=False)
    op.create_table(
        "task_reports",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("task_id", sa.Integer(), nullable=False),
        sa.Column("period", sa.String(length=7), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("progress", sa.Text(), nullable=False),
        sa.Column("percent", sa.Integer(), nullable=True),
        sa.Column("next_steps", sa.Text(), nullable=False),
        sa.Column("reported_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("reported_by", sa.String(length=100), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["task_id"], ["tasks.id"], name=op.f("fk_task_reports_task_id_tasks"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["unit_id"], ["units.id"], name=op.f("fk_task_reports_unit_id_units")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_task_reports")),
        sa.UniqueConstraint("task_id", "period", "unit_id", name="uq_task_reports_task_period_unit"),
    )
    with op.batch_alter_table("task_reports", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_task_reports_period"), ["period"], unique=False)
        batch_op.create_index(batch_op.f("ix_task_reports_task_id"), ["task_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_task_reports_unit_id"), ["unit_id"], unique=False)
    op.create_table(
        "task_files",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("task_id", sa.Integer(), nullable=False),
        sa.Column("report_id", sa.Integer(), nullable=True),
        sa.Column("closure_id", sa.Integer(), nullable=True),
        sa.Column("filename", sa.String(length=200), nullable=False),
        sa.Column("content_type", sa.String(length=100), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("uploaded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("uploaded_by", sa.String(length=100), nullable=False),
        sa.ForeignKeyConstraint(["closure_id"], ["task_closures.id"],
                                name=op.f("fk_task_files_closure_id_task_closures"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["report_id"], ["task_reports.id"],
                                name=op.f("fk_task_files_report_id_task_reports"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["task_id"], ["tasks.id"], name=op.f("fk_task_files_task_id_tasks"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_task_files")),
    )
    with op.batch_alter_table("task_files", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_task_files_closure_id"), ["closure_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_task_files_report_id"), ["report_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_task_files_task_id"), ["task_id"], unique=False)


def _alter_figures() -> None:
    with op.batch_alter_table("readings", schema=None) as batch_op:
        batch_op.add_column(sa.Column("basis", sa.String(length=8), nullable=True))
        batch_op.add_column(sa.Column("source", sa.String(length=12), nullable=False, server_default="document"))
        batch_op.add_column(sa.Column("updated_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.create_unique_constraint("uq_readings_figure", ["indicator", "region_id", "period", "kind", "basis"])
    with op.batch_alter_table("readings", schema=None) as batch_op:
        batch_op.alter_column("source", server_default=None)
    _record_target_statuses()
    with op.batch_alter_table("targets", schema=None) as batch_op:
        batch_op.add_column(sa.Column("start_value", sa.Numeric(precision=20, scale=4), nullable=True))
        batch_op.add_column(sa.Column("path", sa.String(length=12), nullable=True))
        batch_op.add_column(sa.Column("profile", sa.String(length=60), nullable=False, server_default=""))
        batch_op.drop_index(batch_op.f("ix_targets_status"))
        batch_op.drop_column("status")
    with op.batch_alter_table("targets", schema=None) as batch_op:
        batch_op.alter_column("profile", server_default=None)


def _audit(connection, entity: str, entity_id: int, summary: str, changes: dict) -> None:
    import json

    connection.execute(sa.text(
        "INSERT INTO audit_events (at, actor_id, actor_name, action, entity, entity_id, summary, changes) "
        "VALUES (:at, NULL, :actor, 'update', :entity, :entity_id, :summary, :changes)"),
        {"at": datetime.now(UTC), "actor": MIGRATOR, "entity": entity, "entity_id": entity_id, "summary": summary,
         "changes": json.dumps(changes, ensure_ascii=False)})


def _record_target_statuses() -> None:
    """The office's hand-typed 已完成/未完成 marks, kept in the audit trail before the column goes."""
    connection = op.get_bind()
    labels = {"met": "已完成", "missed": "未完成"}
    rows = connection.execute(sa.text("SELECT id, indicator, year, status FROM targets WHERE status != 'open'"))
    for target_id, indicator, year, status in rows.all():
        _audit(connection, "target", target_id, f"迁移：目标 {indicator}（{year}）的状态改由实绩自动得出，"
               f"原手工标记为“{labels.get(status, status)}”", {"status": [status, None]})


def upgrade() -> None:
    _create_tables()
    _alter_figures()
    connection = op.get_bind()
    old = connection.execute(sa.text(
        "SELECT id, year, partner_units, leader, deadline, status, document_id, created_at FROM tasks")).all()
    with op.batch_alter_table("tasks", schema=None) as batch_op:
        batch_op.add_column(sa.Column("leader_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("due_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("long_term", sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column("source", sa.String(length=12), nullable=False, server_default="manual"))
        batch_op.add_column(sa.Column("source_ref", sa.String(length=200), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("unresolved", sa.Text(), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("started_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.drop_index(batch_op.f("ix_tasks_status"))
        batch_op.create_index(batch_op.f("ix_tasks_due_on"), ["due_on"], unique=False)
        batch_op.create_index(batch_op.f("ix_tasks_leader_id"), ["leader_id"], unique=False)
        batch_op.create_foreign_key(batch_op.f("fk_tasks_leader_id_people"), "people", ["leader_id"], ["id"])
    with op.batch_alter_table("tasks", schema=None) as batch_op:
        for name in ("long_term", "source", "source_ref", "unresolved"):
            batch_op.alter_column(name, server_default=None)
        batch_op.drop_column("leader")
        batch_op.drop_column("partner_units")
        batch_op.drop_column("status")
    # After the last rebuild of `tasks`: on SQLite a rebuild drops the old table, and with foreign keys on
    # that would cascade to rows already pointing at it.
    for row in old:
        _migrate_task(connection, row)


# --- the data migration of one task ------------------------------------------------------------------


def _match_unit(name: str, units: dict[str, int]) -> int | None:
    name = SHORT_NAMES.get(name.removeprefix("市"), name)
    for candidate in (name, f"市{name}", name.removeprefix("市")):
        if candidate in units:
            return units[candidate]
    core = name.removeprefix("市")
    found = [unit for unit in sorted(units) if core and core in unit]
    return units[found[0]] if len(found) == 1 else None


def _match_person(text: str, people: list[tuple[int, str, str]]) -> int | None:
    exact = [pid for pid, name, title in people if text in (name, f"{name}{title}", f"{name}（{title}）")]
    found = exact or [pid for pid, name, _title in people if len(name) >= 2 and text.startswith(name)]
    return found[0] if len(found) == 1 else None


def _deadline(text: str, year: int) -> tuple[date | None, bool]:
    from zhenxing.deadlines import parse_deadline

    try:
        found = parse_deadline(text or "", year)
    except Exception:  # noqa: BLE001 - an unreadable phrase stays as written, without a date
        return None, False
    return found.on, found.long_term


def _migrate_task(connection, row) -> None:
    task_id, year, partner_text, leader_text, deadline, status, document_id, created_at = row
    units = dict(connection.execute(sa.text("SELECT name, id FROM units")).all())
    people = [tuple(r) for r in connection.execute(sa.text("SELECT id, name, title FROM people")).all()]
    notes, partners = [], []
    missing = []
    for name in (part.strip() for part in NAME_SPLIT.split(partner_text or "") if part.strip()):
        unit_id = _match_unit(name, units)
        (partners.append(unit_id) if unit_id and unit_id not in partners else missing.append(name))
    if missing:
        notes.append(f"配合单位（未匹配）：{'、'.join(missing)}")
    leader_id = _match_person(leader_text.strip(), people) if (leader_text or "").strip() else None
    if (leader_text or "").strip() and leader_id is None:
        notes.append(f"责任领导（未匹配）：{leader_text.strip()}")
    if status == "late":
        notes.append("迁移前手工标记为“滞后”")
    due_on, long_term = _deadline(deadline, year)
    started = created_at if status in ("in_progress", "late", "done") else None
    started_on = _as_date(started)
    connection.execute(sa.text(
        "UPDATE tasks SET leader_id = :leader, due_on = :due, long_term = :long_term, source = :source, "
        "unresolved = :notes, started_on = :started, closed_at = :closed WHERE id = :id"),
        {"leader": leader_id, "due": due_on, "long_term": long_term, "notes": "；".join(notes),
         "source": "document" if document_id else "manual", "started": started_on,
         "closed": datetime.now(UTC) if status == "done" else None, "id": task_id})
    for unit_id in partners:
        connection.execute(sa.text("INSERT INTO task_partners (task_id, unit_id) VALUES (:t, :u)"),
                           {"t": task_id, "u": unit_id})
    if status == "done":
        now = datetime.now(UTC)
        connection.execute(sa.text(
            "INSERT INTO task_closures (task_id, unit_id, note, status, requested_at, requested_by, decided_at, "
            "decided_by, reason) VALUES (:t, NULL, :note, 'confirmed', :now, :who, :now, :who, '')"),
            {"t": task_id, "note": "迁移前已标记为“已完成”", "now": now, "who": MIGRATOR})
    if notes or status != "pending":
        _audit(connection, "task", task_id, f"迁移：任务 {year} 年第 {task_id} 号改为督办字段",
               {"status": [status, None], "unresolved": [None, "；".join(notes) or None]})


def _as_date(value) -> date | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


# --- down ---------------------------------------------------------------------------------------------


def downgrade() -> None:
    connection = op.get_bind()
    rows = connection.execute(sa.text("SELECT id, leader_id, started_on, closed_at FROM tasks")).all()
    restored = []
    for task_id, leader_id, started_on, closed_at in rows:  # read before any rebuild of `tasks` (see upgrade)
        names = connection.execute(sa.text(
            "SELECT units.name FROM task_partners JOIN units ON units.id = task_partners.unit_id "
            "WHERE task_partners.task_id = :t ORDER BY units.id"), {"t": task_id}).scalars().all()
        leader = connection.execute(sa.text("SELECT name FROM people WHERE id = :p"),
                                    {"p": leader_id}).scalar() if leader_id else ""
        status = "done" if closed_at else ("in_progress" if started_on else "pending")
        restored.append({"s": status, "p": "、".join(names)[:500], "l": leader or "", "t": task_id})
    with op.batch_alter_table("tasks", schema=None) as batch_op:
        batch_op.add_column(sa.Column("status", sa.String(length=12), nullable=False, server_default="pending"))
        batch_op.add_column(sa.Column("partner_units", sa.String(length=500), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("leader", sa.String(length=100), nullable=False, server_default=""))
    with op.batch_alter_table("tasks", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_tasks_leader_id_people"), type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_tasks_leader_id"))
        batch_op.drop_index(batch_op.f("ix_tasks_due_on"))
        batch_op.create_index(batch_op.f("ix_tasks_status"), ["status"], unique=False)
        for name in ("closed_at", "started_on", "unresolved", "source_ref", "source", "long_term", "due_on",
                     "leader_id"):
            batch_op.drop_column(name)
    for values in restored:
        connection.execute(sa.text("UPDATE tasks SET status = :s, partner_units = :p, leader = :l WHERE id = :t"),
                           values)
    with op.batch_alter_table("targets", schema=None) as batch_op:
        batch_op.add_column(sa.Column("status", sa.String(length=12), nullable=False, server_default="open"))
        batch_op.create_index(batch_op.f("ix_targets_status"), ["status"], unique=False)
        batch_op.drop_column("profile")
        batch_op.drop_column("path")
        batch_op.drop_column("start_value")
    with op.batch_alter_table("readings", schema=None) as batch_op:
        batch_op.drop_constraint("uq_readings_figure", type_="unique")
        batch_op.drop_column("updated_at")
        batch_op.drop_column("source")
        batch_op.drop_column("basis")
    for table in ("task_files", "task_reports", "task_partners", "task_milestones", "task_closures", "benchmarks"):
        op.drop_table(table)
