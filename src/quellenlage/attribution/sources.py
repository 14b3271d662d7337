"""Speaker mentions -> sources: names, roles, pronoun resolution and source kinds."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from quellenlage.attribution import lexicon as L

try:  # the language layer's outlet / state-body gazetteer, when present
    from quellenlage.language.gazetteer import is_government as _gaz_gov
    from quellenlage.language.gazetteer import media_name as _gaz_media
except ImportError:  # pragma: no cover - older language layer: own lists only
    _gaz_gov = None
    _gaz_media = None

_ROLE_SUFFIX = re.compile(
    r"(minister(in)?|präsident(in)?|sprecher(in)?|chef(in)?|leiter(in)?|vorsitzende[rn]?|direktor(in)?|"
    r"professor(in)?|kanzler(in)?|offizier|experte|expertin|bürgermeister(in)?|senator(in)?|"
    r"abgeordnete[rn]?|trainer(in)?|anwalt|anwältin|sekretär(in)?|botschafter(in)?|general|"
    r"kommissar(in)?|richter(in)?|politiker(in)?|manager(in)?|gründer(in)?|autor(in)?|"
    r"wissenschaftler(in)?|forscher(in)?|vertreter(in)?|beauftragte[rn]?|funktionär(in)?|"
    r"chefin|bischof|papst|könig(in)?|prinz(essin)?|fürst|kandidat(in)?|journalist(in)?|"
    r"analyst(in)?|ökonom(in)?|ermittler(in)?|staatsanwalt|arzt|ärztin|mitglied|spieler(in)?|"
    r"vorstand|inhaber(in)?|aktivist(in)?|historiker(in)?|dr|prof|herr|frau|chef|kapitän|pfarrer|"
    r"premier|premierminister(in)?|regisseur(in)?|sänger(in)?|schauspieler(in)?|"
    r"ministerpräsident(in)?)$")


def is_role_word(w: str) -> bool:
    lw = w.lower().rstrip(".")
    return bool(_ROLE_SUFFIX.search(lw)) or lw.startswith("ex-")


@dataclass
class SourceInfo:
    key: str
    name: str
    kind: str
    role: str | None
    mentions: list[tuple[int, int, str]] = field(default_factory=list)
    id: str = ""


def analyse_mention(words: list[str], ents: list[str | None]) -> tuple[str, str, str | None, str]:
    """(name, kind, role, merge key) for a speaker mention given as its words (memoised)."""
    return _analyse(tuple(words), tuple(ents))


@lru_cache(maxsize=65536)
def _analyse(words_t: tuple[str, ...], ents_t: tuple[str | None, ...]) -> tuple[str, str, str | None, str]:
    words, ents = list(words_t), list(ents_t)
    low = [w.lower() for w in words]
    # drop leading source nouns: "Angaben der Polizei" -> "der Polizei"
    i = 0
    while i < len(words) and (low[i] in L.SOURCE_NOUNS or low[i] in L.DETERMINERS
                              or low[i] in {"von", "vom", "eigenen", "ersten", "offiziellen"}):
        i += 1
    core_w, core_l = words[i:], low[i:]
    core_e = ents[i:]
    if not core_w:
        core_w, core_l, core_e = words, low, ents
    if len(low) >= 2 and low[0] in {"einer", "eine"} and low[1] in {"der", "des", "seiner", "ihrer"}:
        return _detok(words), "person", None, "p:" + _norm(low)  # "einer der Wissenschaftler"
    if len(core_l) == 1 and core_l[0] in L.PRONOUNS:
        return words[0], "person", None, "PRON"
    # split an apposition "Role, Name" / "Name, Role"
    parts: list[list[int]] = [[]]
    for k, w in enumerate(core_w):
        if w == ",":
            parts.append([])
        elif w not in {"„", "“", "\"", "”", "»", "«", "(", ")"}:
            parts[-1].append(k)
    if not any((e or "").endswith("PER") for e in core_e) and _kind(core_l, core_e, core_w) == "media" and any(
            w in L.MEDIA or (e or "").endswith("MEDIA") for w, e in zip(core_l, core_e, strict=True)) or (
            _gaz_media is not None and _gaz_media(" ".join(core_w))):
        name = (_gaz_media(" ".join(core_w)) if _gaz_media is not None else None) or _detok(
            [w for w in core_w if w not in {"„", "“", "\"", "”", "»", "«"}])
        return name, "media", None, "m:" + name.lower()
    name_idx = _person_name(core_w, core_l, core_e, parts)
    if name_idx and name_idx[0] == 0 and i > 0 and low[i - 1] in L.DETERMINERS and len(name_idx) == 1 \
            and not any((e or "").endswith("PER") for e in core_e):
        name_idx = []  # "die Unterstützer des Antrags": a common noun after an article, not a name
    if name_idx:
        name = " ".join(core_w[k] for k in name_idx)
        rest = [k for k in range(len(core_w)) if k not in name_idx and core_w[k] != ","]
        role_words = [core_w[k] for k in rest if not (k == rest[0] and core_l[k] in L.DETERMINERS)]
        role = " ".join(role_words).strip() or None
        if role:
            role = re.sub(r"\s+([,.)])", r"\1", role).replace("( ", "(")
        return name, "person", role, "P:" + core_w[name_idx[-1]].lower()
    if any(w in L.SOURCE_NOUNS for w in low) and not any(
            w[:1].isupper() and w.lower() not in L.SOURCE_NOUNS for w in core_w if w.lower() not in L.SOURCE_NOUNS):
        return _detok(words), "anonymous", None, "a:" + _norm(low)
    kind = _kind(core_l, core_e, core_w)
    name = _detok([w for w in core_w if w not in {"„", "“", "\"", "”", "»", "«"}])
    return name, kind, None, kind[0] + ":" + _norm(core_l)


def _detok(words: list[str]) -> str:
    s = " ".join(words)
    s = re.sub(r"([„»(]) ", r"\1", s)
    s = re.sub(r" ([“«\",.)])", r"\1", s)
    s = re.sub(r'" ([^"]*)"', r'"\1"', s)
    return s


def _norm(low: list[str]) -> str:
    return " ".join(w for w in low if w not in L.DETERMINERS and w.isalnum() or "-" in w)


COUNTRIES = {"deutschland", "russland", "israel", "iran", "china", "usa", "frankreich", "ukraine", "türkei",
             "nordkorea", "südkorea", "japan", "indien", "polen", "österreich", "schweiz", "großbritannien",
             "italien", "spanien", "ägypten", "syrien", "irak", "afghanistan", "pakistan", "saudi-arabien",
             "katar", "libanon", "brasilien", "venezuela", "kanada", "mexiko", "washington", "moskau", "peking",
             "berlin", "kiew", "teheran", "london", "paris", "brüssel", "ungarn", "griechenland", "serbien",
             "belarus", "weißrussland", "taiwan", "jemen", "libyen", "tunesien", "marokko", "algerien",
             "niederlande", "belgien", "dänemark", "schweden", "norwegen", "finnland", "tschechien", "rumänien",
             "bulgarien", "kroatien", "portugal", "irland", "australien", "argentinien", "kolumbien", "kuba",
             "vietnam", "thailand", "indonesien", "philippinen", "nigeria", "südafrika", "kenia", "äthiopien",
             "sudan", "jordanien", "georgien", "armenien", "aserbaidschan", "kasachstan", "kreml", "pjöngjang"}
_GOV_STEMS = ("ministeri", "regierung", "polizei", "gericht", "behörde", "geheimdienst", "staatsanwalt",
              "armee", "militär", "kommando", "bundesanwalt", "kommission", "bundesamt", "landesamt",
              "feuerwehr", "verwaltung", "senat", "parlament", "streitkräfte", "nachrichtendienst",
              "bundeswehr", "staatsmedien")
_ORG_STEMS = ("partei", "verband", "konzern", "gewerkschaft", "institut", "universität", "verein",
              "organisation", "unternehmen", "stiftung", "initiative", "bank", "ngo", "gruppe", "haus",
              "gesellschaft", "firma", "kasse", "klinik", "bündnis", "fraktion", "hersteller", "betreiber",
              "börse", "agentur", "werk", "kette", "vereinigung", "rat", "komitee", "club", "team")


def _ungen(low: list[str]) -> list[str]:
    """Words plus their forms without a genitive ending ("Unternehmens" -> "unternehmen")."""
    out = list(low)
    for w in low:
        if len(w) > 4 and w.endswith("es"):
            out.append(w[:-2])
        if len(w) > 3 and w.endswith("s"):
            out.append(w[:-1])
    return out


def _kind(low: list[str], ents: list[str | None], words: list[str] | None = None) -> str:
    low = _ungen(low)
    caps = [w for w in (words or []) if w[:1].isupper()]
    text = " ".join(words or low)
    if low and (low[-1] in L.ANONYMOUS or low[-1].endswith(("kreise", "kreisen"))):
        return "anonymous"  # "Regierungskreise", "informierten Kreisen", "Experten"
    if any((e or "").endswith("MEDIA") for e in ents) or any(w in L.MEDIA for w in low) or (
            _gaz_media is not None and _gaz_media(text)):
        return "media"
    if _gaz_gov is not None and _gaz_gov(text):
        return "government"
    if any(w in L.GOVERNMENT or w in COUNTRIES for w in low) or any(
            any(st in w for st in _GOV_STEMS) and "partei" not in w for w in low):
        return "government"
    if any(w in L.ORGANIZATION for w in low) or any(w.endswith(_ORG_STEMS) for w in low) \
            or any((e or "").endswith("ORG") for e in ents) \
            or any(len(w) >= 2 and w.isupper() and w.isalpha() for w in caps):
        return "organization"
    if any(w in L.ANONYMOUS for w in low):
        return "anonymous"
    if any(is_role_word(w) for w in (words or [])):
        return "person"
    if low and low[0] in L.DETERMINERS and len(caps) >= 1:
        return "organization"  # "das Geldhaus", "die Berliner NGO": a named body, not a person
    return "person"


def _person_name(words: list[str], low: list[str], ents: list[str | None], parts: list[list[int]]) -> list[int]:
    """Token indices of a person's name inside a mention, or []."""
    runs: list[list[int]] = []
    for k, e in enumerate(ents):
        if (e or "").endswith("PER") and words[k][:1].isupper():
            if runs and runs[-1][-1] == k - 1 and not (e or "").startswith("B-"):
                runs[-1].append(k)
            else:
                runs.append([k])
    # The NER model sometimes stops after a first name ("Matt|Shoemaker betont"): extend a PER
    # run over directly following capitalised words that cannot be anything but a name part.
    for r in runs:
        k = r[-1] + 1
        while (k < len(words) and len(r) < 4 and words[k][:1].isupper() and not (ents[k] or "").startswith("B-")
               and not is_role_word(words[k]) and low[k] not in L.DETERMINERS and low[k] not in L.GOVERNMENT
               and low[k] not in L.ORGANIZATION and low[k] not in L.MEDIA and low[k] not in L.SOURCE_NOUNS
               and low[k] not in L.ANONYMOUS):
            r.append(k)
            k += 1
    runs = [r for r in runs if _name_ok(r, words, low)]
    if runs:
        return max(runs, key=lambda r: (len(r), r[0]))
    best: list[int] = []
    for part in parts:
        run: list[int] = []
        for k in part:
            w = words[k]
            if (w[:1].isupper() and low[k] not in L.DETERMINERS and low[k] not in L.GOVERNMENT and low[k] not in L.ORGANIZATION
                    and low[k] not in L.MEDIA and low[k] not in L.ANONYMOUS and low[k] not in L.SOURCE_NOUNS
                    and not is_role_word(w) and not low[k].endswith(("ministerium", "partei", "regierung"))):
                run.append(k)
            else:
                if run and _name_ok(run, words, low):
                    best = run
                run = []
        if run and _name_ok(run, words, low):
            best = run
        if best:
            return best
    return []


def _name_ok(run: list[int], words: list[str], low: list[str]) -> bool:
    first = run[0]
    if first > 0 and low[first - 1] in L.DETERMINERS and not is_role_word(words[first - 1]):
        return False  # "der Defense Intelligence Agency", "die Berliner SPD"
    if first > 0 and low[first - 1] in {"von", "vom", "der", "des", "für", "an", "aus"}:
        return False
    if len(run) > 4:
        return False
    # a lone word needs to stand alone or after a role ("Innenminister Schäuble")
    if any(low[k] in COUNTRIES or (words[k].isupper() and len(words[k]) > 1) for k in run):
        return False
    if len(run) == 1:
        w = low[run[0]]
        if w.endswith(("ung", "heit", "keit", "schaft", "tion", "ismus", "tät", "ium", "amt", "haus")):
            return False
        if any(x.endswith(_ORG_STEMS) or x in L.ORGANIZATION for x in _ungen([w])) or any(st in w for st in _GOV_STEMS):
            return False
    return True


class SourceTable:
    """Merges mentions into sources in order of appearance."""

    def __init__(self) -> None:
        self.sources: list[SourceInfo] = []
        self.by_key: dict[str, SourceInfo] = {}
        self.last_person: SourceInfo | None = None

    def add(self, words: list[str], ents: list[str | None], start: int, end: int, text: str) -> SourceInfo:
        name, kind, role, key = analyse_mention(words, ents)
        if key == "PRON":
            if self.last_person is not None:
                self.last_person.mentions.append((start, end, text))
                return self.last_person
            key = "P:" + name.lower()
        src = self.by_key.get(key)
        if src is None and kind == "person":
            # "Shoemaker" after "Matt Shoemaker": same surname key already
            pass
        if src is None:
            src = SourceInfo(key, name, kind, role)
            src.id = f"src{len(self.sources) + 1}"
            self.sources.append(src)
            self.by_key[key] = src
        else:
            if role and not src.role:
                src.role = role
            if len(name) > len(src.name) and kind == "person":
                src.name = name
        src.mentions.append((start, end, text))
        if src.kind == "person":
            self.last_person = src
        return src

    def impersonal(self, name: str) -> SourceInfo:
        key = "impersonal"
        src = self.by_key.get(key)
        if src is None:
            src = SourceInfo(key, name, "impersonal", None)
            src.id = f"src{len(self.sources) + 1}"
            self.sources.append(src)
            self.by_key[key] = src
        return src
