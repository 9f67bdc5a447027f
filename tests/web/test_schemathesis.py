"""A bounded schemathesis run over the whole OpenAPI, as an admin and as a county user: no answer is a 5xx.

Each test runs schemathesis (tests/web/fuzzing.py) against the suite's app on the suite's database — SQLite, or
PostgreSQL when ZHENXING_TEST_DATABASE_URL is set — holding a small world (tests/factories.make_world, a project
in and out of the county, a document with its drafts, a target, a task: small ids exist) and with the persona's
bearer token. Every operation of the OpenAPI is called. A 5xx, or an exception escaping the app, fails the test
with the request that caused it.

Bounded for CI (about a minute of CPU for both): a fixed seed, deterministic generation, no example database,
no shrinking. The admin goes through the coverage phase (for every parameter and body field: boundaries, nulls,
wrong types, missing and extra fields, unexpected methods) and two fuzzed examples per operation; the county
user (whose writes mostly stop at a scope check) through the schema's examples and four fuzzed ones.
ZHENXING_FUZZ_EXAMPLES raises the fuzzed examples for a deeper run by hand.

Beyond 5xx, the contract: every status an operation answers is documented in the OpenAPI (zhenxing.web.errors_doc
documents every operation's errors from its route), every body matches its declared schema and content type,
and a method an operation does not serve is a 405 with Allow (zhenxing.web.methods). The toy app at the end
proves that each of these checks can fail.
"""

import os

import pytest

from tests.factories import make_document, make_project, make_target, make_task, make_world
from tests.web.fuzzing import fuzz
from zhenxing.auth import service as accounts

EXAMPLES = int(os.environ.get("ZHENXING_FUZZ_EXAMPLES", "0"))
CHECKS = ("not_a_server_error", "status_code_conformance", "content_type_conformance", "response_schema_conformance",
          "unsupported_method")


@pytest.fixture
def app(settings, sessions):
    """The suite's app; gc_freeze off explicitly (schemathesis keeps the app's lifespan running to the end)."""
    from zhenxing.app import create_app

    return create_app(settings.model_copy(update={"gc_freeze": False}))


@pytest.fixture
def tokens(sessions) -> dict[str, str]:
    with sessions() as session:
        world = make_world(session)
        make_project(session, region_id=world.linghai.id)
        make_project(session, region_id=world.heishan.id)
        make_target(session)
        make_task(session, lead=world.transport)
        session.commit()
        make_document(session)
        tokens = {persona: accounts.create_token(session, user.name)
                  for persona, user in (("admin", world.admin), ("county", world.county))}
        session.commit()
    return tokens


def _still_signed_in(app, token: str) -> bool:
    from fastapi.testclient import TestClient

    with TestClient(app) as client:
        return client.get("/api/v1/projects", headers={"Authorization": f"Bearer {token}"}).status_code == 200


def _verdict(run, app, token: str) -> None:
    report = "\n\n".join(run.crashes[:3] + run.server_errors[:5])
    assert not run.crashes and not run.server_errors, (
        f"{len(run.server_errors)} 5xx and {len(run.crashes)} crashes in {run.sent} requests:\n\n{report}")
    broken = sorted(f"{check}: {operation}" for check, operations in run.failures.items() for operation in operations)
    assert not broken, f"{len(broken)} breaches of the OpenAPI contract in {run.sent} requests:\n" + "\n".join(
        broken) + "\n\n" + "\n\n".join(list(run.samples.values())[:3])
    untested = run.operations - len(run.tested)
    assert untested == 0, f"{untested} of {run.operations} operations got no request"
    # A run whose token a fuzzed request revoked would answer 401 to everything after it and prove nothing.
    assert _still_signed_in(app, token), "the persona's token stopped working during the run"


def test_no_server_error_as_admin(app, tokens):
    run = fuzz(app, tokens["admin"], phases=("examples", "coverage", "fuzzing"), max_examples=EXAMPLES or 2,
               checks=CHECKS)
    assert run.sent > 10 * run.operations
    _verdict(run, app, tokens["admin"])


def test_no_server_error_as_county_user(app, tokens):
    run = fuzz(app, tokens["county"], phases=("examples", "fuzzing"), max_examples=EXAMPLES or 4, checks=CHECKS)
    assert run.sent > 2 * run.operations
    _verdict(run, app, tokens["county"])


def test_the_run_catches_a_server_error_and_an_escaping_exception():
    """The harness itself: a route that answers 500 on some input, another that raises, are both reported."""
    from fastapi import FastAPI
    from fastapi.responses import JSONResponse

    toy = FastAPI()

    @toy.get("/items/{number}")
    def item(number: int):
        return JSONResponse({}, status_code=500 if number > 3 else 200)

    @toy.post("/notes")
    def note(text: str):
        raise RuntimeError("boom")

    run = fuzz(toy, "token", max_examples=5)
    assert any(error.startswith("GET /items/{number} → 500") for error in run.server_errors)
    assert any(crash.startswith("POST /notes: RuntimeError") for crash in run.crashes)


def test_the_run_catches_each_breach_of_the_contract():
    """Each conformance check enabled above fails on a toy app that breaks it."""
    from fastapi import FastAPI
    from fastapi.responses import JSONResponse, PlainTextResponse
    from pydantic import BaseModel

    class Count(BaseModel):
        count: int

    toy = FastAPI()

    @toy.get("/teapot/{number}")  # an undocumented status
    def teapot(number: int):
        return JSONResponse({}, status_code=418 if number > 3 else 200)

    @toy.get("/count", response_model=Count)  # a body that is not the declared model
    def count():
        return JSONResponse({"count": "many"})

    @toy.get("/text")  # JSON declared, text sent
    def text() -> dict:
        return PlainTextResponse("plain")

    @toy.get("/open")  # the other methods are served too, undocumented: not a 405
    def open_door() -> dict:
        return {}

    toy.add_api_route("/open", open_door, methods=["POST", "PUT", "PATCH", "DELETE"], include_in_schema=False)

    run = fuzz(toy, "token", max_examples=5, checks=CHECKS)
    assert {"GET /teapot/{number} → 418"} <= run.failures["status_code_conformance"]
    assert {"GET /count → 200"} <= run.failures["response_schema_conformance"]
    assert {"GET /text → 200"} <= run.failures["content_type_conformance"]
    assert any(found.startswith("GET /open → 200") for found in run.failures["unsupported_method"]), run.failures
