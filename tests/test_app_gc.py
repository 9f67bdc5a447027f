"""A served app moves its start-up objects out of the garbage collector's view; an app made in tests does not
(frozen objects are never freed, and tests make hundreds of apps)."""

import gc

from fastapi.testclient import TestClient

from zhenxing.app import create_app


def test_a_served_app_freezes_what_exists_at_start_and_a_test_app_does_not(settings, sessions):
    gc.unfreeze()
    try:
        # Explicitly off: `zhenxing serve` sets ZHENXING_GC_FREEZE for its workers, and a CLI test in the same
        # process may have left it set.
        with TestClient(create_app(settings.model_copy(update={"gc_freeze": False}))):
            assert gc.get_freeze_count() == 0
        with TestClient(create_app(settings.model_copy(update={"gc_freeze": True}))) as client:
            assert gc.get_freeze_count() > 10_000
            assert client.get("/login").status_code == 200
    finally:
        gc.unfreeze()
