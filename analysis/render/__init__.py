"""An executed notebook -> the brief's files: the self-contained HTML page (`page`), the
PDF (`pdf`, laid out in helper processes, `workers`), with the fonts and scripts they embed
(`assets`). Reads executed notebooks only: never the data, never the brief's code."""
