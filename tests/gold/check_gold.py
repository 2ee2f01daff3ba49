#!/usr/bin/env python3
"""Check the project's gold files (tests/gold/*.gold.json).

Usage: check_gold.py [--score PATH/score.py] [--keep DIR] [GOLD.json ...]

For every gold file (default: all *.gold.json next to this script) it checks
that

- the file parses as JSON and has the fields of the gold format
  (id, text, title, published, entities, relations), and the article it
  names exists;
- entity ids are unique, entity types and static predicates are from the
  documented sets, CAMEO roots are two digits from 01 to 20, and every
  relation has exactly one of "cameo" and "static";
- every s/o id of a relation is an entity id, and every required relation
  can be realised between required entities;
- no normalised name belongs to two entities, and no ignore_name is also an
  entity name;
- every name of a required entity and every ignore_name occurs in the
  article (after the same normalisation the scorer applies), so gold names
  are surface forms; an optional entity needs one name in the article and
  may add canonical ones (e.g. "Nigeria" for a mention "Nigerian");
- the article body is 120 to 250 words (warning only).

It then builds two graphs from each gold file, PERFECT (one entity per gold
entity with all its names as aliases, one relation per gold relation using
its first s and o and its first CAMEO root + "0" or first static predicate)
and REQUIRED (the same without optional entities and relations), scores both
with the corpus scorer (score.py, see --score) and requires entity and
relation P/R/F1 of 1.0 for both.

Exit status 0 when every check passes, 1 otherwise.
"""
import json
import os
import re
import subprocess
import sys
import tempfile
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_SCORERS = [
    os.environ.get("NEWSKG_SCORE_PY", ""),
    "/work/shared/corpus/score.py",
]
TYPES = {"Person", "Country", "Location", "Government", "Military",
         "ArmedGroup", "Organization"}
STATIC = {"partOf", "memberOf", "affiliatedWith", "leaderOf",
          "spokespersonOf", "locatedIn", "presentIn"}
REQUIRED_FIELDS = ("id", "text", "title", "published", "entities",
                   "relations")


def norm(name):
    """Name normalisation of the gold format (same as score.py)."""
    s = unicodedata.normalize("NFKC", str(name)).lower()
    s = s.replace("\u2019", "'").replace("\u2018", "'")
    s = s.replace("\u201c", '"').replace("\u201d", '"')
    s = re.sub(r"^the\s+", "", s.strip())
    s = re.sub(r"'s$", "", s)
    s = re.sub(r"[^\w]+", " ", s, flags=re.UNICODE).replace("_", " ")
    return " ".join(s.split())


def text_norm(text):
    """The article folded like a name, padded so that ' name ' finds words."""
    s = unicodedata.normalize("NFKC", text).lower()
    s = s.replace("\u2019", "'").replace("\u2018", "'")
    s = re.sub(r"[^\w]+", " ", s, flags=re.UNICODE).replace("_", " ")
    return " " + " ".join(s.split()) + " "


def as_list(x):
    return x if isinstance(x, list) else [x]


def check_structure(path, gold, errors, warnings):
    for field in REQUIRED_FIELDS:
        if field not in gold:
            errors.append("missing field %r" % field)
    if errors:
        return None
    art = os.path.join(os.path.dirname(path), gold["text"])
    if not os.path.isfile(art):
        errors.append("article %s not found" % gold["text"])
        return None
    with open(art, encoding="utf-8") as f:
        text = f.read()
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(gold["published"])):
        errors.append("published is not YYYY-MM-DD: %r" % gold["published"])

    ids, owner = {}, {}
    for e in gold["entities"]:
        eid = e.get("id")
        if not eid:
            errors.append("entity without id: %r" % e)
            continue
        if eid in ids:
            errors.append("duplicate entity id %s" % eid)
        ids[eid] = e
        if e.get("type") not in TYPES:
            errors.append("entity %s: bad type %r" % (eid, e.get("type")))
        if not e.get("names"):
            errors.append("entity %s: no names" % eid)
        for n in e.get("names", []):
            k = norm(n)
            if not k:
                errors.append("entity %s: name %r is empty after "
                              "normalisation" % (eid, n))
            elif k in owner and owner[k] != eid:
                errors.append("name %r belongs to %s and %s"
                              % (n, owner[k], eid))
            owner.setdefault(k, eid)

    tn = text_norm(text)
    for e in gold["entities"]:
        absent = [n for n in e.get("names", [])
                  if norm(n) and " %s " % norm(n) not in tn]
        if len(absent) == len(e.get("names", [])):
            errors.append("entity %s: no name occurs in the article"
                          % e["id"])
        elif absent and not e.get("optional"):
            # A required entity lists surface forms only; an optional one
            # may add a canonical name (e.g. "Nigeria" for "Nigerian").
            errors.append("entity %s: names %r not in the article"
                          % (e["id"], absent))
    for n in gold.get("ignore_names", []):
        k = norm(n)
        if k in owner:
            errors.append("ignore_name %r is a name of %s" % (n, owner[k]))
        if k and " %s " % k not in tn:
            errors.append("ignore_name %r not in the article" % n)

    optional = {e["id"] for e in gold["entities"] if e.get("optional")}
    for i, r in enumerate(gold["relations"]):
        where = "relation %d (%s)" % (i, r.get("label", ""))
        for end in ("s", "o"):
            if end not in r or not as_list(r[end]):
                errors.append("%s: no %s" % (where, end))
                continue
            for x in as_list(r[end]):
                if x not in ids:
                    errors.append("%s: %s %r is not an entity id"
                                  % (where, end, x))
        if ("cameo" in r) == ("static" in r):
            errors.append("%s: needs exactly one of cameo and static" % where)
        for c in r.get("cameo", []):
            if not (re.fullmatch(r"\d\d", str(c)) and 1 <= int(c) <= 20):
                errors.append("%s: bad CAMEO root %r" % (where, c))
        if "cameo" in r and not r["cameo"]:
            errors.append("%s: empty cameo list" % where)
        for p in r.get("static", []):
            if p not in STATIC:
                errors.append("%s: bad static predicate %r" % (where, p))
        if "static" in r and not r["static"]:
            errors.append("%s: empty static list" % where)
        if not r.get("optional"):
            for end in ("s", "o"):
                if all(x in optional for x in as_list(r.get(end, []))):
                    errors.append("%s: required relation whose %s is only "
                                  "optional entities" % (where, end))

    body = text
    words = len(body.split())
    if not 120 <= words <= 250:
        warnings.append("article has %d words (120-250 wanted)" % words)
    return {"words": words}


def build_graph(gold, required_only):
    keep = [e for e in gold["entities"]
            if not (required_only and e.get("optional"))]
    kept = {e["id"] for e in keep}
    ents = [{"id": "g:" + e["id"], "label": e["names"][0],
             "type": e["type"], "aliases": list(e["names"])} for e in keep]
    rels = []
    for r in gold["relations"]:
        if required_only and r.get("optional"):
            continue
        s = [x for x in as_list(r["s"]) if x in kept]
        o = [x for x in as_list(r["o"]) if x in kept]
        if not s or not o:
            continue
        rel = {"subject": "g:" + s[0], "object": "g:" + o[0]}
        if "cameo" in r:
            rel["predicate"] = "event"
            rel["cameo"] = r["cameo"][0] + "0"
        else:
            rel["predicate"] = r["static"][0]
        rels.append(rel)
    return {"entities": ents, "relations": rels}


def run_scorer(scorer, gold_path, graph, errors, tag):
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False,
                                     encoding="utf-8") as f:
        json.dump(graph, f)
        tmp = f.name
    try:
        out = subprocess.run([sys.executable, scorer, "--json", gold_path,
                              tmp], capture_output=True, text=True)
    finally:
        os.unlink(tmp)
    if out.returncode != 0:
        errors.append("%s: scorer failed: %s" % (tag, out.stderr.strip()))
        return None
    doc = json.loads(out.stdout)["documents"][0]
    for part in ("entities", "relations"):
        d = doc[part]
        if not (d["precision"] == 1.0 and d["recall"] == 1.0
                and d["f1"] == 1.0):
            errors.append("%s: %s P %.3f R %.3f F1 %.3f (missed %s, "
                          "spurious %s)" % (tag, part, d["precision"],
                                            d["recall"], d["f1"],
                                            d["missed"], d["spurious"]))
    if doc["entities"]["conflation"] or doc["entities"]["fragmentation"]:
        errors.append("%s: fragmentation %d conflation %d" % (
            tag, doc["entities"]["fragmentation"],
            doc["entities"]["conflation"]))
    return doc


def main(argv):
    scorer = None
    files = []
    it = iter(argv)
    for a in it:
        if a == "--score":
            scorer = next(it, None)
        elif a in ("-h", "--help"):
            print(__doc__)
            return 0
        else:
            files.append(a)
    if not scorer:
        scorer = next((p for p in DEFAULT_SCORERS if p and os.path.isfile(p)),
                      None)
    if not files:
        files = sorted(os.path.join(HERE, f) for f in os.listdir(HERE)
                       if f.endswith(".gold.json"))
    failed = 0
    totals = {"files": 0, "words": 0, "ent_req": 0, "ent_opt": 0,
              "ev_req": 0, "ev_opt": 0, "st_req": 0, "st_opt": 0}
    for path in files:
        errors, warnings = [], []
        try:
            with open(path, encoding="utf-8") as f:
                gold = json.load(f)
        except (OSError, ValueError) as err:
            print("FAIL %s: %s" % (os.path.basename(path), err))
            failed += 1
            continue
        info = check_structure(path, gold, errors, warnings)
        if info and not errors:
            if scorer:
                run_scorer(scorer, path, build_graph(gold, False), errors,
                           "PERFECT")
                run_scorer(scorer, path, build_graph(gold, True), errors,
                           "REQUIRED")
            else:
                warnings.append("score.py not found: scoring skipped "
                                "(use --score)")
        ents = gold.get("entities", [])
        rels = gold.get("relations", [])
        er = sum(1 for e in ents if not e.get("optional"))
        ev = [r for r in rels if "cameo" in r]
        st = [r for r in rels if "static" in r]
        evr = sum(1 for r in ev if not r.get("optional"))
        str_ = sum(1 for r in st if not r.get("optional"))
        line = ("%s  words %s  entities %d+%d  events %d+%d  static %d+%d"
                % (os.path.basename(path), info["words"] if info else "?",
                   er, len(ents) - er, evr, len(ev) - evr, str_,
                   len(st) - str_))
        totals["files"] += 1
        totals["words"] += info["words"] if info else 0
        totals["ent_req"] += er
        totals["ent_opt"] += len(ents) - er
        totals["ev_req"] += evr
        totals["ev_opt"] += len(ev) - evr
        totals["st_req"] += str_
        totals["st_opt"] += len(st) - str_
        if errors:
            failed += 1
            print("FAIL " + line)
            for e in errors:
                print("  error: " + e)
        else:
            print("ok   " + line)
        for w in warnings:
            print("  warning: " + w)
    print("TOTAL %(files)d files, %(words)d words; entities %(ent_req)d "
          "required + %(ent_opt)d optional; event relations %(ev_req)d + "
          "%(ev_opt)d; static relations %(st_req)d + %(st_opt)d" % totals)
    if scorer:
        print("scored with %s: PERFECT and REQUIRED graphs must score 1.0"
              % scorer)
    print("%d of %d gold files failed" % (failed, len(files)))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
