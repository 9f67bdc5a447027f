"""Test helper: print a generated document to PDF with LibreOffice and read back its text and fonts.

Skips with the reason where soffice is absent; under CI=true a missing soffice fails (make office-deps).
"""

from io import BytesIO

import pytest
from pypdf import PdfReader

from tests.conftest import IN_CI
from zhenxing.outputs.pdf import soffice_path, to_pdf


def soffice_or_skip() -> str:
    found = soffice_path()
    if found:
        return found
    if IN_CI:
        pytest.fail("CI=true but LibreOffice (soffice) is missing: run `make office-deps`")
    pytest.skip("LibreOffice (soffice) is not installed: `make office-deps` installs libreoffice-writer-nogui")


def printed(data: bytes, *, suffix: str = ".docx") -> PdfReader:
    """The document as LibreOffice prints it."""
    soffice_or_skip()
    return PdfReader(BytesIO(to_pdf(data, suffix=suffix)))


def pdf_text(reader: PdfReader) -> str:
    """All pages' text with the spaces PDF extraction puts between CJK and digits removed."""
    return "\n".join(page.extract_text() or "" for page in reader.pages).replace(" ", "")


def pdf_fonts(reader: PdfReader) -> set[str]:
    """The embedded fonts' names without their subset prefix (ABCDEF+NotoSerifCJK… → NotoSerifCJK…)."""
    names = set()
    for page in reader.pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            names.add(str(font.get_object()["/BaseFont"]).lstrip("/").split("+")[-1])
    return names
