"""Pure packages import neither SQLAlchemy nor FastAPI (checked in a fresh interpreter)."""

import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "zhenxing"
FORBIDDEN = ("sqlalchemy", "fastapi", "starlette")
PURE = ["zhenxing.projects.stages", "zhenxing.projects.phases", "zhenxing.auth.policy", "zhenxing.league.schemes",
        "zhenxing.league.engine",
        "zhenxing.league.registry", "zhenxing.periods", "zhenxing.workdays", "zhenxing.deadlines",
        "zhenxing.followup.ladder", "zhenxing.labels", "zhenxing.projects.forms", "zhenxing.rules.registry",
        "zhenxing.todo.registry", "zhenxing.messages", "zhenxing.registry", "zhenxing.targets.trajectory",
        "zhenxing.targets.wording", "zhenxing.targets.statsheet", "zhenxing.targets.charts",
        "zhenxing.supervision.states", "zhenxing.supervision.reporting", "zhenxing.supervision.files",
        "zhenxing.text", "zhenxing.patterns", "zhenxing.files", "zhenxing.outputs", "zhenxing.outputs.pdf",
        "zhenxing.documents.rejudge"] + [
    f"zhenxing.appeals.{name}" for name in (
        "machine", "ratings", "timerules", "masking", "suggest", "duplicates", "scoring", "tally",
        "open311_format")] + sorted(
    "zhenxing.documents.extraction." + path.stem
    for path in (PACKAGE / "documents" / "extraction").glob("*.py")
    if path.stem != "__init__"
)


def imported_by(module: str) -> list[str]:
    probe = (
        "import importlib, sys\n"
        f"importlib.import_module({module!r})\n"
        f"print(' '.join(sorted(m for m in sys.modules if m.split('.')[0] in {FORBIDDEN!r})))"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=False,
                            cwd=PACKAGE.parent)
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


@pytest.mark.parametrize("module", PURE)
def test_pure_modules_import_no_database_or_web_code(module):
    assert imported_by(module) == []


def test_the_probe_would_notice_a_forbidden_import():
    assert "sqlalchemy" in imported_by("zhenxing.db")
