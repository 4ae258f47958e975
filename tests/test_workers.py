"""--jobs: bounded worker counts, results in order, errors stop every worker."""

import os
import time

import pytest

from tcheck import workers


def _square(x):
    return x * x


def _fail_on_three(x):
    if x == 3:
        raise ValueError("three")
    time.sleep(0.05)
    return x


def _blas_threads(_):
    from threadpoolctl import threadpool_info

    return max((lib["num_threads"] for lib in threadpool_info()), default=1)


def test_worker_count_is_capped_by_cpus_and_jobs():
    assert workers.worker_count(1000, 12) == min(12, workers.cpu_count())
    assert workers.worker_count(4, 1) == 1
    assert workers.worker_count(1, 50) == 1
    assert workers.cpu_count() <= (os.cpu_count() or 1)


def test_results_come_back_in_order():
    assert workers.run_ordered(_square, list(range(20)), 2) == [x * x for x in range(20)]


def test_an_error_stops_the_pool():
    start = time.monotonic()
    with pytest.raises(ValueError, match="three"):
        workers.run_ordered(_fail_on_three, list(range(200)), 2)
    assert time.monotonic() - start < 5  # the queue of 200 × 50 ms is not worked off


def test_each_worker_uses_one_blas_thread():
    assert set(workers.run_ordered(_blas_threads, [0, 1], 2)) == {1}


def test_jobs_1000_on_three_documents_starts_few_workers(tmp_path, monkeypatch):
    from concurrent.futures import ProcessPoolExecutor

    from click.testing import CliRunner

    from tcheck.cli import main

    started = []

    class Recording(ProcessPoolExecutor):
        def __init__(self, max_workers=None, **kwargs):
            started.append(max_workers)
            super().__init__(max_workers=max_workers, **kwargs)

    monkeypatch.setattr("concurrent.futures.ProcessPoolExecutor", Recording)
    monkeypatch.chdir(tmp_path)
    for i in range(3):
        (tmp_path / f"d{i}.zh-CN.md").write_text(f"我们将在{i + 1}天内删除您的数据。\n", encoding="utf-8")
        (tmp_path / f"d{i}.md").write_text(f"We will delete your data within {i + 1} days.\n", encoding="utf-8")
    res = CliRunner().invoke(main, ["audit", ".", "--jobs", "1000", "--no-config", "--fail-on", "never"])
    assert res.exit_code == 0, res.output
    assert "in 3 documents" in res.stdout
    assert started == [min(3, workers.cpu_count())] or (started == [] and workers.cpu_count() == 1)


def _encode_threads(_):
    from tcheck.embed.budget import encode_threads

    return encode_threads()


def test_a_worker_encodes_with_one_thread():
    if workers.cpu_count() > 1:
        assert workers.run_ordered(_encode_threads, [1, 2], 2) == [1, 1]


def _gc_thresholds(_):
    import gc

    return gc.get_threshold()


def test_documents_are_audited_with_fewer_collections_and_thresholds_restored(monkeypatch):
    import gc

    from tcheck import pipeline

    before = gc.get_threshold()
    seen = []
    monkeypatch.setattr(pipeline, "audit_files", lambda *a, **k: seen.append(gc.get_threshold()))
    monkeypatch.setattr(pipeline, "_embedder", lambda settings: object())

    class _Job:
        files, langs, document = ["a.md"], {}, None

    pipeline.audit_jobs([_Job(), _Job()], pipeline.Settings(use_cache=False))
    assert seen == [workers.AUDIT_GC_THRESHOLDS] * 2
    assert gc.get_threshold() == before
    if workers.cpu_count() > 1:  # a worker keeps them for its life
        assert workers.run_ordered(_gc_thresholds, [1, 2], 2) == [workers.AUDIT_GC_THRESHOLDS] * 2
