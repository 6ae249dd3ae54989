"""Reading py-spy's raw (collapsed) stacks: inclusive and self share per function."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
#: Runner and event-loop frames that every stack passes through; not worth listing.
PLUMBING = ("threading", "scriptrunner", "exec_func", "navigation", "<module>", "run (", "asyncio")


def short(frame: str) -> str:
    """'func (/long/path/site-packages/pkg/file.py:12)' -> 'func (pkg/file.py)'."""
    for marker in ("site-packages/", str(PROJECT / "src") + "/", str(PROJECT) + "/"):
        if marker in frame:
            head, _, tail = frame.partition(marker)
            return head.split(" (")[0] + " (" + tail.split(":")[0] + ")"
    return frame.split(":")[0]


def summarise(
    lines: list[str], keep: Callable[[list[str]], bool] = lambda frames: True, top: int = 30
) -> str:
    """A text table of the functions that take most samples among the stacks ``keep`` accepts."""
    inclusive: Counter[str] = Counter()
    own: Counter[str] = Counter()
    total = 0
    for line in lines:
        frames_text, _, count_text = line.rpartition(" ")
        frames = frames_text.split(";")
        if not count_text.isdigit() or not keep(frames):
            continue
        count = int(count_text)
        total += count
        names = [short(frame) for frame in frames]
        for name in set(names):
            inclusive[name] += count
        own[names[-1]] += count
    if not total:
        return "no samples"
    out = [f"{total} samples", "", "inclusive  function (runner plumbing left out)"]
    shown = [(n, c) for n, c in inclusive.most_common() if not any(p in n for p in PLUMBING)]
    out += [f"{100 * c / total:8.1f}%  {n}" for n, c in shown[:top]]
    out += ["", "self       function (where the CPU goes)"]
    out += [f"{100 * c / total:8.1f}%  {n}" for n, c in own.most_common(top // 2)]
    return "\n".join(out)
