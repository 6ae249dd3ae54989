"""The app's one cache layer: each dataset is read and validated once per server process.

Results (valid frame or problems) are cached, so a rerun after a filter change does no file I/O.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard.datasets import DatasetInvalid, LoadResult, read


@st.cache_data(show_spinner=False)
def load(dataset_id: str) -> LoadResult:
    """``dashboard.datasets.read`` cached for the life of the server process."""
    return read(dataset_id)


def frame(dataset_id: str) -> pd.DataFrame:
    """The valid frame of a dataset, or ``DatasetInvalid`` carrying its problems."""
    result = load(dataset_id)
    if not result.ok or result.frame is None:
        raise DatasetInvalid(result)
    return result.frame
