"""`zhenxing appeals …`: the loop's operator commands (a thin shell over the services)."""

import typer

app = typer.Typer(help="12345 诉求 (appeals)", no_args_is_help=True)


@app.command()
def sweep() -> None:
    """Judge missed deadlines, give default ratings and raise 督办 levels (idempotent; run from cron)."""
    from zhenxing.appeals import jobs
    from zhenxing.audit import now_utc
    from zhenxing.cli import console, in_transaction

    done = in_transaction(lambda session: jobs.sweep(session, now=now_utc()))
    console.print(f"临期提醒 {done['warned']} 件，超期判定 {done['late']} 件，默认评价 {done['defaulted']} 件，"
                  f"督办升级 {done['escalated']} 次")


@app.command("open311-key")
def open311_key(name: str) -> None:
    """Create an api_key for an Open311 client application (printed once; only its hash is kept)."""
    from zhenxing.appeals.open311 import create_client
    from zhenxing.cli import console, in_transaction

    console.print(in_transaction(lambda session: create_client(session, name=name)))


@app.command("rebuild-tallies")
def rebuild_tallies() -> None:
    """Recompute the statistics tallies from the appeals (after a bulk load or a repair)."""
    from zhenxing.appeals import tallies
    from zhenxing.cli import console, in_transaction

    console.print(f"已重算 {in_transaction(tallies.rebuild)} 件诉求的统计")
