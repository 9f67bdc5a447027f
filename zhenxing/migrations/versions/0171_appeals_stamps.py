"""appeals: a cache stamp for the category catalogue (the intake reads the catalogue once per change, not
once per appeal)

Revision ID: 0171_appeals_stamps
Revises: 0142_province_merge
"""

import secrets

import sqlalchemy as sa
from alembic import op

revision = "0171_appeals_stamps"
down_revision = "0142_province_merge"
branch_labels = None
depends_on = None

STAMPED = {"appeal_categories": "appeals"}


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
    for table, name in STAMPED.items():
        for statement in _restamp_triggers(dialect, table, name):
            op.execute(statement)
    op.execute(sa.text("INSERT INTO cache_stamps (name, stamp) VALUES ('appeals', :stamp)")
               .bindparams(stamp=secrets.randbits(63)))


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    for table in STAMPED:
        if dialect == "postgresql":
            op.execute(f"DROP TRIGGER IF EXISTS zx_restamp_{table} ON {table}")
        else:
            for event in ("insert", "update", "delete"):
                op.execute(f"DROP TRIGGER IF EXISTS zx_restamp_{table}_{event}")
    op.execute("DELETE FROM cache_stamps WHERE name = 'appeals'")
