"""Check the links the generator writes against the anchors it writes, before MkDocs sees the pages.

``mkdocs build --strict`` stops on a link to a missing anchor with a message about the generated Markdown; a
user cannot act on that. This check runs on the rendered pages in memory and reports each broken link as the
generator's own warning (``--strict`` makes it fatal), naming the page, the target and what is missing.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable, Mapping

# Anchors the pages define: attribute lists ("{: #p3 }") and HTML ids (<mark id="q-…">, <span id="…">).
ANCHOR_ATTR = re.compile(r"\{:[^}]*?#([A-Za-z][\w-]*)[^}]*\}")
ANCHOR_HTML = re.compile(r"""\bid\s*=\s*["']([^"']+)["']""")
# Markdown links: [text](target "title") with no spaces in the target (md_link writes them so).
LINK = re.compile(r"\]\(([^()\s]+)(?:\s+\"[^\"]*\")?\)")
EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//)", re.IGNORECASE)


def anchors_of(text: str) -> set[str]:
    return set(ANCHOR_ATTR.findall(text)) | set(ANCHOR_HTML.findall(text))


def links_of(text: str) -> list[str]:
    return [target for target in LINK.findall(text) if not EXTERNAL.match(target)]


def broken_links(pages: Mapping[str, str], other_files: Iterable[str] = ()) -> list[str]:
    """One message per broken link in ``pages`` (content path → Markdown), in page order then link order."""
    anchors = {path: anchors_of(text) for path, text in pages.items()}
    files = set(pages) | set(other_files)
    messages = []
    for path in sorted(pages):
        seen: set[str] = set()
        for target in links_of(pages[path]):
            if target in seen:
                continue
            seen.add(target)
            file_part, _, anchor = target.partition("#")
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(path), file_part)) if file_part else path
            if resolved not in files:
                messages.append(f"content/{path}: the link {target!r} points to {resolved!r}, which the build does not write")
            elif anchor and resolved in anchors and anchor not in anchors[resolved]:
                messages.append(
                    f"content/{path}: the link {target!r} points to the anchor #{anchor}, which {resolved!r} does not have"
                )
    return messages
