"""The brief's formats from its executed notebook: the PDF is laid out in the helper
processes while this process renders the HTML."""

from collections.abc import Callable
from pathlib import Path


def warm_up() -> None:
    """Load the HTML renderer and the font subsetter ahead of the first page."""
    from analysis.charts import assets
    from analysis.render import page

    page.warm_up()
    assets.warm_up()


def write(executed: Path, stage: Path, *, name: str, formats: tuple[str, ...], title: str,
          paper: str, workers, charts: list, lap: Callable[[str], None],
          ahead: dict | None = None) -> dict:
    """`<name>.html` and `<name>.pdf` (as `formats` asks) into `stage`. `charts` are the
    chart PDFs the `workers` are drawing, one result per cell with charts, in document
    order; `ahead`: the parts of the print page laid out while the notebook ran
    (`render.ahead`); `lap(name)` hears as each part is done. Returns how many parts the
    PDF was laid out in, and how many of them ahead ({} without a PDF)."""
    import nbformat

    from analysis.render import page, pdf

    nb = nbformat.read(executed, as_version=4)
    job = None
    if "pdf" in formats:
        drawn, slots = pdf.placed(charts)
        printable = page.render(nb, mode="print", title=title, slots=slots, paper=paper)
        job = workers.pdf(printable, stage / f"{name}.pdf", drawn, ahead)
        lap("print_html")
    if "html" in formats:
        (stage / f"{name}.html").write_text(page.render(nb, mode="web", title=title),
                                            encoding="utf-8")
        lap("html")
    pictures = workers.pictures(page.specs(nb)) if workers else None
    if job is not None:
        job.get()
        lap("pdf")
    if pictures is not None:  # where a front end cannot run a chart, its picture shows
        page.add_pictures(nb, pictures.get())
        nbformat.write(nb, executed)
        lap("pictures")
    return job.counts if job else {}
