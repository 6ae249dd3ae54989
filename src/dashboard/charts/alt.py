"""Text alternatives of the charts: one or two sentences said from the rows a chart shows.

A screen reader, a deck's picture and a handout's image all need to say what the chart shows,
not only its title. Each builder has a describer here, keyed like the builder
(``"module:function"``), called with the same selected rows, language and options; the
sentences name the series and their first and last (or highest) values, or the events by
category and the latest one. Pure: no Streamlit, no plotly.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import pandas as pd

from dashboard import events
from dashboard.i18n import Lang, format_date, label, number, period_label

Describer = Callable[..., str]


def _join(parts: list[str], lang: Lang) -> str:
    return ("、" if lang == "ja" else ", ").join(parts)


def _sentence(text: str, lang: Lang) -> str:
    text = text.strip()
    if not text:
        return ""
    return text if text.endswith(("。", ".")) else text + ("。" if lang == "ja" else ".")


def _sentences(parts: list[str], lang: Lang) -> str:
    """Clauses said one after another: sentences in Japanese, a list in English."""
    return _sentence(("。" if lang == "ja" else "; ").join(parts), lang)


def _path(first: tuple[str, str], last: tuple[str, str], lang: Lang) -> str:
    """``2022年 −1.2%から2024年 4.3%へ`` / ``from −1.2% in 2022 to 4.3% in 2024``."""
    if first == last:
        return f"{first[0]} {first[1]}" if lang == "ja" else f"{first[1]} in {first[0]}"
    if lang == "ja":
        return f"{first[0]} {first[1]}から{last[0]} {last[1]}へ"
    return f"from {first[1]} in {first[0]} to {last[1]} in {last[0]}"


def _pct(value: float) -> str:
    return f"{value:+.1f}%".replace("-", "−")


# Events -------------------------------------------------------------------------------------


def timeline_events(
    rows: pd.DataFrame,
    lang: Lang,
    *,
    dataset: Any,
    group: str | None = None,
    field: str | None = None,
    **_: Any,
) -> str:
    """How many events, by category (most first), over which dates, and the latest one."""
    group = group or field
    shown = events.of(dataset.id, rows, lang, group)
    return events_sentence(shown, group or (dataset.events.group if dataset.events else ""), lang)


def events_sentence(shown: pd.DataFrame, field: str, lang: Lang, column: str = "group") -> str:
    """Events (``dashboard.events`` columns) by their ``column`` codes of ``field``, most first,
    the dates they span and the latest one."""
    if shown.empty:
        return ""
    counts = shown[column].astype(str).value_counts()
    named = [
        f"{label(field, code, lang)} {count}件"
        if lang == "ja"
        else f"{label(field, code, lang)} {count}"
        for code, count in counts.iloc[:4].items()
    ]
    rest = int(counts.iloc[4:].sum())
    if rest:
        named.append(f"ほか{rest}件" if lang == "ja" else f"{rest} more")
    first, last = shown["date"].min(), shown["date"].max()
    latest = shown.sort_values(["date", "id"]).iloc[-1]
    if lang == "ja":
        return (
            f"{format_date(first, lang)}から{format_date(last, lang)}までの{len(shown)}件"
            f"（{_join(named, lang)}）。最新は{format_date(latest['date'], lang)}の"
            f"「{latest['title']}」。"
        )
    return (
        f"{len(shown)} entries from {format_date(first, lang)} to {format_date(last, lang)} "
        f"({_join(named, lang)}). The latest, on {format_date(latest['date'], lang)}: "
        f"“{latest['title']}”."
    )


def sanctions_listings(rows: pd.DataFrame, lang: Lang, **_: Any) -> str:
    """Listings added per EU package: how many packages have a sourced count, and the largest."""
    from dashboard.charts.sanctions import _package

    numbered = rows.assign(number=[_package(i) for i in rows["id"]]).dropna(subset=["number"])
    known = numbered.dropna(subset=["listings_added"])
    if known.empty:
        return ""
    top = known.sort_values("listings_added").iloc[-1]
    package = int(top["number"])
    if lang == "ja":
        return (
            f"EUの制裁パッケージ{len(numbered)}件のうち{len(known)}件で追加指定数が出典で確認でき、"
            f"最多は第{package}次の{int(top['listings_added']):,}件。"
        )
    return (
        f"Of {len(numbered)} EU packages, {len(known)} have a sourced count of listings added; "
        f"the most, {int(top['listings_added']):,}, came with package {package}."
    )


# Figures ------------------------------------------------------------------------------------


def gdp_growth(rows: pd.DataFrame, lang: Lang, **_: Any) -> str:
    from dashboard.datasets.russian_gdp import rosstat_outturns

    rosstat = rosstat_outturns(rows)
    parts = []
    for frequency, ja, en in (
        (
            "annual",
            "ロススタットの実質GDP成長率（年次）は",
            "Rosstat's real GDP growth (annual) went ",
        ),
        ("quarterly", "四半期（前年同期比）は", "quarterly (y/y) "),
    ):
        mine = rosstat[rosstat["frequency"] == frequency].sort_values("period_start")
        if mine.empty:
            continue
        ends = [
            (period_label(p, lang), _pct(v))
            for p, v in zip(
                mine["period"].iloc[[0, -1]], mine["real_gdp_growth_pct"].iloc[[0, -1]], strict=True
            )
        ]
        parts.append((ja if lang == "ja" else en) + _path(ends[0], ends[1], lang))
    forecasts = rows[rows["estimate_type"] == "forecast"]
    text = _sentence(_join(parts, lang), lang)
    if len(forecasts):
        low, high = forecasts["real_gdp_growth_pct"].min(), forecasts["real_gdp_growth_pct"].max()
        span = _pct(low) if low == high else f"{_pct(low)}〜{_pct(high)}"
        if lang == "en":
            span = _pct(low) if low == high else f"{_pct(low)} to {_pct(high)}"
        periods = _join(sorted({period_label(p, lang) for p in forecasts["period"]}), lang)
        text += (
            f"{periods}の予測は{span}（{len(forecasts)}件、予測は白抜きの記号）。"
            if lang == "ja"
            else f" Forecasts for {periods}: {span} ({len(forecasts)}, drawn as open markers)."
        )
    return text


def key_rate_path(rows: pd.DataFrame, lang: Lang, **_: Any) -> str:
    path = rows.sort_values("decision_date")
    if path.empty:
        return ""
    first, last = path.iloc[0], path.iloc[-1]
    peak = path.sort_values(["key_rate_pct", "decision_date"]).iloc[-1]
    day = lambda row: format_date(row["decision_date"], lang)  # noqa: E731
    rate = lambda row: f"{row['key_rate_pct']:g}%"  # noqa: E731
    if lang == "ja":
        return (
            f"ロシア中央銀行の政策金利は{day(first)}の決定で{rate(first)}、"
            f"最高は{day(peak)}の{rate(peak)}、{day(last)}の決定で{rate(last)}"
            f"（{len(path)}回の決定）。"
        )
    return (
        f"The Bank of Russia's key rate: {rate(first)} after the decision of {day(first)}, "
        f"highest at {rate(peak)} ({day(peak)}), {rate(last)} after {day(last)} "
        f"({len(path)} decisions)."
    )


def economy_panels(
    rows: pd.DataFrame, lang: Lang, *, kinds: Mapping[str, tuple[str, ...]] | None = None, **_: Any
) -> str:
    from dashboard.charts.economy import _panels

    kind_words = {
        "annual": ("通年", "full years"),
        "same_months": ("同じ月の比較", "same months"),
        "monthly": ("月次", "by month"),
    }
    parts = []
    for code, kind, group in _panels(rows, kinds):
        path = _first_to_last(group, str(group["unit"].iloc[0]), lang)
        words = kind_words[kind][0 if lang == "ja" else 1]
        name = label("indicator", code, lang)
        parts.append(f"{name}（{words}）は{path}" if lang == "ja" else f"{name} ({words}) {path}")
    return _sentences(parts, lang)


def _first_to_last(rows: pd.DataFrame, unit: str, lang: Lang) -> str:
    """The first and the last period's ``value`` of ``rows``, in period order."""
    ordered = rows.sort_values("period_start")
    first, last = (
        (
            period_label(ordered["period"].iloc[i], lang),
            number(ordered["value"].iloc[i], unit, lang),
        )
        for i in (0, -1)
    )
    return _path(first, last, lang)


def partners_overview(rows: pd.DataFrame, lang: Lang, **_: Any) -> str:
    parts = []
    trade = rows[(rows["series"] == "trade_turnover") & (rows["partner"] == "CN")]
    for series, unit, ja, en in (
        (
            trade[trade["frequency"] == "annual"],
            "usd_bn",
            "中露貿易総額（通年）は",
            "China–Russia trade (full years) ",
        ),
        (
            rows[(rows["series"] == "crude_imports") & (rows["partner"] == "IN")],
            "mbd",
            "インドのロシア産原油輸入は",
            "India's imports of Russian crude ",
        ),
    ):
        if len(series):
            parts.append((ja if lang == "ja" else en) + _first_to_last(series, unit, lang))
    fleet = rows[rows["series"] == "shadow_fleet_vessels"].sort_values("period_start")
    for partner in ("EU", "UK"):
        mine = fleet[fleet["partner"] == partner]
        if len(mine):
            last = mine.iloc[-1]
            who = label("partner", partner, lang)
            parts.append(
                f"{who}が制裁指定した影の船団は{format_date(last['period_start'], lang)}時点で"
                f"{int(last['value'])}隻"
                if lang == "ja"
                else f"{who} had listed {int(last['value'])} shadow-fleet vessels by "
                f"{format_date(last['period_start'], lang)}"
            )
    return _sentences(parts, lang)


def territory_gains(rows: pd.DataFrame, lang: Lang, **_: Any) -> str:
    """The largest monthly gain by the two estimators with the most months, and the latest
    share under Russian control (estimators kept apart, never averaged)."""
    parts = []
    gains = rows[rows["measure"] == "net_gain_km2"]
    busiest = gains["estimator"].astype(str).value_counts().index[:2]
    for code in busiest:
        mine = gains[gains["estimator"].astype(str) == code]
        who = label("estimator", code, lang)
        top = mine.sort_values(["value", "period_start"]).iloc[-1]
        months = len(mine)
        parts.append(
            f"{who}の推計では月間の純増面積の最大は{period_label(top['period'], lang)}の"
            f"{number(top['value'], 'km2', lang)}（{months}か月分）"
            if lang == "ja"
            else f"{who}: largest monthly net gain {number(top['value'], 'km2', lang)} in "
            f"{period_label(top['period'], lang)} ({months} months)"
        )
    shares = rows[rows["measure"] == "controlled_share_pct"].sort_values("period_end")
    if len(shares):
        last = shares.iloc[-1]
        who = label("estimator", last["estimator"], lang)
        parts.append(
            f"ロシア支配地域の割合は{format_date(last['period_end'], lang)}時点で"
            f"{last['value']:g}%（{who}）"
            if lang == "ja"
            else f"share under Russian control {last['value']:g}% on "
            f"{format_date(last['period_end'], lang)} ({who})"
        )
    return _sentences(parts, lang)


def support_allocations(rows: pd.DataFrame, lang: Lang, **_: Any) -> str:
    from dashboard.charts.support import cumulative_allocations

    kiel = cumulative_allocations(rows)
    kiel = kiel[kiel["aid_type"] == "total"]
    parts = []
    for donor in ("europe", "us"):
        mine = kiel[kiel["donor"] == donor].sort_values("period_end")
        if len(mine):
            last = mine.iloc[-1]
            who = label("donor", donor, lang)
            parts.append(
                f"{who}{number(last['value'], 'eur_bn', lang)}"
                if lang == "ja"
                else f"{who} {number(last['value'], 'eur_bn', lang)}"
            )
    decisions = int((rows["kind"] == "decision").sum())
    if not parts and not decisions:
        return ""
    last_day = kiel["period_end"].max() if len(kiel) else None
    if lang == "ja":
        text = (
            f"キール研究所によると{format_date(last_day, lang)}までの累計配分額は"
            f"{_join(parts, lang)}。"
            if parts
            else ""
        )
        return text + (
            f"支援の停止・再開と資金調達の決定{decisions}件を下段に示す。" if decisions else ""
        )
    text = (
        f"Cumulative aid allocated to {format_date(last_day, lang)}, by the Kiel Institute: "
        f"{_join(parts, lang)}."
        if parts
        else ""
    )
    return (
        text
        + (
            f" Below: {decisions} decisions to pause, resume or finance support."
            if decisions
            else ""
        )
    ).strip()


def personnel_estimates(rows: pd.DataFrame, lang: Lang, **_: Any) -> str:
    """Per kind of figure: how many estimates, and the highest with who gave it (estimates of
    different scope are not turned into a range)."""
    parts = []
    for kind in ("troops_deployed", "casualties_total", "killed"):
        mine = rows[rows["kind"] == kind]
        if mine.empty:
            continue
        highest = mine.assign(top=mine[["value_low", "value_high"]].max(axis=1)).dropna(
            subset=["top"]
        )
        if highest.empty:
            continue
        top = highest.sort_values(["top", "as_of"]).iloc[-1]
        name = label("kind", kind, lang)
        who = label("estimator", top["estimator"], lang)
        when = format_date(top["as_of"], lang)
        parts.append(
            f"{name}の推計{len(mine)}件、最大は{who}の{int(top['top']):,}人（{when}）"
            if lang == "ja"
            else f"{name}: {len(mine)} estimates, the highest {int(top['top']):,} ({who}, {when})"
        )
    text = ("。" if lang == "ja" else "; ").join(parts)
    if text:
        text += (
            "。推計主体ごとに記号を分け、下限値（以上）は白抜き"
            if lang == "ja"
            else "; each estimator has its own symbol, lower bounds are open"
        )
    return _sentence(text, lang)


def japan_amounts(rows: pd.DataFrame, lang: Lang, **_: Any) -> str:
    from dashboard.charts.japan import SCALE, UNITS

    priced = rows[rows["amount_millions"].notna()].sort_values("date")
    if priced.empty:
        return ""

    def amount(row: Any) -> str:
        value = row["amount_millions"] / SCALE[lang]
        unit = UNITS[(str(row["currency"]), lang)]
        return f"{value:,.0f}{unit}" if lang == "ja" else f"{value:,.1f} {unit}"

    totals = priced[priced["amount_kind"] == "cumulative_total"]
    singles = priced[priced["amount_kind"] != "cumulative_total"]
    names = {
        "USD": ("米ドル建て", "in US dollars"),
        "JPY": ("円建て", "in yen"),
        "EUR": ("ユーロ建て", "in euros"),
    }
    parts = []
    for currency in ("USD", "JPY", "EUR"):  # amounts are compared within a currency only
        mine = singles[singles["currency"] == currency]
        if mine.empty:
            continue
        top = mine.sort_values(["amount_millions", "date"]).iloc[-1]
        ja_name, en_name = names[currency]
        parts.append(
            f"{ja_name}{len(mine)}件（最大は{format_date(top['date'], lang)}の{amount(top)}）"
            if lang == "ja"
            else f"{len(mine)} {en_name} (the largest, {amount(top)}, on "
            f"{format_date(top['date'], lang)})"
        )
    if lang == "ja":
        text = f"金額の示された日本の支援：{_join(parts, lang)}。" if parts else ""
        if len(totals):
            last = totals.iloc[-1]
            text += (
                "政府が示した支援総額（累計。個別の額とは足し合わせない）は"
                f"{format_date(last['date'], lang)}時点で{amount(last)}。"
            )
        return text
    text = f"Japan's commitments with an amount: {_join(parts, lang)}." if parts else ""
    if len(totals):
        last = totals.iloc[-1]
        text += (
            f" The government's stated cumulative total (never added to the single amounts): "
            f"{amount(last)} as of {format_date(last['date'], lang)}."
        )
    return text.strip()


def oblast_map(rows: pd.DataFrame, lang: Lang, **_: Any) -> str:
    """Per plan or party, the oblasts it names and how, e.g. "Russia: recognised as Russian:
    Crimea, Sevastopol, Luhansk, Donetsk, Zaporizhzhia, Kherson"."""
    from dashboard.datasets.ceasefire_positions import ACTORS
    from dashboard.datasets.oblast_positions import TREATMENTS

    parts = []
    for actor in ACTORS:
        mine = rows[rows["actor"] == actor]
        if mine.empty:
            continue
        said = []
        for treatment in TREATMENTS:
            named = mine[mine["treatment"] == treatment]["oblast"]
            if not named.empty:
                where = _join([label("oblast", code, lang) for code in named], lang)
                said.append(
                    f"{label('treatment', treatment, lang)}：{where}"
                    if lang == "ja"
                    else f"{label('treatment', treatment, lang)}: {where}"
                )
        head = label("actor", actor, lang)
        sep = "は" if lang == "ja" else ": "
        parts.append(head + sep + ("、".join(said) if lang == "ja" else "; ".join(said)))
    if not parts:
        return ""
    other = "他の州は言及なし" if lang == "ja" else "other oblasts are not named"
    return _sentences([*parts, other], lang)


def links_map(
    rows: pd.DataFrame, lang: Lang, *, extra: dict[str, pd.DataFrame] | None = None, **_: Any
) -> str:
    """The links drawn (from, to, the first and last date) and the places with events."""
    places = (extra or {}).get("places")
    if places is None or places.empty:
        return ""
    names = {str(p.id): str(getattr(p, f"name_{lang}")) for p in places.itertuples()}
    drawn = rows[rows["place"].notna() & rows["place"].isin(list(names))]
    if drawn.empty:
        return ""
    parts = []
    links = drawn[drawn["place_to"].notna()]
    for (start, end), group in links.groupby(["place", "place_to"], sort=False):
        first = format_date(group["date"].min(), lang)
        count = len(group)
        if lang == "ja":
            parts.append(f"{names[start]}→{names[end]}（{count}件、{first}から）")
        else:
            parts.append(f"{names[start]} to {names[end]} ({count}, from {first})")
    points = drawn[drawn["place_to"].isna()]
    at = _join([names[p] for p in dict.fromkeys(points["place"])], lang)
    head = "地図上の経路" if lang == "ja" else "Links on the map"
    text = f"{head}：{_join(parts, lang)}" if lang == "ja" else f"{head}: {_join(parts, lang)}"
    if at:
        text += f"。出来事の地点：{at}" if lang == "ja" else f"; events at {at}"
    return _sentence(text, lang)


def control_map(rows: pd.DataFrame, lang: Lang, **_: Any) -> str:
    """Per estimator, each oblast's latest share and its date."""
    from dashboard.charts.maps import latest_shares
    from dashboard.datasets.oblast_control import share_text

    latest = latest_shares(rows)
    parts = []
    for estimator, group in latest.groupby("estimator", sort=False):
        said = _join(
            [
                f"{label('oblast', row.oblast, lang)} "
                f"{share_text(float(row.share_pct_low), float(row.share_pct_high))}"
                for row in group.itertuples(index=False)
            ],
            lang,
        )
        last = format_date(group["as_of"].max(), lang)
        head = label("estimator", estimator, lang)
        parts.append(
            f"{head}（{last}まで）：{said}" if lang == "ja" else f"{head} (to {last}): {said}"
        )
    return _sentences(parts, lang)


DESCRIBERS: dict[str, Describer] = {
    "maps:control": control_map,
    "maps:oblasts": oblast_map,
    "maps:links": links_map,
    "timeline:lanes": timeline_events,
    "timeline:counts": timeline_events,
    "sanctions:listings": sanctions_listings,
    "economy:gdp_growth": gdp_growth,
    "economy:key_rate_path": key_rate_path,
    "economy:panels": economy_panels,
    "partners:overview": partners_overview,
    "territory:gains": territory_gains,
    "support:allocations": support_allocations,
    "personnel:estimates": personnel_estimates,
    "japan:amounts": japan_amounts,
}
