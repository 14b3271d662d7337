"""Readers for the training/evaluation corpora in ../shared/data (UD CoNLL-U, GermEval 2014 TSV)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared" / "data"
GSD_DEV = SHARED / "ud-german-gsd" / "de_gsd-ud-dev.conllu"
GSD_TEST = SHARED / "ud-german-gsd" / "de_gsd-ud-test.conllu"
PUD = SHARED / "ud-german-pud" / "de_pud-ud-test.conllu"
GERMEVAL = SHARED / "germeval2014-ner"


@dataclass
class UDSent:
    sent_id: str
    text: str
    words: list[str] = field(default_factory=list)
    lemmas: list[str] = field(default_factory=list)
    upos: list[str] = field(default_factory=list)
    xpos: list[str] = field(default_factory=list)
    feats: list[dict[str, str]] = field(default_factory=list)
    # surface tokens (multiword tokens like "zum" = "zu dem" kept as one surface token)
    tokens: list[str] = field(default_factory=list)


def read_conllu(path: Path) -> list[UDSent]:
    sents: list[UDSent] = []
    cur: UDSent | None = None
    mwt_end = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# sent_id"):
            cur = UDSent(sent_id=line.split("=", 1)[1].strip(), text="")
            mwt_end = 0
        elif line.startswith("# text ="):
            assert cur is not None
            cur.text = line.split("=", 1)[1].strip()
        elif not line.strip():
            if cur is not None and cur.words:
                sents.append(cur)
            cur = None
        elif line[0].isdigit():
            assert cur is not None
            cols = line.split("\t")
            if "-" in cols[0]:
                a, b = cols[0].split("-")
                mwt_end = int(b)
                cur.tokens.append(cols[1])
                continue
            if "." in cols[0]:
                continue
            idx = int(cols[0])
            feats = dict(kv.split("=", 1) for kv in cols[5].split("|")) if cols[5] != "_" else {}
            cur.words.append(cols[1])
            cur.lemmas.append(cols[2])
            cur.upos.append(cols[3])
            cur.xpos.append(cols[4])
            cur.feats.append(feats)
            if idx > mwt_end:
                cur.tokens.append(cols[1])
    if cur is not None and cur.words:
        sents.append(cur)
    return sents


def read_germeval(split: str) -> list[list[tuple[str, str]]]:
    """Sentences of (token, outer BIO label) from NER-de-<split>.tsv."""
    sents: list[list[tuple[str, str]]] = []
    cur: list[tuple[str, str]] = []
    for line in (GERMEVAL / f"NER-de-{split}.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        if not line.strip():
            if cur:
                sents.append(cur)
            cur = []
            continue
        cols = line.split("\t")
        cur.append((cols[1], cols[2]))
    if cur:
        sents.append(cur)
    return sents


@dataclass
class TokSent:
    """Surface-token-level annotation (a multiword token like "zum" is one token, tagged APPRART)."""

    sent_id: str
    text: str
    tokens: list[str]
    upos: list[str]
    xpos: list[str | None]
    lemmas: list[str]
    feats: list[dict[str, str]]


def read_surface(path: Path, stts: bool = True) -> list[TokSent]:
    """CoNLL-U -> surface tokens; `stts=False` drops xpos (PUD uses English PTB tags)."""
    out: list[TokSent] = []
    cur: TokSent | None = None
    mwt: tuple[int, int, str] | None = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# sent_id"):
            cur = TokSent(line.split("=", 1)[1].strip(), "", [], [], [], [], [])
            mwt = None
        elif line.startswith("# text ="):
            assert cur is not None
            cur.text = line.split("=", 1)[1].strip()
        elif not line.strip():
            if cur is not None and cur.tokens:
                out.append(cur)
            cur = None
        elif line[0].isdigit():
            assert cur is not None
            cols = line.split("\t")
            if "." in cols[0]:
                continue
            if "-" in cols[0]:
                a, b = cols[0].split("-")
                mwt = (int(a), int(b), cols[1])
                continue
            idx = int(cols[0])
            feats = dict(kv.split("=", 1) for kv in cols[5].split("|") if "=" in kv) if cols[5] != "_" else {}
            if mwt is not None and mwt[0] <= idx <= mwt[1]:
                if idx == mwt[0]:  # first word of a contraction carries the token's tags
                    cur.tokens.append(mwt[2])
                    cur.upos.append(cols[3])
                    cur.xpos.append("APPRART" if stts and cols[4] == "APPR" else (cols[4] if stts else None))
                    cur.lemmas.append(cols[2])
                    cur.feats.append(feats)
                continue
            cur.tokens.append(cols[1])
            cur.upos.append(cols[3])
            cur.xpos.append(cols[4] if stts else None)
            cur.lemmas.append(cols[2])
            cur.feats.append(feats)
    if cur is not None and cur.tokens:
        out.append(cur)
    return out
