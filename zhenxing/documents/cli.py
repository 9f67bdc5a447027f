"""`zhenxing extract FILE…`: print the quantitative facts or the task drafts of documents (SPEC records)."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

from zhenxing.documents.extraction import RECORD_FIELDS, document_date, extract_facts, extract_tasks
from zhenxing.documents.reader import DocumentReadError, read_document

FORMATS = ("jsonl", "table")
TASK_FIELDS = ("doc", "quote", "lead_unit", "partner_units", "deadline")


def parse_date(text: str | None) -> dt.date | None:
    """--date 2024-01-10 → date; ValueError with a Chinese message naming what was wrong."""
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(f"日期“{text}”无效：请写成 2024-01-10 的形式") from None


def extract_command(files: list[str], format: str = "jsonl", tasks: bool = False, date: str | None = None) -> int:
    """Print the facts (or, with `tasks`, the task drafts) of every readable file; 0 when all were read.

    A file that cannot be read is reported on stderr (naming the file) and skipped, so one bad file does not
    hide the records of the others.  Which document date was used is said on stderr for each file."""
    if format not in FORMATS:
        print(f"error: unknown format {format!r}; use one of {', '.join(FORMATS)}", file=sys.stderr)
        return 2
    try:
        when = parse_date(date)
    except ValueError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    failed, rows = 0, []
    for name in files:
        try:
            text = read_document(name)
        except DocumentReadError as error:
            print(f"error: {error}", file=sys.stderr)
            failed += 1
            continue
        doc = Path(name).stem
        print(f"{doc}: 文件日期 {document_date(text, when).label()}", file=sys.stderr)
        found = extract_tasks(text, when, doc=doc) if tasks else extract_facts(text, doc, when)
        records = [(item.to_record(), item) for item in found]
        if format == "jsonl":
            for record, _ in records:
                sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        rows.extend(records)
    if format == "table":
        _print_table(rows, TASK_FIELDS if tasks else RECORD_FIELDS)
    return 1 if failed else 0


def _cell(record: dict, name: str) -> str:
    value = record[name]
    if name == "value":
        return f"{value:g}"
    if isinstance(value, list):
        return "、".join(value)
    return str(value)


def _print_table(rows: list[tuple[dict, object]], fields: tuple[str, ...]) -> None:
    from rich.console import Console
    from rich.table import Table

    tasks = fields is TASK_FIELDS
    table = Table(title=f"{len(rows)} {'tasks' if tasks else 'facts'}")
    for name in (*fields, "trigger" if tasks else "why", "confidence"):
        table.add_column(name, overflow="fold")
    for record, item in rows:
        extra = item.trigger if tasks else item.why
        table.add_row(*(_cell(record, name) for name in fields), extra, f"{item.confidence:.2f}")
    console = Console()
    Console(width=max(console.width, 160)).print(table)  # wide enough for a quote and its reasons
