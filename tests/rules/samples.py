"""Sample texts several rule tests share (a consistent trilingual document, Firefox rows)."""

from __future__ import annotations

from .conftest import SEED000, SEEDS

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


FF_HANS = ["Firefox 会保护您的隐私。", "您可以下载 Firefox。", "Firefox 很快。", "Firefox 支持扩展。"]


FF_EN = [
    "Firefox protects your privacy.",
    "You can download Firefox.",
    "Firefox is fast.",
    "Firefox supports extensions.",
]


SEED004 = SEEDS / "004_63c1bd7f49da9fe5.txt"


def lines_with(needle: str) -> set[int]:
    lines = SEED000.read_text(encoding="utf-8").splitlines()
    return {i for i, ln in enumerate(lines, start=1) if needle in ln}
