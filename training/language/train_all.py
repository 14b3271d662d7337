"""Train every language-layer model, in order, with one command:

    .venv/bin/python -m training.language.train_all [--nc]

1. HanTa silver labels (cached under /tmp/lang/; about a minute each the first time);
2. POS tagger (UPOS + STTS heads) and lemma lexicon -> models/language/pos.*, lemmas.json.gz;
3. mood lexicon from ablaut tables -> models/language/mood.json.gz;
4. NER tagger (GermEval 2014 minus the held-out fifth) -> models/language/ner*.
`--nc` adds the CC BY-NC-SA texts (WikiNews train, 10kGNAD) to the NER word clusters; the shipped
models are trained WITHOUT it (all training data CC BY / CC BY-SA). Deterministic (fixed seeds).
"""

from __future__ import annotations

import argparse
import time


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--nc", action="store_true", help="also use CC BY-NC-SA text for NER clusters")
    ap.add_argument("--ner-epochs", type=int, default=5)
    args = ap.parse_args()
    from training.language import train_mood, train_ner, train_pos

    t0 = time.time()
    train_pos.main()
    train_mood.build()
    train_ner.train(epochs=args.ner_epochs, nc=args.nc)
    print(f"all language models trained in {time.time() - t0:.0f}s")


if __name__ == "__main__":
    main()
