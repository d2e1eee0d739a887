"""Atom feeds of the published editions: `reports/feed.xml` (every brief's) and
`reports/<brief>/feed.xml` (one brief's), newest first, made with feedgen. Each entry is
one good edition: its title, its HTML and PDF (links relative to the feed, as the index's
are: the reports folder can be moved or served whole), and as its summary the bottom line
and what changed since the edition before, both from the editions' manifests."""

from datetime import UTC, datetime
from pathlib import Path

from analysis.builder import manifest, news
from analysis.core import atomic

FEED = "feed.xml"
URN = "urn:bedfellows:"
"""Feeds and entries are named by URN: a stable id wherever the reports are served."""


def write(root: Path) -> list[Path]:
    """Write every brief's feed and the feed of all, each whole (`atomic`)."""
    entries, written = [], []
    for folder in sorted(p for p in root.iterdir() if p.is_dir() and manifest.editions(p)):
        own = _entries(folder)
        if own:
            title = own[0]["title"].rsplit(": edition ", 1)[0]
            written.append(_write(folder / FEED, own, title, f"brief:{folder.name}"))
            entries += [{**e, "href": f"{folder.name}/{e['href']}",
                         "pdf": e["pdf"] and f"{folder.name}/{e['pdf']}"} for e in own]
    written.append(_write(root / FEED, entries, "Bedfellows briefs", "briefs"))
    return written


def _entries(folder: Path) -> list[dict]:
    """One per good edition of the brief in `folder`, each with its summary."""
    found, before = [], None
    for path in manifest.editions(folder):
        record = manifest.read(path)
        if not record or record.get("status") != manifest.Status.BUILT:
            continue
        title = (record.get("parameters") or {}).get("title") or folder.name
        pdf = path / f"{folder.name}.pdf"
        found.append({
            "id": f"{URN}edition:{folder.name}:{manifest.edition_id(record)}",
            "title": f"{title}: edition {manifest.edition_id(record)}",
            "updated": datetime.fromisoformat(record["built_at"]),
            "href": f"{path.name}/{folder.name}.html",
            "pdf": f"{path.name}/{folder.name}.pdf" if pdf.is_file() else None,
            "length": pdf.stat().st_size if pdf.is_file() else None,
            "summary": news.news(record, before).text(),
        })
        before = path / manifest.NAME
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
        item.link(href=e["href"], rel="alternate", type="text/html")
        if e["pdf"]:
            item.link(href=e["pdf"], rel="enclosure", type="application/pdf",
                      length=str(e["length"]))
        item.summary(e["summary"])
    atomic.write(path, feed.atom_str(pretty=True))
    return path
