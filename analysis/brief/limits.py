"""How much a brief shows of tables that hold whole databases: the most reported items, and
a count of the rest ("and 1,234 more"); the data and the deep dives hold everything.
The caps leave the default data whole (its longest table, of estimates, has 31 rows).

Sections read these as `limits.NAME` when they run, so a test may change one."""

TABLE_ROWS = 35  # rows of a section's table
EVIDENCE_ROWS = 400  # rows of a deep dive's every-report table
CHART_ROUTES = 20  # supply routes drawn
CHART_POINTS = 150  # dated estimates or contacts drawn (the most recent)
CHART_ROWS = 20  # rows of a timeline: the sets of parties, or deals, with most dated reports
NETWORK_ACTORS = 40  # actors in the who-talks-to-whom network
NETWORK_LINKS = 60  # links among them drawn (those with most contacts)
WAFFLES = 4  # part-of-whole figures drawn (the most reported)
CONTESTS = 4  # contested claims, and disputed figures, shown (the most reported)
WIDER_CLAIMS = 60  # other claims the wider picture lists, biggest groups first (default: 41)
CELL_ITEMS = 4  # quantities listed in one table cell (the default data lists at most 3)
SUMMARY_ROUTES = 8  # routes the arms summary words (the most reported)
QUOTES_PER_SOURCE = 30  # passages listed under a source (the seed article has 17)
QUOTES_IN_ALL = 250  # passages the Sources list in all (the default data has 84)
CHANGES_LISTED = 400
"""Rows new or changed the HTML lists in all (the first TABLE_ROWS shown, the rest under a
fold); print shows the first and counts the rest."""
ROWS_CITED = 12
"""Rows one citation cites, at most: a table cell or judgment backed by thousands of rows
cites 12 of them (the default data's most cited cell cites 12)."""
SOURCES_PRINTED_IN_FULL = 60
"""Sources the PDF lists with their passages (the default data cites 29). Above that, as
for a whole database, print lists each cited source once, without passages, and says the
HTML brief and the deep dives carry them; the HTML always lists everything."""
SOURCES_LISTED = 30
"""Sources a chart's source line names before counting the rest."""
