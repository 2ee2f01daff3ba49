#!/usr/bin/env python3
"""Writes a corpus of N articles for the Dask benchmark by repeating and varying the
project's example articles (examples/*.txt).

Article i is example i mod E (E examples), varied three ways, all drawn from a generator
seeded with (seed, i), so the same arguments give the same corpus:
  - countries: every country of this file's table that the example names (as a name or
    a demonym, whole words) is replaced by another country of the table, the same one
    throughout the article ("Rwanda … Rwandan" → "Ghana … Ghanaian"), so the merged
    graph has many actor pairs instead of three articles' worth;
  - date: the date line becomes a date between 2020-01-01 and 2024-12-31;
  - body: each paragraph after the headline and the date line is kept with probability
    0.85 (at least one is kept).
The headline stays first. Files are named a000001-EXAMPLE.txt (or, with --jsonl FILE, one
JSON Lines feed of {"id", "text"} records is written instead).

Usage: bench/gen_dask_corpus.py N OUT_DIR [--seed S] [--jsonl]
"""
import argparse
import datetime
import json
import os
import random
import re

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

COUNTRIES = [
    ("Mali", "Malian"), ("Niger", "Nigerien"), ("Chad", "Chadian"), ("Sudan", "Sudanese"),
    ("Kenya", "Kenyan"), ("Ethiopia", "Ethiopian"), ("Somalia", "Somali"), ("Nigeria", "Nigerian"),
    ("Ghana", "Ghanaian"), ("Senegal", "Senegalese"), ("Uganda", "Ugandan"), ("Tanzania", "Tanzanian"),
    ("Burundi", "Burundian"), ("Rwanda", "Rwandan"), ("Angola", "Angolan"), ("Zambia", "Zambian"),
    ("Egypt", "Egyptian"), ("Libya", "Libyan"), ("Algeria", "Algerian"), ("Morocco", "Moroccan"),
    ("Tunisia", "Tunisian"), ("Cameroon", "Cameroonian"), ("Gabon", "Gabonese"), ("Benin", "Beninese"),
    ("Togo", "Togolese"), ("Mauritania", "Mauritanian"), ("Eritrea", "Eritrean"), ("Mozambique", "Mozambican"),
    ("Zimbabwe", "Zimbabwean"), ("Iran", "Iranian"), ("Israel", "Israeli"), ("France", "French"),
    ("Russia", "Russian"), ("Turkey", "Turkish"), ("Yemen", "Yemeni"), ("Saudi Arabia", "Saudi"),
    ("Jordan", "Jordanian"), ("Lebanon", "Lebanese"), ("Syria", "Syrian"), ("Iraq", "Iraqi"),
]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
DATE_LINE = re.compile(r"^(%s) \d{1,2}, \d{4}$" % "|".join(MONTHS))


def examples():
    d = os.path.join(ROOT, "examples")
    out = []
    for f in sorted(os.listdir(d)):
        if f.endswith(".txt"):
            with open(os.path.join(d, f), encoding="utf-8") as fh:
                out.append((f[:-4], fh.read()))
    return out


def vary(text, rng):
    named = [c for c in COUNTRIES if re.search(r"\b(%s|%s)\b" % (re.escape(c[0]), re.escape(c[1])), text)]
    others = [c for c in COUNTRIES if c not in named]
    rng.shuffle(others)
    mapping = {}
    for (name, demonym), (new_name, new_demonym) in zip(named, others):
        mapping[name], mapping[demonym] = new_name, new_demonym
    if mapping:
        words = sorted(mapping, key=len, reverse=True)
        text = re.sub(r"\b(%s)\b" % "|".join(re.escape(w) for w in words), lambda m: mapping[m.group(1)], text)
    paragraphs = text.strip("\n").split("\n\n")
    dated = [k for k, p in enumerate(paragraphs) if DATE_LINE.match(p.strip())]
    day = datetime.date(2020, 1, 1) + datetime.timedelta(days=rng.randrange(5 * 365))
    date = "%s %d, %d" % (MONTHS[day.month - 1], day.day, day.year)
    last_head = dated[0] if dated else 0
    out, body_kept = [], 0
    for k, p in enumerate(paragraphs):
        if k in dated:
            out.append(date)
        elif k <= last_head:
            out.append(p)  # the headline and what comes before the date line
        elif rng.random() < 0.85 or (k == len(paragraphs) - 1 and body_kept == 0):
            out.append(p)
            body_kept += 1
    return "\n\n".join(out) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("n", type=int)
    ap.add_argument("out_dir")
    ap.add_argument("--seed", type=int, default=19)
    ap.add_argument("--jsonl", action="store_true", help="write OUT_DIR/corpus.jsonl instead of files")
    a = ap.parse_args()
    os.makedirs(a.out_dir, exist_ok=True)
    ex = examples()
    feed = open(os.path.join(a.out_dir, "corpus.jsonl"), "w", encoding="utf-8") if a.jsonl else None
    for i in range(a.n):
        stem, text = ex[i % len(ex)]
        rng = random.Random("%d-%d" % (a.seed, i))
        article = vary(text, rng)
        name = "a%06d-%s" % (i + 1, stem)
        if feed:
            feed.write(json.dumps({"id": name, "text": article}) + "\n")
        else:
            with open(os.path.join(a.out_dir, name + ".txt"), "w", encoding="utf-8") as fh:
                fh.write(article)
    if feed:
        feed.close()


if __name__ == "__main__":
    main()
