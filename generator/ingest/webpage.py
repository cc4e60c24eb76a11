"""Saved web pages: the article text (trafilatura) and the metadata the page declares.

Metadata comes from the page's structured data first (JSON-LD ``NewsArticle`` and kin, OpenGraph, ``<meta>``),
then from what a reader sees (the ``<h1>`` headline, a byline link), and only last from trafilatura's own guesses
(which may take an author from a "More stories" card or a modified date). Each field is cleaned by a small rule:
the site's name is stripped from titles, a title that is only a CMS or site name is not a title, authors are split
and kept only when they read like names (or a news agency), and the published date wins over the modified one.

Outlet names are produced by ``page_outlet`` (site name, publisher or domain, cleaned); which label a source shows
is decided elsewhere. The rules are data in ``generator/rules/webpage.yaml``.
"""

from __future__ import annotations

import bisect
import datetime as dt
import html
import itertools
import json
import logging
import re
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

import lxml.html
import trafilatura
from trafilatura.utils import load_html

from generator.ingest.clean import bio_name
from generator.ingest.metadata import date_of, date_pattern
from generator.rules import load_rules

log = logging.getLogger(__name__)

TITLE_SEPARATORS = re.compile(r"\s+(?:[|–—:»·•]|-|::)\s+")
SEPARATOR_CHARS = "|–—:»·•- "  # what TITLE_SEPARATORS splits on, when it is left at the end of a name
WEB_ADDRESS = re.compile(r"\b(?:https?://|www\.)\S+|\b[\w-]+\.(?:com|org|net|co\.uk|de|info)\b", re.IGNORECASE)
AUTHOR_SEPARATORS = re.compile(r"\s*(?:,|;|&|\||/|\band\b|\bund\b)\s*", re.IGNORECASE)
ISO_DATE = re.compile(r"(?<!\d)(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?!\d)")  # year first: 2019-03-05, 2019/3/5
WORD = re.compile(r"[^\W_]+")
NICKNAME_QUOTES = "\"'“”‘’«»"


@dataclass(frozen=True)
class Page:
    """What a saved page says about itself, each value with where it was found."""

    text: str
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: dt.date | None = None
    url: str | None = None
    origins: tuple[tuple[str, str], ...] = ()
    furniture_chars: int = 0  # characters of text the markup's furniture pruning took away (short pages only)


def rules() -> dict[str, Any]:
    return load_rules("webpage")


def clean_space(text: Any) -> str:
    return " ".join(html.unescape(str(text)).split()) if text is not None else ""


def key(text: str) -> str:
    """Letters and digits only, folded: "Jamaica-Gleaner" and "Jamaica Gleaner" have the same key."""
    return "".join(WORD.findall(text.casefold()))


# ----------------------------------------------------------------------------------------- structured data


def json_ld_objects(tree: Any) -> list[dict[str, Any]]:
    """Every JSON-LD object of the page, ``@graph``, ``mainEntity`` and lists flattened; bad JSON is skipped."""
    objects: list[dict[str, Any]] = []

    def walk(value: Any) -> None:
        if isinstance(value, list):
            for item in value:
                walk(item)
        elif isinstance(value, dict):
            objects.append(value)
            walk(value.get("@graph"))
            walk(value.get("mainEntity"))  # a WebPage whose main entity is the NewsArticle

    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            walk(json.loads(script.text_content() or "null", strict=False))
        except ValueError:
            log.debug("skipping a JSON-LD block that is not valid JSON")
    return objects


def types_of(obj: dict[str, Any]) -> set[str]:
    kind = obj.get("@type")
    return {str(t) for t in (kind if isinstance(kind, list) else [kind]) if t}


def article_object(objects: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """The JSON-LD object describing the article (NewsArticle before Article before WebPage), or {}."""
    ranked = rules()["json_ld_types"]
    best: tuple[int, dict[str, Any]] | None = None
    for obj in objects:
        ranks = [ranked.index(t) for t in types_of(obj) if t in ranked]
        if ranks and (best is None or min(ranks) < best[0]):
            best = (min(ranks), obj)
    return best[1] if best else {}


def meta_values(tree: Any) -> dict[str, list[str]]:
    """``<meta>`` contents by lowercased name / property / itemprop, in page order."""
    values: dict[str, list[str]] = {}
    for meta in tree.xpath("//meta[@content]"):
        name = meta.get("property") or meta.get("name") or meta.get("itemprop")
        content = clean_space(meta.get("content"))
        if name and content:
            values.setdefault(name.strip().casefold(), []).append(content)
    return values


def microdata_dates(tree: Any) -> dict[str, list[str]]:
    """Dates declared by schema.org microdata on elements other than ``<meta>`` ("<time itemprop='datePublished'
    content='2016-11-28'>December 5, 2016 Issue</time>"): by lowercased property, from the ``content`` or
    ``datetime`` attribute, else the element's text ("<span itemprop='datePublished'>June 4, 2019</span>"), in
    page order."""
    values: dict[str, list[str]] = {}
    for node in tree.xpath("//*[@itemprop][not(self::meta)]"):
        names = [name for name in str(node.get("itemprop")).casefold().split() if name.startswith("date")]
        value = clean_space(node.get("content") or node.get("datetime") or node.text_content()) if names else ""
        for name in names if value else []:
            values.setdefault(name, []).append(value)
    return values


def first_meta(meta: dict[str, list[str]], names: Sequence[str]) -> tuple[str, str] | None:
    for name in names:
        for value in meta.get(name, []):
            return name, value
    return None


# ------------------------------------------------------------------------------------------------- outlet


def domain_of(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    host = re.sub(r"^(?:www\d?|m|amp|edition|mobile)\.", "", host.casefold())
    return host or None


def clean_site_name(name: str) -> str:
    """The outlet part of a site name: "The Tico Times | Costa Rica News | Travel" → "The Tico Times"; a separator
    left at either end ("Jamaica Observer - ", an app title written to be followed by a page title) goes too."""
    parts = [part for part in TITLE_SEPARATORS.split(clean_space(name)) if part]
    return parts[0].strip(SEPARATOR_CHARS).strip() if parts else ""


# Outlet names are short: a longer "site name" or title part is a headline (the html-news dev pages' site names
# have at most 3 words; 6 was the bound on title parts naming the domain before this rule shared it).
MAX_OUTLET_WORDS = 6


def page_outlet(site_names: Sequence[str], title_parts: Sequence[str], url: str | None,
                headlines: Sequence[str] = (), hints: Sequence[str] = ()) -> tuple[str, str] | None:
    """(outlet, where from): the page's site name or publisher, else a title part naming the domain, else the domain,
    else the name its news feed or logo gives it (``site_hints``; a page saved without its address).

    A "site name" that is only the domain folded into one word ("Timesofisrael") is replaced by the way the page
    writes it elsewhere ("The Times of Israel") when it can be found, else by the domain itself. A "site name"
    that is the page's headline (an ``application-name`` some CMSs fill with the title) is no site name.
    """
    domain = domain_of(url)
    domain_key = key(domain.rsplit(".", 1)[0]) if domain else ""
    headline_keys = {key(h) for h in headlines}
    for name in site_names:
        outlet = clean_site_name(name)
        if not outlet or outlet.casefold() in rules()["not_site_names"]:
            continue
        if len(outlet.split()) > MAX_OUTLET_WORDS and key(outlet) in headline_keys:
            continue
        folded = " " not in outlet and outlet.casefold() == outlet.casefold().replace(" ", "") and (
            domain_key and key(outlet) in {domain_key, key(domain or "")}
        )
        if not folded:
            return outlet, "site name"
    for part in title_parts:
        if domain_key and domain_key in key(part) and len(part.split()) <= MAX_OUTLET_WORDS:
            return part, "title"
    if domain:
        return domain, "domain"
    if hints:
        return hints[0], "feed or logo"
    return None


LOGO_WORD = re.compile(r"\blogo\b", re.IGNORECASE)


def site_hints(tree: Any) -> list[str]:
    """Names a page gives itself outside its metadata: the title of its news feed (``<link rel="alternate"
    type="application/rss+xml" title="Phoronix">``, "Example Site » Feed") and the alt text of its logo (``<img
    id="logo" alt="Phoronix">``, "Example Site logo"), each cleaned like a site name; not one that names a feed's
    format or kind ("RSS 2.0")."""
    names = list(tree.xpath('//link[@rel="alternate"][contains(@type, "rss") or contains(@type, "atom")]/@title'))
    names += [LOGO_WORD.sub(" ", str(img.get("alt"))) for img in tree.xpath("//img[@alt]")
              if LOGO_WORD.search(" ".join(str(img.get(a) or "") for a in ("class", "id", "src")).replace("_", " "))]
    cleaned = (clean_site_name(name) for name in names)
    feed_words = re.compile(rules()["not_site_hint"], re.IGNORECASE)
    return [name for name in dict.fromkeys(cleaned) if len(key(name)) >= 3 and name.casefold() not in
            rules()["not_site_names"] and not feed_words.search(name)]


# ------------------------------------------------------------------------------------------------- titles


def is_site_like(part: str, site_keys: Sequence[str]) -> bool:
    """A title part that names the site: "CNN", "The Japan Times", "Jamaica Gleaner", "News"."""
    part_key = key(part)
    if not part_key:
        return True
    if part.casefold() in rules()["title_section_words"]:
        return True
    return any(k and (part_key == k or (len(part_key) >= 4 and (part_key in k or k in part_key))) for k in site_keys)


def is_section_name(part: str) -> bool:
    """A short capitalised name ("The Two-Way", "Opinion", "World News"): a section or blog, not a headline."""
    words = part.split()
    return 0 < len(words) <= rules()["title_section_max_words"] and all(w[0].isupper() or not w[0].isalpha()
                                                                         for w in words)


def strip_site_name(title: str, site_keys: Sequence[str], section_keys: Collection[str] = ()) -> str:
    """A title without the site's name and sections around it ("Headline - WSVN 7News | Miami News"). A short
    capitalised name just before the site's name goes too when it is set off the same way ("Headline : The Two-Way
    : NPR") or when the page links to it under that name (``section_keys``: "Headline - The Schmooze – Forward.com"
    on a page with a menu link "The Schmooze")."""
    title = clean_space(title)
    parts = TITLE_SEPARATORS.split(title)
    separators = TITLE_SEPARATORS.findall(title)
    cut_separator = None
    for cut in range(1, len(parts)):  # the whole site name as written, separators and all
        if key("".join(parts[cut:])) in site_keys:
            cut_separator = separators[cut - 1]
            del parts[cut:], separators[cut - 1:]
            break
    while len(parts) > 1 and is_site_like(parts[-1], site_keys):
        parts.pop()
        cut_separator = separators.pop()
    if cut_separator is not None and len(parts) > 1 and is_section_name(parts[-1]) and (
            separators[-1] == cut_separator or key(parts[-1]) in section_keys):
        parts.pop()  # "Headline : The Two-Way : NPR": a section or blog name before the site name
        separators.pop()
    while len(parts) > 1 and is_site_like(parts[0], site_keys) and len(" ".join(parts[1:]).split()) >= 3:
        parts.pop(0)
        separators.pop(0)
    rebuilt = parts[0]
    for separator, part in zip(separators, parts[1:]):
        rebuilt += separator + part
    return rebuilt.strip()


def usable_title(title: str, site_keys: Sequence[str]) -> bool:
    """Not empty, not a CMS name ("escenic"), not only the site's name."""
    if not title or key(title) in {key(name) for name in rules()["cms_names"]}:
        return False
    if any(key(title) == k for k in site_keys if k):
        return False
    return len(WORD.findall(title)) >= 2


def similarity(headline: str, declared: str) -> float:
    """How well a visible headline matches a declared title: the share of their words they have in common, or
    the share of the declared title's words the headline holds when the headline is the longer one (an SEO title
    shortened from the headline: "Jamie's war on toxic US food" → "Chef Jamie Oliver joins … war on toxic US
    food"), discounted by ``containment_weight``."""
    words_a, words_b = set(WORD.findall(headline.casefold())), set(WORD.findall(declared.casefold()))
    if not words_a or not words_b:
        return 0.0
    common = len(words_a & words_b)
    contained = common / len(words_b) * rules()["containment_weight"] if len(words_a) > len(words_b) else 0.0
    return max(common / len(words_a | words_b), contained)


def visible_headlines(tree: Any) -> list[str]:
    """The texts of the page's ``<h1>`` elements, outside navigation, share boxes and hidden parts; when there
    is none, the ``<h2>`` that opens the article's container, before its text (a page that styles its headline
    as an ``<h2>`` and keeps the ``<h1>`` for a share box)."""
    skip = rules()["skip_containers"] + rules()["headline_skip_containers"]
    return [clean_space(h1.text_content()) for h1 in headline_elements(tree)] or opening_headings(tree, skip)


def headline_elements(tree: Any) -> list[Any]:
    """The page's ``<h1>`` elements with text, outside navigation, share boxes and the like. A container that holds
    the article's text is layout, whatever its class says ("box article modal-enabled": a page whose pictures open
    in a pop-up), not a pop-up or a sidebar."""
    skip = rules()["skip_containers"] + rules()["headline_skip_containers"]
    layout: set[Any] | None = None  # the article's text block and its containers, found when first needed
    headlines = []
    for h1 in tree.xpath("//h1"):
        marked = [n for n in h1.iterancestors() if skip_container(n, skip)]
        if marked and layout is None:
            body = main_text_block(tree)
            layout = set() if body is None else {body, *body.iterancestors()}
        if clean_space(h1.text_content()) and not any(n not in layout for n in marked):
            headlines.append(h1)
    return headlines


def opening_headings(tree: Any, skip: Sequence[str]) -> list[str]:
    """The first ``<h2>`` before the article's text inside the nearest containers of its text block."""
    main = main_text_block(tree)
    if main is None:
        return []
    order = {node: index for index, node in enumerate(tree.iter())}
    for container in [main, *main.iterancestors()][: rules()["heading_container_levels"]]:
        for h2 in container.iter("h2"):
            if order[h2] >= order[main] or any(skip_container(node, skip) for node in h2.iterancestors()):
                continue
            text = clean_space(h2.text_content())
            if text:
                return [text]
    return []


MICROFORMAT_CARD = re.compile(r"\bvcard\b")


def skip_marks(node: Any, words: Sequence[str]) -> set[str]:
    """Why ``node`` is navigation, a share box, a teaser and the like: its tag (nav, footer, aside) or the ``words``
    its class, id or data-testid holds; empty for the page and its main content."""
    if node.tag in ("nav", "footer", "aside"):
        return {node.tag}
    if node.tag in rules()["landmark_tags"] or node.get("role") == "main":
        return set()  # the page's main content ("<main class='js-social-anchor-start'>") is no share box or menu
    marks = " ".join(str(node.get(a) or "") for a in ("class", "id", "data-testid")).casefold()
    marks = MICROFORMAT_CARD.sub(" ", marks)  # hCard's "vcard" marks a person (a byline), not a teaser card
    return {word for word in words if word in marks}


def skip_container(node: Any, words: Sequence[str]) -> bool:
    return bool(skip_marks(node, words))


def ends_before(node: Any, later: Any, order: dict[Any, int]) -> bool:
    """Whether all of ``node`` comes before ``later`` in the page."""
    return max(order[n] for n in node.iter()) < order[later]


def link_names(tree: Any) -> set[str]:
    """The keys of the page's short link texts (at most ``title_section_max_words`` words): the names of its
    sections and blogs as its menus write them."""
    limit = rules()["title_section_max_words"]
    texts = (clean_space(link.text_content()) for link in tree.iter("a"))
    return {key(text) for text in texts if 0 < len(text.split()) <= limit}


def choose_title(candidates: Sequence[tuple[str, str]], headlines: Sequence[str], site_keys: Sequence[str],
                 section_keys: Collection[str] = ()) -> tuple[str, str] | None:
    """(title, where from): the visible headline that matches the page's declared title, else the declared one.

    A page's declared titles (JSON-LD headline, og:title, <title>) are often a shorter SEO variant or carry the
    site name; the ``<h1>`` is what the reader sees. The ``<h1>`` is taken when it matches a declared title well
    enough (``similarity``; so a site logo or a newsletter box in an ``<h1>`` is not), or when nothing else is
    usable.
    """
    declared = [(strip_site_name(text, site_keys, section_keys), origin) for text, origin in candidates]
    declared = [(text, origin) for text, origin in declared if usable_title(text, site_keys)]
    shown = [h for h in (strip_site_name(h, site_keys, section_keys) for h in headlines) if usable_title(h, site_keys)]
    threshold = rules()["headline_similarity"]
    best = max(
        ((similarity(h, d), h) for h in shown for d, _ in declared), default=(0.0, ""), key=lambda pair: pair[0]
    )
    if best[0] >= threshold:
        return best[1], "headline"
    if declared:
        return declared[0]
    if shown:
        return shown[0], "headline"
    return None


# ------------------------------------------------------------------------------------------------ authors


def ld_people(value: Any, by_id: dict[str, dict[str, Any]]) -> list[str]:
    """Names in a JSON-LD author value: text, a Person, a reference to one (@id), or a list of these."""
    if isinstance(value, list):
        return [name for item in value for name in ld_people(item, by_id)]
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        target = by_id.get(str(value.get("@id")), value) if "name" not in value else value
        name = target.get("name")
        return [str(name)] if isinstance(name, str) else []
    return []


@lru_cache(maxsize=1)
def agency_keys() -> frozenset[str]:
    """The keys of the news agencies' names (``agencies``) without "The" before them."""
    return frozenset(key(re.sub(r"^the\s+", "", a, flags=re.IGNORECASE)) for a in rules()["agencies"])


@lru_cache(maxsize=None)
def author_words(name: str) -> frozenset[str]:
    """The word list ``author.<name>`` of the rules as a set (``not_name_words``, ``role_words``, ``particles``:
    three lists, each read as it is)."""
    return frozenset(rules()["author"][name])


def agency_of(name: str) -> str | None:
    """The news agency a byline part names (``agencies``), with or without "The" before it and words of a role after
    it ("The Associated Press", "Associated Press Writers" → "Associated Press"; ``author.not_name_words``); None
    for any other name."""
    words = name.split()
    start = 1 if words and words[0].casefold() == "the" else 0
    agencies = agency_keys()
    roles = author_words("not_name_words")
    for cut in range(len(words), start, -1):
        if key(" ".join(words[start:cut])) in agencies and all(w.casefold().strip(".,") in roles for w in words[cut:]):
            return " ".join(words[:cut])
    return None


def is_author_name(name: str) -> bool:
    """A person's name as bylines write it ("Perry Bacon Jr.", "R.C. BAKER", "Gavin O'Callaghan")."""
    config = rules()["author"]
    words = name.split()
    if not config["min_words"] <= len(words) <= config["max_words"] or re.search(r"\d|@|https?:|www\.", name):
        return False
    lowered = {w.casefold().strip(".,") for w in words}
    if lowered & author_words("not_name_words"):
        return False
    particles = author_words("particles")
    # a nickname in quotes stands between the names ("Amanda \"Tania Mae\" Tan", "Lee “Faker” Sang-hyeok")
    words = [w.strip(NICKNAME_QUOTES) for w in words if w.strip(NICKNAME_QUOTES)]
    return all(w[0].isupper() or w.casefold() in particles for w in words)


def names_the_site(part: str, site_keys: Sequence[str]) -> bool:
    """Whether a byline part is the site's name, with or without "The" ("The Daily Example" on dailyexample.com)."""
    bare = re.sub(r"^the\s+", "", part, flags=re.IGNORECASE)
    return any(k and k in (key(part), key(bare)) for k in site_keys)


def without_date(byline: str) -> str:
    """A byline without the date written after its names and what follows it ("Jane Roe Updated 3:45 PM ET, June
    4, 2019", "Jane Roe on 4 June 2019", "Jane Roe Posted: 06/04/2019" → "Jane Roe"): from a date label
    (``author.date_label``) or a date, whichever comes first; the byline as it is when nothing would be left."""
    label = re.search(rules()["author"]["date_label"], byline, re.IGNORECASE)
    date = date_pattern().search(byline)
    cut = min([m.start() for m in (label, date) if m is not None], default=len(byline))
    names = re.sub(r"\s+on$", "", byline[:cut].rstrip(" ,|·•–—-:"), flags=re.IGNORECASE)
    return names if names.strip() else byline


def without_role(part: str) -> str:
    """A byline part without the role written after the name with no comma ("Jane Roe Senior Political Reporter",
    "Jane Roe Contributor" → "Jane Roe"; ``author.role_words``), as long as a name's words are left."""
    roles = author_words("role_words")
    words = part.split()
    while len(words) > rules()["author"]["min_words"] and words[-1].casefold().strip(".,") in roles:
        words.pop()
    return " ".join(words)


def split_authors(text: str, site_keys: Sequence[str]) -> tuple[list[str], list[str]]:
    """(people, outlets) named in a byline: "By Rob Picheta, CNN" → (["Rob Picheta"], ["CNN"])."""
    config = rules()["author"]
    text = clean_space(text)
    if re.match(config["credit"], text, re.IGNORECASE):
        return [], []  # "Photograph by Ed Marshall": a credit, not a byline
    if re.fullmatch(r"@\w+", text):
        return [], []  # a social media handle ("@japantimes"): neither a name nor how the outlet is written
    text = without_date(re.sub(config["prefix"], "", text, flags=re.IGNORECASE).strip())
    if WEB_ADDRESS.search(text):  # "Deutsche Welle (www.dw.com)": a site names itself, no person
        name = re.sub(config["suffix"], "", WEB_ADDRESS.sub(" ", text), flags=re.IGNORECASE).strip(" ()[],.-")
        return [], [name] if WORD.search(name) else []
    text = re.sub(config["suffix"], "", text, flags=re.IGNORECASE).strip()
    parts = [part.strip(" .,:") for part in AUTHOR_SEPARATORS.split(text) if part.strip(" .,:")]
    names, outlets = [], []
    for part in map(without_role, parts):
        agency = agency_of(part)
        if agency or names_the_site(part, site_keys):
            outlets.append(agency or part)
        elif is_author_name(part):
            names.append(part + "." if re.search(r"\b(?:Jr|Sr)$", part) else part)
    return names, outlets


def main_headline(tree: Any, title: str | None = None) -> Any | None:
    """The page's headline element: the ``<h1>`` (``headline_elements``) holding the title, else the first; None
    when the page has none. A blog's or section's name set in an ``<h1>`` above the story's is not its headline."""
    headlines = headline_elements(tree)
    if not headlines:
        return None
    return next((h1 for h1 in headlines if title and key(title) in key(h1.text_content())), headlines[0])


def nearest_the_headline(nodes: Sequence[Any], headline: Any | None) -> list[Any]:
    """``nodes`` ordered by how near the page's headline (``main_headline``) they are in the markup (the deepest
    common container first; page order among equals): the article's byline before one in a block of links above
    it."""
    if headline is None:
        return list(nodes)
    around = {node: depth for depth, node in enumerate(reversed([headline, *headline.iterancestors()]))}

    def shared_depth(node: Any) -> int:
        return next((around[a] for a in (node, *node.iterancestors()) if a in around), 0)

    return sorted(nodes, key=lambda node: -shared_depth(node))


def coauthor_list(node: Any, limit: int) -> Any | None:
    """The list an author element shares with the article's other authors: its parent (its list, when it is a
    list item's) when that holds two author elements or more and no more than a byline's words ("<ul
    class="authors"><li><div rel="author">By Josh Haskell</div>…</li><li><div rel="author">David Caplan</div>…")."""
    if node.get("rel") != "author" and node.get("itemprop") != "author":
        return None
    container = node.getparent()
    if container is not None and container.tag == "li":
        container = container.getparent()
    if container is None or len(container.xpath('.//*[@rel="author" or @itemprop="author"]')) < 2:
        return None
    return container if len(container.text_content().split()) <= limit else None


def name_elements(byline: Any) -> list[Any]:
    """The elements of a byline that hold a name: its links ("Written by <a>Jane Roe</a> in <a>Politics</a>") and
    the elements schema.org microdata marks as an author or a name (``itemprop="author creator"``, one without a
    link of its own), the outermost of each."""
    marked = byline.xpath('.//a | .//*[contains(concat(" ", normalize-space(@itemprop), " "), " author ") or '
                          'contains(concat(" ", normalize-space(@itemprop), " "), " name ")]')
    chosen = set(marked)
    return [element for element in marked if not any(a in chosen for a in element.iterancestors())]


def byline_texts(tree: Any, headline: Any | None) -> list[str]:
    """Visible bylines: author links and elements marked as bylines, outside comments and teaser lists, nearest
    the headline (``main_headline``) first; the author elements of one list of authors as one byline (``coauthor_list``). A container
    that holds the article's text is layout, whatever its class says ("page-left-right-sidebar": a page with a
    sidebar at its right), not a sidebar or a teaser box. Nor is a byline inside a picture's figure or caption: it
    is the picture's credit."""
    skip = rules()["skip_containers"] + rules()["byline_skip_containers"]
    limit = rules()["author"]["max_byline_words"]
    body = main_text_block(tree)
    layout = set() if body is None else {body, *body.iterancestors()}
    order = {node: index for index, node in enumerate(tree.iter())} if body is not None else {}

    def skipped(container: Any) -> bool:
        if container.tag in ("figure", "figcaption"):
            return True  # a picture's credit ("<span itemprop='creator'>Jane Roe/Reuters files</span>")
        marks = skip_marks(container, skip)
        if not marks or container in layout:
            return False
        # a footer before the article's text closes the headline's block ("story-meta-footer": byline, date, share
        # tools), not the page
        return not (marks <= {"footer"} and body is not None and ends_before(container, body, order))

    texts: list[str] = []
    lists: dict[Any, int] = {}  # a list of co-authors → the index of its byline in ``texts``
    for node in nearest_the_headline(tree.xpath(rules()["byline_xpath"]), headline):
        if any(skipped(a) for a in (node, *node.iterancestors())):
            continue
        names = [clean_space(element.text_content()) for element in name_elements(node)]
        text = ", ".join(name for name in names if name) or clean_space(node.text_content())
        if not text or len(text.split()) > limit:
            continue
        shared = coauthor_list(node, limit)
        if shared is not None and shared in lists:
            texts[lists[shared]] += ", " + text
            continue
        if shared is not None:
            lists[shared] = len(texts)
        texts.append(text)
    return texts


def text_bylines(text: str) -> list[str]:
    """Byline lines at the top or the end of the extracted text ("Written by: Julie Mollins")."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    window = rules()["author"]["text_window"]
    pattern = re.compile(rules()["author"]["text_byline"], re.IGNORECASE)
    return [line for line in lines[:window] + lines[-2:] if pattern.fullmatch(line)]


def closing_bio_names(text: str) -> list[str]:
    """The name of an author biography among the text's last lines ("Jane Roe is an award-winning journalist…")."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return [name for line in lines[-rules()["author"]["bio_lines"]:] if (name := bio_name(line))]


def choose_author(candidates: Sequence[tuple[str, str]], site_keys: Sequence[str]) -> tuple[str, str] | None:
    """The first candidate that names people; failing that, the first that names an agency or the site."""
    fallback = None
    for text, origin in candidates:
        names, outlets = split_authors(text, site_keys)
        if names:
            return ", ".join(dict.fromkeys(names)), origin
        if outlets and fallback is None:
            fallback = outlets[0], origin
    return fallback


# -------------------------------------------------------------------------------------------------- dates


def parse_page_date(value: str) -> dt.date | None:
    """The calendar date a timestamp is written with, year first ("2020-10-13T16:00:32Z", "2020/10/13" → 2020-10-13),
    else the date it writes
    as bylines do ("Thu, 06 Oct 2011 08:10:27 EST", "June 4, 2019": ``metadata.date_pattern``)."""
    match = ISO_DATE.search(value)
    if not match:
        written = date_pattern().search(value)
        return date_of(written) if written else None
    try:
        return dt.date(int(match[1]), int(match[3]), int(match[4]))
    except ValueError:
        return None


def in_caption_or_teaser(node: Any) -> bool:
    """Whether ``node`` or a container of it is a figure's caption or credit or a teaser of another story, by its
    class/id words (``after_headline.skip_words``). Never the page or its main content (``landmark_tags``,
    role="main"), whatever its class says: a page's <body> may carry a list of feature flags
    ("f_related_module_on f_promoted_cleanup_on …")."""
    skip = set(rules()["after_headline"]["skip_words"])
    landmarks = rules()["landmark_tags"]
    return any(skip.intersection(mark_tokens(a)) for a in (node, *node.iterancestors())
               if a.tag not in landmarks and a.get("role") != "main")


def is_hidden_from_reader(node: Any) -> bool:
    """Whether ``node`` or a container of it is never shown (``hides_itself``: a cache's "Current DateTime: 08:48:59
    23 Sep 2011" left in a ``display:none`` box), whatever its size."""
    return any(hides_itself(a) for a in (node, *node.iterancestors()))


def nodes_after_headline(headline: Any | None, window: int) -> list[tuple[str, Any]]:
    """(text, its element) of the text nodes of about ``window`` characters that follow the page's headline
    (``main_headline``; none when it has none), as a reader sees them under it; not the text of figures, captions,
    credits and teasers (``in_caption_or_teaser``), nor text the page hides (``is_hidden_from_reader``)."""
    if headline is None:
        return []
    parts, size = [], 0
    for node in headline.xpath("following::text()[not(ancestor::script or ancestor::style or ancestor::figure)]"):
        parent = node.getparent()
        if parent is None or in_caption_or_teaser(parent) or is_hidden_from_reader(parent):
            continue  # a photo's caption or credit ("… March 24, 2014"), a teaser of another story, a hidden box
        text = clean_space(node)
        if text:
            parts.append((text, parent))
            size += len(text) + 1
            if size >= window:
                break
    return parts


def text_after_headline(headline: Any | None, window: int) -> list[str]:
    """The texts (one per text node) of about ``window`` characters that follow the page's headline
    (``nodes_after_headline``)."""
    return [text for text, _ in nodes_after_headline(headline, window)]


def time_under_headline(tree: Any, headline: Any | None) -> dt.date | None:
    """The date of a ``<time>`` element under the headline (in the text ``under_headline`` reads, its
    ``datetime`` or ``content`` attribute: "<time datetime='2016-10-13T12:34'>Today 12:34pm</time>"), for a
    page whose dateline shows no date of its own; one marked as the published time first, never one marked as a
    modification (``after_headline.published_mark``, ``modified_mark``, in its class or itemprop)."""
    config = rules()["after_headline"]
    nodes = nodes_after_headline(headline, config["window_chars"])
    if not nodes:
        return None
    order = {node: index for index, node in enumerate(tree.iter())}
    end = order[nodes[-1][1]]
    published = re.compile(config["published_mark"], re.IGNORECASE)
    modified = re.compile(config["modified_mark"], re.IGNORECASE)
    dated: list[tuple[bool, dt.date]] = []
    for time in headline.xpath("following::time[@datetime or @content]"):
        if order[time] > end:
            break
        marks = " ".join(str(time.get(a) or "") for a in ("class", "itemprop"))
        value = parse_page_date(str(time.get("datetime") or time.get("content")))
        if value and not modified.search(marks) and not in_caption_or_teaser(time) and not is_hidden_from_reader(time):
            dated.append((published.search(marks) is None, value))
    return min(dated, key=lambda pair: pair[0])[1] if dated else None


TIME_WORDS = re.compile(r"(?i:a\.?m|p\.?m|gmt|utc|[ecmp][sd]t)\b")


def words_besides_dates(text: str) -> int:
    """The words of ``text`` apart from its dates, times and numbers ("on December 27, 2014 at 12:06 PM, updated
    December 28" → on, at, updated: 3)."""
    rest = date_pattern().sub(" ", text)
    return sum(1 for word in re.findall(r"[^\W\d_]{2,}", rest) if not TIME_WORDS.fullmatch(word))


def under_headline(headline: Any | None) -> list[str]:
    """The texts under the page's headline (``main_headline``) that the dateline and the byline are read from
    (``after_headline``)."""
    return text_after_headline(headline, rules()["after_headline"]["window_chars"])


def dateline_date(under: Sequence[str]) -> dt.date | None:
    """The first date written in the text under the headline (``under_headline``: "Max Blumenthal · The Grayzone ·
    Thu, 14 May 2020 17:55 UTC"); a date labelled as an update is passed over: a label before it, or one right after
    it with no date of its own ("November 28, 2013 -- Updated 0203 GMT"), unless a published label stands before it.
    So is a date inside a sentence (a text of more than ``sentence_words`` words besides its dates and times: "The
    act was signed into law on August 14, 1935" in a story's highlights). A date in the page's header above the
    headline ("Mon, 25 Dec 2023": the day the page was saved) is not the article's, which is what a search of the
    whole page (htmldate) may take."""
    config = rules()["after_headline"]
    after = " ".join(under)[: config["window_chars"]]
    ends = list(itertools.accumulate(len(text) + 1 for text in under))  # where each text ends in ``after``
    update = re.compile(config["update_label"], re.IGNORECASE)
    published = re.compile(config["published_label"], re.IGNORECASE)
    reach = config["label_chars"]
    for match in date_pattern().finditer(after):
        if words_besides_dates(under[bisect.bisect_right(ends, match.start())]) > config["sentence_words"]:
            continue  # a date inside a sentence
        before = after[max(0, match.start() - reach): match.start()]
        label = update.search(after, match.end(), match.end() + reach)
        # a label after the date is this date's when no other date follows it ("November 28, 2013 -- Updated
        # 0203 GMT"); with a date after it, it is that one's ("December 27, 2014 at 12:06 PM, updated December 27")
        own_label = label is not None and not date_pattern().search(after, label.end(), label.end() + reach)
        if update.search(before) or (own_label and not published.search(before)):
            continue
        return date_of(match)
    return None


def headline_bylines(under: Sequence[str]) -> list[str]:
    """Byline lines of their own under the headline (``under_headline``: "By Leigh Ann Caldwell"), which trafilatura
    may drop; a label standing alone ("By:", ``author.byline_label``) is read with the text after it, the name its
    link or span holds ("<span>By: <a>Jane Roe</a></span>")."""
    pattern = re.compile(rules()["author"]["text_byline"], re.IGNORECASE)
    label = re.compile(rules()["author"]["byline_label"], re.IGNORECASE)
    joined = [f"{text} {after}" if label.fullmatch(text) else text
              for text, after in zip(under, [*under[1:], ""])]
    return [text for text in joined if pattern.fullmatch(text)]


def standfirst(headline: Any | None, text: str, descriptions: Sequence[str]) -> str | None:
    """The standfirst under the headline that the text left out: a text of its own in the first
    ``standfirst.window_chars`` characters under the headline (``main_headline``; ``text_after_headline``: not a
    caption or a teaser)
    that is the page's declared description (JSON-LD, <meta>) word for word, a sentence of at least
    ``standfirst.min_words`` words. A description the reader does not see under the headline is not taken."""
    config = rules()["standfirst"]
    declared = {key(d) for d in descriptions if len(d.split()) >= config["min_words"]}
    if not declared:
        return None
    in_text = key(text)
    for part in text_after_headline(headline, config["window_chars"]):
        if key(part) in declared:
            return None if key(part) in in_text else part
    return None


# ------------------------------------------------------------------------------------------------ reading


CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
MARK_TOKENS = re.compile(r"[a-z0-9]+")
FURNITURE_MARK = "data-generator-furniture"


def mark_tokens(node: Any) -> tuple[str, ...]:
    """The words of an element's class and id: "imageCaption c-article__sharing" → image caption c article sharing."""
    marks = " ".join(str(node.get(a) or "") for a in ("class", "id"))
    return tuple(MARK_TOKENS.findall(CAMEL.sub(" ", marks).casefold())) if marks.strip() else ()


@lru_cache(maxsize=1)
def furniture_vocabulary() -> tuple[frozenset[str], frozenset[tuple[str, ...]], re.Pattern[str]]:
    """The class/id words and word pairs that name furniture, and the styles that hide an element."""
    config = rules()["furniture_markup"]
    pairs = frozenset(tuple(phrase.split()) for phrase in config["phrases"])
    return frozenset(config["words"]), pairs, re.compile(config["hidden_style"], re.IGNORECASE)


def is_marked_furniture(tokens: Sequence[str]) -> bool:
    """Whether class/id words name furniture: a word of ``words``, or two words in a row of ``phrases``."""
    words, pairs, _ = furniture_vocabulary()
    return any(t in words for t in tokens) or any(pair in pairs for pair in zip(tokens, tokens[1:]))


def paragraph_sizes(tree: Any) -> dict[Any, int]:
    """The characters of text of every ``<p>`` of the page."""
    return {paragraph: len(" ".join(paragraph.text_content().split())) for paragraph in tree.iter("p")}


def paragraph_text_below(sizes: dict[Any, int]) -> dict[Any, int]:
    """For every element, the characters of paragraph (``<p>``) text inside it."""
    below: dict[Any, int] = {}
    for paragraph, size in sizes.items():
        for node in (paragraph, *paragraph.iterancestors()):
            below[node] = below.get(node, 0) + size
    return below


def main_text_block(tree: Any, sizes: dict[Any, int] | None = None) -> Any | None:
    """The element whose own ``<p>`` children hold the most text: the article body, as far as markup tells."""
    direct: dict[Any, int] = {}
    for paragraph, size in (paragraph_sizes(tree) if sizes is None else sizes).items():
        parent = paragraph.getparent()
        if parent is not None:
            direct[parent] = direct.get(parent, 0) + size
    return max(direct, key=lambda node: direct[node]) if direct else None


def hides_itself(node: Any) -> bool:
    """An element marked as not shown: ``hidden``, ``aria-hidden="true"`` or a style that hides it."""
    hidden = node.get("hidden") is not None or (node.get("aria-hidden") or "").strip().casefold() == "true"
    return hidden or bool(node.get("style") and furniture_vocabulary()[2].search(node.get("style")))


def is_hidden(node: Any, config: dict[str, Any]) -> bool:
    """A short element the reader does not see (``hides_itself``). Short only: a page may hide the rest of its
    article behind a "Continue reading" button."""
    return hides_itself(node) and len(node.text_content().split()) <= config["hidden_max_words"]


def link_density(node: Any) -> float:
    """The share of an element's visible characters (spaces aside) that are link text."""
    text = len("".join(node.text_content().split()))
    linked = sum(len("".join(a.text_content().split())) for a in node.iter("a"))
    return linked / text if text else 0.0


BRACKETS = re.compile(r"[()\[\]]")
LINK_LABEL = re.compile(r"[^\W\d_][^:.!?]{0,40}:")  # "IN TEXAS:", "Read more:", "RELATED:" (no sentence end)


def is_labelled_link(node: Any, config: dict[str, Any]) -> bool:
    """A paragraph that is a short label and a link to another story ("<p><b>IN TEXAS:</b> <a>Family of Ebola
    patient quarantined</a></p>", "(MORE: <a>13 Best Tweets About the Earthquake</a>)"): its text outside the
    links, brackets aside, is a label of a few words ending in a colon, before the link."""
    links = node.findall(".//a")
    if not links:
        return False
    whole = " ".join(BRACKETS.sub(" ", node.text_content()).split())  # "(MORE: <a>…</a>)" as "MORE: …"
    outside = whole
    for link in links:
        outside = outside.replace(" ".join(BRACKETS.sub(" ", link.text_content()).split()), " ", 1)
    outside = " ".join(outside.split())
    if re.match(rules()["author"]["prefix"], outside + " ", re.IGNORECASE):
        return False  # "Written by: <a>Jane Roe</a>": a byline, read for the author from the text
    first_link = " ".join(links[0].text_content().split())
    label_first = whole.startswith(outside)
    return (bool(first_link) and label_first and len(outside.split()) <= config["link_label_words"]
            and LINK_LABEL.fullmatch(outside) is not None)


def is_link_list(node: Any, config: dict[str, Any]) -> bool:
    """A list whose every item is (nearly) all link text: related headlines, not a list the article makes;
    or a paragraph that is only a link ("<p><a>Mayor backs tram plan</a></p>" between the article's paragraphs),
    or a label and a link ("IN TEXAS: Family of Ebola patient quarantined", ``is_labelled_link``)."""
    if node.tag == "p":
        return (node.find(".//a") is not None and len(node.text_content().split()) >= 2
                and (link_density(node) >= config["link_paragraph_density"] or is_labelled_link(node, config)))
    if node.tag not in ("ul", "ol"):
        return False
    items = [item for item in node.iterchildren("li")]
    return len(items) >= config["link_list_items"] and all(
        link_density(item) >= config["link_list_density"] for item in items
    )


ICON_MARK = re.compile(r"emoji|smiley|icon|avatar|logo|spacer|pixel", re.IGNORECASE)


def is_picture(img: Any, config: dict[str, Any]) -> bool:
    """An ``<img>`` showing a picture: not an emoji, icon, avatar, logo or tracking pixel (by its class or alt, or
    a width or height of at most ``icon_pixels``)."""
    if ICON_MARK.search(" ".join(str(img.get(a) or "") for a in ("class", "alt", "src"))):
        return False
    sizes = [img.get(a) for a in ("width", "height")]
    return not any(size and size.strip().isdigit() and int(size) <= config["icon_pixels"] for size in sizes)


def depth_below(node: Any, ancestor: Any) -> int:
    """How many levels ``node`` is below ``ancestor`` (1: a child)."""
    return next(level for level, above in enumerate(node.iterancestors(), 1) if above is ancestor)


def is_captioned_picture(node: Any, config: dict[str, Any]) -> bool:
    """A picture and its short caption or credit, however the markup names them (``<div class="picBox"><img>
    <p>Oak barrels enhance the flavor</p></div>``, ``<p><img><br><em>(Credit: Jane Roe)</em></p>``): a block
    (``caption_tags``) holding a picture at most ``caption_depth`` levels below it (the picture's own box, not a
    wrapper of wrappers around a slideshow), at most one paragraph and no heading, whose text is at most
    ``caption_words`` words; in a ``<p>``, the caption in an element of its own (``<em>``, ``<small>``…), not the
    paragraph's own text. A caption describes a picture that is not in the text."""
    if node.tag not in config["caption_tags"] or not any(
        is_picture(img, config) and depth_below(img, node) <= config["caption_depth"] for img in node.iter("img")
    ):
        return False
    if any(True for _ in node.iter("h1", "h2", "h3", "h4")) or sum(1 for _ in node.iter("p")) > 1:
        return False
    if node.tag == "p" and own_text(node).strip():
        return False  # "<p><img>The council voted…</p>": a paragraph that opens with a picture, not its caption
    return 0 < len(node.text_content().split()) <= config["caption_words"]


def own_text(node: Any) -> str:
    """The text written directly in ``node``, not inside its child elements."""
    return (node.text or "") + "".join(child.tail or "" for child in node)


HEADINGS = ("h2", "h3", "h4", "h5", "h6")
TEXT_BLOCKS = frozenset({"p", "li", "dd", "td", "blockquote", "h1", *HEADINGS})


def is_heading_element(node: Any) -> bool:
    """An ``<h2>``–``<h6>``, or any element the page declares a heading (``role="heading"``)."""
    return node.tag in HEADINGS or node.get("role") == "heading"


def names_other_stories(node: Any, config: dict[str, Any]) -> bool:
    """A heading whose words name a list of other stories ("More Great Stories", "Related", ``section_heading``)."""
    return is_heading_element(node) and re.fullmatch(
        config["section_heading"], clean_space(node.text_content()), re.IGNORECASE) is not None


def is_headed_section(node: Any, config: dict[str, Any]) -> bool:
    """A block opened by a heading that names a list of other stories ("<div><h2>Other Opinion Columns</h2>
    <div class="story-block">…</div></div>", "<section><h3>More from Politics</h3>…"): the heading is the first
    text of the block, before any paragraph of its own. The heading is an ``<h2>``–``<h6>``: a block opened by
    an ``<h1>`` (a text block) or by another element declared a heading (``role="heading"``) is not one."""
    if node.tag not in config["section_tags"]:
        return False
    first = next((child for child in node.iter() if child is not node and isinstance(child.tag, str)
                  and child.tag in TEXT_BLOCKS and child.text_content().strip()), None)
    return first is not None and first.tag in HEADINGS and names_other_stories(first, config)


def is_headed_list(node: Any, config: dict[str, Any]) -> bool:
    """A list right after a heading that names other stories, and that heading ("<hr><div role='heading'>More
    Great Stories</div><ul><li>The case for <a>a light hand with AI</a>…</li></ul>" closing an article's body):
    teasers with words of their own around their links, which the link-list rule lets through."""
    if node.tag in ("ul", "ol"):
        before = node.getprevious()
        return before is not None and isinstance(before.tag, str) and names_other_stories(before, config)
    after = node.getnext()
    return (after is not None and isinstance(after.tag, str) and after.tag in ("ul", "ol")
            and names_other_stories(node, config))


def is_embedded_media(node: Any, config: dict[str, Any]) -> bool:
    """A box that schema.org markup declares a video or a recording (``itemtype=".../VideoObject"``): a player with
    its own headline, duration and playlist ("Zsa Zsa Gabor dies at 99: Fans, friends remember… Play Video - 2:46"),
    not the article's text."""
    declared = str(node.get("itemtype") or "").rstrip("/").rsplit("/", 1)[-1]
    return declared in config["media_itemtypes"]


def is_furniture_element(node: Any, config: dict[str, Any]) -> bool:
    """Whether the markup names ``node`` as furniture (before the guards of ``mark_furniture``)."""
    return (
        node.tag in config["tags"]
        or is_embedded_media(node, config)
        or is_marked_furniture(mark_tokens(node))
        or is_hidden(node, config)
        or is_link_list(node, config)
        or is_captioned_picture(node, config)
        or is_headed_section(node, config)
        or is_headed_list(node, config)
    )


def mark_furniture(tree: Any) -> int:
    """Mark the page's furniture elements (related lists, newsletter and share boxes, captions, credits,
    bylines, comments) by their class/id words, hidden elements, and lists made only of links, for trafilatura to
    prune before it reads the text.

    Markup names its parts far more reliably than their text does: a caption is ``<p class="imageCaption">``
    whatever it says. An element is never marked when it holds the article body (the block with the most
    paragraph text, or an ancestor of it) or more than ``max_share`` of the page's paragraph text: a class such as
    "article-body has-sidebar" or "post-comments-open" on the article's own wrapper must not take the article away.
    Nothing inside a marked element is looked at again.
    """
    config = rules()["furniture_markup"]
    sizes = paragraph_sizes(tree)
    below = paragraph_text_below(sizes)
    total = max(below.get(tree, 0), 1)
    main = main_text_block(tree, sizes)
    protected = {main, *main.iterancestors()} if main is not None else set()
    marked = 0
    stack = list(reversed(tree))
    while stack:
        node = stack.pop()
        if not isinstance(node.tag, str) or node.tag == "head":
            continue
        if (
            node not in protected
            and node.tag != "body"
            and below.get(node, 0) / total <= config["max_share"]
            and is_furniture_element(node, config)
        ):
            node.set(FURNITURE_MARK, "1")
            marked += 1
            continue
        stack.extend(reversed(node))
    return marked


PRESERVED_SPACE = frozenset({"pre", "textarea", "script", "style", "code"})
SOURCE_BREAK = re.compile(r"[ \t]*[\r\n]+[ \t]*")


def collapse_source_breaks(tree: Any) -> None:
    """Line breaks inside the page's source text are spaces, as a browser shows them ("who in 2008, won the\n
    Africa Movie Academy Award"): trafilatura keeps some of them, which would cut a sentence into short lines
    that the furniture rules then read as link titles. Not inside ``<pre>`` and the like, where breaks show."""
    for node in tree.iter():
        if not isinstance(node.tag, str):
            continue
        parent = node.getparent()
        keep_tail = parent is not None and isinstance(parent.tag, str) and (
            parent.tag in PRESERVED_SPACE or any(a.tag in PRESERVED_SPACE for a in parent.iterancestors()))
        keep_text = node.tag in PRESERVED_SPACE or keep_tail
        if not keep_text and node.text and ("\n" in node.text or "\r" in node.text):
            node.text = SOURCE_BREAK.sub(" ", node.text)
        if not keep_tail and node.tail and ("\n" in node.tail or "\r" in node.tail):
            node.tail = SOURCE_BREAK.sub(" ", node.tail)


# Elements that flow inside a line of text; any other element ends a paragraph written with <br><br>.
INLINE_TAGS = frozenset({"a", "abbr", "b", "bdi", "bdo", "br", "cite", "code", "data", "del", "dfn", "em", "font", "i",
                         "img", "ins", "kbd", "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup",
                         "time", "u", "var", "wbr"})
BREAK_BLOCKS = ("div", "article", "section", "main", "td")


def break_paragraphs(tokens: Sequence[Any]) -> list[Any]:
    """A block's content (texts and elements in order) cut into paragraphs: lists of inline tokens, ended by two
    or more ``<br>`` in a row (whitespace between them aside) or by a block element, which stands alone."""
    groups: list[Any] = [[]]
    k = 0
    while k < len(tokens):
        token = tokens[k]
        if isinstance(token, str) or (token.tag in INLINE_TAGS and token.tag != "br"):
            groups[-1].append(token)
        elif token.tag == "br":
            end, breaks = k, 0
            while end < len(tokens) and (isinstance(tokens[end], str) and not tokens[end].strip()
                                         or not isinstance(tokens[end], str) and tokens[end].tag == "br"):
                breaks += not isinstance(tokens[end], str)
                end += 1
            if breaks >= 2:
                groups.append([])
            else:
                groups[-1].extend(tokens[k:end])
            k = end
            continue
        else:
            groups += [token, []]
        k += 1
    return groups


def has_text(tokens: Sequence[Any]) -> bool:
    return any(token.strip() if isinstance(token, str) else token.text_content().strip() for token in tokens)


def wrap_break_paragraphs(tree: Any) -> None:
    """Paragraphs a page writes as text separated by ``<br><br>`` inside a ``<div>``, not as ``<p>`` elements,
    each wrapped into a ``<p>`` (as readability does): trafilatura, in a page with paragraphs elsewhere, drops the
    text of a ``<div>`` before its first break or after a picture's box ("<div class='content'><div><img></div>
    With the start of a new month, …<br><br>For last month, …"). Only blocks with a run of two breaks or more among
    their own children and text of their own; the text and elements are kept in order. A ``<div>`` inside such a
    block that holds only a line of text is a paragraph too."""
    for block in [node for node in tree.iter(*BREAK_BLOCKS)]:
        children = list(block)
        chained = any(a.tag == "br" and b.tag == "br" and not (a.tail or "").strip()
                      for a, b in zip(children, children[1:]))
        if not chained or not ((block.text or "").strip() or any((child.tail or "").strip() for child in children)):
            continue
        if any(node.tag in PRESERVED_SPACE for node in block.iterancestors()):
            continue
        for inner in block.iterdescendants("div"):
            inline = all(isinstance(node.tag, str) and node.tag in INLINE_TAGS for node in inner.iterdescendants())
            if inline and has_text([inner]):
                inner.tag = "p"  # a line of text in a <div> of its own ("<div>We hope you enjoy it!</div>")
        children = list(block)
        tokens: list[Any] = [block.text] if block.text else []
        for child in children:
            tail, child.tail = child.tail, None
            block.remove(child)
            tokens += [child, *([tail] if tail else [])]
        block.text = None
        for group in break_paragraphs(tokens):
            if not isinstance(group, list):
                block.append(group)
            elif has_text(group):
                paragraph = lxml.etree.SubElement(block, "p")
                for token in group:
                    if not isinstance(token, str):
                        paragraph.append(token)
                    elif len(paragraph):
                        paragraph[-1].tail = (paragraph[-1].tail or "") + token
                    else:
                        paragraph.text = (paragraph.text or "") + token
            else:
                for token in group:
                    if not isinstance(token, str) and token.tag != "br":
                        block.append(token)


def split_body_parts(tree: Any) -> list[list[Any]]:
    """The article body a page writes as several containers with the same body class, cut only by an
    advertisement or an empty promo slot ("<div class='article__body'>…</div><div class='ad'>Advertisement</div>
    <div class='article__body'>…</div>"): each group of two or more such containers, none inside another, in
    page order, with nothing between one and the next but an advertisement's label (``gap_labels``). trafilatura
    reads only the first of them and loses the rest of the article. (Other text between them, such as the entry
    headlines of a live blog whose entries each have a body, makes them separate pieces: left as they are.)"""
    config = rules()["split_body"]
    pattern = re.compile(config["class_pattern"])
    gap_labels = {"", *config["gap_labels"]}
    groups: dict[str, list[Any]] = {}
    for node in tree.iter(*BREAK_BLOCKS):
        classes = (node.get("class") or "").split()
        if any(pattern.fullmatch(c) for c in classes) and node.xpath("./p[normalize-space()]"):
            key = " ".join(sorted(classes))
            if not any(a in groups.get(key, ()) for a in node.iterancestors()):
                groups.setdefault(key, []).append(node)
    return [nodes for nodes in groups.values() if len(nodes) > 1
            and all(text_between(a, b).lower() in gap_labels for a, b in zip(nodes, nodes[1:]))]


def text_between(first: Any, later: Any) -> str:
    """The visible text after the element ``first`` ends and before ``later`` starts (scripts and styles left
    out), whitespace runs as one space."""
    root = next(a for a in first.iterancestors() if later in a.iterdescendants())
    parts, inside, skipped = [], False, 0
    for event, node in lxml.etree.iterwalk(root, events=("start", "end")):
        if node is later:
            break
        if node is first and event == "end":
            inside = True
            parts.append(node.tail or "")
            continue
        if not inside or not isinstance(node.tag, str):
            continue
        hidden = node.tag in ("script", "style", "noscript", "template")
        if event == "start":
            skipped += hidden
            if not skipped:
                parts.append(node.text or "")
        else:
            skipped -= hidden
            if not skipped:
                parts.append(node.tail or "")
    return " ".join("".join(parts).split())


def join_split_bodies(tree: Any) -> None:
    """Each split article body (``split_body_parts``) joined into its first part, in order, so that the whole
    article is one block of text; what stood between the parts (the advertisement) stays where it was."""
    for first, *rest in split_body_parts(tree):
        for part in rest:
            for child in list(part):
                first.append(child)
            part.getparent().remove(part)


def trafilatura_text(tree: Any, with_metadata: bool, prune: bool) -> tuple[str | None, Any]:
    """trafilatura's main text of a parsed page (set for precision on news) and, if asked, its metadata."""
    options = rules()["trafilatura"]
    document = trafilatura.bare_extraction(
        tree,
        prune_xpath=f"//*[@{FURNITURE_MARK}]" if prune else None,
        with_metadata=with_metadata,
        favor_precision=options["favor_precision"],
        include_comments=False,
        include_tables=options["include_tables"],
        include_images=False,
        include_links=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    return (getattr(document, "text", None) if document is not None else None), document


def visible_chars(text: str | None) -> int:
    """Characters of text, whitespace runs counted as one space (as the cleaned lines count them)."""
    return len(" ".join((text or "").split()))


def extract_text(raw: str) -> tuple[str | None, Any, int]:
    """The page's main text (furniture marked in the markup pruned), trafilatura's own metadata (read before
    the pruning, from the whole page), and how many characters of text the pruning took away.

    The last is counted only for a short text (``furniture_check_chars``): it tells a page that is mostly
    furniture around a sentence or two, and costs a second extraction without the pruning.
    """
    tree = prepared_tree(raw)
    if tree is None:
        return None, None, 0
    marked = mark_furniture(tree)
    text, document = trafilatura_text(tree, with_metadata=True, prune=True)
    pruned = 0
    if marked and visible_chars(text) < rules()["furniture_check_chars"]:
        whole = prepared_tree(raw)
        if whole is not None:
            pruned = max(0, visible_chars(trafilatura_text(whole, with_metadata=False, prune=False)[0]) - visible_chars(text))
    return text, document, pruned


def prepared_tree(raw: str) -> Any | None:
    """The page parsed for trafilatura, with what trafilatura misreads set right: line breaks of the source as
    spaces, a body split by an advertisement joined, paragraphs written with ``<br><br>`` wrapped; None when the
    page cannot be parsed."""
    tree = load_html(raw)
    if tree is not None:
        collapse_source_breaks(tree)
        join_split_bodies(tree)
        wrap_break_paragraphs(tree)
    return tree


Candidate = tuple[Any, str]  # a value and where on the page it was found


def first_found(candidates: Iterable[Candidate | None]) -> Candidate | None:
    """The first candidate that has a value: candidates come best first."""
    return next((candidate for candidate in candidates if candidate and candidate[0]), None)


def parse_tree(raw: str) -> Any | None:
    """The page's element tree, or None when lxml cannot parse it."""
    try:
        # the page is already text: parse its UTF-8 bytes as UTF-8, whatever charset the page declares (or not)
        return lxml.html.fromstring(raw.encode("utf-8"), parser=lxml.html.HTMLParser(encoding="utf-8"))
    except (ValueError, lxml.etree.ParserError):
        return None


def url_candidates(tree: Any, meta: dict[str, list[str]], article: dict[str, Any], document: Any) -> list[Candidate]:
    """The page's own address, best first: canonical link, OpenGraph, JSON-LD, trafilatura (web addresses only)."""
    candidates = [
        *((c, "canonical link") for c in tree.xpath('//link[@rel="canonical"]/@href')),
        *((u, "OpenGraph") for u in meta.get("og:url", [])),
        (article.get("url"), "JSON-LD"),
        (getattr(document, "url", None), "trafilatura"),
    ]
    return [(url.strip(), origin) for url, origin in candidates
            if isinstance(url, str) and re.match(r"https?://[^\s/]+", url.strip(), re.IGNORECASE)]


def declared_site_names(meta: dict[str, list[str]], article: dict[str, Any],
                        by_id: dict[str, dict[str, Any]]) -> list[str]:
    """Names the page gives its site: OpenGraph, the JSON-LD publisher, the web-app names."""
    publisher = article.get("publisher")
    return [
        *meta.get("og:site_name", []),
        *(ld_people(publisher, by_id) if publisher else []),
        *meta.get("application-name", []),
        *meta.get("apple-mobile-web-app-title", []),
    ]


def page_titles(tree: Any) -> list[str]:
    """The page's ``<title>``s in its head (else its first ``<title>`` anywhere)."""
    return [clean_space(t.text_content()) for t in tree.xpath("//head/title")] or [
        clean_space(t.text_content()) for t in tree.xpath("//title")[:1]
    ]


def outlet_candidate(site_names: Sequence[str], titles: Sequence[str], url: str | None,
                     hints: Sequence[str]) -> Candidate | None:
    """The outlet, from the declared site names, the parts of the ``<title>`` after its headline, the address and the
    site's hints."""
    title_parts = [part for title in titles for part in TITLE_SEPARATORS.split(title)[1:]]
    headlines = [TITLE_SEPARATORS.split(title)[0] for title in titles]
    return page_outlet(site_names, title_parts, url, headlines, hints)


def site_keys_of(site_names: Sequence[str], outlet: str | None, hints: Sequence[str], url: str | None) -> list[str]:
    """Keys of every name the site goes by (to strip from titles and to tell from authors), without repeats."""
    return [k for k in dict.fromkeys([key(n) for n in site_names] + [key(clean_site_name(n)) for n in site_names]
                                     + [key(outlet or "")] + [key(n) for n in hints]
                                     + [key((domain_of(url) or "").rsplit(".", 1)[0])]) if k]


def title_candidates(article: dict[str, Any], meta: dict[str, list[str]], titles: Sequence[str]) -> list[Candidate]:
    """The titles the page declares, best first: JSON-LD headline, OpenGraph, meta titles, ``<title>``."""
    return [
        *((clean_space(article[k]), "JSON-LD") for k in ("headline",) if isinstance(article.get(k), str)),
        *((t, "OpenGraph") for t in meta.get("og:title", [])),
        *((t, "meta title") for t in meta.get("twitter:title", []) + meta.get("title", [])),
        *((t, "page title") for t in titles),
    ]


def title_candidate(declared: Sequence[Candidate], tree: Any, document: Any,
                    site_keys: Sequence[str]) -> Candidate | None:
    """The declared title that matches a visible headline, else trafilatura's title."""
    title = choose_title(declared, visible_headlines(tree), site_keys, link_names(tree))
    if title is None and getattr(document, "title", None):
        title = choose_title([(document.title, "trafilatura")], [], site_keys)
    return title


def author_candidates(article: dict[str, Any], by_id: dict[str, dict[str, Any]], meta: dict[str, list[str]],
                      tree: Any, headline: Any | None, text: str, under: Sequence[str]) -> list[Candidate]:
    """Who wrote the page, best first: JSON-LD, meta tags, bylines in the markup, then in the text."""
    return [
        *((name, "JSON-LD") for name in [", ".join(ld_people(article.get("author"), by_id))] if name),
        *((value, "meta author") for name in rules()["author_meta"] for value in meta.get(name, [])),
        *((byline, "byline") for byline in byline_texts(tree, headline)),
        *((line, "text byline") for line in text_bylines(text)),
        *((line, "byline under the headline") for line in headline_bylines(under)),
        *((name, "author biography") for name in closing_bio_names(text)),
    ]


def author_candidate(authors: Sequence[Candidate], document: Any, site_keys: Sequence[str]) -> Candidate | None:
    """The first usable author; trafilatura's own guess only when the page says nothing (it may come from a "More
    stories" card or a comment)."""
    guess = [(document.author, "trafilatura")] if getattr(document, "author", None) else []
    return choose_author(authors, site_keys) or choose_author(guess, site_keys)


def published_candidates(article: dict[str, Any], meta: dict[str, list[str]], tree: Any, under: Sequence[str],
                         document: Any, headline: Any | None, url: str | None = None) -> list[Candidate]:
    """The page's own published date (never its modified date), best first: JSON-LD, meta tags, microdata (read in
    the site's time zone, ``in_local_time``), the dateline or ``<time>`` under the headline, a field labelled as the
    date, htmldate, the date in the page's address."""
    declared = [
        *((article.get(k), "JSON-LD") for k in ("datePublished", "dateCreated")),
        *((value, "meta date") for name in rules()["date_meta"] for value in meta.get(name, [])),
    ]
    microdata = microdata_dates(tree)
    declared += [(value, "microdata") for name in rules()["date_meta"] for value in microdata.get(name, [])]
    shown = [(dateline_date(under), "dateline under the headline"),
             (time_under_headline(tree, headline), "time element under the headline")]
    return [
        *(in_local_time(value, origin, shown) for value, origin in declared if isinstance(value, str)),
        *shown,
        (labelled_date(tree), "labelled date"),
        *((parse_page_date(str(document.date)), "htmldate") for _ in [0] if getattr(document, "date", None)),
        (url_date(url), "address"),
    ]


UTC_OR_DAY = re.compile(r"(?:\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]00:?00|GMT|UTC)|^\s*\d{4}-\d{2}-\d{2})\s*$",
                        re.IGNORECASE)


def in_local_time(value: str, origin: str, shown: Sequence[Candidate]) -> Candidate:
    """A declared timestamp's date, or the date the page shows under its headline when the timestamp is written in
    UTC (or as a day alone) and the shown date is the day before or after it: the same moment in the site's own
    time zone ("2020-02-25T02:25:54Z" on a page showing "February 24, 2020 | 9:25pm"), the day its readers saw."""
    declared = parse_page_date(value)
    local = first_found(shown)
    if declared and local and UTC_OR_DAY.search(value) and abs((local[0] - declared).days) == 1:
        return local
    return declared, origin


def labelled_date(tree: Any) -> dt.date | None:
    """The date of a field labelled as the article's date in a list of its details ("<li><strong>Date</strong>
    10.06.2013</li>", ``labelled_date.xpath``), outside captions, teasers, hidden boxes, menus, sidebars and
    widgets (``skip_containers``: an events box's "Date"); a date written as
    bylines do or as day.month.year."""
    config = rules()["labelled_date"]
    skip = rules()["skip_containers"]
    for label in tree.xpath(config["xpath"]):
        field = label.getparent()
        if field is None or in_caption_or_teaser(field) or is_hidden_from_reader(field) or any(
                skip_container(a, skip) for a in (field, *field.iterancestors())):
            continue
        text = clean_space(field.text_content())
        written = date_pattern().search(text)
        if written and (day := date_of(written)):
            return day
        dotted = re.search(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b", text)
        if dotted:
            try:
                return dt.date(int(dotted[3]), int(dotted[2]), int(dotted[1]))
            except ValueError:
                continue
    return None


URL_DATE = re.compile(r"/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:/|-|$)")


def url_date(url: str | None) -> dt.date | None:
    """The date in the page's address ("https://example.com/2019/06/04/bridge-closes/", ".../2019-06-04-…"): the
    last resort, when nothing on the page dates it."""
    match = URL_DATE.search(urlsplit(url).path) if url else None
    if not match:
        return None
    try:
        return dt.date(*(int(part) for part in match.groups()))
    except ValueError:
        return None


def page_descriptions(article: dict[str, Any], meta: dict[str, list[str]]) -> list[str]:
    """The summaries the page declares: JSON-LD, OpenGraph, Twitter, meta description."""
    return [
        *(clean_space(article["description"]) for _ in [0] if isinstance(article.get("description"), str)),
        *(clean_space(d) for name in ("og:description", "twitter:description", "description")
          for d in meta.get(name, [])),
    ]


def value_of(candidate: Candidate | None) -> Any:
    """The value of a candidate, None when nothing was found."""
    return candidate[0] if candidate else None


def page_with(text: str, pruned: int, fields: dict[str, Candidate | None]) -> Page:
    """The page with each field that was found and where it was found."""
    found = {name: candidate for name, candidate in fields.items() if candidate}
    return Page(text=text, origins=tuple(sorted((name, origin) for name, (_, origin) in found.items())),
                furniture_chars=pruned, **{name: value for name, (value, _) in found.items()})


def read_page(raw: str) -> Page:
    """Text and metadata of a saved page; never fetches anything.

    Each field is the first value found among its candidates, best first; a later field reads earlier ones (the
    outlet reads the address, the title the outlet, the author the title)."""
    text, document, pruned = extract_text(raw)
    if not text or not text.strip():
        return Page(text="")
    tree = parse_tree(raw)
    if tree is None:
        return replace(from_trafilatura(text, document), furniture_chars=pruned)
    objects = json_ld_objects(tree)
    article = article_object(objects)
    by_id = {str(obj["@id"]): obj for obj in objects if "@id" in obj}
    meta = meta_values(tree)
    url = first_found(url_candidates(tree, meta, article, document))
    site_names = declared_site_names(meta, article, by_id)
    titles = page_titles(tree)
    hints = site_hints(tree)
    outlet = first_found([outlet_candidate(site_names, titles, value_of(url), hints)])
    site_keys = site_keys_of(site_names, value_of(outlet), hints, value_of(url))
    title = first_found([title_candidate(title_candidates(article, meta, titles), tree, document, site_keys)])
    headline = main_headline(tree, value_of(title))  # the <h1> holding the title: bylines, dateline, standfirst
    under = under_headline(headline)  # the dateline and a byline line are read from it
    authors = author_candidates(article, by_id, meta, tree, headline, text, under)
    author = first_found([author_candidate(authors, document, site_keys)])
    published = first_found(published_candidates(article, meta, tree, under, document, headline, value_of(url)))
    # the standfirst under the headline, when the text left it out (trafilatura reads it as the page's header)
    lead = standfirst(headline, text, page_descriptions(article, meta))
    if lead:
        text = f"{lead}\n{text}"
    return page_with(text, pruned, {"url": url, "outlet": outlet, "title": title, "author": author,
                                    "published": published})


def from_trafilatura(text: str, document: Any) -> Page:
    """Metadata as trafilatura found it, for a page lxml cannot parse on its own."""
    values: dict[str, Any] = {}
    for name, attribute in (("title", "title"), ("outlet", "sitename"), ("author", "author"), ("url", "url")):
        value = getattr(document, attribute, None)
        if isinstance(value, str) and value.strip():
            values[name] = clean_space(value)
    if "url" in values and not re.match(r"https?://[^\s/]+", values["url"], re.IGNORECASE):
        del values["url"]
    published = parse_page_date(str(getattr(document, "date", "") or ""))
    if published:
        values["published"] = published
    return Page(text=text, origins=tuple(sorted((name, "trafilatura") for name in values)), **values)


def iter_fields(page: Page) -> Iterator[tuple[str, Any]]:
    for name in ("title", "outlet", "author", "published", "url"):
        value = getattr(page, name)
        if value:
            yield name, value
