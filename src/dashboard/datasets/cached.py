"""The app's one cache layer: each dataset is read and validated once per server process.

Results (valid frame or problems) are cached, so a rerun after a filter change does no file I/O.
"""

from __future__ import annotations

import streamlit as st

from dashboard.datasets import LoadResult, read


@st.cache_data(show_spinner=False)
def load(dataset_id: str) -> LoadResult:
    """``dashboard.datasets.read`` cached for the life of the server process."""
    return read(dataset_id)
