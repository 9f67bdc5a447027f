"""appeals: the 办结 deadline the sweep last warned about (即将到期 warnings given once per deadline)

Revision ID: 0170_appeals_warnings
Revises: 0110_logins
"""

import sqlalchemy as sa
from alembic import op

revision = "0170_appeals_warnings"
down_revision = "0110_logins"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("appeals") as batch:
        batch.add_column(sa.Column("warned_due", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("appeals") as batch:
        batch.drop_column("warned_due")
