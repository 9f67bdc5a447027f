"""scale 2: a user's latest audit event by index (read-your-own-writes when lists read a replica)

Revision ID: 0081_scale_2
Revises: 0070_docs
"""

from alembic import op

revision = "0081_scale_2"
down_revision = "0070_docs"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("audit_events") as batch_op:
        batch_op.create_index("ix_audit_events_actor_at", ["actor_id", "at"])


def downgrade() -> None:
    with op.batch_alter_table("audit_events") as batch_op:
        batch_op.drop_index("ix_audit_events_actor_at")
