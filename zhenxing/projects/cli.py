"""`zhenxing projects import|export`: the ledger's Excel commands, a thin shell over projects.importer."""

from pathlib import Path

from rich.console import Console
from rich.progress import Progress
from rich.table import Table
from sqlalchemy.orm import Session, sessionmaker

from zhenxing.auth.policy import Scope
from zhenxing.db import transaction
from zhenxing.errors import DomainError
from zhenxing.projects import importer
from zhenxing.projects.service import ProjectFilters

OPERATOR = Scope(role="admin", everything=True)  # whoever runs the command line operates the system


def import_command(sessions: sessionmaker[Session], file: Path, *, dry_run: bool, console: Console,
                   create_people: bool = False,
                   errors: Console) -> int:
    """Import (or with dry_run, check) a ledger; print the summary or every problem. Exit code 0/1."""
    if not file.is_file():
        errors.print(f"[red]错误：[/red]找不到文件“{file}”")
        return 1
    try:
        with Progress(console=console, transient=True) as progress, transaction(sessions) as session:
            task = progress.add_task(f"导入 {file.name}", total=None)
            report = importer.import_ledger(
                session=session, actor=None, scope=OPERATOR, data=file, filename=file.name, dry_run=dry_run,
                create_people=create_people,
                on_progress=lambda done, total: progress.update(task, completed=done, total=total),
            )
    except DomainError as error:
        errors.print(f"[red]错误：[/red]{error.message}")
        if error.details:
            errors.print(_problems(error.details))
        return 1
    verb = "预览（未写入）" if dry_run else "导入完成"
    console.print(f"{verb}：{file.name} 新建 {report.created} 个，修改 {report.updated} 个，未变 {report.unchanged} 个")
    if report.people_created:
        console.print(f"{'将新建' if dry_run else '新建'}人员：{'、'.join(report.people_created)}")
    return 0


def _problems(details: list[dict]) -> Table:
    table = Table("行", "列", "问题", title=f"{len(details)} 处错误")
    for problem in details:
        table.add_row(str(problem.get("row", "")), str(problem.get("column", "")), str(problem.get("message", "")))
    return table


def export_command(sessions: sessionmaker[Session], file: Path, *, console: Console) -> int:
    """Write the whole ledger to an .xlsx file."""
    try:
        with transaction(sessions) as session, file.open("wb") as target:
            count = importer.export_ledger(session=session, scope=OPERATOR, filters=ProjectFilters(), target=target)
    except OSError as error:
        console.print(f"[red]错误：[/red]无法写入“{file}”：{error.strerror or error}")
        return 1
    console.print(f"已导出 {count} 个项目到 {file}")
    return 0
