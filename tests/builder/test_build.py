"""`brief build`, end to end: real papermill, nbconvert, vl-convert and WeasyPrint runs."""

import json
import re
import shutil
import subprocess
import unicodedata

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from conftest import DEFAULT_BRIEF, FIXTURES, require_tool, run_brief

pytestmark = pytest.mark.slow
NAME = DEFAULT_BRIEF  # `built` (tests/conftest.py) is this brief, built once per session


@pytest.fixture(scope="module")
def soup(built):
    return BeautifulSoup((built / f"{NAME}.html").read_text(encoding="utf-8"), "html.parser")


def test_outputs_and_manifest(built):
    assert {p.name for p in built.iterdir()} == {
        f"{NAME}.html", f"{NAME}.pdf", f"{NAME}.ipynb", "manifest.json"}
    manifest = json.loads((built / "manifest.json").read_text())
    assert manifest["status"] == "built"
    assert manifest["parameters"]["paper"] == "A4"
    assert any(k.endswith("arms_sales.csv") for k in manifest["inputs"])
    assert all(re.fullmatch(r"[0-9a-f]{64}", v) for v in manifest["inputs"].values())
    assert {"execute", "html", "pdf", "total"} <= set(manifest["timings"])
    assert manifest["versions"]["papermill"]
    edition = built.parent / manifest["edition"]
    assert (edition / f"{NAME}.pdf").read_bytes() == (built / f"{NAME}.pdf").read_bytes()


def test_html_has_no_code_parameters_or_banner(soup):
    html = str(soup)
    assert not soup.select("pre, code, .jp-InputArea, .input_area, .prompt")
    for leftover in ("as_of: Day", "# Parameters", "injected-parameters", "brief.arms()",
                     "import Brief", "papermill-error", "An Exception was encountered"):
        assert leftover not in html


def test_html_is_self_contained(soup):
    for tag in soup.find_all(src=True):
        assert tag["src"].startswith("data:"), tag
    for tag in soup.find_all(href=True):
        assert tag["href"].startswith("#"), tag
    assert "@import" not in str(soup.style)
    bundles = [s for s in soup.find_all("script") if "window.vegaEmbed=" in (s.string or "")]
    assert len(bundles) == 1, "the Vega bundle is inlined exactly once"
    csp = soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
    assert "default-src 'none'" in csp and "connect-src 'none'" in csp


def test_html_fonts_are_cut_to_the_page_and_cover_it(soup):
    """The embedded fonts hold only what the page needs, and every character it shows:
    its text, Cyrillic and Arabic names included, and its charts' data."""
    import base64
    import io

    from fontTools.ttLib import TTFont

    from analysis.paths import FONTS

    fonts = re.findall(r'base64,([A-Za-z0-9+/=]+)"', soup.style.string)
    assert len(fonts) == 2, "regular and bold"
    charts = "".join(json.dumps(json.loads(s.string), ensure_ascii=False)
                     for s in soup.find_all("script", type="application/json"))
    needed = {c for c in soup.get_text() + charts if not c.isspace()
              and unicodedata.category(c) not in ("Cf", "Cc")}
    assert {"К", "ذ"} <= needed
    for data in fonts:
        woff2 = base64.b64decode(data)
        assert len(woff2) < (FONTS / "BedfellowsSans-Regular.woff2").stat().st_size / 3
        covered = {chr(c) for c in TTFont(io.BytesIO(woff2)).getBestCmap()}
        assert needed <= covered, sorted(needed - covered)


def test_html_structure(soup):
    assert soup.html["lang"] == "en"
    assert len(soup.find_all("h1")) == 1
    assert soup.find("meta", charset="utf-8")
    toc = [a["href"] for a in soup.select("nav.toc a")]
    assert toc == ["#judgments", "#arms", "#estimates", "#contacts", "#where", "#wider",
                   "#contested", "#changes", "#sources", "#colophon"]
    for anchor in toc:
        assert soup.find(id=anchor[1:]), anchor
    figures = soup.select("figure.chart")
    assert len(figures) == 5  # arms, estimate ranges, provinces waffle, timeline, network
    for figure in figures:
        assert figure.select_one(".vega-chart")
        assert figure.figcaption.select_one(".description").get_text(strip=True)
        assert figure.figcaption.select_one(".source-line")
    assert "@media print" in soup.style.string


def test_every_citation_resolves(soup):
    for link in soup.select(".cite a, .source-line a"):
        assert soup.find(id=link["href"][1:]), link["href"]
    ids = [t["id"] for t in soup.find_all(id=True)]
    assert len(ids) == len(set(ids)), "ids are unique"


def test_data_text_is_escaped(soup):
    scripts = soup.find_all("script")
    assert all(s.get("type") == "application/json" or "vegaEmbed" in (s.string or "")
               for s in scripts)
    assert "talks <script>alert('x')</script> & more" in soup.get_text()


def _pdf_text(path) -> str:
    return unicodedata.normalize("NFKC", "\n".join(
        p.extract_text() for p in PdfReader(path).pages))


def test_pdf(built):
    reader = PdfReader(built / f"{NAME}.pdf")
    assert len(reader.pages) >= 2
    text = _pdf_text(built / f"{NAME}.pdf")
    assert "Russia and the Taliban" in text
    assert re.search(r"Page 1 of \d+", text)
    assert "UNCLASSIFIED // OPEN SOURCE" in text
    assert "Замир Кабулов" in text
    arabic = unicodedata.normalize("NFKC", "ذبیح‌الله مجاهد").replace("\u200c", "")
    flat = text.replace("\u200c", "")
    assert arabic in flat or arabic[::-1] in flat or all(w in flat for w in arabic.split())
    fonts = set()
    for page in reader.pages:
        for font in page["/Resources"].get("/Font", {}).values():
            descriptor = font.get_object().get("/FontDescriptor")
            if descriptor is None:
                for child in font.get_object().get("/DescendantFonts", []):
                    descriptor = child.get_object().get("/FontDescriptor")
            assert descriptor is not None
            descriptor = descriptor.get_object()
            assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            fonts.add(str(descriptor["/FontName"]))
    assert fonts and all("Bedfellows" in f for f in fonts), "only the bundled fonts"
    assert reader.outline, "bookmarks from the headings"


def test_pdf_parts_join_into_one_brief(built, tmp_path, monkeypatch):
    """The brief is laid out in parts side by side and joined (analysis/render/pdf.py):
    every page has the running header and its "Page i of n" over the whole, the body shows
    under them, and the bookmarks nest across the parts. The fixture brief is small: cut
    here into more parts than a build would."""
    import nbformat

    from analysis.charts import static
    from analysis.render import page, pdf

    monkeypatch.setattr(pdf, "PART_ELEMENTS", 60)
    nb = nbformat.read(built / f"{NAME}.ipynb", as_version=4)
    charts = static.render_pdf(page.specs(nb))
    slots = [pdf.slot(i, *pdf.page_size(chart)) for i, chart in enumerate(charts)]
    html = page.render(nb, mode="print", title="Brief", slots=slots)
    parts = [pdf.lay_out(part, charts, tmp_path) for part in pdf.parts(html)]
    assert len(parts) >= 3
    joined = tmp_path / "brief.pdf"
    pdf.finish(parts, pdf.frame(html, sum(p.pages for p in parts), tmp_path), joined)
    reader = PdfReader(joined)
    total = len(reader.pages)
    for number, one in enumerate(reader.pages, 1):
        text = one.extract_text()
        assert f"Page {number} of {total}" in text and "Russia and the Taliban" in text
    title = reader.outline[0]
    headings = {h.title: h for h in reader.outline[1] if not isinstance(h, list)}
    assert title.title.startswith("Russia and the Taliban")
    assert list(headings)[-2:] == ["Sources", "Colophon"]
    firsts = [1 + sum(p.pages for p in parts[:i]) for i in range(len(parts))]
    pdftoppm = require_tool("pdftoppm")
    for number in firsts:  # the first page of each part, gray, as 8-bit PGM
        subprocess.run([pdftoppm, "-gray", "-r", "20", "-f", str(number), "-l", str(number),
                        joined, tmp_path / f"p{number}"], check=True)
        pgm = next(tmp_path.glob(f"p{number}-*.pgm")).read_bytes()
        width, height = map(int, pgm.split(b"\n")[1].split())
        pixels = pgm[-width * height:]
        body = pixels[int(height * 0.15) * width:int(height * 0.85) * width]
        assert sum(p < 224 for p in body) / len(body) > 0.03, f"page {number} shows no body"


def test_html_renders_offline_in_chromium(built):
    chromium = require_tool("chromium")
    from playwright.sync_api import sync_playwright

    url = (built / f"{NAME}.html").as_uri()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run"])
        context = browser.new_context(offline=True)
        page = context.new_page()
        requests, problems = [], []
        page.on("request", lambda r: requests.append(r.url))
        page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: problems.append(str(e)))
        page.goto(url)
        page.wait_for_function(
            "document.querySelectorAll('.vega-chart svg').length === "
            "document.querySelectorAll('.vega-chart').length", timeout=20000)
        charts = page.locator(".vega-chart svg").count()
        browser.close()
    assert charts == 5
    assert requests == [url], "no request but the page itself"
    assert problems == []


@pytest.mark.parametrize(("file", "old", "new", "line"), [
    ("arms_sales.csv", "alleged,2015,", "rumoured,2015,",
     "arms_sales.csv:2:status: value not allowed (got 'rumoured'"),
    ("diplomatic_contacts.csv", "contact_id,date,", "contact_id,",
     "diplomatic_contacts.csv:1:date: missing column (expected a column named 'date')"),
])
def test_failed_build_keeps_the_last_good_brief(tmp_path, built, file, old, new, line):
    out = tmp_path / "reports"
    shutil.copytree(built.parent, out / NAME)
    before = {p.name: p.read_bytes() for p in (out / NAME / "latest").iterdir()}
    data = tmp_path / "data"
    shutil.copytree(FIXTURES / "data", data)
    (data / file).write_text((data / file).read_text().replace(old, new, 1))
    result = run_brief("build", "--data", data, "--out", out)
    assert result.returncode == 1
    assert len(result.stderr.strip().splitlines()) == 1
    assert f"cell error in brief.header() (cell 2): DataError: {line}" in result.stderr
    assert {p.name: p.read_bytes() for p in (out / NAME / "latest").iterdir()} == before
    failed = out / NAME / "failed"
    manifest = json.loads((failed / "manifest.json").read_text())
    assert manifest["status"] == "failed"
    assert manifest["failure"]["class"] == "cell error"
    assert manifest["failure"]["error_name"] == "DataError"
    assert (failed / f"{NAME}.ipynb").is_file()
    assert not [p for p in (out / NAME).iterdir() if p.name.startswith(".")], "no debris"


def test_every_pdf_link_lands(built):
    """Footnotes, the contents and source lines link to destinations the PDF has."""
    reader = PdfReader(built / f"{NAME}.pdf")
    targets = set(reader.named_destinations)
    links = [a.get_object()["/Dest"] for page in reader.pages
             for a in page.get("/Annots") or [] if a.get_object().get("/Subtype") == "/Link"]
    assert links and all(link in targets for link in links), set(links) - targets
    cited = {link for link in links if link.startswith("source-")}
    listed = {t for t in targets if t.startswith("source-")}
    assert cited == listed, "every listed source is cited and every citation is listed"


def test_key_facts_carry_no_likelihood(soup):
    """The fixture data declares no question: the bottom line is its key facts, each with
    its basis and no estimative term (likelihood is the analyst's)."""
    from analysis.tables.vocab import LIKELIHOOD

    assert not soup.select("li.question") and not soup.find(id="hypotheses")
    judgments = soup.select("ul.judgments > li")
    assert 1 <= len(judgments) <= 6
    for item in judgments:
        assert not item.select_one(".term")
        basis = item.select_one(".basis").get_text()
        assert basis.startswith("Basis: ") and "origin" in basis
        assert not any(t in basis.lower() for t in LIKELIHOOD if t != "likely"), basis
        assert "confidence" not in item.get_text().lower()


def test_the_print_page_leaves_out_hover_notes(built, soup):
    import nbformat

    from analysis.render import page

    nb = nbformat.read(built / f"{NAME}.ipynb", as_version=4)
    slots = ["<svg></svg>"] * len(page.figure_outputs(nb))
    printed = BeautifulSoup(page.render(nb, mode="print", title=NAME, slots=slots),
                            "html.parser")
    markers = len(soup.select(".cite a"))
    assert markers and len(soup.select(".cite .note")) == markers  # on screen: one each
    assert len(printed.select("a.cite")) == markers and not printed.select(".note, wbr")
    numbers = [a.get_text() for a in soup.select(".cite a")]
    assert [a.get_text() for a in printed.select("a.cite")] == [f"[{n}]" for n in numbers]


def test_a_chart_taller_than_a_page_is_drawn_smaller_not_cut_off(built):
    import nbformat
    from weasyprint import HTML

    from analysis.render import page, pdf

    nb = nbformat.read(built / f"{NAME}.ipynb", as_version=4)
    slots = [pdf.slot(i, 600, 3000 if i == 0 else 300)
             for i in range(len(page.figure_outputs(nb)))]
    page = page.render(nb, mode="print", title=NAME, slots=slots)
    [(height, bottom)] = [(p.height, y2) for p in HTML(string=page).render().pages
                          for name, (_, _, _, y2) in p.anchors.items() if name == "chart-slot-0"]
    assert bottom < height
