"""Command line.

``python -m dashboard validate`` checks every CSV against its schema.
``python -m dashboard export --lang en --out briefing.pptx`` writes the briefing deck
(``.pptx``), handout (``.pdf``) or self-contained HTML briefing (``.html``): the default slide
list, or ``--slides KEY,KEY,…`` (``--list-slides`` names them), each over its own window unless
``--mine`` draws every slide with ``--from``/``--to`` and the filters.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable
from functools import partial
from pathlib import Path

from dashboard.datasets.core import Problem


def _validate(args: argparse.Namespace) -> int:
    """Every file: the publisher registry, each dataset, the claims table against the datasets
    and the proofread text. Prints every problem with file, line and column; warnings (facts
    or assessments without evidence, with their reason) do not fail."""
    from dashboard import chapter, claims, provenance, selection
    from dashboard.datasets import DATASET_IDS, REGISTRY, _display, read
    from dashboard.paths import DATA_DIR

    chosen = args.dataset or list(DATASET_IDS)
    unknown = [name for name in chosen if name not in DATASET_IDS]
    if unknown:
        print(
            "Unknown dataset: " + ", ".join(unknown) + ". Known: " + ", ".join(DATASET_IDS) + ".",
            file=sys.stderr,
        )
        return 2
    folder = Path(args.data_dir) if args.data_dir else DATA_DIR
    failed: list[str] = []

    def report(path: str, problems: tuple[Problem, ...] | list[Problem], what: str) -> None:
        if problems:
            failed.append(path)
            print(f"ERROR  {path}  ({len(problems)} problem(s))")
            for problem in problems:
                print(f"  - {problem}")
        else:
            print(f"ok     {path}  ({what})")

    registry_file = folder / provenance.REGISTRY_FILE
    publishers, registry = provenance.read_registry(registry_file, _display(registry_file))
    report(
        registry.path,
        registry.problems,
        f"{len(publishers.by_name) if publishers else 0} publishers",
    )
    row_ids: dict[str, str] = {}
    late: set[str] = set()
    for dataset_id in chosen:
        result = read(dataset_id, folder / f"{dataset_id}.csv")
        rows = 0 if result.frame is None else len(result.frame)
        report(result.path, result.problems, f"{rows} rows")
        if result.frame is not None:
            row_ids.update({str(row_id): dataset_id for row_id in result.frame["id"]})
            after = selection.after_cutoff(REGISTRY[dataset_id], result.frame)
            late.update(str(row_id) for row_id in result.frame["id"][after])
    if not args.dataset:  # the claims cite rows of every dataset
        found, loaded = claims.read(folder / claims.FILE)
        problems = list(loaded.problems)
        warnings: list[Problem] = []
        if found:
            proofread = {section: chapter.unmarked(section) for section in claims.SECTIONS}
            errors, warnings = claims.check(found, row_ids, proofread, loaded.path, late)
            if failed:  # ids of a dataset that did not load cannot be told from unknown ids
                errors = [e for e in errors if e.column not in ("evidence", "status_evidence")]
                print("  (evidence ids not checked: fix the datasets above first)")
            problems += errors
        report(loaded.path, problems, f"{len(found)} claims")
        for warning in warnings:
            print(f"  warning: {warning}")
        for section in claims.SECTIONS:
            try:
                chapter.paragraphs(section, "ja")
            except chapter.NarrativeMismatch as exc:
                report(f"src/dashboard/narrative/{section}.ja.md", [Problem(section, str(exc))], "")
    if failed:
        print(f"\n{len(failed)} file(s) have problems; fix them and run again.")
        return 1
    print(f"\nAll files are valid ({len(chosen)} datasets).")
    return 0


def _package(args: argparse.Namespace) -> int:
    from dashboard import package

    return package.main(check=args.check)


#: Notices about arguments the export cannot honour as asked: writing anything would misstate
#: what the user asked for, so nothing is written. Others (a date outside the data, reversed
#: dates, an over-long search) are reported and the export goes on, as the pages do.
FATAL_NOTICES = frozenset(
    {
        "notice.bad_lang",
        "notice.bad_date",
        "notice.unknown_codes",
        "notice.too_long",
        "notice.no_slides",
        "notice.slide_needs_layer",
    }
)
FORMATS = {".pptx": "pptx", ".pdf": "pdf", ".html": "html", ".htm": "html"}


def _export(args: argparse.Namespace) -> int:
    from dashboard.briefing import (
        ChartRenderingUnavailable,
        FontUnavailable,
        build_deck,
        build_handout,
        build_html,
    )

    if args.list_slides:
        return _list_slides()
    from dashboard.i18n import t
    from dashboard.slides import load_frames
    from dashboard.state import parse
    from dashboard.views import BRIEFING

    # The browser driver logs its own warnings when Chromium fails (and, now and then, a
    # harmless unreadable message as it closes); the export says what matters plainly.
    logging.getLogger("choreographer").setLevel(logging.CRITICAL)
    params = {
        "lang": args.lang,
        "from": args.start,
        "to": args.end,
        "q": args.q,
        "asof": args.asof,
        "since": args.since,
        "slides": args.slides,
        "footer": args.footer,
        "date": args.date,
    }
    if args.mine:
        params["mine"] = "1"
    params |= {spec.param: getattr(args, spec.param) for spec in BRIEFING.filters}
    if args.japan:
        params["japan"] = "1"
    state, notices = parse({k: v for k, v in params.items() if v is not None}, BRIEFING)
    fatal = False
    for notice in notices:
        fatal |= notice.reason in FATAL_NOTICES
        text = t(
            notice.reason,
            state.lang,
            param=notice.param,
            value=notice.value,
            fallback=notice.fallback,
        )
        print(f"{'error' if notice.reason in FATAL_NOTICES else 'note'}: {text}", file=sys.stderr)

    if not args.out:
        print("error: --out FILE is required (.pptx, .pdf or .html).", file=sys.stderr)
        return 2
    out = Path(args.out)
    fmt = args.format or FORMATS.get(out.suffix.lower())
    if fmt is None:
        print(
            f"error: cannot tell the format from {out.name!r}; name the file .pptx, .pdf or "
            ".html, or pass --format pptx|pdf|html.",
            file=sys.stderr,
        )
        fatal = True
    if not out.parent.is_dir():
        print(f"error: the folder {out.parent} does not exist.", file=sys.stderr)
        fatal = True
    if fatal:
        print("Nothing was written: correct the arguments above and run again.", file=sys.stderr)
        return 2

    template = None
    if args.template:
        if fmt != "pptx":
            print("note: --template applies to the deck (.pptx) only; ignored.", file=sys.stderr)
        else:
            path = Path(args.template)
            try:
                template = path.read_bytes()
            except OSError as exc:
                print(
                    f"warning: cannot read the template {path} ({exc.strerror}); "
                    "using the built-in theme.",
                    file=sys.stderr,
                )

    frames, problems = load_frames()
    if problems:
        for dataset_id, messages in problems.items():
            print(f"error: {dataset_id}: {len(messages)} problem(s)", file=sys.stderr)
            for message in messages[:5]:
                print(f"  - {message}", file=sys.stderr)
        print(
            "Nothing was written: fix the data (see `python -m dashboard validate`).",
            file=sys.stderr,
        )
        return 1

    template_problems: list[str] = []
    build: Callable[..., bytes]
    if fmt == "html":
        data = build_html(state, state.lang, frames)
    else:
        if fmt == "pptx":
            build = partial(build_deck, template=template, problems=template_problems)
        else:
            build = build_handout
        try:
            try:
                data = build(state, state.lang, frames)
            except ChartRenderingUnavailable as exc:
                print(f"warning: {exc}", file=sys.stderr)
                print("warning: writing it without chart pictures.", file=sys.stderr)
                data = build(state, state.lang, frames, with_charts=False)
        except FontUnavailable as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 1
    for problem in dict.fromkeys(template_problems):
        print(
            f"warning: the template {args.template} cannot be used: {problem}; "
            "the deck uses the built-in theme.",
            file=sys.stderr,
        )
    pending = out.with_name(out.name + ".partial")
    pending.write_bytes(data)
    pending.replace(out)
    print(f"Wrote {out} ({fmt}, {len(data) // 1024} KiB).")
    return 0


def _list_slides() -> int:
    """Every slide key, what it shows, and whether the default list holds it."""
    from dashboard import slides

    for key, spec in slides.CATALOGUE.items():
        mark = "*" if key in slides.DEFAULT_DECK else ("+" if key in slides.FOLLOW_UP_DECK else " ")
        print(f"{mark} {key:<24} {spec.title('en')}")
    print("\n* in the default list; + added with --asof latest.")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="dashboard", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    validate = commands.add_parser("validate", help="check every CSV against its schema")
    validate.add_argument("dataset", nargs="*", help="dataset ids (default: all)")
    validate.add_argument("--data-dir", help="read CSVs from this folder instead of data/")
    validate.set_defaults(run=_validate)
    pack = commands.add_parser(
        "package", help="derive data/datapackage.json's fields and sources from the schemas"
    )
    pack.add_argument("--check", action="store_true", help="fail if the package is out of date")
    pack.set_defaults(run=_package)

    export = commands.add_parser(
        "export",
        help="write the briefing deck (.pptx) or handout (.pdf)",
        description="Write the briefing for a date range and filters. Codes are the ones the "
        "dashboard's URLs use, several separated by commas. Without Chromium the file is "
        "written without chart pictures (with a warning).",
    )
    export.add_argument("--out", help="the file to write (.pptx, .pdf or .html)")
    export.add_argument("--format", choices=("pptx", "pdf", "html"), help="default: from --out")
    export.add_argument(
        "--slides",
        metavar="KEY,KEY,…",
        help="the slides, in order (default: the briefing's list; see --list-slides)",
    )
    export.add_argument("--list-slides", action="store_true", help="print every slide key and exit")
    export.add_argument(
        "--mine",
        action="store_true",
        help="draw every slide with --from/--to and the filters, not its own window",
    )
    export.add_argument("--template", metavar="FILE.pptx", help="build the deck on this template")
    export.add_argument("--footer", metavar="TEXT", help="a marking on every slide, e.g. 取扱注意")
    export.add_argument("--date", metavar="YYYY-MM-DD", help="the briefing's date")
    export.add_argument("--lang", help="ja (default) or en")
    export.add_argument("--from", dest="start", metavar="YYYY-MM-DD", help="first day")
    export.add_argument("--to", dest="end", metavar="YYYY-MM-DD", help="last day")
    from dashboard.views import BRIEFING

    for spec in BRIEFING.filters:  # one option per URL filter of any dataset
        export.add_argument(
            f"--{spec.param}",
            dest=spec.param,
            help=f"{spec.label[1]}: codes separated by commas, e.g. {','.join(spec.codes[:2])}",
        )
    export.add_argument("--q", help="search text (titles and summaries, Japanese or English)")
    export.add_argument(
        "--asof",
        metavar="chapter|latest",
        help="chapter (default): the chapter as of its cut-off; latest: with the editors' "
        "follow-up layer after it and the chapter's forecasts checked",
    )
    export.add_argument(
        "--since", metavar="YYYY-MM-DD", help="count and list what is new after this day"
    )
    export.add_argument(
        "--japan", action="store_true", help="the Japan view: Japan beside the G7, the EU, the US"
    )
    export.set_defaults(run=_export)
    args = parser.parse_args(argv)
    return int(args.run(args))


if __name__ == "__main__":
    sys.exit(main())
