"""What a notebook calls: the `Brief` front and its sections, the citations they number,
and the analyst's prose with its references resolved."""

from analysis.brief.brief import Brief

__all__ = ["Brief"]
