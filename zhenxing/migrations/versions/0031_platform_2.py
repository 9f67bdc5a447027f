"""merge: the platform's tables (0030_platform) and the scale helper's (0080_scale) landed from the same parent

Revision ID: 0031_platform_2
Revises: 0030_platform, 0080_scale
"""

revision = "0031_platform_2"
down_revision = ("0030_platform", "0080_scale")
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
