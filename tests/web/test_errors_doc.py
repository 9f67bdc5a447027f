"""The OpenAPI documents every operation's error answers, in the shape the app really gives them.

The statuses an operation can answer are decided from its route (zhenxing.web.errors_doc); schemathesis
(tests/web/test_schemathesis.py) checks that every status it meets is documented. Here: the shape and the rules.
"""

from zhenxing.web.errors_doc import ErrorBody

OURS = {"$ref": "#/components/schemas/ErrorBody"}


def _schema(client) -> dict:
    return client.get("/openapi.json").json()


def _error_schema(operation: dict, code: str) -> dict | None:
    answer = operation["responses"].get(code)
    return answer and answer["content"]["application/json"]["schema"]


def test_every_operation_documents_its_errors_in_the_apps_shape(client):
    schema = _schema(client)
    operations = [(path, method, op) for path, ops in schema["paths"].items() for method, op in ops.items()]
    assert len(operations) > 100
    for path, method, operation in operations:
        label = f"{method.upper()} {path}"
        if path.startswith("/open311/"):
            assert _error_schema(operation, "404")["items"] == {"$ref": "#/components/schemas/Open311Error"}, label
            continue
        takes_input = bool(operation.get("parameters")) or "requestBody" in operation
        if takes_input:
            assert _error_schema(operation, "422") == OURS and _error_schema(operation, "404") == OURS, label
        if method != "get":
            assert _error_schema(operation, "409") == OURS and _error_schema(operation, "503") == OURS, label
    assert "HTTPValidationError" not in schema["components"]["schemas"]  # FastAPI's {"detail": …}: never sent
    assert schema["components"]["schemas"]["ErrorBody"]["required"] == ["message"]


def test_a_signed_in_operation_documents_401_and_403_and_a_public_one_does_not(client):
    paths = _schema(client)["paths"]
    edit = paths["/api/v1/projects/{project_id}"]["patch"]["responses"]
    assert {"401", "403", "404", "409", "422", "503"} <= set(edit)
    assert "401" not in paths["/open311/v2/services.{kind}"]["get"]["responses"]


def test_the_errors_the_app_gives_match_the_documented_body(client, api_as, world):
    """The documented model validates what the app answers for each kind of error."""
    county = api_as(world.county)
    answers = [client.get("/api/v1/projects"),                                       # 401
               county.get("/api/v1/users"),                                          # 403
               api_as(world.admin).get("/api/v1/projects/999999"),                   # 404
               api_as(world.admin).get("/api/v1/projects", params={"page": "x"}),    # 422
               api_as(world.admin).post("/api/v1/people", content=b"\xff",           # 400
                                        headers={"content-type": "application/json"})]
    assert [answer.status_code for answer in answers] == [401, 403, 404, 422, 400], [a.text for a in answers]
    for answer in answers:
        ErrorBody.model_validate(answer.json())
