"""untranslated: English left in a Chinese version and Chinese left in English."""

from __future__ import annotations

from tcheck.model import Severity

from .conftest import SEEDS, line_of, run, run_file, version

SEED001 = SEEDS / "001_91cf93f34edddc8f.txt"


def test_untranslated_english_sentence_inside_chinese_paragraph_with_span():
    text = "我们重视您的隐私。We will occasionally update this policy to reflect customer feedback. 请定期查看。\n"
    (f,) = run("untranslated", version("zh-Hans", text))
    (span,) = f.evidence["spans"]
    assert span["text"].startswith("We will occasionally")
    assert span["text"].rstrip().endswith("feedback.")
    assert span["line"] == 1 and span["column"] == text.index("We") + 1
    assert f.locations[0].start == (1, text.index("We") + 1)
    assert f.severity == Severity.WARNING


def test_untranslated_chinese_term_inside_english_clause_is_one_span():
    text = "本政策说明如下：We will occasionally update this 隐私政策 to reflect company feedback。\n"
    (f,) = run("untranslated", version("zh-Hans", text))
    (span,) = f.evidence["spans"]
    assert "隐私政策" in span["text"] and span["text"].startswith("We will")


def test_untranslated_names_products_code_urls_are_not_flagged():
    text = (
        "您可以在 Firefox Focus for Android 中使用 Mozilla Public License Version 2.0 授权的代码。\n\n"
        "请发送邮件至 privacy-team@example.com 或访问 https://www.example.com/this/is/the/privacy/policy/of/us 了解详情。\n\n"
        "在终端运行 `git commit --amend --no-edit to fix the last one` 即可。\n\n"
        "跨源资源策略（Cross-Origin Resource Policy，CORP）由 HTTP 响应头设置。\n\n"
        "参见《How I learned to stop worrying about the bomb》一文。\n"
    )
    assert run("untranslated", version("zh-Hans", text, markdown=True)) == []


def test_untranslated_quoted_title_is_kept_but_bare_sentence_is_not():
    quoted = '参见 "How to make your open source project thrive with the community"。\n'
    bare = "参见 How to make your open source project thrive with the community。\n"
    assert run("untranslated", version("zh-Hans", quoted)) == []
    assert len(run("untranslated", version("zh-Hans", bare))) == 1


def test_untranslated_glossary_do_not_translate_term_is_ignored():
    from tcheck.workspace.glossary import Glossary, GlossaryEntry

    text = "请使用 Send to all of your devices at once 功能。\n"
    assert len(run("untranslated", version("zh-Hans", text))) == 1
    g = Glossary([GlossaryEntry(en="Send to all of your devices at once", dnt=True)])
    assert run("untranslated", version("zh-Hans", text), glossary=g) == []


def test_untranslated_chinese_left_in_english_version():
    text = "We collect data.\n\nPlease read the 隐私政策 before installing the app.\n"
    (f,) = run("untranslated", version("en", text))
    assert f.evidence["spans"][0]["text"] == "隐私政策"
    assert f.locations[0].start == (3, text.split("\n")[2].index("隐") + 1)
    assert run("untranslated", version("en", "We collect data about you.\n")) == []


def test_untranslated_seed001_english_paragraphs():
    found = run_file("untranslated", SEED001)
    # consecutive English paragraphs are one finding over their lines
    lines = {n for f in found for n in range(f.locations[0].line, f.locations[0].end_line + 1)}
    assert line_of(SEED001, "Keeping your personal information secure") in lines
    assert line_of(SEED001, "We may share data with collaborative") in lines
    assert line_of(SEED001, "We may automatically collect logs") in lines
    assert line_of(SEED001, "If you have any questions regarding this") in lines
    # the translated Chinese items are not reported
    assert line_of(SEED001, "我们可能会利用您的个人信息来提供、理解并优化") not in lines


def test_log_output_paths_and_code_comments_are_not_english_prose():
    # kaia-docs nodes/debugging/node-log (kaiachain/kaia-docs, MIT): log lines quoted in a table
    log = "INFO | id=62a08a4b9f091c4b NodeType=0 ip=10.117.2.8 main=true | 节点已连接到网络"
    comment = "- 运行以下命令：\n\n  // this is the value of the counter that we will read back later\n"
    path = "配置文件位于 source/_data/the/path/to/the/config/of/the/site.yml 中。"
    assert run("untranslated", version("zh-Hans", [log, path])) == []
    assert run("untranslated", version("zh-Hans", comment, markdown=True)) == []


def test_a_menu_path_of_an_english_interface_is_not_untranslated():
    # hexo-site docs/gitlab-pages (MIT): the labels are GitLab's own, in English
    zh = "通过 **Settings** > **CI/CD** > **Runners** > **Enable shared runners for this project** 启用共享运行程序。"
    en = (
        "Enable shared runners via **Settings** > **CI/CD** > **Runners** > **Enable shared runners for this project**."
    )
    assert run("untranslated", version("zh-Hans", zh, markdown=True), version("en", en, markdown=True)) == []
    # an English sentence next to such a path still is
    zh += " This step is required before you can deploy your site."
    found = run("untranslated", version("zh-Hans", zh, markdown=True), version("en", en, markdown=True))
    assert len(found) == 1 and "This step is required" in found[0].message


def test_an_english_sentence_in_a_blockquote_is_still_untranslated():
    # hexo-site api/injector (MIT): zh-TW left "> A function that returns string is supported."
    found = run(
        "untranslated",
        version("zh-Hant", "> A function that returns string is supported.\n", region="TW", markdown=True),
        version("en", "> A function that returns string is supported.\n", markdown=True),
    )
    assert len(found) == 1
