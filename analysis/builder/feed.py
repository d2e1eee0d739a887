"""Atom feeds of the published editions: `reports/feed.xml` (every brief's) and
`reports/<brief>/feed.xml` (one brief's), newest first, made with feedgen. Each entry is
one good edition: its title, its files (the HTML its page, the other formats its
enclosures; links relative to the feed, as the index's are: the reports folder can be
moved or served whole), and as its summary its news (`news`: the bottom line and what
changed since the edition before)."""

from datetime import UTC, datetime
from pathlib import Path

from analysis.builder import manifest, news
from analysis.core import atomic
from analysis.render import formats

FEED = "feed.xml"
URN = "urn:bedfellows:"
"""Feeds and entries are named by URN: a stable id wherever the reports are served."""


def write(root: Path) -> list[Path]:
    """Write every brief's feed and the feed of all, each whole (`atomic`)."""
    entries, written = [], []
    for folder in sorted(p for p in root.iterdir() if p.is_dir() and manifest.editions(p)):
        own = _entries(folder)
        if own:
            written.append(_write(folder / FEED, own, own[0]["brief"], f"brief:{folder.name}"))
            entries += [{**e, "files": [(fmt, f"{folder.name}/{href}", size)
                                        for fmt, href, size in e["files"]]} for e in own]
    written.append(_write(root / FEED, entries, "Bedfellows briefs", "briefs"))
    return written


def _entries(folder: Path) -> list[dict]:
    """One per good edition of the brief in `folder`, each with its summary."""
    found = []
    for path, record, before in manifest.good(folder):
        found.append({
            "id": f"{URN}edition:{folder.name}:{manifest.edition_id(record)}",
            "title": news.title(record),
            "brief": news.brief_title(record),
            "updated": datetime.fromisoformat(record["built_at"]),
            # the first format (the HTML) is the entry's page, the others its enclosures
            "files": [(fmt, f"{path.name}/{file.name}", file.stat().st_size)
                      for fmt, file in formats.published(path, folder.name)],
            "summary": news.news(record, before).text(),
        })
    return found[::-1]


def _write(path: Path, entries: list[dict], title: str, name: str) -> Path:
    from feedgen.feed import FeedGenerator

    feed = FeedGenerator()
    feed.id(f"{URN}feed:{name}")
    feed.title(title)
    feed.link(href=FEED, rel="self", type="application/atom+xml")
    feed.link(href="index.html" if name == "briefs" else "../index.html", rel="alternate",
              type="text/html")
    feed.updated(max((e["updated"] for e in entries), default=datetime.now(UTC)))
    for e in sorted(entries, key=lambda e: e["updated"]):  # feedgen lists the last added first
        item = feed.add_entry()
        item.id(e["id"])
        item.title(e["title"])
        item.updated(e["updated"])
        for i, (fmt, href, size) in enumerate(e["files"]):
            item.link(href=href, rel="enclosure" if i else "alternate", type=fmt.media_type,
                      length=str(size) if i else None)
        item.summary(e["summary"])
    atomic.write(path, feed.atom_str(pretty=True))
    return path
