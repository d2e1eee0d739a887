"""Outside datasets brought into the curated tables: one module per source (`sipri`), and
what every importer shares (`tablefiles`: reading and writing the CSVs, merging rows by
id, and a staged write that validates the whole dataset before it touches the data)."""
