"""--jobs: documents go to the workers largest first; results come back in the run's order."""

import tcheck.workers
from tcheck.load.documents import Job
from tcheck.model import Document, Segment, Version
from tcheck.pipeline import Settings, audit_jobs


def _job(name: str, chars: int) -> Job:
    v = Version("en", name, [Segment(1, "x" * chars, "x" * chars, 1, 1)])
    return Job([name], {}, Document([v]))


def test_largest_first_results_in_order(monkeypatch):
    seen = []

    def fake(fn, items, workers, on_done=None):
        seen.extend(j.files[0] for j in items)
        return [j.files[0] for j in items]

    monkeypatch.setattr(tcheck.workers, "run_ordered", fake)
    monkeypatch.setattr(tcheck.workers, "cpu_count", lambda: 2)
    jobs = [_job("small", 10), _job("big", 1000), _job("mid", 100), _job("mid2", 100)]
    out = audit_jobs(jobs, Settings(use_cache=False), workers=2)
    assert seen == ["big", "mid", "mid2", "small"]
    assert out == ["small", "big", "mid", "mid2"]


def test_pipeline_file_size_limit_is_the_loaders():
    from tcheck.load.decode import MAX_FILE_SIZE
    from tcheck.pipeline import MAX_FILE_SIZE as SEEN

    assert SEEN == MAX_FILE_SIZE


def test_pipeline_and_cache_load_no_numpy():
    """A warm run answered by the run index never needs numpy or the loaders."""
    import subprocess
    import sys

    code = "import sys, tcheck.pipeline, tcheck.cache; print('numpy' in sys.modules, 'tcheck.load' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["False", "False"]
