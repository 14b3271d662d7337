"""Finite-verb mood: ind / subj1 / subj2 / imp from a conjugation lexicon plus subject agreement.

The lexicon (built by training/language/train_mood.py from `ablaut` tables) maps each finite
form to its possible moods with person bitmasks (bit 0..5 = 1sg 2sg 3sg 1pl 2pl 3pl). Forms
that are ambiguous are resolved by (1) the person of a pronoun subject in the same clause
("ich habe" = ind, "er habe" / "Russland habe" = subj1), (2) a prior from gold data,
(3) the default: indicative (weak preterite = Konjunktiv II forms read as past tense).
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

_PRONOUN_PERSON = {"ich": 0, "du": 1, "er": 2, "sie": 2, "es": 2, "man": 2, "wir": 3, "ihr": 4}
_CLAUSE_BREAK = frozenset({",", ";", ":", ".", "!", "?", "(", ")", "–", "-", "—", '"', "„", "“", "”",
                           "»", "«", "und", "oder", "aber", "dass", "daß", "weil", "ob", "wenn"})


class MoodLexicon:
    def __init__(self, forms: dict[str, dict[str, int]], prior: dict[str, str],
                 participles: frozenset[str] = frozenset(), infinitives: frozenset[str] = frozenset()) -> None:
        self.forms = forms
        self.prior = prior
        self.participles = participles
        self.infinitives = infinitives

    @classmethod
    def load(cls, path: Path) -> MoodLexicon:
        with gzip.open(path, "rt", encoding="utf-8") as f:
            d = json.load(f)
        return cls(d["forms"], d["prior"], frozenset(d.get("participles", ())),
                   frozenset(d.get("infinitives", ())))

    def finite_only(self, word: str, xpos: str) -> bool:
        """A verb tagged participle/infinitive whose form can only be finite ("unterstreicht", "fielen")."""
        w = word.lower()
        rd = self.forms.get(w)
        if not rd or not ("ind" in rd or "subj1" in rd or "subj2" in rd):
            return False
        if xpos.endswith("PP"):
            return w not in self.participles
        if xpos.endswith("INF") or xpos.endswith("IZU"):
            return w not in self.infinitives
        return False

    def mood(self, words: list[str], i: int, xpos: str) -> str | None:
        """Mood of words[i], tagged `xpos` (STTS); None when the tag is not finite."""
        if not xpos.startswith("V"):
            return None
        imp_tag = xpos.endswith("IMP")
        if not (xpos.endswith("FIN") or imp_tag):
            return None
        w = words[i].lower()
        readings = self.forms.get(w)
        if readings is None and "-" in w:
            readings = self.forms.get(w.rsplit("-", 1)[1])
        if imp_tag:
            return "imp"
        if not readings:
            # unknown form: "-e" without a 1st-person subject reads as Konjunktiv I ("handele")
            if w.endswith("e") and not w.endswith("te") and self._pronoun_person(words, i) not in (0, 1):
                return "subj1"
            return "ind"
        moods = [m for m in readings if m != "imp"]
        if not moods:
            return "ind"
        if len(moods) == 1:
            return moods[0]
        # subject person from a pronoun in the same clause (a few words either side)
        person = self._pronoun_person(words, i)
        if person is not None:
            fitting = [m for m in moods if readings[m] >> person & 1]
            if len(fitting) == 1:
                return fitting[0]
            if "ind" in fitting:
                return "ind"  # identical forms ("ich habe", "wir haben"): read as indicative
            if fitting:
                moods = fitting
        else:
            # no pronoun subject: a noun/name subject is 3rd person (plural for "-n" forms)
            person = 5 if w.endswith("n") else 2
            fitting = [m for m in moods if readings[m] >> person & 1]
            if fitting and "ind" not in fitting:
                return "subj1" if "subj1" in fitting else fitting[0]
        p = self.prior.get(w)
        if p == "sub":
            for m in ("subj1", "subj2"):
                if m in moods:
                    return m
        if p == "ind" and "ind" in moods:
            return "ind"
        return "ind" if "ind" in moods else moods[0]

    @staticmethod
    def _pronoun_person(words: list[str], i: int) -> int | None:
        n = len(words)
        # right side first (inversion: "habe ich", "sei er"), then left side
        for j in range(i + 1, min(n, i + 3)):
            lw = words[j].lower()
            if lw in _CLAUSE_BREAK:
                break
            if lw in _PRONOUN_PERSON and not (lw == "sie" and words[j] == "Sie"):
                return _PRONOUN_PERSON[lw]
        for j in range(i - 1, max(-1, i - 4), -1):
            lw = words[j].lower()
            if lw in _CLAUSE_BREAK:
                break
            if lw in _PRONOUN_PERSON:
                if lw == "sie" and words[j] == "Sie" and j > 0:
                    return 5  # polite/plural Sie
                return _PRONOUN_PERSON[lw]
        return None
