"""The app's one cache layer: each dataset is read and validated once per server process.

Results (valid frame or problems) are cached, so a rerun after a filter change does no file I/O.
The footnote index is the datasets' rows as citable evidence, and the follow-up layer's reach
the latest day its rows describe: both are loaded here for the same reason.

Both are cached as shared resources, not copied per call: a page draws a dozen panels, and
unpickling a frame for each was a third of its run. Nothing downstream changes a loaded frame
(selection and figure builders slice, sort and assign into new frames).
"""

from __future__ import annotations

from datetime import date

import streamlit as st

from dashboard import evidence, selection
from dashboard.datasets import DATASET_IDS, LoadResult, read
from dashboard.i18n import Lang


@st.cache_resource(show_spinner=False)
def load(dataset_id: str) -> LoadResult:
    """``dashboard.datasets.read`` cached for the life of the server process."""
    return read(dataset_id)


@st.cache_resource(show_spinner=False)
def evidence_index(language: Lang) -> dict[str, evidence.Evidence]:
    """Every valid dataset's rows as footnote evidence, by row id (invalid datasets left out)."""
    frames = {}
    for dataset_id in DATASET_IDS:
        result = load(dataset_id)
        if result.ok and result.frame is not None:
            frames[dataset_id] = result.frame
    return evidence.index(frames, language)


@st.cache_resource(show_spinner=False)
def follow_up_reach() -> date | None:
    """The latest day any row of the follow-up layer describes (over every valid dataset)."""
    frames = {
        dataset_id: result.frame
        for dataset_id in DATASET_IDS
        if (result := load(dataset_id)).ok and result.frame is not None
    }
    return selection.follow_up_latest(frames)
