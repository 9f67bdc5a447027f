"""supervision: escalations of supervised tasks (提醒, 催办, 督办 with its 督办单 number and reply, 通报)

Revision ID: 0160_supervision_escalations
Revises: 0150_dispatch_rules
"""

import sqlalchemy as sa
from alembic import op

revision = "0160_supervision_escalations"
down_revision = "0150_dispatch_rules"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "task_escalations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("task_id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=True),
        sa.Column("ref", sa.String(length=40), nullable=False),
        sa.Column("cause", sa.String(length=12), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("step_key", sa.String(length=40), nullable=False),
        sa.Column("step_label", sa.String(length=20), nullable=False),
        sa.Column("action", sa.String(length=12), nullable=False),
        sa.Column("audience", sa.String(length=60), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("reached_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("period", sa.String(length=7), nullable=False),
        sa.Column("number", sa.Integer(), nullable=True),
        sa.Column("reply_due", sa.Date(), nullable=True),
        sa.Column("reply", sa.Text(), nullable=False),
        sa.Column("replied_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("replied_by", sa.String(length=100), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["task_id"], ["tasks.id"], name=op.f("fk_task_escalations_task_id_tasks"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["unit_id"], ["units.id"], name=op.f("fk_task_escalations_unit_id_units")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_task_escalations")),
        sa.UniqueConstraint("task_id", "ref", "step_key", name="uq_task_escalations_task_ref_step"),
        sa.UniqueConstraint("year", "number", name="uq_task_escalations_year_number"),
    )
    with op.batch_alter_table("task_escalations", schema=None) as batch_op:
        batch_op.create_index("ix_task_escalations_action_reached", ["action", "reached_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_task_escalations_period"), ["period"], unique=False)
        batch_op.create_index(batch_op.f("ix_task_escalations_task_id"), ["task_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_task_escalations_unit_id"), ["unit_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("task_escalations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_task_escalations_unit_id"))
        batch_op.drop_index(batch_op.f("ix_task_escalations_task_id"))
        batch_op.drop_index(batch_op.f("ix_task_escalations_period"))
        batch_op.drop_index("ix_task_escalations_action_reached")
    op.drop_table("task_escalations")
