"""Meaning markers: negation, modality, and/or, arithmetic and quantifier words.

Data only, plus one function that lists the markers of a sentence by class.
Used by the meaning-flip rule to compare aligned sentences: a class that two
versions express and the third does not (or expresses with an opposite
class) is a candidate flip.

Chinese words are listed in Simplified; zh-Hant text is converted with
OpenCC before matching. Lexicalised words that contain a marker character
but do not carry its meaning (不同 "different", 未来 "future", 无论
"whatever", 加入 "join", 除了 "except") are listed as exceptions and masked
before counting.
"""

from __future__ import annotations

import re

# ---------------------------------------------------------------------------
# classes

NEGATION = "negation"
MUST = "must"  # obligation: must, shall, required to / 必须, 须, 应, 得
MAY = "may"  # possibility or permission: may, might, can / 可能, 可以, 能
WILL = "will"  # future / certainty: will / 会, 将
PROHIBIT = "prohibit"  # may not, must not, shall not / 不得, 禁止, 不可
AND = "and"
OR = "or"
ALL = "all"  # all, every, any / 所有, 全部, 任何, 每
SOME = "some"  # some, only / 一些, 部分, 只, 仅
PLUS, MINUS, TIMES, DIVIDED = "plus", "minus", "times", "divided"

#: classes that contradict each other when one version has one and another the other
OPPOSITE = {
    MUST: {MAY},
    MAY: {MUST, WILL},
    WILL: {MAY},
    PROHIBIT: {MAY},
    AND: {OR},
    OR: {AND},
    ALL: {SOME},
    SOME: {ALL},
    PLUS: {MINUS, TIMES, DIVIDED},
    MINUS: {PLUS, TIMES, DIVIDED},
    TIMES: {PLUS, MINUS, DIVIDED},
    DIVIDED: {PLUS, MINUS, TIMES},
}
ARITHMETIC = (PLUS, MINUS, TIMES, DIVIDED)

# ---------------------------------------------------------------------------
# English

#: after "may not", these verbs make it a possibility ("you may not need it"), not a prohibition
POSSIBILITY_VERBS = (
    "be",
    "been",
    "have",
    "need",
    "want",
    "even",
    "always",
    "all",
    "work",
    "apply",
    "know",
    "notice",
    "see",
    "find",
    "get",
    "receive",
    "exist",
    "match",
    "reflect",
    "include",
    "contain",
    "support",
    "like",
    "understand",
    "realize",
    "yet",
    "necessarily",
    "seem",
    "look",
    "matter",
)

EN_WORDS: dict[str, tuple[str, ...]] = {
    NEGATION: (
        r"not",
        r"\w+n[’']t",
        r"never",
        r"cannot",
        r"no",
        r"none",
        r"nobody",
        r"nothing",
        r"neither",
        r"nor",
        r"nowhere",
    ),
    PROHIBIT: (
        r"(?:must|shall|should)\s+not",
        r"may\s+not(?!\s+(?:%s)\b)" % "|".join(POSSIBILITY_VERBS),
        r"mustn[’']t",
        r"shan[’']t",
        r"shouldn[’']t",
        r"(?:is|are)\s+(?:not\s+(?:allowed|permitted)|prohibited|forbidden)",
    ),
    MUST: (r"must", r"shall", r"(?:is|are)\s+required\s+to", r"have\s+to", r"has\s+to", r"needs?\s+to"),
    MAY: (r"may", r"might", r"can(?![’']t)", r"could(?![’']t|n[’']t)", r"(?:is|are)\s+allowed\s+to", r"possibly"),
    WILL: (r"will", r"won[’']t"),
    AND: (r"and",),
    OR: (r"or",),
    ALL: (r"all", r"every", r"each", r"any", r"always"),
    SOME: (r"some", r"only", r"certain", r"part\s+of", r"partially"),
    PLUS: (r"plus",),
    MINUS: (r"minus",),
    TIMES: (r"times", r"multiplied\s+by"),
    DIVIDED: (r"divided\s+by",),
}

#: English phrases whose marker word carries no such meaning
EN_EXCEPTIONS = (
    r"not\s+only",
    r"no\s+longer",
    r"whether\s+or\s+not",
    r"or\s+not",
    r"no\s+matter",
    r"can\s+not\s+only",
    r"and/or",
    r"if\s+any",
    r"any\s+(?:of|one|time|more|other)",
    r"more\s+or\s+less",
    r"so\s+on",
)

# ---------------------------------------------------------------------------
# Chinese (Simplified)

ZH_WORDS: dict[str, tuple[str, ...]] = {
    NEGATION: ("不", "没", "无", "未", "勿", "并非", "绝非", "而非"),
    PROHIBIT: ("不得", "不可以", "不可", "禁止", "不准", "不允许", "严禁", "不应", "不应该", "不许"),
    MUST: ("必须", "须", "应当", "应该", "应", "务必"),
    MAY: ("可能", "可以", "能够", "能", "也许", "或许", "可"),
    WILL: ("会", "将", "将会"),
    AND: ("和", "及", "以及", "并且", "而且", "与", "同时"),
    OR: ("或", "或者", "或是"),
    ALL: ("所有", "全部", "任何", "每", "一切", "均", "都", "总是", "始终"),
    SOME: ("一些", "部分", "只", "仅", "某些", "有些", "一部分", "只有", "唯一"),
    PLUS: ("加",),
    MINUS: ("减",),
    TIMES: ("乘",),
    DIVIDED: ("除以", "除"),
}

#: lexicalised words containing a marker character without its meaning (masked before matching)
ZH_EXCEPTIONS = (
    # 不 / 无 / 未 / 非 / 没 / 否 / 别 / 莫
    "不同",
    "不断",
    "不仅",
    "不只",
    "不过",
    "不管",
    "不论",
    "不少",
    "不错",
    "不久",
    "不妨",
    "不如",
    "不得不",
    "不禁",
    "不免",
    "不时",
    "不必要",
    "不停",
    "差不多",
    "不光",
    "不但",
    "要不",
    "不然",
    "无论",
    "无关",
    "无数",
    "无限",
    "无线",
    "毫无疑问",
    "未来",
    "非常",
    "并非只",
    "除非",
    "否则",
    "是否",
    "能否",
    "可否",
    "与否",
    "别人",
    "别的",
    "区别",
    "分别",
    "特别",
    "类别",
    "级别",
    "识别",
    "告别",
    "个别",
    "差别",
    "莫名",
    "无比",
    "无疑",
    "未必",
    "非凡",
    "非法",
    "是非",
    "不二",
    "不一定",
    "不外乎",
    "没错",
    "无头",
    "无服务器",
    "无状态",
    "无需",
    "不透明",
    "未知",
    "无效",
    "无缝",
    "无障碍",
    "不可或缺",
    "不可避免",
    "毫不",
    # modality / will
    "可能性",
    "功能",
    "性能",
    "智能",
    "能力",
    "能量",
    "可能的话",
    "才能",
    "技能",
    "可见",
    "可视",
    "可用",
    "可选",
    "许可",
    "认可",
    "可靠",
    "可读",
    "可行",
    "可控",
    "可执行",
    "可信",
    "可靠性",
    "社会",
    "会议",
    "会员",
    "会话",
    "机会",
    "学会",
    "协会",
    "委员会",
    "理会",
    "体会",
    "会计",
    "宴会",
    "大会",
    "将来",
    "即将",
    "应用",
    "适应",
    "相应",
    "响应",
    "对应",
    "反应",
    "供应",
    "应对",
    "回应",
    "效应",
    "感应",
    "答应",
    "需求",
    "必需",
    "所需",
    "必要",
    "得到",
    "获得",
    "取得",
    "记得",
    "觉得",
    "使得",
    "值得",
    "懂得",
    "显得",
    "免得",
    "晓得",
    "须知",
    # and / or
    "和平",
    "和谐",
    "总和",
    "以及时",
    "及时",
    "以及早",
    "涉及",
    "及早",
    "普及",
    "提及",
    "来不及",
    "参与",
    "与会",
    "给与",
    "或许",
    "或多或少",
    # all / some
    "每个人都",
    "首都",
    "都市",
    "大部分",
    "只是",
    "只要",
    "只能",
    "不只",
    "仅仅是",
    "绝大部分",
    "局部",
    "全部分",
    "内部",
    "外部",
    "部分地",
    "任何一",
    "有些许",
    # arithmetic
    "加入",
    "增加",
    "添加",
    "参加",
    "附加",
    "加载",
    "加密",
    "加上",
    "加速",
    "加强",
    "更加",
    "加快",
    "加以",
    "外加",
    "施加",
    "叠加",
    "追加",
    "加工",
    "加油",
    "减少",
    "减轻",
    "减速",
    "缩减",
    "削减",
    "递减",
    "加减",
    "删除",
    "去除",
    "除了",
    "除非",
    "清除",
    "移除",
    "排除",
    "消除",
    "解除",
    "除外",
    "除此",
    "乘坐",
    "乘客",
    "乘车",
    "乘机",
    "搭乘",
)

_ZH_NUM = r"(?:\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千万]+)"
_EN_NUM = r"(?:\d+(?:\.\d+)?|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|hundred)"


def _en_pattern(words: tuple[str, ...]) -> re.Pattern:
    return re.compile(r"\b(?:%s)\b" % "|".join(words), re.I)


_EN_RES = {cls: _en_pattern(ws) for cls, ws in EN_WORDS.items()}
_EN_EXC_RE = re.compile(r"\b(?:%s)\b" % "|".join(EN_EXCEPTIONS), re.I)
_EN_ARITH_RE = {
    cls: re.compile(rf"\b{_EN_NUM}\s+(?:{'|'.join(EN_WORDS[cls])})\s+{_EN_NUM}\b", re.I) for cls in ARITHMETIC
}
_ZH_EXC_RE = re.compile("|".join(sorted(map(re.escape, ZH_EXCEPTIONS), key=len, reverse=True)))
_ZH_RES = {cls: re.compile("|".join(sorted(map(re.escape, ws), key=len, reverse=True))) for cls, ws in ZH_WORDS.items()}
_ZH_ARITH_RE = {
    cls: re.compile(rf"{_ZH_NUM}\s*(?:{'|'.join(map(re.escape, ZH_WORDS[cls]))})(?:以)?\s*{_ZH_NUM}")
    for cls in ARITHMETIC
}
_CODE_RE = re.compile(r"`[^`]*`|(?:https?|ftp)://\S+|\{\{.*?\}\}|\{%.*?%\}|<[^<>]+>")


def _blank(text: str, rx: re.Pattern) -> str:
    return rx.sub(lambda m: " " * len(m.group(0)), text)


def _count(
    text: str, arith: dict[str, re.Pattern], exceptions: re.Pattern, words: dict[str, re.Pattern]
) -> dict[str, int]:
    """Count the markers of ``text`` with one language's patterns.

    Arithmetic is counted first; exceptions are blanked; prohibitions are
    counted and blanked so that their parts are not counted again, and each
    one counts as a negation as well."""
    out: dict[str, int] = {}
    for cls in ARITHMETIC:
        n = len(arith[cls].findall(text))
        if n:
            out[cls] = n
    text = _blank(text, exceptions)
    prohibit = words[PROHIBIT].findall(text)
    if prohibit:
        out[PROHIBIT] = len(prohibit)
    plain = _blank(text, words[PROHIBIT])
    for cls, rx in words.items():
        if cls in ARITHMETIC or cls == PROHIBIT:
            continue
        n = len(rx.findall(plain))
        if n:
            out[cls] = n
    if prohibit:
        out[NEGATION] = out.get(NEGATION, 0) + len(prohibit)
    return out


def markers(text: str, lang: str) -> dict[str, int]:
    """{class: count} of the meaning markers of ``text`` (``en``, ``zh-Hans`` or ``zh-Hant``)."""
    text = _blank(text, _CODE_RE)
    if lang.startswith("zh"):
        if lang == "zh-Hant":
            from .scripts import to_simplified

            text = to_simplified(text)
        return _count(text, _ZH_ARITH_RE, _ZH_EXC_RE, _ZH_RES)
    return _count(text, _EN_ARITH_RE, _EN_EXC_RE, _EN_RES)
