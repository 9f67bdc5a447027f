"""The 督办单 of an escalated appeal: a Word document in the official layout (zhenxing.outputs), with the
appeal, its handler, the missed deadline, the 督办 step and the reply date; personal data masked; offered
to the centre and the handling unit only; printed by LibreOffice it shows every part in order."""

from io import BytesIO

import pytest
from docx import Document

from tests.appeals.conftest import act, file, later
from tests.outputs.printing import pdf_text, printed
from zhenxing.appeals import documents, jobs
from zhenxing.appeals.models import Appeal
from zhenxing.errors import Conflict


@pytest.fixture
def escalated(session, loop):
    appeal_id = file(session, category_code="0701", answers={"size": "small"}, description="人民路井盖缺失，夜里很危险")
    act(session, loop.hotline, appeal_id, "dispatch", unit_id=loop.world.transport.id)
    # Due the next Monday 09:00 (7 natural days); three working days later it reaches 督办.
    jobs.sweep(session, now=later(days=10, hours=1))
    session.commit()
    appeal = session.get(Appeal, appeal_id)
    assert appeal.escalation_level == 2
    return appeal


def docx_text(data: bytes) -> str:
    document = Document(BytesIO(data))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def test_the_order_names_the_appeal_its_handler_the_delay_and_the_step(session, loop, escalated):
    text = docx_text(documents.order_docx(session, escalated, later(days=10, hours=2)))
    for part in ("12345诉求督办单", escalated.tracking_no, "市交通运输局：", "人民路井盖缺失", "已逾期 3 个工作日",
                 "第 2 级（督办）", "派单 1 次", "书面回复", "12345政务服务便民热线中心"):
        assert part in text, part
    assert "张*" in text and "张三" not in text and "13812341234" not in text


def test_an_appeal_not_escalated_has_no_order(session, loop):
    appeal_id = file(session)
    with pytest.raises(Conflict, match="未被督办"):
        documents.order_docx(session, session.get(Appeal, appeal_id), later(days=1))


def test_the_order_is_downloaded_by_the_handler_and_refused_to_others(session, loop, escalated, page_as):
    client, _ = page_as(loop.world.transport_user)
    page = client.get(f"/appeals/{escalated.id}")
    assert f'href="/appeals/{escalated.id}/supervision-order.docx"' in page.text
    answer = client.get(f"/appeals/{escalated.id}/supervision-order.docx")
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("application/vnd.openxmlformats-officedocument.wordprocessing")
    assert "filename*=UTF-8''12345" in answer.headers["content-disposition"]
    assert escalated.tracking_no in docx_text(answer.content)
    outsider, _ = page_as(loop.world.outsider)
    assert outsider.get(f"/appeals/{escalated.id}/supervision-order.docx").status_code == 403


def test_printed_by_libreoffice_the_order_shows_every_part_in_order(session, loop, escalated):
    text = pdf_text(printed(documents.order_docx(session, escalated, later(days=10, hours=2))))
    at = 0
    for part in ("12345热线", "12345督〔2025〕", "12345诉求督办单", "市交通运输局：",
                 escalated.tracking_no, "已逾期3个工作日", "第2级（督办）", "书面回复", "12345政务服务便民热线中心",
                 "2025年3月20日"):
        found = text.find(part, at)
        assert found >= 0, (part, text[at:])
        at = found + len(part)
