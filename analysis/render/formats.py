"""The brief's output formats, one registry (`FORMATS`): briefs.toml's `formats`, the
builder, the index, the feeds and the e-mails read it. A format is a function that writes
`<name>.<format>` from the executed notebook, and one `FORMATS.register` line here; the PDF
is laid out in the helper processes while this process writes the others."""

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from analysis.core.registry import Registry

if TYPE_CHECKING:
    from nbformat import NotebookNode

    from analysis.render.workers import Worker


@dataclass
class Job:
    """What a format's writer gets: the executed notebook `nb`, the folder it writes into,
    the brief's name, title and paper, the helper processes (`workers`, None when no format
    prints) with the `charts` they are drawing (one result per cell with charts, in
    document order) and the print page's parts laid out `ahead` (`render.ahead`)."""

    nb: "NotebookNode"
    stage: Path
    name: str
    title: str
    paper: str
    workers: "Worker | None" = None
    charts: list = field(default_factory=list)
    ahead: dict | None = None

    def path(self, fmt: str) -> Path:
        """The file the format `fmt` writes."""
        return FORMATS[fmt].file(self.stage, self.name)


Wait = Callable[[], dict]
"""A format's writer returns None when its file is written, or a function that waits for
it (written elsewhere) and returns what the manifest keeps of how it was made."""


@dataclass(frozen=True)
class Format:
    name: str  # briefs.toml's name for it, and its file's suffix
    label: str  # what links to it say
    media_type: str
    write: Callable[[Job], Wait | None]
    prints: bool = False  # laid out by the helper processes (they start with the kernel)

    def file(self, folder: Path, brief: str) -> Path:
        """`<brief>.<format>` in `folder`: how every file of the format is named."""
        return folder / f"{brief}.{self.name}"


FORMATS: Registry[Format] = Registry("output format")


def _html(job: Job) -> None:
    from analysis.render import page

    job.path("html").write_text(page.render(job.nb, mode="web", title=job.title),
                                encoding="utf-8")


def _pdf(job: Job) -> Wait:
    from analysis.render import page, pdf

    drawn, slots = pdf.placed(job.charts)
    printable = page.render(job.nb, mode="print", title=job.title, slots=slots,
                            paper=job.paper)
    assert job.workers is not None  # a format that prints has the helper processes
    laid_out = job.workers.pdf(printable, job.path("pdf"), drawn, job.ahead)

    def wait() -> dict:
        laid_out.get()
        return {"print_parts": laid_out.counts}
    return wait


FORMATS.register("html", Format("html", "HTML", "text/html", _html))
FORMATS.register("pdf", Format("pdf", "PDF", "application/pdf", _pdf, prints=True))


def prints(names: tuple[str, ...]) -> bool:
    """Whether any of the formats `names` is laid out by the helper processes."""
    return any(FORMATS[n].prints for n in names)


def published(folder: Path, brief: str) -> list[tuple[Format, Path]]:
    """The formats of an edition in `folder`, with their files, in registry order."""
    return [(f, f.file(folder, brief)) for f in FORMATS.values()
            if f.file(folder, brief).is_file()]


def warm_up() -> None:
    """Load the HTML renderer and the font subsetter ahead of the first page."""
    from analysis.charts import assets
    from analysis.render import page

    page.warm_up()
    assets.warm_up()


def write(executed: Path, stage: Path, *, name: str, formats: tuple[str, ...], title: str,
          paper: str, workers, charts: list, lap: Callable[[str], None],
          ahead: dict | None = None) -> dict:
    """Each of `formats` into `stage` from the `executed` notebook; those the helper
    processes lay out start first, so that they work while this process writes the rest.
    `lap(name)` hears as each is done. Returns what the manifest keeps of how they were
    made."""
    import nbformat

    from analysis.render import page

    nb = nbformat.read(executed, as_version=4)
    job = Job(nb, stage, name, title, paper, workers, charts, ahead)
    waiting = []
    for fmt in sorted((FORMATS[n] for n in formats), key=lambda f: not f.prints):
        wait = fmt.write(job)
        if wait is None:
            lap(fmt.name)
        else:
            waiting.append((fmt.name, wait))
    pictures = workers.pictures(page.specs(nb)) if workers else None
    made = {}
    for fmt_name, wait in waiting:
        made.update(wait())
        lap(fmt_name)
    if pictures is not None:  # where a front end cannot run a chart, its picture shows
        page.add_pictures(nb, pictures.get())
        nbformat.write(nb, executed)
        lap("pictures")
    return made
