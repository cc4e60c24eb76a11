"""Ingest stage: read the seed files, clean their text and find their metadata."""
