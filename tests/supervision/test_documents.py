"""The 督办单 and the monthly 督查通报 as .docx: what they say, printed to PDF by LibreOffice; downloads
through the pages and the API with scope refusals."""

from datetime import date, datetime, timedelta
from io import BytesIO

from docx import Document

from tests.factories import make_task, make_unit
from tests.outputs.printing import pdf_text, printed
from zhenxing.periods import period_of
from zhenxing.supervision import documents, escalations
from zhenxing.workdays import BEIJING


def docx_text(data: bytes) -> str:
    doc = Document(BytesIO(data))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def escalated(session, world):
    finance = make_unit(session, "市财政局")
    task = make_task(session, "建设城市智慧停车平台", year=date.today().year, lead=world.transport,
                     partners=[finance], deadline="", due_on=date.today() - timedelta(days=30))
    make_task(session, "完善财政预算绩效管理", year=date.today().year, lead=finance, deadline="长期")
    session.commit()
    escalations.run(session, now=datetime.now(BEIJING))
    session.commit()
    return task, next(r for r in escalations.of_task(session, task) if r.action == "notice")


def test_the_notice_names_the_task_what_is_late_and_the_reply_date_and_prints(session, world):
    task, notice = escalated(session, world)
    data = documents.notice_docx(session, notice)
    text = docx_text(data)
    assert "督办通知单" in text and notice.number_text in text and task.content in text
    assert "市交通运输局" in text and "市财政局" in text and "尚未完成销号" in text
    reply = notice.reply_due
    assert f"{reply.year}年{reply.month}月{reply.day}日" in text
    assert "锦州市人民政府督查室" in text
    printed_text = pdf_text(printed(data))
    assert "督办通知单" in printed_text and task.code in printed_text


def test_the_bulletin_has_its_four_parts_and_lists_the_late_task_and_its_unit(session, world):
    task, notice = escalated(session, world)
    period = period_of(datetime.now(BEIJING).date())
    data = documents.bulletin_docx(session, period)
    text = docx_text(data)
    for part in ("总体情况", "进展较快的单位", "滞后任务及责任单位", "督办事项"):
        assert part in text
    assert "重点任务共2项" in text and "滞后1项" in text
    assert task.content[:20] in text and notice.number_text in text and "市财政局" in text
    printed_text = pdf_text(printed(data))
    assert "滞后任务及责任单位" in printed_text


def test_downloads_through_pages_and_api_and_who_may_have_them(session, world, page_as, api_as):
    _task, notice = escalated(session, world)
    period = period_of(datetime.now(BEIJING).date())
    office, _ = page_as(world.office)
    answer = office.get(f"/supervision/bulletin.docx?period={period}")
    assert answer.status_code == 200 and answer.content[:2] == b"PK"
    assert "filename*=UTF-8''" in answer.headers["content-disposition"]
    assert office.get("/supervision/bulletin.docx?period=2025-13").status_code == 422
    unit, _ = page_as(world.transport_user)
    assert unit.get(f"/supervision/bulletin.docx?period={period}").status_code == 403
    assert unit.get(f"/supervision/notices/{notice.id}.docx").status_code == 200
    outsider, _ = page_as(world.outsider)
    assert outsider.get(f"/supervision/notices/{notice.id}.docx").status_code == 404
    api = api_as(world.leader)
    assert api.get(f"/api/v1/supervision/bulletin.docx?period={period}").status_code == 200
    assert api_as(world.outsider).get(f"/api/v1/supervision/escalations/{notice.id}/notice.docx").status_code == 404
