"""The overview page's own pieces: the chapter's title block, its argument, key figures."""

from __future__ import annotations

import numpy as np
import pandas as pd
import streamlit as st

from dashboard.chapter import chapter, overview
from dashboard.i18n import Lang, format_date, t
from dashboard.ui.common import as_of, dataset, panel


def title_block(language: Lang) -> None:
    info = chapter()
    st.caption(t("app.companion", language))
    st.title(info.title[language])
    st.markdown(
        t(
            "page.byline",
            language,
            label=info.label[language],
            author=info.author[language],
            affiliation=info.affiliation[language],
            cutoff=format_date(info.cutoff, language),
        )
    )
    st.caption(t("page.publisher", language, publisher=info.publisher[language]))
    st.caption(as_of(language))


def argument(language: Lang) -> None:
    st.subheader(t("page.overview_argument", language))
    st.markdown(overview(language))


def latest_gdp(gdp: pd.DataFrame) -> pd.Series:
    """The most recent measured quarter (forecasts are not 'latest growth')."""
    measured = (gdp["frequency"] == "quarterly").to_numpy() & (
        gdp["estimate_type"] != "forecast"
    ).to_numpy()
    positions = np.flatnonzero(measured)
    newest = positions[np.argmax(gdp["period_start"].to_numpy()[positions])]
    return gdp.iloc[newest]


def eu_packages(sanctions: pd.DataFrame) -> int:
    return int(
        ((sanctions["jurisdiction"] == "EU") & (sanctions["measure_type"] == "package")).sum()
    )


def per_year(milestones: pd.DataFrame) -> pd.Series:
    years, counts = np.unique(milestones["date"].dt.year.to_numpy(), return_counts=True)
    return pd.Series(counts, index=years)


def key_figures(language: Lang) -> None:
    with panel(language):
        columns = st.columns(4)
        gdp = dataset("russian_gdp", language)
        if gdp is not None and len(gdp):
            row = latest_gdp(gdp)
            columns[0].metric(
                t("kpi.gdp", language, period=row["period"]),
                f"{row['real_gdp_growth_pct']:+.1f}%",
                help=f"{row['source_publisher']}: {row['source_title']}",
            )
        rates = dataset("russian_key_rate", language)
        if rates is not None and len(rates):
            last = rates.loc[rates["decision_date"].idxmax()]
            columns[1].metric(
                t("kpi.key_rate", language, date=format_date(last["decision_date"], language)),
                f"{last['key_rate_pct']:g}%",
                delta=f"{last['change_pp']:+g} pp",
                delta_color="off",
                help=f"{last['source_publisher']}: {last['source_title']}",
            )
        sanctions = dataset("sanctions_timeline", language)
        if sanctions is not None:
            columns[2].metric(t("kpi.packages", language), eu_packages(sanctions))
        milestones = dataset("dprk_russia_milestones", language)
        if milestones is not None:
            counts = per_year(milestones)
            text = " / ".join(
                f"{year}年 {count}" if language == "ja" else f"{year}: {count}"
                for year, count in counts.items()
            )
            columns[3].metric(t("kpi.dprk_per_year", language), int(counts.sum()), help=text)
            columns[3].caption(text)
