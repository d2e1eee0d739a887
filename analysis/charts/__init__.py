"""Chart functions: a tidy frame (from `analysis.evidence`) in, an Altair chart out, one
module per subject. No display, no files. Every chart has a title, a description for
screen readers, and `usermeta.sources` (the source ids behind what it draws), from which
the brief prints its source line.

`static` draws specs without a browser; the builder uses it too, so this package's
`__init__` imports nothing (the builder never loads Altair)."""
