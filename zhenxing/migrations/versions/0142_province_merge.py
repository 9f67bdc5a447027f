"""merge: 0141_province_2 and 0151_dispatch_meetings landed side by side on 0130 — one head again

Revision ID: 0142_province_merge
Revises: 0141_province_2, 0151_dispatch_meetings
"""

revision = "0142_province_merge"
down_revision = ("0141_province_2", "0151_dispatch_meetings")
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
