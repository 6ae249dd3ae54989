"""Command line: ``python -m dashboard validate`` checks every CSV against its schema."""

from __future__ import annotations

import argparse
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="dashboard", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    validate = commands.add_parser("validate", help="check every CSV against its schema")
    validate.add_argument("dataset", nargs="*", help="dataset ids (default: all)")
    validate.add_argument("--data-dir", help="read CSVs from this folder instead of data/")
    validate.set_defaults(run=_validate)
    args = parser.parse_args(argv)
    return int(args.run(args))


if __name__ == "__main__":
    sys.exit(main())
