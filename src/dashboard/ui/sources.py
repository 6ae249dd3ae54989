"""The Data and sources page: datasets from data/datapackage.json, their sources, the errata."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

import pandas as pd
import streamlit as st

from dashboard.chapter import errata as chapter_errata
from dashboard.datasets.cached import load
from dashboard.i18n import Lang, label, t
from dashboard.paths import DATA_DIR, DATAPACKAGE
from dashboard.ui.common import panel
from dashboard.ui.tables import lazy_expander


@cache
def package() -> dict[str, Any]:
    return json.loads(DATAPACKAGE.read_text(encoding="utf-8"))


def _localised(entry: dict[str, Any], key: str, language: Lang) -> str:
    """Data Package text in the chosen language (Japanese lives in ``x_<key>_ja``)."""
    return str(entry.get(f"x_{key}_ja", entry[key]) if language == "ja" else entry[key])


def fields_table(resource: dict[str, Any], language: Lang) -> pd.DataFrame:
    rows = []
    for item in resource["schema"]["fields"]:
        constraints = item.get("constraints", {})
        parts = []
        if constraints.get("required"):
            parts.append("required")
        if constraints.get("unique"):
            parts.append("unique")
        if "enum" in constraints:
            parts.append("one of: " + ", ".join(map(str, constraints["enum"])))
        if "x_codes" in item:
            parts.append("codes: " + ", ".join(item["x_codes"]))
        if "minimum" in constraints:
            parts.append(f"≥ {constraints['minimum']}")
        if "maximum" in constraints:
            parts.append(f"≤ {constraints['maximum']}")
        if "pattern" in constraints:
            parts.append(f"pattern {constraints['pattern']}")
        rows.append(
            {
                t("page.field_name", language): item["name"],
                t("page.field_type", language): item["type"],
                t("page.field_unit", language): item.get("unit", ""),
                t("page.field_description", language): item["description"],
                t("page.field_constraints", language): "; ".join(parts),
            }
        )
    return pd.DataFrame(rows)


def sources_table(rows: pd.DataFrame, language: Lang) -> pd.DataFrame:
    """One line per source (publisher, title, URL): rows citing it, their ids, last access."""
    cited: dict[tuple[str, str, str], list[str]] = {}
    accessed: dict[str, pd.Timestamp] = {}
    for row_id, publisher, title, url, day in zip(
        rows["id"], rows["source_publisher"], rows["source_title"], rows["source_url"],
        rows["source_accessed"], strict=True,
    ):  # fmt: skip
        cited.setdefault((publisher, title, url), []).append(row_id)
        accessed[url] = max(day, accessed.get(url, day))
    lines = [
        {
            t("table.source", language): publisher,
            t("table.title", language): title,
            t("table.link", language): url,
            t("page.rows", language, n="").strip() or "rows": len(ids),
            "id": ", ".join(ids),
            t("table.accessed", language): f"{accessed[url]:%Y-%m-%d}",
        }
        for (publisher, title, url), ids in sorted(cited.items(), key=lambda item: item[0][:2])
    ]
    return pd.DataFrame(lines)


def datasets(language: Lang) -> None:
    info = package()
    st.markdown(_localised(info, "description", language))
    st.caption(
        t("page.licence", language) + ": " + ", ".join(lic["title"] for lic in info["licenses"])
    )
    for resource in info["resources"]:
        with panel(language):
            st.subheader(f"{_localised(resource, 'title', language)} · `{resource['name']}`")
            st.markdown(_localised(resource, "description", language))
            result = load(resource["name"])
            if not result.ok or result.frame is None:
                st.error(
                    t("app.error_box", language, path=result.path, count=len(result.problems))
                    + "\n"
                    + "\n".join(f"- `{problem}`" for problem in result.problems[:25]),
                    icon=":material/error:",
                )
            else:
                st.caption(t("page.rows", language, n=len(result.frame)))
            # Tables are built only while their expander is open.
            name = resource["name"]
            with lazy_expander(t("page.fields", language), key=f"fields.{name}") as shown:
                if shown:
                    table = fields_table(resource, language)
                    st.dataframe(table, hide_index=True, width="stretch")
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


def errata(language: Lang) -> None:
    st.header(t("page.errata", language), divider="gray")
    rows = [
        {
            "id": item["id"],
            t("page.errata_section", language): label("section", item["section"], language),
            t("page.errata_paragraph", language): item["paragraph"],
            t("page.errata_original", language): item["original"],
            t("page.errata_corrected", language): item["corrected"],
            t("page.errata_kind", language): label("errata_kind", item["kind"], language),
            t("page.errata_explanation", language): item[f"explanation_{language}"],
        }
        for item in chapter_errata()
    ]
    st.dataframe(
        pd.DataFrame(rows), hide_index=True, width="stretch", height=36 * (len(rows) + 1) + 4
    )
