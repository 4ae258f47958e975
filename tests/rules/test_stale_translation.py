"""stale-translation: a version translated from another revision of the English text."""

from __future__ import annotations

from .conftest import check
from .conftest import rows_context as _ctx

# en is the current text: 12 paragraphs; zh-Hans translates only 3 of them (an older revision)
EN = [f"Paragraph number {n} of the current notice explains one more thing about your data." for n in range(1, 13)]
ZH_OLD = [
    "本通知第一段说明我们如何处理数据。",
    "旧版通知中的一段，新版已删除。",
    "本通知第二段说明您的权利。",
    "旧版的联系方式段落。",
]


def _stale_ctx():
    rows = [{"zh-Hans": [1], "en": [1]}, {"zh-Hans": [2], "en": []}, {"zh-Hans": [3], "en": [2]}]
    rows += [{"zh-Hans": [], "en": [n]} for n in range(3, 12)]
    rows += [{"zh-Hans": [4], "en": []}, {"zh-Hans": [], "en": [12]}]
    return _ctx({"zh-Hans": ZH_OLD, "en": EN}, rows)


def test_stale_version_is_one_finding_with_the_counts():
    (f,) = check("stale-translation", _stale_ctx())
    assert f.locations[0].lang == "zh-Hans"
    assert f.evidence["unmatched"] == {"zh-Hans": 2, "en": 10}
    assert "10 of 12 en paragraphs" in f.message


def test_stale_version_gives_no_missing_paragraph_findings():
    assert check("missing-paragraph", _stale_ctx()) == []


def test_versions_sharing_most_paragraphs_are_not_stale():
    zh = [f"通知第{n}段。说明与您的数据有关的一件事。" for n in range(1, 13)]
    rows = [{"zh-Hans": [n], "en": [n]} for n in range(1, 12)] + [
        {"zh-Hans": [12], "en": []},
        {"zh-Hans": [], "en": [12]},
    ]
    assert check("stale-translation", _ctx({"zh-Hans": zh, "en": EN}, rows)) == []


# tldr-pages, common/docker-container-rm (CC BY 4.0): zh-TW is still the alias page
# ("this command is an alias of `docker rm`") while en and zh-CN give the full page.
_EN_FULL = [
    "docker container rm",
    "Remove containers.",
    "More information: <https://docs.docker.com/reference/cli/docker/container/rm/>.",
    "Remove containers:",
    "Force remove a container:",
    "Remove a container and its volumes:",
    "Display help:",
    "Remove stopped containers with the prune command instead.",
    "List the containers first to find their names.",
]
_HANT_ALIAS = [
    "docker container rm",
    "此命令為 `docker rm` 的別名。",
    "更多資訊：<https://docs.docker.com/reference/cli/docker/container/rm/>。",
    "檢視原命令的文件：",
]


def test_a_short_alias_page_is_one_stub_finding():
    rows = [
        {"zh-Hant": [1], "en": [1]},
        {"zh-Hant": [2], "en": []},
        {"zh-Hant": [], "en": [2]},
        {"zh-Hant": [3], "en": [3]},
    ]
    rows += [{"zh-Hant": [], "en": [n]} for n in (4, 5, 6)] + [{"zh-Hant": [4], "en": [7]}]
    rows += [{"zh-Hant": [], "en": [8]}, {"zh-Hant": [], "en": [9]}]
    ctx = _ctx({"zh-Hant": _HANT_ALIAS, "en": _EN_FULL}, rows)
    (f,) = check("stale-translation", ctx)
    assert f.locations[0].lang == "zh-Hant" and "much shorter than en" in f.message
    assert f.locations[0].paragraph == 2  # the first paragraph after the title: where the alias note stands
    assert check("missing-paragraph", ctx) == []  # not one missing paragraph after the other


def test_a_version_with_a_few_paragraphs_missing_is_not_a_stub():
    rows = [{"zh-Hant": [n], "en": [n]} for n in range(1, 5)] + [{"zh-Hant": [], "en": [n]} for n in (5, 6, 7)]
    zh = ["docker container rm", "移除容器。", "更多資訊。", "移除容器："]
    assert check("stale-translation", _ctx({"zh-Hant": zh, "en": _EN_FULL[:7]}, rows)) == []
