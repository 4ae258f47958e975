"""link-mismatch: e-mail addresses, URLs and phone numbers that differ between versions."""

from __future__ import annotations

import re
from dataclasses import replace

from ...model import Segment, Severity
from ...text.links import Link
from ...text.md_links import anchor_ids, anchor_key
from ..base import Rule, RuleContext
from .sources import VersionLinks
from .syntax import same_target, syntax_findings

_MACRO_RE = re.compile(r"\{\{\s*[A-Za-z][\w-]*\s*\(")
_NOUN = {"email": "e-mail address", "url": "link", "phone": "phone number", "section": "link to the section"}


class LinkMismatch(Rule):
    """E-mail addresses, links or phone numbers that differ between aligned paragraphs.

    ## What it catches
    A different e-mail address or phone number (error); a link to another page
    (warning when it is the same site or a page of the site itself, error for
    another site); an address, link or section link one version lacks
    (warning); the version reported is the one the others disagree with,
    except that English is the source: where it differs from both Chinese
    versions, the Chinese versions are reported (they kept an old link), one
    finding each; link syntax one version breaks (``[text] (url)``, ``[text]
    words(url)``, ``[text]（url）``, ``((url))``) where another version has a
    working link (warning); a Chinese version linking the unlocalised page of
    the site (``/docs/x``) where the other Chinese version links its own
    localised page (``/zh-cn/docs/x``) (warning); an in-page ``#anchor`` that
    matches no heading of its version while the other version's matches one
    (warning; info when it is the other version's anchor kept under a
    translated heading, which works only on sites that keep the source ids);
    an address replaced by an obfuscation placeholder ("[email protected]",
    info).

    ## Why
    Contact details and links must lead to the same place in every version: a
    reader who follows the link in the Chinese text must reach the page the
    English text points to, in the reader's language where the site has it.

    ## Example
    zh-Hans "请发送邮件至 privacy@acme.dev" / en "write to legal@acme.dev" →
    error. zh-Hans "[文档](variables.html)" / en "[docs](permalinks.html)" →
    warning.

    ## Not reported
    Links compared as targets: the scheme (http/https), case of the host,
    ``www.``, trailing slash, ``index.html``, page extensions (``.html``,
    ``.md``), tracking and language parameters, language parts of the path or
    host (``/en/x/``, ``/zh_cn/x/``, ``/zh-TW/x/``, ``zh.`` or ``cn.``
    subdomains) and the fragment; a site-relative link (``tag-plugins``,
    ``../x.md``) and an address whose path ends with it; reference-style
    links (``[text][id]``) resolved; links in component props (``href=``,
    ``link=``) and template tags read; images; placeholder hosts
    (example.com/.org/.net, localhost, ``.test``, ``.invalid``); a profile
    link that another version writes as an @mention; a page the other
    version links through a template macro (``{{Glossary("Origin")}}``);
    dates that look like phone numbers; rows whose versions do not
    correspond.
    """

    id = "link-mismatch"
    severity = Severity.ERROR
    severities = (Severity.ERROR, Severity.WARNING, Severity.INFO)

    def check(self, ctx: RuleContext):
        langs = ctx.document.langs
        if len(langs) < 2:
            return
        vl = {lg: VersionLinks.read(ctx.version(lg)) for lg in langs}
        sections = _sections(ctx, vl)
        hosts = _source_hosts(ctx, vl)
        for row in ctx.alignment.rows:
            present = [lg for lg in langs if row.get(lg)]
            # a version whose paragraph does not correspond to the others' (misaligned, rewritten) is
            # left to semantic-drift; comparing its links would only produce noise
            present = [lg for lg in present if any(ctx.corresponds(row, lg, o) for o in present if o != lg)]
            if len(present) < 2:
                continue
            segs = {lg: [ctx.version(lg)[i] for i in row.get(lg)] for lg in present}
            all_items = {lg: [(s, _site(ln, hosts)) for s in segs[lg] for ln in vl[lg].links(s)] for lg in present}
            yield from syntax_findings(self, ctx, vl, segs, all_items)
            items = {lg: [(s, ln) for s, ln in all_items[lg] if _compared(ln)] for lg in present}
            for lg in present:  # in-page anchors compared by the aligned row of the heading they lead to
                items[lg] += [(s, sec) for s, ln in all_items[lg] if (sec := _section(ln, sections[lg]))]
            if not any(items.values()):
                continue
            # a version that links pages of the site through template macros ({{Glossary("Origin")}})
            macros = {lg for lg in present if any(_MACRO_RE.search(vl[lg].source(s)) for s in segs[lg])}
            reported: set[tuple] = set()
            used: set[tuple] = set()  # (lang, kind, key) explained by a scheme/changed finding
            for i, a in enumerate(present):
                for b in present[i + 1 :]:
                    for f, explained in self._compare(ctx, present, items, a, b, macros):
                        used |= explained
                        if f is None:
                            continue
                        key = (f.locations[0].lang, f.evidence.get("key"))
                        if key not in reported:
                            reported.add(key)
                            yield f
            # versions linking a section of a page: by '#section', or by the page's path and '#section'
            anchored = {lg for lg in present if any(ln.kind == "anchor" or ln.fragment for _, ln in all_items[lg])}
            yield from self._missing(ctx, present, segs, items, used, anchored, macros)

    def _compare(self, ctx, present, items, a, b, macros=frozenset()):
        """(finding or None, items it explains) for links that changed between ``a`` and ``b``."""

        def holds(lang, ln):
            return any(same_target(x, ln) for _, x in items[lang])

        def only(x, y):  # a page of the site is no change where the other version links through a macro
            return [
                (s, ln)
                for s, ln in items[x]
                if ln.kind != "obfuscated" and not holds(y, ln) and not (ln.relative and y in macros)
            ]

        only_a, only_b = only(a, b), only(b, a)
        # 2. changed: one item of a kind only on each side
        for kind in ("email", "phone", "url"):
            xa = [x for x in only_a if x[1].kind == kind]
            xb = [x for x in only_b if x[1].kind == kind]
            for (sa, la), (sb, lb) in zip(xa, xb):
                explained = {(a, la.kind, la.key), (b, lb.kind, lb.key)}
                if kind == "url" and _same_site(la.host, lb.host) and not (la.relative or lb.relative):
                    if la.localized or lb.localized or _path(la.key) == _path(lb.key):
                        # a localised page of the same site (/en-US/ vs /zh-CN/, en. vs zh.wikipedia),
                        # or the same page with other query parameters: not a mismatch
                        yield None, explained
                        continue
                third = [c for c in present if c not in (a, b)]
                if third and holds(third[0], lb) and not holds(third[0], la):
                    lang, seg, ln, rl, rs, rln = a, sa, la, b, sb, lb
                elif b == "en":
                    # en differs from both Chinese versions (or from the only one): en is the source,
                    # updated first; the translations are the ones to change (one finding each)
                    lang, seg, ln, rl, rs, rln = a, sa, la, b, sb, lb
                else:
                    lang, seg, ln, rl, rs, rln = b, sb, lb, a, sa, la
                sev = Severity.ERROR
                if kind == "url" and (ln.relative or rln.relative or _same_site(ln.host, rln.host)):
                    sev = Severity.WARNING  # same site, another page
                noun = _NOUN[kind]
                yield (
                    self._finding(
                        ctx,
                        sev,
                        lang,
                        seg,
                        ln,
                        [(rl, rs, rln)],
                        f"{lang} gives the {noun} {ln.text} where {rl} gives {rln.text}",
                        f"use the same {noun} in both versions ({rln.text} in {rl})",
                        "changed",
                    ),
                    explained,
                )

    def _missing(self, ctx, present, segs, items, used, anchored, macros):
        """Items some versions give and others lack, one finding per paragraph that has to change."""
        holders: dict[tuple, list] = {}
        for lg in present:
            for s, ln in items[lg]:
                if ln.kind == "obfuscated" or (lg, ln.kind, ln.key) in used or _credit(s, ln):
                    continue
                holders.setdefault((ln.kind, ln.key), [])
                if lg not in [h[0] for h in holders[(ln.kind, ln.key)]]:
                    holders[(ln.kind, ln.key)].append((lg, s, ln))
        lacks_at: dict[str, list] = {}  # lacking lang -> [(item, holders)]
        gives_at: dict[tuple, list] = {}  # (holder lang, seg index) -> [(seg, link, lacking langs)]
        for (kind, key), hs in holders.items():
            ln0 = hs[0][2]
            have = [lg for lg in present if any(same_target(x, ln0) for _, x in items[lg])]
            lacking = [lg for lg in present if lg not in have and (lg, kind, key) not in used]
            lacking = [lg for lg in lacking if not _mentioned(ln0, segs[lg])]
            # a section of this page linked by its full path in one version, by '#section' in another
            lacking = [lg for lg in lacking if not (ln0.relative and ln0.fragment and lg in anchored)]
            lacking = [lg for lg in lacking if not (kind == "section" and lg in anchored)]
            lacking = [lg for lg in lacking if not (ln0.relative and lg in macros)]
            if not lacking or any((lg, kind, key) in used for lg in present if lg not in have):
                continue
            obf = [lg for lg in lacking if kind == "email" and any(ln.kind == "obfuscated" for _, ln in items[lg])]
            for lg in obf:
                os_, oln = next((s, ln) for s, ln in items[lg] if ln.kind == "obfuscated")
                lang, s, ln = hs[0]
                yield self._finding(
                    ctx,
                    Severity.INFO,
                    lg,
                    os_,
                    oln,
                    [(lang, s, ln)],
                    f'{lg} shows an obfuscated placeholder "{oln.text}" where {lang} gives '
                    f"the e-mail address {ln.text}; the address is not readable in {lg}",
                    f"write the address {ln.text} in the {lg} text",
                    "obfuscated",
                )
            lacking = [lg for lg in lacking if lg not in obf]
            if not lacking:
                continue
            if len(have) >= 2 and len(lacking) == 1:
                lacks_at.setdefault(lacking[0], []).append(hs)
            else:
                for lang, s, ln in hs:
                    gives_at.setdefault((lang, s.index), []).append((s, ln, lacking))
        yield from self._lacking(ctx, segs, lacks_at)
        yield from self._extra(ctx, present, segs, gives_at)

    def _lacking(self, ctx, segs, lacks_at: dict):
        """One finding per version that lacks items two others give."""
        for lang, groups in lacks_at.items():
            seg = segs[lang][0]
            first = groups[0][0]
            names = " and ".join(h[0] for h in groups[0])
            texts = ", ".join(hs[0][2].text for hs in groups)
            nouns = _plural(groups[0][0][2].kind, len(groups), [hs[0][2].kind for hs in groups])
            yield ctx.finding(
                self,
                f"{lang} paragraph {seg.index} lacks the {nouns} {texts} that {names} give",
                ctx.loc(lang, seg),
                counterparts=[ctx.loc(h[0], h[1], h[2].text) for hs in groups for h in hs],
                evidence={
                    "kind": first[2].kind,
                    "difference": "missing",
                    "found": None,
                    "expected": [hs[0][2].text for hs in groups],
                    "missing_in": [lang],
                    "spans": {h[0]: [self._span(h[1], h[2])] for hs in groups for h in hs},
                    "key": "missing|" + ",".join(sorted(hs[0][2].key for hs in groups)),
                },
                suggestion=f"add {texts} to the {lang} text",
                texts=[seg.text] + [groups[0][0][1].text],
                severity=Severity.WARNING,
            )

    def _extra(self, ctx, present, segs, gives_at: dict):
        """One finding per paragraph that gives items its counterparts lack."""
        for (lang, _i), entries in gives_at.items():
            seg = entries[0][0]
            lacking = sorted({lg for _, _, lk in entries for lg in lk}, key=present.index)
            names = " and ".join(lacking)
            texts = ", ".join(ln.text for _, ln, _ in entries)
            nouns = _plural(entries[0][1].kind, len(entries), [ln.kind for _, ln, _ in entries])
            others = [ctx.loc(lg, x) for lg in lacking for x in segs[lg]]
            yield ctx.finding(
                self,
                f"{lang} gives the {nouns} {texts} but the {names} counterpart does not "
                f"({lacking[0]} paragraph {segs[lacking[0]][0].index}, line {segs[lacking[0]][0].line})",
                ctx.loc(lang, seg, entries[0][1].text),
                counterparts=others,
                evidence={
                    "kind": entries[0][1].kind,
                    "difference": "missing",
                    "found": [ln.text for _, ln, _ in entries],
                    "expected": None,
                    "missing_in": lacking,
                    "spans": {lang: [self._span(seg, ln) for _, ln, _ in entries]},
                    "key": "extra|" + ",".join(sorted(ln.key for _, ln, _ in entries)),
                },
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
            self,
            msg,
            ctx.loc(lang, seg, ln.text),
            counterparts=counterparts
            if counterparts is not None
            else [ctx.loc(rl, rs, rln.text) for rl, rs, rln in refs],
            evidence={
                "kind": ln.kind,
                "difference": what,
                "found": ln.text,
                "expected": refs[0][2].text if refs and what != "obfuscated" else None,
                "spans": spans,
                "key": f"{what}|{ln.kind}|{ln.key}",
            },
            suggestion=suggestion,
            texts=[seg.text] + [r[1].text for r in refs],
            severity=severity,
        )

    @staticmethod
    def _span(seg: Segment, ln: Link) -> dict:
        line, col = seg.locate(ln.text)
        return {"text": ln.text, "paragraph": seg.index, "line": line, "column": col, "end_column": col + len(ln.text)}


def _source_hosts(ctx, vl) -> set[str] | None:
    """The hosts the English version links (None without one): a relative link of a translation
    names the same page as an address on one of them, never one on a host only a translation uses
    (a third-party mirror of the site)."""
    if "en" not in vl:
        return None
    return {ln.host for s in ctx.version("en").segments for ln in vl["en"].links(s) if ln.kind == "url" and ln.host}


def _site(ln: Link, hosts: set[str] | None) -> Link:
    if hosts is None or ln.kind != "url" or ln.relative or ln.host in hosts:
        return ln
    return replace(ln, own_site=False)


def _sections(ctx, vl) -> dict[str, dict[str, int]]:
    """Per version: the anchor keys of its headings (text and explicit ids) -> their row number."""
    out: dict[str, dict[str, int]] = {lg: {} for lg in vl}
    for n, row in enumerate(ctx.alignment.rows):
        for lg in vl:
            for i in row.get(lg) or ():
                seg = ctx.version(lg)[i]
                if seg.kind == "heading":
                    for key in {anchor_key(seg.text)} | anchor_ids(vl[lg].source(seg)):
                        out[lg].setdefault(key, n)
    return out


def _section(ln: Link, sections: dict[str, int]) -> Link | None:
    """An in-page anchor as a link to the aligned row of its heading (None when it leads nowhere)."""
    if ln.kind != "anchor":
        return None
    n = sections.get(anchor_key(ln.fragment))
    return None if n is None else replace(ln, kind="section", key=f"row{n}")


_CREDIT_RE = re.compile(r"^[)\]\s]{0,3}(?:翻译|翻譯|译|譯|校对|校對|校订|校訂)")


def _credit(seg: Segment, ln: Link) -> bool:
    """A translator's credit: a link followed by 翻译 / 校对 ("translated by [@x](…)")."""
    at = seg.raw.find(ln.text)
    return at >= 0 and bool(_CREDIT_RE.match(seg.raw[at + len(ln.text) :]))


def _compared(ln: Link) -> bool:
    """Links compared between versions: not in-page anchors, images or example hosts."""
    return ln.kind != "anchor" and not ln.image and not ln.placeholder


def _mentioned(ln: Link, segs: list[Segment]) -> bool:
    """A profile link (github.com/name) that a version writes as an @mention (autolinked by the site)."""
    if ln.kind != "url" or len(ln.path) != 1 or ln.relative:
        return False
    needle = "@" + ln.path[0]
    return any(needle in s.raw.lower() for s in segs)


def _path(key: str) -> str:
    return key.split("?", 1)[0]


def _plural(kind: str, n: int, kinds: list[str]) -> str:
    if len(set(kinds)) > 1:
        return "addresses and links"
    noun = _NOUN[kind]
    if kind == "section" and n > 1:
        return "links to the sections"
    return noun if n == 1 else noun + ("es" if noun.endswith("ss") else "s")


def _same_site(h1: str, h2: str) -> bool:
    """Same registrable domain, roughly: the last two labels (three for .com.cn-style)."""

    def base(h):
        parts = h.split(".")
        n = (
            3
            if len(parts) >= 3 and len(parts[-1]) == 2 and parts[-2] in ("com", "org", "net", "gov", "edu", "co")
            else 2
        )
        return ".".join(parts[-n:])

    return bool(h1) and base(h1) == base(h2)
