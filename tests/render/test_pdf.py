"""pdf.split: the print page in two parts of about equal layout work."""

from analysis.render import pdf


def _page(*sections: tuple[str, int]) -> str:
    body = "".join(f'<h2 id="{key}">{key}</h2>' + "<p>x</p>" * size for key, size in sections)
    return f"<html><head></head><body><main>{body}</main></body></html>"


def _second(parts) -> str:
    return parts[1].html.split("<main>", 1)[1][:30]


def test_the_page_is_split_before_the_heading_that_best_halves_it():
    parts = pdf.split(_page(("a", 10), ("b", 30), ("c", 25), ("d", 5)))
    assert len(parts) == 2 and _second(parts).startswith('<h2 id="c">')
    first = parts[0].html
    assert '<h2 id="b">' in first and '<h2 id="c">' not in first and first.endswith("</html>")


def test_a_link_into_the_other_part_gets_a_stub_target():
    page = _page(("a", 3), ("b", 3)).replace("<p>x</p>", '<p><a href="#b">x</a></p>', 1)
    first, second = pdf.split(page)
    assert first.stubs == {"b"} and '<span id="b"></span>' in first.html
    assert not second.stubs


def test_a_page_without_sections_is_one_part():
    page = "<html><head></head><body><main><p>x</p></main></body></html>"
    assert len(pdf.split(page)) == 1
