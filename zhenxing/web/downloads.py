"""File downloads: the .xlsx media type and a Content-Disposition that keeps Chinese file names."""

from urllib.parse import quote

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def attachment(filename: str, fallback: str = "export.xlsx") -> dict[str, str]:
    """Headers for a download named `filename` (RFC 5987), with an ASCII name for old clients."""
    return {"Content-Disposition": f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(filename)}"}
