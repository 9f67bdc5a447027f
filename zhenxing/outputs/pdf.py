"""A .docx or .xlsx converted to PDF by LibreOffice (`soffice --headless --convert-to pdf`).

Used by the tests to check what a generated document really shows when printed, and available to areas that
offer a PDF next to the Word file. Each conversion runs with its own LibreOffice profile in a scratch folder,
so parallel conversions (several workers, several test processes) do not block on one profile lock.
"""

import os
import shutil
import subprocess
from pathlib import Path
from tempfile import TemporaryDirectory

FONTS_CONF = Path(__file__).with_name("fonts.conf")  # official font names → Noto CJK
CANDIDATES = ("soffice", "libreoffice", "/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice")


class ConversionFailed(RuntimeError):
    pass


def soffice_path() -> str | None:
    """The LibreOffice binary, or None where it is not installed."""
    for name in CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return None


def to_pdf(data: bytes, *, suffix: str = ".docx", timeout: float = 120) -> bytes:
    """The PDF LibreOffice prints from a document's bytes; raises ConversionFailed with its output."""
    binary = soffice_path()
    if binary is None:
        raise ConversionFailed("LibreOffice (soffice) is not installed: apt-get install libreoffice-writer-nogui")
    with TemporaryDirectory(prefix="zx-pdf-") as scratch:
        folder = Path(scratch)
        source = folder / f"document{suffix}"
        source.write_bytes(data)
        command = [binary, f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless", "--norestore",
                   "--convert-to", "pdf", "--outdir", str(folder), str(source)]
        try:
            result = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False, env=_env())
        except subprocess.TimeoutExpired as error:
            raise ConversionFailed(f"soffice did not finish within {timeout:.0f} s") from error
        target = folder / "document.pdf"
        if result.returncode != 0 or not target.exists():
            raise ConversionFailed(f"soffice failed ({result.returncode}): {result.stdout} {result.stderr}".strip())
        return target.read_bytes()


def _env() -> dict[str, str]:
    """The environment for soffice: our font aliases unless the machine names its own fontconfig file."""
    env = dict(os.environ)
    env.setdefault("FONTCONFIG_FILE", str(FONTS_CONF))
    return env
