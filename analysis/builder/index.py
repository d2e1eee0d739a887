"""`reports/index.html`: every brief, its latest edition and status, and its history.

One self-contained page (inline CSS, system fonts, no script), with a Content-Security-
Policy that forbids every network load; links are relative, so the reports folder can be
moved or zipped whole.
"""

from datetime import UTC, datetime
from pathlib import Path

from markupsafe import Markup

from analysis.builder import manifest
from analysis.builder.feed import FEED
from analysis.core import atomic
from analysis.render import formats

CSS = """
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
  color: #222; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin-bottom: 0.2rem; }
p.note { color: #555; margin-top: 0; }
table { border-collapse: collapse; width: 100%; margin: 1rem 0 2rem; }
th, td { text-align: left; padding: 0.35rem 0.6rem; border-bottom: 1px solid #ddd;
  vertical-align: top; }
th { border-bottom: 2px solid #222; }
.failed { color: #8a1c1c; font-weight: 700; }
.built { color: #1b6b3a; font-weight: 700; }
details { font-size: 0.9rem; }
"""


def _when(manifest: dict | None) -> str:
    stamp = (manifest or {}).get("built_at")
    if not stamp:
        return ""
    return f"{datetime.fromisoformat(stamp).astimezone(UTC):%Y-%m-%d %H:%M} UTC"


def _links(folder: Path, root: Path, name: str) -> Markup:
    out = [Markup('<a href="{}">{}</a>').format(path.relative_to(root).as_posix(), fmt.label)
           for fmt, path in formats.published(folder, name)]
    return Markup(" · ").join(out) if out else Markup("")


def briefs(root: Path) -> list[dict]:
    """What the index shows, one entry per brief folder."""
    entries = []
    for folder in sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith(".")):
        latest = manifest.last_good(folder)
        failed = manifest.read(folder / manifest.FAILED)
        if latest is None and failed is None:
            continue
        editions = manifest.editions(folder)[::-1]  # newest first
        entries.append({
            "name": folder.name,
            "title": ((latest or failed or {}).get("parameters") or {}).get("title")
            or folder.name,
            "latest": latest, "failed": failed, "failure": manifest.last_failure(folder),
            "editions": [(p.name, manifest.read(p), p) for p in editions],
        })
    return entries


def render(root: Path) -> str:
    rows, histories = [], []
    for b in briefs(root):
        latest, failed = b["latest"], b["failure"]
        if failed:
            status = Markup('<span class="failed">last build failed</span>: {}').format(
                failed["failure"]["message"])
        else:
            status = Markup('<span class="built">built</span>')
        link = _links(root / b["name"] / manifest.LATEST, root, b["name"]) if latest else ""
        rows.append(Markup(
            "<tr><td><strong>{title}</strong><br><small>{name}</small></td><td>{edition}"
            "</td><td>{when}</td><td>{status}</td><td>{link}</td></tr>").format(
                title=b["title"], name=b["name"],
                edition=manifest.edition_id(latest) if latest else "none yet",
                when=_when(latest or b["failed"]), status=status, link=link))
        history = Markup("").join(
            Markup("<li>{} (built {}): {}</li>").format(
                name, _when(record), _links(path, root, b["name"]))
            for name, record, path in b["editions"])
        if (root / b["name"] / FEED).is_file():
            history += Markup('<li><a href="{}">Feed of its editions</a> (Atom)</li>').format(
                f"{b['name']}/{FEED}")
        histories.append(Markup(
            '<details><summary>{} — {}</summary><ul>{}</ul></details>').format(
                b["title"], f"{len(b['editions'])} edition" + "s"[:len(b["editions"]) != 1],
                history))
    body = Markup("").join(rows) or Markup('<tr><td colspan="5">No brief built yet.</td></tr>')
    return str(Markup(
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
        "style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'\">"
        '<link rel="alternate" type="application/atom+xml" title="Bedfellows briefs" '
        'href="{feed}">'
        "<title>Bedfellows briefs</title><style>{css}</style></head><body><main>"
        "<h1>Bedfellows briefs</h1><p class=\"note\">Index updated {now}. Each brief's "
        "latest good edition; a failed build never replaces it. New editions, with their "
        'bottom line and what changed: <a href="{feed}">the Atom feed</a> (each brief has '
        "its own, linked below).</p>"
        "<table><thead><tr><th scope=\"col\">Brief</th><th scope=\"col\">Latest edition"
        "</th><th scope=\"col\">Built</th><th scope=\"col\">Status</th>"
        "<th scope=\"col\">Files</th></tr></thead><tbody>{body}</tbody></table>"
        "<h2>History</h2>{histories}</main></body></html>\n").format(
            css=Markup(CSS), feed=FEED, now=f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC", body=body,
            histories=Markup("").join(histories)))


def write(root: Path) -> Path:
    """Write the index atomically (a reader never sees half a page)."""
    root.mkdir(parents=True, exist_ok=True)
    target = root / "index.html"
    atomic.write(target, render(root))
    return target
