"""The site stage: ``mkdocs build --strict`` of ``content/`` into a staging folder, swapped in (``site.py``),
with the page cache that lets a rebuild convert only what changed (``page_cache.py``, ``page_chunks.py``)."""
