#!/usr/bin/env python3
"""Checks that hostile strings written by newskg come back exactly from every export.

Usage: check_injection.py DIR STEM EXPECTED.json
EXPECTED holds {"literals": {property IRI: [exact string, ...]}, "labels": [...],
"svg_text": [...]}. Reads DIR/STEM.{ttl,nt,nq,trig,rdf,jsonld,graphml,svg} with real
parsers (rdflib, xml.etree) and prints one line per problem; exit 1 if any.
"""
import json
import sys
import xml.etree.ElementTree as ET

import rdflib

out_dir, stem, expected_path = sys.argv[1:4]
expected = json.load(open(expected_path, encoding="utf-8"))
problems = []

syntaxes = {"ttl": "turtle", "nt": "nt", "nq": "nquads", "trig": "trig", "rdf": "xml", "jsonld": "json-ld"}
for ext, fmt in syntaxes.items():
    path = f"{out_dir}/{stem}.{ext}"
    ds = rdflib.Dataset()
    try:
        ds.parse(path, format=fmt)
    except Exception as e:  # a parse failure is the injection this test looks for
        problems.append(f"{path}: does not parse: {e}")
        continue
    for prop, values in expected["literals"].items():
        found = {str(o) for _, _, o, _ in ds.quads((None, rdflib.URIRef(prop), None, None))}
        for v in values:
            if v not in found:
                problems.append(f"{path}: {prop} lacks {v!r}; has {sorted(found)!r}")

graphml = f"{out_dir}/{stem}.graphml"
try:
    root = ET.parse(graphml).getroot()
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    label_key = [k.get("id") for k in root.iter("{http://graphml.graphdrawing.org/xmlns}key")
                 if k.get("attr.name") == "label" and k.get("for") == "node"]
    labels = {d.text or "" for d in root.iter("{http://graphml.graphdrawing.org/xmlns}data")
              if d.get("key") in label_key}
    for v in expected["labels"]:
        if v not in labels:
            problems.append(f"{graphml}: no node label {v!r}; has {sorted(labels)!r}")
except ET.ParseError as e:
    problems.append(f"{graphml}: does not parse: {e}")

svg = f"{out_dir}/{stem}.svg"
try:
    text = "".join(t for t in ET.parse(svg).getroot().itertext())
    for v in expected["svg_text"]:
        if v not in text:
            problems.append(f"{svg}: text lacks {v!r}")
except ET.ParseError as e:
    problems.append(f"{svg}: does not parse: {e}")

for p in problems:
    print(p)
sys.exit(1 if problems else 0)
