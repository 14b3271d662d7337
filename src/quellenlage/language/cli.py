"""`quellenlage tag`: the language layer's output for inspection (owned by the language layer)."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TextIO


def register_cli(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("tag", help="show sentences, tokens, POS, lemma, mood and entities",
                       description="The language layer's output for inspection: one JSON object per "
                       "sentence (jsonl) or CoNLL-U. Offsets are into the article body.",
                       epilog="example: quellenlage tag examples/artikel.txt --format conllu",
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("path", help="article file (.txt, .json, .html) or - for stdin")
    p.add_argument("--format", choices=["jsonl", "conllu"], default="jsonl")
    p.add_argument("--ner", choices=["fast", "accurate"], default=None,
                   help="entity model: fast (default) or accurate (needs `pip install quellenlage[accurate]`, "
                   "about 60x slower); default from $QUELLENLAGE_NER")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    # heavy imports only when the command runs
    from quellenlage.io.readers import read_path
    from quellenlage.language import LanguageLayer
    from quellenlage.model import Doc

    article = read_path(args.path)
    doc = LanguageLayer(ner=args.ner)(Doc(article=article))
    if args.format == "conllu":
        write_conllu(doc, sys.stdout)
    else:
        write_jsonl(doc, sys.stdout)
    return 0


def write_jsonl(doc, out: TextIO) -> None:
    for s in doc.sentences:
        out.write(json.dumps({"start": s.start, "end": s.end, "tokens": [t.to_dict() for t in s.tokens]},
                             ensure_ascii=False) + "\n")


_UD_MOOD = {"ind": "Ind", "subj1": "Sub", "subj2": "Sub", "imp": "Imp"}


def write_conllu(doc, out: TextIO) -> None:
    """CoNLL-U: FEATS carries the UD Mood (Ind/Sub/Imp); MISC the body offsets, Konjunktiv=1|2
    (our Konjunktiv I/II split of Mood=Sub), the entity BIO label and SpaceAfter."""
    text = doc.text
    for s in doc.sentences:
        out.write(f"# sent_id = {s.id}\n")
        out.write("# text = " + text[s.start:s.end].replace("\n", " ") + "\n")
        if s.heading:
            out.write("# heading = true\n")
        for i, t in enumerate(s.tokens, 1):
            feats = "_"
            if t.mood:
                feats = f"Mood={_UD_MOOD[t.mood]}|VerbForm=Fin"
            misc = [f"Offset={t.start}-{t.end}"]
            if t.mood in ("subj1", "subj2"):
                misc.append("Konjunktiv=" + t.mood[-1])
            if t.ent:
                misc.append("NER=" + t.ent)
            if not t.space_after:
                misc.append("SpaceAfter=No")
            cols = [str(i), t.text, t.lemma or "_", t.upos or "_", t.xpos or "_", feats, "_", "_", "_",
                    "|".join(misc)]
            out.write("\t".join(c.replace("\t", " ") for c in cols) + "\n")
        out.write("\n")
