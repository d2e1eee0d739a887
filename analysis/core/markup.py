"""Small, safe HTML building: every value is escaped unless it is already `Markup`."""

from collections.abc import Iterable

from markupsafe import Markup, escape


def table(columns: list[str], rows: Iterable[Iterable], caption: str = "",
          classes: str = "") -> Markup:
    """A table of `rows` under `columns`; nothing at all when there is no row (what is not
    on record is said in words, never as an empty table)."""
    head = "".join(f'<th scope="col">{escape(c)}</th>' for c in columns)
    body = "".join("<tr>" + "".join(f"<td>{escape(v)}</td>" for v in row) + "</tr>"
                   for row in rows)
    if not body:
        return Markup("")
    cap = f"<caption>{caption}</caption>" if caption else ""
    return Markup(f'<table class="{escape(classes)}">{cap}<thead><tr>{head}</tr></thead>'
                  f"<tbody>{body}</tbody></table>")


def join(parts: Iterable) -> Markup:
    return Markup("").join(escape(p) for p in parts)


__all__ = ["Markup", "escape", "table", "join"]
