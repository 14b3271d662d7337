"""Align our tokenization of a raw UD `# text` with the gold surface tokens (by character offsets)."""

from __future__ import annotations


def gold_offsets(text: str, tokens: list[str]) -> list[tuple[int, int] | None]:
    """Character spans of gold surface tokens in `text` (None when a token cannot be found)."""
    out: list[tuple[int, int] | None] = []
    pos = 0
    for t in tokens:
        i = text.find(t, pos)
        if i < 0 or text[pos:i].strip():  # token not found right after the previous one
            out.append(None)
            continue
        out.append((i, i + len(t)))
        pos = i + len(t)
    return out


def match(gold: list[tuple[int, int] | None], ours: list[tuple[int, int]]) -> list[int | None]:
    """For each gold token the index of our token with exactly the same span, else None."""
    idx = {sp: k for k, sp in enumerate(ours)}
    return [idx.get(g) if g is not None else None for g in gold]
