"""link-mismatch: e-mail addresses, URLs and phone numbers that differ between versions."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qsl, unquote, urlencode, urlsplit

from ..model import Segment, Severity
from ..text.numbers import nfkc_same_length
from .base import Rule, RuleContext

_A = re.ASCII
EMAIL_RE = re.compile(r"(?<![\w.+-])[A-Za-z0-9][\w.+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?![\w-])", _A)
URL_RE = re.compile(r"\b(?:https?://|ftp://|www\.)[^\s<>\"'`\]\[{}|\\^\x80-\U0010ffff]+", re.I | _A)
MD_TARGET_RE = re.compile(r"\]\(\s*<?((?:[^()\s<>]|\([^()\s]*\))+)>?(?:\s+[\"'(][^)]*)?\)")
OBFUSCATED_RE = re.compile(r"\[\s*email(?:\s|&#160;|&nbsp;|\u00a0)*protected\s*\]|__cf_email__|/cdn-cgi/l/email-protection",
                           re.I)
PHONE_RE = re.compile(
    r"(?<![\w.+/-])\+\s?\d{1,3}(?:[\s.-]?\(\d{1,4}\))?(?:[\s.-]?\d{1,5}){1,5}(?![\w/-])"  # +86 10 1234 5678
    r"|(?<![\w.+/-])(?:\(\d{2,5}\)\s?)?\d{1,5}(?:-\d{2,5}){2,4}(?![\w/-])"  # 1-800-352-5267, 400-123-4567
    r"|(?<![\w.+/-])\(\d{2,5}\)\s?\d{3,4}[-\s]?\d{4}(?![\w/-])"  # (415) 555-1234
    r"|(?<![\w.+/-])0\d{2,3}-\d{7,8}(?![\w/-])"  # 010-12345678
    r"|(?<![\d,.])1[3-9]\d{9}(?!\d)",  # Chinese mobile
    _A,
)
_PHONE_CONTEXT_RE = re.compile(r"(?:电话|電話|热线|熱線|致电|致電|拨打|撥打|手机|手機|传真|傳真|phone|tel\b|call|fax|hotline"
                               r"|mobile|客服)", re.I)
_LOCALE = (r"(?:en|zh|ja|ko|fr|de|es|pt|ru|it|nl|pl|tr|ar|vi|th|id|sv|da|fi|nb|cs|uk|he|hu|ro|el)"
           r"(?:[-_](?:[A-Za-z]{2}|hans|hant|latn|cyrl|419))?")
_LOCALE_SEG_RE = re.compile(r"^%s$" % _LOCALE, re.I)
_LOCALE_IN_NAME_RE = re.compile(r"[._-]%s(?=\.[A-Za-z0-9]+$|$)" % _LOCALE, re.I)
_LOCALE_PARAMS = {"lang", "locale", "hl", "language", "lng", "lc", "utm_source", "utm_medium", "utm_campaign",
                  "utm_content", "utm_term", "ref"}
_TRAILING = ".,;:!?)]}>'\"*_~。，；：！？）】」』》"


@dataclass(frozen=True)
class Link:
    kind: str  # email | url | phone | obfuscated
    text: str  # as written
    key: str  # normalised, for comparison
    scheme: str = ""  # url only: http / https
    host: str = ""  # url: host without language subdomain; email: domain
    localized: bool = False  # url: a language part was found (zh.wikipedia.org, /zh-CN/)


def _strip_trailing(s: str) -> str:
    while s and s[-1] in _TRAILING:
        # keep a closing parenthesis that belongs to the URL: (.../Foo_(bar))
        if s[-1] == ")" and s.count("(") >= s.count(")"):
            break
        s = s[:-1]
    return s


def _cut_unbalanced(url: str) -> str:
    """Cut a bare URL at the first ')' that closes nothing: 'x.com/a)(b' -> 'x.com/a'."""
    depth = 0
    for i, ch in enumerate(url):
        if ch == "(":
            depth += 1
        elif ch == ")":
            if depth == 0:
                return url[:i]
            depth -= 1
    return url


def normalize_url(url: str, full: bool = False):
    """(key, scheme, host): case of the host, www., trailing slash, locale parts and tracking parameters dropped.

    With ``full=True`` also returns whether a language part was removed (the link is localised).
    """
    url = _strip_trailing(url)
    localized = False
    if url.lower().startswith("www."):
        url = "http://" + url
    try:
        p = urlsplit(url)
    except ValueError:
        return url.lower(), "", ""
    scheme = p.scheme.lower()
    host = (p.hostname or "").lower()
    if host.startswith("www."):
        host = host[4:]
    labels = host.split(".")
    if len(labels) > 2 and _LOCALE_SEG_RE.match(labels[0]):
        host = ".".join(labels[1:])  # zh.wikipedia.org -> wikipedia.org
        localized = True
    segs = [unquote(s) for s in p.path.split("/") if s]
    kept = [s for s in segs if not _LOCALE_SEG_RE.match(s)]
    localized = localized or len(kept) != len(segs)
    segs = kept
    if segs:
        last = _LOCALE_IN_NAME_RE.sub("", segs[-1])
        localized = localized or last != segs[-1]
        segs[-1] = last
        if re.fullmatch(r"index\.html?", segs[-1], re.I):
            segs.pop()
    path = "/".join(segs)
    query = urlencode(sorted((k, v) for k, v in parse_qsl(p.query) if k.lower() not in _LOCALE_PARAMS))
    port = f":{p.port}" if p.port and p.port not in (80, 443) else ""
    key = f"{host}{port}/{path}" + (f"?{query}" if query else "")
    if any(k.lower() in _LOCALE_PARAMS for k, _ in parse_qsl(p.query)):
        localized = True
    if full:
        return key, scheme, host, localized
    return key, scheme, host


def normalize_phone(s: str) -> str:
    digits = re.sub(r"\D", "", s)
    if re.match(r"\s*1[\s.-]\d{3}", s) and len(digits) == 11:
        digits = digits[1:]  # 1-800-352-5267: North American trunk prefix
    elif s.strip().startswith("+"):
        # drop the country code: +86 10 ... == 010 ...; +1 800 ... == 1-800 ...
        for cc in ("86", "852", "853", "886", "1", "44", "49", "33", "81", "82", "65"):
            if digits.startswith(cc):
                digits = digits[len(cc):]
                break
    return digits.lstrip("0")


def _is_date_like(s: str) -> bool:
    m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", s.strip())
    return bool(m) and 1 <= int(m.group(2)) <= 12


def extract_links(seg: Segment) -> list[Link]:
    """E-mail addresses, absolute URLs and phone numbers in a segment (raw source and text)."""
    out: list[Link] = []
    seen: set[tuple[str, str]] = set()
    sources = [seg.raw] + ([seg.text] if seg.text not in seg.raw else [])
    for src in sources:
        src = nfkc_same_length(src)
        taken = [False] * len(src)

        def add(link: Link, span):
            for i in range(*span):
                taken[i] = True
            if (link.kind, link.key) not in seen:
                seen.add((link.kind, link.key))
                out.append(link)

        for m in OBFUSCATED_RE.finditer(src):
            add(Link("obfuscated", m.group(0), "obfuscated"), m.span())
        # Markdown link targets: [text](url "title"), one level of parentheses inside the URL
        for m in MD_TARGET_RE.finditer(src):
            url = m.group(1)
            if re.match(r"(?:https?|ftp)://", url, re.I):
                key, scheme, host, localized = normalize_url(url, full=True)
                if host:
                    add(Link("url", url, key, scheme, host, localized), m.span(1))
        for m in re.finditer(r"mailto:([^\s)\"'>?]+)", src, re.I):
            addr = _strip_trailing(m.group(1))
            if "@" in addr:
                add(Link("email", addr, addr.lower(), host=addr.split("@")[1].lower()), m.span())
        for m in URL_RE.finditer(src):
            if any(taken[m.start():m.end()]):
                continue
            text = _cut_unbalanced(_strip_trailing(m.group(0)))
            if "@" in text and not text.lower().startswith(("http", "ftp")):
                continue
            key, scheme, host, localized = normalize_url(text, full=True)
            if not host:
                continue
            add(Link("url", text, key, scheme, host, localized), (m.start(), m.start() + len(text)))
        for m in EMAIL_RE.finditer(src):
            if any(taken[m.start():m.end()]):
                continue
            addr = m.group(0)
            add(Link("email", addr, addr.lower(), host=addr.split("@")[1].lower()), m.span())
        for m in PHONE_RE.finditer(src):
            if any(taken[m.start():m.end()]):
                continue
            text = m.group(0).strip()
            if _is_date_like(text):
                continue
            digits = re.sub(r"\D", "", text)
            if len(digits) < 7:
                continue
            plain = not re.search(r"[+()\s.-]", text)
            if plain and not _PHONE_CONTEXT_RE.search(src[max(0, m.start() - 20):m.start()]) \
                    and not re.fullmatch(r"1[3-9]\d{9}", text):
                continue
            add(Link("phone", text, normalize_phone(text)), m.span())
    return out


_NOUN = {"email": "e-mail address", "url": "link", "phone": "phone number"}


class LinkMismatch(Rule):
    """E-mail addresses, links or phone numbers that differ between aligned paragraphs.

    Contact details must be identical in every version: a reader who writes
    to the address in the Chinese text must reach the same mailbox as one who
    uses the English text. Addresses are compared after normalisation (case
    of the domain, trailing slash or punctuation, ``www.``, tracking
    parameters, language parts of a URL such as ``/en-US/`` vs ``/zh-CN/``
    or ``zh.`` vs ``en.`` subdomains). A different e-mail address or phone
    number is an error, a different link a warning (localised pages differ
    legitimately), http vs https a warning, an item missing from one version
    a warning, and an address replaced by an obfuscation placeholder
    ("[email protected]") an info note.
    """

    id = "link-mismatch"
    severity = Severity.ERROR
    severities = (Severity.ERROR, Severity.WARNING, Severity.INFO)

    def check(self, ctx: RuleContext):
        langs = ctx.document.langs
        if len(langs) < 2:
            return
        cache: dict[tuple[str, int], list[Link]] = {}

        def links(lang: str, seg: Segment) -> list[Link]:
            k = (lang, seg.index)
            if k not in cache:
                cache[k] = extract_links(seg)
            return cache[k]

        for row in ctx.alignment.rows:
            present = [lg for lg in langs if row.get(lg)]
            # a version whose paragraph does not correspond to the others' (misaligned, rewritten) is
            # left to semantic-drift; comparing its links would only produce noise
            present = [lg for lg in present if any(ctx.corresponds(row, lg, o) for o in present if o != lg)]
            if len(present) < 2:
                continue
            segs = {lg: [ctx.version(lg)[i] for i in row.get(lg)] for lg in present}
            items = {lg: [(s, ln) for s in segs[lg] for ln in links(lg, s)] for lg in present}
            if not any(items.values()):
                continue
            reported: set[tuple] = set()
            used: set[tuple] = set()  # (lang, kind, key) explained by a scheme/changed finding
            for i, a in enumerate(present):
                for b in present[i + 1:]:
                    for f, explained in self._compare(ctx, present, items, a, b):
                        used |= explained
                        if f is None:
                            continue
                        key = (f.locations[0].lang, f.evidence.get("key"))
                        if key not in reported:
                            reported.add(key)
                            yield f
            yield from self._missing(ctx, row, present, segs, items, used)

    def _compare(self, ctx, present, items, a, b):
        """(finding or None, items it explains) for links that changed between ``a`` and ``b``."""
        ka = {(ln.kind, ln.key) for _, ln in items[a]}
        kb = {(ln.kind, ln.key) for _, ln in items[b]}
        only_a = [(s, ln) for s, ln in items[a] if (ln.kind, ln.key) not in kb and ln.kind != "obfuscated"]
        only_b = [(s, ln) for s, ln in items[b] if (ln.kind, ln.key) not in ka and ln.kind != "obfuscated"]

        def holds(lang, ln):
            return any(x.kind == ln.kind and x.key == ln.key for _, x in items[lang])

        # 1. same link, different scheme (http vs https): the keys match, the schemes do not
        for sa, la in items[a]:
            if la.kind != "url" or not la.scheme:
                continue
            same = [(sb, lb) for sb, lb in items[b] if lb.kind == "url" and lb.key == la.key]
            if same and all(lb.scheme and lb.scheme != la.scheme for _, lb in same):
                sb, lb = same[0]
                lang, seg, ln, rl, rs, rln = (a, sa, la, b, sb, lb) if la.scheme == "http" else (b, sb, lb, a, sa, la)
                yield self._finding(ctx, Severity.INFO, lang, seg, ln, [(rl, rs, rln)],
                                    f"{lang} links to {ln.text} with {ln.scheme}:// where {rl} uses "
                                    f"{rln.scheme}:// ({rln.text})",
                                    f"use {rln.scheme}:// in both versions", "scheme"), set()
        # 2. changed: one item of a kind only on each side
        for kind in ("email", "phone", "url"):
            xa = [x for x in only_a if x[1].kind == kind]
            xb = [x for x in only_b if x[1].kind == kind]
            for (sa, la), (sb, lb) in zip(xa, xb):
                explained = {(a, la.kind, la.key), (b, lb.kind, lb.key)}
                if kind == "url" and _same_site(la.host, lb.host):
                    if la.localized or lb.localized or _path(la.key) == _path(lb.key):
                        # a localised page of the same site (/en-US/ vs /zh-CN/, en. vs zh.wikipedia),
                        # or the same page with other query parameters: not a mismatch
                        yield None, explained
                        continue
                third = [c for c in present if c not in (a, b)]
                if third and holds(third[0], lb) and not holds(third[0], la):
                    lang, seg, ln, rl, rs, rln = a, sa, la, b, sb, lb
                else:
                    lang, seg, ln, rl, rs, rln = b, sb, lb, a, sa, la
                sev = Severity.ERROR
                if kind == "url" and _same_site(ln.host, rln.host):
                    sev = Severity.WARNING  # same site, another page
                noun = _NOUN[kind]
                yield self._finding(ctx, sev, lang, seg, ln, [(rl, rs, rln)],
                                    f"{lang} gives the {noun} {ln.text} where {rl} gives {rln.text}",
                                    f"use the same {noun} in both versions ({rln.text} in {rl})", "changed"), explained

    def _missing(self, ctx, row, present, segs, items, used):
        """Items some versions give and others lack, one finding per paragraph that has to change."""
        holders: dict[tuple, list] = {}
        for lg in present:
            for s, ln in items[lg]:
                if ln.kind == "obfuscated" or (lg, ln.kind, ln.key) in used:
                    continue
                holders.setdefault((ln.kind, ln.key), [])
                if lg not in [h[0] for h in holders[(ln.kind, ln.key)]]:
                    holders[(ln.kind, ln.key)].append((lg, s, ln))
        lacks_at: dict[str, list] = {}  # lacking lang -> [(item, holders)]
        gives_at: dict[tuple, list] = {}  # (holder lang, seg index) -> [(seg, link, lacking langs)]
        for (kind, key), hs in holders.items():
            have = [h[0] for h in hs]
            lacking = [lg for lg in present if lg not in have and (lg, kind, key) not in used]
            if not lacking or any((lg, kind, key) in used for lg in present if lg not in have):
                continue
            obf = [lg for lg in lacking if kind == "email" and any(ln.kind == "obfuscated" for _, ln in items[lg])]
            for lg in obf:
                os_, oln = next((s, ln) for s, ln in items[lg] if ln.kind == "obfuscated")
                lang, s, ln = hs[0]
                yield self._finding(ctx, Severity.INFO, lg, os_, oln, [(lang, s, ln)],
                                    f"{lg} shows an obfuscated placeholder \"{oln.text}\" where {lang} gives "
                                    f"the e-mail address {ln.text}; the address is not readable in {lg}",
                                    f"write the address {ln.text} in the {lg} text", "obfuscated")
            lacking = [lg for lg in lacking if lg not in obf]
            if not lacking:
                continue
            if len(have) >= 2 and len(lacking) == 1:
                lacks_at.setdefault(lacking[0], []).append(hs)
            else:
                for lang, s, ln in hs:
                    gives_at.setdefault((lang, s.index), []).append((s, ln, lacking))
        for lang, groups in lacks_at.items():
            seg = segs[lang][0]
            first = groups[0][0]
            names = " and ".join(h[0] for h in groups[0])
            texts = ", ".join(hs[0][2].text for hs in groups)
            nouns = _plural(groups[0][0][2].kind, len(groups), [hs[0][2].kind for hs in groups])
            yield ctx.finding(
                self, f"{lang} paragraph {seg.index} lacks the {nouns} {texts} that {names} give",
                ctx.loc(lang, seg),
                counterparts=[ctx.loc(h[0], h[1], h[2].text) for hs in groups for h in hs],
                evidence={"kind": first[2].kind, "difference": "missing", "found": None,
                          "expected": [hs[0][2].text for hs in groups], "missing_in": [lang],
                          "spans": {h[0]: [self._span(h[1], h[2])] for hs in groups for h in hs},
                          "key": "missing|" + ",".join(sorted(hs[0][2].key for hs in groups))},
                suggestion=f"add {texts} to the {lang} text",
                texts=[seg.text] + [groups[0][0][1].text],
                severity=Severity.WARNING,
            )
        for (lang, _i), entries in gives_at.items():
            seg = entries[0][0]
            lacking = sorted({lg for _, _, lk in entries for lg in lk}, key=present.index)
            names = " and ".join(lacking)
            texts = ", ".join(ln.text for _, ln, _ in entries)
            nouns = _plural(entries[0][1].kind, len(entries), [ln.kind for _, ln, _ in entries])
            others = [ctx.loc(lg, x) for lg in lacking for x in segs[lg]]
            yield ctx.finding(
                self, f"{lang} gives the {nouns} {texts} but the {names} counterpart does not "
                      f"({lacking[0]} paragraph {segs[lacking[0]][0].index}, line {segs[lacking[0]][0].line})",
                ctx.loc(lang, seg, entries[0][1].text),
                counterparts=others,
                evidence={"kind": entries[0][1].kind, "difference": "missing", "found": [ln.text for _, ln, _ in entries],
                          "expected": None, "missing_in": lacking,
                          "spans": {lang: [self._span(seg, ln) for _, ln, _ in entries]},
                          "key": "extra|" + ",".join(sorted(ln.key for _, ln, _ in entries))},
                suggestion=f"add {texts} to the {names} text, or remove {'them' if len(entries) > 1 else 'it'} "
                           f"from the {lang} text",
                texts=[seg.text],
                severity=Severity.WARNING,
            )

    def _finding(self, ctx, severity, lang, seg, ln, refs, msg, suggestion, what, counterparts=None):
        spans = {lang: [self._span(seg, ln)]}
        for rl, rs, rln in refs:
            spans.setdefault(rl, []).append(self._span(rs, rln))
        return ctx.finding(
            self, msg, ctx.loc(lang, seg, ln.text),
            counterparts=counterparts if counterparts is not None else [ctx.loc(rl, rs, rln.text) for rl, rs, rln in refs],
            evidence={"kind": ln.kind, "difference": what, "found": ln.text,
                      "expected": refs[0][2].text if refs and what != "obfuscated" else None,
                      "spans": spans, "key": f"{what}|{ln.kind}|{ln.key}"},
            suggestion=suggestion,
            texts=[seg.text] + [r[1].text for r in refs],
            severity=severity,
        )

    @staticmethod
    def _span(seg: Segment, ln: Link) -> dict:
        line, col = seg.locate(ln.text)
        return {"text": ln.text, "paragraph": seg.index, "line": line, "column": col, "end_column": col + len(ln.text)}


def _path(key: str) -> str:
    return key.split("?", 1)[0]


def _plural(kind: str, n: int, kinds: list[str]) -> str:
    if len(set(kinds)) > 1:
        return "addresses and links"
    noun = _NOUN[kind]
    return noun if n == 1 else noun + ("es" if noun.endswith("ss") else "s")


def _same_site(h1: str, h2: str) -> bool:
    """Same registrable domain, roughly: the last two labels (three for .com.cn-style)."""
    def base(h):
        parts = h.split(".")
        n = 3 if len(parts) >= 3 and len(parts[-1]) == 2 and parts[-2] in ("com", "org", "net", "gov", "edu", "co") else 2
        return ".".join(parts[-n:])
    return bool(h1) and base(h1) == base(h2)
