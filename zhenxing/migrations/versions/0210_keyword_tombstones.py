"""tasks: a default keyword row the office deleted is kept as a tombstone (removed), so that merging the engine's
newer default rows into an installation's table (zhenxing.tasks.keywords.sync_defaults) never brings it back

Revision ID: 0210_keyword_tombstones
Revises: 0190_document_status
"""

import sqlalchemy as sa
from alembic import op

revision = "0210_keyword_tombstones"
down_revision = "0190_document_status"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("keyword_units") as batch_op:
        batch_op.add_column(sa.Column("removed", sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    op.execute("DELETE FROM keyword_units WHERE removed")
    with op.batch_alter_table("keyword_units") as batch_op:
        batch_op.drop_column("removed")
