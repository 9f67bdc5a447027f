"""province 2: projects (started_on) — the month's new starts on the 驾驶舱 without reading every project

Revision ID: 0141_province_2
Revises: 0130_project_expansion
"""

from alembic import op

revision = "0141_province_2"
down_revision = "0130_project_expansion"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_projects_started_on", "projects", ["started_on"])


def downgrade() -> None:
    op.drop_index("ix_projects_started_on", table_name="projects")
