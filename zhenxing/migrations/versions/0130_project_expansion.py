"""ux: a project may be the expansion or a later phase (扩建, 二期…) of another: projects.expansion_of_id

Revision ID: 0130_project_expansion
Revises: 0140_province
"""

import sqlalchemy as sa
from alembic import op

revision = "0130_project_expansion"
down_revision = "0140_province"
branch_labels = None
depends_on = None


FK = "fk_projects_expansion_of_id_projects"


def upgrade() -> None:
    # Not a batch migration: on SQLite that recreates projects and drops its cache and search triggers
    # (see 0080_scale). SQLite adds a column with its reference in place.
    if op.get_bind().dialect.name == "sqlite":
        op.execute(f"ALTER TABLE projects ADD COLUMN expansion_of_id INTEGER CONSTRAINT {FK} REFERENCES projects (id)")
        return
    op.add_column("projects", sa.Column("expansion_of_id", sa.Integer(), nullable=True))
    op.create_foreign_key(FK, "projects", "projects", ["expansion_of_id"], ["id"])


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("ALTER TABLE projects DROP COLUMN expansion_of_id")  # SQLite ≥ 3.35; keeps the triggers
        return
    op.drop_constraint(FK, "projects", type_="foreignkey")
    op.drop_column("projects", "expansion_of_id")
