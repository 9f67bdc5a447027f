"""Documents out: the one way areas write .docx and .xlsx files (pure; the download helper is in `.web`).

    from zhenxing.outputs import DocSpec, Heading, Paragraph, Table, render_docx
    from zhenxing.outputs import Column, SheetSpec, WorkbookSpec, render_xlsx, write_xlsx
    from zhenxing.outputs.web import document_response   # FastAPI Response with a Chinese file name
    from zhenxing.text import for_xml            # text made safe for XML
"""

from zhenxing.outputs.sheets import (
           LEDGER,
           OFFICIAL,
           Column,
           SheetSpec,
           SheetStyle,
           WorkbookSpec,
           render_xlsx,
           write_xlsx,
)
from zhenxing.outputs.word import DocSpec, Fonts, Heading, PageBreak, Paragraph, Table, chinese_date, render_docx
from zhenxing.text import for_xml

__all__ = ["LEDGER", "OFFICIAL", "Column", "DocSpec", "Fonts", "Heading", "PageBreak", "Paragraph", "SheetSpec",
           "SheetStyle", "Table", "WorkbookSpec", "chinese_date", "for_xml", "render_docx", "render_xlsx",
           "write_xlsx"]
