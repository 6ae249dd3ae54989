"""Columns every curated dataset shares: where each row's fact comes from."""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from dashboard.datasets.core import AS_OF, HTTP_URL

#: The earliest date any row may carry (the annual GDP series starts in 2014).
EARLIEST = pd.Timestamp("2014-01-01")
#: Rows describe the world up to the chapter's cut-off.
LATEST = pd.Timestamp(AS_OF)
#: Sources were read for this dashboard, never before the project began.
ACCESSED_FROM = pd.Timestamp("2025-01-01")
ID_PATTERN = r"^[a-z0-9][a-z0-9_]*$"


class SourcedRow(pa.DataFrameModel):
    """Provenance columns shared by every dataset: publisher, title, URL read, date read, note."""

    source_publisher: Series[str]
    source_title: Series[str]
    source_url: Series[str] = pa.Field(str_matches=HTTP_URL)
    source_accessed: Series[pa.DateTime] = pa.Field(ge=ACCESSED_FROM)
    note: Series[str] = pa.Field(nullable=True)

    class Config:
        strict = True
