"""The Japanese-capable font of the charts and exports: its files, text widths set in it, and
line breaking by those widths (Latin at spaces, Japanese between characters, with kinsoku).
Charts wrap panel titles and legend names with it; the deck, handout and chart pictures wrap
titles, notes and source lines.

Debian's ``fonts-noto-cjk`` ships Noto Sans CJK as OpenType collections (``.ttc``) whose first
face is the Japanese one (``Noto Sans CJK JP``). fpdf2 embeds a face of a collection directly
(``collection_font_number``), so the handout needs no converted copy. The deck names the family
on every run (Latin and East Asian typeface): LibreOffice and Chromium find it through
fontconfig; PowerPoint on a machine without it substitutes its own Japanese UI font.
"""

from __future__ import annotations

from collections.abc import Callable
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


# --- Line breaking: Latin at spaces, Japanese between characters, with kinsoku ----------


def wrap(text: str, width: float, measure: Callable[[str], float]) -> list[str]:
    """Break ``text`` into lines no wider than ``width`` as ``measure`` measures them: at spaces
    in Latin text, between any two characters in Japanese (as Japanese typesetting does). A
    word longer than a line (a long URL) fills the line it starts on and runs on.

    Widths add up token by token (kerning across tokens is ignored; callers leave slack)."""
    widths: dict[str, float] = {}

    def size(piece: str) -> float:
        if piece not in widths:
            widths[piece] = measure(piece)
        return widths[piece]

    lines: list[str] = []
    line, line_width = "", 0.0
    for token in _tokens(text):
        word = token.rstrip()
        if line_width + size(word) <= width:
            line, line_width = line + token, line_width + size(token)
            continue
        if size(word) <= width:
            if line.strip():
                lines.append(line.rstrip())
            line, line_width = token, size(token)
            continue
        # A word longer than a line (a URL) starts on a line of its own and is cut where it
        # fills one, preferably after a "/", "-", "." or the like.
        if line.strip():
            lines.append(line.rstrip())
        line, rest = "", token
        while measure(rest.rstrip()) > width:
            cut = max(_longest_prefix("", rest, width, measure), 1)
            soft = max((rest.rfind(mark, 0, cut) for mark in URL_BREAKS), default=-1)
            if soft >= cut * 0.6:
                cut = soft + 1
            lines.append(rest[:cut])
            rest = rest[cut:]
        line += rest
        line_width = measure(line)
    if line.strip():
        lines.append(line.rstrip())
    return lines


URL_BREAKS = ("/", "-", "_", ".", "?", "&", "=")


def _longest_prefix(line: str, rest: str, width: float, measure: Callable[[str], float]) -> int:
    """How many characters of ``rest`` still fit after ``line`` (binary search)."""
    low, high = 0, len(rest)
    while low < high:
        middle = (low + high + 1) // 2
        if measure(line + rest[:middle]) <= width:
            low = middle
        else:
            high = middle - 1
    return low


#: Japanese line-breaking rules (kinsoku): these never start a line ...
NO_LINE_START = frozenset(
    "、。，．・：；？！）」』】〕〉》”’ーぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々"
)
#: ... and these never end one.
NO_LINE_END = frozenset("（「『【〔〈《“‘")


def _tokens(text: str) -> list[str]:
    """Words with their trailing space; every CJK character is a token of its own, except that
    closing punctuation stays with the character before it and opening brackets with the one
    after it."""
    tokens: list[str] = []
    word = ""
    opening = ""
    for ch in text:
        if ch in NO_LINE_START and (word or tokens):
            if word:
                word += ch
            else:
                tokens[-1] += ch
        elif ch in NO_LINE_END:
            if word:
                tokens.append(word)
                word = ""
            opening += ch
        elif is_wide(ch):
            if word:
                tokens.append(word)
                word = ""
            tokens.append(opening + ch)
            opening = ""
        elif ch == " ":
            tokens.append(opening + word + ch)
            word = opening = ""
        else:
            word = opening + word + ch
            opening = ""
    if word or opening:
        tokens.append(opening + word)
    return tokens
