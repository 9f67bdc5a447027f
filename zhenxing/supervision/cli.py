"""`zhenxing supervise …`: the supervision office's operator commands (a thin shell over the services)."""

from datetime import datetime

import typer

app = typer.Typer(help="督查督办 (supervised tasks)", no_args_is_help=True)


@app.command()
def run(
    at: str | None = typer.Option(None, "--at", help="Act as of this moment (ISO, Beijing time), e.g. a re-run"),
) -> None:
    """Reminders and escalations of supervised tasks (idempotent; safe beside running app workers: the job's
    lease lets only one act). Run from cron."""
    from zhenxing import scheduler
    from zhenxing.cli import console, errors, fail, sessions
    from zhenxing.registry import load_all

    try:
        now = datetime.fromisoformat(at) if at else None
    except ValueError:
        raise fail(f"--at “{at[:40]}”不是有效的时间（如 2025-10-09T09:00）") from None
    load_all()
    result = scheduler.run_job(sessions(), "supervision.escalate", now=now)
    line = f"督查任务提醒与逾期升级：{result.status_label}" + (f"（{result.message}）" if result.message else "")
    (errors if result.status == "error" else console).print(line)
    raise typer.Exit(1 if result.status == "error" else 0)
