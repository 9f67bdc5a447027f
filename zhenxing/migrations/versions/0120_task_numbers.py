"""tasks: a task number is unique within its year (10 task drafts accepted at once once got duplicates)

Existing duplicates are renumbered first (the earliest task keeps its number, later ones get the year's next
numbers), then the plain (year, number) index becomes a unique one.

Revision ID: 0120_task_numbers
Revises: 0171_appeals_stamps
"""

import sqlalchemy as sa
from alembic import op

revision = "0120_task_numbers"
down_revision = "0171_appeals_stamps"
branch_labels = None
depends_on = None


def upgrade() -> None:
    connection = op.get_bind()
    rows = connection.execute(sa.text("SELECT id, year, number FROM tasks ORDER BY year, number, id")).all()
    highest: dict[int, int] = {}
    for _, year, number in rows:
        highest[year] = max(highest.get(year, 0), number or 0)
    seen: set[tuple[int, int]] = set()
    for task_id, year, number in rows:
        if (year, number) in seen:
            highest[year] += 1
            connection.execute(sa.text("UPDATE tasks SET number = :n WHERE id = :id"),
                               {"n": highest[year], "id": task_id})
            number = highest[year]
        seen.add((year, number))
    op.drop_index("ix_tasks_year_number", table_name="tasks")
    op.create_index("uq_tasks_year_number", "tasks", ["year", "number"], unique=True)


def downgrade() -> None:
    op.drop_index("uq_tasks_year_number", table_name="tasks")
    op.create_index("ix_tasks_year_number", "tasks", ["year", "number"])
