"""The `zhenxing` command line: a thin shell over the area services."""

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import typer
from rich.console import Console

from zhenxing.config import get_settings

app = typer.Typer(help="振兴 zhenxing — 项目为王 platform", no_args_is_help=True)
users_app = typer.Typer(help="Accounts", no_args_is_help=True)
tokens_app = typer.Typer(help="API bearer tokens", no_args_is_help=True)
projects_app = typer.Typer(help="The key-project ledger (重点项目库)", no_args_is_help=True)
app.add_typer(users_app, name="users")
app.add_typer(tokens_app, name="tokens")
app.add_typer(projects_app, name="projects")


def _appeals_app() -> typer.Typer:
    from zhenxing.appeals.cli import app as appeals_app

    return appeals_app


app.add_typer(_appeals_app(), name="appeals")


def _supervise_app() -> typer.Typer:
    from zhenxing.supervision.cli import app as supervise_app

    return supervise_app


app.add_typer(_supervise_app(), name="supervise")


def _dispatch_apps() -> None:
    from zhenxing.dispatch.cli import dispatch_app, lights_app, reports_app

    app.add_typer(lights_app, name="lights")
    app.add_typer(reports_app, name="reports")
    app.add_typer(dispatch_app, name="dispatch")


_dispatch_apps()
console = Console()
errors = Console(stderr=True)
T = TypeVar("T")


def sessions():
    from zhenxing.db import make_engine, make_sessionmaker

    return make_sessionmaker(make_engine(get_settings().database_url))


def fail(message: str) -> typer.Exit:
    errors.print(f"[red]错误：[/red]{message}", soft_wrap=True)  # a long path stays on one line (copyable)
    return typer.Exit(1)


def in_transaction(action: Callable[[Any], T]) -> T:
    """Run a service call in one transaction; a refusal is printed and exits with status 1."""
    from zhenxing.db import transaction
    from zhenxing.errors import DomainError

    try:
        with transaction(sessions()) as session:
            return action(session)
    except DomainError as error:
        raise fail(error.message) from None


@app.command()
def init() -> None:
    """Create or upgrade the database schema (Alembic migrations)."""
    from zhenxing.db import migrate

    migrate(get_settings().database_url)
    console.print("数据库已迁移到最新版本。")


@app.command()
def demo() -> None:
    """Load the demo data (Jinzhou's regions, units, key projects, users)."""
    from zhenxing.db import migrate, transaction
    from zhenxing.demo import load_demo
    from zhenxing.demo_data import DEMO_PASSWORD

    migrate(get_settings().database_url)
    with transaction(sessions()) as session:
        loaded = load_demo(session)
    console.print("演示数据已载入。" if loaded else "演示数据已存在，未重复载入。")
    console.print(f"演示登录：用户名 [bold]office[/bold]，密码 [bold]{DEMO_PASSWORD}[/bold]")


@app.command()
def serve(
    host: str = typer.Option("127.0.0.1", help="Address to listen on"),
    port: int = typer.Option(8000, help="Port"),
    workers: int | None = typer.Option(
        None, min=1, max=64,
        help="Worker processes (default: ZHENXING_WORKERS, else CPUs + 1 on PostgreSQL and at most 2 on SQLite)"),
    public_demo: bool = typer.Option(False, "--public-demo",
                                     help="Let a demo server listen on an address other than 127.0.0.1"),
) -> None:
    """Serve the web app and API (refuses a database that is not migrated to head, a weak secret outside
    demo mode, and a demo reachable from other machines unless --public-demo)."""
    import uvicorn

    from zhenxing.config import available_cpus, default_workers
    from zhenxing.db import is_at_head, make_engine

    os.environ.setdefault("ZHENXING_GC_FREEZE", "true")  # long-lived workers (Settings.gc_freeze), read below
    get_settings.cache_clear()
    try:
        settings = get_settings()
    except ValueError as error:  # pydantic's ValidationError: the insecure default secret outside demo mode
        raise fail(f"拒绝启动：配置无效：{error}") from None
    _check_serving(settings, host, public_demo)
    if not is_at_head(make_engine(settings.database_url)):
        raise fail("数据库不是最新版本，请先运行 zhenxing init")
    count = workers or settings.workers or default_workers(settings.database_url, available_cpus())
    console.print(f"振兴平台：http://{host}:{port}（{count} 个工作进程）")
    # A worker must answer the supervisor's health check within this time or be killed and restarted; uvicorn's
    # 5 s is shorter than importing the app takes on a loaded two-core machine, where workers were killed in
    # an endless loop before serving a request.
    uvicorn.run("zhenxing.app:create_app", factory=True, host=host, port=port, workers=count,
                timeout_worker_healthcheck=WORKER_HEALTHCHECK_SECONDS)


LOOPBACK = {"127.0.0.1", "localhost", "::1"}
WORKER_HEALTHCHECK_SECONDS = 60


def _check_serving(settings, host: str, public_demo: bool) -> None:
    """Outside demo mode the secret must be strong; a demo listens on this machine only unless told."""
    from zhenxing.config import INSECURE_SECRET, secret_problem

    if not settings.demo:
        problem = secret_problem(settings.secret_key)
        if problem:
            raise fail(f"拒绝启动：{problem}（例如：python -c 'import secrets; print(secrets.token_urlsafe(48))'）")
        return
    if host not in LOOPBACK and not public_demo:
        raise fail(f"拒绝启动：演示模式只在本机（127.0.0.1）提供服务；要让其他机器访问 {host}，请加 --public-demo，"
                    "正式部署请设 ZHENXING_DEMO=false 和 ZHENXING_SECRET_KEY")
    if host not in LOOPBACK and settings.secret_key == INSECURE_SECRET:
        raise fail("拒绝启动：公开的演示服务器不能使用公开的示例密钥，请设置 ZHENXING_SECRET_KEY")
    console.print("[yellow]演示模式：数据为虚构示例，每个页面都会显示“演示环境”[/yellow]")


@users_app.command("add")
def users_add(
    name: str,
    role: str = typer.Option(..., help="admin, office, leader, unit or steward"),
    region: str | None = typer.Option(None, help="Region a unit user belongs to"),
    unit: str | None = typer.Option(None, help="Unit (department) a unit user belongs to"),
    password_stdin: bool = typer.Option(False, "--password-stdin", help="Read the password from stdin"),
) -> None:
    """Add a user."""
    from zhenxing.auth.service import create_user

    if not password_stdin:
        raise fail("请用 --password-stdin 从标准输入提供密码")
    password = sys.stdin.readline().rstrip("\n")
    in_transaction(lambda session: create_user(session, name=name, role=role, password=password, region=region,
                                                unit=unit))
    console.print(f"已添加用户 {name}（{role}）")


@tokens_app.command("create")
def tokens_create(name: str = typer.Argument(..., help="The user the token acts as")) -> None:
    """Create an API bearer token for a user and print it (shown once)."""
    from zhenxing.auth.service import create_token

    print(in_transaction(lambda session: create_token(session, name)))


@tokens_app.command("revoke")
def tokens_revoke(name: str = typer.Argument(..., help="The user whose tokens stop working")) -> None:
    """Revoke every API token of a user."""
    from zhenxing.auth.service import revoke_tokens

    count = in_transaction(lambda session: revoke_tokens(session, name))
    console.print(f"已吊销 {name} 的 API 令牌 {count} 个")


@projects_app.command("import")
def projects_import(
    file: Path,
    dry_run: bool = typer.Option(False, "--dry-run", help="Check the file, write nothing"),
    create_people: bool = typer.Option(False, "--create-people",
                                       help="Add sponsors/stewards the system does not know (else an error)"),
) -> None:
    """Import a 项目台账 .xlsx: all rows or none."""
    from zhenxing.projects.cli import import_command

    raise typer.Exit(import_command(sessions(), file, dry_run=dry_run, console=console, errors=errors,
                                    create_people=create_people))


@projects_app.command("export")
def projects_export(file: Path) -> None:
    """Export the whole ledger to .xlsx."""
    from zhenxing.projects.cli import export_command

    raise typer.Exit(export_command(sessions(), file, console=console))


@app.command()
def extract(
    files: list[str] = typer.Argument(..., help="Documents to read (.txt UTF-8/GB18030, .docx)"),
    format: str = typer.Option("jsonl", "--format", help="jsonl or table"),
    tasks: bool = typer.Option(False, "--tasks", help="Print the task drafts (SPEC \"Tasks\") instead of the facts"),
    date: str | None = typer.Option(None, "--date", help="The document's date, e.g. 2024-01-10 (default: read from "
                                                         "its text)"),
) -> None:
    """Print the quantitative facts (or task drafts) of each document (shared/extraction/SPEC.md)."""
    from zhenxing.documents.cli import extract_command

    raise typer.Exit(extract_command(files, format, tasks=tasks, date=date))



@app.command()
def ingest(
    file: Path = typer.Argument(..., help="The document (.txt UTF-8/GB18030, .docx)"),
    year: int = typer.Option(..., "--year", help="The year the document plans for (2025 for the 2025 work report)"),
    region: str | None = typer.Option(None, "--region", help="Region name (default: the city)"),
    title: str | None = typer.Option(None, "--title", help="Title (default: the first line)"),
    date: str | None = typer.Option(None, "--date", help="The document's date, e.g. 2024-01-10 (default: read from "
                                                         "its header or date line)"),
) -> None:
    """Store a document, extract its facts and draft targets, readings, tasks and projects for review."""
    from zhenxing.db import transaction
    from zhenxing.documents.cli import parse_date
    from zhenxing.documents.reader import DocumentReadError, read_document
    from zhenxing.documents.service import ingest as ingest_document
    from zhenxing.errors import DomainError

    try:
        when = parse_date(date)
        text = read_document(file)
        with transaction(sessions()) as session:
            result = ingest_document(session=session, actor=None, text=text, year=year, region=region, title=title,
                                     source_name=file.name, date=when)
            document_id, document_title = result.document.id, result.document.title
            date_label = result.document.date_label
    except (DocumentReadError, DomainError, ValueError) as error:
        raise fail(getattr(error, "message", str(error))) from None
    if not result.created:
        console.print(f"《{document_title}》此前已导入（文件 {document_id}），未重复生成草稿。")
        return
    counts = result.drafts
    console.print(f"已导入《{document_title}》（文件 {document_id}，文件日期 {date_label}）：目标 {counts['target']}、"
                  f"实绩 {counts['reading']}、任务 {counts['task']}、项目 {counts['project']} 条草稿待审核。")

def _register_groups() -> None:
    from zhenxing import jobs_cli

    jobs_cli.register(app, sessions, console, errors, fail)


_register_groups()

if __name__ == "__main__":
    app()
