"""/api/docs works on an intranet: Swagger UI's files come from this server, not a CDN."""

import re

from zhenxing.app import STATIC


def test_the_api_docs_page_loads_swagger_ui_from_this_server(client):
    page = client.get("/api/docs")
    assert page.status_code == 200
    sources = re.findall(r'(?:src|href)="([^"]+)"', page.text)
    assert sources, page.text
    assert all(source.startswith("/static/vendor/swagger-ui/") for source in sources), sources
    assert "https://" not in page.text and "http://" not in page.text
    assert "/openapi.json" in page.text


def test_the_swagger_ui_files_it_names_are_installed_by_make_assets():
    """`make assets` copies them from npm (swagger-ui-dist), beside htmx and ECharts."""
    for name in ("swagger-ui-bundle.js", "swagger-ui.css", "favicon-32x32.png"):
        assert (STATIC / "vendor" / "swagger-ui" / name).is_file(), f"{name}: run `make assets`"
