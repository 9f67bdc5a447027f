"""File downloads: kept for existing imports; the helpers live in `zhenxing.outputs.web`."""

from zhenxing.outputs.web import DOCX, PDF, XLSX, attachment, document_response

__all__ = ["DOCX", "PDF", "XLSX", "attachment", "document_response"]
