"""Worker processes for ``--jobs``: bounded, single-threaded BLAS, stopped at once by Ctrl-C.

The terminal sends SIGINT to the whole process group. Workers ignore it;
the parent gets KeyboardInterrupt, cancels the queued jobs and terminates
the running workers before re-raising, so an interrupted run ends within
a second instead of finishing the queue. The number of workers never
exceeds the CPUs this process may use or the number of jobs, and each
worker's numpy uses one BLAS thread (threadpoolctl), so N workers use N
cores, not N times the machine.
"""

from __future__ import annotations

import gc
import os
import signal
from collections.abc import Callable, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:  # the pool loads only when there are workers to start
    from concurrent.futures import ProcessPoolExecutor

T = TypeVar("T")
_JOIN_TIMEOUT = 1.0
_blas_limits: Any = None  # kept alive for the worker's lifetime


def cpu_count() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def worker_count(requested: int, jobs: int) -> int:
    """How many processes to start for ``jobs`` jobs when ``requested`` were asked for."""
    return max(1, min(requested, cpu_count(), jobs))


# Garbage-collection thresholds while documents are audited. A run allocates millions of small
# objects (segments, rows, findings, memoised analyses) and keeps every result until the report:
# with Python's default (700, 10, 10) the collector traversed that growing heap over and over,
# 3.3 s of an 82 s audit of two corpus sites, and the whole run took about 10% more CPU.
# Reference counting frees almost everything; cycles are still collected, less often.
AUDIT_GC_THRESHOLDS = (50_000, 20, 20)


@contextmanager
def fewer_collections():
    """Run the block with :data:`AUDIT_GC_THRESHOLDS`, restoring the previous thresholds after."""
    before = gc.get_threshold()
    gc.set_threshold(*AUDIT_GC_THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*before)


def _init_worker() -> None:
    global _blas_limits
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    gc.set_threshold(*AUDIT_GC_THRESHOLDS)  # a worker only audits documents
    from .embed import budget

    budget.ENCODE_THREADS = 1  # the other cores run the other workers
    try:
        import numpy  # noqa: F401  (load BLAS first: threadpoolctl limits loaded libraries)
        from threadpoolctl import threadpool_limits
    except ImportError:  # pragma: no cover - both are dependencies
        return
    _blas_limits = threadpool_limits(limits=1)


def run_ordered(
    fn: Callable[[T], Any], items: Sequence[T], workers: int, on_done: Callable[[], None] | None = None
) -> list:
    """``[fn(x) for x in items]`` in up to ``workers`` processes; results in ``items`` order.

    ``fn`` must be picklable (a module-level function or a partial of one).
    ``on_done`` is called in this process each time an item finishes (progress).
    Any exception, KeyboardInterrupt included, stops every worker and is re-raised.
    """
    from concurrent.futures import ProcessPoolExecutor

    pool = ProcessPoolExecutor(max_workers=worker_count(workers, len(items)), initializer=_init_worker)
    try:
        futures = [pool.submit(fn, x) for x in items]
        if on_done is not None:
            from concurrent.futures import as_completed

            for _ in as_completed(futures):
                on_done()
        results = [f.result() for f in futures]
    except BaseException:
        _stop(pool)
        raise
    pool.shutdown(wait=True)
    return results


def _stop(pool: ProcessPoolExecutor) -> None:
    """Cancel queued jobs and terminate running workers without waiting for them.

    ``_processes`` is the executor's table of worker processes; Python 3.11
    has no public way to terminate them (3.14 adds ``terminate_workers``).
    """
    processes = list((getattr(pool, "_processes", None) or {}).values())
    for p in processes:
        p.terminate()
    pool.shutdown(wait=False, cancel_futures=True)
    for p in processes:
        p.join(_JOIN_TIMEOUT)
    # The pool's manager thread stays registered for the interpreter's exit hook, which would
    # then write to its closed wake-up pipe and print a traceback after "interrupted".
    from concurrent.futures import process as _process

    thread = getattr(pool, "_executor_manager_thread", None)
    if thread is not None:
        thread.join(_JOIN_TIMEOUT)
        _process._threads_wakeups.pop(thread, None)
    # and any other stopped pool's entry (a manager thread that has ended: its pipe may be gone);
    # a wake-up pipe the terminated workers took down with them must not raise in the exit hook
    for t in [t for t in list(_process._threads_wakeups) if not t.is_alive()]:
        _process._threads_wakeups.pop(t, None)
    for wakeup in list(_process._threads_wakeups.values()):
        wakeup.wakeup = _quiet(wakeup.wakeup)


def _quiet(wake):
    """``wake`` that ignores a closed pipe (OSError) instead of printing a traceback at exit."""

    def call():
        try:
            wake()
        except OSError:
            pass

    return call
