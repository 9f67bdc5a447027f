"""dispatch 1: league schemes become rules (league.region / league.unit per year, audited versions)

Each year's scheme kept in league_schemes is copied as version 1 of that year's rules, so leagues keep
being scored by the scheme the office set. league_schemes stays (read by nothing) so a downgrade loses
nothing; the downgrade removes the copied versions only.

Revision ID: 0150_dispatch_rules
Revises: 0050_supervision
"""

import sqlalchemy as sa
from alembic import op

revision = "0150_dispatch_rules"
down_revision = "0050_supervision"
branch_labels = None
depends_on = None

MIGRATED = "迁移自原评分办法"

league_schemes = sa.table("league_schemes", sa.column("subject_kind", sa.String), sa.column("year", sa.Integer),
                          sa.column("data", sa.JSON), sa.column("updated_at", sa.DateTime(timezone=True)))
rule_sets = sa.table("rule_sets", sa.column("kind", sa.String), sa.column("year", sa.Integer),
                     sa.column("version", sa.Integer), sa.column("name", sa.String), sa.column("data", sa.JSON),
                     sa.column("active", sa.Boolean), sa.column("created_by_id", sa.Integer),
                     sa.column("created_by_name", sa.String), sa.column("created_at", sa.DateTime(timezone=True)))


def upgrade() -> None:
    bind = op.get_bind()
    rows = bind.execute(sa.select(league_schemes.c.subject_kind, league_schemes.c.year, league_schemes.c.data,
                                  league_schemes.c.updated_at)).all()
    for subject_kind, year, data, updated_at in rows:
        kind = f"league.{subject_kind}"
        taken = bind.execute(sa.select(sa.func.max(rule_sets.c.version)).where(
            rule_sets.c.kind == kind, rule_sets.c.year == year)).scalar()
        if taken:
            continue  # the year already has rules of its own
        bind.execute(rule_sets.insert().values(kind=kind, year=year, version=1, name=MIGRATED, data=data,
                                               active=True, created_by_id=None, created_by_name="系统",
                                               created_at=updated_at))


def downgrade() -> None:
    op.execute(rule_sets.delete().where(rule_sets.c.kind.in_(["league.region", "league.unit"]),
                                        rule_sets.c.name == MIGRATED))
