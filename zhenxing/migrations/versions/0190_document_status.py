"""documents: withdrawn (撤回) documents — a status, who withdrew it, when and why; the text's fingerprint is
unique among the documents in force only, so a withdrawn document's text can be imported again

Revision ID: 0190_document_status
Revises: 0200_scale_bigrams
"""

import sqlalchemy as sa
from alembic import op

revision = "0190_document_status"
down_revision = "0200_scale_bigrams"
branch_labels = None
depends_on = None

IN_FORCE = sa.text("status = 'active'")


def upgrade() -> None:
    with op.batch_alter_table("documents") as batch_op:
        batch_op.add_column(sa.Column("status", sa.String(length=12), nullable=False, server_default="active"))
        batch_op.add_column(sa.Column("withdrawn_by", sa.String(length=60), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("withdrawn_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("withdrawn_reason", sa.String(length=500), nullable=False, server_default=""))
        batch_op.drop_constraint("uq_documents_sha256", type_="unique")
    op.create_index("ix_documents_sha256", "documents", ["sha256"], unique=False)
    op.create_index("uq_documents_sha256_in_force", "documents", ["sha256"], unique=True,
                    sqlite_where=IN_FORCE, postgresql_where=IN_FORCE)


def downgrade() -> None:
    op.drop_index("uq_documents_sha256_in_force", table_name="documents")
    op.drop_index("ix_documents_sha256", table_name="documents")
    # a text imported again after its withdrawal: only the newest copy keeps the unique fingerprint
    op.execute("DELETE FROM documents WHERE status = 'withdrawn' AND sha256 IN "
               "(SELECT sha256 FROM documents WHERE status = 'active')")
    with op.batch_alter_table("documents") as batch_op:
        batch_op.create_unique_constraint("uq_documents_sha256", ["sha256"])
        batch_op.drop_column("withdrawn_reason")
        batch_op.drop_column("withdrawn_at")
        batch_op.drop_column("withdrawn_by")
        batch_op.drop_column("status")
