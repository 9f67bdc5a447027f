"""The `zhenxing` command line: a thin shell over the area services."""

import typer

app = typer.Typer(help="振兴 zhenxing — 项目为王 platform", no_args_is_help=True)


@app.command()
def extract(
    files: list[str] = typer.Argument(..., help="Documents to read (.txt UTF-8/GB18030, .docx)"),
    format: str = typer.Option("jsonl", "--format", help="jsonl or table"),
) -> None:
    """Print the quantitative facts of each document (shared/extraction/SPEC.md)."""
    from zhenxing.documents.cli import extract_command

    raise typer.Exit(extract_command(files, format))


if __name__ == "__main__":
    app()
