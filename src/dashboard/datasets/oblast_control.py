"""oblast_control: the share of each oblast under Russian control, as each estimator states it
at a date (DeepState, AFP's analysis of ISW data, Reuters, Russia's General Staff, …). Kept apart
by estimator, never averaged; a range where the source gives one. Rows are dated by the moment
they describe and layered by the day they were published: DeepState's figures for the turn of
2025/26, published on 1 January 2026, belong to the follow-up layer."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from dashboard.datasets.oblasts import OBLAST, OBLASTS
from dashboard.datasets.sources import ID_PATTERN, LATEST, PUBLISHED_LATEST, SourcedRow
from dashboard.datasets.spec import Chart, Dataset, Filter, vocabulary
from dashboard.i18n import Lang, format_date
from dashboard.palette import BLACK, BLUE, GREEN, GREY, PURPLE, VERMILLION, YELLOW

ESTIMATOR = vocabulary(
    "estimator",
    ("deepstate", "DeepState（ウクライナの監視団体）", "DeepState (Ukrainian monitoring project)", BLUE),
    ("afp_isw", "AFP（ISWのデータを分析）", "AFP (analysis of ISW data)", VERMILLION),
    ("reuters", "ロイター", "Reuters", GREEN),
    ("ru_general_staff", "ロシア軍参謀本部", "Russia's General Staff", BLACK),
    ("ru_installed_lpr_head", "ロシアが任命した「LPR」首長", "Russian-installed 'LPR' head", PURPLE),
    ("ua_president", "ウクライナ大統領", "Ukraine's president", YELLOW),
    ("us_white_house_map", "ホワイトハウスの地図（米国）", "White House map (US)", GREY),
)  # fmt: skip
ESTIMATORS = ESTIMATOR.values
FIRST = pd.Timestamp("2022-02-24")


class Schema(SourcedRow):
    id: Series[str] = pa.Field(unique=True, str_matches=ID_PATTERN)
    oblast: Series[str] = pa.Field(isin=OBLASTS)
    as_of: Series[pa.DateTime] = pa.Field(le=LATEST)
    published: Series[pa.DateTime] = pa.Field(le=PUBLISHED_LATEST)
    estimator: Series[str] = pa.Field(isin=ESTIMATORS)
    share_pct_low: Series[float] = pa.Field(ge=0, le=100)
    share_pct_high: Series[float] = pa.Field(ge=0, le=100)
    quote: Series[str]

    @pa.dataframe_check(error="share_pct_low is above share_pct_high.")
    @classmethod
    def low_not_above_high(cls, frame):  # type: ignore[no-untyped-def]
        return frame["share_pct_low"] <= frame["share_pct_high"]

    @pa.dataframe_check(error="a figure cannot be published before the moment it describes.")
    @classmethod
    def published_after_as_of(cls, frame):  # type: ignore[no-untyped-def]
        return frame["published"] >= frame["as_of"]


def share_text(low: float, high: float) -> str:
    """``78.1%`` or ``80–81%``."""

    def pct(value: float) -> str:
        return f"{value:g}"

    return f"{pct(low)}%" if low == high else f"{pct(low)}–{pct(high)}%"


def _cite(row: Mapping[str, Any], lang: Lang) -> str:
    oblast, estimator = OBLAST.get(row["oblast"]), ESTIMATOR.get(row["estimator"])
    share = share_text(float(row["share_pct_low"]), float(row["share_pct_high"]))
    when = format_date(row["as_of"], lang)
    where = oblast.label(lang) if oblast else row["oblast"]
    who = estimator.label(lang) if estimator else row["estimator"]
    if lang == "ja":
        return f"{where}：ロシアの支配 {share}（{who}、{when}時点）"
    return f"{where}: {share} under Russian control ({who}, as of {when})"


DATASET = Dataset(
    id="oblast_control",
    schema=Schema,
    date="as_of",
    published="published",
    page="ceasefire",
    order=74,
    vocabularies=(OBLAST, ESTIMATOR),
    filters=(Filter("oc_est", "estimator", ("推計主体（州別支配）", "Estimator (oblast control)")),),
    cite=_cite,
    table=(
        ("oblast", ("州", "Oblast")),
        ("estimator", ("推計主体", "Estimator")),
        ("share_pct_low", ("ロシア支配の割合（下限、%）", "Share under Russian control, low (%)")),
        ("share_pct_high", ("ロシア支配の割合（上限、%）", "Share under Russian control, high (%)")),
        ("as_of", ("時点", "As of")),
        ("published", "table.published"),
    ),
    charts=(
        Chart(
            "oblast_control_map",
            ("州ごとのロシア支配地域の割合（推計主体別、各州の最新の数値）", "Share of each oblast under Russian control (by estimator, each oblast's latest figure)"),
            "maps:control",
            wide=True,
            caption=(
                "各州について、表示期間の終わりまでに各推計主体が示した最新の数値。時点は州と推計主体ごとに異なる。"
                "推計主体ごとに数え方が異なるため、合算も平均もしない。数値のない州は灰色。"
                "クリミア自治共和国とセヴァストーポリ市はウクライナの一部として示す。",
                "Per oblast, each estimator's latest figure up to the end of the dates shown; the "
                "date differs by oblast and estimator. Estimators count differently: never added "
                "or averaged. Grey: no figure. Crimea and Sevastopol are shown as parts of Ukraine.",
            ),
        ),
    ),
)  # fmt: skip
