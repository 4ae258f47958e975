"""The registry and what every rule has in common."""

from __future__ import annotations

import pytest

from tcheck.model import Severity
from tcheck.rules import all_rules

from .conftest import plain_doc as _doc
from .conftest import run_doc as _run

HANS = [
    "欢迎使用讯小通！",
    "讯小通会保护您的个人数据。",
    "如果您注册讯小通账户，我们会收集您的手机号码。",
    "讯小通不会出售您的个人数据。",
    "您可以随时联系讯小通客服。",
    "我们使用 Slack 与 GitHub 协作。",
]


HANT = [
    "歡迎使用訊小通！",
    "訊小通會保護您的個人資料。",
    "如果您註冊訊小通帳戶，我們會收集您的手機號碼。",
    "訊小通不會出售您的個人資料。",
    "您可以隨時聯繫訊小通客服。",
    "我們使用 Slack 與 GitHub 協作。",
]


EN = [
    "Welcome to Talk123!",
    "Talk123 protects your personal data.",
    "If you register a Talk123 account, we collect your phone number.",
    "Talk123's policy is not to sell your personal data.",
    "You can contact the Talk123 support team at any time.",
    "We use Slack and GitHub to work together.",
]


RULES = ("entity-mismatch", "name-variant", "glossary-violation")


def test_rules_are_registered_with_their_scope():
    rules = all_rules()
    for rid in ("untranslated", "script-mix", "duplicate-paragraph", "broken-spacing", "regional-vocabulary"):
        assert rules[rid].scope == "single", rid
    assert rules["hans-hant-divergence"].scope == "cross"
    assert rules["regional-vocabulary"].severity == Severity.INFO
    # optional: runs only when the config turns it on; every other rule runs by default
    assert [rid for rid, r in rules.items() if not r.default_enabled] == ["regional-vocabulary"]


@pytest.mark.parametrize("rule_id", RULES)
def test_consistent_trilingual_document_has_no_findings(rule_id):
    doc, al = _doc(zh_Hans=HANS, zh_Hant=HANT, en=EN)
    assert _run(rule_id, doc, al) == []
