"""The Data and sources page: what every dataset rests on (tiers and publishers, from the rows
themselves), its fields, sources and download; the publisher registry; the claims table with
the claims that have no evidence and why; the errata of the chapter text."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

import pandas as pd
import streamlit as st

from dashboard import claims as chapter_claims
from dashboard import fields, provenance, selection
from dashboard.chapter import errata as chapter_errata
from dashboard.chapter import now_reads
from dashboard.datasets import REGISTRY
from dashboard.datasets.cached import load
from dashboard.datasets.sources import TIERS
from dashboard.i18n import Lang, label, t
from dashboard.paths import DATA_DIR, DATAPACKAGE
from dashboard.ui.common import as_code, md_escape, panel, problems_box
from dashboard.ui.tables import lazy_expander


@cache
def package() -> dict[str, Any]:
    return json.loads(DATAPACKAGE.read_text(encoding="utf-8"))


def _localised(entry: dict[str, Any], key: str, language: Lang) -> str:
    """Data Package text in the chosen language (Japanese lives in ``x_<key>_ja``)."""
    return str(entry.get(f"x_{key}_ja", entry[key]) if language == "ja" else entry[key])


def fields_table(resource: dict[str, Any], language: Lang) -> pd.DataFrame:
    """The resource's fields as a reader reads them: the name the tables give each column, the
    column in the CSV, its type, unit, description (in the UI language) and allowed values in
    words."""
    name = resource["name"]
    return pd.DataFrame(
        [
            {
                t("page.field_label", language): fields.field_label(name, item["name"], language),
                t("page.field_name", language): item["name"],
                t("page.field_type", language): fields.type_words(item["type"], language),
                t("page.field_unit", language): fields.unit_words(item.get("unit", ""), language),
                t("page.field_description", language): _localised(item, "description", language),
                t("page.field_constraints", language): fields.constraint_words(
                    name, item, language
                ),
            }
            for item in resource["schema"]["fields"]
        ]
    )


def sources_table(rows: pd.DataFrame, language: Lang) -> pd.DataFrame:
    """One line per source (publisher, title, URL, tier): rows citing it, their ids, last access;
    first and second sources alike, a title rebuilt from the URL said so."""
    cited: dict[tuple[str, str, str, str, str], list[str]] = {}
    accessed: dict[str, pd.Timestamp] = {}
    groups = [("source_publisher", "source_title", "source_url", "source_tier", "source_accessed")]
    if "source_2_url" in rows.columns:
        groups.append(
            (
                "source_2_publisher",
                "source_2_title",
                "source_2_url",
                "source_2_tier",
                "source_2_accessed",
            )
        )
    basis = rows["source_title_basis"] if "source_title_basis" in rows.columns else None
    for number, columns in enumerate(groups):
        part = rows[[*columns, "id"]].dropna(subset=[columns[2]])
        bases = (
            basis.loc[part.index].tolist()
            if basis is not None and number == 0
            else ["page"] * len(part)
        )
        for (publisher, title, url, tier, day, row_id), how in zip(
            part.itertuples(index=False), bases, strict=True
        ):
            shown = title + (
                f" [{label('source_title_basis', how, language)}]" if how != "page" else ""
            )
            cited.setdefault((publisher, shown, url, tier, "1" if number == 0 else "2"), []).append(
                row_id
            )
            accessed[url] = max(day, accessed.get(url, day))
    lines = [
        {
            t("table.source", language): publisher,
            t("table.title", language): title,
            t("table.link", language): url,
            t("table.tier", language): label("source_tier", tier, language),
            t("page.source_order", language): order,
            t("page.rows", language, n="").strip() or "rows": len(ids),
            "id": ", ".join(ids),
            t("table.accessed", language): f"{accessed[url]:%Y-%m-%d}",
        }
        for (publisher, title, url, tier, order), ids in sorted(
            cited.items(), key=lambda item: (item[0][4], item[0][:2])
        )
    ]
    return pd.DataFrame(lines)


def tier_counts(rows: pd.DataFrame) -> dict[str, int]:
    """Rows per tier of their first source."""
    counts = rows["source_tier"].astype(str).value_counts()
    return {tier: int(counts.get(tier, 0)) for tier in TIERS}


def rests_on(rows: pd.DataFrame, language: Lang, *, top: int = 4) -> str:
    """What a dataset actually rests on, in words: per tier, its rows and main publishers."""
    parts = []
    for tier in TIERS:
        of_tier = rows[rows["source_tier"].astype(str) == tier]
        if of_tier.empty:
            continue
        publishers = of_tier["source_publisher"].astype(str).value_counts()
        names = ", ".join(f"{name} {count}" for name, count in publishers.iloc[:top].items())
        more = len(publishers) - top
        if more > 0:
            names += f" ほか{more}" if language == "ja" else f" and {more} more"
        tier_name = label("source_tier", tier, language)
        parts.append(
            f"{tier_name} {len(of_tier)}行（{names}）"
            if language == "ja"
            else f"{tier_name}: {len(of_tier)} rows ({names})"
        )
    second = int(rows["source_2_url"].notna().sum()) if "source_2_url" in rows.columns else 0
    rebuilt = int((rows["source_title_basis"].astype(str) != "page").sum())
    if language == "ja":
        return (
            "第一の出典の区分：" + "、".join(parts) + f"。独立した第二の出典あり {second}行。"
            f"表題をページから読めなかった行 {rebuilt}行。"
        )
    return (
        "First sources by tier: " + "; ".join(parts) + f". Rows with an independent second source: "
        f"{second}. Rows whose title could not be read off the page: {rebuilt}."
    )


def tier_summary(language: Lang) -> None:
    """Every dataset's rows by the tier of their first source, side by side."""
    lines = []
    for spec in REGISTRY.values():
        result = load(spec.id)
        if result.frame is None:
            continue
        rows = result.frame
        counts = tier_counts(rows)
        line: dict[str, object] = {t("page.datasets_column", language): spec.id}
        line.update({label("source_tier", tier, language): counts[tier] for tier in TIERS})
        line[t("page.second_source", language)] = int(rows["source_2_url"].notna().sum())
        line[t("page.title_rebuilt", language)] = int(
            (rows["source_title_basis"].astype(str) != "page").sum()
        )
        line[t("page.after_cutoff", language)] = int(selection.after_cutoff(spec, rows).sum())
        line[t("page.rows_column", language)] = len(rows)
        lines.append(line)
    st.subheader(t("page.tiers", language))
    st.caption(t("page.tiers_help", language))
    st.dataframe(pd.DataFrame(lines), hide_index=True, width="stretch")


def datasets(language: Lang) -> None:
    info = package()
    st.markdown(_localised(info, "description", language))
    st.caption(
        t("page.licence", language) + ": " + ", ".join(lic["title"] for lic in info["licenses"])
    )
    with panel(language):
        tier_summary(language)
    for resource in info["resources"]:
        if resource["name"] not in REGISTRY:
            continue
        with panel(language):
            _dataset(resource, language)


def _dataset(resource: dict[str, Any], language: Lang) -> None:
    name = resource["name"]
    st.subheader(f"{_localised(resource, 'title', language)} · `{name}`")
    st.markdown(_localised(resource, "description", language))
    result = load(name)
    if not result.ok or result.frame is None:
        problems_box(result, language)
    else:
        rows = result.frame
        st.caption(t("page.rows", language, n=len(rows)) + "　" + rests_on(rows, language))
        late = int(selection.after_cutoff(REGISTRY[name], rows).sum())
        if late:
            st.caption(t("page.follow_up_rows", language, n=late))
    # Tables are built only while their expander is open.
    with lazy_expander(t("page.fields", language), key=f"fields.{name}") as shown:
        if shown:
            # A static table, so every label, description and constraint is read in full.
            table = fields_table(resource, language)
            column = t("page.field_name", language)
            shown = table.map(md_escape).assign(**{column: table[column].map(as_code)})
            st.table(shown, hide_index=True)
    if result.frame is not None:
        link = t("table.link", language)
        with lazy_expander(t("page.sources", language), key=f"sources.{name}") as shown:
            if shown:
                st.dataframe(
                    sources_table(result.frame, language),
                    hide_index=True,
                    width="stretch",
                    column_config={link: st.column_config.LinkColumn(link)},
                )
    _download(resource, language)


def _download(resource: dict[str, Any], language: Lang) -> None:
    path = DATA_DIR / resource["path"]
    if path.exists():
        st.download_button(
            t("page.download_csv", language, name=resource["name"]),
            data=path.read_bytes,  # read on click, not on every rerun
            file_name=resource["path"],
            mime="text/csv",
            key=f"download.{resource['name']}",
            icon=":material/download:",
        )


def reference_tables(language: Lang) -> None:
    """The publisher registry and the claims table, each with its download."""
    info = {resource["name"]: resource for resource in package()["resources"]}
    with panel(language):
        resource = info["publishers"]
        st.subheader(f"{_localised(resource, 'title', language)} · `publishers`")
        st.markdown(_localised(resource, "description", language))
        with lazy_expander(t("page.registry", language), key="table.publishers") as shown:
            if shown:  # the registry the validator checks tiers against (read once)
                _, result = provenance.registry(
                    DATA_DIR / provenance.REGISTRY_FILE, f"data/{provenance.REGISTRY_FILE}"
                )
                if result.ok and result.frame is not None:
                    registry = result.frame.assign(
                        tier=result.frame["tier"].map(
                            lambda code: label("source_tier", code, language)
                        ),
                        status=result.frame["status"].map(
                            lambda code: fields.code_words("publishers", "status", code, language)
                        ),
                    )
                    st.dataframe(
                        registry.rename(
                            columns=lambda name: fields.field_label("publishers", name, language)
                        ),
                        hide_index=True,
                        width="stretch",
                    )
                else:
                    problems_box(result, language)
        _download(resource, language)
    with panel(language):
        resource = info["chapter_claims"]
        st.subheader(f"{_localised(resource, 'title', language)} · `chapter_claims`")
        st.markdown(_localised(resource, "description", language))
        found = chapter_claims.claims()
        st.caption(chapter_claims.summary(found, language, chapter=True))
        unbacked = [c for c in found if c.kind in chapter_claims.NEEDS_EVIDENCE and not c.evidence]
        st.markdown(f"**{t('page.claims_unbacked', language)}**")
        if unbacked:
            st.markdown(
                "\n".join(
                    f"- `{c.id}` 〔{c.kind_label(language)}〕 {c.text(language)} — "
                    f"{c.note_in(language)}"
                    for c in unbacked
                )
            )
        else:
            st.caption("—")
        with lazy_expander(t("page.claims", language), key="table.chapter_claims") as shown:
            if shown:
                st.dataframe(
                    pd.DataFrame(
                        {
                            fields.field_label("chapter_claims", "id", language): [
                                c.id for c in found
                            ],
                            t("table.section", language): [
                                label("section", c.section, language) for c in found
                            ],
                            t("table.claim", language): [c.text(language) for c in found],
                            t("table.kind", language): [c.kind_label(language) for c in found],
                            t("table.evidence", language): ["; ".join(c.evidence) for c in found],
                            t("table.note", language): [c.note_in(language) for c in found],
                        }
                    ),
                    hide_index=True,
                    width="stretch",
                )
        _download(resource, language)


def _errata_place(item: dict[str, str], language: Lang) -> str:
    """Where a correction is, as a reader finds it: the section and its heading or paragraph."""
    section = label("section", item["section"], language)
    paragraph = int(item["paragraph"])
    if item["section"] in ("title", "byline"):
        return section  # one line each: the chapter's title, its closing byline
    place = (
        t("page.errata_heading", language)
        if paragraph == 0
        else t("page.errata_paragraph_n", language, n=paragraph)
    )
    return t("page.errata_where", language, section=section, place=place)


def _visible_breaks(text: str, language: Lang) -> str:
    """Line breaks and blank lines of the received text as words, so a table cell shows them."""
    return text.replace("\n\n", t("page.errata_blank_line", language)).replace(
        "\n", t("page.errata_line_break", language)
    )


def errata_table(language: Lang) -> pd.DataFrame:
    """One row per correction: where, what kind, the text as received, what it reads now and
    why, in the reader's language (plain text; Markdown is escaped when the table is drawn)."""
    return pd.DataFrame(
        [
            {
                t("page.errata_place", language): _errata_place(item, language),
                t("page.errata_kind", language): label("errata_kind", item["kind"], language),
                t("page.errata_original", language): _visible_breaks(item["original"], language),
                t("page.errata_corrected", language): _visible_breaks(
                    now_reads(item, language), language
                ),
                t("page.errata_explanation", language): item[f"explanation_{language}"],
            }
            for item in chapter_errata()
        ]
    )


def errata(language: Lang) -> None:
    st.header(t("page.errata", language), divider="gray")
    st.caption(t("page.errata_help", language))
    # A static table: every cell wraps in full (no clipped text, no scrolling), and its rows are
    # the corrections only. Cells are Markdown, so the received text (## headings, "- " items)
    # is escaped to show as written. In a panel like every section: a broken errata file
    # (``chapter.errata`` refuses it) leaves the rest of the page standing.
    with panel(language):
        st.table(errata_table(language).map(md_escape), hide_index=True)
