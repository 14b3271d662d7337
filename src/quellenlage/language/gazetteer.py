"""Curated gazetteers: news media (MEDIA) and government bodies, for NER and source classification.

`media_name(text)` -> canonical outlet name or None ("dem 'Daily Express'" -> "Daily Express");
`is_government(text)` -> bool ("der US-Geheimdienst", "das Bundesinnenministerium", "BND").
Matching is on normalised text (articles/quotes stripped, case-insensitive for long names,
case-sensitive for short acronyms so that "taz" / "AP" / "Welt" do not fire on ordinary words
where that matters).
"""

from __future__ import annotations

import re

# canonical name -> surface variants (the canonical name itself is always a variant)
MEDIA: dict[str, tuple[str, ...]] = {
    # agencies
    "dpa": ("dpa", "Deutsche Presse-Agentur", "Deutschen Presse-Agentur", "Deutsche Presseagentur"),
    "AFP": ("AFP", "Agence France-Presse", "Agence France Presse"),
    "AP": ("AP", "Associated Press"),
    "Reuters": ("Reuters", "Thomson Reuters"),
    "KNA": ("KNA", "Katholische Nachrichten-Agentur"),
    "epd": ("epd", "Evangelischer Pressedienst"),
    "dts": ("dts", "dts Nachrichtenagentur"),
    "APA": ("APA", "Austria Presse Agentur"),
    "SDA": ("SDA", "Keystone-SDA"),
    "Bloomberg": ("Bloomberg",),
    "Interfax": ("Interfax",),
    "TASS": ("TASS", "Tass"),
    "RIA Nowosti": ("RIA Nowosti", "Ria Nowosti", "RIA"),
    "Xinhua": ("Xinhua",),
    "ANSA": ("ANSA",),
    "EFE": ("EFE",),
    "Yonhap": ("Yonhap",),
    "KCNA": ("KCNA", "KCNA", "Koreanische Zentrale Nachrichtenagentur"),
    # German newspapers / magazines / online
    "Bild": ("Bild", "BILD", "Bild-Zeitung", "Bild am Sonntag", "BamS", "bild.de"),
    "Spiegel": ("Spiegel", "Der Spiegel", "SPIEGEL", "Spiegel Online", "spiegel.de"),
    "FAZ": ("FAZ", "F.A.Z.", "Frankfurter Allgemeine", "Frankfurter Allgemeine Zeitung",
            "Frankfurter Allgemeine Sonntagszeitung", "FAS", "faz.net"),
    "SZ": ("SZ", "Süddeutsche", "Süddeutsche Zeitung", "sueddeutsche.de"),
    "Welt": ("Welt", "Die Welt", "WELT", "Welt am Sonntag", "welt.de"),
    "Focus": ("Focus", "FOCUS", "Focus Online", "focus.de"),
    "Stern": ("Stern", "stern", "stern.de"),
    "taz": ("taz", "die tageszeitung"),
    "Zeit": ("Zeit", "Die Zeit", "ZEIT", "Zeit Online", "zeit.de"),
    "Handelsblatt": ("Handelsblatt",),
    "Tagesspiegel": ("Tagesspiegel", "Der Tagesspiegel"),
    "Frankfurter Rundschau": ("Frankfurter Rundschau", "FR"),
    "Berliner Zeitung": ("Berliner Zeitung",),
    "Berliner Morgenpost": ("Berliner Morgenpost",),
    "Neue Zürcher Zeitung": ("Neue Zürcher Zeitung", "NZZ"),
    "Der Standard": ("Der Standard", "Standard"),
    "Die Presse": ("Die Presse",),
    "Kronen Zeitung": ("Kronen Zeitung", "Krone"),
    "Kleine Zeitung": ("Kleine Zeitung",),
    "Salzburger Nachrichten": ("Salzburger Nachrichten",),
    "Tages-Anzeiger": ("Tages-Anzeiger",),
    "Blick": ("Blick",),
    "20 Minuten": ("20 Minuten",),
    "t-online": ("t-online", "T-Online", "t-online.de"),
    "RND": ("RND", "RedaktionsNetzwerk Deutschland", "Redaktionsnetzwerk Deutschland"),
    "Funke Mediengruppe": ("Funke Mediengruppe", "Funke-Mediengruppe", "Funke"),
    "WAZ": ("WAZ", "Westdeutsche Allgemeine Zeitung"),
    "Rheinische Post": ("Rheinische Post", "RP"),
    "Kölner Stadt-Anzeiger": ("Kölner Stadt-Anzeiger",),
    "Stuttgarter Zeitung": ("Stuttgarter Zeitung",),
    "Hamburger Abendblatt": ("Hamburger Abendblatt",),
    "Münchner Merkur": ("Münchner Merkur",),
    "Augsburger Allgemeine": ("Augsburger Allgemeine",),
    "Neue Osnabrücker Zeitung": ("Neue Osnabrücker Zeitung", "NOZ"),
    "Märkische Allgemeine": ("Märkische Allgemeine",),
    "Cicero": ("Cicero",),
    "Correctiv": ("Correctiv", "CORRECTIV"),
    "netzpolitik.org": ("netzpolitik.org",),
    "Business Insider": ("Business Insider",),
    "Capital": ("Capital",),
    "Wirtschaftswoche": ("Wirtschaftswoche", "WirtschaftsWoche", "WiWo"),
    "Manager Magazin": ("Manager Magazin", "manager magazin"),
    "Junge Freiheit": ("Junge Freiheit",),
    "Neues Deutschland": ("Neues Deutschland", "nd"),
    "Freitag": ("Der Freitag",),
    "Tagesschau": ("tagesschau", "Tagesschau", "tagesschau.de", "Tagesthemen", "tagesthemen"),
    "heute": ("heute journal", "heute-journal", "ZDFheute", "ZDF heute"),
    # broadcasters
    "ARD": ("ARD", "Das Erste"),
    "ZDF": ("ZDF",),
    "ntv": ("ntv", "n-tv", "NTV"),
    "RTL": ("RTL",),
    "Sat.1": ("Sat.1", "SAT.1"),
    "ProSieben": ("ProSieben",),
    "Deutschlandfunk": ("Deutschlandfunk", "DLF", "Deutschlandradio"),
    "Deutsche Welle": ("Deutsche Welle", "DW"),
    "BR": ("BR", "Bayerischer Rundfunk"),
    "WDR": ("WDR", "Westdeutscher Rundfunk"),
    "NDR": ("NDR", "Norddeutscher Rundfunk"),
    "SWR": ("SWR", "Südwestrundfunk"),
    "MDR": ("MDR", "Mitteldeutscher Rundfunk"),
    "HR": ("hr", "Hessischer Rundfunk", "hessenschau"),
    "RBB": ("RBB", "rbb", "rbb24"),
    "SR": ("Saarländischer Rundfunk",),
    "ORF": ("ORF",),
    "SRF": ("SRF", "Schweizer Radio und Fernsehen"),
    "Phoenix": ("Phoenix",),
    "Welt TV": ("Welt TV", "WELT TV"),
    "Euronews": ("Euronews",),
    # international
    "Daily Express": ("Daily Express", "Express"),
    "Daily Mail": ("Daily Mail", "Mail"),
    "The Sun": ("The Sun", "Sun"),
    "Daily Telegraph": ("Daily Telegraph", "The Telegraph", "Telegraph"),
    "The Guardian": ("The Guardian", "Guardian"),
    "The Times": ("The Times", "Times"),
    "Financial Times": ("Financial Times", "FT"),
    "The Economist": ("The Economist", "Economist"),
    "BBC": ("BBC",),
    "Sky News": ("Sky News",),
    "New York Times": ("New York Times", "The New York Times", "NYT"),
    "Washington Post": ("Washington Post", "The Washington Post"),
    "Wall Street Journal": ("Wall Street Journal", "The Wall Street Journal", "WSJ"),
    "CNN": ("CNN",),
    "Fox News": ("Fox News",),
    "NBC": ("NBC", "NBC News"),
    "CBS": ("CBS", "CBS News"),
    "ABC": ("ABC", "ABC News"),
    "Politico": ("Politico",),
    "Axios": ("Axios",),
    "Newsweek": ("Newsweek",),
    "Time": ("Time Magazine",),
    "Le Monde": ("Le Monde",),
    "Le Figaro": ("Le Figaro",),
    "Libération": ("Libération",),
    "La Repubblica": ("La Repubblica", "Repubblica"),
    "Corriere della Sera": ("Corriere della Sera",),
    "El País": ("El País",),
    "Al Jazeera": ("Al Jazeera", "Al-Dschasira", "Al Dschasira"),
    "Al Arabiya": ("Al Arabiya",),
    "Haaretz": ("Haaretz",),
    "Times of Israel": ("Times of Israel",),
    "Jerusalem Post": ("Jerusalem Post",),
    "Kyiv Independent": ("Kyiv Independent",),
    "Ukrajinska Prawda": ("Ukrajinska Prawda", "Ukrainska Pravda"),
    "Kommersant": ("Kommersant",),
    "Iswestija": ("Iswestija",),
    "RT": ("RT", "Russia Today"),
    "Sputnik": ("Sputnik",),
    "NHK": ("NHK",),
    "South China Morning Post": ("South China Morning Post",),
    "Global Times": ("Global Times",),
}

# Variants that are ordinary German words: only match with an article/quote context or capital
# letter (handled by the NER/attribution caller); `media_name` still accepts them as whole strings.
_AMBIGUOUS = {"Welt", "Stern", "Zeit", "Focus", "Bild", "Express", "Mail", "Sun", "Times", "Standard",
              "Blick", "Krone", "Capital", "Funke", "Guardian", "Telegraph", "Economist", "heute",
              "Phoenix", "Sputnik", "nd", "hr", "RP", "FR", "DW", "BR", "AP", "RIA", "Presse"}

_ARTICLES = re.compile(r"^(?:der|die|das|dem|den|des|the|laut|von|vom|im|in|bei|beim|gegenüber)\s+",
                       re.IGNORECASE)
_QUOTES = "\"'„“”‚‘’»«›‹"

_MEDIA_INDEX: dict[str, str] = {}
for _canon, _variants in MEDIA.items():
    for _v in (_canon, *_variants):
        _MEDIA_INDEX[_v] = _canon
        if len(_v) > 4:
            _MEDIA_INDEX.setdefault(_v.lower(), _canon)
# genitive / inflected forms: "Spiegels", "des Handelsblatts", "der Süddeutschen Zeitung"
for _v, _c in list(_MEDIA_INDEX.items()):
    if len(_v) > 3 and _v[-1] not in "sxzß" and " " not in _v:
        _MEDIA_INDEX.setdefault(_v + "s", _c)
    if _v.endswith("e Zeitung") or _v.endswith("e Allgemeine"):
        _MEDIA_INDEX.setdefault(_v.replace("e Zeitung", "en Zeitung").replace("e Allgemeine", "en Allgemeinen"), _c)

_ART_WORDS = frozenset({"der", "die", "das", "Der", "Die", "Das", "the", "The", "des", "den", "dem", "am",
                        "und", "of", "de", "la", "La", "Le", "El", "della"})
# tokens of unambiguous outlet names (NER feature) and their possible first tokens (overlay trigger)
MEDIA_TOKENS: frozenset[str] = frozenset(
    t for v in _MEDIA_INDEX if v not in _AMBIGUOUS for t in v.split() if t not in _ART_WORDS)
MEDIA_FIRST: frozenset[str] = frozenset(
    [t for v in _MEDIA_INDEX if v not in _AMBIGUOUS
     for t in [w for w in v.split() if w not in _ART_WORDS][:1]])


def _normalise(text: str) -> str:
    t = text.strip().strip(_QUOTES).strip()
    prev = None
    while prev != t:
        prev = t
        t = _ARTICLES.sub("", t).strip().strip(_QUOTES).strip()
    return t


def media_name(text: str) -> str | None:
    """Canonical outlet name when `text` names a news medium ("dem 'Daily Express'" -> "Daily Express")."""
    t = _normalise(text)
    if not t:
        return None
    hit = _MEDIA_INDEX.get(t) or (len(t) > 4 and _MEDIA_INDEX.get(t.lower())) or None
    if hit:
        return hit
    # "Zeitung 'Daily Express'", "US-Sender CNN", "britische Boulevardzeitung 'The Sun'"
    parts = re.split(r"[\s\"'„“”‚‘’»«]+", t)
    for k in range(1, min(4, len(parts)) + 1):
        tail = " ".join(p for p in parts[-k:] if p)
        hit = _MEDIA_INDEX.get(tail)
        if hit and (tail not in _AMBIGUOUS or k < len(parts) and _MEDIA_HEAD.search(t)):
            return hit
    return None


_MEDIA_HEAD = re.compile(r"(?i)(zeitung|blatt|magazin|sender|sendung|agentur|nachrichtenagentur|portal|"
                         r"boulevard|tabloid|fernseh|rundfunk|radio|tv|newsletter|online)")

# -- government bodies ------------------------------------------------------------------------
GOVERNMENT_EXACT = frozenset("""
BND BfV MAD BKA LKA BSI BAMF BMI BMF BMJ BMVg BMWK BMAS BMBF BMG BMZ BMEL BMUV BMDV AA BVerfG BGH BVerwG
BAG BFH EuGH EGMR Bundeswehr Bundesregierung Bundestag Bundesrat Bundeskanzleramt Kanzleramt
Bundespräsidialamt Bundesanwaltschaft Generalbundesanwalt Generalbundesanwaltschaft Bundespolizei
Polizei Staatsanwaltschaft Verfassungsschutz Bundesverfassungsgericht Bundesgerichtshof Bundesamt
Bundesnetzagentur Bundeskartellamt Bundesbank Landesregierung Landtag Senat Stadtverwaltung Rathaus
Kreml Weißes Haus Pentagon CIA FBI NSA DIA NSC DHS Mossad MI5 MI6 GCHQ FSB GRU SWR KGB Roskosmos
Kremlsprecher Regierungssprecher Regierungssprecherin Außenamt Auswärtiges Amt Innenministerium
Außenministerium Verteidigungsministerium Finanzministerium Justizministerium Gesundheitsministerium
Wirtschaftsministerium Umweltministerium Verkehrsministerium Bildungsministerium Familienministerium
Landwirtschaftsministerium Arbeitsministerium Entwicklungsministerium
Feuerwehr Zoll Bundesgericht Verwaltungsgericht Landgericht Amtsgericht Oberlandesgericht
Verfassungsgericht Gericht Gerichtshof Militär Armee Streitkräfte Marine Luftwaffe Geheimdienst
Geheimdienste Nachrichtendienst Regierung Ministerium Behörde Behörden Sicherheitsbehörden
Staatsmedien Staatsführung Weißen Hauses Kreml-Sprecher Pentagon-Sprecher Europäische Kommission
EU-Kommission Europaparlament EU-Parlament Vereinte Nationen UN UNO UN-Sicherheitsrat Sicherheitsrat
NATO Nato WHO IAEA IAEO Europol Interpol Frontex EZB Fed Kommission Bundesagentur Arbeitsagentur
Gesundheitsamt Jugendamt Ordnungsamt Robert-Koch-Institut RKI Paul-Ehrlich-Institut PEI
Statistisches Bundesamt Destatis Bundesamt für Statistik Bundesinstitut Landesamt
""".split()) | frozenset({"Weißes Haus", "Weißen Haus", "Auswärtiges Amt", "Auswärtigen Amt",
                          "Europäische Kommission", "Vereinte Nationen", "Vereinten Nationen",
                          "Statistisches Bundesamt", "Robert Koch-Institut"})

# head words (last compound part / last word) that make a phrase a state body
_GOV_HEADS = re.compile(
    r"(?i)(ministerium|ministerien|regierung|geheimdienst|geheimdienste|nachrichtendienst|"
    r"nachrichtendienste|geheimdienstes|polizei|polizeien|staatsanwaltschaft|gericht|gerichts|gerichtshof|"
    r"armee|militär|militärs|streitkräfte|bundeswehr|behörde|behörden|amt|amtes|ämter|verwaltung|"
    r"kanzleramt|präsidialamt|parlament|bundestag|landtag|senat|"
    r"kommission|verfassungsschutz|zoll|feuerwehr|marine|luftwaffe|stadtrat|gemeinderat|"
    r"botschaft|konsulat|kreml|pentagon|generalstab|truppen|sicherheitsrat|zentralbank|bundesbank|"
    r"sprecher|sprecherin)$")
_GOV_PREFIX = re.compile(r"(?i)^(bundes|landes|staats|regierungs|kreml|us|eu|un|nato|innen|außen|"
                         r"verteidigungs|justiz|finanz|polizei|militär|armee|geheimdienst|stadt|ministerial)")
# heads that are government only with a state-ish modifier ("Sprecher" alone is anyone's)
# (person roles like "Minister", "Präsident" are persons, not bodies: not listed)
_WEAK_HEADS = re.compile(r"(?i)(sprecher|sprecherin|kommission|amt|amtes|senat|verwaltung|botschaft)$")


# `_GOV_HEADS.search(s)` / `_WEAK_HEADS.search(s)` scan every start position of `s` (slow with this
# many alternatives); the same test is "the lower-cased string ends with one of the words". The
# two agree except where re's case-insensitive matching folds a character onto a Latin letter
# that str.lower() does not (dotless i, long s, capital I with dot) and where "$" matches before
# a final newline: those strings go to the regex.
_CASE_TRAPS = ("ı", "ſ", "İ")


def _head_words(rx: re.Pattern[str]) -> tuple[str, ...]:
    inner = rx.pattern.removeprefix("(?i)(").removesuffix(")$")
    words = tuple(inner.split("|"))
    if rx.pattern != f"(?i)({inner})$" or not all(w.isalpha() and w == w.lower() for w in words):
        raise ValueError(f"not a plain word-alternation pattern: {rx.pattern}")
    return words


_GOV_HEAD_WORDS = _head_words(_GOV_HEADS)
_WEAK_HEAD_WORDS = _head_words(_WEAK_HEADS)


def _ends_with(s: str, words: tuple[str, ...], rx: re.Pattern[str]) -> bool:
    """`bool(rx.search(s))` for rx = (?i)(word|word|...)$ with `words` its alternatives."""
    if s.endswith("\n") or (not s.isascii() and any(c in s for c in _CASE_TRAPS)):
        return rx.search(s) is not None
    return s.lower().endswith(words)


_ENGLISH_GOV = re.compile(r"\b(Intelligence|Agency|Department|Ministry|Army|Police|Court|Government|"
                          r"Armed Forces|Navy|Air Force|White House|State Department|Homeland Security|"
                          r"Secret Service|National Guard|Senate|Congress|Parliament)\b")


def is_government(text: str) -> bool:
    """Does `text` name a state body (ministry, intelligence service, army, police, court, government)?"""
    t = _normalise(text)
    if not t:
        return False
    if t in GOVERNMENT_EXACT:
        return True
    words = t.split()
    last = words[-1].strip(_QUOTES + ".,;:")
    if last in GOVERNMENT_EXACT and last not in {"Senat", "Kommission", "Gericht", "Regierung"} | {"UN"}:
        return True
    if _ENGLISH_GOV.search(t) and not media_name(t):
        return True
    # "das Landgericht Köln", "Bundesamt für Verfassungsschutz": any word may carry the head
    for w in words[:-1]:
        w = w.strip(_QUOTES + ".,;:")
        if (w[:1].isupper() and _ends_with(w.rsplit("-", 1)[-1], _GOV_HEAD_WORDS, _GOV_HEADS)
                and not _ends_with(w, _WEAK_HEAD_WORDS, _WEAK_HEADS)):
            return True
    head = last.rsplit("-", 1)[-1]
    if _ends_with(head, _GOV_HEAD_WORDS, _GOV_HEADS) or _ends_with(last, _GOV_HEAD_WORDS, _GOV_HEADS):
        if _ends_with(head, _WEAK_HEAD_WORDS, _WEAK_HEADS):
            # "US-Präsident", "Regierungssprecher", "Bundeskanzler" yes; "Vereinspräsident" no
            return bool(_GOV_PREFIX.search(last)) or any(
                w.lower().startswith(("bundes", "landes", "staats", "regierungs")) or w in GOVERNMENT_EXACT
                for w in words[:-1])
        return True
    return False


def is_media_token(tok: str) -> bool:
    """Token that is part of an unambiguous media name (NER feature)."""
    return tok in MEDIA_TOKENS
