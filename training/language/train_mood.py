"""Build the verb-form -> mood lexicon from `ablaut` conjugation tables (+ a prior from gold data).

Verb lemmas: every VERB/AUX lemma in UD GSD dev, UD PUD and the HanTa silver data, plus the
modal/auxiliary verbs. For each lemma, ablaut gives present/preterite indicative, Konjunktiv I
and II and the imperative; we keep the finite word (and particle+finite for separable verbs, as
in subordinate clauses: "..., dass er aufstehe"). Old spelling variants (muß, daß-era) are added.
Prior: for forms that are ambiguous in the tables, the gold Mood counts of GSD dev + PUD.
Output: models/language/mood.json.gz  {"forms": {form: {mood: person-bitmask}}, "prior": {form: mood}}
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict

from training.language.data import GSD_DEV, PUD, read_surface
from training.language.train_pos import OUT, SILVER

from quellenlage.language.perceptron import gzip_text_writer

BASE_VERBS = """sein haben werden können müssen sollen wollen dürfen mögen lassen sagen geben gehen kommen
stehen liegen sehen wissen bleiben halten bringen denken finden heißen nehmen tun machen glauben""".split()


def build(log=print) -> dict:
    import ablaut

    lemmas: set[str] = set(BASE_VERBS)
    prior_c: dict[str, Counter] = defaultdict(Counter)
    for path, stts in ((GSD_DEV, True), (PUD, False)):
        for s in read_surface(path, stts=stts):
            for w, u, lem, f in zip(s.tokens, s.upos, s.lemmas, s.feats, strict=False):
                if u in ("VERB", "AUX") and lem.isalpha() and lem.islower():
                    lemmas.add(lem)
                if "Mood" in f:
                    prior_c[w.lower()][{"Ind": "ind", "Sub": "sub", "Imp": "imp"}[f["Mood"]]] += 1
    if SILVER.exists():
        for line in SILVER.open(encoding="utf-8"):
            for _w, lem, t in json.loads(line):
                if t.startswith("V") and lem.isalpha() and lem.islower() and lem.endswith("n"):
                    lemmas.add(lem)
    forms: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    ok = 0
    participles: set[str] = set()
    infinitives: set[str] = set()
    for lem in sorted(lemmas):
        try:
            c = ablaut.conjugate(lem)
        except Exception:  # not a verb ablaut knows
            continue
        ok += 1
        infinitives.add(lem)
        if c.zu_infinitive:
            infinitives.add(c.zu_infinitive.replace(" ", "").lower())
        if c.past_participle:
            pp = c.past_participle.lower()
            participles.update({pp, pp.replace("ss", "ß")})
        for mood, table in (("ind", c.present), ("ind", c.preterite), ("subj1", c.konjunktiv1),
                            ("subj2", c.konjunktiv2), ("imp", c.imperative)):
            for person, full in enumerate(table):
                if not full:
                    continue
                parts = full.split()
                variants = {parts[0]}
                if len(parts) > 1:  # separable: subordinate-clause form "aufstehe"
                    variants.add("".join(parts[1:]) + parts[0])
                for v in list(variants):
                    if "ss" in v:
                        variants.add(v.replace("ss", "ß"))
                for v in variants:
                    bit = (1 << person) if mood != "imp" else (1 << (1 if person == 0 else 4))
                    forms[v.lower()][mood] |= bit
    # prior: majority gold mood for table-ambiguous forms (only where the gold data has >= 2 cases)
    prior = {}
    for w, cnt in prior_c.items():
        if w in forms and len(forms[w]) > 1 and sum(cnt.values()) >= 2:
            prior[w] = cnt.most_common(1)[0][0]
    # "sollte(n)" in news is mostly Konjunktiv II ("Die Regierung sollte handeln"); GSD dev+PUD agree
    for w in ("sollte", "sollten", "solltest"):
        prior[w] = "sub"
    data = {"forms": {k: dict(v) for k, v in forms.items()}, "prior": prior,
            "participles": sorted(participles), "infinitives": sorted(infinitives)}
    with gzip_text_writer(OUT / "mood.json.gz") as f:
        json.dump(data, f, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    log(f"mood lexicon: {ok} verbs, {len(forms)} forms, {len(prior)} prior entries")
    return {"mood_verbs": ok, "mood_forms": len(forms)}


if __name__ == "__main__":
    build()
