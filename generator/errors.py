"""Errors the generator raises. Library code raises; only the CLI catches and prints them."""

from __future__ import annotations


class GeneratorError(Exception):
    """Base class: the message says what went wrong, in which file, and how to fix it."""


class SourceError(GeneratorError):
    """An input article (or sources.yaml) cannot be read or understood."""


class ConfigError(GeneratorError):
    """A setting or option is wrong."""


class ModelError(GeneratorError):
    """The spaCy model cannot be loaded."""


class BuildError(GeneratorError):
    """Rendering the pages or building the site failed."""


class StrictError(GeneratorError):
    """Warnings were raised and --strict makes them fatal."""
