"""What people type is shown as text, never run as markup (project names, document text)."""

from tests.factories import make_document, make_project

EVIL = '<script>alert("x")</script>'


def test_a_project_name_with_markup_is_escaped_in_the_list_and_on_its_page(world, session, page_as):
    project = make_project(session, name=f"恶意{EVIL}项目")
    session.commit()
    client, _ = page_as(world.office)
    for path in ("/projects", f"/projects/{project.id}"):
        page = client.get(path).text
        assert EVIL not in page
        assert "&lt;script&gt;" in page


def test_a_document_with_markup_is_escaped_in_its_highlighted_view(world, session, page_as):
    text = f"二、2025年工作安排\n{EVIL}地区生产总值增长6%左右。"
    document = make_document(session, actor=world.office, text=text).document
    client, _ = page_as(world.office)
    page = client.get(f"/documents/{document.id}").text
    assert EVIL not in page
    assert "&lt;script&gt;" in page and 'class="fact target"' in page
