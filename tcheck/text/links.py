"""Links, e-mail addresses and phone numbers in a segment, normalised for comparison.

:func:`extract_links` finds them in a segment's source text (Markdown link
targets included); :func:`normalize_url` and :func:`normalize_phone` give the
keys that equal addresses share (case of the domain, trailing punctuation,
``www.``, tracking and language parameters, localized path segments).
:data:`PHONE_RE` is the one phone-number pattern (numbers masks it too).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qsl, unquote, urlencode, urlsplit

from ..langs import marker_lang
from ..model import Segment
from .scripts import nfkc_same_length

_A = re.ASCII
#: an @handle (GitHub, X, Mastodon user): not inside an e-mail address or a path
HANDLE_RE = re.compile(r"(?<![\w@./\\-])@([A-Za-z0-9](?:[A-Za-z0-9_-]{2,38}))(?![\w@-]|\.[A-Za-z0-9])", re.ASCII)
EMAIL_RE = re.compile(r"(?<![\w.+-])[A-Za-z0-9][\w.+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?![\w-])", _A)
# after the scheme: ASCII other than white space and <>"'`[]{}|\^ (written as the characters it
# takes, which compiles in a tenth of a millisecond; "[^\s<>...\x80-\U0010ffff]", the same set,
# took 3 ms at import)
URL_RE = re.compile(r"\b(?:https?://|ftp://|www\.)[\x00-\x08\x0e-\x1f!#-&(-;=?-Z_a-z~\x7f]+", re.I | _A)
_DIGIT_RE = re.compile(r"[0-9]")
OBFUSCATED_RE = re.compile(
    r"\[\s*email(?:\s|&#160;|&nbsp;|\u00a0)*protected\s*\]|__cf_email__|/cdn-cgi/l/email-protection", re.I
)
PHONE_RE = re.compile(
    r"(?<![\w.+/-])\+\s?\d{1,3}(?:[\s.-]?\(\d{1,4}\))?(?:[\s.-]?\d{1,5}){1,5}(?![\w/-])"  # +86 10 1234 5678
    r"|(?<![\w.+/-])(?:\(\d{2,5}\)\s?)?\d{1,5}(?:-\d{2,5}){2,4}(?![\w/-])"  # 1-800-352-5267, 400-123-4567
    r"|(?<![\w.+/-])\(\d{2,5}\)\s?\d{3,4}[-\s]?\d{4}(?![\w/-])"  # (415) 555-1234
    r"|(?<![\w.+/-])0\d{2,3}-\d{7,8}(?![\w/-])"  # 010-12345678
    r"|(?<![\d,.])1[3-9]\d{9}(?!\d)",  # Chinese mobile
    _A,
)
_PHONE_CONTEXT_RE = re.compile(
    r"(?:电话|電話|热线|熱線|致电|致電|拨打|撥打|手机|手機|传真|傳真|phone|tel\b|call|fax|hotline"
    r"|mobile|客服)",
    re.I,
)
_LOCALE = (
    r"(?:en|zh|ja|ko|fr|de|es|pt|ru|it|nl|pl|tr|ar|vi|th|id|sv|da|fi|nb|cs|uk|he|hu|ro|el)"
    r"(?:[-_](?:[A-Za-z]{2}|hans|hant|latn|cyrl|419))?"
)
_LOCALE_SEG_RE = re.compile(r"^%s$" % _LOCALE, re.I)
_LOCALE_IN_NAME_RE = re.compile(r"[._-]%s(?=\.[A-Za-z0-9]+$|$)" % _LOCALE, re.I)
_LOCALE_PARAMS = {
    "lang",
    "locale",
    "hl",
    "language",
    "lng",
    "lc",
    "utm_source",
    "utm_medium",
    "utm_campaign",
    "utm_content",
    "utm_term",
    "ref",
}
_TRAILING = ".,;:!?)]}>'\"*_~。，；：！？）】」』》"


@dataclass(frozen=True)
class Link:
    kind: str  # email | url | phone | obfuscated
    text: str  # as written
    key: str  # normalised, for comparison
    scheme: str = ""  # url only: http / https
    host: str = ""  # url: host without language subdomain; email: domain
    localized: bool = False  # url: a language part was found (zh.wikipedia.org, /zh-CN/)
    path: tuple[str, ...] = ()  # url: the page's path segments (language parts, index.html, .html/.md dropped)
    fragment: str = ""  # url: the part after '#', compared on its own
    relative: bool = False  # url: a link inside the site (/docs/x, ../x.md, permalinks.html, #anchor)
    page_lang: str = ""  # url: the language a path part marks (en, zh-Hans, zh-Hant, zh), "" when none
    placeholder: bool = False  # url: a reserved example host (example.com, localhost, *.test)
    image: bool = False  # the target of an image (![alt](src)): not compared
    own_site: bool = True  # url: may be the site's own page that a relative link names (see link_mismatch)


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


_PLACEHOLDER_HOST_RE = re.compile(
    r"(?:^|\.)(?:example\.(?:com|org|net|edu)|example|test|invalid|localhost|local)$|^(?:127\.\d+\.\d+\.\d+|0\.0\.0\.0|\[?::1\]?)$",
    re.I,
)
_PAGE_EXT_RE = re.compile(r"\.(?:html?|mdx?|php|aspx?)$", re.I)


def is_placeholder_host(host: str) -> bool:
    """A host reserved for examples and tests (RFC 2606 / 6761): example.com, *.test, localhost."""
    return bool(host) and bool(_PLACEHOLDER_HOST_RE.search(host))


def page_path(path: str) -> tuple[tuple[str, ...], str]:
    """(segments, language) of a URL path: language parts, ``index.html`` and page extensions dropped.

    ``/zh-tw/docs/setup.html`` -> ``(("docs", "setup"), "zh-Hant")``; ``../x/`` -> ``(("x",), "")``.
    """
    lang = ""
    segs = []
    for s in path.split("/"):
        s = unquote(s)
        if s in ("", ".", ".."):
            continue
        if _LOCALE_SEG_RE.match(s):
            lang = lang or (marker_lang(s) or "other")
            continue
        segs.append(s)
    if segs:
        last = _LOCALE_IN_NAME_RE.sub("", segs[-1])
        if re.fullmatch(r"(?:index|README|_index)\.(?:html?|mdx?)|index", last, re.I):
            segs.pop()
        else:
            segs[-1] = _PAGE_EXT_RE.sub("", last)
    return tuple(s.lower() if not _has_han(s) else s for s in segs), lang


def _has_han(s: str) -> bool:
    return any(ord(c) > 0x2E7F for c in s)


def normalize_url(url: str, full: bool = False):
    """(key, scheme, host): case of the host, www., trailing slash, locale parts and tracking parameters dropped.

    With ``full=True`` also returns whether a language part was removed (the link is localised).
    """
    ln = url_link(url)
    if ln is None:
        return (url.lower(), "", "", False) if full else (url.lower(), "", "")
    return (ln.key, ln.scheme, ln.host, ln.localized) if full else (ln.key, ln.scheme, ln.host)


# a site-relative target: /x, ./x, ../x, #x, or an ASCII path (permalinks.html, tag-plugins#Code-Block)
_RELATIVE_RE = re.compile(
    r"(?:[/#]|\.\.?/)[^\s<>{}$`,;\\\[\]]*$|(?![a-z][a-z0-9+.-]*:)[A-Za-z0-9_][\w.~%-]*(?:/[\w.~%-]*)*(?:#[^\s<>{}$`\\]*)?$",
    re.A | re.I,
)


_DOC_HOSTS = frozenset({"docs.google.com", "drive.google.com"})
_DOC_VIEWS = frozenset({"edit", "view", "preview", "pub", "htmlview"})
# a Liquid / Jinja / Hugo / Handlebars placeholder (bounded: no nested braces)
_PLACEHOLDER_RE = re.compile(r"\{\{[^{}]{0,200}\}\}|\{%[^{}]{0,200}%\}")
# the host part of a protocol-relative address (//cdn.example.com/x, //localhost:8080/x)
_NETLOC_RE = re.compile(r"(?:[\w-]+\.)+[\w-]+(?::\d+)?(?:[/?#]|$)|localhost(?::\d+)?(?:[/?#]|$)", re.A | re.I)


def url_link(url: str, text: str | None = None, image: bool = False) -> Link | None:
    """The :class:`Link` for a link target: absolute (``https://…``, ``www.…``), site-relative
    (``/docs/x``, ``../x.md``, ``permalinks.html``) or an in-page anchor (``#x``); None for other
    schemes (``mailto:``, ``javascript:``) and for targets that are not addresses."""
    url = _strip_trailing(url.strip())
    if not url:
        return None
    text = text if text is not None else url
    if url.lower().startswith("www."):
        url = "http://" + url
    relative = not re.match(r"(?:https?|ftp)://", url, re.I)
    if relative and "{" in url:  # template placeholders in a site path: /{{ page.lang }}/4x/api.html
        url = _PLACEHOLDER_RE.sub("", url)
    if relative and url.startswith("//") and not _NETLOC_RE.match(url[2:]):
        # not a protocol-relative address but a site path whose first part was a template
        # placeholder (/{{ page.lang }}/4x/api.html, or the markup already dropped: //4x/api.html)
        url = url[1:]
    if relative and not _RELATIVE_RE.match(url):
        return None
    try:
        p = urlsplit(url)
        port = p.port
    except ValueError:
        return None
    fragment = unquote(p.fragment)
    if relative and p.path in ("", ".", "./"):
        return Link("anchor", text, "#" + fragment.lower(), fragment=fragment, relative=True) if fragment else None
    host = (p.hostname or "").lower()
    if host.startswith("www."):
        host = host[4:]
    localized = False
    labels = host.split(".")
    if len(labels) > 2 and (_LOCALE_SEG_RE.match(labels[0]) or labels[0] in ("cn", "tw", "hk")):
        host = ".".join(labels[1:])  # zh.wikipedia.org -> wikipedia.org
        localized = True
    if not relative and not host:
        return None
    segs, page_lang = page_path(p.path)
    if host in _DOC_HOSTS and len(segs) > 1 and segs[-1] in _DOC_VIEWS:
        # one Google document however it is opened: .../d/ID, .../d/ID/edit#gid=0, .../d/ID/view
        segs, fragment = segs[:-1], ""
    params = parse_qsl(p.query)
    localized = localized or bool(page_lang) or _LOCALE_IN_NAME_RE.search(p.path.rstrip("/")) is not None
    localized = localized or any(k.lower() in _LOCALE_PARAMS for k, _ in params)
    query = urlencode(sorted((k, v) for k, v in params if k.lower() not in _LOCALE_PARAMS))
    port = f":{port}" if port and port not in (80, 443) else ""
    key = ("~" if relative else f"{host}{port}") + "/" + "/".join(segs) + (f"?{query}" if query else "")
    return Link(
        "url",
        text,
        key,
        "" if relative else p.scheme.lower(),
        host,
        localized,
        path=segs,
        fragment=fragment,
        relative=relative,
        page_lang=page_lang,
        placeholder=is_placeholder_host(host),
        image=image,
    )


def normalize_phone(s: str) -> str:
    digits = re.sub(r"\D", "", s)
    if re.match(r"\s*1[\s.-]\d{3}", s) and len(digits) == 11:
        digits = digits[1:]  # 1-800-352-5267: North American trunk prefix
    elif s.strip().startswith("+"):
        # drop the country code: +86 10 ... == 010 ...; +1 800 ... == 1-800 ...
        for cc in ("86", "852", "853", "886", "1", "44", "49", "33", "81", "82", "65"):
            if digits.startswith(cc):
                digits = digits[len(cc) :]
                break
    return digits.lstrip("0")


def _is_date_like(s: str) -> bool:
    m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", s.strip())
    return bool(m) and 1 <= int(m.group(2)) <= 12


def extract_links(seg: Segment, source: str | None = None, refs: dict[str, str] | None = None) -> list[Link]:
    """E-mail addresses, URLs (absolute, site-relative, in-page anchors) and phone numbers in a segment.

    ``source`` is the segment's text as written (template tags included; default ``seg.raw``),
    ``refs`` the version's reference definitions (``[id]: url``). Images are left out.
    """
    from .md_links import markdown_links

    out: list[Link] = []
    seen: set[tuple[str, str, str]] = set()
    raw = source if source is not None else seg.raw
    sources = [raw] + ([seg.text] if seg.text not in raw else [])
    for src in sources:
        src = nfkc_same_length(src)
        taken = [False] * len(src)

        def add(link: Link, span):
            for i in range(*span):
                taken[i] = True
            if link.image:
                return
            if (link.kind, link.key, link.fragment) not in seen:
                seen.add((link.kind, link.key, link.fragment))
                out.append(link)

        for m in OBFUSCATED_RE.finditer(src):
            add(Link("obfuscated", m.group(0), "obfuscated"), m.span())
        for link, span in markdown_links(src, refs):
            if link.kind in ("url", "anchor"):
                add(link, span)
        for m in re.finditer(r"mailto:([^\s)\"'>?]+)", src, re.I):
            addr = _strip_trailing(m.group(1))
            if "@" in addr:
                add(Link("email", addr, addr.lower(), host=addr.split("@")[1].lower()), m.span())
        for m in URL_RE.finditer(src):
            if any(taken[m.start() : m.end()]):
                continue
            text = _cut_unbalanced(_strip_trailing(m.group(0)))
            if "@" in text and not text.lower().startswith(("http", "ftp")):
                continue
            link = url_link(text)
            if link is None or not link.host:
                continue
            add(link, (m.start(), m.start() + len(text)))
        for m in EMAIL_RE.finditer(src):
            if any(taken[m.start() : m.end()]):
                continue
            addr = m.group(0)
            add(Link("email", addr, addr.lower(), host=addr.split("@")[1].lower()), m.span())
        # every phone number has a digit: most texts skip the costly scan
        for m in PHONE_RE.finditer(src) if _DIGIT_RE.search(src) else ():
            if any(taken[m.start() : m.end()]):
                continue
            text = m.group(0).strip()
            if _is_date_like(text):
                continue
            digits = re.sub(r"\D", "", text)
            if len(digits) < 7:
                continue
            plain = not re.search(r"[+()\s.-]", text)
            if (
                plain
                and not _PHONE_CONTEXT_RE.search(src[max(0, m.start() - 20) : m.start()])
                and not re.fullmatch(r"1[3-9]\d{9}", text)
            ):
                continue
            add(Link("phone", text, normalize_phone(text)), m.span())
    return out
