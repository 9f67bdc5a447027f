"""The extraction engine is pure: importing it pulls in neither SQLAlchemy nor FastAPI."""

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
EXTRACTION = REPO / "zhenxing" / "documents" / "extraction"
MODULES = sorted("zhenxing.documents.extraction." + p.stem for p in EXTRACTION.glob("*.py") if p.stem != "__init__")
PROBE = """
import importlib, sys
for name in sys.argv[1:]:
    importlib.import_module(name)
print(" ".join(sorted(m for m in sys.modules if m.split(".")[0] in ("sqlalchemy", "fastapi", "starlette"))))
"""


def test_importing_every_extraction_module_imports_no_database_or_web_code():
    modules = ["zhenxing.documents.extraction", "zhenxing.documents.reader", *MODULES]
    result = subprocess.run([sys.executable, "-c", PROBE, *modules], capture_output=True, text=True,
                            cwd=REPO, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == []
    assert len(MODULES) >= 8
