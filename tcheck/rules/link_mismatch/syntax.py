"""link-mismatch findings about one version's links: broken syntax, another language's page, dead anchors.

* **broken syntax**: a link one version writes so that Markdown shows it as text
  (``[text] (url)``, ``[text] words(url)``, ``[text]（url）``, ``((url))``) where another version
  has a working link to the same target;
* **another language's page**: a Chinese version links the unlocalised (English) page of the
  site (``/docs/x``, ``/en/x``) where the other Chinese version links its own localised page of
  it (``/zh-cn/docs/x``): the site has localised pages, so this version's page exists too;
* **dead anchor**: an in-page ``#fragment`` that matches no heading or explicit id of its
  version while the other version's anchor matches one of its own headings.
"""

from __future__ import annotations

from ...model import Severity
from ...text.links import Link
from ...text.md_links import broken_links

_WHY = {
    "space": "a space between ] and (",
    "gap": "text between ] and (",
    "fullwidth": "full-width parentheses around the address",
    "double": "the address in double parentheses",
}


def same_target(a: Link, b: Link) -> bool:
    """Do two links lead to the same page? Scheme, language parts, ``index.html`` and page
    extensions aside; a site-relative link matches an address whose path ends with its path."""
    if a.kind != b.kind:
        return False
    if a.key == b.key:
        return True
    if a.kind != "url" or not a.path or not b.path:
        return False
    if not (a.relative or b.relative):  # the same document in another format: icla.pdf / icla.txt
        return a.host == b.host and a.path[:-1] == b.path[:-1] and _stem(a.path[-1]) == _stem(b.path[-1])
    if a.relative and b.relative:
        n = min(len(a.path), len(b.path))
        return a.path[-n:] == b.path[-n:]
    rel, ab = (a, b) if a.relative else (b, a)
    if rel.text.startswith("/"):  # rooted at the site: the whole path, on whatever host the site has
        return ab.path == rel.path
    # relative to the page: the end of the path, on a host the source links (not a mirror of the site)
    return ab.own_site and ab.path[-len(rel.path) :] == rel.path


def _stem(name: str) -> str:
    return name.rsplit(".", 1)[0] if "." in name[1:] else name


def syntax_findings(rule, ctx, vl, segs, items):
    """The single-version link findings of one row (see the module docstring)."""
    present = list(segs)
    for lg in present:
        others = [o for o in present if o != lg]
        yield from _broken(rule, ctx, vl, segs, items, lg, others)
        yield from _foreign_page(rule, ctx, items, lg, others)
        yield from _dead_anchor(rule, ctx, vl, items, lg, others)


def _broken(rule, ctx, vl, segs, items, lg, others):
    for seg in segs[lg]:
        for b in broken_links(vl[lg].source(seg), vl[lg].refs):
            ref = next(
                (
                    (o, s, x)
                    for o in sorted(others, key=lambda o: o != "en")
                    for s, x in items[o]
                    if _same_or_anchor(b.target, x) and not _is_broken(vl[o], s, x)
                ),
                None,
            )
            if ref is None:
                continue
            o, s, x = ref
            line, col = seg.locate(b.text)
            yield _finding(
                rule,
                ctx,
                f"{lg} writes the link to {b.target.text} as '{b.text}', which does not render as a link "
                f"({_WHY[b.what]}); {o} has a working link ({x.text})",
                ctx.loc_at(lg, seg, line, col, (line, col + len(b.text))),
                seg,
                ref,
                ("url", "broken-syntax", b.text, f"broken|{b.target.key}"),
                suggestion=f"write it as [text]({b.target.text})",
                severity=Severity.WARNING,
            )


def _is_broken(v, seg, x: Link) -> bool:
    """Is ``x`` the target of a broken link of ``seg`` (a bare address, not a working link)?"""
    return any(_same_or_anchor(b.target, x) for b in broken_links(v.source(seg), v.refs))


def _same_or_anchor(target: Link, x: Link) -> bool:
    return same_target(target, x) or (target.kind == "anchor" and x.kind == "anchor")


def _foreign_page(rule, ctx, items, lg, others):
    if not lg.startswith("zh"):
        return
    for seg, ln in items[lg]:
        if ln.kind != "url" or not ln.relative or ln.page_lang not in ("", "en") or not ln.path:
            continue
        for o in others:
            if not o.startswith("zh"):
                continue
            own = next(((s, x) for s, x in items[o] if x.relative and x.page_lang == o and same_target(ln, x)), None)
            if own is None:
                continue
            s, x = own
            yield _finding(
                rule,
                ctx,
                f"{lg} links to {ln.text}, the {'English' if ln.page_lang == 'en' or not ln.page_lang else ln.page_lang} "
                f"page, where {o} links to its own localised page {x.text}; {lg} probably should link the {lg} page",
                ctx.loc(lg, seg, ln.text),
                seg,
                (o, s, x),
                ("url", "language-page", ln.text, f"language|{ln.key}"),
                suggestion=f"link the {lg} version of {x.text}",
                severity=Severity.WARNING,
            )
            break


def _dead_anchor(rule, ctx, vl, items, lg, others):
    for seg, ln in items[lg]:
        if ln.kind != "anchor" or vl[lg].has_anchor(ln.fragment):
            continue
        refs = [(o, s, x) for o in others for s, x in items[o] if x.kind == "anchor" and vl[o].has_anchor(x.fragment)]
        if not refs:
            continue
        same = [r for r in refs if r[2].fragment == ln.fragment]
        ref = (same or refs)[0]
        o, s, x = ref
        yield _finding(
            rule,
            ctx,
            f"{lg} links to the section {ln.text}, but no heading of the {lg} page has that anchor; "
            f"{o} links to {x.text}, which matches its heading",
            ctx.loc(lg, seg, ln.text),
            seg,
            ref,
            ("anchor", "dead-anchor", ln.text, f"anchor|{ln.key}"),
            suggestion=f"point {ln.text} at a heading of the {lg} page",
            # the same anchor as the other version's, under a translated heading: whether it still
            # works depends on the site's slug rule (some keep the source heading's ids)
            severity=Severity.INFO if same else Severity.WARNING,
        )


def _finding(rule, ctx, message, where, seg, ref, what, suggestion, severity):
    """A finding at ``where`` in ``seg``, against the link ``x`` of segment ``s`` of version ``o``
    (``ref``); ``what`` is (kind, difference, text found, key) of its evidence."""
    o, s, x = ref
    kind, difference, found, key = what
    return ctx.finding(
        rule,
        message,
        where,
        counterparts=[ctx.loc(o, s, x.text)],
        evidence={"kind": kind, "difference": difference, "found": found, "expected": x.text, "key": key},
        suggestion=suggestion,
        texts=[seg.text, s.text],
        severity=severity,
    )
