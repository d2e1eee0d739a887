"""What a saved web page, a PDF or a text file says of itself: its main text, found with
libraries made for it (trafilatura for pages, pypdf for PDFs), and its title, author,
publisher, date, address and language from its metadata, each with where it was found.
Nothing is guessed: what the file does not state is left out (a date in the running text,
a site's name from its address)."""

import json
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

from analysis.errors import ImportFailed

MIN_WORDS = 20
"""Fewer words than this, or no sentence, is no text in a page or a PDF: menus and links."""

_DATE_META = ("article:published_time", "datepublished", "og:published_time",
              "publishdate", "pubdate", "date", "dc.date", "dc.date.issued",
              "dcterms.created", "dcterms.date", "citation_publication_date",
              "citation_date")
"""Meta tags (property, name or itemprop, any case) that state a publication date, in
the order they are believed."""
_JSONLD_DATE = ("datePublished", "dateCreated")
_KINDS = {"NewsArticle": "news", "ReportageNewsArticle": "news", "BlogPosting": "blog",
          "AnalysisNewsArticle": "analysis", "OpinionNewsArticle": "analysis"}
"""A page's own JSON-LD type -> the source kind it declares."""


@dataclass
class Page:
    """What a file gave: its text, and each source column it states, with where."""

    kind: str  # "a saved web page", "a PDF", "a text file"
    text: str
    found: dict[str, str] = field(default_factory=dict)
    basis: dict[str, str] = field(default_factory=dict)  # column -> where it was found
    notes: list[str] = field(default_factory=list)  # what else the file says of itself


def read(path: Path) -> Page:
    """The file as a `Page`; ImportFailed, in one line, when it cannot be read or holds
    no text."""
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise ImportFailed(f"cannot read {path}: {e.strerror or e}") from None
    if raw.startswith(b"%PDF-"):
        page = _pdf(path, raw)
    elif path.suffix.lower() in (".html", ".htm") or re.match(
            rb"\s*(<!--.*?-->\s*)*<(!doctype html|html)", raw[:4096], re.I | re.S):
        page = _html(raw)
    else:
        try:
            page = Page("a text file", raw.decode("utf-8-sig"))
        except UnicodeDecodeError:
            raise ImportFailed(f"{path.name}: not a web page, a PDF or UTF-8 text") from None
    page.text = _tidy(page.text)
    words = len(page.text.split())
    least = 1 if page.kind == "a text file" else MIN_WORDS  # a text is what its writer kept
    if words < least or not re.search(r"[.!?。؟]", page.text):
        raise ImportFailed(f"{path.name}: no text found in {page.kind} (only {words} "
                           "words of menus or links)" if words else
                           f"{path.name}: no text found in {page.kind}")
    return page


def _tidy(text: str) -> str:
    """Lines without trailing spaces, no run of blank lines, no line starting with '#'
    (the held document's header is its lines that do)."""
    lines = [re.sub(r"^#", "\\#", line.rstrip()) for line in text.strip().splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)) + "\n"


def _pdf(path: Path, raw: bytes) -> Page:
    import io

    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    logging.getLogger("pypdf").setLevel(logging.CRITICAL)  # what it logs, we report
    try:
        reader = PdfReader(io.BytesIO(raw))
        text = "\n\n".join(page.extract_text() or "" for page in reader.pages)
        info: dict = reader.metadata or {}
    except (PdfReadError, ValueError, KeyError) as e:
        raise ImportFailed(f"{path.name}: cannot read the PDF ({e})") from None
    page = Page("a PDF", text)
    for column, key in (("title", "/Title"), ("author", "/Author")):
        value = str(info.get(key) or "").strip()
        if value:
            page.found[column], page.basis[column] = value, f"the PDF's {key[1:]} field"
    made = str(info.get("/CreationDate") or "")
    if re.match(r"D:\d{8}", made):  # when the file was made: not when it was published
        page.notes.append(f"the file was made on {made[2:6]}-{made[6:8]}-{made[8:10]} "
                          "(its CreationDate; not a publication date)")
    return page


def _html(raw: bytes) -> Page:
    import lxml.html
    import trafilatura

    text = trafilatura.extract(raw, include_comments=False) or ""
    meta = trafilatura.extract_metadata(raw)
    tree = lxml.html.fromstring(raw)
    places = _places(tree)
    page = Page("a saved web page", text)
    for column, value in (("title", meta.title), ("author", meta.author),
                          ("publisher", meta.sitename), ("url", meta.url)):
        if value:
            page.found[column] = value.strip()
            page.basis[column] = _where(places, value) or "found by trafilatura in the page"
    day = _published(places)
    if day:
        page.found["published"], page.basis["published"] = day
    lang = (tree.get("lang") or "").split("-")[0].lower()
    if re.fullmatch(r"[a-z]{2}", lang):
        page.found["language"], page.basis["language"] = lang, "the page's lang attribute"
    kinds = [_KINDS[v] for where, v in places if where.endswith("JSON-LD @type") and v in _KINDS]
    if kinds:
        page.found["kind"], page.basis["kind"] = kinds[0], "the page's JSON-LD @type"
    if meta.hostname and "url" not in page.found:
        page.notes.append(f"the page names its site {meta.hostname}")
    return page


def _places(tree) -> list[tuple[str, str]]:
    """(where, value) of what the page says of itself, in the order it is believed:
    JSON-LD, meta tags, the canonical link, <title>, the first heading, the byline, <time>
    elements."""
    found = []
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text or "")
        except ValueError:
            continue
        found += [(f"the page's JSON-LD {key}", value) for key, value in _flat(data)]
    for tag in tree.xpath("//meta[@content]"):
        name = tag.get("property") or tag.get("name") or tag.get("itemprop")
        if name:
            found.append((f"the page's meta {name}", tag.get("content").strip()))
    found += [("the page's canonical link", link.get("href"))
              for link in tree.xpath('//link[@rel="canonical"][@href]')]
    found += [("the page's <title>", t.text_content().strip()) for t in tree.xpath("//title")]
    found += [("the page's first heading", h.text_content().strip())
              for h in tree.xpath("//h1")[:1]]
    found += [("the page's byline", b.text_content().strip()) for b in tree.xpath(
        '//*[contains(@class, "byline") or @rel="author" or contains(@class, "author")]')]
    found += [(f"a <time> element in the page ({t.text_content().strip()})", t.get("datetime"))
              for t in tree.xpath("//time[@datetime]")]
    return found


def _flat(data, key="") -> list[tuple[str, str]]:
    """A JSON-LD value's texts, by key ('author' for an author's name, '@type')."""
    if isinstance(data, list):
        return [pair for item in data for pair in _flat(item, key)]
    if isinstance(data, dict):
        return [pair for k, v in data.items()
                for pair in _flat(v, key if k in ("name", "@value", "@graph") else k)]
    return [(key, str(data))] if key and isinstance(data, str | int) else []


def _where(places, value: str) -> str | None:
    """Where the page states `value` (the first place holding it, or it within)."""
    value = " ".join(value.split()).casefold()
    exact = [w for w, v in places if " ".join(v.split()).casefold() == value]
    within = [w for w, v in places if value in " ".join(v.split()).casefold()]
    return (exact or within or [None])[0]


def _published(places) -> tuple[str, str] | None:
    """(day, basis) of the page's publication date, from what states one, best first."""
    def day(value):
        m = re.match(r"\s*(\d{4}-\d{2}-\d{2})(?!\d)", value or "")
        return m[1] if m else None
    stated = ([(w, v) for w, v in places for k in _JSONLD_DATE if w.endswith(f"JSON-LD {k}")]
              + [(w, v) for k in _DATE_META for w, v in places
                 if w.casefold() == f"the page's meta {k}"]
              + [(w, v) for w, v in places if w.startswith("a <time> element")])
    for where, value in stated:
        if day(value):
            return day(value), f"{where}: {value.strip()}"
    return None
