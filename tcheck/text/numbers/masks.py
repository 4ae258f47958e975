"""Spans that are never quantities: URLs, phone numbers, versions, identifiers, enumerators, idioms."""

from __future__ import annotations

from ..links import PHONE_RE
from .lexicon import _CN_ALL
from .rx import re

_URL_RE = re.compile(r"(?:https?://|ftp://|www\.)[^\s<>\"'，。；、）)】」]+|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.I)
_DOMAIN_RE = re.compile(
    r"(?<![\w.-])[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|cn|tw|hk|io|gov|edu|mozilla|app|dev)\b(?:/\S*)?", re.I
)
# phone numbers (the links' pattern), digit groups and long digit strings (ids)
_PHONE_RE = re.compile(
    PHONE_RE.pattern
    + r"|(?<![\d,.])\d{3,4}[\s.]\d{3,4}[\s.]\d{4}(?![\d,])"  # 400 123 4567
    + r"|(?<![\d,.])\d{7,}(?![\d,])"  # long digit strings: ids, phone numbers
)
_GLUED_RE = re.compile(
    r"(?<![A-Za-z_])[A-Za-z_]+/?[\d.]*\d[\w]*|(?<!\d)\d+[A-Za-z_][A-Za-z_\d]*"
)  # also HTTP/2, HTTP/1.1
_TEMPLATE_RE = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\$\{[^}]*\}|</?[A-Za-z][^<>]*>")  # {{RFC(7230)}}, <tag attr=1>
_ENUM_RE = re.compile(r"[(（]\s?(?:\d{1,2}|[a-zA-Z]|[ivxIVX]{1,4}|[一二三四五六七八九十]{1,3})\s?[)）]")
# never numbers, masked before any pass: HTML entities (&#124;), round-the-clock (24/7, 7x24),
# numerals inside compounds (十六进制 hexadecimal, 三元组 triple, 三元运算符 ternary operator)
_NEVER_RE = re.compile(
    r"&#\d+;|&#x[0-9a-f]+;|&[a-z]{2,8};|(?<!\d)\d{2,4}\s*年代"
    r"|(?<![\d/])(?:24\s*/\s*7|7\s*[x×*]\s*24|24\s*[x×*]\s*7)(?![\d/])"
    r"|(?<![\d%s])[\d%s]+\s*进(?:制|位)|[一二三四五六七八九十\d]\s*元(?=组|运算|操作|表达式|函数|关系|素|方程|数组|语法|条件)"
    % (_CN_ALL, _CN_ALL),
    re.I,
)
# cross references: weak
_XREF_RE = re.compile(
    r"(?:\b(?:sections?|articles?|clauses?|paragraphs?|chapters?|parts?|items?|§§?|annex|appendix|schedule|"
    r"subsections?|rules?|points?|step|steps|figure|table|page|pages|line|lines|examples?)\s*"
    r"(\d+(?:\.\d+)*(?:\s*(?:-|–|to|and|,)\s*\d+(?:\.\d+)*)*))"
    r"|(?:第\s*([\d%s]+(?:\.\d+)*)\s*(?:条|章|节|款|项|部分|段|点|页|行|步|条款))"
    r"|(?:(?:§|条款|章节|第)\s*(\d+(?:\.\d+)+))" % _CN_ALL,
    re.I,
)
# ordinals that are never quantities
_ORDINAL_RE = re.compile(r"第\s*[\d%s]+|\b(?:\d+(?:st|nd|rd|th))\b" % _CN_ALL, re.I)
# 一-idioms: a 一 that is not a count
_YI_IDIOMS = (
    "一般",
    "统一",
    "唯一",
    "一些",
    "一切",
    "一致",
    "一起",
    "一旦",
    "一定",
    "一直",
    "一样",
    "进一步",
    "万一",
    "一方面",
    "一律",
    "一并",
    "一同",
    "一贯",
    "一向",
    "一经",
    "一概",
    "一面",
    "一再",
    "一下",
    "一点",
    "一部分",
    "一种",
    "一项",
    "之一",
    "一体",
    "一站式",
    "逐一",
    "同一",
    "单一",
    "一一",
    "一键",
    "专一",
    "一揽子",
    "一对一",
    "不一",
    "一方",
    "任一",
    "另一",
    "每一",
    "一致性",
    "一流",
    "一时",
    "一度",
    "一口",
    "一边",
    "一侧",
    "一系列",
    "一如",
    "划一",
    "一览",
    "一栏",
    "一类",
    "一环",
    "一员",
    "十分",
    "三方",
    "双方",
    "一手",
    "一带",
    "一番",
    "一刀切",
    "千万",
    "百万分之",
    "一贯",
    "三思",
    "一视同仁",
    "一目了然",
    "一次性",
    "二次",
    "再次",
    "一手",
    "独一",
    "一应",
    "一审",
    "二审",
    "二维码",
    "二手",
    "一级",
    "二级",
    "三级",
    "一线",
    "二线",
    "三星",
    "四川",
    "一家人",
)


_MASKS = (_PHONE_RE, _GLUED_RE, _ENUM_RE, _TEMPLATE_RE)
