"""broken-spacing: stray spaces inside Chinese words."""

from __future__ import annotations

from .conftest import line_of, run, run_file, version
from .samples import SEED004


def test_broken_spacing_inside_word_with_suggestion():
    text = "我们将通过密码加密等安全措施，防止信息泄 露、毁损、丢失。\n"
    (f,) = run("broken-spacing", version("zh-Hans", text))
    (span,) = f.evidence["spans"]
    assert span["word"] == "泄露" and span["text"] == "泄 露"
    assert span["column"] == text.index("泄") + 1
    assert "泄露" in f.suggestion


def test_broken_spacing_leaves_normal_spacing_alone():
    text = (
        "我们使用 Firefox 浏览器和 HTTP 协议，保存 30 天。\n\n"
        "第 一 章\n\n"
        "目 录\n\n"
        "请参阅 《用户协议》 的规定。\n\n"
        "我们要求 他们遵守保密义务。\n\n"
        "（例如 密码或者其他不能公开的信息）\n"
    )
    assert run("broken-spacing", version("zh-Hans", text)) == []
    assert run("broken-spacing", version("en", "Data is stored for 30 days.\n")) == []


def test_broken_spacing_between_words_in_a_document_that_does_not_space_words():
    body = "我们会按照法律法规的规定处理您的个人信息，并采取合理的安全措施保护这些信息。\n\n" * 6
    text = body + "我们会向负责执行的社群领导者 回报滥用行为。\n\n用户端请求 的标头与此类似。\n"
    (f, g) = run("broken-spacing", version("zh-Hans", text))
    assert f.evidence["spans"][0]["text"] == "者 回" and g.evidence["spans"][0]["text"] == "求 的"
    # Traditional text: the dictionary word is found after conversion (設 定 -> 设定)
    (h,) = run("broken-spacing", version("zh-Hant", "其它功能與服務可在應用程式偏好設 定中停用。\n"))
    assert h.evidence["spans"][0]["word"] == "設定"


def test_broken_spacing_run_in_heading_and_short_words_stay_quiet():
    body = "我们会按照法律法规的规定处理您的个人信息，并采取合理的安全措施保护这些信息。\n\n" * 6
    text = (
        body
        + "2.1 信息存储的地点 我们会按照法律法规规定存储于中国境内。\n\n（例如 密码或者其他信息）\n\n侧信道攻击 或 XSS 攻击。\n"
    )
    assert run("broken-spacing", version("zh-Hans", text)) == []


def test_broken_spacing_seed004():
    found = run_file("broken-spacing", SEED004)
    words = {s["word"]: s["line"] for f in found for s in f.evidence["spans"]}
    assert words.get("泄露") == line_of(SEED004, "泄 露")
    assert words.get("公司") == line_of(SEED004, "关联公 司")


def test_broken_spacing_full_width_space_before_an_honorific_is_deliberate():
    # Taiwanese legal texts set an honorific off with U+3000 (　貴用戶, 　台端)
    text = "本公司將依法保護　貴用戶之個人資料，並於　台端同意後方得使用。\n"
    assert run("broken-spacing", version("zh-Hant", text, region="TW")) == []
    # a space standing for punctuation between two phrases of a label is no broken word
    body = "我们会按照法律法规的规定处理您的个人信息，并采取合理的安全措施保护这些信息。\n\n" * 6
    assert run("broken-spacing", version("zh-Hans", body + "项目文件目录 存储内容的位置\n")) == []
    # a word cut by a space still is
    (f,) = run("broken-spacing", version("zh-Hant", "本公司絕不洩 露　貴用戶之個人資料。\n", region="TW"))
    assert f.evidence["spans"][0]["word"] == "洩露"
