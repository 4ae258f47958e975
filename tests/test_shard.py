"""--shard K/N: a deterministic, size-balanced share of the document groups (tcheck.shard)."""

import json
import shutil
from pathlib import Path

import pytest

from tcheck.model import InputError
from tcheck.shard import Shard, assign, parse_shard, select, shard_sizes
from tcheck.workspace.grouping import plan

CORPUS = Path("/work/shared/corpus")
TLDR = ["freebsd_chsh", "dos_chdir", "osx_gdate", "linux_systemctl-condreload", "osx_reboot", "windows_cls"]


def corpus_site(dest: Path) -> Path:
    """Eight real trilingual groups: six tldr pages and both Contributor Covenant versions."""
    if not CORPUS.is_dir():
        pytest.skip("the shared corpus is not on this machine")
    site = dest / "site"
    for name in TLDR:
        shutil.copytree(CORPUS / "tldr-pages" / name, site / name)
    for v in ("v1.4", "v2.1"):
        shutil.copytree(CORPUS / "contributor-covenant" / v, site / f"covenant-{v}")
    return site


@pytest.mark.parametrize("spec", ["1/1", "2/4", " 3 / 3 ", "1000/1000"])
def test_parse_valid(spec):
    s = parse_shard(spec)
    assert 1 <= s.index <= s.total


@pytest.mark.parametrize("spec", ["", "0/2", "3/2", "1/0", "x", "1/2/3", "-1/2", "1.5/2", "1/1001", "1/"])
def test_parse_invalid(spec):
    with pytest.raises(InputError, match="--shard"):
        parse_shard(spec)


def test_lpt_is_balanced_and_deterministic():
    sizes = [50, 40, 30, 30, 20, 20, 10, 10, 5, 5]
    keys = [f"g{i}" for i in range(len(sizes))]
    owner = assign(sizes, keys, 3)
    assert owner == assign(sizes, keys, 3)
    loads = [sum(s for s, o in zip(sizes, owner) if o == k) for k in range(3)]
    assert max(loads) <= 1.25 * min(loads)
    assert sorted(set(owner)) == [0, 1, 2]


def test_ties_broken_by_path_not_by_input_order():
    sizes, keys = [10, 10, 10, 10], ["d", "b", "c", "a"]
    owner = assign(sizes, keys, 2)
    by_key = dict(zip(keys, owner))
    shuffled = assign(sizes[::-1], keys[::-1], 2)
    assert dict(zip(keys[::-1], shuffled)) == by_key


def test_more_shards_than_groups_leaves_some_empty():
    assert sorted(assign([3, 2], ["a", "b"], 4)) == [0, 1]


@pytest.mark.parametrize("n", [2, 3])
def test_shards_partition_the_groups(tmp_path, monkeypatch, n):
    site = corpus_site(tmp_path)
    monkeypatch.chdir(tmp_path)
    groups = plan([str(site.relative_to(tmp_path))])
    assert len(groups) == 8
    picked = [i for k in range(1, n + 1) for i, _ in select(groups, Shard(k, n))]
    assert sorted(picked) == list(range(len(groups)))  # union = all, no overlap
    sizes = shard_sizes(groups, n)
    weights = [sum(Path(f).stat().st_size for f in g.files) for g in groups]
    assert sum(sizes) == sum(weights)
    assert max(sizes) - min(sizes) <= max(weights)  # the LPT bound
    if max(weights) <= sum(weights) / n:  # the groups allow an even split: within 25 %
        assert max(sizes) <= 1.25 * min(sizes), sizes


@pytest.mark.parametrize("n", [2, 3])
def test_cli_shards_cover_every_document_once(audit_cli, tmp_path, n):
    corpus_site(tmp_path)
    single = json.loads(audit_cli("site", "--format", "json", "--fail-on", "never").output)
    seen = []
    for k in range(1, n + 1):
        res = audit_cli("site", "--shard", f"{k}/{n}", "--format", "json", "--fail-on", "never")
        assert res.exit_code == 0, res.output
        report = json.loads(res.output)
        assert report["shard"]["index"] == k and report["shard"]["total"] == n
        seen += [tuple(v["path"] for v in d["versions"]) for d in report["documents"]]
    everything = [tuple(v["path"] for v in d["versions"]) for d in single["documents"]]
    assert sorted(seen) == sorted(everything) and len(seen) == len(set(seen))


@pytest.mark.parametrize("spec", ["0/2", "3/2", "x", "1/0", "2"])
def test_cli_invalid_shard_is_one_line_exit_2(audit_cli, tmp_path, spec):
    corpus_site(tmp_path)
    res = audit_cli("site", "--shard", spec)
    assert res.exit_code == 2
    lines = [ln for ln in res.output.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith("tcheck: error: --shard"), res.output
