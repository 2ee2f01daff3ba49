#!/usr/bin/env python3
"""Writes N synthetic news articles for the scale benchmark (scripts/bench-scale).

Each article is a plain-text file (headline, date line, paragraphs) of 5-15 sentences
built from this file's own templates: about two thirds of the sentences report a relation
between two actors with a verb of ontology/verbs.tsv in its frame, the rest are context
without one. Actors are a realistic mix: known actors from the gazetteer (countries and
organisations, a few of them far more frequent than the rest, as in the news) and new
ones invented as the corpus grows (officials with titles, armed groups, parties), each
reappearing in later articles with decreasing probability. The RNG is seeded, so the
same arguments give the same corpus.

Usage: bench/gen_articles.py N OUT_DIR [--seed S]
"""
import argparse
import os
import random
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ONTOLOGY = os.path.join(ROOT, "ontology")

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
SYLLABLES = ["ka", "lo", "ma", "ri", "to", "za", "ne", "bu", "sa", "di", "ko", "la", "mi",
             "ra", "te", "vo", "ya", "ba", "go", "nu", "fe", "si", "da", "ho"]
TITLES = ["President", "Prime Minister", "Foreign Minister", "Defence Minister", "General",
          "Colonel", "opposition leader", "rebel commander", "Interior Minister", "envoy"]
GROUP_KINDS = ["Liberation Front", "Patriotic Movement", "Popular Army", "Democratic Alliance",
               "Resistance Council", "Union for Renewal"]
FILLERS = [
    "The situation remained tense, according to residents.",
    "Officials did not give further details.",
    "Thousands of people have fled the area in recent weeks.",
    "The statement was read out on state television.",
    "Analysts said the move could reshape the region's politics.",
    "Prices of fuel and food have risen sharply since the start of the year.",
    "The talks are expected to resume next month.",
    "Aid agencies warned of a worsening humanitarian crisis.",
    "Local media reported heavy traffic at the border crossing.",
    "The announcement came after weeks of negotiations.",
]
OBJECT_TAILS = {"accuse_of": " of violating the agreement", "call_on": " to end the fighting",
                "demand_withdraw": ""}


def gazetteer_labels(file_name):
    with open(os.path.join(ONTOLOGY, file_name), encoding="utf-8") as f:
        return re.findall(r'skos:prefLabel "([^"]+)"@en', f.read())


def verb_senses():
    senses = []
    with open(os.path.join(ONTOLOGY, "verbs.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or line.startswith("lemma\t") or not line.strip():
                continue
            cols = line.rstrip("\n").split("\t")
            if len(cols) >= 3:
                senses.append((cols[0], cols[1]))
    return senses


def irregular_pasts():
    pasts = {}
    with open(os.path.join(ONTOLOGY, "irregular-verbs.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or "\t" not in line:
                continue
            form, lemma = line.rstrip("\n").split("\t")[:2]
            pasts.setdefault(lemma, form)  # the past tense comes before the participle
    return pasts


def past(verb, irregular):
    if verb in irregular:
        return irregular[verb]
    if verb.endswith("e"):
        return verb + "d"
    if len(verb) > 2 and verb.endswith("y") and verb[-2] not in "aeiou":
        return verb[:-1] + "ied"
    if (len(verb) <= 4 and len(verb) >= 3 and verb[-1] not in "aeiouwxy"
            and verb[-2] in "aeiou" and verb[-3] not in "aeiou"):
        return verb + verb[-1] + "ed"
    return verb + "ed"


class Actors:
    """Known actors weighted like news coverage (a few dominate) plus invented ones."""

    def __init__(self, rng):
        self.rng = rng
        known = gazetteer_labels("gazetteer-countries.ttl")[:120] + \
            gazetteer_labels("gazetteer-organizations.ttl")[:40]
        rng.shuffle(known)
        self.known = known
        self.known_weights = [1.0 / (i + 1) for i in range(len(known))]  # Zipf
        self.new = []

    def name(self):
        return "".join(self.rng.choice(SYLLABLES) for _ in range(self.rng.randint(2, 3))).capitalize()

    def invent(self):
        if self.rng.random() < 0.6:
            return "%s %s %s" % (self.rng.choice(TITLES), self.name(), self.name())
        return "the %s %s" % (self.name(), self.rng.choice(GROUP_KINDS))

    def pick(self):
        r = self.rng.random()
        if r < 0.7 or (r < 0.85 and not self.new):
            return self.rng.choices(self.known, self.known_weights)[0]
        if r < 0.85:
            # Recent invented actors come back more often than old ones.
            i = len(self.new) - 1 - int(self.rng.expovariate(0.05)) % len(self.new)
            return self.new[i]
        actor = self.invent()
        self.new.append(actor)
        return actor


def relation_sentence(rng, actors, senses, irregular, when):
    lemma, frame = rng.choice(senses)
    a, b = actors.pick(), actors.pick()
    while b == a:
        b = actors.pick()
    words = lemma.split()
    verb = " ".join([past(words[0], irregular)] + words[1:])
    if frame == "dobj":
        s = "%s %s %s" % (a, verb, b)
    elif frame.startswith("prep:"):
        s = "%s %s %s %s" % (a, verb, frame[5:], b)
    elif frame == "mutual":
        s = "%s and %s %s" % (a, b, verb)
    elif frame == "demand_withdraw":
        s = "%s %s that %s withdraw its forces" % (a, verb, b)
    elif frame == "call_on":
        s = "%s %s on %s to end the fighting" % (a, verb, b)
    else:
        s = "%s %s %s%s" % (a, verb, b, OBJECT_TAILS.get(frame, ""))
    s = s[0].upper() + s[1:]
    return s + (" " + when if when else "") + "."


def article(rng, actors, senses, irregular, year):
    month = rng.randint(1, 12)
    day = rng.randint(1, 28)
    sentences = []
    for _ in range(rng.randint(5, 15)):
        if rng.random() < 0.65:
            when = rng.choice(["", "", "on " + rng.choice(WEEKDAYS),
                               "on %d %s" % (rng.randint(1, day), MONTHS[month - 1]), "last week"])
            sentences.append(relation_sentence(rng, actors, senses, irregular, when))
        else:
            sentences.append(rng.choice(FILLERS))
    title = sentences[0].rstrip(".")
    paragraphs, i = [], 0
    while i < len(sentences):
        n = rng.randint(1, 3)
        paragraphs.append(" ".join(sentences[i:i + n]))
        i += n
    return "%s\n\n%s %d, %d\n\n%s\n" % (title, MONTHS[month - 1], day, year, "\n\n".join(paragraphs))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int)
    parser.add_argument("out_dir")
    parser.add_argument("--seed", type=int, default=8)
    args = parser.parse_args()
    if args.n < 0:
        sys.exit("gen_articles.py: N must be >= 0")
    rng = random.Random(args.seed)
    senses = verb_senses()
    irregular = irregular_pasts()
    actors = Actors(rng)
    os.makedirs(args.out_dir, exist_ok=True)
    for i in range(args.n):
        year = 2020 + i * 5 // max(args.n, 1)  # the corpus spans five years in order
        with open(os.path.join(args.out_dir, "a%05d.txt" % i), "w", encoding="utf-8") as f:
            f.write(article(rng, actors, senses, irregular, year))


if __name__ == "__main__":
    main()
