"""project sort indexes: the list sorts by total/completed investment and last update;
the stage index is dropped because ix_projects_stage_total leads with stage.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22 11:42:36.518004
"""

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("projects", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_projects_stage"))
        batch_op.create_index(batch_op.f("ix_projects_completed_investment"), ["completed_investment"], unique=False)
        batch_op.create_index(batch_op.f("ix_projects_total_investment"), ["total_investment"], unique=False)
        batch_op.create_index(batch_op.f("ix_projects_updated_at"), ["updated_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("projects", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_projects_updated_at"))
        batch_op.drop_index(batch_op.f("ix_projects_total_investment"))
        batch_op.drop_index(batch_op.f("ix_projects_completed_investment"))
        batch_op.create_index(batch_op.f("ix_projects_stage"), ["stage"], unique=False)
