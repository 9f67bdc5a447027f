"""The FastAPI application: JSON API under /api/v1, pages for people, static assets."""

import gc
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from functools import cache
from pathlib import Path

from fastapi import APIRouter, Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.middleware.sessions import SessionMiddleware

from zhenxing import audit
from zhenxing.config import Settings, get_settings
from zhenxing.db import make_engine, make_sessionmaker, transaction
from zhenxing.errors import DomainError, Forbidden
from zhenxing.messages import zh_message
from zhenxing.web import guards
from zhenxing.web.deps import LoginRequired
from zhenxing.web.errors_doc import document_errors
from zhenxing.web.forms import bounded_form
from zhenxing.web.headers import SecurityHeaders, policy_allowing_inline_scripts
from zhenxing.web.methods import AllowedMethods
from zhenxing.web.params import bounded_numbers

STATIC = Path(__file__).parent / "web" / "static"


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    from zhenxing.registry import load_all

    load_all()  # the areas' rule kinds, jobs and to-do sources
    # The docs page is served below with Swagger UI from /static/vendor (npm), not a CDN an intranet can't reach.
    app = FastAPI(title="振兴 zhenxing", version="0.1.0", openapi_url="/openapi.json", docs_url=None, redoc_url=None,
                  lifespan=_lifespan)
    app.state.settings = settings
    app.state.engine = make_engine(settings.database_url)
    app.state.sessions = make_sessionmaker(app.state.engine)
    app.state.replica_sessions = _replica(settings)
    app.add_middleware(AllowedMethods, routes_of=app)  # innermost: a wrong method is a 405 naming the right ones
    app.add_middleware(SecurityHeaders)
    app.add_middleware(SessionMiddleware, secret_key=settings.secret_key, session_cookie="zhenxing_session",
                       max_age=settings.session_max_age, same_site="lax", https_only=settings.https_only)
    from zhenxing.appeals.open311 import router as open311_router
    from zhenxing.appeals.writer import IntakeWriter

    app.state.intake = IntakeWriter(app.state.sessions, ip_secret=settings.secret_key)
    # no integer a column cannot hold reaches the database; no form field past its bound reaches a handler
    bounded = [Depends(bounded_numbers), Depends(bounded_form)]
    app.include_router(api_router(), prefix="/api/v1", dependencies=bounded)
    # Open311 answers in the spec's error format: its one post bounds its form itself (read_form → a 400)
    app.include_router(open311_router, dependencies=[Depends(bounded_numbers)])
    app.include_router(page_router(), dependencies=bounded)
    STATIC.mkdir(exist_ok=True)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    install_error_handlers(app)
    guards.install(app)
    document_errors(app)  # every operation's 4xx/5xx answers in the OpenAPI, read from its route
    app.add_api_route("/api/docs", api_docs, include_in_schema=False, methods=["GET"])
    return app


def _replica(settings: Settings):
    """Sessions on the read replica (ZHENXING_READ_DATABASE_URL), read-only on PostgreSQL; None without one."""
    if not settings.read_database_url:
        return None
    engine = make_engine(settings.read_database_url)
    if engine.dialect.name == "postgresql":
        engine = engine.execution_options(postgresql_readonly=True)
    return make_sessionmaker(engine)


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    """The scheduled jobs run in a background thread while the app serves (when the settings say so)."""
    from zhenxing.scheduler import JobLoop

    loop = None
    if app.state.settings.jobs_enabled:
        loop = JobLoop(app.state.sessions, app.state.settings.jobs_tick_seconds)
        loop.start()
    app.state.job_loop = loop
    # What exists once the app is up (modules, metadata, templates, compiled queries) lives as long as the
    # process: moved out of the collector's view, a full collection no longer walks those ~300,000 objects
    # each time requests' garbage triggers one (measured: ~190 ms → ~25 ms of CPU, every few requests).
    if app.state.settings.gc_freeze:
        gc.collect()
        gc.freeze()
    try:
        yield
    finally:
        if loop is not None:
            loop.stop()


SWAGGER = "/static/vendor/swagger-ui"


def api_docs() -> Response:
    """Swagger UI over /openapi.json, every asset from this server; its one inline script is allowed by hash."""
    page = get_swagger_ui_html(openapi_url="/openapi.json", title="振兴 zhenxing · API 文档",
                               swagger_js_url=f"{SWAGGER}/swagger-ui-bundle.js",
                               swagger_css_url=f"{SWAGGER}/swagger-ui.css",
                               swagger_favicon_url=f"{SWAGGER}/favicon-32x32.png")
    page.headers["content-security-policy"] = policy_allowing_inline_scripts(page.body.decode())
    return page


@cache  # the areas' routers are module objects: composed once per process, copied into each app
def api_router() -> APIRouter:
    from zhenxing.appeals.api import router as appeals_router
    from zhenxing.auth.admin_api import router as users_router
    from zhenxing.auth.api import router as audit_router
    from zhenxing.documents.api import review_router
    from zhenxing.documents.api import router as documents_router
    from zhenxing.org.api import router as org_router
    from zhenxing.projects.api import router as projects_router
    from zhenxing.projects.excel_api import router as excel_router
    from zhenxing.targets.api import router as targets_router
    from zhenxing.tasks.api import router as tasks_router

    router = APIRouter()
    for sub in (excel_router, projects_router, org_router, audit_router):
        router.include_router(sub)
    for sub in (documents_router, review_router, targets_router, tasks_router):
        router.include_router(sub)
    router.include_router(users_router)
    router.include_router(appeals_router)
    router.include_router(dispatch_api())
    from zhenxing.supervision.api import router as supervision_api

    router.include_router(supervision_api)
    from zhenxing.rules.api import router as rules_api
    from zhenxing.todo.pages import api as todo_api

    router.include_router(todo_api)
    router.include_router(rules_api)
    from zhenxing.holidays.api import router as holidays_api

    router.include_router(holidays_api)
    return router


def dispatch_api() -> APIRouter:
    """Dispatch: annual plans, monthly reports, problems, lights, league tables."""
    from zhenxing.dispatch.api import router as dispatch_router
    from zhenxing.dispatch.meeting_api import router as meeting_router
    from zhenxing.dispatch.review_api import router as review_router
    from zhenxing.dispatch.rules_api import router as rules_router
    from zhenxing.league.api import router as league_router

    router = APIRouter()
    for sub in (dispatch_router, rules_router, review_router, meeting_router, league_router):
        router.include_router(sub)
    return router


def dispatch_pages() -> APIRouter:
    from zhenxing.dispatch.dashboard_pages import router as dashboard_pages
    from zhenxing.dispatch.light_pages import router as light_pages
    from zhenxing.dispatch.meeting_pages import router as meeting_pages
    from zhenxing.dispatch.pages import router as report_pages
    from zhenxing.dispatch.review_pages import router as review_pages
    from zhenxing.dispatch.rules_pages import router as rules_pages
    from zhenxing.league.pages import router as league_pages

    router = APIRouter()
    # Rules first: /lights/rules must not be read as a light's page.
    for sub in (rules_pages, report_pages, light_pages, league_pages, review_pages, meeting_pages,
                dashboard_pages):
        router.include_router(sub)
    return router


@cache
def page_router() -> APIRouter:
    from zhenxing.appeals.admin_pages import router as appeal_admin_pages
    from zhenxing.appeals.pages import router as appeal_pages
    from zhenxing.appeals.public_pages import router as public_appeal_pages
    from zhenxing.appeals.stats_pages import router as appeal_stats_pages
    from zhenxing.auth.admin_pages import router as admin_pages
    from zhenxing.auth.pages import router as auth_pages
    from zhenxing.documents.pages import router as document_pages
    from zhenxing.org.pages import router as org_pages
    from zhenxing.projects.excel_pages import router as excel_pages
    from zhenxing.projects.pages import router as project_pages

    router = APIRouter(include_in_schema=False)
    # Excel pages first: /projects/import must not be read as /projects/{project_id}.
    for sub in (auth_pages, excel_pages, project_pages):
        router.include_router(sub)
    router.include_router(document_pages)
    router.include_router(admin_pages)
    router.include_router(org_pages)
    # Statistics and settings first: /appeals/stats or /appeals/catalogue must not be read as /appeals/{appeal_id}.
    for sub in (appeal_stats_pages, appeal_admin_pages, appeal_pages, public_appeal_pages):
        router.include_router(sub)
    router.include_router(dispatch_pages())
    router.include_router(supervision_pages())
    from zhenxing.todo.pages import router as todo_pages

    router.include_router(todo_pages)
    from zhenxing.holidays.pages import router as holiday_pages

    router.include_router(holiday_pages)
    return router


def supervision_pages() -> APIRouter:
    """Targets (目标台账, indicator pages, readings import) and supervised tasks (任务分解, 督办)."""
    from zhenxing.supervision.pages import router as supervision_router
    from zhenxing.targets.pages import router as target_pages
    from zhenxing.tasks.pages import router as task_pages

    router = APIRouter()
    for sub in (target_pages, task_pages, supervision_router):
        router.include_router(sub)
    return router


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or "application/json" in request.headers.get("accept", "")


# How the audit trail says what a refused request tried (read in Chinese, the method still tellable).
REQUEST_VERBS = {"GET": "查看", "HEAD": "查看", "POST": "提交", "PUT": "修改", "PATCH": "修改", "DELETE": "删除"}


def _log_refusal(request: Request, error: Forbidden) -> None:
    """Refusals are audited in their own transaction: the request's own one is rolled back."""
    user = getattr(request.state, "actor", None)
    with transaction(request.app.state.sessions) as session:
        doing = REQUEST_VERBS.get(request.method, "请求")
        audit.record(session, actor=user, action="denied", entity="request",
                     summary=f"{doing} {request.url.path}：{error.message}")


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(DomainError)
    async def domain_error(request: Request, error: DomainError) -> Response:
        if isinstance(error, Forbidden):
            _log_refusal(request, error)
        if _wants_json(request):
            return JSONResponse(error.to_dict(), status_code=error.status_code)
        from zhenxing.web.templating import render

        return render(request, "error.html", {"error": error}, status_code=error.status_code)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, error: RequestValidationError) -> Response:
        if request.url.path.startswith("/open311/"):
            from zhenxing.appeals.open311 import invalid_request as open311_refusal

            return open311_refusal(request, error.errors())
        details = [
            {"field": ".".join(str(p) for p in e["loc"] if p not in ("body", "query", "path")),
             "message": zh_message(e)}
            for e in error.errors()
        ]
        first = details[0] if details else {"field": "", "message": "请求无效"}
        return JSONResponse(
            {"message": f"字段 {first['field']} 无效：{first['message']}", "field": first["field"],
             "details": details},
            status_code=422,
        )

    @app.exception_handler(LoginRequired)
    async def login_required(request: Request, _error: LoginRequired) -> RedirectResponse:
        return RedirectResponse(f"/login?next={request.url.path}", status_code=303)
