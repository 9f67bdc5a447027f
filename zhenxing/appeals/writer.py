"""Durable intake with group commit.

Every request that takes in an appeal hands its draft to the writer and waits. One thread takes all the
drafts waiting at that moment (up to BATCH), stores them in one transaction and commits; only then does each
request get its tracking number. An appeal acknowledged to its sender is therefore always committed, and
many concurrent senders share one commit (and one fsync on PostgreSQL) instead of paying one each.
If the batch fails as a whole (a conflict), each draft is retried on its own, so one bad draft cannot
sink the others.
"""

import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future
from datetime import datetime

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from zhenxing.appeals.intake import Draft, Taken, submit
from zhenxing.audit import now_utc

BATCH = 200
RETRIES = 3


class IntakeWriter:
    def __init__(self, sessions: sessionmaker[Session], *, ip_secret: str = "",
                 clock: Callable[[], datetime] = now_utc):
        self.sessions, self.ip_secret, self.clock = sessions, ip_secret, clock
        self._queue: queue.Queue[tuple[Draft, Future] | None] = queue.Queue()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    def submit(self, draft: Draft, timeout: float = 30.0) -> Taken:
        """Store one draft; returns once it is committed (or refused)."""
        self._ensure_started()
        future: Future = Future()
        self._queue.put((draft, future))
        return future.result(timeout=timeout)

    def _ensure_started(self) -> None:
        with self._lock:
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, name="appeal-intake", daemon=True)
                self._thread.start()

    def stop(self) -> None:
        if self._thread is not None and self._thread.is_alive():
            self._queue.put(None)
            self._thread.join(timeout=10)

    def _run(self) -> None:
        while True:
            item = self._queue.get()
            if item is None:
                return
            batch = [item]
            while len(batch) < BATCH:
                try:
                    more = self._queue.get_nowait()
                except queue.Empty:
                    break
                if more is None:
                    self._queue.put(None)
                    break
                batch.append(more)
            self._store(batch)

    def _store(self, batch: list[tuple[Draft, Future]]) -> None:
        try:
            results = self._commit([draft for draft, _ in batch])
        except IntegrityError:
            results = None
        except Exception as error:  # noqa: BLE001 - every waiting request must hear about the failure
            for _, future in batch:
                future.set_exception(error)
            return
        if results is None:  # retry one by one: a clash of one draft must not refuse the others
            for draft, future in batch:
                try:
                    future.set_result(self._commit_one(draft))
                except Exception as error:  # noqa: BLE001
                    future.set_exception(error)
            return
        for (_, future), result in zip(batch, results, strict=True):
            future.set_result(result)

    def _commit_one(self, draft: Draft, attempts: int = RETRIES) -> Taken:
        """One draft alone; a tracking-number clash draws a new number (each attempt draws afresh)."""
        for attempt in range(attempts):
            try:
                return self._commit([draft])[0]
            except IntegrityError:
                if attempt == attempts - 1:
                    raise
        raise AssertionError("unreachable")

    def _commit(self, drafts: list[Draft]) -> list[Taken]:
        with self.sessions() as session, session.begin():
            return submit(session, drafts, now=self.clock(), ip_secret=self.ip_secret)


def submit_now(session: Session, draft: Draft, *, now: datetime, ip_secret: str = "") -> Taken:
    """Store a draft in the caller's own transaction (CLI, demo, tests); a tracking-number clash is drawn
    again inside a savepoint."""
    for attempt in range(RETRIES):
        try:
            with session.begin_nested():
                return submit(session, [draft], now=now, ip_secret=ip_secret)[0]
        except IntegrityError:
            if attempt == RETRIES - 1:
                raise
    raise AssertionError("unreachable")
