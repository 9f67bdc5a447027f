"""schemathesis over the app's whole OpenAPI, in-process, as one persona: what was sent and what came back.

Used by tests/web/test_schemathesis.py (the suite's gate: no 5xx) and bench/probe.py (the figures). It drives
schemathesis' own engine (the one its command line uses) rather than its pytest plugin: the plugin builds every
coverage case of every operation while pytest collects (paid again by each xdist worker, whether or not it runs
the test), and its lazy fixture loader does not run under pytest 9.
"""

from collections import Counter
from dataclasses import dataclass, field

import schemathesis
from schemathesis.config import SchemathesisConfig
from schemathesis.engine import Status, events, from_schema

SEED = 20261130
PHASES = ("examples", "coverage", "fuzzing", "stateful")


@dataclass
class FuzzRun:
    """What one run sent and what came back."""

    operations: int = 0  # operations in the schema
    tested: set[str] = field(default_factory=set)  # operations that got at least one request
    sent: int = 0
    statuses: Counter = field(default_factory=Counter)
    server_errors: list[str] = field(default_factory=list)  # "METHOD path → status" + how to reproduce
    crashes: list[str] = field(default_factory=list)  # exceptions that escaped the app
    failures: dict[str, set[str]] = field(default_factory=dict)  # other checks: name → "operation → status"
    samples: dict[str, str] = field(default_factory=dict)  # "check: operation → status" → what failed, how

    @property
    def five_hundreds(self) -> int:
        return sum(count for status, count in self.statuses.items() if status >= 500)


def fuzz(app, token: str, *, phases: tuple[str, ...] = ("examples", "coverage", "fuzzing"), max_examples: int = 2,
         checks: tuple[str, ...] = ("not_a_server_error",), seed: int = SEED) -> FuzzRun:
    """Run schemathesis over every operation of `app`'s OpenAPI with `token` as the bearer; deterministic."""
    config = SchemathesisConfig.from_dict({
        "seed": seed,
        "headers": {"Authorization": f"Bearer {token}"},
        # Slow is not broken: on two loaded cores a meeting agenda once took over schemathesis' default 10 s.
        "request-timeout": 300,
        "generation": {"max-examples": max_examples, "deterministic": True, "database": "none", "no-shrink": True},
        "phases": {name: {"enabled": name in phases} for name in PHASES},
        "checks": {"enabled": False, **{name: {"enabled": True} for name in checks}},
    })
    schema = schemathesis.openapi.from_asgi("/openapi.json", app, config=config)
    run = FuzzRun(operations=schema.statistic.operations.total)
    for event in from_schema(schema).execute():
        if isinstance(event, events.ScenarioFinished) and event.status != Status.SKIP:
            _record(run, event)
        elif isinstance(event, events.NonFatalError):
            run.crashes.append(f"{event.label}: {event.value!r}"[:2000])
        elif isinstance(event, events.FatalError):
            run.crashes.append(f"schemathesis stopped: {event.exception!r}"[:2000])
    return run


def _record(run: FuzzRun, event: "events.ScenarioFinished") -> None:
    recorder = event.recorder
    for interaction in recorder.interactions.values():
        run.sent += 1
        run.tested.add(event.label)
        if interaction.response is not None:
            run.statuses[interaction.response.status_code] += 1
    for case_id, nodes in recorder.checks.items():
        for node in nodes:
            if node.failure_info is None:
                continue
            interaction = recorder.interactions.get(case_id)
            status = interaction.response.status_code if interaction and interaction.response else None
            if node.name == "not_a_server_error":
                run.server_errors.append(f"{event.label} → {status}\n{node.failure_info.code_sample}"[:3000])
            else:
                key = f"{event.label} → {status}"
                run.failures.setdefault(node.name, set()).add(key)
                failure = node.failure_info.failure
                body = interaction.response.content[:300] if interaction and interaction.response else b""
                run.samples.setdefault(f"{node.name}: {key}", f"{failure.title}: {failure.message}"[:600]
                                       + f"\n{node.failure_info.code_sample}"[:600] + f"\n← {body!r}")
