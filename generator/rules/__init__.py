"""Rules kept as data: YAML files in this package, read once and cached."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from generator.errors import ConfigError


@lru_cache(maxsize=None)
def load_rules(name: str) -> Any:
    """The parsed contents of ``generator/rules/<name>.yaml``.

    The result is cached and shared: callers must not mutate it.
    """
    resource = resources.files(__package__).joinpath(f"{name}.yaml")
    try:
        text = resource.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise ConfigError(f"rules file generator/rules/{name}.yaml is missing; reinstall the package.") from exc
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ConfigError(f"rules file generator/rules/{name}.yaml is not valid YAML: {exc}") from exc
