"""regional-vocabulary: mainland wording in a Taiwan (zh-Hant) text: 信息 -> 資訊, 軟件 -> 軟體."""

from __future__ import annotations

from ..model import Severity
from ..text.han import is_han
from ..text.scripts import convert
from ..text.snippets import snippet
from ..text.spans import RawText, mask_markup
from .base import Rule, RuleContext

# OpenCC's Taiwan phrase table (s2twp) also maps words that are ordinary
# Taiwan usage, in the same or another sense: 文件 (a document; 檔案 is a
# computer file), 程序 (a procedure, 法律程序), 支持 (to support an idea), 项目
# (an item), 声明 (a statement, 隱私權聲明), 权限, 类型, 发布, 查看, 发送,
# 连接, 保存, 性能, 像素, 审核, 图像, 社区 (a neighbourhood), 设备 (equipment),
# 窗口 (a counter), 消息 (news: 好消息), 参数, 循环, 通信... For those the
# s2twp suggestion would be wrong or pedantic, so they are not reported;
# the clearly regional terms (信息, 软件, 数据, 默认, 服务器, 视频, 代码...) are.
AMBIGUOUS = frozenset(
    """
文件 程序 支持 项目 添加 搜索 用户 质量 界面 映射 对象 运行 通过 信号 进程 字节 变量 组件 视图 光盘 打印机
声明 类型 权限 发布 查看 性能 像素 内置 打开 保存 发送 连接 用户端 审核 图像 联系 实例 参数 信道 消息
循环 通信 全局 持久 持久性 抛出 屏蔽 设备 社区 窗口 文本 点击 在线 创建 资源 访问 接口 返回 调用 渠道
""".split()
)


def _tokenizer():
    from ..text.segmenter import tokenizer

    return tokenizer()


def mainland_terms(text: str) -> list[tuple[int, int, str]]:
    """(start, end, Taiwan term) for each mainland term in a Traditional ``text``.

    The text is converted to Simplified, split into dictionary words, and each
    word that OpenCC's Taiwan phrase table (``s2twp``) renders differently
    from the plain Taiwan character conversion (``s2tw``) is a regional term;
    it counts only when the text really writes the mainland form (軟件, not 軟體).
    """
    simp = convert(text, "t2s")
    if len(simp) != len(text):
        return []
    if convert(simp, "s2twp") == convert(simp, "s2tw"):
        return []  # no Taiwan phrase differs anywhere in the text: skip the (slow to load) segmenter
    tok = _tokenizer()
    if tok is None:  # pragma: no cover - jieba is a declared dependency
        return []
    out = []
    pos = 0
    for word in tok.lcut(simp, HMM=False):
        a, b = pos, pos + len(word)
        pos = b
        if len(word) < 2 or not all(is_han(c) for c in word) or any(w in word for w in AMBIGUOUS):
            continue  # also a compound of an ambiguous word: 好消息, 连接埠
        tw = convert(word, "s2tw")
        twp = convert(word, "s2twp")
        if tw == twp or text[a:b] != tw:
            continue
        out.append((a, b, twp))
    return out


class RegionalVocabulary(Rule):
    """Mainland-Chinese wording in a Taiwan Traditional text, such as 信息 for 資訊 or 軟件 for 軟體.

    ## What it catches
    Terms in a zh-Hant text that OpenCC's Taiwan phrase table would change
    (the difference between ``s2twp`` and ``s2tw``); the suggestion is the
    Taiwan term.

    ## Why
    A zh-Hant text converted from Simplified character by character keeps
    mainland vocabulary, which Taiwan readers notice.

    ## Example
    zh-Hant "我們的軟件會收集您的信息" → 軟件 (軟體), 信息 (資訊).

    ## Not reported
    Words that are also correct Taiwan usage in another sense (文件, 程序,
    支持); Hong Kong texts (their usage differs). Off by default: enable it
    with ``rules.regional-vocabulary = "on"``.
    """

    id = "regional-vocabulary"
    severity = Severity.INFO
    scope = "single"
    default_enabled = False  # optional: enable with rules.regional-vocabulary = "on"

    def check(self, ctx: RuleContext):
        for v in ctx.versions:
            if v.lang != "zh-Hant" or v.region not in ("TW", ""):
                continue
            for seg in v.segments:
                raw = RawText(seg)
                hits = mainland_terms(mask_markup(raw.text, "\x00"))
                if not hits:
                    continue
                spans = []
                for a, b, twp in hits:
                    sp = raw.span(a, b)
                    sp["suggestion"] = twp
                    spans.append(sp)
                pairs = []
                for sp in spans:
                    p = f"{sp['text']} → {sp['suggestion']}"
                    if p not in pairs:
                        pairs.append(p)
                msg = (
                    f"zh-Hant {seg.kind} uses mainland wording where Taiwan usage differs: "
                    f'{", ".join(pairs)} in "{snippet(seg.text, 40)}"'
                )
                loc = ctx.loc_at(v.lang, seg, spans[0]["line"], spans[0]["column"])
                yield ctx.finding(
                    self,
                    msg,
                    loc,
                    evidence={"terms": spans, "region": v.region or "TW", "key": ",".join(s["text"] for s in spans)},
                    suggestion="; ".join(pairs),
                    texts=[seg.text],
                )
