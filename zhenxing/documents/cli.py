"""`zhenxing extract FILE…`: print the quantitative facts of documents (SPEC records)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from zhenxing.documents.extraction import RECORD_FIELDS, Fact, extract_facts
from zhenxing.documents.reader import DocumentReadError, read_document

FORMATS = ("jsonl", "table")


def extract_command(files: list[str], format: str = "jsonl") -> int:
    """Print the facts of every readable file; 0 when all were read, 1 otherwise.

    A file that cannot be read is reported on stderr (naming the file) and
    skipped, so one bad file does not hide the facts of the others.
    """
    if format not in FORMATS:
        print(f"error: unknown format {format!r}; use one of {', '.join(FORMATS)}", file=sys.stderr)
        return 2
    failed = 0
    facts: list[Fact] = []
    for name in files:
        try:
            text = read_document(name)
        except DocumentReadError as error:
            print(f"error: {error}", file=sys.stderr)
            failed += 1
            continue
        found = extract_facts(text, Path(name).stem)
        if format == "jsonl":
            for fact in found:
                sys.stdout.write(json.dumps(fact.to_record(), ensure_ascii=False) + "\n")
        facts.extend(found)
    if format == "table":
        _print_table(facts)
    return 1 if failed else 0


def _print_table(facts: list[Fact]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"{len(facts)} facts")
    for name in RECORD_FIELDS:
        table.add_column(name, overflow="fold")
    for fact in facts:
        record = fact.to_record()
        table.add_row(*(f"{record[name]:g}" if name == "value" else str(record[name]) for name in RECORD_FIELDS))
    Console().print(table)
