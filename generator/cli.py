"""Command line: ``python -m generator build | extract | serve``. The only place that prints or exits."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from generator import __version__
from generator.errors import GeneratorError
from generator.extract.nlp import DEFAULT_MODEL
from generator.pages.base import plural

log = logging.getLogger("generator")


def parser() -> argparse.ArgumentParser:
    """The command line: ``build``, ``extract`` and ``serve``, each with its options."""
    root = argparse.ArgumentParser(
        prog="python -m generator",
        description="Turn a folder of news articles about one story into a static, searchable briefing site.",
        epilog="Run 'python -m generator COMMAND --help' for a command's options.",
    )
    root.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = root.add_subparsers(dest="command", required=True)
    _add_build(commands)
    _add_extract(commands)
    _add_serve(commands)
    return root


def _add_build(commands: Any) -> None:
    build = commands.add_parser("build", help="seeds → content (Markdown) → site (HTML)")
    build.add_argument("--seeds", type=Path, default=Path("seeds"), help="folder of articles (default seeds/)")
    build.add_argument("--content", type=Path, default=Path("content"), help="where the Markdown goes (default content/)")
    build.add_argument("--site", type=Path, default=Path("site"), help="where the HTML site goes (default site/)")
    build.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help="MkDocs configuration (default mkdocs.yml)")
    build.add_argument("--no-site", action="store_true", help="write content/ only, skip the MkDocs build")
    _add_common_options(build)
    _add_extraction_options(build)


def _add_extract(commands: Any) -> None:
    extract = commands.add_parser("extract", help="the facts of any folder of articles as JSON (no site)")
    extract.add_argument("seeds", type=Path, help="folder of articles")
    extract.add_argument("--out", type=Path, default=None, help="JSON file to write (default: standard output)")
    _add_common_options(extract)
    _add_extraction_options(extract)


def _add_serve(commands: Any) -> None:
    serve = commands.add_parser(
        "serve", help="local preview that regenerates the pages when a seed changes",
        description="Regenerate content/ from the seeds (keeping the ids and the change list of the previous "
        "build, as build does), serve it with MkDocs' dev server, and regenerate whenever a file in the seeds "
        "folder changes; the browser reloads by itself. Ctrl+C stops.",
    )
    serve.add_argument("--seeds", type=Path, default=Path("seeds"), help="folder of articles to watch (default seeds/)")
    serve.add_argument("--content", type=Path, default=Path("content"),
                       help="where the Markdown goes; its facts.json is the previous build (default content/)")
    serve.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help="MkDocs configuration (default mkdocs.yml)")
    serve.add_argument("--host", default="127.0.0.1",
                       help="address to listen on (default 127.0.0.1: this computer only; 0.0.0.0 opens it to the network)")
    serve.add_argument("--port", type=int, default=8000, help="port to listen on (default 8000)")
    _add_common_options(serve, strict=False)


def _add_common_options(sub: argparse.ArgumentParser, strict: bool = True) -> None:
    """--model, --strict (unless ``strict`` is False: serve has none), -v/-q."""
    sub.add_argument("--model", default=DEFAULT_MODEL,
                     help=f"spaCy pipeline to use (default {DEFAULT_MODEL}; en_core_web_md and en_core_web_trf work when installed)")
    if strict:
        sub.add_argument("--strict", action="store_true",
                         help="treat warnings (skipped files, odd encodings, duplicates, unbalanced quotes…) as errors")
    verbosity = sub.add_mutually_exclusive_group()
    verbosity.add_argument("-v", "--verbose", action="count", default=0, help="say more (-vv for debug)")
    verbosity.add_argument("-q", "--quiet", action="store_true", help="print errors only")


def _add_extraction_options(sub: argparse.ArgumentParser) -> None:
    """--jobs, and --cache or --no-cache (build and extract)."""
    sub.add_argument("--jobs", type=_jobs, default=None, metavar="N",
                     help="extract in N processes (default: the number of cores)")
    caching = sub.add_mutually_exclusive_group()
    caching.add_argument("--cache", type=Path, default=Path(".cache"), metavar="DIR",
                         help="keep extracted facts (and built pages) here and reuse them for unchanged sources "
                              "(and pages) (default .cache/)")
    caching.add_argument("--no-cache", dest="cache", action="store_const", const=None,
                         help="extract every source and build every page; read and write no cache")


def _jobs(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"--jobs takes a whole number of processes, 1 or more (got {text!r})")
    return value


def jobs_of(args: argparse.Namespace) -> int:
    from generator.extract.batch import default_jobs

    return args.jobs or default_jobs()


def configure_logging(verbose: int, quiet: bool) -> None:
    level = logging.ERROR if quiet else (logging.WARNING, logging.INFO, logging.DEBUG)[min(verbose, 2)]
    logging.basicConfig(level=level, format="%(levelname)s: %(message)s", stream=sys.stderr)
    logging.getLogger("generator").setLevel(logging.DEBUG if verbose > 1 else logging.INFO if verbose else logging.WARNING)
    if verbose < 2:
        for noisy in ("mkdocs", "MARKDOWN", "watchdog"):
            logging.getLogger(noisy).setLevel(logging.WARNING if not quiet else logging.ERROR)


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    configure_logging(args.verbose, args.quiet)
    try:
        if args.command == "build":
            return run_build(args)
        if args.command == "extract":
            return run_extract(args)
        return run_serve(args)
    except GeneratorError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("Interrupted.", file=sys.stderr)
        return 130
    except Exception as exc:  # a bug: say so in one line (the traceback with -vv), never a raw traceback
        log.debug("internal error", exc_info=True)
        print(
            f"Error: internal error ({type(exc).__name__}: {exc}). This is a bug in the generator: please report "
            "it with the seeds that caused it (run again with -vv for the traceback).",
            file=sys.stderr,
        )
        return 2


def run_build(args: argparse.Namespace) -> int:
    from generator.pipeline import BuildOptions, build

    options = BuildOptions(
        seeds_dir=args.seeds,
        content_dir=args.content,
        site_dir=args.site,
        model=args.model,
        strict=args.strict,
        build_site=not args.no_site,
        progress=sys.stderr.isatty() and not args.quiet,
        config_file=args.config,
        jobs=jobs_of(args),
        cache_dir=args.cache,
    )
    report = build(options)
    if not args.quiet:
        print(report.summary())
    return 0


def run_extract(args: argparse.Namespace) -> int:
    from generator.errors import StrictError
    from generator.pages.export import facts_json
    from generator.pipeline import collect_warnings, extract_facts, prepare_model

    with collect_warnings() as warnings:
        briefing = extract_facts(args.seeds, prepare_model(args.model), progress=sys.stderr.isatty() and not args.quiet,
                                 jobs=jobs_of(args), cache_dir=args.cache, model=args.model)
    if args.strict and warnings.messages:
        raise StrictError(f"{len(warnings.messages)} warnings with --strict; the first: {warnings.messages[0]}")
    text = json.dumps(facts_json(briefing), ensure_ascii=False, indent=1) + "\n"
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text, encoding="utf-8")
        if not args.quiet:
            print(f"Wrote {args.out}: {plural(len(briefing.sources), 'source')}, "
                  f"{plural(len(briefing.people), 'person', 'people')}, {plural(len(warnings.messages), 'warning')}")
    else:
        sys.stdout.write(text)
    return 0


def run_serve(args: argparse.Namespace) -> int:
    import faulthandler
    import signal

    from generator.serve import serve

    if hasattr(signal, "SIGUSR1"):  # a server that does not stop tells where it waits: kill -USR1 <pid>
        faulthandler.register(signal.SIGUSR1, all_threads=True)

    def ready(url: str) -> None:
        print(f"Serving {args.content} on {url} (regenerated when {args.seeds} changes; Ctrl+C stops)", flush=True)

    serve(args.seeds, args.content, args.config, args.port, args.model, host=args.host, on_ready=ready)
    return 0
