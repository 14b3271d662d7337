"""Rule-based quotation detection: direct, indirect, free indirect and reported speech.

Works on the flat token sequence of a `Doc` (from the language layer) in one left-to-right
pass per sentence, so the cost is linear in the article length. Produces `RawQuote`s with
token ranges; `sources.py` turns speakers into `Source`s and `component.py` writes the Doc.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from quellenlage.attribution import lexicon as L

try:  # outlet gazetteer of the language layer, when present
    from quellenlage.language.gazetteer import media_name as _gaz_media
except ImportError:  # pragma: no cover
    _gaz_media = None
from quellenlage.model import Doc, Token

OPEN_CLOSE = {"„": "“”\"", "»": "«", "«": "»", "“": "”\"", '"': '"', "‚": "‘’"}
QUOTE_CHARS = set("„“”\"»«‚‘’")
WH = {"dass", "ob", "wie", "warum", "wer", "was", "wo", "wann", "weshalb", "wieso", "inwieweit",
      "welche", "welcher", "welches", "weil", "wodurch", "womit", "wofür", "woher", "wohin"}
PUNCT_END = set(".!?…")
BOUNDARY = set(",;:–-—()[]")
NAME_LINK = {"of", "the", "for", "de", "la", "du", "van", "y", "di", "da", "and", "&", "al", "el", "bin"}
STRONG_SAY = {"sagen", "erklären", "betonen", "behaupten", "schreiben", "mitteilen", "berichten", "meinen",
              "versichern", "unterstreichen", "bekräftigen", "ergänzen", "hinzufügen", "warnen", "argumentieren"}
UPOS_STOP = True
TWO_NOUN = False
# speaker span boundaries (round 4; train gain of each switch alone: simplified speaker F1 / roles F1)
PREFIELD_SUBJ = True  # a speaker ending at the finite verb spans the whole prefield ("A der X im | Y, Z, hat"): +.0011/+.0012
PREFIELD_END = True  # a speaker opening the sentence spans its prefield up to the verb ("X | im Y, Z, hat"): +.0014/+.0010
_POSTPOS = {"zufolge", "nach", "gemäß", "laut", "entsprechend"}
APPOS_MID = True  # "wie X, ein Sprecher der Y, der Presse mitteilte": apposition in a verb-final clause: +.0007/+.0006
APPOS_TAIL = True  # an apposition up to the verb/sentence end stops before "am Montag", "X | das …": +.0006/+.0004
_TAIL_PREPS = {"am", "nach", "vor", "seit", "während", "gegenüber", "wegen", "trotz"}
WIKI_QUOTE = True  # the wiki markup '' quotes a name like „…“ ("die Zeitung ''La Nacion''"): +.0012/+.0009
QUOTE_GEN = True  # "ein Test des Magazins „auto, motor und sport“": a title after a genitive noun: +.0006/+.0004
PREP_EXT_STOP = True  # PREP_EXT stops before a PP after a person's name or a participle phrase: +.0007/+.0006
PART_ATTR = True  # "schrieb die in New York geborene Lopez": extended participial attribute: +.0007/+.0006
LAUT_BARE = True  # "laut Airbus | Bestellungen für …": an article-less "laut" source is one noun: +.0006/+.0005
CONTENT_NO_SPK = True  # the final (extended) speaker span is cut out of indirect content ("…, sagte X, Apposition."): WikiNews keeps them apart
KEIN_STOP = True  # "sah ROG keine Entwarnung": a negative article after the head opens the object, not an attribute
ADJ_PP_OBJ = True  # "sah X von der Y gute Chancen": ADJ_OBJ also after a PP attribute that follows a head
NUM_ENT = True  # "der Sportchef von Bayer 04 Leverkusen", "dem Dekret Nr. 72": a number inside a name or after "Nr."
CONTENT_REL = True  # "Laut dem Bericht, der Fälle auflistet, seien …": a relative clause on the speaker opens no content
CONTENT_FRAME = True  # "<content>, verlautbarte X, Apposition, in …": a postposed frame the content swallowed ends it
CONTENT_REST = True  # ... and the verbless frame words after it ("…, so X am Donnerstag.", "sagte X, gegenüber der BBC, dass")
GEN_ADJS = True  # a genitive attribute may open with two or three adjectives or a quantifier
_GEN_QUANT = {"vieler", "aller", "mehrerer", "einiger", "zahlreicher", "beider", "weiterer", "verschiedener"}
ADJ_OBJ = True  # an adjective right after a noun phrase's head starts another phrase unless genitive "-er"
SUBORD = {"der", "die", "das", "dem", "den", "welche", "welcher", "welches", "dass", "weil", "da", "wo", "wobei",
          "nachdem", "obwohl", "wenn", "als", "während", "bevor", "denen", "deren", "dessen"}
OPINION_NOUNS = {"ansicht", "meinung", "auffassung", "überzeugung", "einschätzung", "position", "standpunkt"}
CONT_TYPE = "indirect"
GAP = 1  # sentences a Konjunktiv-I continuation may be away from its frame
ORPHAN_FI = True  # Konjunktiv-I sentence without a known speaker: still reported speech
ORPHAN_CHAIN = True  # ... and the Konjunktiv-I sentences right after it continue it (one quote, not one each)
DROP_ANON_DIRECT = False
# WikiNews span conventions and frame extensions (tuned on the train split, last 150 documents
# held out; each switch was kept only when it helped both the held-out part and the other 550)
TITLE_DROP = True  # a frameless quote right after "Lied", "Motto", "Titel", ... names a work: no quote
ALS_LABEL = True  # "X bezeichnete Y als „große Tragödie“": short quotes after a labelling verb + "als"
FRAMED_REPLACE = True  # a framed direct quote replaces an indirect one with the same cue around it
HEISST_DIRECT = True  # "„...“, heißt es in der Erklärung": "heißt es" frames a direct quote
CUE_SHARE_GAP = 1  # a direct quote right after a framed one (next sentence) shares its cue
EXT_APPOS = True  # speaker spans include a trailing apposition ("X, Klub-Sekretär der Y,")
EXT_APPOS_VERB = True  # ... also when the apposition runs up to the verb
EXT_PP = True  # ... and a short place/organisation PP ("Karl Harb von den Salzburger Nachrichten")
PP_IN_DET = True  # "in X" only after a described speaker ("ein Sprecher in Koblenz", not "Seibert in Berlin")
NEST_KEEP = 0.93  # an indirect quote is replaced by the direct quote inside it only when that covers 93 %
NEST_CUE = True  # a nested direct quote carries the outer frame's cue
ZU_ALL = True  # every clause-taking reporting verb may take a zu-infinitive complement
AGE_ADJ = True  # "Der 85-jährige Joseph Ratzinger": age adjectives inside noun phrases
SUBJ_FIX = True  # adverbial / prepositional prefields are not subjects; inserted phrases before the verb
PREP_EXT = True  # "Nach Angaben des Direktors, X, sei ...": the prefield up to the verb is the source
NAME_AL = True  # "Ali al-Omair"
PART_COMMA = True  # separable particle after an apposition ("teilte der Direktor, X, mit")
SRC_END = True  # more source nouns after "nach" ("nach Behördenangaben", "dem Vernehmen nach")
SRC_ADJ = True  # "eigenen Angaben nach"
CUE_SICH = True  # reflexive "sich" after the cue verb is part of the cue
NOUN_FORMS = True  # a capitalised word tagged as a noun mid-sentence is no reporting verb
DAS_MORE = True  # "…, das teilte X mit." and "Das wurde von X bekannt gegeben."
ZU_NOCLAUSE = True  # "rief Russland auf, ... durchzusetzen": zu-infinitive verbs without a dass-clause
SO_VERB = True  # "…, so vermutet die Polizei."
AUX_FRAME = True  # „...“, hatte X gesagt
SUBJ_ADV = True  # a sentence adverb between subject and verb ("Die Kanadier hingegen sagen")
_SUBJ_ADVERBS = {"hingegen", "dagegen", "jedoch", "allerdings", "aber", "indes", "indessen", "wiederum",
                 "selbst", "ebenfalls", "auch", "nun", "jetzt", "bereits", "schon", "zudem", "außerdem", "damals",
                 "heute", "gestern", "zuvor", "inzwischen", "mittlerweile", "seinerseits", "ihrerseits"}
WIE_MORE = True  # postposed ", wie X mitteilte." and "Wie X, Apposition, mitteilte, ..."
PASSIVE_AGENT = True  # passive speech acts: the "von X" agent is the speaker, none without one
_WERDEN = {"wird", "wurde", "werden", "wurden", "worden"}
NPB_UPOS = True  # "dem Korrespondenten al-Jazeeras zufolge", "Ihnen zufolge": tagged nouns and dative pronouns
_DAT_PRONOUNS = {"ihm", "ihr", "ihnen"}
SRC_OWN = True  # "nach eigenen Angaben" (mid-sentence too)
DAT_ADDR = True  # "sagte X dem Weser-Kurier": dative outlet as addressee
SPLIT_SPK = True  # unknown frame clause split off a whole-sentence quote gives speaker and cue
SPLIT_SUBJ = True  # ... with appositions, pronouns and subjects after the verb as well
SPLIT_REP = True  # ... also for speech acts that turn out to have a complement clause
SUBJ2_CL = True  # "X sagte, nach dem Spiel hätten alle ...": Konjunktiv II complement of a saying verb
QUOTED_NAME = True  # a short quoted name before the verb („Die Welt“) does not start a new clause
SPLIT_APPOS = True  # unknown frame clauses whose subject has an apposition between commas
INF_NOT_PASSIVE = True  # "wird … erklären" is future tense, not passive
HEISSEN_PERF = True  # "hatte es geheißen, dass …"
IMPERSONAL_KNOWN = True  # "Im April wurde bekannt, dass …": an impersonal report without a speaker
APPOS_AFTER = True  # "erklärte X, Apposition, <content>": the complement starts after the apposition
SEMI_END = True  # reported content ends at ";" unless Konjunktiv I follows
# cue-less whole-sentence quotes with an unknown frame before the first comma (train: such a quote got
# the speaker of the quote before it, in ~35 of ~320 cue-less indirect quotes); the complement may be
SPLIT_V2 = True  # ... a Konjunktiv main clause opened by an article ("X ging davon aus, die Lage sei ernst")
SPLIT_CAUSAL = True  # ... a Konjunktiv "weil"/"da" clause ("X erhob Einspruch, weil Berlin ... habe")
ZU_JOINED = True  # "hat angekündigt, kurzfristig zurückzutreten als Chefin der CDU": joined zu-infinitives
FRAME_NEAREST = True  # "X kritisierte die Pläne und sagte, ...": the clause is the complement of "sagte" only
REP_OPEN = True  # a speech act over the whole sentence leaves its words to later frames ("bestritt ..., indem er sagte, ...")
REP_DROP = True  # ... and gives way to the quote such a frame finds
SUBJ2_ALL = True  # "kündigte an, die Taliban würden ...": Konjunktiv II complements of every clause-taking verb
PP_NUM = True  # "sprach die Agentur von 50.000 Menschen": a PP with a number is no part of the speaker
LONE_NOUN = True  # "Freizeitforscher bezweifeln aber, dass": a lone mistagged noun before a verb without subject
SO_ADV = True  # ", so Obama weiter, ..."
_SO_ADVERBS = {"weiter", "weiterhin", "außerdem", "zudem", "abschließend", "ebenfalls", "auch", "dazu", "selbst"}
AUS_SICHT = True  # "aus Sicht der Organisationen"
LAUT_PART = True  # "laut einer am Dienstag veröffentlichten Mitteilung"
NPB_PAREN = True  # "X (VDR) zufolge": a bracketed abbreviation inside the noun phrase before "zufolge"
PRON_NO_PP = True  # a lone personal pronoun takes no PP attribute ("forderte er vom Ausschuss": not "er vom Ausschuss")
DOMAIN_HEAD = True  # "laut spiegel.de": a lower-case web address is a name, not an adjective
FINITE_NOT_ADJ = True  # a finite verb ("Laut X blieben einige ...") is no attributive adjective of a noun phrase
ACC_PREFIELD = True  # "Den Vorschlag bezeichnete X als ...": a prefield opened by a non-nominative article is no subject
NAME_NO_GEN = True  # a person's name or an acronym takes no genitive attribute: "laut Ina Roth der Sprecher" stops at the name
NPA_COMPOUND = True  # "laut einer dpa-Meldung": compounds with a lower-case first part are nouns too
NAME_PP = True  # names with an inner preposition before the verb: "Ärzte ohne Grenzen teilte mit"
COMMA_IND = True  # ", <indicative verb>" after reported content is the frame's next clause: "…, er sei
#                   unschuldig, erkannte die Autorität nicht an" ends the content at the comma
MERGE_WEAK = True  # consecutive continuation sentences form one quote, also reportative "soll" ones
MERGE_FIRST = True
FB_BARE = True  # "X kommentierte „...“" without colon
FB_INV = True  # "Passend dazu warnte die Moderatorin: „...“" (subject after the verb)
# "Für die Ministerin ist das „…“", "…, war für X „…“": whose judgement a (short) quote is, from a clause-opening "für"
# phrase (train roles 0.7246 -> 0.7252, speaker 0.7339 -> 0.7350)
FUER_FRAME = True
APPOS_MOOD = True  # no apposition that is the subject of reported speech ("X, Nordkorea besitze ...")
ADDR_FIX = True  # "beschuldigte X" is active, not the passive participle "beschuldigt"; more object verbs
ADDR_MORE = True  # objects between auxiliary and participle; "gegenüber X" anywhere in the frame
TRIM_PP = True  # "Oliver Zille bei der Vorstellung", "Schnappauf aus Sicherheitsgründen": adverbial PPs after a name
APPOS_END = True  # ... or up to the end of the sentence after a postposed speaker
APPOS_COMMA = True  # "X, Fraktionschefin von Bündnis 90/Die Grünen, kritisierte": apposition up to the comma
PP_PLACE = True  # "die Regierung in Lomé", "der Fraktion im Bundestag": a named place/body after the speaker
LEAD_PARTICLE = True  # "etwa die Vorsitzende X", "aus einer Pressemitteilung": the particle is not in the speaker span
_LEAD_PARTICLES = {"etwa", "einzig", "sogar", "selbst", "auch", "nur", "aus", "zumindest", "insbesondere"}
STRIP_PREP = {"für", "von", "bei", "aus"}  # "Für den Theologen Hans Küng sei ...": preposition not in the span
ORPHAN_WINDOW = 4
# a Konjunktiv-I sentence holding a quoted fragment continues reported speech too ("Es drohe „…“.")
SUBJ1_QUOTED = True
QUOTED_MIN_WORDS = 2  # words outside the quotation marks
SUBJ2_CONT = True  # a Konjunktiv-II sentence right after reported speech continues it ("Starke Winde hätten ...")
SUBJ2_MODAL = {"könnte", "könnten", "müsste", "müssten", "dürfte", "dürften", "sollte", "sollten", "möchte",
               "möchten", "wollte", "wollten"}
SUBJ2_COND = {"wenn", "falls", "ob", "sonst", "andernfalls"}
# ... also with a condition ("Die Streiks würden fortgesetzt, wenn kein Angebot komme"): right after reported
# speech the Konjunktiv-II main clause is the speaker's announcement, not the writer's conditional
SUBJ2_IF = True
NENNEN_LABEL = True  # "X nannte den Platzverweis „überzogen“": a short label after "nennen" + object, no "als"
RECALL_VERBS = True  # clause-taking verbs of lexicon.RECALL_VERBS ("hatten vereinbart, …", "bestehen darauf, dass")
REP_MORE = True  # more reported-speech verbs (lexicon.REP_MORE: "sagten Regen voraus", "regte eine Konferenz an")
HALTEN_FUER = True  # "Analysten halten X für wahrscheinlich.": "für" + adjective at the clause end, no dass-clause
DECIDE = True  # "Das Gericht hat entschieden, dass …": a ruling reported like speech (lexicon "entscheiden")
CONJ_CLAUSE = True  # "…, und das Hilfswerk rief Russland auf, …": the subject after ", und" opens the frame
NACH_DOC = True  # sentence-initial "Nach dem Grundgesetz ist …", "Nach einem EU-Dokument leben …": a text as source
LOWER_ENT = True  # a lower-case word the name tagger marks is a name head ("Die taz vermutet", "eBay hält")
ES_ALS_AN = True  # "Das Gericht sah es als erwiesen an, dass …": "es … als … an" frames a clause
PART_AUX = True  # the finite auxiliary/modal of a particle infinitive or participle ("will … bekannt geben")
COORD_SUBJ = True  # "Die Polizei und die Feuerwehr erklärten, …", "Sowohl X als auch Y": a coordinated subject
QUOTED_MID = True  # a short quoted name before a separated particle ("teilte die „Süddeutsche Zeitung“ mit")
APPOS_AUX = True  # an apposition between auxiliary and participle: "hatte der Bürgermeister, Hans Müller, erklärt"
UND_INV = True  # "Im Januar legte er sein Amt nieder und verkündete, …": the subject after the first verb
PASSIVE_FAR = True  # "Ihm wird unter anderem vorgeworfen, …": "wird" further from the participle, in the cue
SUB_FRAME = True  # "…, der erklärte, dass …", "…, da sie befürchten, …": a frame verb ending a subordinate clause
CUE_PREP = True  # "sprach von", "warnte vor": the preposition of the speech act belongs to the cue
CUE_VERB = True  # "X konstatierte eine „Kluft …“": a quoted phrase in its speaker's clause has the verb as cue
CUE_AUX = True  # "hatte ... betont": the perfect auxiliary of a participle cue
CUE_INNER = True  # "hat sich ... geäußert", "hat X dazu aufgefordert": "sich" and "dazu" between the verb's parts
# (train roles gain of each switch, the others on, in brackets)
CUE_AUX_AFTER = True  # verb-final "…, wie X bekanntgegeben hat", "soll X gesagt haben": the auxiliary too (+0.0004)
CUE_NOUN = True  # "kamen zu dem Ergebnis, dass", "hat die Bereitschaft erklärt": the statement noun phrase (+0.0007)
CUE_PRONADV_ARG = True  # "sagte dazu: „…“", "erklären dagegen, …": no complement, no cue (+0.0004)
CUE_WIE_FAR = True  # "Wie X, Apposition, in Y mitteilte" / "Wie es hieß": the "wie" before a long speaker span (+0.0007)
ADDR_PRON = True  # "hatten ihm vorgeworfen", "Ihm wird vorgeworfen", "hat 300 Bewohner aufgefordert": more object forms
ADDR_OBJ = True  # bare "fordern"/"zurückweisen": the accusative is the demand, not the addressee ("forderte von X": X)
ADDR_FRONT = True  # a fronted object: "An die Regierung appellierte sie", "Der Regierung X wird vorgeworfen"
ADDR_MID = True  # passive with an adverb in the prefield: "Darin wird der König aufgefordert, …"
ADDR_SUB = True  # verb-final clauses: "…, der der Regierung vorwarf, …", "…, die alle Bürger aufforderte, …"
ADDR_REP = True  # reported speech ("Die Behörden werfen X Betrug vor"): the object inside the quote
# "die Forderung der Polizei, sich zu stellen", "die Behauptung, X werde …": a speech-act noun frames the zu-, dass-,
# ob- or Konjunktiv-I clause after it (train: speaker F1 +0.0020, roles +0.0018, message +0.0017)
SPEECH_NOUN = True
# nominalised speech acts and stances (cf. the verbs in lexicon._VERBS); decision nouns ("Plan", "Beschluss",
# "Entscheidung", "Angebot", "Empfehlung") were as often no quote on train and are left out
_SPEECH_NOUNS = {"forderung", "forderungen", "ankündigung", "aufforderung", "appell", "vorwurf", "vorwürfe", "bitte",
                 "warnung", "behauptung", "behauptungen", "vorschlag", "zusage", "versprechen", "drohung", "aufruf",
                 "zweifel", "ängste", "angst", "sorge", "sorgen", "hoffnung", "verdacht", "hinweis", "hinweise", "ultimatum"}
# ... where such a noun without agent is an object ("Die Staatsanwaltschaft hegt den Verdacht, …"), the subject of its
# clause is the speaker (train: speaker F1 +0.0010, roles +0.0006)
SPEECH_NOUN_SUBJ = True
_ATTR_START = {"des", "der", "eines", "einer", "von", "vom"}
_ATTR_START_AN = _ATTR_START | {"an"}  # ... or the addressee ("die Bitte an die Stadt")
# "Dieser behauptete, …", "Einige vertreten die Auffassung, …": a lone demonstrative or quantifying pronoun before the
# verb is its subject (train: roles +0.0006, speaker F1 +0.0004, message +0.0007)
DEM_SUBJ = True
_LONE_SUBJ = {"diese", "dieser", "dieses", "jene", "jener", "einige", "viele", "andere", "manche", "beide", "letzterer",
              "letztere"}
# "Da …, warnte die Polizei vor …": a speech act without complement after an adverbial clause is reported speech
# (train: speaker F1 +0.0009, roles +0.0006, message +0.0009)
ADV_REPORT = True
# "X nannte Y einen Fehler und rief Z auf, …": a speech act beside an indirect quote in a coordinated clause stays a
# quote of its own clause (train: speaker F1 +0.0006, roles +0.0005)
REP_COORD = True
PASSIVE_REPORT = True  # "Als Ursache wurde ... angegeben.", "Vermutet werden ...": agentless reported speech
# "Aus diesem Grund forderte X", "Von den Ländern erklärten nur X": "aus"/"von" prefields are no subject either
# (train: speaker F1 +0.0012)
PREP_AUS_VON = True
_PREPS_MORE = {"aus", "außer", "von", "vom"}
# "Von den Behörden wird angenommen, dass …", "In einem Bericht der Zeitung wurde vermutet, dass …": the fronted
# agent or the document of an agentless passive speech act is its source (train: speaker F1 +0.0019)
PASSIVE_SOURCE = True
# "Der Vorsitzende im Landtag, Hans Müller, hatte X aufgefordert": a verbless noun phrase with an apposition before
# the verb is its subject, not the name after the verb (train: speaker F1 +0.0057, roles +0.0037)
APPOS_PREFIELD = True
# "Die Gründung wird begrüßt, die Organisation bezweifelt aber, dass …": the subject of the clause after the comma
# (train: speaker F1 +0.0005)
COMMA_MAIN = True
# "Besorgt äußerte sich Kofi Annan": a lone participle in the prefield is no subject (train: speaker F1 +0.0004)
PART_PREFIELD = True
_DOC_HEADS = ("bericht", "mitteilung", "erklärung", "stellungnahme", "schreiben", "brief", "interview", "ausgabe",
              "studie", "analyse", "meldung", "artikel", "papier", "dokument")
_ALS_PASSIVE = {"nennen", "angeben", "vermuten"}
_FRONTED_PASSIVE = {"nennen", "angeben", "vermuten", "bemängeln", "befürchten", "kritisieren", "fordern", "beklagen"}
# "„…“, heißt es in der Erklärung", "In dem Schreiben heißt es: „…“": a direct quote framed by "heißt es" is no
# indirect quote over the whole sentence as well (train: 8 spurious indirect quotes, each beside the aligned direct)
HEISST_QUOTED = True
# "Da ein Rückflug nicht möglich war, entschied sich der Pilot …", "In einem Referendum, das … stattfand, sprach
# sich … aus": an adverbial clause or a PP with a relative clause in the prefield is no postposed content
FRONTED_ADV = True
_ADV_SUBORD = {"da", "während", "falls", "seit", "seitdem", "sobald", "bevor", "sofern", "solange"}
REL_PRONOUNS = {"der", "die", "das", "dem", "den", "deren", "dessen", "denen", "welche", "welcher", "welches",
                "welchem", "welchen", "wo"}
# Konjunktiv I only on words that can be verb forms (train: the tagger's "e" of "e.V.", "anstelle", "solange",
# "manche", "space" made 12 frameless sentences spurious continuations of reported speech)
SUBJ1_FORM = True
_NOT_SUBJ1 = {"anstelle", "solange", "ehe", "infrage", "manche", "alle", "jede", "diese", "jene", "welche", "solche",
              "keine", "eine", "ohne", "gerne", "bessere", "andere", "beide", "viele", "einige", "mehrere", "etliche"}
_ENGLISH_BEFORE = {"the", "a", "to", "let", "it", "will", "can", "would", "must"}
_ENGLISH_AFTER = {"the", "a", "of", "and", "to", "it"}
# "Die Veranstalter schätzten 2.000, nach Polizeiangaben waren es 1.000.": a source frame in the second of two
# main clauses reports only that clause (train roles +0.0006, speaker +0.0008, message +0.0006)
PREP_CLAUSE = True
_CLAUSE_CONJ = {"dass", "weil", "wenn", "ob", "obwohl", "nachdem", "während", "als", "da", "falls", "bevor"}
# "teilte die zur Universität gehörende Stelle mit": a subject with an extended participial attribute after
# the verb (train roles +0.0006, speaker +0.0007)
POST_PART = True
# "nach Abschluss der Ermittlungen", "einen Tag nach dem Beschluss": "nach" of time is no source frame (train: 4
# spurious indirect quotes)
NACH_TIME = True
_TIME_BEFORE_NACH = {"tag", "tage", "tagen", "woche", "wochen", "monat", "monate", "monaten", "jahr", "jahre", "jahren",
                     "stunden", "minuten", "kurz", "erst", "bald", "unmittelbar", "gleich", "schon", "noch"}
_WORD = re.compile(r"\w", re.UNICODE)


@dataclass
class RawQuote:
    type: str
    content: list[tuple[int, int]]  # token ranges [a, b)
    cue: list[tuple[int, int]] = field(default_factory=list)
    speaker: tuple[int, int] | None = None
    addressee: tuple[int, int] | None = None
    channel: tuple[int, int] | None = None  # token range naming the medium
    impersonal: bool = False  # "es wird vermutet", "heißt es": no agent
    sent: int = 0
    inherited: bool = False  # speaker carried over from an earlier quote
    display_cue: list[tuple[int, int]] = field(default_factory=list)  # shown to users, not a WikiNews cue
    continuation: bool = False  # a sentence continuing earlier reported speech (no frame of its own)
    weak: bool = False  # only reportative "soll": a quote in the WikiNews scheme, not a sentence attribution
    # the speaker ranker's candidates, best first, and the earlier quotes' speakers it saw (kept per quote, so
    # concurrent documents never share them)
    ranking: tuple[list[tuple[int, int] | None], list[tuple[int, int] | None]] | None = field(
        default=None, repr=False, compare=False)


class Toks:
    """Flat token arrays of a Doc with per-token sentence index and quote flags."""

    def __init__(self, doc: Doc) -> None:
        self.text = doc.text
        self.sent_range: list[tuple[int, int]] = []
        # one pass picking the tokens, then one comprehension per array (faster than eight appends per token)
        flat: list[Token] = []
        self.sent: list[int] = []
        last_end = -1
        for si, sent in enumerate(doc.sentences):
            a = len(flat)
            for t in sent.tokens:
                if t.start < last_end:
                    continue  # a token the language layer gave to two sentences (closing quote)
                flat.append(t)
                self.sent.append(si)
                last_end = t.end
            self.sent_range.append((a, len(flat)))
        self.w: list[str] = [t.text for t in flat]
        self.s: list[int] = [t.start for t in flat]
        self.e: list[int] = [t.end for t in flat]
        self.mood: list[str | None] = [t.mood for t in flat]
        self.lemma: list[str | None] = [t.lemma for t in flat]
        self.upos: list[str | None] = [t.upos for t in flat]
        self.ent: list[str | None] = [t.ent for t in flat]
        self.low = [x.lower() for x in self.w]
        self.n = len(self.w)
        self.inq = [False] * self.n  # inside a direct quotation
        # per-document memos of the speaker ranker (speaker.py): the same noun phrases are candidates of
        # several quotes, and their kind and quote-independent features need computing once
        self.kind_memo: dict[tuple[int, int], tuple[str, bool]] = {}
        self.cand_memo: dict[tuple[int, int], tuple[str, list[str], list[str], str, str | None]] = {}

    def is_word(self, i: int) -> bool:
        return bool(_WORD.match(self.w[i]))

    def cap(self, i: int) -> bool:
        w = self.w[i]
        return w[:1].isupper() or w[:1].isdigit()

    @functools.cached_property
    def midcaps(self) -> set[str]:
        """Words written capitalised somewhere other than a sentence start (names recur so; adverbs and
        participles do not)."""
        starts = {a for a, _ in self.sent_range}
        return {self.w[x] for x in range(self.n) if x not in starts and self.w[x][:1].isupper()}


def _is_subj1(t: Toks, i: int) -> bool:
    m = t.mood[i]
    if m is not None:
        if SUBJ1_FORM and m == "subj1" and not _subj1_form(t, i):
            return False
        return m == "subj1"
    return t.low[i] in L.SUBJ1 and not (i > 0 and t.low[i - 1] in {"ich", "wir"})


def opens_relative(t: Toks, c: int, end: int) -> bool:
    """The clause after the comma `c` (before `end`) opens with a relative pronoun, with or without a
    preposition before it ("…, das …", "…, in dem …")."""
    r = c + 2 if c + 2 < end and t.upos[c + 1] == "ADP" else c + 1
    return r < end and t.low[r] in REL_PRONOUNS


def _subj1_form(t: Toks, i: int) -> bool:
    """A word the language layer tagged Konjunktiv I that can be one: a lower-case German verb form, not the
    "e" of "e.V.", "anstelle", "solange", a capitalised noun or an English word ("space", "be")."""
    w = t.w[i]
    if len(w) < 3 or not w.isalpha() or (w[:1].isupper() and i != t.sent_range[t.sent[i]][0]):
        return False
    low = t.low[i]
    return low not in _NOT_SUBJ1 and not (i > 0 and t.low[i - 1] in _ENGLISH_BEFORE) and not (
        i + 1 < t.n and t.low[i + 1] in _ENGLISH_AFTER)


# ---------------------------------------------------------------- noun phrases

_WEB_NAME = re.compile(r"^[a-z0-9][a-z0-9-]*(\.[a-z0-9-]+)*\.(de|com|net|org|at|ch|info|eu|fr|uk)$")


_PART1_ENDINGS = ("ende", "enden", "endem", "endes")  # present participles used as adjectives ("überlebende")


def np_after(t: Toks, i: int, end: int, appos: bool = True) -> tuple[int, int] | None:
    """A speaker-like noun phrase starting at token i (before `end`): token range or None."""
    j = i
    last_head = -1
    while j < end:
        lw, w = t.low[j], t.w[j]
        if UPOS_STOP and t.upos[j] in ("VERB", "AUX") and last_head >= 0:
            break
        if AGE_ADJ and w.isdigit() and j + 3 < end and t.w[j + 1] == "-" and t.w[j + 2][:1].islower() \
                and t.low[j + 2].startswith(("jährig", "köpfig", "fach", "malig")):
            j += 3  # "Der 85-jährige Joseph Ratzinger" (tokens 85 / - / jährige): an age adjective
            continue
        if NUM_ENT and last_head == j - 1 and w[:1].isdigit() and (
                (t.ent[j] or "").startswith("I-") or t.low[last_head] == "nr."):
            last_head = j
            j += 1
            continue
        if last_head >= 0 and w[:1].isdigit() and t.low[last_head] not in {"nr", "artikel", "paragraph"}:
            break  # "der Netzzeitung 40 Menschen"
        if w in QUOTE_CHARS or WIKI_QUOTE and w == "''":
            # a quoted name ("dem 'Daily Express'"): take it whole when short
            k = j + 1
            while k < end and k < j + 8 and t.w[k] not in QUOTE_CHARS and t.w[k] != w:
                k += 1
            if k < end and (t.w[k] in QUOTE_CHARS or t.w[k] == w) and k > j + 1:
                j = k + 1
                last_head = k
                continue
            break
        if not t.is_word(j):
            if w == "(":  # "(SPD)" after a name
                k = j + 1
                while k < end and k < j + 6 and t.w[k] != ")":
                    k += 1
                if k < end and t.w[k] == ")" and last_head >= 0:
                    j = k + 1
                    last_head = k
                    continue
            break
        if KEIN_STOP and last_head >= 0 and lw in _KEIN:
            break
        if lw in L.DETERMINERS or lw in L.GENITIVE_LINK:
            if NAME_NO_GEN and last_head == j - 1 and lw in {"der", "die", "das", "dem", "den", "des"} \
                    and t.upos[last_head] == "PROPN" and ((t.ent[last_head] or "").endswith("PER")
                                                         or t.w[last_head].isupper() and len(t.w[last_head]) > 1):
                break  # "Auskunft der NASA | der überwiegende Teil", "laut Ina Roth | der Sprecher"
            if last_head >= 0 and lw in {"der", "dem"} and j + 1 < end and t.low[last_head] not in L.SOURCE_NOUNS \
                    and not t.low[last_head].endswith(("bericht", "artikel", "meldung", "ung", "angaben")) and (
                    t.low[j + 1] in L.MEDIA or (t.w[j + 1] in QUOTE_CHARS and _kind_words(t, (j, min(end, j + 6)))
                                                 == "media")):
                break  # dative outlet after the speaker: "sagte Huber der Zeitung 'Die Welt'"
            if last_head >= 0 and lw not in L.GENITIVE_LINK and lw not in {
                    "des", "der", "seiner", "ihrer", "seines", "ihres", "eines", "einer", "dessen", "deren"} and not (
                    GEN_ADJS and (lw in _GEN_QUANT or t.low[j - 1] in {"der", "des"} and j - 1 > last_head)):
                break  # (but "Meinung vieler Experten", "Meinung der beiden Politiker": a genitive attribute)
            if last_head >= 0 and j + 1 < end and not (t.cap(j + 1) or t.low[j + 1] in L.DETERMINERS
                                                       or t.w[j + 1] in QUOTE_CHARS
                                                       or (j + 2 < end and t.cap(j + 2)) or _adj_run(t, j + 1, end)):
                break
            j += 1
            continue
        if NAME_AL and last_head == j - 1 and lw.startswith(("al-", "el-", "ad-", "as-", "bin-")) and len(lw) > 4:
            last_head = j  # "Ali al-Omair"
            j += 1
            continue
        if lw in NAME_LINK and last_head >= 0 and j + 1 < end and t.w[j + 1][:1].isupper():
            j += 1
            continue
        if lw in {"und", "sowie"} and last_head >= 0 and j + 1 < end and t.low[j + 1] not in L.VERB_FORMS and (
                t.cap(j + 1) or (t.low[j + 1] in L.DETERMINERS and j + 2 < end and t.cap(j + 2))):
            j += 1
            continue
        if lw in L.PRONOUNS and j == i:
            return (i, i + 1) if lw != "es" else None
        if (t.cap(j) or NPA_COMPOUND and "-" in w[1:] and w.rsplit("-", 1)[1][:1].isupper()
                or LOWER_ENT and w[:1].islower() and len(w) > 2 and (t.ent[j] or "")[:2] in {"B-", "I-"}
                and lw not in L.VERB_FORMS and lw not in L.AUX) and (
                lw not in L.NP_STOP or j == i and w[:1].isupper() and lw not in L.NP_STOP):
            if lw in L.VERB_FORMS and last_head >= 0:
                break
            if TWO_NOUN and last_head == j - 1 and last_head > i and t.low[last_head - 1] in L.DETERMINERS \
                    and t.w[last_head][:1].isupper() and not _role_or_name(t, last_head) \
                    and not (t.ent[j] or "").endswith(("PER", "ORG", "MEDIA")):
                break  # "die Organisationen Bürger": a second noun phrase starts
            last_head = j
            j += 1
            continue
        if DOMAIN_HEAD and _WEB_NAME.match(lw):
            last_head = j  # "laut ndr.de", "wie t-online.de berichtet"
            j += 1
            continue
        if FINITE_NOT_ADJ and t.upos[j] in ("VERB", "AUX") and t.mood[j] == "ind":
            break
        if w[:1].islower() and lw not in L.NP_STOP and lw not in L.VERB_FORMS and lw not in L.AUX \
                and j + 1 < end and (t.cap(j + 1) or t.low[j + 1] not in L.NP_STOP):
            # attributive adjective ("die staatlichen Medien"): needs a noun later
            if last_head >= 0 and t.low[j - 1] not in L.DETERMINERS and not (
                    lw.endswith(("en", "em", "er", "es", "e")) and j + 1 < end and t.w[j + 1][:1].isupper()
                    and t.low[j - 1] not in L.PRONOUNS):
                break
            if last_head == j - 1 and not lw.endswith("er"):  # (an article-less "-er" attribute is genitive)
                part1 = lw.endswith(_PART1_ENDINGS)
                if ADJ_OBJ and not t.w[j - 1].isupper() and not (part1 and not lw.startswith("folgend")) and not any(
                        t.low[k] in L.DETERMINERS or t.upos[k] in ("ADP", "NUM") or t.w[k][:1].isdigit()
                        for k in range(i + 1, j)):
                    # "sagte Zapatero finanzielle Hilfen zu": an attribute after the head opens the object;
                    # inside an extended attribute ("die das Unglück überlebende X") it does not
                    break
                if ADJ_PP_OBJ and not part1 and _head_before_pp(t, i, j):
                    break  # "X von der Y | gute Chancen": the PP belongs to a head before it, no extended attribute
            j += 1
            continue
        break
    if last_head < 0:
        return None
    stop = last_head + 1
    # apposition: "X, der Vorsitzende der Wahlkommission," / "Paul Bracken, Professor für ..."
    if appos and stop + 1 < end and t.w[stop] == "," and (t.low[stop + 1] in L.DETERMINERS or t.cap(stop + 1)):
        if t.low[stop + 1] not in {"der", "die", "das", "dessen", "deren"} or (
                stop + 2 < end and (t.cap(stop + 2) or t.w[stop + 2][:1].islower())
                and t.low[stop + 2] not in L.VERB_FORMS):
            ap = np_after(t, stop + 1, end, appos=False)
            if ap and (ap[1] >= end or t.w[ap[1]] in {",", ".", ":"}) and ap[1] - ap[0] <= 12:
                # relative clause check: "der gestern sagte" would end in a verb
                return (i, ap[1])
    return (i, stop)


_KEIN = {"kein", "keine", "keinen", "keinem", "keiner", "keines", "keinerlei"}


def _head_before_pp(t: Toks, i: int, j: int) -> bool:
    """In the phrase [i, j) a capitalised head comes before the first preposition ("X von der Y"), so a
    preposition there attaches a PP to that head rather than opening an extended attribute."""
    adp = next((k for k in range(i + 1, j) if t.upos[k] == "ADP"), None)
    return adp is not None and any(t.cap(k) and t.upos[k] in ("NOUN", "PROPN") for k in range(i, adp))


def _bare_source(t: Toks, np: tuple[int, int]) -> tuple[int, int]:
    """An article-less source after "laut" is one noun (or a title with a name): a common noun or an adjective
    after it opens the clause's next phrase ("laut Ministerium | Arbeiten an …", "laut BBC | britische Bürger")."""
    a, b = np
    if t.upos[a] not in ("NOUN", "PROPN") or not t.cap(a) or _role_or_name(t, a) and not (
            t.ent[a] or t.w[a].isupper()):
        return np  # (a title takes a name: "laut Innenminister Meier")
    j = a + 1
    if j < b and t.is_word(j) and not t.ent[j] and not t.w[j].isupper() and "-" not in t.w[j] and (
            t.upos[j] == "NOUN" and t.cap(j) or t.upos[j] == "ADJ" and t.w[j][:1].islower()):
        return (a, j)
    return np


def _adj_run(t: Toks, k: int, end: int) -> bool:
    """ "Angaben der offiziellen chinesischen Nachrichtenagentur": two or three inflected adjectives, then a noun."""
    if not GEN_ADJS:
        return False
    n = 0
    while k < end and n < 3 and t.w[k][:1].islower() and t.low[k].endswith(("en", "er", "e", "es")) \
            and t.low[k] not in L.NP_STOP and t.low[k] not in L.VERB_FORMS and t.upos[k] in ("ADJ", None):
        k += 1
        n += 1
    return n >= 2 and k < end and t.cap(k)


def _np_participle(t: Toks, i: int, end: int, head_only: bool = False) -> tuple[int, int] | None:
    """A noun phrase with a participial attribute: "einer am Dienstag veröffentlichten Mitteilung
    des WFP" (determiner, a short phrase, an inflected participle or adjective, the head noun);
    head_only: just the head noun phrase ("Mitteilung des WFP")."""
    if t.low[i] not in L.DETERMINERS:
        return None
    for h in range(i + 2, min(end, i + 7)):
        if t.upos[h] in ("NOUN", "PROPN") and t.cap(h) and t.upos[h - 1] in ("ADJ", "VERB") \
                and t.w[h - 1][:1].islower() and t.low[h - 1].endswith(("en", "e", "er", "es", "em")):
            if any(t.upos[x] in ("AUX", "PUNCT", "SCONJ", "CCONJ", "PRON") or t.inq[x] for x in range(i + 1, h)):
                return None
            np = np_after(t, h, end, appos=False)
            return None if np is None else np if head_only else (i, np[1])
    return None


def _prefield_adjunct(t: Toks, x: int, fv: int) -> bool:
    """Token x (before the finite verb fv) opens an adjunct of the source phrase, not part of it: a PP right after
    a person's name ("Angaben von X | gegenüber dem Kurier", "X | in der Zeitung Y") or a participle phrase
    after a comma ("Ansicht der Staatsanwaltschaft | , vertreten durch X,")."""
    return t.upos[x] == "ADP" and (t.ent[x - 1] or "").endswith("PER") or (
        t.w[x] == "," and x + 1 < fv and t.upos[x + 1] == "VERB" and t.mood[x + 1] is None)


def np_after_verb(t: Toks, k: int, hi: int) -> tuple[int, int] | None:
    """The subject right after a finite verb (k = the token after it), skipping auxiliaries,
    adverbs and "sich": "teilte gestern die Polizei mit" -> "die Polizei"."""
    while k < hi and (t.low[k] in L.AUX or t.low[k] in L.ADVERBS or t.low[k] == "sich"):
        k += 1
    if k >= hi:
        return None
    np = np_after(t, k, hi)
    if np is None and POST_PART:
        # "teilte die zur Universität gehörende Hoover Institution mit": the head (extend_speaker adds the rest)
        np = _np_participle(t, k, hi, head_only=True)
    return np


def _role_or_name(t: Toks, k: int) -> bool:
    from quellenlage.attribution.sources import is_role_word

    w = t.w[k]
    return is_role_word(w) or (t.ent[k] or "").endswith(("PER", "ORG", "MEDIA")) or w.isupper() \
        or t.low[k] in L.MEDIA or "-" in w


def np_before(t: Toks, j: int, start: int) -> tuple[int, int] | None:
    """Noun phrase ending just before token j ("der Polizei zufolge")."""
    k = j - 1
    top = j  # (the phrase may be up to 8 tokens long, not counting a bracketed abbreviation)
    if NPB_PAREN and k - 2 >= start and t.w[k] == ")" and t.w[k - 2] == "(" and t.cap(k - 1):
        k -= 3  # "des Verbandes Deutscher Realschullehrer (VDR) zufolge": the abbreviation in brackets
        top = k + 1
    while k >= start and top - k <= 8 and (not UPOS_STOP or t.upos[k] not in ("VERB", "AUX")) and (t.w[k] in QUOTE_CHARS or t.is_word(k) and (
            t.cap(k) and t.low[k] not in L.NP_STOP
            or t.low[k] in L.DETERMINERS or t.low[k] in L.GENITIVE_LINK
            or (t.low[k].endswith(("en", "em", "er", "es", "e")) and t.low[k] not in L.NP_STOP
                and t.low[k] not in L.VERB_FORMS and t.low[k] not in L.AUX)
            or (NPB_UPOS and t.upos[k] in ("NOUN", "PROPN") and t.low[k] not in L.NP_STOP))):
        if t.low[k] in L.DETERMINERS and k - 1 >= start and t.cap(k - 1) and t.low[k] not in {"der", "des"}:
            k -= 1
            break
        k -= 1
    a = k + 1
    while a < j and (t.low[a] in L.GENITIVE_LINK and t.low[a] not in L.DETERMINERS or t.w[a] in QUOTE_CHARS):
        a += 1
    while SRC_ADJ and a - 1 >= start and t.low[a - 1] in _SRC_ADJ:
        a -= 1  # "eigenen Angaben nach"
    if NPB_UPOS and a == j and j - 1 >= start and t.low[j - 1] in _DAT_PRONOUNS:
        return (j - 1, j)  # "Ihm zufolge"
    if a < j and not any(t.cap(x) or (NPB_UPOS and t.upos[x] == "PROPN") for x in range(a, j)):
        return None
    return (a, j) if a < j else None


# ---------------------------------------------------------------- reporting verbs

def verb_at(t: Toks, i: int, lo: int, hi: int) -> tuple[str, bool, bool, list[int]] | None:
    """Reporting verb at i: (lemma, takes_clause, reported, cue token indices) or None."""
    cands = L.VERB_FORMS.get(t.low[i])
    if not cands or t.inq[i] or (t.w[i][:1].isupper() and i != lo and t.low[i - 1] in L.DETERMINERS):
        return None
    if NOUN_FORMS and t.w[i][:1].isupper() and i != lo and t.upos[i] in ("NOUN", "PROPN"):
        return None  # "nach eigenen Angaben", "den Berichten": a noun spelled like a verb form
    if REP_MORE:
        # "sagten … voraus": the particle verb, not the bare "sagen" listed first
        for lemma, clause, rep in cands:
            part = L.PARTICLE_OF.get(lemma)
            if lemma not in L.REP_MORE or part is None:
                continue
            for k in range(i + 1, min(hi, i + 25)):
                if t.w[k] in {",", ";", ":"} or t.inq[k]:
                    break
                if t.low[k] == part and (k + 1 >= hi or not t.is_word(k + 1)):
                    return lemma, clause, rep, [i, k]
    for lemma, clause, rep in cands:
        if not REP_MORE and lemma in L.REP_MORE or lemma == "entscheiden" and not DECIDE \
                or not RECALL_VERBS and lemma in L.RECALL_VERBS:
            continue
        if lemma in {"äußern", "zeigen"} and i + 1 < hi and t.low[i + 1] == "sich":
            return lemma, clause, rep, _with_aux(t, i, lo, [i, i + 1])
        if lemma in L.BARE_OK:
            if lemma == "sprechen":  # "sprach von/über": reported only with its preposition
                if not (i + 1 < hi and any(t.low[k] in {"von", "vom", "über"} for k in range(i + 1, min(hi, i + 6)))):
                    continue
            return lemma, clause, rep, _with_aux(t, i, lo, [i])
        if lemma == "halten":
            # only with "für" + adjective in its clause: "hält es (auch) für möglich, dass …" (an opinion
            # frame, cued by the whole phrase); "Analysten halten X für wahrscheinlich." (a speech act)
            for k in range(i + 1, min(hi - 1, i + 14)):
                if t.w[k] in {",", ";", ":"} or t.inq[k]:
                    break
                if t.low[k] != "für" or t.upos[k + 1] not in ("ADJ", "ADV"):
                    continue
                if k < i + 6 and k + 2 < hi and t.w[k + 2] == ",":
                    return lemma, clause, rep, sorted({i, k, k + 1} | ({i + 1} if t.low[i + 1] == "es" else set()))
                if HALTEN_FUER and k >= i + 2 and t.low[i + 1] != "es" and t.w[k + 1][:1].islower() \
                        and (k + 2 >= hi or t.w[k + 2] in {".", ";", "!"}):
                    return lemma, False, True, [i, k, k + 1]
            continue
        if lemma == "ansehen":
            # "sah es (das Gericht) als erwiesen an, dass …": the correlate "es", "als" and the particle
            # right before the comma; without them "sehen" is no reporting verb
            if not ES_ALS_AN or i + 1 >= hi or t.low[i + 1] != "es" and not (i > lo and t.low[i - 1] == "es"):
                continue
            es = i + 1 if t.low[i + 1] == "es" else i - 1
            for k in range(i + 1, min(hi - 1, i + 14)):
                if t.w[k] in {",", ";", ":"} or t.inq[k]:
                    break
                if t.low[k] == "an" and t.w[k + 1] == ",":
                    als = [x for x in range(lo, k) if t.low[x] == "als" and x != i]
                    if als:
                        return lemma, clause, rep, sorted({i, es, als[-1], k})
                    break
            continue
        part = L.PARTICLE_OF.get(lemma)
        if part is None:
            continue
        if t.low[i].startswith(part) and t.low[i] != part:
            return lemma, clause, rep, _with_aux(t, i, lo, [i])
        # separated particle later in the clause, or "bekannt gegeben"
        if i > lo and t.low[i - 1] == part:
            if PART_AUX and lemma != "bekanntwerden":
                # "Morgen will der Minister bekannt geben, …": the modal/auxiliary opens the frame
                return lemma, clause, rep, _with_aux(t, i, lo, [i - 1, i])
            return lemma, clause, rep, [i - 1, i]
        commas = 0
        name_end = -1
        for k in range(i + 1, min(hi, i + 25)):
            if k <= name_end:
                continue
            if t.w[k] == "," and PART_COMMA and commas < 2 and part in {"mit", "an", "bekannt", "hinzu"}:
                commas += 1  # "teilte später der Direktor der Behörde, Bagus Puruhito, mit"
                continue
            if QUOTED_MID and t.w[k] in QUOTE_CHARS:
                # a short quoted name in the middle field: "teilte die „Süddeutsche Zeitung“ mit"
                e = next((x for x in range(k + 2, min(hi, k + 7)) if t.w[x] in QUOTE_CHARS), None)
                if e is not None and t.cap(k + 1) and t.low[k - 1] in L.DETERMINERS \
                        and all(t.is_word(x) or t.w[x] == "-" for x in range(k + 1, e)):
                    name_end = e
                    continue
            if t.w[k] in {",", ";", ":"} or t.w[k] in QUOTE_CHARS:
                break
            if t.low[k] == part and (commas != 1) and (k + 1 >= hi or not t.is_word(k + 1) or t.low[k + 1] in {"dass", "und"}):
                extra = [x for x in (i + 1, k - 1) if x < k and t.low[x] in {"davon", "darauf", "dafür", "damit"}]
                return lemma, clause, rep, sorted({i, k, *extra})
    return None


def _joined_zu(t: Toks, j: int) -> bool:
    """A zu-infinitive written as one word ("zurückzutreten", "herauszugeben", "beizumessen")."""
    w = t.low[j]
    return len(w) > 7 and w.endswith(("en", "ern", "eln")) and "zu" in w[2:-3] and t.upos[j] == "VERB"


def _coord_end(t: Toks, a: int, hi: int) -> int:
    """End of reported content before a coordinated main verb of the frame
    ("sagte X, sie müssten ... aufgeben und bemühte hier das Bild ...")."""
    for k in range(a + 2, hi - 1):
        if (t.low[k] in {"und", "sowie", "aber"} or COMMA_IND and t.w[k] == ",") and t.mood[k + 1] == "ind" \
                and t.upos[k + 1] in ("VERB", "AUX") and not t.inq[k]:
            return k
        if SEMI_END and t.w[k] == ";" and not t.inq[k] and not any(_is_subj1(t, x) for x in range(k + 1, hi)):
            return k  # "…; vor allem Frauen machen …": a new main clause in the writer's voice
    return hi


def _cont_type(weak: bool) -> str:
    # Konjunktiv-I continuation is indirect speech without a frame; reportative "soll" alone is the
    # free indirect type of the WikiNews scheme
    return "free_indirect" if weak or CONT_TYPE == "free_indirect" else "indirect"


def _with_aux(t: Toks, i: int, lo: int, cue: list[int]) -> list[int]:
    """Add the finite auxiliary of a participle cue ("hat ... gefordert") in the same clause."""
    w = t.low[i]
    participle = ("ge" in w[:9] and (w.endswith("t") or w.endswith("en"))) or (
        t.upos[i] == "VERB" and t.mood[i] is None and w.endswith(("t", "en")))
    if not participle:
        return cue
    k = i - 1
    while k > max(lo - 1, i - 15):
        if APPOS_AUX and k == i - 1 and t.w[k] == ",":
            # "hatte der Bürgermeister, Hans Müller, erklärt": skip a capitalised name between commas
            c = k - 1
            while c > max(lo, i - 8) and t.w[c] != "," and (t.cap(c) or t.w[c] in {".", "-"}):
                c -= 1
            if t.w[c] == "," and c < k - 1:
                k = c - 1
                continue
        if t.w[k] in {",", ";", ":"} or t.w[k] in QUOTE_CHARS:
            break
        if t.low[k] in L.AUX:
            return [k] + cue
        k -= 1
    return cue


def _quoted_name_open(t: Toks, close: int, lo: int) -> int | None:
    """Opening mark of a short quoted name ending at the closing mark `close` („Die Welt“), else None."""
    for o in range(close - 1, max(lo - 1, close - 8), -1):
        if t.w[o] in QUOTE_CHARS:
            inner = range(o + 1, close)
            if len(inner) and t.cap(o + 1) and not any(t.upos[x] in ("VERB", "AUX") or t.w[x] in {",", "."}
                                                        for x in inner):
                return o
            return None
    return None


def _passive_aux(t: Toks, v: int, lo: int, hi: int) -> int | None:
    """Index of "wird/wurde" making the participle at v passive ("Es wird vermutet"), else None."""
    w = t.low[v]
    if INF_NOT_PASSIVE and w.endswith("en") and not w.startswith("ge") and (
            t.lemma[v] or "").lower() == w and t.upos[v] == "VERB":
        return None  # "wird morgen erklären": future tense (an infinitive), not a passive participle
    if not w.endswith(("t", "en")) or w in {"berichten", "sagen"} or not w.startswith(
            ("ge", "be", "ver", "er", "an", "mit", "vor", "zu", "auf", "aus", "bekannt", "hin", "ein")):
        return None
    for k in (v - 1, v - 2, v + 1):
        if lo <= k < hi and k != v and t.low[k] in _WERDEN:
            return k
    return None


def _clause_end(t: Toks, i: int, hi: int) -> int:
    k = i
    while k < hi and t.w[k] not in {",", ";", ":"} and t.w[k] not in PUNCT_END:
        k += 1
    return k


def _trim(t: Toks, a: int, b: int) -> tuple[int, int] | None:
    """Trim punctuation (not quote marks) from both ends of a content range."""
    while a < b and t.w[a] in BOUNDARY | {"."}:
        a += 1
    while b > a and (t.w[b - 1] in BOUNDARY or t.w[b - 1] in PUNCT_END):
        b -= 1
    return (a, b) if b > a else None


def content_without_speaker(t: Toks, q: RawQuote) -> None:
    """Cut the speaker span out of indirect content: an apposition or PP the speaker
    gained after the content was delimited ("…, sagte X, Sprecher der Y, am Montag.").
    Reported speech keeps it (WikiNews puts the speaker inside a reported quote's content)."""
    if q.speaker is None or q.type not in ("indirect", "free_indirect") or not q.content:
        return
    s0, s1 = q.speaker
    if CONTENT_REL:
        _skip_speaker_relative(t, q, s1)
    inside = {k for a, b in q.content for k in range(max(a, s0), min(b, s1))}
    if len(inside) == s1 - s0:
        # a speaker wholly inside its content is a wrong choice there, not a frame the content swallowed,
        # unless a postposed frame the tagger misread ends there
        if CONTENT_FRAME:
            _cut_postposed_frame(t, q, s0)
        return
    if not CONTENT_NO_SPK or not inside:
        return
    out: list[tuple[int, int]] = []
    for a, b in q.content:
        if b <= s0 or a >= s1:
            out.append((a, b))
            continue
        if a < s0 and (tr := _trim(t, a, s0)) is not None:
            out.append(tr)
        if s1 < b and (tr := _trim(t, s1, b)) is not None:
            if CONTENT_REST and a > s0:  # the span began inside the speaker: the frame went on past it
                tr = _frame_rest(t, tr, bool(out) and out[-1][1] < t.n and t.w[out[-1][1]] == ",")
            if tr is not None:
                out.append(tr)
    if out:
        q.content = out


def _cut_postposed_frame(t: Toks, q: RawQuote, s0: int) -> None:
    """Content that runs on over its own postposed frame ("<content>, verlautbarte X, …" with a
    verb the lexicon lacks, "<content>, hatte X gesagt") ends at the comma before the frame's finite verb,
    when no finite verb follows the frame (not "X, so Y, werde …")."""
    for n, (a, b) in enumerate(q.content):
        v = s0 - 1
        if a <= s0 < b and v - 1 > a and t.w[v - 1] == "," and t.w[v][:1].islower() and t.is_word(v) \
                and not _finite(t, s0, b) and not any(_finite(t, x, y) for x, y in q.content[n + 1:]) \
                and t.upos[v] in ("VERB", "AUX", "ADJ", "ADV") and t.mood[v] != "subj1" \
                and (tr := _trim(t, a, v - 1)) is not None:  # a rare verb may be tagged ADJ ("verlautbarte")
            q.content[n] = tr
            del q.content[n + 1:]
            return


def _skip_speaker_relative(t: Toks, q: RawQuote, s1: int) -> None:
    """Content that starts with a relative clause right after its speaker and its comma ("Laut dem
    Bericht, der Fälle auflistet, seien …") starts after that clause: the comma after its final verb."""
    a, b = q.content[0]
    if a != s1 + 1 or s1 >= t.n or t.w[s1] != "," or t.low[a] not in REL_PRONOUNS or t.upos[a] != "PRON":
        return
    v = next((k for k in range(a + 1, b) if _finite_verb(t, k)), None)
    c = next((k for k in range(v, b) if t.w[k] == ","), None) if v is not None else None
    if c is not None and c + 1 < b and _finite(t, c + 1, b):
        q.content[0] = (c + 1, b)


def _finite_verb(t: Toks, k: int) -> bool:
    """Token k is a finite verb (a verb or auxiliary the tagger gave a mood)."""
    return t.upos[k] in ("VERB", "AUX") and t.mood[k] is not None


def _finite(t: Toks, x: int, y: int) -> bool:
    """A finite verb or a complementiser in tokens [x, y)."""
    return any(_finite_verb(t, k) or t.low[k] in ("dass", "ob")
               for k in range(x, y))


def _frame_rest(t: Toks, r: tuple[int, int], postposed: bool) -> tuple[int, int] | None:
    """Drop the frame words that follow a speaker from content `r`: leading comma-separated pieces
    without a finite verb or that open a relative clause on the speaker, and, after a postposed frame
    ("<content>, so X …"), a verbless prepositional rest."""
    a, b = r
    while (c := next((k for k in range(a, b) if t.w[k] == ","), None)) is not None and c + 1 < b and (
            not _finite(t, a, c) or opens_relative(t, a - 1, c)):
        a = c + 1
    if postposed and t.upos[a] == "ADP" and not _finite(t, a, b):
        return None  # "…, so X, Apposition, am Montag." (but not "X sei, so Y, Apposition, ruhig")
    return (a, b) if b > a else None


def _has_subj1(t: Toks, a: int, b: int) -> bool:
    return any(_is_subj1(t, k) or t.low[k] in L.REPORTATIVE for k in range(a, b))


# ---------------------------------------------------------------- direct quotes

def find_direct(t: Toks) -> list[tuple[int, int]]:
    """Token ranges [open, close] (inclusive) of quotation-mark pairs.

    A pair may cross line breaks only over short heading lines (the seed's quote runs over an
    inserted sub-heading); otherwise an unbalanced mark would swallow whole paragraphs."""
    pairs: list[tuple[int, int]] = []
    i = 0
    while i < t.n:
        w = t.w[i]
        closers = OPEN_CLOSE.get(w)
        if closers is None or w == "‚":
            i += 1
            continue
        j = i + 1
        limit = min(t.n, i + 400)
        while j < limit and t.w[j] not in closers:
            if w != '"' and t.w[j] == w:  # a second opener: unbalanced, give up on this one
                break
            j += 1
        if j < limit and t.w[j] in closers and _crosses_only_headings(t, i, j):
            pairs.append((i, j))
            i = j + 1
        else:
            i += 1
    return pairs


def _crosses_only_headings(t: Toks, i: int, j: int) -> bool:
    inner = t.text[t.e[i]:t.s[j]].split("\n")
    if len(inner) <= 1:
        return True
    return all(len(line.split()) <= 12 for line in inner[1:-1])


_TITLE_NOUNS = {"lied", "song", "single", "album", "musical", "film", "buch", "roman", "titel", "oper", "theaterstück",
                "motto", "slogan", "ausstellung", "sendung", "serie"}
_ALS_LEMMAS = {"bezeichnen", "würdigen", "beschreiben", "kritisieren", "begrüßen", "feiern", "verurteilen",
               "rechtfertigen", "beurteilen", "einstufen", "werten", "bewerten", "loben", "abtun", "charakterisieren",
               "titulieren", "brandmarken", "zurückweisen", "kommentieren", "verspotten", "geißeln", "anprangern"}
_ALS_PARTICLES = {"weisen": "zurück", "tun": "ab", "stufen": "ein", "prangern": "an"}
_SUBORD_ALS = {"weil", "da", "dass", "nachdem", "wenn", "ob", "obwohl", "als"}
_SUBORD_FRAME = {"weil", "da", "nachdem", "wenn", "obwohl", "als", "während", "bevor", "zumal"}
_REL_ALS = {"der", "die", "das", "welcher", "welche", "welches"}


def _als_lemma(t: Toks, k: int, b: int) -> bool:
    lem = (t.lemma[k] or t.low[k]).lower()
    if lem in _ALS_LEMMAS:
        return True
    part = _ALS_PARTICLES.get(lem)
    return part is not None and any(t.low[j] == part for j in range(b + 1, min(t.n, b + 4)))


def _als_verb(t: Toks, a: int, b: int) -> tuple[int, bool] | None:
    """The labelling verb of "… als „…“": (index, True when it stands after the quote) or None."""
    if a < 1 or t.inq[a - 1]:
        return None
    lo, hi = t.sent_range[t.sent[a]]
    if t.low[a - 1] != "als":
        if not NENNEN_LABEL or a + 1 >= t.n or not t.w[a + 1][:1].islower():
            return None  # (a capitalised label is mostly a name: "nannte die Operation „Cast Lead“")
        # "X nannte den Platzverweis „überzogen“": the object between "nennen" and the label, no "als"
        for k in range(a - 2, max(lo, a - 6) - 1, -1):
            if not t.is_word(k) or t.inq[k]:
                return None
            if t.upos[k] == "VERB" and t.mood[k] and (t.lemma[k] or t.low[k]).lower() == "nennen":
                return k, False
        return None
    for k in range(b + 1, min(hi, b + 3)):
        if t.upos[k] in ("VERB", "AUX") and _als_lemma(t, k, b):
            return k, True
        if not t.is_word(k):
            break
    for k in range(a - 2, max(lo, a - 26) - 1, -1):
        if t.inq[k] or t.w[k] in {":", ";"} or t.w[k] in QUOTE_CHARS:
            break
        if t.upos[k] in ("VERB", "AUX") and t.mood[k] and _als_lemma(t, k, b):
            return k, False
    return None


def _looks_like_speech(t: Toks, a: int, b: int) -> bool:
    words = sum(1 for k in range(a + 1, b) if t.is_word(k))
    if words >= 5:
        return True
    if words == 0:
        return False
    if ALS_LABEL and _als_verb(t, a, b) is not None:
        return True  # "X bezeichnete das als „große Tragödie“": a labelling verb quotes the words
    if FUER_FRAME and _fuer_speaker(t, a, b) is not None:
        return True
    # short, but framed as speech: "X antwortet: „Eindeutig ja.“" / "„Nein!“, rief er"
    if a > 0 and t.w[a - 1] == ":" and (t.sent[a - 1] == t.sent[a]):
        return True
    if b + 3 < t.n and t.w[b + 1] == "," and t.w[b + 2][:1].islower() and (
            t.w[b - 1] in PUNCT_END or t.low[b + 2] in L.VERB_FORMS or t.low[b + 3] in L.PRONOUNS
            or (AUX_FRAME and t.low[b + 2] in L.AUX)
            or t.low[b + 3] in L.DETERMINERS or t.low[b + 3] == "sich"):
        return True
    return False


def _fuer_speaker(t: Toks, a: int, b: int) -> tuple[int, int] | None:
    """ "Für X ist die Lage „alarmierend“", "…, war für X „Wortbruch“": a "für" phrase opening the quote's clause
    (or right after its finite verb) names whose judgement the quoted words are; None when there is none."""
    lo, hi = t.sent_range[t.sent[a]]
    cs = lo
    for k in range(a - 1, lo - 1, -1):
        if t.w[k] in {",", ";", ":"} or t.inq[k]:
            cs = k + 1
            break
    ce = next((k for k in range(b + 1, hi) if t.w[k] in {",", ";", ":"} or t.inq[k]), hi)
    cs = _skip_conj(t, cs, a)
    if not any(_finite_verb(t, k) for k in range(cs, ce) if not a <= k <= b):
        return None
    for k in range(cs, a):
        if t.low[k] != "für" or not (k == cs or k == cs + 1 and t.low[cs] == "was" or _finite_verb(t, k - 1)):
            continue
        np = np_after(t, k + 1, a, appos=False)
        # a quote right after the phrase names it ("für die Domain „.berlin“"): no judgement
        if np is None or np[1] >= a or not any(t.cap(j) for j in range(*np)):
            return None
        return np
    return None


# prepositions that open a prefield phrase: the subject then follows the finite verb
# prepositions that open a prefield that is no subject ("Bezüglich des Startortes meldet X")
_PREPS = {"bei", "beim", "für", "an", "am", "im", "in", "auf", "mit", "nach", "vor",
          "während", "seit", "innerhalb", "außerhalb", "trotz", "wegen", "über", "unter", "zum", "zur", "zu",
          "gegen", "ohne", "durch", "um", "ab", "bis",
          "bezüglich", "hinsichtlich", "angesichts", "aufgrund", "infolge", "anlässlich", "laut", "gemäß",
          "zufolge", "entgegen", "stellvertretend", "neben", "statt", "anstatt", "binnen",
          "dank", "mittels", "seitens", "unweit", "zwecks"}


_SRC_ADJ = {"eigenen", "eigenem", "eigener", "offiziellen", "ersten", "neuesten", "jüngsten", "übereinstimmenden",
            "unbestätigten", "inoffiziellen", "vorläufigen", "bisherigen"}
_SOURCE_ENDINGS = ("angaben", "berichten", "bericht", "informationen", "aussagen", "darstellungen", "darstellung",
                   "vorhersage", "vorhersagen", "prognose", "bekunden", "vernehmen", "erkenntnissen",
                   "schätzungen", "auskunft", "recherchen", "ermittlungen", "mitteilungen", "stellungnahme",
                   "analyse", "ergebnis", "endergebnis", "meinung", "erfahrungen", "ankündigung", "mitteilung",
                   "meldung", "meldungen", "nachricht", "einschätzung", "auffassung", "erkenntnisstand", "medien",
                   "planungen", "aussage", "umfrage", "studie", "prognosen", "quellenlage", "kenntnisstand")


# texts and reporters that "Nach …" at the start of a sentence cites (not temporal like "Nach dem Urteil")
_DOC_NOUNS = ("grundgesetz", "verfassung", "dokument", "papier", "reporter", "reporterin", "korrespondent",
              "korrespondentin", "gesetz")


def _source_word(w: str) -> bool:
    """A noun that makes "nach X" a source frame ("nach Behördenangaben", "dem Vernehmen nach")."""
    return w in L.SOURCE_NOUNS or w.endswith("-angaben") or (SRC_END and len(w) > 5 and w.endswith(_SOURCE_ENDINGS))


def _adverbial(t: Toks, k: int) -> bool:
    """A one-word prefield that is an adverb ("Dagegen", "Gegenwärtig"), not a name the tagger
    mislabelled ("Künast" tagged ADV)."""
    if t.upos[k] in ("ADP", "SCONJ", "NUM"):
        return True
    if t.upos[k] not in ("ADV", "ADJ") or (t.ent[k] or "").endswith(("PER", "ORG", "MEDIA")):
        return False
    # a name recurs capitalised inside sentences of the same article; an adverb does not
    return t.w[k] not in t.midcaps or t.low[k] in L.NP_STOP or t.low[k] in L.ADVERBS


def _skip_conj(t: Toks, a: int, end: int) -> int:
    """The first token from a on (before end) that is no clause-opening conjunction ("Und", "Doch", "Aber")."""
    while a < end and t.low[a] in L.CONJ_START:
        a += 1
    return a


def _no_subject_after(t: Toks, v: int) -> bool:
    """Only adverbs stand between the finite verb v and the next comma or colon ("bezweifeln aber, dass"):
    the verb has no subject after it, so a lone word before it is the subject ("Freizeitforscher")."""
    k = v + 1
    while k < t.n and (t.low[k] in L.ADVERBS or t.upos[k] == "ADV" or t.low[k] in _SUBJ_ADVERBS):
        k += 1
    return k < t.n and t.w[k] in {",", ":"}


# articles and possessives that never open a nominative noun phrase (accusative, dative, genitive forms;
# not "eines"/"dieses", which are nominative in "Eines der Opfer sagte", "Dieses Gremium erklärte")
_NON_NOM = {"den", "dem", "des", "einen", "einem", "diesen", "diesem", "jenen", "jenem", "keinen",
            "keinem", "ihren", "ihrem", "ihres", "seinen", "seinem", "seines", "unseren", "unserem", "euren", "eurem",
            "jeden", "jedem", "welchen", "welchem", "allen"}


def _participle_prefield(t: Toks, a: int, v: int) -> bool:
    """ "Besorgt äußerte sich Kofi Annan": a lone verb form before the finite verb v is an adverbial participle."""
    if not (PART_PREFIELD and a + 1 == v and t.upos[a] == "VERB" and not t.ent[a] and not t.inq[a]
            and t.low[a].endswith(("t", "en")) and (t.lemma[a] or t.low[a]).lower() != t.low[a]):
        return False  # (a name read as a verb keeps itself as lemma: "Bracken" -> "bracken")
    # a name the tagger read as a verb ("Bracken warnt") recurs capitalised inside sentences; a participle does not
    return t.w[a] not in t.midcaps


def _pp_more(t: Toks, a: int, v: int) -> bool:
    """A prefield opened by "aus"/"außer"/"von" before the finite verb v: a PP, not a name ("Von der Leyen")."""
    if not (PREP_AUS_VON and t.low[a] in _PREPS_MORE and a + 1 < v < t.n - 1 and not t.inq[a]) \
            or any((t.ent[k] or "").endswith("PER") for k in range(a, min(a + 3, v))) \
            or t.low[a] == "von" and t.low[a + 1] == "der" and a + 3 == v:
        return False  # (a name particle: "Von der Leyen sagte")
    # only with a subject right after the verb: "Aus EU-Kreisen verlautete, …", "Von X wird das kritisiert" are
    # sources of agentless speech
    nxt = t.low[v + 1]
    return t.low[v] not in _WERDEN and nxt not in {"es", "man"} and (
        nxt in {"der", "die", "das", "ein", "eine", "er", "sie", "wir", "ich", "nur"} or t.cap(v + 1))


def _comma_main_subject(t: Toks, cs: int, v: int) -> tuple[int, int] | None:
    """ "Die Gründung wird begrüßt, die Organisation bezweifelt aber, dass …": after a complete clause and a comma,
    a noun phrase right before the finite verb v opens a new main clause and is its subject."""
    cc = next((k for k in range(v - 2, cs, -1) if t.w[k] == ","), None)
    if cc is None or t.inq[cc] or t.low[cc + 1] not in {"der", "die", "das", "ein", "eine"} \
            or not any(t.mood[k] == "ind" and t.upos[k] in ("VERB", "AUX") for k in range(cs, cc)):
        return None
    np = np_after(t, cc + 1, v, appos=False)
    # (only article + adjectives + nouns: "…, die den Mut lobte" and "…, die wiederum X" are relative clauses)
    return np if np is not None and np[1] == v and np[1] - np[0] >= 2 and all(
        t.upos[k] in ("ADJ", "NOUN", "PROPN") for k in range(np[0] + 1, np[1])) else None


def _appos_prefield(t: Toks, cs: int, v: int) -> tuple[int, int] | None:
    """ "Der Vorsitzende im Landtag, Hans Müller, hatte X aufgefordert", "…, die Sprecherin der Fraktion, Eva
    Roth (Grüne), erklärte": a verbless noun phrase with an apposition between commas right before the finite
    verb v is its subject (not the object after the verb)."""
    if v - 3 < cs or t.w[v - 1] != "," or t.inq[v - 1]:
        return None
    s = v - 1
    commas = 0
    k = v - 2
    while k >= cs:
        if t.inq[k] or t.upos[k] in ("VERB", "AUX", "SCONJ") or t.mood[k] is not None or t.low[k] in L.VERB_FORMS \
                or t.w[k] in {":", ";", "–", "-"}:
            break
        if t.w[k] == ",":
            commas += 1
            if commas > 2:
                break
            s = k + 1 if t.low[k + 1] not in REL_PRONOUNS or t.cap(k + 1) else s
        k -= 1
    else:
        s = cs
    if k >= cs and t.w[k] != "," and k + 1 != s:
        s = next((x + 1 for x in range(k + 1, v - 1) if t.w[x] == ","), v)  # the clause after the verb's comma
    if s >= v - 2 or "," not in t.w[s:v - 1] or v - 1 - s > 25:
        return None
    a = _skip_conj(t, s, v)
    if not (t.low[a] in {"der", "die", "das", "ein", "eine"} or t.cap(a) and t.upos[a] in ("NOUN", "PROPN")) \
            or t.low[a] in _PREPS or t.low[a] in L.NP_STOP or t.w[a] in QUOTE_CHARS:
        return None
    return (a, v - 1)


def _passive_source(t: Toks, lo: int, aux: int, c0: int, end: int) -> tuple[int, int] | None:
    """The source of an agentless passive speech act (finite auxiliary aux): a fronted "von X" agent ("Von den
    Behörden wird angenommen, …") or a document the words stand in ("In einem Bericht der Zeitung wurde vermutet",
    "wird in einer Mitteilung gefordert"); the plain preposition stays out, as with "heißt es in …"."""
    a = _skip_conj(t, lo, aux)
    spots = [a] if a < aux else []
    spots += [j for j in range(aux + 1, min(c0, end)) if t.low[j] in {"in", "im"}]
    for j in spots:
        if t.inq[j] or j + 1 >= end:
            continue
        stop = aux if j < aux else min(c0, end)
        np = np_after(t, j + 1, stop, appos=False)
        if np is not None and j < aux and np[1] < aux and t.low[np[1]] in {"in", "im", "aus", "bei"} and not any(
                t.upos[x] in ("VERB", "AUX") or not t.is_word(x) for x in range(np[1], aux)):
            np = (np[0], aux)  # "Von den Behörden in beiden Staaten wird …"
        if np is None or (j < aux and np[1] != aux and not (t.w[np[1]] == "," and opens_relative(t, np[1], aux))):
            continue
        if t.low[j] in {"von", "vom"} and j < aux:
            return np
        if t.low[j] in {"in", "im"} and any(t.low[x].endswith(_DOC_HEADS) for x in range(np[0], np[1])):
            return (j, np[1]) if t.low[j] == "im" else np
    return None


def _non_subject_prefield(t: Toks, a: int, v: int) -> bool:
    """The prefield opened at a cannot be the subject of the finite verb v: a preposition ("Bei einem Empfang
    sagte Franziskus"), an "aus/von" phrase, a lone participle, or an object article ("Ihren Gegner forderte die
    Ministerin auf"); the subject follows the verb."""
    return SUBJ_FIX and t.low[a] in _PREPS or _pp_more(t, a, v) or _participle_prefield(t, a, v) \
        or ACC_PREFIELD and t.low[a] in _NON_NOM


def _subject_before(t: Toks, lo: int, v: int) -> tuple[int, int] | None:
    """The subject in the prefield of the finite verb v (clause starting at lo), or None."""
    a = _skip_conj(t, lo, v)
    if a >= v or _non_subject_prefield(t, a, v):
        return None
    if DEM_SUBJ and a + 1 == v and t.low[a] in _LONE_SUBJ and not _is_subj1(t, v):
        # (not "Dieser behaupte, …": a frame in Konjunktiv I is itself reported by the speaker before)
        return (a, v)
    both = COORD_SUBJ and t.low[a] == "sowohl"
    np = np_after(t, a + 1 if both else a, v)
    if COORD_SUBJ and np and np[1] + 1 < v and any(t.w[x] in {",", ":"} for x in range(v + 1, min(t.n, v + 3))):
        # only before a complement right after the verb ("erklärten, dass", "kündigten an, …"): a coordinated
        # subject of a speech act without one is as often no quote in the gold
        link = np[1] + 2 if both and t.low[np[1]] == "als" and t.low[np[1] + 1] == "auch" else (
            np[1] + 1 if not both and t.low[np[1]] in {"und", "sowie"} else None)
        np2 = np_after(t, link, v) if link is not None and link < v else None
        if np2 and np2[1] == v:
            np = (a, v)
    if SUBJ_FIX and np and np[1] - np[0] == 1 and _adverbial(t, np[0]) and not (
            LONE_NOUN and np[1] == v and t.upos[np[0]] in ("ADJ", "ADV") and t.low[np[0]] not in L.ADVERBS
            and t.low[np[0]] not in L.NP_STOP and _no_subject_after(t, v)):
        return None  # "Dagegen beteuerte die Polizei": an adverb, the subject follows the verb
    if np and (np[1] == v or (np[1] == v - 1 and t.w[v - 1] == ",")):
        return np
    if SUBJ_ADV and np and np[1] < v <= np[1] + 2 and all(t.low[k] in _SUBJ_ADVERBS for k in range(np[1], v)):
        return np  # "Die Kanadier hingegen sagen, ..."
    if SUBJ_FIX and np and t.w[np[1]] == "," and np[1] + 1 < v and t.w[v - 1] == "," \
            and (t.low[np[1] + 1] in {"dessen", "deren", "der", "die", "das", "welcher", "welche", "welches"}
                 or not any(t.upos[x] in ("VERB", "AUX") or t.low[x] in L.VERB_FORMS for x in range(np[1] + 1, v - 1))) \
            and "," not in t.w[np[1] + 1:v - 1] and not any(t.inq[x] for x in range(np[1], v)):
        return np  # "Todor Kolarow, dessen Behörde ... zuständig ist, sagte"
    if np and (t.low[np[1]] in {"in", "im", "aus", "bei", "beim", "von", "vom", "am", "an", "auf"}
               or NAME_PP and t.low[np[1]] in {"ohne", "für", "gegen"}) and all(
            t.cap(k) or t.low[k] in L.DETERMINERS or (t.w[k][:1].islower() and t.low[k].endswith(("en", "er", "e")))
            for k in range(np[1] + 1, v)) and v - np[1] <= 5 and t.cap(v - 1):
        return (np[0], v)  # "Die US-Botschaft im Irak empfahl ...", "Ein Sprecher in Berlin sagte ..."
    return None


def _after_verb_ok(t: Toks, lo: int, v: int) -> bool:
    """The subject may follow the verb: nothing subject-like stands before it."""
    a = _skip_conj(t, lo, v)
    if a >= v or t.w[v - 1] == "," or t.w[a] in QUOTE_CHARS:
        return True
    if SUBJ_FIX and a + 1 == v and _adverbial(t, a) or _non_subject_prefield(t, a, v):
        return True
    return t.low[a] in L.NP_STOP or t.w[a][:1].isdigit() or t.low[a] in {"dies", "das", "dem", "den"}


# words opening the frames of Detector.sentence (its branches test these sets)
_LAUT = {"laut", "gemäß", "gemäss"}
_HEISST_ES = {"heißt", "hieß"}
_DEMNACH = {"demnach", "wonach"}
_SUSPICION_NOUNS = {"befürchtung", "befürchtungen", "vermutung", "vermutungen", "gerüchte", "spekulationen", "gerücht"}
_STANCE_ADJECTIVES = {"besorgt", "überzeugt", "zuversichtlich", "optimistisch", "enttäuscht", "sicher", "erleichtert",
                      "skeptisch", "zufrieden"}
# every word a branch of Detector.sentence can start from, besides the reporting-verb forms
_SENTENCE_TRIGGERS = frozenset(_LAUT | _HEISST_ES | _DEMNACH | _SUSPICION_NOUNS | _STANCE_ADJECTIVES | _SPEECH_NOUNS
                               | OPINION_NOUNS | {"nach", "aus", "zufolge", "so", "wie", "es", "geheißen"})


class Detector:
    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.t = Toks(doc)
        self.quotes: list[RawQuote] = []
        self._wie_channel: dict[int, tuple[int, int]] = {}
        self._cur: list[RawQuote] = []
        self._frame_only: dict[int, RawQuote] = {}  # a frame whose quote direct() makes: continued, not output

    # --- speakers around a verb
    def subject_before(self, lo: int, v: int) -> tuple[int, int] | None:
        return _subject_before(self.t, lo, v)

    def after_verb_ok(self, lo: int, v: int) -> bool:
        return _after_verb_ok(self.t, lo, v)

    def speaker_for_verb(self, lo: int, hi: int, v: int, cue: list[int]) -> tuple[int, int] | None:
        t = self.t
        if cue and min(cue) < v and t.low[min(cue)] in L.AUX:
            v = min(cue)
        elif v > lo:
            # modal in V2 position: "Das Bundesamt musste verkünden, dass ..."
            for m in range(lo + 1, v):
                if t.low[m] in L.MODALS and t.w[m - 1] != "," and not (
                        COMMA_MAIN and _comma_main_subject(t, lo, v) is not None):
                    sp = self.subject_before(lo, m)
                    if sp:
                        return sp
                    break
        # clause start: sentence start or after the last ":"/";" before the verb
        cs = lo
        k = v - 1
        while k >= lo:
            if QUOTED_NAME and t.w[k] in QUOTE_CHARS and (o := _quoted_name_open(t, k, lo)) is not None:
                k = o - 1
                continue
            if t.w[k] in {":", ";"} and not (0 < k < t.n - 1 and t.w[k - 1].isdigit() and t.w[k + 1].isdigit()) \
                    or (t.w[k] in QUOTE_CHARS and t.inq[k]):
                cs = k + 1
                break
            k -= 1
        sp = self.subject_before(cs, v)
        if sp:
            return sp
        if COMMA_MAIN and (sp := _comma_main_subject(t, cs, v)) is not None:
            return sp
        j = v - 1
        while j > cs and t.low[j] in L.ADVERBS:
            j -= 1
        if j > cs and t.low[j] == "und":
            # "X bedankt sich ... und sagt dann: ...": the subject of the first main clause
            first = next((k for k in range(cs + 1, j) if _finite_verb(t, k)
                          or t.low[k] in L.VERB_FORMS), None)
            if first is not None:
                sp = self.subject_before(cs, first)
                if sp:
                    return sp
        if APPOS_PREFIELD and (sp := _appos_prefield(t, cs, v)) is not None:
            return sp
        if not self.after_verb_ok(cs, v):
            return None
        return np_after_verb(t, max(cue) + 1 if max(cue) == v else v + 1, hi)

    def addressee_channel(self, lo: int, hi: int, after: int) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
        """ "gegenüber dem 'Daily Express'", "der Zeitung Y", "im Interview mit Y" near the frame."""
        t = self.t
        addr = chan = None
        k = after
        end = _clause_end(t, after, hi)
        while k < end:
            if t.low[k] == "gegenüber":
                np = np_after(t, k + 1, hi, appos=False)
                if np:
                    addr = np
                break
            if t.low[k] in {"dem", "der"} and k + 1 < end:
                np = np_after(t, k, hi, appos=False)
                if np and (t.low[k + 1] in L.MEDIA or _kind_words(t, np) == "media"):
                    addr = np
                    break
            if t.low[k] in {"dem", "der"} and k + 1 < end and t.low[k + 1] in L.MEDIA:
                break
            k += 1
        for k in range(lo, hi - 2):
            if t.low[k] in {"interview", "gespräch"} and t.low[k + 1] == "mit":
                np = np_after(t, k + 2, hi, appos=False)
                if np and _kind_words(t, np) == "media":
                    chan = np
        if addr and _kind_words(t, addr) == "media":
            chan = chan or addr
        return addr, chan

    # --- main pass
    def run(self) -> list[RawQuote]:
        t = self.t
        all_pairs = find_direct(t)
        pairs = [p for p in all_pairs if _looks_like_speech(t, *p)]
        for a, b in pairs:
            for k in range(a, b + 1):
                t.inq[k] = True
        direct_at: dict[int, list[tuple[int, int]]] = {}
        for a, b in pairs:
            direct_at.setdefault(t.sent[a], []).append((a, b))
        last: RawQuote | None = None
        last_sent = -10
        for si, (lo, hi) in enumerate(t.sent_range):
            if hi <= lo:
                continue
            found = self.sentence(si, lo, hi)
            if found:
                last, last_sent = found[-1], si
                continue
            if si in self._frame_only:
                last, last_sent = self._frame_only[si], si
                continue
            # free indirect continuation: Konjunktiv I / reportative "soll" / anaphoric Konj. II
            if self.is_line(si) or any(t.inq[k] for k in range(lo, hi)) and not (
                    SUBJ1_QUOTED and self._quoted_fragment(lo, hi)):
                continue
            subj1 = _has_subj1(t, lo, hi)
            weak = subj1 and not any(_is_subj1(t, k) for k in range(lo, hi))
            near = last is not None and (si == last_sent + 1 or (subj1 and si <= last_sent + GAP))
            if near and last is not None:
                cont = subj1 or (not self._paragraph_break(si) and si == last_sent + 1 and
                                 t.low[lo] in L.ANAPHORIC_START and any(t.low[k] in L.SUBJ2 for k in range(lo, hi))) \
                    or SUBJ2_CONT and si == last_sent + 1 and self._subj2_report(last, lo, hi)
                if cont and last.speaker is not None or (cont and last.impersonal):
                    q = RawQuote(_cont_type(weak), [(lo, hi)], [], last.speaker, None, last.channel,
                                 last.impersonal, si, inherited=True, weak=weak, continuation=True)
                    if last_sent == si - 1 and (last.continuation and (MERGE_WEAK or not weak and not last.weak)
                                                or MERGE_FIRST and last.type == q.type and not last.cue
                                                and last.content and t.sent[last.content[-1][1] - 1] == si - 1):
                        last.content.append((lo, hi))
                    else:
                        self.quotes.append(q)
                        last = q
                    last_sent = si
                    continue
            if subj1 and ORPHAN_FI:
                prevq = self._last_speaker_quote(lo, si - ORPHAN_WINDOW)
                q = RawQuote(_cont_type(weak), [(lo, hi)], [], prevq.speaker if prevq else None, None,
                             prevq.channel if prevq else None, sent=si, inherited=prevq is not None, weak=weak,
                             continuation=True)
                self.quotes.append(q)
                if ORPHAN_CHAIN and prevq is not None and not self._frame_clause(lo, hi):
                    # the next Konjunktiv-I sentence continues this one (not one with a frame verb of its own:
                    # split_unknown_frame cuts that frame off later, which it does only for one-part quotes)
                    last, last_sent = q, si
        self.direct(pairs)
        self.direct([p for p in all_pairs if p not in set(pairs)], short=True)
        return self.quotes

    def _frame_clause(self, lo: int, hi: int) -> bool:
        """A frame clause before the sentence's first comma: a reporting verb ("Am Montag sagte X, …") or a
        dass/ob clause after the comma ("X schränkte das jedoch ein, dass …")."""
        t = self.t
        end = next((k for k in range(lo, hi) if t.w[k] == ","), hi)
        return end + 1 < hi and t.low[end + 1] in ("dass", "ob") or any(verb_at(t, k, lo, hi) for k in range(lo, end))

    def _quoted_fragment(self, lo: int, hi: int) -> bool:
        """A Konjunktiv-I sentence with a quoted fragment ("Es drohe „eine dramatische Erwärmung“."): indirect
        speech in the writer's words around the quote, so it continues like one without quotation marks."""
        t = self.t
        if t.w[lo] in QUOTE_CHARS or t.inq[lo]:
            return False  # the sentence opens with the quote: a direct quote with its own frame
        outside = [k for k in range(lo, hi) if not t.inq[k] and t.is_word(k)]
        if any(t.w[k] == ":" and not t.inq[k] for k in range(lo, hi)) or any(
                verb_at(t, k, lo, hi) and not _is_subj1(t, k) for k in outside):
            return False  # "X teilte mit: „…“": the quote's own frame (direct() finds it)
        return len(outside) >= QUOTED_MIN_WORDS and any(_is_subj1(t, k) for k in outside)

    def _subj2_report(self, last: RawQuote, lo: int, hi: int) -> bool:
        """Konjunktiv II standing in for Konjunktiv I ("Sie hätten ... gerettet", "Die USA würden ...")
        after indirect speech: a finite subj2 verb of the main clause, no conditional clause."""
        t = self.t
        cond = next((k for k in range(lo, hi) if t.low[k] in SUBJ2_COND), None)
        if SUBJ2_IF and cond is not None and t.low[cond] != "ob" and any(
                t.mood[k] == "subj2" and t.low[k] not in SUBJ2_MODAL for k in range(lo + 1, cond)):
            cond = None  # "Die Streiks würden fortgesetzt, wenn …": the main clause comes first
        if last.type == "direct" or t.mood[lo] == "subj2" or t.low[lo] in {"dass", "ob"} or cond is not None or any(
                t.low[k] in {"ich", "wir"} for k in range(lo, hi)):
            return False  # conditional ("Hätte er ..., so ...", "wenn ..."), a subordinate clause, the writer
        # modal Konjunktiv II ("könnte", "müsste", "dürfte") is mostly the writer's own speculation
        return any(t.mood[k] == "subj2" and t.low[k] not in SUBJ2_MODAL for k in range(lo, hi))

    def is_line(self, si: int) -> bool:
        """A sentence standing alone on its line (a sub-heading)."""
        sents = self.doc.sentences
        s = sents[si]
        before = self.t.text[sents[si - 1].end:s.start] if si > 0 else "\n"
        after = self.t.text[s.end:sents[si + 1].start] if si + 1 < len(sents) else "\n"
        return "\n" in before and "\n" in after and len(s.tokens) <= 20

    def _paragraph_break(self, si: int) -> bool:
        if si == 0:
            return True
        prev = self.doc.sentences[si - 1]
        return "\n" in self.t.text[prev.end:self.doc.sentences[si].start]

    def sentence(self, si: int, lo: int, hi: int) -> list[RawQuote]:
        t = self.t
        out: list[RawQuote] = []
        self._cur = out
        used: set[int] = set()
        k = lo
        while k < hi:
            lw = t.low[k]
            if t.inq[k] or k in used or lw not in _SENTENCE_TRIGGERS and lw not in L.VERB_FORMS:
                k += 1  # (most words open no frame: one set test instead of the whole chain below)
                continue
            q: RawQuote | None = None
            if lw in _LAUT and k + 1 < hi:
                np = np_after(t, k + 1, hi, appos=False) or (_np_participle(t, k + 1, hi) if LAUT_PART else None)
                if np and LAUT_BARE:
                    np = _bare_source(t, np)
                if np:
                    q = self._prep_quote(si, lo, hi, k, np, [k])
            elif lw == "nach" and k + 1 < hi and (any(_source_word(t.low[j]) for j in range(k + 1, min(hi, k + 4))) or (
                    NACH_DOC and k == lo and any(t.low[j].endswith(_DOC_NOUNS) for j in range(k + 1, min(hi, k + 4))))) \
                    and not (NACH_TIME and self._temporal_nach(lo, hi, k)):
                np = np_after(t, k + 1, hi, appos=False)
                if np is None and SRC_OWN and t.low[k + 1] in _SRC_ADJ and k + 2 < hi and _source_word(t.low[k + 2]):
                    np = (k + 1, k + 3)  # "nach eigenen Angaben": no name, the adjective and the source noun
                if np:
                    q = self._prep_quote(si, lo, hi, k, np, [k])
            elif AUS_SICHT and lw == "aus" and k + 1 < hi and (t.low[k + 1] == "sicht" or (
                    t.low[k + 1].endswith("sicht") and len(t.low[k + 1]) > 7 and t.cap(k + 1))):
                # "aus Sicht der Organisationen", "aus Belegschaftssicht": a source frame like "nach Ansicht"
                np = np_after(t, k + 1, hi, appos=False)
                if np:
                    q = self._prep_quote(si, lo, hi, k, np, [k])
            elif lw == "zufolge":
                np = np_before(t, k, lo)
                if np:
                    q = self._prep_quote(si, lo, hi, np[0], np, [k], frame_end=k + 1)
            elif lw == "so" and k > lo and t.w[k - 1] == "," and k + 1 < hi:
                np = np_after(t, k + 1, hi)
                if SO_ADV and np and np[1] + 1 < hi and t.low[np[1]] in _SO_ADVERBS \
                        and t.w[np[1] + 1] in {",", ".", ":", "!", "?"}:
                    # ", so Obama weiter, ...": the adverb belongs to the frame
                    q = self._prep_quote(si, lo, hi, k, np, [k], frame_start=k - 1, frame_end=np[1] + 1)
                elif np and (np[1] >= hi or t.w[np[1]] in {",", ".", ":", "!", "?"} or t.w[np[1]] in QUOTE_CHARS
                             or t.low[np[1]] in {"am", "im", "in", "gegenüber", "bei", "auf"}):
                    q = self._prep_quote(si, lo, hi, k, np, [k], frame_start=k - 1)
                elif SO_VERB and np is None and k + 2 < hi and verb_at(t, k + 1, lo, hi):
                    # "…, so vermutet die Polizei, …": a reporting verb between "so" and the source
                    k2 = k + 2
                    while k2 < hi and t.low[k2] in _SUBJ_ADVERBS:
                        k2 += 1
                    np = np_after(t, k2, hi) if k2 < hi else None
                    if np and (np[1] >= hi or t.w[np[1]] in {",", ".", ":", "!", "?"}):
                        q = self._prep_quote(si, lo, hi, k, np, [k, k + 1], frame_start=k - 1)
            elif lw == "wie" and (k == lo or t.w[k - 1] == ","):
                q = self._wie_quote(si, lo, hi, k)
            elif lw in _HEISST_ES and k + 1 < hi and t.low[k + 1] == "es" or (
                    lw == "es" and k + 1 < hi and t.low[k + 1] in _HEISST_ES):
                q = self._heisst_quote(si, lo, hi, k)
            elif HEISSEN_PERF and lw == "geheißen" and k - 1 > lo and t.low[k - 1] == "es":
                # "In den ersten Berichten hatte es geheißen, dass …"
                q = self._heisst_quote(si, lo, hi, k - 1)
                if q is not None and t.low[k - 2] in L.AUX:
                    q.cue = [(k - 2, k - 1)] + q.cue
            elif lw in _DEMNACH:
                q = self._demnach_quote(si, lo, hi, k)
            elif lw in _SUSPICION_NOUNS:
                q = self._noun_quote(si, lo, hi, k)
            elif SPEECH_NOUN and lw in _SPEECH_NOUNS and k > lo and t.cap(k) and t.upos[k] in ("NOUN", "PROPN"):
                q = self._speech_noun_quote(si, lo, hi, k)
                if q is not None and any(x in used for a, b in q.content for x in range(a, b)):
                    q = None  # the clause is already a frame verb's complement ("bestätigte den Verdacht, …")
            elif lw in OPINION_NOUNS and k > lo and t.low[k - 1] in {"der", "die"} and k + 1 < hi \
                    and t.w[k + 1] in {",", ":"}:
                q = self._opinion_quote(si, lo, hi, k)
            elif lw in _STANCE_ADJECTIVES and k + 1 < hi and t.w[k + 1] == "," \
                    and k + 2 < hi and t.low[k + 2] in WH:
                q = self._opinion_quote(si, lo, hi, k)
            elif lw == "nach" and k > lo + 1 and _source_word(t.low[k - 1]):
                # postposed: "Seiner Meinung nach", "Nach Ansicht ..." handled above
                np = np_before(t, k, lo)
                if np:
                    q = self._prep_quote(si, lo, hi, np[0], np, [k], frame_end=k + 1)
            else:
                v = verb_at(t, k, lo, hi)
                if v:
                    q = self._verb_quote(si, lo, hi, k, v)
            if q is not None:
                out.append(q)
                if not (REP_OPEN and q.type == "reported"):
                    for a, b in q.content:
                        used.update(range(a, b))
                for a, b in q.cue:
                    used.update(range(a, b))
            k += 1
        if REP_OPEN and REP_DROP and len(out) > 1:
            # a speech act whose sentence also holds a framed quote: the frame's quote is what is reported
            out = [q for q in out if q.type != "reported" or not any(
                o.type != "reported" and o.sent == q.sent and not (REP_COORD and self._coord_split(q, o))
                for o in out)]
            self._cur = out
        self._channels(lo, hi, out)
        self.quotes.extend(out)
        return out

    def _coord_split(self, q: RawQuote, o: RawQuote) -> bool:
        """A speech act and another frame in coordinated clauses ("X nannte die Sanktionen Y und rief Z auf, …",
        "Sie räumte ein, …, sprach aber von …"): both are quotes; the speech act's content shrinks to its own
        clause. False (nothing changed) where the clauses do not separate."""
        t = self.t
        qc = [a for a, _ in q.display_cue]
        oc = [a for a, _ in o.cue]
        if not qc or not oc or len(q.content) != 1 or not o.content or o.type != "indirect":
            return False  # (beside a direct quote the speech act frames that quote: "nannte sie „fahrlässig“")
        lo, hi = q.content[0]
        qv, ov = min(qc), min(oc)
        oa, ob = min(a for a, _ in o.content), max(b for _, b in o.content)
        if qv < ov <= oa:
            x = next((x for x in range(qv + 1, ov) if t.low[x] in {"und", "sowie"} and not t.inq[x]
                      or t.w[x] == "," and t.low[x + 1] in {"aber", "doch", "sondern", "und"}), None)
            part = _trim(t, lo, x) if x is not None else None
        elif ob <= qv:
            x = next((x for x in range(qv - 1, ob - 1, -1) if t.w[x] == "," or t.low[x] == "und"), None)
            part = _trim(t, x + 1, hi) if x is not None else None
        else:
            return False
        if part is None or max(b for _, b in q.display_cue) > part[1] or part[0] > qv \
                or any(t.inq[x] for x in range(*part)) \
                or t.low[qv + 1] == "sich" and q.display_cue[-1][0] > qv + 1:
            return False  # (nor "sprach sich … aus": a stance; the frame beside it is what is reported)
        q.content = [part]
        return True

    def _channels(self, lo: int, hi: int, out: list[RawQuote]) -> None:
        """Source -> channel chains inside one sentence.

        "Y berichtet unter Berufung auf X, ..." -> speaker X via channel Y;
        "Wie Y berichtet, sagte X ..." -> X's quote reached the writer through Y."""
        t = self.t
        for k in range(lo, hi - 2):
            if t.low[k] == "unter" and t.low[k + 1] == "berufung" and t.low[k + 2] == "auf":
                x = np_after(t, k + 3, hi, appos=False)
                if x is None:
                    return
                for q in out:
                    if q.speaker is not None and _kind_words(t, q.speaker) == "media":
                        q.channel, q.speaker = q.speaker, x
                        return
                # no reporting frame found yet: "Y meldet unter Berufung auf X, dass ..."
                for v in range(lo, k):
                    vv = verb_at(t, v, lo, hi)
                    if vv:
                        y = self.speaker_for_verb(lo, k, v, vv[3])
                        xe = x[1]
                        nxt = xe + 1 if xe < hi and t.w[xe] == "," else xe
                        part = _trim(t, nxt, hi)
                        if part:
                            out.append(RawQuote("indirect", [part], [(c, c + 1) for c in vv[3]] + [(k + 1, k + 2)],
                                                x, None, y if y and _kind_words(t, y) == "media" else None,
                                                sent=t.sent[lo]))
                        return
                return
        wc = self._wie_channel.get(t.sent[lo]) if lo < t.n else None
        if wc is not None:
            for q in out:
                if q.channel is None and q.speaker is not None:
                    q.channel = wc
                    if not any(c[0] < wc[0] for c in q.cue):
                        pass
        media = [q for q in out if q.speaker is not None and _kind_words(t, q.speaker) == "media"
                 and q.cue and t.low[max(q.cue[0][0] - 8, lo)] is not None
                 and any(t.low[j] == "wie" for j in range(max(lo, q.speaker[0] - 2), q.speaker[0]))]
        if media:
            for q in out:
                if q not in media and q.speaker is not None and q.channel is None \
                        and _kind_words(t, q.speaker) != "media":
                    q.channel = media[0].speaker

    def _prep_quote(self, si: int, lo: int, hi: int, k: int, np: tuple[int, int], cue: list[int],
                    frame_start: int | None = None, frame_end: int | None = None) -> RawQuote | None:
        t = self.t
        if PREP_EXT and frame_start is None and frame_end is None and np[1] < hi:
            # sentence-initial "Nach Angaben des Direktors, X, sei ...": the whole prefield up to the
            # finite verb is the source in the WikiNews gold, the content starts at the verb
            s0 = _skip_conj(t, lo, k)
            if s0 == k:
                fv = next((x for x in range(np[1], min(hi, np[1] + 16))
                           if _finite_verb(t, x)
                           or (t.upos[x] is None and (t.low[x] in L.AUX or t.low[x] in L.MODALS))), None)
                if fv is not None and fv > np[1] and not any(t.inq[x] for x in range(np[1], fv)) \
                        and not any(t.low[x] in {"dass", "weil", "wo", "wobei", "ob", "welche", "welcher", "welches"}
                                    or (t.w[x] == "," and t.low[x + 1] in SUBORD) for x in range(np[1], fv)):
                    e = fv
                    while e > np[1] and t.w[e - 1] in {",", "(", ")"} and t.w[e - 1] != ")":
                        e -= 1
                    if PREP_EXT_STOP and (x := next((x for x in range(np[1], e) if _prefield_adjunct(t, x, fv)),
                                                    None)) is not None:
                        frame_end = e  # the adjunct stays out of the content, too
                        e = x
                    np = (np[0], e)
        fs = k if frame_start is None else frame_start
        fe = frame_end if frame_end is not None else np[1]
        a0, b0 = lo, hi
        # a frame inside a relative / subordinate clause reports only that clause
        # ("Katar, der laut einer dpa-Meldung ... einsteigen will, ...")
        for c in range(fs - 1, lo, -1):
            if t.w[c] == "," and c + 1 < fs and t.low[c + 1] in SUBORD:
                a0 = c + 1
                b0 = next((x for x in range(fe, hi) if t.w[x] in {",", ";", ":"} and not (
                    0 < x < t.n - 1 and t.w[x - 1].isdigit() and t.w[x + 1].isdigit())), hi)
                break
            if t.w[c] in {",", ";", ":"}:
                if PREP_CLAUSE and t.w[c] == "," and self._main_clause_pair(lo, c, fs):
                    a0 = c + 1  # "Die Veranstalter schätzten 2.000, nach Polizeiangaben waren es 1.000."
                break
        parts = [p for p in (_trim(t, a0, fs), _trim(t, fe, b0)) if p]
        if not parts or sum(b - a for a, b in parts) < 3:
            return None
        if t.low[np[0]] in L.SOURCE_NOUNS and np[1] - np[0] == 1:
            pass  # "nach Angaben" alone: still a quote, speaker resolved from context
        return RawQuote("indirect", parts, [(c, c + 1) for c in cue], np, sent=si)

    def _main_clause_pair(self, lo: int, c: int, fs: int) -> bool:
        """Two main clauses joined by the comma c, the source frame (at fs) in the second: the clause before
        it has a finite verb of its own and holds no subordinate clause whose end the comma could be."""
        t = self.t
        if t.upos[lo] == "SCONJ" or t.low[lo] in _CLAUSE_CONJ or t.low[lo] in WH or c + 1 >= fs and not (
                c + 1 == fs and fs < t.n and t.low[fs] in {"laut", "nach", "gemäß"}):
            return False
        if t.upos[c + 1] in ("VERB", "AUX") or t.low[c + 1] in _CLAUSE_CONJ or t.low[c + 1] in WH or t.low[c + 1] in {
                "der", "die", "das", "dem", "den", "deren", "dessen", "denen", "welche", "welcher", "welches"} \
                and t.upos[c + 1] == "PRON":
            return False
        if any(t.w[x] == "," for x in range(lo, c)) or any(t.inq[x] for x in range(lo, c + 1)):
            return False
        return any(_finite_verb(t, x) for x in range(lo + 1, c))

    def _wie_quote(self, si: int, lo: int, hi: int, k: int) -> RawQuote | None:
        t = self.t
        end = _clause_end(t, k + 1, hi)
        if WIE_MORE:
            # "Wie ein Sprecher der Firma, Hans Meier, mitteilte, ...": an apposition before the verb
            seg, stop = k + 1, end
            for _ in range(3):
                if stop + 1 >= hi or t.w[stop] != "," or any(verb_at(t, v, lo, hi) for v in range(seg, stop)):
                    break
                seg, stop = stop + 1, _clause_end(t, stop + 1, hi)
            if stop < hi and t.w[stop] == "," and any(verb_at(t, v, lo, hi) for v in range(seg, stop)):
                end = stop
            # "…, wie die Polizei mitteilte.": the frame closes the sentence, the content precedes it
            if k > lo + 1 and (end >= hi or t.w[end] in PUNCT_END) and end >= hi - 1:
                for v in range(end - 1, k, -1):
                    vv = verb_at(t, v, lo, hi)
                    if vv and vv[2] and not any(t.upos[x] in ("VERB", "AUX") for x in range(k + 1, v)
                                                  if x not in vv[3]):
                        np = np_after(t, k + 1, v, appos=False)
                        content = _trim(t, lo, k - 1)
                        if np is None or content is None:
                            return None
                        return RawQuote("indirect", [content], [(k, k + 1)] + [(c, c + 1) for c in vv[3]], np, sent=si)
                return None
        if end >= hi or t.w[end] != ",":
            return None
        for v in range(end - 1, k, -1):
            vv = verb_at(t, v, lo, hi)
            if vv:
                cue = vv[3]
                a = k + 1
                if a < v and t.low[a] in {"von", "vom"}:
                    a += 1
                np = np_after(t, a, v, appos=False) if a < v else None
                if end + 1 < hi and verb_at(t, end + 1, lo, hi) is not None and np is not None:
                    # "Wie Y berichtet, sagte X, ...": Y is the channel of X's quote
                    self._wie_channel[si] = np
                    return None
                parts = [p for p in (_trim(t, lo, k), _trim(t, end + 1, hi)) if p]
                if not parts:
                    return None
                return RawQuote("indirect", parts, [(c, c + 1) for c in cue], np, sent=si)
        return None

    def _heisst_quote(self, si: int, lo: int, hi: int, k: int) -> RawQuote | None:
        t = self.t
        a, b = (k, k + 2)
        sp = None
        for j in range(lo, a):
            if t.low[j] in {"in", "im"}:
                sp = np_after(t, j + 1, a, appos=False)
                break
        if CUE_WIE_FAR and sp is None and a - 1 >= lo and t.low[a - 1] == "wie" \
                and (a - 1 == lo or t.w[a - 2] in {",", ";", ":", "–"}):
            a -= 1  # "Wie es hieß, …": "wie" opens the frame clause, not the content
        parts = [p for p in (_trim(t, lo, sp[0] - 1 if sp else a), _trim(t, b, hi)) if p]
        if not parts:
            return None
        q = RawQuote("indirect", parts, [(a, b)], sp, impersonal=sp is None, sent=si)
        if HEISST_QUOTED and self._heisst_direct(lo, hi, k, b):
            # direct() frames the quote with "heißt es"; the frame still carries over to the sentences after it
            self._frame_only[si] = q
            return None
        return q

    def _temporal_nach(self, lo: int, hi: int, k: int) -> bool:
        """ "nach Abschluss der Ermittlungen", "einen Tag nach dem Beschluss": "nach" of time, whose head noun is
        no source (the source word only in its genitive) or which follows a time word."""
        t = self.t
        if k > lo and t.low[k - 1] in _TIME_BEFORE_NACH:
            return True
        j = k + 1
        while j < hi and (t.low[j] in L.DETERMINERS or t.w[j][:1].islower() or j + 1 < hi and _source_word(t.low[j + 1])):
            j += 1  # (also a genitive name before the source: "Nach Grupps Meinung")
        return j < hi and not (_source_word(t.low[j]) or t.low[j].endswith(_DOC_NOUNS))

    def _heisst_direct(self, lo: int, hi: int, a: int, b: int) -> bool:
        """ "heißt es" next to a quotation that fills its clause: right after the closing mark ("„…“, hieß es") or
        before a colon that opens one ("heißt es in der Mitteilung: „…“")."""
        t = self.t
        if t.low[a + 1] == "geheißen":
            return False  # "hatte es geheißen: „…“" has no frame of its own in direct()
        j = a - 1
        if j >= lo and t.w[j] == ",":
            j -= 1
        if j >= lo and t.w[j] in QUOTE_CHARS and t.inq[j] and (t.inq[lo] or t.w[lo] in QUOTE_CHARS):
            return True  # the quote runs from the sentence start up to "heißt es" (not "X werde „…“, heißt es")
        for x in range(b, hi - 1):
            if t.inq[x] or t.w[x] in {",", ";"}:
                return False
            if t.w[x] == ":":
                return t.w[x + 1] in QUOTE_CHARS and t.inq[x + 1]
        return False

    def _demnach_quote(self, si: int, lo: int, hi: int, k: int) -> RawQuote | None:
        t = self.t
        prev = self.quotes[-1] if self.quotes else None
        if t.low[k] == "wonach":
            parts = [p for p in (_trim(t, k + 1, hi),) if p]
            sp = None
            j = k - 1
            while j > lo and t.w[j] != ",":
                j -= 1
            np = np_before(t, j, lo) if j > lo else None
            sp = np
        else:
            parts = [p for p in (_trim(t, lo, k), _trim(t, k + 1, hi)) if p]
            sp = prev.speaker if prev and prev.sent >= si - 3 else None
        if not parts:
            return None
        return RawQuote("indirect", parts, [(k, k + 1)], sp, sent=si, inherited=t.low[k] == "demnach",
                        impersonal=sp is None)

    def _opinion_quote(self, si: int, lo: int, hi: int, k: int) -> RawQuote | None:
        """"X ist der Ansicht, dass ...", "X vertritt die Auffassung, ...", "X zeigte sich besorgt, dass ..."""
        t = self.t
        comma = k + 1
        # the cue: the finite verb before the noun/adjective in the same clause, plus the noun
        v = None
        for j in range(k - 1, max(lo - 1, k - 8), -1):
            if t.w[j] in {",", ";", ":"}:
                break
            if t.upos[j] in ("VERB", "AUX") or t.low[j] in {"ist", "sind", "war", "waren", "vertritt", "vertreten",
                                                            "vertrat", "zeigte", "zeigten", "zeigt", "zeigen",
                                                            "sei", "seien", "äußerte"}:
                v = j
        if v is None:
            return None
        part = _trim(t, comma + 1, hi)
        if part is None:
            return None
        sp = self.subject_before(lo, v) or (np_after(t, v + 1, k) if self.after_verb_ok(lo, v) else None)
        if sp is None:
            return None
        cue = [(v, v + 1)] + ([(k - 1, k + 1)] if t.low[k] in OPINION_NOUNS else [(k, k + 1)])
        return RawQuote("indirect", [part], cue, sp, sent=si)

    def _speech_noun_quote(self, si: int, lo: int, hi: int, k: int) -> RawQuote | None:
        """ "Dem Appell der Polizei, sich zu stellen, folgte er nicht.": a speech-act noun, its attributes up to a
        comma, then a zu-infinitive, dass- or Konjunktiv-I clause. The noun phrase is the speaker (WikiNews marks
        it so where no agent is named, and the agent's genitive lies inside it)."""
        t = self.t
        j = k + 1
        agent = j < hi and t.low[j] in _ATTR_START
        if j < hi and (agent or t.low[j] == "an"):  # ("die Bitte an die Stadt, …": the addressee)
            # the agent's genitive or "von" phrase: noun-phrase words only, up to the comma
            while j < hi and j < k + 12 and (t.upos[j] in ("DET", "ADJ", "NOUN", "PROPN", "NUM")
                                             or t.low[j] in _ATTR_START_AN) and not t.inq[j]:
                j += 1
        if j < hi and t.low[j] in {"daran", "darauf", "darüber", "davor", "dafür", "dazu"}:
            j += 1  # a correlate before the clause: "Zweifel daran, ob …", "Hinweise darauf, dass …"
        if j + 2 >= hi or t.w[j] != ",":
            return None
        if agent:
            # an apposition naming the agent: "der Ankündigung ihres Trainers, Greg Poss, …"
            n = j + 1
            while n < hi and t.upos[n] == "PROPN" and not t.inq[n]:
                n += 1
            if j + 1 < n < hi - 2 and t.w[n] == ",":
                j = n
        c = j + 1
        e, zu = c + 1, False
        subj1 = _has_subj1(t, c, e)  # Konjunktiv I (or reportative) among tokens [c, e), kept up to date with e
        while e < hi and not (t.w[e] in {";", ":"} or t.w[e] in PUNCT_END or t.w[e] == "," and e + 1 < hi and (
                zu or _finite_verb(t, e + 1) or t.upos[e + 1] == "VERB"
                and e + 2 < hi and t.w[e + 2] in PUNCT_END)):
            # a zu-infinitive clause ends at the first comma after its verb, a Konjunktiv-I clause before a
            # part without Konjunktiv I ("…, das Gericht sei nicht legitim, mit den Worten entgegen, …")
            zu = zu or t.low[e - 1] == "zu" and t.upos[e] in ("VERB", "AUX") or _joined_zu(t, e)
            if t.w[e] == "," and subj1 and not _has_subj1(t, e + 1, _clause_end(t, e + 1, hi)):
                break
            subj1 = subj1 or _has_subj1(t, e, e + 1)
            e += 1
        r = c + 1 if t.upos[c] == "ADP" else c
        if opens_relative(t, j, e) and r + 1 < e and t.upos[r + 1] not in ("NOUN", "PROPN", "ADJ", "NUM"):
            return None  # a relative clause on the agent ("eines Hackers, der behauptet, … zu haben")
        if not (t.low[c] in {"dass", "ob"} or zu or subj1):
            return None
        content = _trim(t, c, e)
        if content is None or any(t.inq[x] for x in range(c, e)):
            return None
        a = k
        while a > lo and (t.low[a - 1] in L.DETERMINERS or t.upos[a - 1] == "ADJ" and t.low[a - 1].endswith(
                ("e", "en", "er", "es", "em")) and (t.w[a - 1][:1].islower() or a - 1 == lo)):
            a -= 1
        sp = (a, j if agent else k + 1)
        if SPEECH_NOUN_SUBJ and not agent:
            # no agent attribute: the noun as an object of a clause with its own subject ("Die Staatsanwaltschaft
            # hegt den Verdacht, …", "X wandte sich mit der Aufforderung an …, …"): that subject holds it
            cs = next((x + 1 for x in range(a - 1, lo - 1, -1) if t.w[x] in {",", ";", ":"}), lo)
            fv = next((x for x in range(cs, a) if _finite_verb(t, x)), None)
            if fv is not None and (t.low[a] in _NON_NOM or a > lo and t.upos[a - 1] == "ADP"):
                subj = self.subject_before(cs, fv)
                if subj is None and self.after_verb_ok(cs, fv):
                    subj = np_after_verb(t, fv + 1, a)
                if subj is not None and subj[1] <= a and not (subj[0] <= k < subj[1]):
                    sp = subj
        return RawQuote("indirect", [content], [(k, k + 1)], sp, sent=si)

    def _noun_quote(self, si: int, lo: int, hi: int, k: int) -> RawQuote | None:
        t = self.t
        for j in range(k + 1, min(hi, k + 8)):
            if t.w[j] == "," and j + 1 < hi and t.low[j + 1] == "dass":
                part = _trim(t, j + 1, hi)
                if part:
                    return RawQuote("indirect", [part], [(k, k + 1)], None, impersonal=True, sent=si)
        return None

    def _verb_quote(self, si: int, lo: int, hi: int, v: int, vinfo: tuple[str, bool, bool, list[int]]) -> RawQuote | None:
        t = self.t
        lemma, clause, rep, cue = vinfo
        cues = [(c, c + 1) for c in sorted(cue)]
        passive = _passive_aux(t, v, lo, hi)
        if passive is not None and (passive, passive + 1) not in cues:
            cues = sorted(cues + [(passive, passive + 1)])
        # (b) "<content>, sagte X." / "<content>, erklärte X, <content>"
        if v > lo + 1 and t.w[v - 1] == "," or (v > lo + 2 and t.w[v - 1] in QUOTE_CHARS and t.w[v - 2] == ","):
            comma = v - 1 if t.w[v - 1] == "," else v - 2
            if self.subject_before(lo, v):
                comma = -1
            elif APPOS_AUX and lo < (aux := min(cue)) < comma and t.low[aux] in L.AUX:
                # "<content>, hat X, Apposition, gesagt." / "Gestern hatte X, Apposition, erklärt, ...": with no
                # comma before it the auxiliary opens the frame
                comma = aux - 1 if t.w[aux - 1] == "," else -1
        else:
            comma = -1
        if comma >= 0:
            if t.inq[comma - 1] if comma - 1 >= lo else False:
                # frame of a direct quote: handled with the quote, unless reported speech precedes it
                # ("Der Entwurf sei „ein Schlag ...“, sagte X": indirect with a nested direct quote)
                op = comma - 1
                while op > lo and not (t.w[op] in QUOTE_CHARS and t.inq[op] and (op == lo or not t.inq[op - 1])):
                    op -= 1
                if op <= lo + 1 or not _has_subj1(t, lo, op):
                    return None
            if (t.low[lo] in WH or t.low[lo] in {"weil", "wenn", "als", "nachdem", "obwohl"}) \
                    and si not in self._wie_channel:
                return None
        if comma >= 0 and si in self._wie_channel:
            comma = -1  # "Wie Y berichtet, sagte X, ...": X's frame comes first
        if comma >= 0:
            adv = FRONTED_ADV and self._adverbial_prefield(lo, comma)
            sp = self.speaker_for_verb(v, hi, v, cue)
            if sp is None:
                return None
            after = sp[1]
            end2 = _clause_end(t, after, hi)
            if end2 + 1 < hi and t.w[end2] == "," and t.low[end2 + 1] in {"dass", "ob"} and clause:
                p2 = _trim(t, end2 + 1, hi)
                if p2:
                    addr, chan = self.addressee_channel(lo, hi, after)
                    return RawQuote("indirect", [p2], cues, sp, addr, chan, sent=si)
            parts = [] if adv else [p for p in (_trim(t, lo, comma),) if p]
            if end2 < hi and t.w[end2] == ",":
                p2 = _trim(t, end2 + 1, hi)
                cue_toks = {c for c, _ in cues}
                if p2 and not all(x in cue_toks or not t.is_word(x) for x in range(*p2)):
                    parts.append(p2)  # (not the frame's own particle: "..., teilte X, Y, mit.")
            if not parts and ADV_REPORT and adv and rep and lemma not in L.WEAK_REPORTED and passive is None \
                    and t.low[sp[0]] not in {"es", "man"}:
                # "Seitdem die Armee … aufnahm, warnte die Botschaft vor Anschlägen.": no complement after an
                # adverbial clause, a speech act over the sentence
                return self._speech_act(si, lo, hi, v, sp, cues)
            if not parts:
                return None
            addr, chan = self.addressee_channel(lo, hi, after)
            return RawQuote("indirect", parts, cues, sp, addr, chan, sent=si)
        # (a) frame first: "X sagte, dass ...", "X sagte, er werde ..."
        cend = _clause_end(t, max(cue) + 1, hi)
        if APPOS_AFTER and cend < hi and t.w[cend] == "," and v == min(cue):
            # "erklärte der Direktor der IAEO, Mohammed el-Baradei, Nordkorea besitze …": the
            # apposition of the subject after the verb is no complement
            sp0 = np_after_verb(t, max(cue) + 1, hi)
            if sp0 and sp0[0] < cend < sp0[1] < hi and t.w[sp0[1]] == ",":
                cend = sp0[1]
        if FRAME_NEAREST and any(t.low[x] in {"und", "sowie", "oder"} and x + 1 < cend and verb_at(t, x + 1, lo, hi)
                                 for x in range(max(cue) + 1, cend)):
            cend = hi  # "kritisierte die Pläne und sagte, ...": the complement belongs to the nearer verb
        if cend < hi and t.w[cend] in {",", ":"} and (clause or ZU_NOCLAUSE and lemma in L.ZU_INF):
            nxt = cend + 1
            if nxt < hi and t.w[nxt] in QUOTE_CHARS and t.inq[nxt]:
                return None  # "X sagte: „...“" handled with the quote
            c_end2 = _clause_end(t, nxt, hi)
            zu_inf = (lemma in L.ZU_INF or ZU_ALL) and (any(
                t.low[j] == "zu" or (t.low[j].find("zu") in (2, 3, 4, 5) and t.low[j].endswith("en"))
                for j in range(max(nxt, c_end2 - 3), c_end2)) or ZU_JOINED and any(
                _joined_zu(t, j) for j in range(max(nxt, c_end2 - 6), c_end2)))
            plain = lemma in STRONG_SAY and nxt < hi and (t.low[nxt] in L.PRONOUNS or t.low[nxt] in L.DETERMINERS) \
                and (t.low[nxt] not in {"der", "die", "das", "dessen", "deren"} or cend == max(cue) + 1) \
                or ((lemma in STRONG_SAY or passive is not None) and cend == max(cue) + 1 and nxt < hi
                    and (t.cap(nxt) or t.low[nxt] in L.DETERMINERS)
                    and t.low[nxt] not in {"und", "oder", "aber", "als", "wenn", "weil"})
            subj2 = SUBJ2_CL and (lemma in STRONG_SAY or SUBJ2_ALL) and any(t.mood[k] == "subj2"
                                                                             for k in range(nxt, c_end2))
            is_clause = nxt < hi and (t.low[nxt] in WH or _has_subj1(t, nxt, c_end2) or zu_inf or plain or subj2 or (
                t.w[cend] == ":" and lemma in {"sagen", "erklären", "betonen", "schreiben"}))
            if is_clause:
                content = _trim(t, nxt, _coord_end(t, nxt, hi))
                if content is None:
                    return None
                if passive is None and PASSIVE_FAR and v == max(cue) and t.low[v] != (t.lemma[v] or t.low[v]).lower() \
                        and (zu_inf or t.low[nxt] in {"dass", "ob"} or _has_subj1(t, nxt, c_end2)):
                    passive = next((c for c in cue if c < v and t.low[c] in _WERDEN), None)
                if passive:
                    sp = None
                    for j in range(min(v, passive) + 1, cend):
                        if t.low[j] in {"von", "vom"}:
                            sp = np_after(t, j + 1, cend, appos=False)
                            break
                    if sp is None and PASSIVE_SOURCE:
                        sp = _passive_source(t, lo, min(v, passive), max(v, passive), cend)
                    return RawQuote("indirect", [content], cues, sp, impersonal=sp is None, sent=si)
                sp = None
                if CONJ_CLAUSE:
                    cc = next((x for x in range(min(cue) - 2, lo, -1) if t.w[x] == ","), None)
                    if cc is not None and t.low[cc + 1] in {"und", "aber", "doch", "sondern", "oder"} \
                            and not any(t.inq[x] for x in range(cc, min(cue))):
                        sp = self.subject_before(cc + 1, min(cue))
                if sp is None:
                    sp = self.speaker_for_verb(lo, cend, v, cue)
                if sp is None and SUB_FRAME:
                    sp = self._subord_subject(lo, min(cue))
                    if sp is not None:
                        # the auxiliary closing the clause belongs to the cue ("erklärt hatte")
                        cues = sorted(set(cues) | {(x, x + 1) for x in range(max(cue) + 1, cend) if t.low[x] in L.AUX})
                        # the main clause resumes after the complement: "…, der erklärt hat, X zu tun, könnte …"
                        ce = next((x for x in range(content[0] + 2, content[1] - 1) if t.w[x] == "," and not t.inq[x]
                                   and (t.upos[x + 1] in ("VERB", "AUX") or t.low[x + 1] in L.AUX)), None)
                        if ce is not None:
                            content = _trim(t, content[0], ce) or content
                if sp is None and min(cue) > lo and t.low[min(cue) - 1] == "und":
                    # "X erklärte ... und kündigte an, ...": the subject of the first clause
                    sp = next((q.speaker for q in reversed(self._cur) if q.speaker is not None), None) \
                        or self.subject_before(lo, next((k for k in range(lo + 1, v) if t.upos[k] in ("VERB", "AUX")
                                                          or t.low[k] in L.VERB_FORMS), v))
                    if sp is None and UND_INV:
                        f1 = next((k for k in range(lo + 1, min(cue) - 1) if t.upos[k] in ("VERB", "AUX")
                                   and t.mood[k] is not None), None)
                        if f1 is not None and self.after_verb_ok(lo, f1):
                            sp = np_after_verb(t, f1 + 1, min(cue) - 1)
                if sp is None and not (t.low[lo] == "es" and lemma in L.WEAK_REPORTED) and not (
                        IMPERSONAL_KNOWN and lemma == "bekanntwerden"):
                    return None  # ("wurde bekannt, dass …" has no speaker by nature)
                addr, chan = self.addressee_channel(lo, hi, v + 1)
                return RawQuote("indirect", [content], cues, sp, addr, chan, impersonal=sp is None, sent=si)
        # (d) "Dies/Das teilte X mit.": the reported content is the sentence before
        if t.low[lo] in {"dies", "das", "dieses", "diese"} and v == lo + 1:
            sp = np_after_verb(t, v + 1, hi)
            if sp is not None and self._free_sentence_before(si):
                plo, phi = t.sent_range[si - 1]
                return RawQuote("indirect", [(plo, phi), (lo, lo + 1)], cues, sp, sent=si)
        if DAS_MORE and v >= lo + 3 and t.low[v - 1] in {"das", "dies"} and t.w[v - 2] == "," \
                and not any(t.inq[x] for x in range(lo, v)):
            # "Die Kamera ist ausgefallen, das teilte das Institut mit.": the clause before the comma
            sp = np_after_verb(t, v + 1, hi)
            content = _trim(t, lo, v - 2)
            if sp is not None and content is not None:
                return RawQuote("indirect", [content], cues, sp, sent=si)
        if DAS_MORE and t.low[lo] in {"dies", "das"} and lo + 1 < hi and t.low[lo + 1] in _WERDEN \
                and t.low[v] != (t.lemma[v] or t.low[v]).lower():
            # "Das wurde vom Presseamt bekannt gegeben.": the agent reports the sentence before
            agent = next((x for x in range(lo + 2, v) if t.low[x] in {"von", "vom"}), None)
            sp = np_after(t, agent + 1, v) if agent is not None else None
            if sp is not None and self._free_sentence_before(si):
                plo, phi = t.sent_range[si - 1]
                return RawQuote("indirect", [(plo, phi), (lo, lo + 1)], sorted(set(cues) | {(lo + 1, lo + 2)}),
                                sp, sent=si)
        # (c) speech act without clause: "X kritisierte das Urteil."
        if rep and lemma in L.REPORTED_PREP and not any(
                t.low[k] in L.REPORTED_PREP[lemma] for k in range(lo, hi) if k not in cue):
            return None  # "Die Lichter gingen aus", "Der Spieler wurde des Feldes verwiesen"
        if PASSIVE_REPORT and self._agentless_report(lo, hi, v, lemma, cue):
            # "Als Ursache wurde ... genannt.", "Bemängelt werden außerdem ...": WikiNews marks such
            # sentences as reported speech; no agent is named, so the source is impersonal (taking the
            # speaker of the quote before instead scored the same on train and is wrong more often)
            return RawQuote("reported", [(lo, hi)], [], impersonal=True, sent=si, display_cue=cues)
        if PASSIVE_AGENT and rep and lemma not in L.WEAK_REPORTED and passive is None and any(
                t.low[c] in _WERDEN for c in cue if c != v) and t.low[v] != (t.lemma[v] or t.low[v]).lower():
            # "Die Haltung wurde vom Sprecher kritisiert": the agent speaks, not the subject; without
            # an agent ("Die Zahl wurde nicht bestätigt") nobody is reported
            agent = next((k for k in range(lo, hi) if t.low[k] in {"von", "vom"} and not t.inq[k]), None)
            sp = np_after(t, agent + 1, hi) if agent is not None and agent + 1 < hi else None
            if sp is None or _trim(t, lo, hi) is None:
                return None
            return self._speech_act(si, lo, hi, v, sp, cues)
        if rep and lemma not in L.WEAK_REPORTED and not passive:
            sp = self.speaker_for_verb(lo, hi, v, cue)
            if sp is None or t.low[sp[0]] in {"es", "man"}:
                return None
            if not self._main_clause_verb(sp[1] if sp[1] <= v else lo, v):
                return None
            content = _trim(t, lo, hi)
            if content is None:
                return None
            return self._speech_act(si, lo, hi, v, sp, cues)
        return None

    def _speech_act(self, si: int, lo: int, hi: int, v: int, sp: tuple[int, int] | None,
                    cues: list[tuple[int, int]]) -> RawQuote:
        """A speech act without a complement clause ("X kritisierte das Urteil"): the whole sentence is reported,
        the verb is only a shown cue (WikiNews marks no cue for Reported)."""
        addr, chan = self.addressee_channel(lo, hi, v + 1)
        return RawQuote("reported", [(lo, hi)], [], sp, addr, chan, sent=si, display_cue=cues)

    def _adverbial_prefield(self, lo: int, comma: int) -> bool:
        """The words before ", <verb> X" are an adverbial clause ("Da …, ", "Während …, ") or a PP or noun phrase
        with a relative clause ("In einem Referendum, das … stattfand, "), without Konjunktiv I: no reported
        clause of the verb after them."""
        t = self.t
        if any(t.inq[k] for k in range(lo, comma)) or _has_subj1(t, lo, comma):
            return False
        if t.low[lo] in _ADV_SUBORD:
            # a verb-final clause: not "Da sei …", not the preposition of "Seit Mai gilt …, genannt …"
            return lo + 1 < comma and t.upos[lo + 1] not in ("VERB", "AUX") and t.upos[comma - 1] in ("VERB", "AUX")
        c = next((k for k in range(lo + 1, comma) if t.w[k] == ","), None)
        if c is None or any(t.upos[k] in ("VERB", "AUX") for k in range(lo, c)):
            return False
        # a relative clause ends with its verb ("das … stattfand"); "die britische Königin" is an apposition
        return opens_relative(t, c, comma) and t.upos[lo] in ("ADP", "DET") and t.upos[comma - 1] in ("VERB", "AUX")

    def _subord_subject(self, lo: int, v: int) -> tuple[int, int] | None:
        """The subject of a subordinate clause "…, der erklärte" / "…, da die Partei angekündigt hatte"
        whose verb v (first cue token) ends it: the relative pronoun or the noun phrase after the
        subordinator; None when v does not close such a clause."""
        t = self.t
        c = v - 1
        while c > lo and t.w[c] not in {",", ";", ":"} and not t.inq[c]:
            c -= 1
        if c == lo and t.low[lo] in _SUBORD_FRAME:
            c = lo - 1  # sentence-initial "Während X ankündigte, …"
        elif c <= lo or t.w[c] != "," or c + 1 >= v:
            return None
        w = t.low[c + 1]
        if w in _REL_ALS and c + 2 <= v:
            # relative pronoun as subject; "der der Regierung vorwarf": a dative object may follow
            return (c + 1, c + 2)
        if w in _SUBORD_FRAME and c + 2 < v:
            np = np_after(t, c + 2, v, appos=False)
            if np is not None and not any(t.upos[x] in ("VERB", "AUX") for x in range(c + 2, np[1])):
                return np
        return None

    def _agentless_report(self, lo: int, hi: int, v: int, lemma: str, cue: list[int]) -> bool:
        """A passive speech act without agent that WikiNews counts as reported speech: "Als Grund wurde
        X genannt/angegeben" (the prefield names what is reported) or a fronted participle ("Vermutet
        werden Absprachen")."""
        t = self.t
        if any(t.low[k] in {"von", "vom", "dass", "ob", "laut", "zufolge", "gemäß"} or t.inq[k] for k in range(lo, hi)):
            return False  # an agent (handled above), a named source or a clause (indirect speech)
        if v == lo and lo + 1 < hi and t.low[lo + 1] in _WERDEN:
            return lemma in _FRONTED_PASSIVE
        return t.low[lo] == "als" and lemma in _ALS_PASSIVE and any(t.low[c] in _WERDEN for c in cue if c != v)

    def _free_sentence_before(self, si: int) -> bool:
        """The sentence before si can be the content of a "Dies teilte X mit" frame: a body
        sentence, not empty, without a direct quote, and not already part of a recent quote."""
        if si == 0 or self.is_line(si - 1):
            return False
        t = self.t
        plo, phi = t.sent_range[si - 1]
        return _trim(t, plo, phi) is not None and not any(t.inq[x] for x in range(plo, phi)) \
            and not any(plo <= a < phi for q in self.quotes[-6:] for a, _ in q.content)

    def _main_clause_verb(self, lo: int, v: int) -> bool:
        """The verb is the finite verb of the main clause (V2), not inside a subordinate clause."""
        t = self.t
        for k in range(lo, v):
            if t.w[k] == "," and 0 < k < t.n - 1 and t.w[k - 1].isdigit() and t.w[k + 1].isdigit():
                continue
            if t.w[k] == "," and not (k == v - 1 and k == lo) or t.low[k] in {"dass", "weil", "wenn", "als", "nachdem", "obwohl", "die", "der"} \
                    and k > lo and t.w[k - 1] == ",":
                return False
        return True

    # --- direct quotes and their frames
    def direct(self, pairs: list[tuple[int, int]], short: bool = False) -> None:
        t = self.t
        prev: RawQuote | None = None
        by_sent: dict[int, list[RawQuote]] = {}
        for o in self.quotes:
            if o.speaker is not None and o.type != "direct":
                for x, _ in o.content:
                    by_sent.setdefault(t.sent[x], []).append(o)
        for a, b in pairs:
            near = by_sent.get(t.sent[a], [])
            if short:
                outer = next((o for o in near if o.sent == t.sent[a] and any(x <= a and b < y for x, y in o.content)),
                             None)
                if outer is None or not any(t.is_word(k) for k in range(a + 1, b)):
                    continue
                self.quotes.append(RawQuote("direct", [(a, b + 1)], list(outer.cue or outer.display_cue), outer.speaker, None,
                                            outer.channel, sent=t.sent[a], inherited=True))
                continue
            si = t.sent[a]
            lo, _ = t.sent_range[si]
            _, hi = t.sent_range[t.sent[b]]
            # a closing frame may sit in the next sentence when the quote ended with "." inside
            if b + 1 < t.n and t.sent[b + 1] != t.sent[b] and t.w[b + 1] == ",":
                hi = t.sent_range[t.sent[b + 1]][1]
            content = [(a, b + 1)]
            # drop inserted sub-heading lines from the content span
            segs = self._split_headings(a, b + 1)
            if segs:
                content = segs
            q = self._als_frame(a, b, lo, hi) if ALS_LABEL else None
            if q is None:
                q = self._frame_after(a, b, hi)
            if q is None:
                q = self._frame_before(a, b, lo)
            if q is None and FUER_FRAME and (fs := _fuer_speaker(t, a, b)) is not None:
                q = RawQuote("direct", [], [], fs, sent=si)
            if q is not None and FRAMED_REPLACE:
                # the sentence pass read the quote's own frame ("In X heißt es: „...“", "X sagte: „...“") as
                # indirect speech over the quote: the framed direct quote replaces it
                same = next((o for o in near if o.type == "indirect" and o.cue == q.cue
                             and any(x <= a and b < y for x, y in o.content)), None)
                if same is not None and b + 1 - a >= NEST_KEEP * sum(y - x for x, y in same.content):
                    self.quotes.remove(same)
                    near.remove(same)
            if q is None:
                outer = next((o for o in near if any(x <= a and b < y for x, y in o.content)), None)
                if outer is not None:
                    inner = b + 1 - a
                    size = sum(y - x for x, y in outer.content)
                    if outer.type == "indirect" and inner >= NEST_KEEP * size:
                        # "Laut X: „...“" — the frame belongs to the direct quote
                        self.quotes.remove(outer)
                        near.remove(outer)
                        q = RawQuote("direct", [], outer.cue, outer.speaker, outer.addressee, outer.channel,
                                     sent=si)
                    else:
                        # WikiNews marks the nested direct quote with the outer frame's cue
                        q = RawQuote("direct", [], list(outer.cue) if NEST_CUE else [], outer.speaker,
                                     outer.addressee if NEST_CUE else None, outer.channel, sent=si, inherited=True)
            if q is None and si > 0 and not self._paragraph_break(si):
                plo, phi = t.sent_range[si - 1]
                np = np_after(t, plo, phi) if phi > plo else None
                if np and np[1] < phi and verb_at(t, np[1], plo, phi) is None and _person_like(t, np):
                    q = RawQuote("direct", [], [], np, sent=si, inherited=True)
            if q is None:
                if prev is not None and prev.speaker is not None and prev.sent >= si - 3:
                    # WikiNews convention: a direct quote right after a framed one shares its cue
                    prev_end = t.sent[prev.content[-1][1] - 1] if prev.content else prev.sent
                    cue = list(prev.cue) if max(prev.sent, prev_end) >= si - CUE_SHARE_GAP else []
                    q = RawQuote("direct", [], cue, prev.speaker, None, prev.channel, sent=si, inherited=True)
                else:
                    q = RawQuote("direct", [], [], None, sent=si)
            q.content = content
            if q.speaker is None and DROP_ANON_DIRECT:
                continue
            if TITLE_DROP and not q.cue and a > 0 and t.low[a - 1] in _TITLE_NOUNS:
                continue  # "das Lied „...“", "unter dem Motto „...“": the name of a work, no speech
            # merge "„A“, sagte X, „B“": a second part with no frame continues the first one
            self.quotes.append(q)
            prev = q

    def _last_speaker_quote(self, a: int, min_sent: int) -> RawQuote | None:
        # quotes are appended in text order during the sentence pass: scan back only a few sentences
        for q in reversed(self.quotes):
            if q.sent < min_sent:
                break
            if q.speaker is not None and q.content and q.content[0][0] < a:
                return q
        return None

    def _split_headings(self, a: int, b: int) -> list[tuple[int, int]]:
        t = self.t
        out: list[tuple[int, int]] = []
        start = a
        seen_heading = False
        for si in range(t.sent[a], t.sent[b - 1] + 1):
            if self.is_line(si) and t.sent_range[si][0] > a and t.sent_range[si][1] < b:
                s0, s1 = t.sent_range[si]
                if s0 > start:
                    out.append((start, s0))
                start = s1
                seen_heading = True
        if not seen_heading:
            return []
        out.append((start, b))
        return out

    def _frame_after(self, a: int, b: int, hi: int) -> RawQuote | None:
        t = self.t
        k = b + 1
        while k < hi and t.w[k] in {",", "-", "–"}:
            k += 1
        if k >= hi:
            return None
        if HEISST_DIRECT and (fr := self._heisst_frame(k, hi, after=True)) is not None:
            return RawQuote("direct", [], [fr[0]], fr[1], sent=t.sent[a])
        if t.low[k] == "so" and k + 1 < hi:
            sp = np_after(t, k + 1, hi)
            if sp:
                addr, chan = self.addressee_channel(k, hi, sp[1])
                return RawQuote("direct", [], [(k, k + 1)], sp, addr, chan, sent=t.sent[a])
        v = verb_at(t, k, k, hi) if k < hi else None
        if v is None and k + 1 < hi and t.low[k] in L.AUX:
            v = verb_at(t, k + 1, k, hi)
            if v:
                k = k + 1
            elif AUX_FRAME:
                # „...“, hatte Merkel (am Montag) gesagt: the participle closes the frame
                for j in range(k + 2, min(hi, k + 10)):
                    if t.w[j] in PUNCT_END or t.w[j] in {",", ";", ":"} or t.inq[j]:
                        break
                    vj = verb_at(t, j, k, hi)
                    if vj and (j + 1 >= hi or t.w[j + 1] in PUNCT_END or t.w[j + 1] in {",", ";"}):
                        sp = np_after(t, k + 1, j)
                        if sp is None:
                            break
                        addr, chan = self.addressee_channel(k, hi, sp[1])
                        return RawQuote("direct", [], [(k, k + 1)] + [(c, c + 1) for c in vj[3] if c != k],
                                        sp, addr, chan, sent=t.sent[a])
        if v is None and t.w[b + 1:b + 2] == [","] and t.w[k][:1].islower() and t.is_word(k) \
                and t.low[k] not in L.NP_STOP and t.low[k] not in WH and k + 1 < hi and (
                    t.cap(k + 1) or t.low[k + 1] in L.DETERMINERS or t.low[k + 1] in L.PRONOUNS
                    or t.low[k + 1] == "sich"):
            # „...“, lästerte X — any finite verb right after a closing quote and comma frames it
            part = None
            for j in range(k + 1, min(hi, k + 12)):
                if t.w[j] in PUNCT_END or t.w[j] == ",":
                    if t.low[j - 1] in {"fest", "hinzu", "an", "aus", "zu", "vor", "ein", "mit", "zurück"}:
                        part = j - 1
                    break
            v = ("_generic", False, False, [k] + ([part] if part else []))
        if v is None:
            return None
        sp = self.speaker_for_verb(k, hi, k, v[3])
        if sp is None:
            return None
        addr, chan = self.addressee_channel(t.sent_range[t.sent[k]][0], hi, sp[1])
        return RawQuote("direct", [], [(c, c + 1) for c in v[3]], sp, addr, chan, sent=t.sent[a])

    def _als_frame(self, a: int, b: int, lo: int, hi: int) -> RawQuote | None:
        """ "X bezeichnete Y als „…“", "…, weil X Y als „…“ bezeichnet hat": cue verb + "als", the verb's
        subject the speaker; agentless passives ("wird als „…“ eingestuft") get none."""
        t = self.t
        found = _als_verb(t, a, b)
        if found is None:
            return None
        v, post = found
        cue = sorted({v, a - 1}) if t.low[a - 1] == "als" else [v]
        part = _ALS_PARTICLES.get((t.lemma[v] or t.low[v]).lower())
        if part:
            cue += [j for j in range(b + 1, min(hi, b + 4)) if t.low[j] == part][:1]
        sp: tuple[int, int] | None = None
        # clause start: the last comma + subordinator / relative pronoun before the quote
        cs = lo
        for k in range(a - 2, lo - 1, -1) if post else ():
            if t.w[k] == "," and k + 1 < a and (t.low[k + 1] in _SUBORD_ALS or t.low[k + 1] in _REL_ALS):
                cs = k + 1
                break
        if post and v + 1 < hi and t.low[v + 1] in L.AUX:
            cue.append(v + 1)  # "… als „…“ bezeichnet hat"
        aux = next((k for k in range(cs, a) if t.low[k] in _WERDEN and t.mood[k]), None)
        if post and aux is not None:
            cue.append(aux)  # agentless passive: "werden … als „extrem“ bezeichnet"
            ag = next((k for k in range(a - 2, cs - 1, -1) if t.low[k] in {"von", "vom"}), None)  # nearest agent
            if ag is not None:
                sp = np_after(t, ag + 1 if t.low[ag] == "von" else ag + 1, a - 1, appos=False)
        elif cs > lo and t.low[cs] in _REL_ALS:
            sp = (cs, cs + 1)  # "…, der den Sieg als „Fest“ bezeichnete": the relative pronoun
        elif cs > lo and t.low[cs] in _SUBORD_ALS:
            sp = np_after(t, cs + 1, a - 1)
        elif post:
            fin = next((k for k in range(lo, a - 1) if t.upos[k] in ("VERB", "AUX") and t.mood[k]), None)
            if fin is not None:
                sp = self.speaker_for_verb(lo, hi, fin, [fin])
            elif t.mood[v]:
                sp = np_after_verb(t, v + 1, hi)  # "Als „…“ bezeichnet die Archäologin X den Fund"
        else:
            sp = self.speaker_for_verb(lo, hi, v, [v])
        if sp is not None and sp[0] <= a <= sp[1]:
            sp = None
        addr, chan = self.addressee_channel(lo, hi, sp[1]) if sp else (None, None)
        return RawQuote("direct", [], [(c, c + 1) for c in sorted(set(cue))], sp, addr, chan, sent=t.sent[a])

    def _heisst_frame(self, k: int, hi: int, after: bool) -> tuple[tuple[int, int], tuple[int, int] | None] | None:
        """ "„...“, heißt es (dazu) in der Erklärung" / "In dem Antrag heißt es wörtlich: „...“": the cue is
        "heißt es", the WikiNews speaker the document named in the in/auf phrase (without the preposition)."""
        t = self.t
        if after:
            j = k + 1 if t.low[k] == "so" else k
            if not (j + 1 < hi and t.low[j] in {"heißt", "hieß"} and t.low[j + 1] == "es"):
                return None
            cue = (j, j + 2)
            m = j + 2
            while m < hi and t.low[m] in {"dazu", "darin", "weiter", "auch", "außerdem", "zudem", "wörtlich"}:
                m += 1
            if m + 1 < hi and t.low[m] in {"in", "auf", "im", "bei", "von", "vom"}:
                sp = np_after(t, m + 1, hi, appos=False)
                if sp is not None:
                    # "in dem Schreiben an die Polizei": the addressee PP is not part of the document
                    cut = next((x for x in range(sp[0] + 1, sp[1]) if t.low[x] in {"an", "gegenüber", "zum", "zur"}), sp[1])
                    sp = (m if t.low[m] in {"im", "vom"} else sp[0], cut)  # a contracted article belongs to the span
                return cue, sp
            return cue, None
        # before: "In X heißt es (wörtlich):"
        lo = k
        for j in range(lo, hi - 1):
            if t.low[j] in {"heißt", "hieß"} and t.low[j + 1] == "es" and j > lo:
                if t.low[lo] in {"in", "auf", "im"}:
                    sp = np_after(t, lo + 1, j, appos=False)
                    if sp is not None and t.low[lo] == "im":
                        sp = (lo, sp[1])
                    return (j, j + 2), sp
                return None
        return None

    def _frame_before(self, a: int, b: int, lo: int) -> RawQuote | None:
        t = self.t
        if HEISST_DIRECT and a - 1 > lo and t.w[a - 1] == ":" \
                and (fr := self._heisst_frame(lo, a - 1, after=False)) is not None:
            return RawQuote("direct", [], [fr[0]], fr[1], sent=t.sent[a])
        if FB_BARE and a - 1 >= lo and t.w[a - 1] not in {":", ","} and verb_at(t, a - 1, lo, a) \
                and not t.inq[a - 1]:
            # "X kommentierte „...“" without a colon
            vv = verb_at(t, a - 1, lo, a)
            sp = self.speaker_for_verb(lo, a - 1, a - 1, vv[3]) if vv else None
            if vv and sp:
                return RawQuote("direct", [], [(c, c + 1) for c in vv[3]], sp, sent=t.sent[a])
        if a - 1 < lo or t.w[a - 1] not in {":", ","}:
            return None
        end = a - 1
        for v in range(end - 1, max(lo, end - 15) - 1, -1):
            if t.inq[v]:
                break
            vv = verb_at(t, v, lo, end)
            if vv:
                sp = self.speaker_for_verb(lo, end, v, vv[3])
                if sp is None:
                    # "..., als er sagte: „...“": the subject right after the subordinator
                    for k0 in range(v - 1, lo - 1, -1):
                        if t.w[k0] == "," or t.low[k0] in WH or t.low[k0] in {"als", "wenn", "und", "nachdem"}:
                            sp = self.subject_before(k0 + 1, v)
                            break
                if sp is None and FB_INV and t.w[end] == ":":
                    # "Passend dazu warnte die Moderatorin eines Lokalsenders: „...“"
                    k = max(vv[3]) + 1 if max(vv[3]) == v else v + 1
                    np = np_after(t, k, end)
                    if np and np[1] == end:
                        sp = np
                if sp:
                    addr, chan = self.addressee_channel(lo, end, v + 1)
                    return RawQuote("direct", [], [(c, c + 1) for c in vv[3]], sp, addr, chan, sent=t.sent[a])
        if t.w[a - 1] == ":":
            np = np_after(t, lo, end)
            if np and np[1] == end:
                return RawQuote("direct", [], [], np, sent=t.sent[a])
        return None


def colon_cue(t: Toks, q: RawQuote) -> list[tuple[int, int]]:
    """The cue of a direct quote opened by a colon whose verb the lexicon does not know
    ("Der Text lautete: „…“", "X rief aus: „…“"): that clause's finite verb (+ particle)."""
    if q.type != "direct" or q.cue or not q.content:
        return q.cue
    a = q.content[0][0]
    lo = t.sent_range[t.sent[a]][0]
    if not (a - 1 > lo and t.w[a - 1] == ":"):
        return q.cue
    return _colon_cue(t, lo, a - 1)


def _colon_cue(t: Toks, lo: int, colon: int) -> list[tuple[int, int]]:
    """The finite verb (and a separable particle right before the colon) of the clause that
    opens a direct quote with a colon, for verbs the lexicon does not know ("lautete", "rief aus")."""
    cs = lo
    for k in range(colon - 1, lo - 1, -1):
        if t.w[k] in {",", ";", ":"} or t.inq[k]:
            cs = k + 1
            break
    fin = next((k for k in range(cs, colon) if t.upos[k] in ("VERB", "AUX") and t.mood[k] in ("ind", "subj1", "subj2")
                and t.low[k] not in {"ist", "sind", "war", "waren", "hat", "haben", "hatte", "hatten"}), None)
    if fin is None:
        return []
    cue = [(fin, fin + 1)]
    if colon - 1 > fin and t.upos[colon - 1] in ("ADP", "PART", "ADV") and t.low[colon - 1] in _PARTICLES:
        cue.append((colon - 1, colon))
    return cue


def _person_like(t: Toks, r: tuple[int, int]) -> bool:
    """A mention that names a person: a PER entity or two capitalised name words at its end."""
    if any((t.ent[k] or "").endswith("PER") for k in range(*r)):
        return True
    a, b = r
    return b - a >= 2 and t.cap(b - 1) and t.cap(b - 2) and t.low[b - 2] not in L.DETERMINERS \
        and not any(t.low[k] in L.GOVERNMENT or t.low[k] in L.ORGANIZATION or t.low[k] in L.MEDIA
                    for k in range(a, b))


def _kind_words(t: Toks, r: tuple[int, int]) -> str | None:
    for k in range(r[0], r[1]):
        if t.low[k] in L.MEDIA or (t.ent[k] or "").endswith("MEDIA"):
            return "media"
    if _gaz_media is not None and _gaz_media(t.text[t.s[r[0]]:t.e[r[1] - 1]]):
        return "media"
    return None


# ---------------------------------------------------------------- speaker span extent (WikiNews convention)

_PP_ATTACH = {"von", "vom", "in", "aus"}


def _named(t: Toks, k: int) -> bool:
    """A proper name or named institution word at k ("Lomé", "Bundestag", "Iran")."""
    return (t.ent[k] or "")[2:] in ("LOC", "ORG", "PER", "MEDIA") or t.upos[k] == "PROPN" \
        or t.low[k] in L.GOVERNMENT or t.low[k] in L.ORGANIZATION


def _place_pp(t: Toks, b: int, hi: int) -> int | None:
    """End of a bare named place or body after b ("in Lomé", "im Deutschen Bundestag"), or None."""
    if not (PP_PLACE and b + 1 < hi and t.low[b] in {"in", "im"} and t.cap(b + 1) and _named(t, b + 1)):
        return None
    np = np_after(t, b + 1, hi, appos=False)
    if np and np[1] - b <= 4 and all(t.cap(k) or t.upos[k] == "ADJ" for k in range(*np)):
        return np[1]
    return None


def _prefield_start(t: Toks, a: int, b: int) -> int:
    """Start of the whole prefield when the speaker a..b ends at the finite verb of a verb-second clause: the
    prefield is one phrase, so a speaker found inside it ("Der Vertreter der Arbeitgeber im | Aufsichtsrat …,
    Peter Clever, hat") extends to the sentence start."""
    v = b + 1 if b < t.n and t.w[b] == "," else b
    lo = _skip_conj(t, t.sent_range[t.sent[a]][0], a)
    if v >= t.n or lo >= a or t.sent[v] != t.sent[a] or t.upos[v] not in ("VERB", "AUX") or t.mood[v] != "ind":
        return a
    if t.low[lo] in _PREPS or t.upos[lo] not in ("DET", "NOUN", "PROPN", "ADJ") or any(
            t.upos[k] in ("VERB", "AUX", "SCONJ") or t.w[k] in QUOTE_CHARS or t.w[k] in {":", ";"}
            for k in range(lo, a)):
        return a
    return lo


_ARTICLES = {"der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "einem", "einen", "eines"}


def _participial(t: Toks, k: int) -> bool:
    """An inflected attributive participle or adjective at k ("geborene", "inszenierende", "vertretenen")."""
    return t.w[k][:1].islower() and t.upos[k] in ("ADJ", "VERB") and t.mood[k] is None \
        and t.low[k].endswith(("e", "en", "er", "es", "em"))


def _participle_start(t: Toks, a: int, b: int) -> int:
    """Start of an extended participial attribute the speaker a..b ends: "die in New York geborene | Lopez",
    "der sich als Gegner X inszenierende | Unternehmer": an article, then a PP or adverbs (no noun right after the
    article), then the participle before the head noun."""
    if not any(_participial(t, k) and t.cap(k + 1) and t.upos[k - 1] not in ("ADP", "DET")
               for k in range(max(a - 1, 1), b - 1)):
        return a
    lo = t.sent_range[t.sent[a]][0]
    for k in range(a - 1, max(lo - 1, a - 10), -1):
        if t.low[k] in _ARTICLES and k + 1 < a and (t.upos[k + 1] in ("ADP", "ADV") or t.low[k + 1] == "sich"):
            return k
        if not t.is_word(k) and t.w[k] not in QUOTE_CHARS or t.upos[k] in ("AUX", "SCONJ") or (
                t.upos[k] == "VERB" and t.mood[k] is not None):
            break
    return a


def _prefield_end(t: Toks, a: int, b: int) -> int:
    """End of the whole prefield when the speaker a..b opens a verb-second clause: the prefield is one phrase, so
    its PPs and appositions up to the finite verb belong to the speaker ("Der Vertreter der Arbeitgeber | im
    Aufsichtsrat der Y, Peter Clever, hat …")."""
    lo, hi = t.sent_range[t.sent[a]]
    lo = _skip_conj(t, lo, a)
    if a != lo or b >= hi or t.low[a] in _PREPS or t.upos[a] not in ("DET", "NOUN", "PROPN", "ADJ"):
        return b
    if t.upos[b] == "ADP" and t.low[b] not in {"im", "in", "von", "vom", "aus", "bei", "beim"}:
        return b  # "Eine Ursache | für …", "die Ortung | über …": a complement of the noun, no attribute of a source
    for v in range(b, min(hi, b + 16)):
        if t.upos[v] in ("VERB", "AUX"):
            if v == b or t.mood[v] != "ind":
                return b
            while v > b and t.w[v - 1] == ",":
                v -= 1
            return v
        if t.upos[v] not in ("DET", "NOUN", "PROPN", "ADJ", "ADP", "NUM", "PUNCT") or t.low[v] in _POSTPOS \
                or t.w[v] in QUOTE_CHARS or t.w[v] in {":", ";", ".", "!", "?", "–"} \
                or t.w[v] == "," and opens_relative(t, v, hi):
            return b  # (not past an adverb, a postposition "zufolge" or a relative clause)
    return b


def _verb_final_after(t: Toks, k: int, hi: int) -> bool:
    """A short middle field (adverbs, a dative phrase) and then the clause-final finite verb from k on: an
    apposition in a verb-final clause may end without its comma ("wie X, Sprecher von Y, heute mitteilte")."""
    for v in range(k, min(hi, k + 4)):
        if t.upos[v] in ("VERB", "AUX"):
            return v > k and t.mood[v] == "ind" and (v + 1 >= hi or t.w[v + 1] in {",", "."})
        if not t.is_word(v) or t.upos[v] not in ("ADV", "DET", "NOUN"):
            return False
    return False


def _appos_tail(t: Toks, k: int) -> bool:
    """Token k of an apposition opens the clause's next phrase: a time or circumstance PP ("… des Einsatzes | am
    Montag", "der Trainer Ghanas | nach dem Spiel") or an article after a person's name ("Volker Beck | das …")."""
    return t.upos[k] == "ADP" and t.low[k] in _TAIL_PREPS or (
        t.low[k] in {"der", "die", "das", "den", "dem"} and (t.ent[k - 1] or "").endswith("PER"))


def extend_speaker(t: Toks, sp: tuple[int, int]) -> tuple[int, int]:
    """Widen a speaker span to what the WikiNews gold marks: a trailing apposition
    ("Rob Mueller, Klub-Sekretär der Buitenboys," / "X, der Sprecher der Y,") and a short
    place/organisation PP ("Karl Harb von den Salzburger Nachrichten", "ein Sprecher in Koblenz")."""
    a, b = sp
    if PREFIELD_SUBJ:
        a = _prefield_start(t, a, b)
    if PART_ATTR:
        a = _participle_start(t, a, b)
    # "Für den Theologen Hans Küng sei ...": the gold speaker leaves out the preposition
    if STRIP_PREP and b - a > 1 and t.low[a] in STRIP_PREP and t.w[a][:1].isupper() and t.cap(b - 1):
        a += 1
    # "etwa die Landesvorsitzende X", "Einzig Sony", "aus einer Pressemitteilung": focus particles and a
    # source preposition are not part of the WikiNews speaker span
    while LEAD_PARTICLE and b - a > 1 and (t.cap(a + 1) or t.low[a + 1] in L.DETERMINERS or t.low[a + 1] == "allem"):
        if t.low[a] in _LEAD_PARTICLES:
            a += 1
        elif t.low[a] == "vor" and t.low[a + 1] == "allem" and b - a > 2:
            a += 2  # "vor allem die Gewerkschaften"
        else:
            break
    if TRIM_PP:
        for k in range(a + 1, b - 1):
            if t.low[k] in {"bei", "beim", "aus", "von", "für", "an"} and (
                    (t.ent[k - 1] or "").endswith("PER") or t.low[k - 1] in L.PRONOUNS) \
                    and not any(_named(t, x) or t.cap(x) and _role_or_name(t, x) for x in range(k + 1, b)):
                return (a, k)  # the PP names no place or body: an adverbial, not part of the speaker
    if TRIM_PP and b - a > 3 and t.w[b - 1] in QUOTE_CHARS:
        q0 = next((k for k in range(b - 2, a, -1) if t.w[k] in QUOTE_CHARS), None)
        if q0 is not None and q0 > a and t.upos[q0 - 1] in ("NOUN", "PROPN") and t.cap(q0 - 1) \
                and not (QUOTE_GEN and q0 - 2 >= a and t.low[q0 - 2] in {"des", "eines"}) \
                and sum(t.w[k][:1].islower() and t.upos[k] not in ("DET", "ADP", "CCONJ")
                        for k in range(q0 + 1, b - 1)) >= 2:
            return (a, q0)  # "die Richter „gravierende rechtliche Bedenken“": a quoted phrase, no name
    if b >= t.n or b - a > 20:
        return (a, b)
    hi = t.sent_range[t.sent[b - 1]][1]
    for _ in range(2):
        if b >= hi:
            break
        if EXT_APPOS and t.w[b] == "," and b + 1 < hi and not t.inq[b + 1] and t.w[b + 1] not in QUOTE_CHARS \
                and t.low[b + 1] not in {"der", "die", "das", "dessen", "deren", "welche", "welcher", "wie", "so",
                                         "dass", "ob", "sagte", "sagt"} and t.low[b + 1] not in L.VERB_FORMS:
            ap = np_after(t, b + 1, hi, appos=False)
            if ap and (e := _place_pp(t, ap[1], hi)) is not None:
                ap = (ap[0], e)  # "X, ein Sprecher des Warnzentrums in Brisbane,"
            if ap and APPOS_MOOD and (t.upos[ap[0]] in ("ADP", "ADV", "SCONJ", "PRON", "VERB", "AUX", "PART") or (
                    ap[1] < hi and t.upos[ap[1]] in ("VERB", "AUX") and t.mood[ap[1]] not in ("ind", None))
                    or (ap[1] < hi and t.upos[ap[1]] == "VERB" and t.mood[ap[1]] is None and t.upos[ap[1]] is not None)):
                ap = None  # "X, Nordkorea besitze ...", "sie, den Helfern mehr Geld zukommen zu lassen"
            if ap and ap[1] - ap[0] <= 14 and (ap[1] >= hi or t.w[ap[1]] in {",", ".", ":", ";"}
                                               or (EXT_APPOS_VERB and t.upos[ap[1]] in ("VERB", "AUX"))
                                               or APPOS_MID and _verb_final_after(t, ap[1], hi)) \
                    and (ap[1] - ap[0] > 1 or t.cap(ap[0])):
                b = ap[1]
                continue
        if APPOS_COMMA and t.w[b] == "," and b + 2 < hi and t.upos[b + 1] in ("DET", "NOUN", "PROPN", "ADJ") \
                and t.low[b + 1] not in {"dessen", "deren", "welche", "welcher"} and not t.inq[b + 1] and (
                t.low[b + 1] not in {"der", "die", "das"} or t.upos[b + 2] in ("NOUN", "PROPN", "ADJ")
                or WIKI_QUOTE and t.w[b + 2] == "''"):
            # "Renate Künast, Fraktionschefin von Bündnis 90/Die Grünen, kritisierte", "sagte X, der
            # Sprecher der Y.": everything up to the comma before the finite verb (or the sentence end)
            c = next((k for k in range(b + 1, min(hi, b + 20)) if t.w[k] in {",", ";", ":", "."}), None)
            if c is not None and (c + 1 < hi and t.w[c] == "," and t.upos[c + 1] in ("VERB", "AUX")
                                  and t.mood[c + 1] == "ind" or APPOS_END and t.w[c] == "." and c == hi - 1) \
                    and not any(
                    t.upos[k] in ("VERB", "AUX") or t.w[k] in QUOTE_CHARS and t.inq[k] for k in range(b + 1, c)):
                if APPOS_TAIL:
                    c = next((k for k in range(b + 2, c) if _appos_tail(t, k)), c)
                b = c
                continue
        if t.low[a] in L.DETERMINERS and (e := _place_pp(t, b, hi)) is not None:
            b = e  # "die Regierung in Lomé an", "der Fraktion im Bundestag, X"
            continue
        if EXT_PP and t.low[b] in _PP_ATTACH and b + 1 < hi and not (
                PRON_NO_PP and b - a == 1 and t.low[a] in L.PRONOUNS) and (
                t.low[b] != "in" or not PP_IN_DET or t.low[a] in L.DETERMINERS) and (
                t.low[b] != "in" or not PP_PLACE or t.low[b + 1] in {"seiner", "ihrer", "seinem", "ihrem"}):
            # "in" with an article is mostly time or occasion ("in der Nacht"); named places: _place_pp
            k = b + 1
            if t.low[k] in L.DETERMINERS:
                k += 1
            if k < hi and t.cap(k) and t.low[k] not in L.NP_STOP and not (PP_NUM and t.w[k][:1].isdigit()):
                np = np_after(t, k, hi, appos=False)
                if np and np[1] - b <= 6 and (np[1] >= hi or t.w[np[1]] in {",", ".", ":", ";"}
                                              or t.low[np[1]] in L.VERB_FORMS):
                    b = np[1]
                    continue
        break
    if PREFIELD_END:
        b = _prefield_end(t, a, b)
    return (a, b)


# ---------------------------------------------------------------- addressees (WikiNews convention)

# finite forms of verbs whose object is the addressee: "warf ihm vor", "forderte die Regierung auf"
_ADDR_VERBS = {"warf", "wirft", "werfen", "warfen", "vorwarf", "vorwerfen", "forderte", "fordert", "fordern",
               "forderten", "aufforderte", "auffordert", "beschuldigte", "beschuldigt", "beschuldigten",
               "bat", "bittet", "baten", "bitten", "wies", "weist", "sicherte", "sichert", "rief", "ruft",
               "riefen", "mahnte", "ermahnte", "ermahnt", "drängte", "drängt", "beschuldigen", "warnte", "warnt",
               "appellierte", "appelliert"}
_ADDR_VERBS2 = {"empfahl", "empfiehlt", "empfahlen", "empfehlen", "riet", "rät", "rieten", "schlug", "schlägt",
                "schlugen", "versprach", "verspricht", "versprachen"}
_SAY_FORMS = {"sagte", "sagt", "sagten", "erklärte", "erklärt", "erklärten", "bestätigte", "bestätigt",
              "versicherte", "kündigte", "teilte", "schilderte", "berichtete", "betonte", "räumte", "verriet",
              "meinte", "sagen", "gesagt", "mitgeteilt"}
_ADDR_PASSIVE = ("vorgeworfen", "aufgefordert", "beschuldigt", "angewiesen", "gebeten", "zugesichert",
                 "nachgesagt", "ermahnt", "gewarnt")
_ADDR_AUX = {"wird", "wurde", "werden", "wurden", "ist", "sind", "war", "waren"}


def find_addressee(t: Toks, q: RawQuote) -> tuple[int, int] | None:
    """The addressee the WikiNews gold marks: object of "vorwerfen/auffordern/beschuldigen",
    "an X" after "appellierte", "zur Nachrichtenagentur X", the dative NP of a passive frame."""
    if q.addressee is not None or not q.cue:
        return q.addressee
    cue = sorted(k for a, b in q.cue for k in range(a, b))
    si = t.sent[cue[0]]
    lo, hi = t.sent_range[si]
    ch = q.channel
    if ch is not None and lo < ch[0] < hi and t.low[ch[0] - 1] in {"der", "dem", "den", "mit", "zur", "zum"}:
        # "sagte X der Zeitung Y", "im Interview mit Y": the outlet is the addressee in the gold
        return (ch[0] - 1, ch[1]) if t.low[ch[0] - 1] in {"der", "dem", "den"} else ch
    low = [t.low[k] for k in cue]
    inq = set(k for a, b in q.content for k in range(a, b))
    a0 = lo if t.low[lo] not in L.CONJ_START else lo + 1  # the prefield, after a leading conjunction
    # passive: "Dem Minister wird vorgeworfen, ...", "Die Bürger wurden aufgefordert, ..."
    if any(w.startswith(_ADDR_PASSIVE) for w in low) and not (
            ADDR_FIX and not any(t.low[k] in _ADDR_AUX for k in range(lo, min(hi, cue[-1])))):
        for k in range(lo, min(hi, cue[-1])):
            if t.low[k] in _ADDR_AUX:
                if ADDR_MID and (k == a0 or k == a0 + 1 and (t.upos[a0] == "ADV" or t.low[a0] in _MID_ADVERBS)
                                 and t.low[a0] not in _DAT_PRONOUNS):
                    # "Darin wird der König aufgefordert", "Zudem wurde die Regierung vom Verband aufgefordert"
                    part = next((x for x in cue if x > k and t.low[x].startswith(_ADDR_PASSIVE)), None)
                    if part is not None and k + 1 < part and t.low[k + 1] in L.DETERMINERS:
                        np = np_after(t, k + 1, part, appos=False)
                        if np and not any(x in inq for x in range(*np)) and (
                                np[1] == part or t.low[np[1]] in {"von", "vom"}):
                            agent = [x for x in range(np[0] + 1, np[1]) if t.low[x] in {"von", "vom"}]
                            return (np[0], agent[-1]) if agent else np  # without the agent "vom Verband"
                    return None
                if ADDR_PRON and k == a0 + 1 and t.low[a0] in _DAT_PRONOUNS:
                    return (a0, k)  # "Ihm wird vorgeworfen"
                np = np_after(t, a0, k, appos=False)
                if ADDR_PRON and np and np[1] < k and t.w[k - 1] == "," and t.w[np[1]] == "," \
                        and extend_speaker(t, np)[1] in (k, k - 1):
                    return (np[0], k - 1)  # "Dem Berater X, einem früheren Minister, wird ..."
                if np and np[1] == k and not any(x in inq for x in range(*np)):
                    return np
                if ADDR_FRONT and (r := _fronted_object(t, a0, k, inq)) is not None:
                    return r
                break
        return None  # (active "beschuldigte X", "hat X aufgefordert" go on below)
    if ADDR_SUB and (r := _subclause_object(t, cue, lo, inq)) is not None:
        return r
    v = cue[0]
    bare_demand = t.low[v] in _DEMAND_VERBS and not _has_particle(t, v, hi, inq)  # "forderte X" without "auf"
    if ADDR_FRONT and (t.low[v] in _ADDR_VERBS or t.low[v] in _ADDR_VERBS2) and q.speaker is not None \
            and q.speaker[0] > v and not bare_demand:
        if (r := _fronted_object(t, a0, v, inq)) is not None:
            return r
    if ADDR_OBJ and bare_demand:
        # "forderte einen Korridor": no addressee; "forderte von der Regierung Aufklärung": the "von" NP
        k = v + 1
        sp = q.speaker
        if sp is not None and sp[0] == k:
            k = sp[1]
        while k < hi and (t.low[k] in L.ADVERBS or t.upos[k] == "ADV") and k not in inq:
            k += 1
        if k + 1 < hi and t.low[k] == "von" and t.low[k + 1] in L.DETERMINERS and k + 1 not in inq:
            np = np_after(t, k + 1, hi, appos=False)
            if np and not any(x in inq for x in range(*np)):
                e = np[0] + 1  # up to the first noun: "von der iranischen Regierung Aufklärung"
                while e < np[1] and not t.cap(e):
                    e += 1
                return (np[0], e + 1) if e < np[1] else np
        return None
    if t.low[v] in _ADDR_VERBS or ADDR_FIX and t.low[v] in _ADDR_VERBS2:
        k = v + 1
        sp = q.speaker
        if sp is not None and sp[0] == k:
            k = sp[1]
        while k < hi and (t.low[k] in L.ADVERBS or ADDR_FIX and t.upos[k] == "ADV" and k not in inq):
            k += 1
        if k < hi and t.low[k] == "an":
            k += 1
        if k < hi and k not in inq and t.w[k] not in {",", "."} and t.low[k] not in {"sich", "es", "dazu", "darauf"}:
            np = np_after(t, k, hi, appos=False)
            if np and np != sp and not any(x in inq for x in range(*np)) and not (
                    ADDR_FIX and (t.w[np[0]] in QUOTE_CHARS or np[1] - np[0] == 1 and t.low[np[0]] in L.PRONOUNS)):
                return np
    if ADDR_MORE and (r := _addressee_more(t, q, cue, lo, hi, inq)) is not None:
        return r
    # "sagte X dem Tagesspiegel": a dative object right after the speaker of a saying verb
    if DAT_ADDR and t.low[cue[0]] in _SAY_FORMS and q.speaker is not None:
        sp = q.speaker
        k = sp[1] if sp[0] > cue[0] else cue[-1] + 1
        while k < hi and t.low[k] in L.ADVERBS:
            k += 1
        if ADDR_PRON and k < hi and k not in inq and t.low[k] in _PRESS_DATIVES:
            return (k, k + 1)  # "sagte er Reportern"
        if k < hi and k not in inq and t.low[k] in {"dem", "der", "den", "einem", "einer"}:
            np = np_after(t, k, hi, appos=False)
            if np and np != sp and (np[1] >= hi or t.w[np[1]] in {",", ".", ":"} or np[1] in inq
                                    or t.w[np[1]] in QUOTE_CHARS) and not any(x in inq for x in range(*np)):
                return np
    # "sagte X zur Nachrichtenagentur dpa" / "vor der Presse"
    end = min(hi, cue[-1] + 12)
    for k in range(cue[-1] + 1, end):
        if k in inq:
            break
        if t.low[k] in {"zur", "zum", "vor"} and k + 1 < hi:
            np = np_after(t, k + 1, hi, appos=False)
            if np and (any(t.low[x] in L.MEDIA for x in range(*np)) or t.low[np[0]] in {"journalisten", "reportern"}
                       or (t.low[k] == "vor" and t.low[np[1] - 1] in {"presse", "journalisten", "reportern"})):
                return np
    return None


_DEMAND_VERBS = {"forderte", "fordert", "fordern", "forderten", "wies", "weist", "wiesen"}
_PRESS_DATIVES = {"reportern", "journalisten", "journalistinnen", "medienvertretern", "pressevertretern"}
_VF_ADDR = {"vorwarf", "vorwarfen", "vorwirft", "vorwerfen", "aufforderte", "aufforderten", "auffordert",
            "auffordern", "beschuldigte", "beschuldigten", "ermahnte", "bat", "baten"}


def _subclause_object(t: Toks, cue: list[int], lo: int, inq: set[int]) -> tuple[int, int] | None:
    """ "…, der der US-Regierung vorwarf, …": the object between the subordinating word (and the
    subject after it) and the clause-final verb of a subordinate clause."""
    v = cue[-1]
    if t.low[v] not in _VF_ADDR or len(cue) > 1 and cue[0] < v - 1 and t.low[cue[0]] not in L.AUX:
        return None
    c = next((k for k in range(v - 1, max(lo - 1, v - 15), -1) if t.w[k] in {",", ";", ":"} or k in inq), None)
    if c is None or c in inq or c + 1 >= v or t.low[c + 1] not in SUBORD:
        return None
    k = c + 2  # after the relative pronoun (the speaker) ...
    if k < v and t.low[k] in L.PRONOUNS:
        k += 1  # ... or after the pronoun subject of a conjunction clause
    elif t.low[c + 1] in {"dass", "weil", "da", "wobei"}:
        return None
    while k < v and (t.low[k] in L.ADVERBS or t.upos[k] == "ADV"):
        k += 1
    if k >= v:
        return None
    if t.low[k] in _DAT_PRONOUNS and k + 1 == v:
        return (k, v)
    np = np_after(t, k, v, appos=False)
    if np and np[1] == v and t.low[np[0]] not in _NOT_ADDR:
        return np
    return None


def _fronted_object(t: Toks, a: int, v: int, inq: set[int]) -> tuple[int, int] | None:
    """The prefield before the finite verb `v` as an object ("Den Flüchtlingen sicherte er zu",
    "An die Regierung appellierte sie"): it opens with a dative/accusative article (or "an" + article)
    and holds no verb; a relative clause after a comma is left out."""
    if a >= v or any(x in inq for x in range(a, v)):
        return None
    b = next((k for k in range(a, v) if t.w[k] == ","), v)
    if b - a < 2 or any(t.upos[k] in ("VERB", "AUX") for k in range(a, b)):
        return None
    first = t.low[a + 1] if t.low[a] == "an" else t.low[a]
    if first not in {"dem", "den", "der", "die", "ihren", "seinen", "ihrem", "seinem", "allen"}:
        return None
    if b < v and not (t.low[b + 1] in SUBORD and t.w[v - 1] == ","):
        return None  # a comma not opening a relative clause: no plain prefield
    return (a, b)


def _has_particle(t: Toks, v: int, hi: int, inq: set[int]) -> bool:
    """ "forderte X auf", "wies X an": a separable "auf"/"an" ends the verb's clause (the cue gets it later)."""
    for k in range(v + 1, hi):
        if k in inq or t.w[k] in {",", ";", ":", "."} or t.w[k] in QUOTE_CHARS:
            return False
        if t.low[k] in {"auf", "an"} and (k + 1 >= hi or k + 1 in inq or t.w[k + 1] in {",", ";", ":", "."}
                                          or t.w[k + 1] in QUOTE_CHARS):
            return True
    return False


_VORWERFEN = {"warf", "wirft", "werfen", "warfen", "vorwarf", "vorwerfen", "vorgeworfen"}
_REP_ADDR = _VORWERFEN | {"aufgefordert", "forderte", "fordert", "forderten", "fordern", "beschuldigte", "beschuldigt",
                          "beschuldigten"}


def _dative_only(t: Toks, np: tuple[int, int]) -> tuple[int, int]:
    """ "wirft dem Minister Untätigkeit vor": the dative object ends before a second, bare noun."""
    for k in range(np[0] + 1, np[1]):
        if t.upos[k] == "NOUN" and t.upos[k - 1] in ("NOUN", "PROPN") and t.low[k - 1] not in L.DETERMINERS:
            return (np[0], k)
    return np


def reported_addressee(t: Toks, q: RawQuote) -> tuple[int, int] | None:
    """The addressee inside a reported-speech sentence ("Die Behörden werfen X Betrug vor",
    "Die EU hat die Regierung zur Kooperation aufgefordert"): found as for a frame whose
    cue is the sentence's addressee verb (the WikiNews gold gives such quotes no cue)."""
    if not ADDR_REP or q.type != "reported" or q.cue or q.addressee is not None or len(q.content) != 1:
        return q.addressee
    a, b = q.content[0]
    for v in range(a, b):
        w = t.low[v]
        if w in _REP_ADDR:
            cue = [(v, v + 1)]
            for k in range(v - 1, max(a - 1, v - 12), -1):
                if t.low[k] in L.AUX:
                    cue = [(k, k + 1), (v, v + 1)]
                    break
            r = find_addressee(t, RawQuote("reported", [], cue, q.speaker, sent=q.sent))
            return _dative_only(t, r) if r is not None and w in _VORWERFEN else r
    return None


_ADDR_PARTICIPLES = {"aufgefordert", "gebeten", "vorgeworfen", "empfohlen", "mitgeteilt", "geschrieben",
                     "beschuldigt", "ermahnt", "gewarnt", "zugesichert", "geraten", "vorgeschlagen", "versprochen"}
_NOT_ADDR = {"das", "dies", "dieses", "diese", "es", "er", "sie", "man", "wir", "ich"}


def _addressee_more(t: Toks, q: RawQuote, cue: list[int], lo: int, hi: int,
                    inq: set[int]) -> tuple[int, int] | None:
    """ "hat die Regierung dazu aufgefordert" (object between auxiliary and participle),
    "bestätigte er gegenüber der Zeitung X" (the outlet spoken to, anywhere in the frame)."""
    sp = q.speaker
    spk = set(range(*sp)) if sp is not None else set()
    part = next((k for k in cue if t.low[k] in _ADDR_PARTICIPLES), None)
    if part is not None and cue[0] < part and t.low[cue[0]] in L.AUX and sp is not None and sp[1] <= part:
        k = cue[0] + 1
        while k < part:
            if k in spk or t.upos[k] in ("ADV", "PART") or t.low[k] in L.ADVERBS or t.low[k] in {"sich", "dazu"}:
                k += 1
                continue
            if t.upos[k] == "ADP":  # skip "am Samstag", "in einem Brief"
                np = np_after(t, k + 1, part, appos=False)
                k = np[1] if np else k + 1
                continue
            if ADDR_PRON and t.low[k] in _DAT_PRONOUNS and k not in inq:
                return (k, k + 1)  # "Kritiker hatten ihm vorgeworfen"
            if t.low[k] in L.DETERMINERS or t.cap(k) and not t.w[k][:1].isdigit() or (
                    ADDR_PRON and t.w[k][:1].isdigit() and k + 1 < part and t.cap(k + 1)):
                np = np_after(t, k, part, appos=False)
                if np and not (set(range(*np)) & (spk | inq)) and t.low[np[0]] not in _NOT_ADDR:
                    return np
            break
    # "gegenüber der Zeitung X" anywhere in the frame ("Gegenüber X sagte er", "bestätigte Y gegenüber X")
    for k in range(lo, hi - 1):
        if t.low[k] != "gegenüber" or k in inq or k + 1 in inq or k in spk or (k > lo and t.upos[k - 1] == "PRON"):
            continue
        c = min(cue, key=lambda x: abs(x - k))
        if any(x in inq for x in range(min(c, k), max(c, k))):
            continue  # another clause: the content lies between it and the cue
        np = np_after(t, k + 1, hi, appos=False)
        if np and not (set(range(*np)) & (spk | inq)):
            return np
    return None


# ---------------------------------------------------------------- cue extent (WikiNews convention)

_PARTICLES = {"heraus", "auf", "an", "zu", "vor", "hin", "fest", "ein", "mit", "zurück", "aus", "hinzu", "bekannt",
              "verlauten", "klar", "fort", "nach", "entgegen", "ab"}
_PRON_ADV = {"dazu", "daran", "darauf", "davon", "darüber", "dafür", "damit", "dagegen"}
_MID_ADVERBS = _PRON_ADV | {"darin"}  # "Darin wird der König aufgefordert": an adverb before the passive auxiliary


_PERF_AUX = {"hat", "haben", "hatte", "hatten"}
_SPEECH_PREP = {"sprach": "von", "spricht": "von", "sprachen": "von", "sprechen": "von", "warnte": "vor",
                "warnt": "vor", "warnten": "vor", "warnen": "vor"}


def _participle_cue(t: Toks, i: int) -> bool:
    """A past participle ("betont", "gesagt", "erklärt") that needs its auxiliary in the cue."""
    w = t.low[i]
    if not w.endswith(("t", "en")) or t.upos[i] != "VERB" or t.mood[i] in ("subj1", "subj2"):
        return False
    # the tagger reads "betont" before a colon as present tense: clause-final forms count too
    return w.startswith("ge") or t.mood[i] is None or i + 1 < t.n and (
        t.w[i + 1] in {",", ":", ".", ";"} or t.w[i + 1] in QUOTE_CHARS)


_PHRASE_VERBS = {"sehen", "nennen", "bezeichnen", "konstatieren", "fordern", "sprechen", "loben", "kritisieren",
                 "werten", "beschreiben", "verurteilen", "warnen", "begrüßen", "schreiben", "sagen", "erklären"}


def phrase_cue(t: Toks, q: RawQuote) -> list[tuple[int, int]]:
    """The WikiNews cue of a frameless direct quote that is a phrase of its speaker's clause
    ("Der Präsident konstatierte eine „Kluft zwischen Arm und Reich“", "In dem Verfahren sieht X einen
    „Angriff“"): the finite verb right after or right before the speaker, with a participle after an
    auxiliary ("hatte X damals gesagt")."""
    if not CUE_VERB or q.type != "direct" or q.cue or q.display_cue or q.speaker is None or not q.content:
        return q.cue
    a = q.content[0][0]
    sp = q.speaker
    if t.sent[sp[0]] != t.sent[a] or a > 0 and t.w[a - 1] == ":":
        return q.cue  # (a quote after a colon: colon_cue's case)
    inq = {k for x, y in q.content for k in range(x, y)}
    lo, hi = t.sent_range[t.sent[a]]
    for v in (sp[1], sp[0] - 1):
        if not (lo <= v < hi) or v in inq or t.upos[v] not in ("VERB", "AUX") or t.mood[v] != "ind":
            continue
        if t.low[v] not in L.AUX and t.low[v] not in L.VERB_FORMS and (t.lemma[v] or "").lower() not in _PHRASE_VERBS:
            return q.cue  # "bestimmt", "gilt": no speech act
        if t.low[v] in L.AUX:
            if t.low[v] not in _PERF_AUX:
                return q.cue
            end = min(x for x in inq) if min(inq) > v else hi
            part = next((k for k in range(v + 1, end) if t.upos[k] == "VERB" and t.mood[k] is None
                         and k not in inq), None)
            return [(v, v + 1), (part, part + 1)] if part is not None else q.cue
        return [(v, v + 1)]
    return q.cue


def extend_cue(t: Toks, q: RawQuote) -> list[tuple[int, int]]:
    """Widen a quote's cue to what the WikiNews gold marks: "Wie X mitteilte" keeps "Wie",
    separable particles and pronominal adverbs of the frame verb ("forderte ... auf", "sagte dazu",
    "bezeichnete ... als"), and the "es" of "heißt es" / "Es wird vermutet"."""
    if not q.cue:
        return q.cue
    toks = sorted({k for a, b in q.cue for k in range(a, b)})
    inq = {k for a, b in q.content for k in range(a, b)}
    first, last = toks[0], toks[-1]
    lo, hi = t.sent_range[t.sent[first]]
    add: set[int] = set()
    if first > lo and t.low[first - 1] == "es" and t.low[first] in {"wird", "wurde", "heißt", "hieß", "werde"}:
        add.add(first - 1)
    if last + 1 < hi and t.low[last + 1] == "es" and t.low[last] in {"heißt", "hieß"}:
        add.add(last + 1)
    if CUE_AUX and t.low[first] not in L.AUX and _participle_cue(t, first):
        for k in range(first - 1, max(lo - 1, first - 12), -1):
            if k in inq or t.w[k] in {",", ";", ":"} or t.w[k] in QUOTE_CHARS:
                break
            if t.low[k] in _PERF_AUX:
                add.add(k)
                first = k
                break
            if t.upos[k] in ("VERB", "AUX") and t.mood[k] in ("ind", "subj1", "subj2"):
                break  # another finite verb: "betont" is present tense here
    if CUE_INNER:
        # "hat sich bereit erklärt", "hat X dazu aufgefordert", "ruft dazu auf": the reflexive and a
        # pronominal adverb between the parts of the verb
        add.update(k for k in range(first + 1, last) if (t.low[k] == "sich" or t.low[k] in _PRON_ADV
                                                         and not (CUE_PRONADV_ARG and t.low[k] == "dagegen")
                                                         or t.low[k] == "darum") and k not in inq)
    if t.upos[first] in ("VERB", "AUX") or t.low[first] in L.VERB_FORMS:
        # "Wie die Polizei mitteilte": the "wie" at the start of the frame clause
        for k in range(first - 1, max(lo - 1, first - 10), -1):
            if k in inq or t.w[k] in {",", ";", ":"} or t.w[k] in QUOTE_CHARS:
                break
            if t.low[k] == "wie" and (k == lo or t.w[k - 1] in {",", ";", ":"} or t.w[k - 1] in QUOTE_CHARS):
                add.add(k)
                break
        for k in range(last + 1, min(hi, last + 12)):
            if k in inq or t.w[k] in {",", ";", ":", "."} or t.w[k] in QUOTE_CHARS:
                break
            nxt = t.w[k + 1] if k + 1 < t.n else "."
            if t.low[k] in _PRON_ADV and k - last <= 4:
                if not CUE_PRONADV_ARG or _pronadv_arg(t, k, hi, inq):
                    add.add(k)
            elif CUE_PREP and t.low[k] == _SPEECH_PREP.get(t.low[last]) and k + 1 < hi and k + 1 not in inq \
                    and (t.low[k + 1] in L.DETERMINERS or t.w[k + 1] in QUOTE_CHARS or t.cap(k + 1)):
                add.add(k)  # "sprach von einer Katastrophe", "warnte vor den Folgen"
                break
            elif t.low[k] in _PARTICLES and (nxt in {",", ";", ":", "."} or nxt in QUOTE_CHARS or k + 1 in inq
                                              or t.low[k + 1] in {"dass", "ob"}):
                add.add(k)
                break
            elif t.low[k] == "als" and t.low[first] in {"bezeichnete", "bezeichnet", "bezeichneten", "nannte"}:
                add.add(k)
                break
            elif CUE_SICH and t.low[k] == "sich" and k - last <= 3:
                add.add(k)  # "äußerte sich", "zeigte sich überzeugt": the reflexive belongs to the verb
            elif CUE_SICH and t.low[k] == "mit" and k + 2 < hi and t.low[k + 1] in {"den", "dem"} \
                    and t.low[k + 2] in {"worten", "satz", "aussage", "bemerkung", "hinweis"}:
                add.update((k, k + 1, k + 2))  # "zitierte ihn mit den Worten"
                break
    if CUE_AUX_AFTER and _aux_after(t, toks, last, lo, hi, inq):
        add.add(last + 1)  # "…, wie die Polizei mitgeteilt hat": the auxiliary ends the verb-final clause
    if CUE_NOUN:
        sp = set(range(*q.speaker)) if q.speaker else set()
        add.update(_noun_cue(t, sp, last, inq))
        add.update(_inner_noun_cue(t, sp, first, last, inq))
    if CUE_WIE_FAR and not any(t.low[k] == "wie" for k in add):
        w = _wie_before(t, q, first, lo, inq)
        if w is not None:
            add.add(w)
    add -= set(toks) | inq
    if not add:
        return q.cue
    return sorted(q.cue + [(k, k + 1) for k in add])


_AUX_AFTER = _PERF_AUX | _ADDR_AUX - {"werden"}  # hat/hatte…, war/ist…, wird/wurde… (not the infinitive)
_REPORT_MODALS = {"soll", "sollen", "will", "wollen", "sollte", "sollten", "wollte", "wollten"}  # "soll X gesagt haben"


def _aux_after(t: Toks, toks: list[int], last: int, lo: int, hi: int, inq: set[int]) -> bool:
    """The auxiliary right after a participle cue closes its clause: in a verb-final clause ("wie X
    bekanntgegeben hat", "nachdem bekannt geworden war") or as the infinitive after a modal in the cue
    ("soll X gesagt haben")."""
    a = last + 1
    if a >= hi or a in inq or t.upos[last] not in ("VERB", "AUX") or t.mood[last] in ("subj1", "subj2") \
            or not _participle_form(t, last):
        return False
    if not (a + 1 >= hi or t.w[a + 1] in {",", ";", ":", "."} or t.w[a + 1] in QUOTE_CHARS):
        return False
    if t.low[a] in {"haben", "sein"}:
        return any(t.low[k] in _REPORT_MODALS for k in toks)
    if t.low[a] not in _AUX_AFTER:
        return False
    c = last
    while c > lo and t.w[c - 1] not in {",", ";", ":"} and t.w[c - 1] not in QUOTE_CHARS and c - 1 not in inq:
        c -= 1
    # a verb-final clause opens with a conjunction or a relative pronoun (possibly after a preposition)
    return t.low[c] in SUBORD or t.low[c] == "wie" or (t.upos[c] == "ADP" and c + 1 < hi and t.low[c + 1] in REL_PRONOUNS)


def _participle_form(t: Toks, i: int) -> bool:
    """A past participle by its form: "ge…t/en" or an untagged-mood verb ending in "-t"/"-en"."""
    w = t.low[i]
    return w.endswith(("t", "en")) and (w.startswith("ge") or "ge" in w[2:9] or t.mood[i] is None)


# nouns that name a statement or a conclusion ("zu dem Ergebnis", "den Verdacht", "die These")
_CLAIM_NOUNS = OPINION_NOUNS | {"ergebnis", "schluss", "verdacht", "these", "hypothese", "theorie", "hoffnung",
                                "befürchtung", "erwartung", "vermutung", "eindruck", "feststellung", "forderung",
                                "warnung", "mahnung", "prognose", "behauptung", "aussage", "hinweis", "vorwurf",
                                "bereitschaft", "absicht", "schlussfolgerung", "fazit", "überlegung"}


def _claim_np(t: Toks, h: int, left: int) -> list[int] | None:
    """The noun phrase ending in the statement noun h, back to its determiner (not past token `left`), with a
    preposition before it ("zu dem Ergebnis", "den Verdacht"); None without a determiner."""
    k = h - 1
    while k > left and t.upos[k] == "ADJ":
        k -= 1
    if t.low[k] not in L.DETERMINERS and t.upos[k] != "DET":
        return None
    np = list(range(k, h + 1))
    if k - 1 > left and t.upos[k - 1] == "ADP":
        np.insert(0, k - 1)
    return np


def _noun_cue(t: Toks, sp: set[int], last: int, inq: set[int]) -> list[int]:
    """The noun phrase between a cue verb and its complement clause ("kam zu dem Ergebnis, dass …",
    "hegt den Verdacht, …"): a light verb's object that names the statement (sp: the speaker's tokens)."""
    if not inq or min(inq) <= last:
        return []
    cm = min(inq) - 1
    if t.w[cm] != "," or cm - 1 <= last or t.low[cm - 1] not in _CLAIM_NOUNS:
        return []
    np = _claim_np(t, cm - 1, last)
    if np is None or any(x not in sp and t.upos[x] not in ("ADV", "PART") for x in range(last + 1, np[0])):
        return []
    return np


def _pronadv_arg(t: Toks, k: int, hi: int, inq: set[int]) -> bool:
    """A pronominal adverb after the cue verb is its argument when the complement clause follows
    ("verwies darauf, dass", "wies darauf hin"); before a colon or other words it means "about this"
    ("sagte dazu: „…“"), and "dagegen" there is contrastive ("erklären dagegen, …" = on the other hand)."""
    nxt = k + 1
    if nxt >= hi or nxt in inq:
        return False
    if t.w[nxt] == ",":
        return t.low[k] != "dagegen" or nxt + 1 < hi and t.low[nxt + 1] == "dass"
    return t.low[k] != "dagegen" and (t.low[nxt] in _PARTICLES or t.upos[nxt] == "VERB")  # "davon aus", "davon ausgegangen"


def _inner_noun_cue(t: Toks, sp: set[int], first: int, last: int, inq: set[int]) -> list[int]:
    """The same noun phrase between the parts of the cue verb ("hat die Bereitschaft erklärt",
    "hatte die These vertreten", "sind zu dem Schluss gekommen")."""
    for h in range(first + 1, last):
        if t.low[h] not in _CLAIM_NOUNS or h in inq or h in sp:
            continue
        np = _claim_np(t, h, first)
        if np is not None and np[0] > first:
            return np
    return []


def _wie_before(t: Toks, q: RawQuote, first: int, lo: int, inq: set[int]) -> int | None:
    """The clause-initial "wie" of a verb-final frame whose speaker span (with appositions, quoted
    names, PPs) lies between it and the cue: "Wie der Sprecher, Hans Roth, am Montag mitteilte",
    and "Wie es hieß" (cue "es hieß")."""
    if t.low[first] == "es" and first > lo:
        w = first - 1  # "wie es hieß"
    elif q.speaker is not None and q.speaker[1] <= first and q.speaker[0] > lo:
        w = q.speaker[0] - 1
        if any(k in inq or t.w[k] in {";", ":", "."} or t.upos[k] in ("VERB", "AUX") for k in range(q.speaker[1], first)):
            return None  # another clause between speaker and cue
    else:
        return None
    if t.low[w] != "wie" or w in inq:
        return None
    if not (w == lo or t.w[w - 1] in {",", ";", ":", "–"} or t.w[w - 1] in QUOTE_CHARS):
        return None
    return w


# ---------------------------------------------------------------- frames the rules did not know

def split_unknown_frame(t: Toks, q: RawQuote) -> None:
    """A frameless whole-sentence quote whose sentence opens with an unknown frame clause
    ("Die Kanadier hingegen sagen, ...", "Die Experten kamen zu dem Ergebnis, dass ..."):
    the WikiNews content is the complement after the comma, without the final full stop;
    the frame's subject is the speaker and its finite verb the cue."""
    rep = q.type == "reported" and SPLIT_REP and bool(q.display_cue)
    if q.type not in ("indirect", "free_indirect") and not rep or q.cue or len(q.content) != 1:
        return
    a, b = q.content[0]
    lo, hi = t.sent_range[t.sent[a]]
    if a != lo or b < hi - 1:
        return
    for k in range(lo + 2, min(b - 2, lo + 30)):
        if t.inq[k]:
            return
        if t.w[k] != ",":
            continue
        if 0 < k < t.n - 1 and t.w[k - 1].isdigit() and t.w[k + 1].isdigit():
            continue
        fin = [x for x in range(lo, k) if t.upos[x] in ("VERB", "AUX") and t.mood[x] in ("ind", None)
               and t.upos[x] is not None]
        if not fin:
            if SPLIT_APPOS and not any(t.upos[x] in ("VERB", "AUX") for x in range(lo, k)):
                continue  # "Die Vorsitzende, Renate Künast (Grüne), fragte, ob ...": an apposition comma
            return
        nxt = t.low[k + 1]
        right_subj1 = any(_is_subj1(t, x) for x in range(k + 1, b))
        if rep and max(c for c, _ in q.display_cue) > k:
            return
        zu = rep and any(t.low[x] == "zu" for x in range(max(k + 1, b - 4), b)) and not any(
            t.w[x] == "," for x in range(k + 1, b - 1))
        v2 = SPLIT_V2 and right_subj1 and nxt in {"der", "die", "das", "den", "dem"} and _v2_clause(t, k + 1, b)
        causal = SPLIT_CAUSAL and right_subj1 and nxt in {"weil", "da"}
        if (v2 or causal) and not any(t.upos[x] == "VERB" for x in range(lo, k)):
            v2 = causal = False  # "X ist wahrscheinlich, da ...": a copula clause is no speech frame
        if nxt in {"dass", "ob"} or (right_subj1 and nxt not in SUBORD and nxt not in WH) or zu or v2 or causal:
            if any(_is_subj1(t, x) for x in range(lo, k)):
                return  # the left part is itself reported speech
            end = b - 1 if t.w[b - 1] == "." else b
            q.content = [(k + 1, end)]
            if rep:
                q.cue, q.display_cue, q.type = list(q.display_cue), [], "indirect"
            elif SPLIT_SPK:
                sp = np_after(t, lo, fin[0])
                if sp and sp[1] == fin[0] and t.upos[sp[0]] not in ("ADV", "ADP") and not (
                        ACC_PREFIELD and t.low[sp[0]] in _NON_NOM):
                    q.speaker, q.inherited = sp, False
                elif SPLIT_SUBJ and (sp := _split_subject(t, lo, fin[0], k)) is not None:
                    q.speaker, q.inherited = sp, False
                q.cue = [(fin[0], fin[0] + 1)]
            if q.type == "free_indirect":
                q.type = "indirect"
        return


def _v2_clause(t: Toks, a: int, b: int) -> bool:
    """The clause from a (an article) to the next comma or b has its first finite verb, a Konjunktiv,
    in second position, not at its end: a reported main clause ("die Personen seien dabei, ..."),
    not a relative one."""
    end = next((x for x in range(a, b) if t.w[x] in {",", ".", ";", ":"}), b)
    fin = next((x for x in range(a + 1, end) if _finite_verb(t, x)), None)
    return fin is not None and fin < end - 1 and t.mood[fin] in ("subj1", "subj2") \
        and not any(t.upos[x] in ("VERB", "AUX") for x in range(a + 1, fin))


def _split_subject(t: Toks, lo: int, v: int, comma: int) -> tuple[int, int] | None:
    """Subject of the frame clause lo..comma with finite verb v, when the plain noun phrase test
    fails: an apposition or adverb before the verb ("Der Kollege Xs, Y, wandte sich ...", "Dieser
    bestätigte, ..."), a name with a lower-case link ("Die Organisation Ärzte ohne Grenzen teilte
    mit"), or the subject after the verb ("Weiterhin erklärte die Ministerin, ...")."""
    if v == lo + 1 and t.low[lo] in {"dieser", "diese", "dieses", "letzterer", "letztere"}:
        return (lo, v)
    sp = _subject_before(t, lo, v)
    if sp is not None:
        return sp
    if t.cap(lo) and t.upos[lo] in ("DET", "PROPN", "NOUN") and v - lo <= 6 and t.low[lo] not in L.NP_STOP \
            and all(t.is_word(x) and t.upos[x] not in ("VERB", "AUX", "ADV") for x in range(lo, v)) \
            and any(t.low[x] in NAME_LINK or t.low[x] in {"ohne", "für", "gegen"} for x in range(lo + 1, v)):
        return (lo, v)
    if _after_verb_ok(t, lo, v) and any(t.low[x] in L.VERB_FORMS and t.mood[x] != "subj1" for x in range(v, comma)):
        sp = np_after_verb(t, v + 1, comma)  # only after a reporting verb: "Dann sollen 1.000 Autos fahren"
        if sp is not None and t.low[sp[0]] not in {"es", "man"}:
            return sp
    return None


def trim_trailing_frame(t: Toks, q: RawQuote) -> None:
    """Cut a postposed frame off the end of indirect content ("..., so Wikimedia Deutschland.",
    "..., wie die Zeitung schreibt.", "..., ließ er verlautbaren."): the WikiNews content stops at
    the comma."""
    if q.type != "indirect" or not q.content:
        return
    a, b = q.content[-1]
    for k in range(max(a + 3, b - 14), b - 1):
        if t.w[k] != "," or t.inq[k]:
            continue
        nxt = t.low[k + 1]
        rest = range(k + 2, b)
        frame = (nxt == "so" and k + 2 < b and (t.cap(k + 2) or t.low[k + 2] in L.DETERMINERS)
                 and not any(t.upos[x] in ("VERB", "AUX") for x in rest)) or (
                nxt == "wie" and any(t.low[x] in L.VERB_FORMS for x in rest)
                and not any(t.w[x] == "," for x in rest)) or (
                nxt in {"ließ", "lässt", "ließen"} and any(t.low[x] in {"verlauten", "verlautbaren", "wissen", "mitteilen"}
                                                          for x in rest))
        if frame:
            q.content[-1] = (a, k)
            return
