"""/admin/holidays: the calendar every deadline is counted on — which years are known and from where, a
year's holidays and make-up working days, and the form the admin or the office enters a year with."""

from datetime import date

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from zhenxing.auth.policy import can_manage_holidays
from zhenxing.errors import Forbidden, Rejected
from zhenxing.holidays import service
from zhenxing.web.deps import PageUser, SessionDep
from zhenxing.web.flash import saved
from zhenxing.web.forms import attempt, read_form
from zhenxing.web.templating import render

router = APIRouter()
KINDS = [("0", "放假"), ("1", "调休上班")]


def _today() -> date:
    from zhenxing.audit import now_utc
    from zhenxing.workdays import BEIJING

    return now_utc().astimezone(BEIJING).date()


def _check(user) -> None:
    if not can_manage_holidays(user.role):
        raise Forbidden("只有系统管理员和项目办可以维护节假日")


def _day(text: str, field: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise Rejected(f"日期“{text[:20]}”无效：应为 2027-01-01 这样的日期", field=field) from None


def _page(request: Request, session, user, year: int, *, values: dict | None = None,
          errors: dict | None = None) -> Response:
    context = {"overview": service.years_overview(session, _today().year), "view": service.year_days(session, year),
               "year": year, "kinds": KINDS, "values": values or {"start": f"{year}-01-01", "is_workday": "0"},
               "errors": errors or {}}
    return render(request, "admin/holidays.html", context, status_code=422 if errors else 200)


@router.get("/admin/holidays")
def holiday_page(request: Request, session: SessionDep, user: PageUser,
                 year: int | None = Query(None, ge=2000, le=2100)) -> Response:
    _check(user)
    return _page(request, session, user, year or _today().year)


@router.post("/admin/holidays")
async def set_holidays(request: Request, session: SessionDep, user: PageUser) -> Response:
    _check(user)
    form = {key: str(value).strip() for key, value in (await read_form(request)).items() if key != "csrf_token"}

    def save() -> None:
        start = _day(form.get("start", ""), "start")
        end = _day(form["end"], "end") if form.get("end") else None
        if form.get("is_workday") not in dict(KINDS):
            raise Rejected("请选择类型：放假或调休上班", field="is_workday")
        service.set_days(session, actor=user, start=start, end=end, is_workday=form["is_workday"] == "1",
                         name=form.get("name", ""))

    errors = attempt(session, save)
    year = _year_of(form.get("start", ""))
    if errors:
        return _page(request, session, user, year, values=form, errors=errors)
    span = form["start"] + (f" 至 {form['end']}" if form.get("end") else "")
    kind = dict(KINDS)[form["is_workday"]]
    return saved(request, f"/admin/holidays?year={year}", f"已将 {span} 设为{kind}。")


@router.post("/admin/holidays/remove")
async def remove_holiday(request: Request, session: SessionDep, user: PageUser) -> Response:
    _check(user)
    form = await read_form(request)
    text = str(form.get("day", ""))
    errors = attempt(session, lambda: service.remove_day(session, actor=user, day=_day(text, "day")))
    year = _year_of(text)
    if errors:
        return _page(request, session, user, year, errors=errors)
    return saved(request, f"/admin/holidays?year={year}", f"已删除 {text} 的本地设置。")


def _year_of(text: str) -> int:
    try:
        year = int(text[:4])
    except ValueError:
        return _today().year
    return year if 2000 <= year <= 2100 else _today().year
