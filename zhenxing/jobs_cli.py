"""`zhenxing jobs list|run`: the scheduled jobs from the command line (cron), a thin shell over the
scheduler."""

from datetime import UTC

import typer
from rich.console import Console
from rich.table import Table
from sqlalchemy.orm import Session, sessionmaker

from zhenxing import scheduler
from zhenxing.registry import load_all
from zhenxing.workdays import BEIJING


def _when(moment) -> str:
    if moment is None:
        return ""
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).astimezone(BEIJING).strftime("%Y-%m-%d %H:%M")


def _at_head(sessions: sessionmaker[Session], errors: Console) -> bool:
    from zhenxing.db import is_at_head

    if is_at_head(sessions.kw["bind"]):
        return True
    errors.print("[red]错误：[/red]数据库不是最新版本，请先运行 zhenxing init")
    return False


def list_command(sessions: sessionmaker[Session], console: Console, errors: Console) -> int:
    if not _at_head(sessions, errors):
        return 1
    load_all()
    with sessions() as session:
        rows = scheduler.leases(session)
    table = Table("任务", "说明", "间隔", "上次运行", "结果", "下次", "次数")
    for job in scheduler.jobs():
        row = rows.get(job.name)
        status = scheduler.STATUSES.get(row.last_status if row else "", "")
        table.add_row(job.name, job.label, str(job.every), _when(row and row.last_started_at), status,
                      _when(row and row.next_run_at), str(row.runs if row else 0))
    if not scheduler.jobs():
        console.print("尚无登记的定时任务。")
        return 0
    console.print(table)
    return 0


def run_command(sessions: sessionmaker[Session], name: str | None, *, run_all: bool, console: Console,
                errors: Console) -> int:
    """With a name: run that job now. Without: every job that is due (or all with --all). Exit 1 on a
    failed job."""
    if not _at_head(sessions, errors):
        return 1
    load_all()
    if name:
        results = [scheduler.run_job(sessions, name)]
    elif run_all:
        results = [scheduler.run_job(sessions, job.name) for job in scheduler.jobs()]
    else:
        results = scheduler.run_due(sessions)
    for result in results:
        line = f"{result.name}：{result.status_label}" + (f"（{result.message}）" if result.message else "")
        (errors if result.status == "error" else console).print(line)
    if not results:
        console.print("尚无登记的定时任务。")
    return 1 if any(result.status == "error" for result in results) else 0


def register(app: typer.Typer, sessions, console: Console, errors: Console, fail) -> None:
    jobs_app = typer.Typer(help="Scheduled jobs (escalations, reminders); run from cron or the app",
                           no_args_is_help=True)
    app.add_typer(jobs_app, name="jobs")

    @jobs_app.command("list")
    def jobs_list() -> None:
        """The registered jobs, their interval and last run."""
        raise typer.Exit(list_command(sessions(), console, errors))

    @jobs_app.command("run")
    def jobs_run(
        name: str | None = typer.Argument(None, help="Run this job now (default: every job that is due)"),
        run_all: bool = typer.Option(False, "--all", help="Run every job now, due or not"),
    ) -> None:
        """Run jobs once; safe beside running app workers (a lease lets only one act)."""
        from zhenxing.errors import DomainError

        try:
            code = run_command(sessions(), name, run_all=run_all, console=console, errors=errors)
        except DomainError as error:
            raise fail(error.message) from None
        raise typer.Exit(code)
