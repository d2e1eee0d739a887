"""The brief's sections, one module each, named by the section's id (`brief.section.SECTIONS`).
Each module's `section(...)` takes what it reads (the tables, the citations, parameters)
and returns a `Section`; the `Brief` front calls them."""
