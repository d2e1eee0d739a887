"""A stylesheet scoped to one element: the brief's own styles applied inside a Jupyter
output and nowhere else on the page (tinycss2 parses it; selectors get the scope before
them). The document's own rules (`:root`, `html`, `body`) become the scope's; print-only
rules (`body.print`, `@page`, `@media print`) are left out."""

import tinycss2


def scoped(css: str, scope: str) -> str:
    out = []
    for rule in tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True):
        if rule.type == "qualified-rule":
            selectors = _selectors(tinycss2.serialize(rule.prelude), scope)
            if selectors:
                out.append(f"{selectors} {{{tinycss2.serialize(rule.content)}}}")
        elif rule.type == "at-rule" and rule.lower_at_keyword == "media":
            media = tinycss2.serialize(rule.prelude).strip()
            if "print" in media or rule.content is None:
                continue
            inner = scoped(tinycss2.serialize(rule.content), scope)
            if inner:
                out.append(f"@media {media} {{{inner}}}")
    return "\n".join(out)


def _selectors(prelude: str, scope: str) -> str:
    kept = []
    for selector in (s.strip() for s in prelude.split(",")):
        if not selector or selector.startswith("body.print"):
            continue
        for document in (":root", "html", "body"):
            if selector == document or selector.startswith(document + " "):
                selector = scope + selector[len(document):]
                break
        else:
            selector = f"{scope} {selector}"
        kept.append(selector)
    return ", ".join(kept)
