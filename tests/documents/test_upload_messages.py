"""Issue 6, "English in the UI": an upload the reader cannot take is refused in Chinese ("unsupported file type
.xlsx; expected .txt or .docx" once reached the page), through the service, the page and the API."""

import pytest

from tests.web.site import foreign_words
from zhenxing.documents import service
from zhenxing.errors import Rejected

BAD = [("报告.xlsx", b"PK\x03\x04"), ("报告.pdf", b"%PDF-1.4"), ("报告", b"abc"), ("报告.txt", b"\xff\xfe\x00\xd8\x00"),
       ("报告.docx", b"PK\x03\x04 not a package")]


@pytest.mark.parametrize(("name", "data"), BAD, ids=[name for name, _ in BAD])
def test_an_unreadable_upload_is_refused_in_chinese(name, data):
    with pytest.raises(Rejected) as refused:
        service.read_upload(name, data)
    assert refused.value.field == "file" and not foreign_words([refused.value.message]), refused.value.message


def test_the_page_and_the_api_say_it_in_chinese(api_as, page_as, world):
    answer = api_as(world.office).post("/api/v1/documents", files={"file": ("报告.xlsx", b"PK\x03\x04")},
                                       data={"year": "2025", "region": "锦州市"})
    assert answer.status_code == 422 and "不支持“.xlsx”文件" in answer.json()["message"]
    client, token = page_as(world.office)
    page = client.post("/documents", files={"file": ("报告.pdf", b"%PDF-1.4")},
                       data={"csrf_token": token, "year": "2025", "region": "锦州市", "title": "报告"})
    assert page.status_code == 422 and "不支持“.pdf”文件" in page.text and "unsupported" not in page.text
