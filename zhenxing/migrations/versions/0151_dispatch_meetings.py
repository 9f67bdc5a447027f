"""dispatch 2: meeting decisions become tasks or problems followed to 销号; a held meeting keeps its agenda

- meeting_decisions.kind ('task' followed as itself, 'problem' followed through the problem it created),
  problem_id, resolution (how the unit did it), resolved_on;
- dispatch_meetings.agenda: the agenda as it stood when the meeting was held (JSON), so the record and the
  pack of a past meeting do not change with later data.

Revision ID: 0151_dispatch_meetings
Revises: 0130_project_expansion
"""

import sqlalchemy as sa
from alembic import op

revision = "0151_dispatch_meetings"
down_revision = "0130_project_expansion"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("meeting_decisions") as batch_op:
        batch_op.add_column(sa.Column("kind", sa.String(length=8), nullable=False, server_default="task"))
        batch_op.add_column(sa.Column("problem_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("resolution", sa.String(length=1000), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("resolved_on", sa.Date(), nullable=True))
        batch_op.create_foreign_key(batch_op.f("fk_meeting_decisions_problem_id_problems"), "problems",
                                    ["problem_id"], ["id"])
    with op.batch_alter_table("dispatch_meetings") as batch_op:
        batch_op.add_column(sa.Column("agenda", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("dispatch_meetings") as batch_op:
        batch_op.drop_column("agenda")
    with op.batch_alter_table("meeting_decisions") as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_meeting_decisions_problem_id_problems"), type_="foreignkey")
        batch_op.drop_column("resolved_on")
        batch_op.drop_column("resolution")
        batch_op.drop_column("problem_id")
        batch_op.drop_column("kind")
