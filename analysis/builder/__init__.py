"""Configure, run and publish briefs: the configured briefs (`config`), their parameters
(`params`), one build (`edition`: kernel, render, publish), many (`runner`), and what each
build records (`manifest`). Never loads pandas, pandera, Altair or networkx: those run in
the kernel."""
