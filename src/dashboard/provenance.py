"""Where each row's fact comes from, and how strong that source is.

``data/publishers.csv`` is the publisher registry: one row per publisher with the web hosts it
publishes on, its tier and whether it is fit to rest a row on. Every dataset row names its
source's tier (``source_tier``, and ``source_2_tier`` for a second source); validation checks
each against the registry, so an edit cannot slip a weak source back in:

* the host of ``source_url`` must be registered (a sub-domain matches its registered parent);
* the row's tier must be the registry's tier for that host, except a reprint: a row citing
  ``"<Original> via <site>"`` on a host marked ``reprint`` takes the original publisher's tier;
* a row whose only sources are hosts marked ``unfit`` (content farms, unattributed mirrors,
  aggregators, propaganda networks) is rejected.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from dashboard.datasets.core import LoadResult, Problem, read_csv, split_codes
from dashboard.datasets.sources import TIERS
from dashboard.datasets.spec import vocabulary

STATUS = vocabulary(
    "status",
    ("fit", "出典として使用可", "Fit to cite"),
    ("reprint", "転載サイト（原典を明記）", "Reprint site (credits the original)"),
    ("unfit", "単独の出典としては不可", "Unfit as a row's only source"),
)
REGISTRY_FILE = "publishers.csv"
_VIA = re.compile(r"^(?P<original>.+?)\s+via\s+", re.IGNORECASE)
HOST = r"^[a-z0-9.-]+\.[a-z]{2,}$"


class PublisherSchema(pa.DataFrameModel):
    publisher: Series[str] = pa.Field(unique=True)
    hosts: Series[str] = pa.Field(nullable=True)
    tier: Series[str] = pa.Field(isin=TIERS)
    status: Series[str] = pa.Field(isin=STATUS.values)
    note: Series[str] = pa.Field(nullable=True)

    class Config:
        strict = True


@dataclass(frozen=True)
class Publisher:
    name: str
    tier: str
    status: str


@dataclass(frozen=True)
class Registry:
    """The publisher registry: host -> publisher, and publishers by name."""

    by_host: dict[str, Publisher]
    by_name: dict[str, Publisher]

    def for_url(self, url: str) -> tuple[str, Publisher | None]:
        """The URL's host (without ``www.``) and its registered publisher, if any."""
        host = host_of(url)
        parts = host.split(".")
        for start in range(len(parts) - 1):
            found = self.by_host.get(".".join(parts[start:]))
            if found is not None:
                return host, found
        return host, None

    def expected_tier(self, publisher_text: str, url: str) -> tuple[str, Publisher | None, str]:
        """The tier a source must carry, the publisher it was judged by, and the host."""
        host, found = self.for_url(url)
        if found is None:
            return "", None, host
        match = _VIA.match(publisher_text or "")
        if found.status == "reprint" and match:
            original = self.by_name.get(match.group("original").strip())
            if original is not None:
                return original.tier, original, host
        return found.tier, found, host


def host_of(url: str) -> str:
    host = (urlsplit(str(url)).hostname or "").lower().rstrip(".")
    return host.removeprefix("www.")


def read_registry(path: Path, display_path: str) -> tuple[Registry | None, LoadResult]:
    """Validate the registry file; a registry, or ``None`` with the file's problems."""
    result = read_csv(path, PublisherSchema, display_path=display_path)
    if not result.ok or result.frame is None:
        return None, result
    problems: list[Problem] = []
    by_host: dict[str, Publisher] = {}
    by_name: dict[str, Publisher] = {}
    for number, row in enumerate(result.frame.itertuples(index=False), start=2):
        publisher = Publisher(str(row.publisher), str(row.tier), str(row.status))
        by_name[publisher.name] = publisher
        for host in split_codes(row.hosts):
            if not re.match(HOST, host):
                problems.append(
                    Problem(
                        display_path,
                        "is not a host name (e.g. reuters.com).",
                        number,
                        "hosts",
                        host,
                    )
                )
            elif host in by_host:
                problems.append(
                    Problem(
                        display_path,
                        f"is listed twice (also for {by_host[host].name}).",
                        number,
                        "hosts",
                        host,
                    )
                )
            else:
                by_host[host] = publisher
    if problems:
        return None, LoadResult(result.dataset_id, display_path, None, tuple(problems))
    return Registry(by_host, by_name), result


@lru_cache(maxsize=8)
def _cached_registry(
    path: str, mtime: float, display_path: str
) -> tuple[Registry | None, LoadResult]:
    return read_registry(Path(path), display_path)


def registry(path: Path, display_path: str) -> tuple[Registry | None, LoadResult]:
    """The registry at ``path``, read once per file version."""
    mtime = path.stat().st_mtime if path.exists() else -1.0
    return _cached_registry(str(path), mtime, display_path)


SOURCES = (
    ("source_publisher", "source_url", "source_tier"),
    ("source_2_publisher", "source_2_url", "source_2_tier"),
)


def check_rows(
    frame: pd.DataFrame,
    lines: list[int],
    shown: str,
    publishers: Registry,
    registry_path: str,
) -> list[Problem]:
    """Each row's source tiers against the registry; rows resting only on unfit sources."""
    problems: list[Problem] = []
    columns = [group for group in SOURCES if all(name in frame.columns for name in group)]
    records: Iterable[dict[str, object]] = frame[[c for g in columns for c in g]].to_dict("records")
    for position, record in enumerate(records):
        line = lines[position]
        fit_sources = 0
        for publisher_column, url_column, tier_column in columns:
            url = record[url_column]
            if url is None or url is pd.NA or (isinstance(url, float) and url != url):
                continue
            tier = str(record[tier_column])
            expected, judged, host = publishers.expected_tier(
                str(record[publisher_column]), str(url)
            )
            if judged is None:
                problems.append(
                    Problem(
                        shown,
                        f"is not a host of any publisher in {registry_path}; add it there with "
                        "its publisher, tier and status.",
                        line,
                        url_column,
                        host,
                    )
                )
                continue
            if tier != expected:
                problems.append(
                    Problem(
                        shown,
                        f"disagrees with {registry_path}, where {host} ({judged.name}) is "
                        f"tier {expected!r}.",
                        line,
                        tier_column,
                        tier,
                    )
                )
            _, site = publishers.for_url(str(url))
            if site is not None and site.status != "unfit":
                fit_sources += 1
        if columns and fit_sources == 0 and not _all_missing(record, columns):
            problems.append(
                Problem(
                    shown,
                    f"rests only on sources marked unfit in {registry_path} (content farm, "
                    "mirror, aggregator or propaganda network); cite the official page or an "
                    "agency's own copy.",
                    line,
                    "source_url",
                    str(record["source_url"]),
                )
            )
    return problems


def _all_missing(record: dict[str, object], columns: list[tuple[str, str, str]]) -> bool:
    return all(record[url] in (None, "") for _, url, _ in columns)
