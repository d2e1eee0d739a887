"""The kernel writes and the builder reads the same markup: each writer of `contract` round
trips through its reader, so a change to one side fails here, not silently in the print."""

from analysis import contract


def test_a_citation_marker_becomes_its_linked_number_in_print():
    web = contract.MARKER_GAP.join([contract.marker(3, "note-1", 'a "quote" <b>'),
                                    contract.marker(12, "note-2", "another")])
    assert contract.for_print(web) == ('<a class="cite" href="#source-3">[3]</a>\u200b'
                                       '<a class="cite" href="#source-12">[12]</a>')


def test_a_marker_links_the_sources_entry():
    assert f'href="#{contract.source_anchor(7)}"' in contract.marker(7, "n", "x")
    assert f'href="#{contract.source_anchor(7)}"' in contract.source_link(7)


def test_the_masthead_gives_the_running_header_its_marking_title_and_edition():
    page = ("<html><body>" + contract.masthead("SECRET & <NOFORN>", "Title", [
        ("Edition", "as of 31 December 2015"), ("Built", "today")]) + "<p>text</p></body>")
    running = contract.running_masthead(page)
    assert running == (
        '<header class="masthead"><p class="marking">SECRET &amp; &lt;NOFORN&gt;</p>'
        '<h1>Title</h1><dl class="facts"><dd>as of 31 December 2015</dd></dl></header>')


def test_section_metadata_makes_the_table_of_contents():
    outputs = [{"metadata": contract.MASTHEAD_METADATA}, {"metadata": {}},
               {"metadata": contract.section_metadata("arms", "Arms transfers")}]
    assert contract.toc(outputs) == [("arms", "Arms transfers")]
    assert contract.is_masthead(outputs[0]) and not contract.is_masthead(outputs[2])


def test_a_heading_is_where_a_section_starts():
    assert contract.SECTION_START.match(str(contract.heading("arms", "Arms & more")))


def test_a_charts_caption_is_read_back_from_its_metadata():
    output = {"metadata": contract.chart_metadata("Sources: 1.")}
    assert contract.chart_caption(output) == "Sources: 1."
    assert contract.chart_caption({}) == ""
