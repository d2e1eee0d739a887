"""What the data says, computed from the loaded tables and free of markup: the support
behind a claim (origins, not reports), contested figures, key judgments, and the tidy
frames that charts and tables draw, one module per subject."""
