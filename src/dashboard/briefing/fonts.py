"""The Japanese-capable font of the exports.

Debian's ``fonts-noto-cjk`` ships Noto Sans CJK as OpenType collections (``.ttc``) whose first
face is the Japanese one (``Noto Sans CJK JP``). fpdf2 embeds a face of a collection directly
(``collection_font_number``), so the handout needs no converted copy. The deck names the family
on every run (Latin and East Asian typeface): LibreOffice and Chromium find it through
fontconfig; PowerPoint on a machine without it substitutes its own Japanese UI font.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from PIL import ImageFont

FAMILY = "Noto Sans CJK JP"
#: Face index of Noto Sans CJK JP in Debian's (and Adobe's) Noto Sans CJK collections.
JP_FACE = 0
FONT_DIRS = (
    Path("/usr/share/fonts/opentype/noto"),  # Debian, Ubuntu
    Path("/usr/share/fonts/noto-cjk"),  # Arch, Fedora
    Path("/usr/share/fonts/google-noto-cjk"),
)
INSTALL_HINT = "apt-get install fonts-noto-cjk"


class FontUnavailable(RuntimeError):
    """The CJK font the handout embeds is not installed."""


@dataclass(frozen=True)
class FontFiles:
    regular: Path
    bold: Path
    face: int = JP_FACE


def cjk_font_files() -> FontFiles:
    """The regular and bold Noto Sans CJK collections; raises :class:`FontUnavailable`."""
    for folder in FONT_DIRS:
        regular = folder / "NotoSansCJK-Regular.ttc"
        bold = folder / "NotoSansCJK-Bold.ttc"
        if regular.is_file():
            return FontFiles(regular, bold if bold.is_file() else regular)
    raise FontUnavailable(
        "The handout needs the Noto Sans CJK font for Japanese text, which is not installed "
        f"(looked in {', '.join(str(d) for d in FONT_DIRS)}). Install it: `{INSTALL_HINT}`."
    )


MEASURE_SIZE = 100  # the size faces are loaded at for measuring; widths scale linearly


@cache
def _face(bold: bool) -> ImageFont.FreeTypeFont | None:
    try:
        files = cjk_font_files()
    except FontUnavailable:
        return None
    path = files.bold if bold else files.regular
    return ImageFont.truetype(
        str(path), MEASURE_SIZE, index=files.face, layout_engine=ImageFont.Layout.BASIC
    )


def is_wide(ch: str) -> bool:
    """CJK ideographs, kana, full-width forms and CJK punctuation: one em wide."""
    return ord(ch) >= 0x2E80


def text_width(text: str, size: float, *, bold: bool = False) -> float:
    """The advance width of ``text`` set in Noto Sans CJK JP at ``size``, in the units of
    ``size`` (points for the deck and handout, CSS pixels for charts). Without the font, an
    estimate: one em per CJK character, half an em for others."""
    return _em_width(text, bold) * size


@lru_cache(maxsize=1 << 16)
def _em_width(text: str, bold: bool) -> float:
    face = _face(bold)
    if face is None:
        wide = sum(1 for ch in text if is_wide(ch))
        return wide + 0.55 * (len(text) - wide)
    return face.getlength(text) / MEASURE_SIZE
