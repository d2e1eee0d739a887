"""pdf.parts: the print page cut before section headings into parts laid out side by side,
each cut decided by what comes before it, so that a page still being written is cut as the
finished page will be."""

import pytest

from analysis.render import pdf

N = pdf.PART_ELEMENTS


def _page(*sections: tuple[str, int]) -> str:
    """A print page of sections, each of about `size` elements."""
    body = "".join(f'<h2 id="{key}">{key}</h2>' + "<p>x</p>" * (size // 2)
                   for key, size in sections)
    return f"<html><head></head><body><main>{body}</main></body></html>"


def _starts(parts) -> list[str]:
    return [part.html.split("<main>", 1)[1][:12] for part in parts]


def test_a_part_ends_before_the_heading_that_follows_enough_and_leaves_enough():
    parts = pdf.parts(_page(("a", N // 2), ("b", N // 2), ("c", N // 4), ("d", N * 2),
                            ("e", N // 4)))
    # a+b fill a part; c does not; c+d do, but e alone is too little to stand after them
    assert _starts(parts) == ['<h2 id="a">a', '<h2 id="c">c']
    first = parts[0].html
    assert '<h2 id="b">' in first and '<h2 id="c">' not in first and first.endswith("</html>")
    assert all(part.elements >= N for part in parts)


@pytest.mark.parametrize("written", range(1, 8))
def test_a_page_still_being_written_is_cut_as_the_finished_page(written):
    sections = [("a", N), ("b", N // 3), ("c", N), ("d", N * 2), ("e", N // 3), ("f", N),
                ("g", N // 5)]
    finished = pdf.parts(_page(*sections))
    so_far = pdf.parts(_page(*sections[:written]))
    assert [p.html for p in so_far[:-1]] == [p.html for p in finished[:len(so_far) - 1]]


def test_a_link_into_another_part_gets_a_stub_target():
    page = _page(("a", N), ("b", N)).replace("<p>x</p>", '<p><a href="#b">x</a></p>', 1)
    first, second = pdf.parts(page)
    assert first.stubs == {"b"} and '<span id="b"></span>' in first.html
    assert not second.stubs


def test_a_page_without_sections_is_one_part():
    page = "<html><head></head><body><main><p>x</p></main></body></html>"
    assert len(pdf.parts(page)) == 1
