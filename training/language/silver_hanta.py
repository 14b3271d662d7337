"""Silver POS/lemma labels: run HanTa over the (pre-tokenised, CC BY 4.0) GermEval 2014 sentences.

Output: one JSON list per line: [[word, lemma, stts], ...]. HanTa's verb tags like 'VV(FIN)' are
mapped to STTS ('VVFIN'). Slow (~1.6k tokens/s), so the result is cached under the given output path.
"""

from __future__ import annotations

import json
import re
import sys

from training.language.data import SHARED, read_germeval

_HANTA_VERB = re.compile(r"^(V[VAM])\((\w+)\)$")


def hanta_to_stts(tag: str) -> str:
    m = _HANTA_VERB.match(tag)
    if m:
        return m.group(1) + m.group(2)
    return tag


def gepade_sentences() -> list[list[str]]:
    """GePaDe (Bundestag speeches, CC BY-SA 4.0) train+dev sentences, pre-tokenised."""
    out = []
    for f in sorted((SHARED / "spkatt2023-gepade-debates").glob("*/task1/*.json")):
        d = json.loads(f.read_text(encoding="utf-8"))
        out.extend(s["Tokens"] for s in d["Sentences"] if s["Tokens"])
    return out


def main(out: str, limit: int | None = None, corpus: str = "germeval") -> None:
    from HanTa import HanoverTagger as ht

    tagger = ht.HanoverTagger("morphmodel_ger.pgz")
    if corpus == "gepade":
        sents = gepade_sentences()
    else:
        sents = [[w for w, _ in s] for s in read_germeval("dev") + read_germeval("test")]
    if limit:
        sents = sents[:limit]
    with open(out, "w", encoding="utf-8") as f:
        for words in sents:
            tagged = tagger.tag_sent(words, taglevel=1)
            f.write(json.dumps([[w, lem, hanta_to_stts(t)] for w, lem, t in tagged], ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main(sys.argv[1], None, sys.argv[2] if len(sys.argv) > 2 else "germeval")
