#!/usr/bin/env python3
"""Peak memory of the syntax stage on one long line without sentence punctuation.

Writes an article of --mb MiB on one line (bench/size-scaling's longline shape: its
sentence templates with no stop and no line break), extracts it with and without the
syntax stage (`newskg extract --jobs 1`), and reads each child's peak resident memory
from getrusage (os.wait4). The syntax stage's words are alive until the relations are
read; what they add must stay under --per-mb MB per MiB of article (words of 192 bytes,
all held to the end: 30 MB per MiB, 1.8 GB at 32 MiB; 48-byte words given back as the
relations are read: under 1), and the whole run under --base + --per-mb-total per MiB
(at 4 MiB: 385 MB before, 257 MB after). Never asserts on time.

Usage: long_line_memory.py --newskg build/newskg [--mb 4]
"""
import argparse
import importlib.machinery
import importlib.util
import os
import random
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def size_scaling():
    path = os.path.join(ROOT, "bench", "size-scaling")
    loader = importlib.machinery.SourceFileLoader("size_scaling", path)
    spec = importlib.util.spec_from_loader("size_scaling", loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


def peak_mb(cmd):
    """Runs cmd; returns its peak resident memory in MB (getrusage of the child)."""
    with open(os.devnull, "wb") as null:
        p = subprocess.Popen(cmd, stdout=null, stderr=subprocess.PIPE)
        err = p.stderr.read()
        _, status, usage = os.wait4(p.pid, 0)
        p.returncode = os.waitstatus_to_exitcode(status)
    if p.returncode != 0:
        sys.exit("long_line_memory: %s exited with %d:\n%s" % (" ".join(cmd), p.returncode, err.decode()[-2000:]))
    return usage.ru_maxrss / 1024.0  # KiB on Linux


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--newskg", required=True)
    ap.add_argument("--mb", type=float, default=4)
    ap.add_argument("--per-mb", type=float, default=18.0,
                    help="bound on what the syntax stage adds, MB per MiB of article")
    ap.add_argument("--base", type=float, default=250.0, help="MB allowed for the resources (ontology, models)")
    ap.add_argument("--per-mb-total", type=float, default=20.0, help="MB per MiB allowed for the whole run")
    args = ap.parse_args()
    ss = size_scaling()
    with tempfile.TemporaryDirectory(prefix="newskg-long-line-") as work:
        article = os.path.join(work, "long-line.txt")
        n = ss.write_article(article, int(args.mb * (1 << 20)), "longline", random.Random(4242))
        out = os.path.join(work, "out.json")
        common = [args.newskg, "extract", "--format", "json", "--output", out, "--jobs", "1",
                  "--max-bytes", str(n + 1)]
        without = peak_mb(common + ["--no-parser", article])
        with_parser = peak_mb(common + [article])
    added = (with_parser - without) / args.mb
    print("long line of %.1f MiB: peak %.0f MB with the syntax stage, %.0f MB without: %.1f MB per MiB for it"
          % (args.mb, with_parser, without, added))
    failed = False
    if added > args.per_mb:
        print("FAIL: the syntax stage adds %.1f MB per MiB of article (bound %.1f)" % (added, args.per_mb))
        failed = True
    bound = args.base + args.per_mb_total * args.mb
    if with_parser > bound:
        print("FAIL: peak %.0f MB with the syntax stage, over %.0f MB" % (with_parser, bound))
        failed = True
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
