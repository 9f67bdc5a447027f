"""docs: document dates, draft confidence, learnt keyword weights, stance examples (issue 11)

- documents.dated / date_source: the date the text was written (given or read from it) and where from;
- drafts.confidence: how sure the engine is (0–1), indexed with status for the review queue's order;
  existing drafts take it from their payload where one was recorded;
- keyword_units.weight / source: a reviewer's accepted lead-unit correction adds or strengthens a row;
- stance_examples: reviewers' stance corrections kept as this installation's examples.

Revision ID: 0070_docs
Revises: 0031_platform_2
"""

import sqlalchemy as sa
from alembic import op

revision = "0070_docs"
down_revision = "0031_platform_2"
branch_labels = None
depends_on = None

_PROJECT_CONFIDENCE = {"high": 0.85, "low": 0.4}


def upgrade() -> None:
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.add_column(sa.Column("dated", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("date_source", sa.String(length=12), nullable=False, server_default=""))
    with op.batch_alter_table("drafts", schema=None) as batch_op:
        batch_op.add_column(sa.Column("confidence", sa.Float(), nullable=True))
        batch_op.create_index("ix_drafts_status_confidence", ["status", "confidence"], unique=False)
    with op.batch_alter_table("keyword_units", schema=None) as batch_op:
        batch_op.add_column(sa.Column("weight", sa.Integer(), nullable=False, server_default="1"))
        batch_op.add_column(sa.Column("source", sa.String(length=12), nullable=False, server_default="default"))
    op.create_table(
        "stance_examples",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=True),
        sa.Column("draft_id", sa.Integer(), nullable=True),
        sa.Column("quote", sa.Text(), nullable=False),
        sa.Column("sentence", sa.Text(), nullable=False),
        sa.Column("indicator", sa.String(length=200), nullable=False),
        sa.Column("value", sa.Numeric(precision=20, scale=4), nullable=False),
        sa.Column("unit", sa.String(length=20), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("comparator", sa.String(length=4), nullable=False),
        sa.Column("engine_stance", sa.String(length=8), nullable=False),
        sa.Column("stance", sa.String(length=8), nullable=False),
        sa.Column("created_by", sa.String(length=60), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"],
                                name=op.f("fk_stance_examples_document_id_documents"), ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["draft_id"], ["drafts.id"], name=op.f("fk_stance_examples_draft_id_drafts"),
                                ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stance_examples")),
    )
    with op.batch_alter_table("stance_examples", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_stance_examples_document_id"), ["document_id"], unique=False)
    _fill_confidence()


def _fill_confidence() -> None:
    """Drafts made before: the confidence their payload recorded (a project's high/low as a figure)."""
    drafts = sa.table("drafts", sa.column("id", sa.Integer), sa.column("payload", sa.JSON),
                      sa.column("confidence", sa.Float))
    connection = op.get_bind()
    for draft_id, payload in connection.execute(sa.select(drafts.c.id, drafts.c.payload)).all():
        found = (payload or {}).get("confidence")
        value = _PROJECT_CONFIDENCE.get(found) if isinstance(found, str) else found
        if isinstance(value, int | float):
            connection.execute(drafts.update().where(drafts.c.id == draft_id).values(confidence=float(value)))


def downgrade() -> None:
    with op.batch_alter_table("stance_examples", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_stance_examples_document_id"))
    op.drop_table("stance_examples")
    with op.batch_alter_table("keyword_units", schema=None) as batch_op:
        batch_op.drop_column("source")
        batch_op.drop_column("weight")
    with op.batch_alter_table("drafts", schema=None) as batch_op:
        batch_op.drop_index("ix_drafts_status_confidence")
        batch_op.drop_column("confidence")
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.drop_column("date_source")
        batch_op.drop_column("dated")
