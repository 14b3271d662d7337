"""Token-level analysis: POS (UPOS + STTS), lemma, mood and entities over tokenized sentences."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import numpy as np

from quellenlage.language.mood import MoodLexicon
from quellenlage.language.perceptron import POS_TEMPLATES, LinearModel, WindowEncoder, _pos_context
from quellenlage.model import Entity, Token

MODEL_DIR = Path(__file__).resolve().parents[1] / "models" / "language"

# Fallback STTS -> UPOS when the two heads disagree on the coarse class (keeps UPOS/STTS consistent).
_CLAUSE_END = frozenset({"$,", "$.", "$("})
_NP_LEFT = frozenset({"ART", "APPR", "APPRART", "PPOSAT", "PIAT", "PDAT", "ADJA", "CARD", "PWAT", "PRELAT",
                      "$("})
_OPENERS = frozenset({"KOUS", "PRELS", "PRELAT", "PWS", "PWAV", "PWAT"})
_ADJ_ENDINGS = ("sten", "stem", "ster", "stes", "ste", "en", "em", "er", "es", "e")


class Analyzer:
    """Runs the taggers over sentences of `Token`s, filling their fields in place."""

    def __init__(self, pos: LinearModel, lemmas: dict[str, dict[str, str]], mood: MoodLexicon,
                 ner=None) -> None:
        self.pos = pos
        self.n_upos = sum(c.startswith("U:") for c in pos.classes)
        self.upos_names = [c[2:] for c in pos.classes[: self.n_upos]]
        self.xpos_names = [c[2:] for c in pos.classes[self.n_upos:]]
        self.compat: np.ndarray | None = None
        self._pairs: tuple | None = None  # compat's compatible pairs (see _joint_argmax)
        self.pos_encoder = WindowEncoder(pos.feats, POS_TEMPLATES)
        self.lemmas = lemmas
        self.mood = mood
        self.ner = ner
        self._lemma_cache: dict[tuple[str, str], str] = {}

    @classmethod
    def load(cls, model_dir: Path = MODEL_DIR, ner_mode: str | None = None) -> Analyzer:
        pos = LinearModel.load(model_dir / "pos")
        with gzip.open(model_dir / "lemmas.json.gz", "rt", encoding="utf-8") as f:
            lemmas = json.load(f)
        mood = MoodLexicon.load(model_dir / "mood.json.gz")
        compat = model_dir / "pos_compat.npz"
        ner = None
        if (model_dir / "ner_trans.npz").exists():
            from quellenlage.language.ner import NerTagger

            ner = NerTagger.load(model_dir, ner_mode)
        a = cls(pos, lemmas, mood, ner)
        if compat.exists():
            a.compat = np.load(compat)["C"]
        return a

    # -- POS ---------------------------------------------------------------------------------
    def tag(self, words: list[str]) -> tuple[list[str], list[str]]:
        return self.tag_many([words])[0]

    def tag_many(self, sentences: list[list[str]]) -> list[tuple[list[str], list[str]]]:
        """UPOS + STTS for many sentences: features per sentence, scoring and decoding in one go
        (row-wise, so the result is the same as sentence by sentence, with less numpy overhead)."""
        if not sentences:
            return []
        rows = self.pos_encoder.encode_many(sentences, [_pos_context(words) for words in sentences])
        u_all, x_all = self._decode(self.pos.scores_rows(rows))
        out, pos = [], 0
        for words in sentences:
            n = len(words)
            out.append((u_all[pos:pos + n], x_all[pos:pos + n]))
            pos += n
        return out

    def _decode(self, S: np.ndarray) -> tuple[list[str], list[str]]:
        nu = self.n_upos
        if self.compat is not None:
            # joint decoding over compatible (UPOS, STTS) pairs keeps the two tag sets consistent
            u, x = self._joint_argmax(S)
        else:
            u = S[:, :nu].argmax(axis=1)
            x = S[:, nu:].argmax(axis=1)
        un, xn = self.upos_names, self.xpos_names
        return [un[i] for i in u.tolist()], [xn[i] for i in x.tolist()]

    def _joint_argmax(self, S: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """argmax over (u, x) of S[u] + S[nu + x] + compat[u, x], first in row-major order on ties.

        Scored only over the pairs with the best compat value (the compatible ones), in row-major
        order, with the same float32 additions. A penalised pair scores at most
        max_u + max_x + (its penalty), rounding being monotonic; rows whose best compatible
        score does not beat that bound (never seen in practice) are decoded over all pairs.
        """
        nu = self.n_upos
        C = self.compat
        if self._pairs is None or self._pairs[0] is not C:
            best = C.max()
            pu, px = np.nonzero(C == best)
            rest = C[C != best]
            self._pairs = (C, pu, px, C[pu, px], rest.max() if rest.size else None)
        _, pu, px, pc, penalty = self._pairs
        Su, Sx = S[:, :nu], S[:, nu:]
        Jc = Su[:, pu] + Sx[:, px] + pc
        k = Jc.argmax(axis=1)
        u, x = pu[k], px[k]
        if penalty is not None:
            rows = np.arange(len(S))
            unsure = np.nonzero(~(Jc[rows, k] > Su.max(axis=1) + Sx.max(axis=1) + penalty))[0]
            if len(unsure):
                nx = S.shape[1] - nu
                J = S[unsure, :nu, None] + S[unsure, None, nu:] + C[None]
                kk = J.reshape(len(unsure), -1).argmax(axis=1)
                u[unsure], x[unsure] = kk // nx, kk % nx
        return u, x

    def fix_finite(self, words: list[str], upos: list[str], xpos: list[str]) -> None:
        """Verb-final subordinate clauses: the clause-final verb is finite.

        The tagger, with only a +-2 word window, often reads "..., die die Bauern bewirtschaften."
        as an infinitive. A clause opened by a subordinator or relative/wh-word with no finite
        verb gets its last verb retagged finite when the form is a finite form in the lexicon.
        """
        n = len(words)
        forms = self.mood.forms
        finite_only = self.mood.finite_only
        for i, x in enumerate(xpos):
            if x[0] == "V" and (x.endswith("PP") or x.endswith("INF")) and finite_only(words[i], x):
                xpos[i] = x[:2] + "FIN"
        def finite_form(k: int) -> bool:
            rd = forms.get(words[k].lower())
            return bool(rd) and ("ind" in rd or "subj1" in rd or "subj2" in rd)

        # verb-final clauses: from an opener to the first clause break after a verb (commas inside
        # a list of nouns do not end the clause: "daß Kirchen, Arbeitgeber und Staat ... austauschen")
        for i in range(n):
            x0 = xpos[i]
            if not (x0 in _OPENERS or (x0 in ("APPR", "APPRART") and i + 1 < n
                                       and xpos[i + 1] in ("PRELS", "PRELAT", "PWS", "PWAT"))):
                continue
            if x0 == "PWAV" and (i == 0 or xpos[i - 1] not in _CLAUSE_END):
                continue  # "wie" / "wo" inside a clause is mostly adverbial or comparative
            seen_verb = False
            end = n
            for k in range(i + 1, n):
                xk = xpos[k]
                if xk[0] == "V":
                    seen_verb = True
                if xk == "$." or (xk in ("$,", "$(") and seen_verb) or (xk in _OPENERS and k > i + 1 and seen_verb):
                    end = k
                    break
            seg = range(i + 1, end)
            fins = [k for k in seg if xpos[k].endswith("FIN")]
            if len(fins) >= 2:
                # verb-final clause with two "finite" verbs: an earlier one that is also a participle
                # and is not coordinated ("dass Russland verzweifelt ... sucht") is the participle
                last = fins[-1]
                for k in fins[:-1]:
                    if (words[k].lower() in self.mood.participles and xpos[k] == "VVFIN"
                            and not any(xpos[m] == "KON" for m in range(k + 1, last))):
                        xpos[k] = "VVPP"
            if fins:
                continue
            for k in reversed(seg):
                x = xpos[k]
                if x[0] == "V" and (x.endswith("INF") or x.endswith("PP")):
                    if finite_form(k) and not (k > 0 and words[k - 1] == "zu"):
                        xpos[k] = x[:2] + "FIN"
                    break
                if x[0] == "V" or x == "PTKZU":
                    break
        # a sentence without any finite verb ("Eisenbahner und Fluglotsen streiken"): the first verb
        # (or verb-like adjective) with a finite form becomes finite
        if n > 1 and not any(x.endswith("FIN") for x in xpos):
            for cands in (("VVINF", "VAINF", "VMINF", "VVPP", "VAPP", "VMPP", "VVIZU"), ("ADJA", "ADJD")):
                for k in range(n):
                    if cands[0] == "ADJA" and (k == 0 or xpos[k - 1] in _NP_LEFT):
                        continue  # "Verstärkte Zusammenarbeit ..." is a noun phrase, not a clause
                    if xpos[k] in cands and finite_form(k) and not (k > 0 and words[k - 1] == "zu"):
                        if xpos[k][0] == "V":
                            xpos[k] = xpos[k][:2] + "FIN"
                        else:
                            xpos[k] = "VVFIN"
                            upos[k] = "VERB"
                        break
                else:
                    continue
                break

    # -- lemma -------------------------------------------------------------------------------
    def lemma(self, w: str, upos: str) -> str:
        d = self.lemmas.get(w)
        if d is None and w[:1].isupper():
            d = self.lemmas.get(w.lower())
        if d is not None:
            lem = d.get(upos)
            if lem is not None:
                return lem
            if upos not in ("NOUN", "PROPN"):
                for k in ("VERB", "AUX", "ADJ", "DET", "PRON", "ADV"):
                    if k in d:
                        return d[k]
        if upos in ("NOUN", "PROPN", "NUM", "PUNCT", "X", "SYM"):
            if "-" in w and upos == "NOUN":  # compound: lemmatise the head
                head, _, last = w.rpartition("-")
                if last:
                    return head + "-" + self.lemma(last, upos)
            return w
        if upos in ("VERB", "AUX"):
            lw = w.lower()
            if lw.endswith("en") or lw.endswith("ern") or lw.endswith("eln"):
                return lw
            for suf, rep in (("test", "en"), ("tet", "en"), ("ten", "en"), ("te", "en"), ("st", "en"),
                             ("t", "en"), ("e", "en")):
                if lw.endswith(suf) and len(lw) > len(suf) + 2:
                    return lw[: -len(suf)] + rep
            return lw
        if upos == "ADJ":
            lw = w.lower()
            for suf in _ADJ_ENDINGS:
                if lw.endswith(suf) and len(lw) - len(suf) >= 3:
                    return lw[: -len(suf)]
            return lw
        return w.lower() if upos in ("ADP", "DET", "PRON", "CCONJ", "SCONJ", "PART", "ADV") else w

    # -- all layers ----------------------------------------------------------------------------
    def annotate(self, sentences: list[list[Token]], text: str | None = None) -> list[Entity]:
        """Fill upos/xpos/lemma/mood/ent of every token; returns the entities (offsets from tokens)."""
        entities: list[Entity] = []
        pending: list[tuple[list[Token], list[str], list[str]]] = []
        sentences = [toks for toks in sentences if toks]
        all_words = [[t.text for t in toks] for toks in sentences]
        mood = self.mood.mood
        lemma = self.lemma
        cache = self._lemma_cache
        for toks, words, (upos, xpos) in zip(sentences, all_words, self.tag_many(all_words), strict=True):
            self.fix_finite(words, upos, xpos)
            for i, t in enumerate(toks):
                u = upos[i]
                x = xpos[i]
                t.upos = u
                t.xpos = x
                # the lemma depends on (form, UPOS) only: cached
                lem = cache.get((t.text, u))
                if lem is None:
                    lem = lemma(t.text, u)
                    if len(cache) < 300_000:
                        cache[(t.text, u)] = lem
                t.lemma = lem
                t.mood = mood(words, i, x) if x[0] == "V" else None
            pending.append((toks, words, upos))
        if self.ner is not None and pending:
            many = getattr(self.ner, "predict_many", None)
            if many is not None:  # decode all sentences together: far fewer Python steps
                all_labels = many([(w, u) for _, w, u in pending])
            else:
                all_labels = [self.ner.predict(w, u) for _, w, u in pending]
            for (toks, _, _), labels in zip(pending, all_labels, strict=True):
                for t, lab in zip(toks, labels, strict=False):
                    t.ent = None if lab == "O" else lab
                entities.extend(_spans(toks, labels, text))
        return entities


def _spans(toks: list[Token], labels: list[str], text: str | None) -> list[Entity]:
    out: list[Entity] = []
    start = None
    label = None
    for i, lab in enumerate(labels + ["O"]):
        if start is not None and (lab == "O" or lab.startswith("B-") or lab[2:] != label):
            s, e = toks[start].start, toks[i - 1].end
            surface = text[s:e] if text is not None else " ".join(t.text for t in toks[start:i])
            out.append(Entity(surface, s, e, label or "MISC"))
            start = None
        if lab != "O" and start is None:
            start, label = i, lab[2:]
    return out


__all__ = ["Analyzer", "MODEL_DIR"]
