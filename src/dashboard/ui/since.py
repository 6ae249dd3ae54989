""" "New since a date": on every page, the rows dated (or published) after the reader's day,
counted per dataset and listed compactly with their sources, in the layer shown."""

from __future__ import annotations

from collections.abc import Iterable

import streamlit as st

from dashboard import evidence, filters, selection
from dashboard.datasets import REGISTRY
from dashboard.datasets.cached import load
from dashboard.i18n import format_date, t
from dashboard.state import ViewState
from dashboard.ui.common import panel
from dashboard.ui.sources import package
from dashboard.ui.tables import lazy_expander


def dataset_title(dataset_id: str, language: str) -> str:
    """The dataset's title as the data package gives it, in the reader's language."""
    for resource in package()["resources"]:
        if resource["name"] == dataset_id:
            return str(
                resource.get("x_title_ja", resource["title"])
                if language == "ja"
                else resource["title"]
            )
    return dataset_id


def since_panel(dataset_ids: Iterable[str], state: ViewState, *, key: str) -> None:
    """What is new after ``state.since`` among ``dataset_ids`` (nothing without a "since" day).
    A dataset that fails validation is left out here; its own panel shows the error."""
    if state.since is None:
        return
    language = state.lang
    with panel(language):
        day = format_date(state.since, language)
        counts: list[str] = []
        lines: list[str] = []
        for dataset_id in dataset_ids:
            result = load(dataset_id)
            if not result.ok or result.frame is None:
                continue
            spec = REGISTRY[dataset_id]
            rows = selection.in_layer(spec, result.frame, state.follow_up)
            new = filters.keep(rows, selection.new_since(spec, rows, state.since))
            if new.empty:
                continue
            counts.append(
                t("since.count", language, dataset=dataset_title(dataset_id, language), n=len(new))
            )
            found = evidence.index({dataset_id: new}, language)
            ordered = sorted(
                found.values(), key=lambda item: (item.when is None, item.when), reverse=True
            )
            lines += [f"- {item.footnote(language)}" for item in ordered]
        if not counts:
            key_text = "since.none_latest" if state.follow_up else "since.none_chapter"
            st.info(t(key_text, language, date=day), icon=":material/new_releases:")
            return
        joiner = "、" if language == "ja" else "; "
        st.info(
            t("since.summary", language, date=day, counts=joiner.join(counts)),
            icon=":material/new_releases:",
        )
        with lazy_expander(t("since.list", language, n=len(lines)), key=f"since.{key}") as is_open:
            if is_open:
                st.markdown("\n".join(lines))
