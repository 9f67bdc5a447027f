"""Operator commands of dispatch (a thin shell over the services):

    zhenxing lights compute --period 2026-10          # every project's light for the period
    zhenxing reports import 月报.xlsx --user linghai   # a county's 月报 workbook, all rows or none
    zhenxing dispatch pack --period 2026-10 --out 材料/   # the 通报 (.docx) and 附表 (.xlsx)
"""

from pathlib import Path

import typer

lights_app = typer.Typer(help="红黄绿灯 (lights)", no_args_is_help=True)
reports_app = typer.Typer(help="月报 (monthly reports)", no_args_is_help=True)
dispatch_app = typer.Typer(help="调度会 (dispatch meetings)", no_args_is_help=True)


@lights_app.command("compute")
def compute(period: str = typer.Option(..., help="YYYY-MM")) -> None:
    """Judge every project's light for the period with the rules in force (idempotent)."""
    from zhenxing.cli import console, in_transaction
    from zhenxing.dispatch import lights_service

    run = in_transaction(lambda session: lights_service.compute_lights(session=session, period=period))
    console.print(f"{run.period}（{run.rules_name}）：红灯 {run.counts['red']}、黄灯 {run.counts['yellow']}、"
                  f"绿灯 {run.counts['green']}、暂停 {run.counts['grey']}；新增督办 {run.escalations} 项")


@reports_app.command("import")
def import_reports(file: Path, user: str = typer.Option(..., help="the user filing (their scope applies)"),
                   period: str = typer.Option(None, help="YYYY-MM (default: the workbook's title)"),
                   dry_run: bool = typer.Option(False, "--dry-run", help="check only, write nothing")) -> None:
    from sqlalchemy import select

    from zhenxing.auth.models import User
    from zhenxing.auth.service import scope_for
    from zhenxing.cli import console, in_transaction
    from zhenxing.dispatch import report_import
    from zhenxing.errors import NotFound

    def run(session):
        actor = session.scalars(select(User).where(User.name == user)).first()
        if actor is None:
            raise NotFound(f"没有用户“{user}”")
        return report_import.import_reports(session=session, actor=actor, scope=scope_for(session, actor),
                                            data=file.read_bytes(), filename=file.name, period=period,
                                            dry_run=dry_run)
    result = in_transaction(run)
    verb = "检查通过（未写入）" if dry_run else "导入完成"
    console.print(f"{verb}：{result.period} 新填 {result.created} 个，修改 {result.updated} 个，"
                  f"未变 {result.unchanged} 个")


@dispatch_app.command("pack")
def pack(period: str = typer.Option(..., help="YYYY-MM"), out: Path = typer.Option(Path("."), help="folder"),
         meeting: int = typer.Option(None, help="a meeting's id (default: the period's latest meeting, else the "
                                                "period's data as of today)")) -> None:
    """Write the meeting pack: the 通报 (.docx) and its 附表 (.xlsx)."""
    from sqlalchemy import select

    from zhenxing.cli import console, in_transaction
    from zhenxing.dispatch import meetings
    from zhenxing.dispatch import pack as packs
    from zhenxing.dispatch.clock import local_date
    from zhenxing.dispatch.models import DispatchMeeting
    from zhenxing.periods import parse_period, period_label

    def run(session):
        value = parse_period(period)
        found = session.get(DispatchMeeting, meeting) if meeting else session.scalars(
            select(DispatchMeeting).where(DispatchMeeting.period == str(value))
            .order_by(DispatchMeeting.held_on.desc(), DispatchMeeting.id.desc())).first()
        if found is not None and found.agenda is not None:
            return found.agenda
        if found is None:  # the period's figures as of today, for a meeting not yet planned
            found = DispatchMeeting(period=str(value), held_on=local_date(), location="", chair="",
                                    title=f"{period_label(value)}重点项目调度会", status="planned", notes="")
        return meetings.build_agenda(session, found)
    agenda = in_transaction(run)
    out.mkdir(parents=True, exist_ok=True)
    content = packs.pack_content(agenda)
    word = out / f"{content.title}.docx"
    sheet = out / f"{agenda['meeting']['period_label']}调度会附表.xlsx"
    word.write_bytes(packs.pack_docx(content))
    sheet.write_bytes(packs.pack_xlsx(agenda))
    console.print(f"已生成：{word}（{word.stat().st_size // 1024} KB）、{sheet}（{sheet.stat().st_size // 1024} KB）")


__all__ = ["dispatch_app", "lights_app", "reports_app"]
