"""Extraction stage: the only code that sees spaCy objects; per-source facts as plain records."""
