"""Turn a folder of news articles about one story into a static, searchable briefing site."""

__version__ = "0.1.0"
