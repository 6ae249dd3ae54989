"""Command line.

``python -m dashboard validate`` checks every CSV against its schema.
``python -m dashboard export --lang en --from 2025-01-01 --to 2025-12-31 --out briefing.pptx``
writes the briefing deck (``.pptx``) or handout (``.pdf``) for those dates and filters.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path


def _validate(args: argparse.Namespace) -> int:
    from dashboard.datasets import DATASET_IDS, read

    chosen = args.dataset or list(DATASET_IDS)
    unknown = [name for name in chosen if name not in DATASET_IDS]
    if unknown:
        print(
            "Unknown dataset: " + ", ".join(unknown) + ". Known: " + ", ".join(DATASET_IDS) + ".",
            file=sys.stderr,
        )
        return 2
    failed = 0
    for dataset_id in chosen:
        path = Path(args.data_dir) / f"{dataset_id}.csv" if args.data_dir else None
        result = read(dataset_id, path)
        if result.ok and result.frame is not None:
            print(f"ok     {result.path}  ({len(result.frame)} rows)")
            continue
        failed += 1
        print(f"ERROR  {result.path}  ({len(result.problems)} problem(s))")
        for problem in result.problems:
            print(f"  - {problem}")
    if failed:
        print(f"\n{failed} of {len(chosen)} dataset(s) have problems; fix them and run again.")
        return 1
    print(f"\nAll {len(chosen)} datasets are valid.")
    return 0


#: Notices about arguments the export cannot honour as asked: writing anything would misstate
#: what the user asked for, so nothing is written. Others (a date outside the data, reversed
#: dates, an over-long search) are reported and the export goes on, as the pages do.
FATAL_NOTICES = frozenset(
    {"notice.bad_lang", "notice.bad_date", "notice.unknown_codes", "notice.too_long"}
)
EXPORT_FILTERS = ("jur", "type", "domain", "party", "event")
FORMATS = {".pptx": "pptx", ".pdf": "pdf"}


def _export(args: argparse.Namespace) -> int:
    from dashboard.briefing import (
        ChartRenderingUnavailable,
        FontUnavailable,
        build_deck,
        build_handout,
    )
    from dashboard.i18n import t
    from dashboard.slides import load_frames
    from dashboard.state import parse
    from dashboard.views import BRIEFING

    # The browser driver logs its own warnings when Chromium fails (and, now and then, a
    # harmless unreadable message as it closes); the export says what matters plainly.
    logging.getLogger("choreographer").setLevel(logging.CRITICAL)
    params = {"lang": args.lang, "from": args.start, "to": args.end, "q": args.q}
    params |= {name: getattr(args, name) for name in EXPORT_FILTERS}
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

    out = Path(args.out)
    fmt = args.format or FORMATS.get(out.suffix.lower())
    if fmt is None:
        print(
            f"error: cannot tell the format from {out.name!r}; name the file .pptx or .pdf, "
            "or pass --format pptx|pdf.",
            file=sys.stderr,
        )
        fatal = True
    if not out.parent.is_dir():
        print(f"error: the folder {out.parent} does not exist.", file=sys.stderr)
        fatal = True
    if fatal:
        print("Nothing was written: correct the arguments above and run again.", file=sys.stderr)
        return 2

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

    build = build_deck if fmt == "pptx" else build_handout
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
    partial = out.with_name(out.name + ".partial")
    partial.write_bytes(data)
    partial.replace(out)
    print(f"Wrote {out} ({fmt}, {len(data) // 1024} KiB).")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="dashboard", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    validate = commands.add_parser("validate", help="check every CSV against its schema")
    validate.add_argument("dataset", nargs="*", help="dataset ids (default: all)")
    validate.add_argument("--data-dir", help="read CSVs from this folder instead of data/")
    validate.set_defaults(run=_validate)

    export = commands.add_parser(
        "export",
        help="write the briefing deck (.pptx) or handout (.pdf)",
        description="Write the briefing for a date range and filters. Codes are the ones the "
        "dashboard's URLs use, several separated by commas. Without Chromium the file is "
        "written without chart pictures (with a warning).",
    )
    export.add_argument("--out", required=True, help="the file to write (.pptx or .pdf)")
    export.add_argument("--format", choices=("pptx", "pdf"), help="default: from --out")
    export.add_argument("--lang", help="ja (default) or en")
    export.add_argument("--from", dest="start", metavar="YYYY-MM-DD", help="first day")
    export.add_argument("--to", dest="end", metavar="YYYY-MM-DD", help="last day")
    export.add_argument("--jur", help="sanctions jurisdictions, e.g. EU,US")
    export.add_argument("--type", help="sanctions measure types, e.g. package,price_cap")
    export.add_argument("--domain", help="Russia–DPRK domains, e.g. military")
    export.add_argument("--party", help="negotiation parties, e.g. US,RU")
    export.add_argument("--event", help="negotiation event types, e.g. summit,talks")
    export.add_argument("--q", help="search text (titles and summaries, Japanese or English)")
    export.set_defaults(run=_export)
    args = parser.parse_args(argv)
    return int(args.run(args))


if __name__ == "__main__":
    sys.exit(main())
