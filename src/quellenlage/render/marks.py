"""What to highlight in an article: cue, source and quote spans, flattened into segments.

Shared by the terminal, HTML and Markdown renderers so that all of them show the
same evidence for every label.
"""

from __future__ import annotations

from dataclasses import dataclass

from quellenlage.model import Doc, Sentence

# Higher wins when marks overlap.
PRIORITY = {"quote": 0, "source": 2, "channel": 3, "attribution_cue": 4, "certainty_cue": 5}

CUE_EXPLANATION = {
    "adverb": "hedging adverb", "modal": "epistemic modal verb", "konjunktiv2": "Konjunktiv II (hypothetical)",
    "reportative_sollen": "reportative 'sollen': someone else says so", "scare_quotes": "scare quotes: the writer keeps distance",
    "question": "question: not asserted", "ob_clause": "open whether-clause", "impersonal_belief": "impersonal belief verb",
    "noun": "hedging noun", "adjective": "hedging adjective", "verb": "hedging verb",
    "belief_verb": "belief verb: someone supposes, not knows", "reportative": "reported without a named source",
}


@dataclass(slots=True)
class Mark:
    start: int
    end: int
    kind: str  # quote | source | channel | attribution_cue | certainty_cue
    label: str  # short explanation (tooltip / legend)
    css: str = ""  # extra class, e.g. the source kind or certainty level


def sentence_marks(doc: Doc, sent: Sentence) -> list[Mark]:
    marks: list[Mark] = []
    for c in sent.certainty.cues:
        why = CUE_EXPLANATION.get(c.kind or "", c.kind or "cue")
        marks.append(Mark(c.start, c.end, "certainty_cue", f"{sent.certainty.level}: {why}",
                          sent.certainty.level))
    for c in sent.attribution_cues:
        marks.append(Mark(c.start, c.end, "attribution_cue", f"attribution cue ({sent.attribution})"))
    return marks


def collect_marks(doc: Doc) -> list[Mark]:
    marks: list[Mark] = []
    for q in doc.quotes:
        for sp in q.content:
            marks.append(Mark(sp.start, sp.end, "quote", f"{q.type} quote"))
        for sp in q.cue:
            marks.append(Mark(sp.start, sp.end, "attribution_cue", f"reporting cue of a {q.type} quote"))
    channel_ids = {q.channel_id for q in doc.quotes if q.channel_id} | {
        s.channel_id for s in doc.sentences if s.channel_id}
    for src in doc.sources:
        kind = "channel" if src.id in channel_ids else "source"
        label = f"{'channel' if kind == 'channel' else 'source'}: {src.name} ({src.kind})"
        for m in src.mentions:
            marks.append(Mark(m.start, m.end, kind, label, src.kind))
    for sent in doc.sentences:
        marks.extend(sentence_marks(doc, sent))
    return marks


def segments(text: str, start: int, end: int, marks: list[Mark]) -> list[tuple[str, list[Mark]]]:
    """Split text[start:end] at mark boundaries; each piece with the marks covering it."""
    inside = [m for m in marks if m.start < end and m.end > start and m.end > m.start]
    cuts = {start, end}
    for m in inside:
        cuts.add(max(start, m.start))
        cuts.add(min(end, m.end))
    points = sorted(cuts)
    out: list[tuple[str, list[Mark]]] = []
    for a, b in zip(points, points[1:], strict=False):
        cover = [m for m in inside if m.start <= a and m.end >= b]
        cover.sort(key=lambda m: PRIORITY.get(m.kind, 0))
        out.append((text[a:b], cover))
    return out


def chains(doc: Doc) -> list[tuple[str, str, str | None, int]]:
    """(source name, source kind, channel name or None, number of quotes) per source → channel link."""
    counts: dict[tuple[str, str | None], int] = {}
    for q in doc.quotes:
        if q.source_id:
            counts[(q.source_id, q.channel_id)] = counts.get((q.source_id, q.channel_id), 0) + 1
    for s in doc.sentences:
        if s.source_id and not s.quote_ids:
            counts.setdefault((s.source_id, s.channel_id), 0)
            counts[(s.source_id, s.channel_id)] += 1
    out = []
    for (sid, cid), n in counts.items():
        src, ch = doc.source(sid), doc.source(cid)
        if src is None:
            continue
        out.append((src.name, src.kind, ch.name if ch else None, n))
    out.sort(key=lambda t: (-t[3], t[0]))
    return out
