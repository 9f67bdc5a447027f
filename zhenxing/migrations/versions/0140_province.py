"""province: dispatch figures at province scale — a cache stamp for the dispatch tables, and the indexes the
leader's screen and the lights need (measured by bench/province.py: 30,000 projects, 36 months)

- the "dispatch" cache stamp, replaced by a trigger on every write to progress_reports, annual_plans and
  project_lights (as 0080 did for the ledger): the 驾驶舱's aggregates are computed once per stamps and reused
  by every request, on every worker, until one of those tables changes;
- light_escalations (status, period, id): the open 督办 items, newest period first, without sorting them all;
- progress_reports (period, project_id, completed_investment): the year's completed investment read from the
  index alone (it replaces the index on period alone, its prefix);
- project_lights (period, project_id, light): a period's lights by county read from the index alone.

Revision ID: 0140_province
Revises: 0170_appeals_warnings
"""

import sqlalchemy as sa
from alembic import op

revision = "0140_province"
down_revision = "0170_appeals_warnings"
branch_labels = None
depends_on = None

STAMPED = {"progress_reports": "dispatch", "annual_plans": "dispatch", "project_lights": "dispatch"}
INDEXES = {
    "light_escalations": ("ix_light_escalations_status_period", ["status", "period", "id"]),
    "progress_reports": ("ix_progress_reports_period_project_amount",
                         ["period", "project_id", "completed_investment"]),
    "project_lights": ("ix_project_lights_period_project_light", ["period", "project_id", "light"]),
}


def _restamp_triggers(dialect: str, table: str, name: str) -> list[str]:
    """As in 0080 (zx_restamp() exists on PostgreSQL since then)."""
    if dialect == "postgresql":
        return [f"CREATE TRIGGER zx_restamp_{table} AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON {table} "
                f"FOR EACH STATEMENT EXECUTE FUNCTION zx_restamp('{name}')"]
    upsert = (f"INSERT INTO cache_stamps (name, stamp) VALUES ('{name}', random()) "
              "ON CONFLICT (name) DO UPDATE SET stamp = excluded.stamp;")
    return [f"CREATE TRIGGER zx_restamp_{table}_{event.lower()} AFTER {event} ON {table} BEGIN {upsert} END"
            for event in ("INSERT", "UPDATE", "DELETE")]


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    for table, (name, columns) in INDEXES.items():
        op.create_index(name, table, columns)
    op.drop_index("ix_progress_reports_period", table_name="progress_reports")
    for table, name in STAMPED.items():
        for statement in _restamp_triggers(dialect, table, name):
            op.execute(statement)
    import secrets

    op.execute(sa.text("INSERT INTO cache_stamps (name, stamp) VALUES ('dispatch', :stamp)")
               .bindparams(stamp=secrets.randbits(63)))


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    for table in STAMPED:
        if dialect == "postgresql":
            op.execute(f"DROP TRIGGER IF EXISTS zx_restamp_{table} ON {table}")
        else:
            for event in ("insert", "update", "delete"):
                op.execute(f"DROP TRIGGER IF EXISTS zx_restamp_{table}_{event}")
    op.execute("DELETE FROM cache_stamps WHERE name = 'dispatch'")
    op.create_index("ix_progress_reports_period", "progress_reports", ["period"])
    for table, (name, _columns) in INDEXES.items():
        op.drop_index(name, table_name=table)
