#!/usr/bin/python3
"""Kills `newskg load` at random instants and checks the store each time.

Two scenarios, alternating:
  reload  an article is loaded over a different version of itself (same id), so
          every load replaces a named graph and the relations only it stated;
  bulk    a large N-Quads file (tens of thousands of quads in many graphs) is loaded
          into a store that holds an article.
After each SIGKILL the store must answer exactly as a clean load of the same inputs
does, either before the killed load or after it (compared as the sorted results of
two queries that together see every quad), and db5.3_verify must pass on every
Berkeley DB file of the generation `current` names. A few SIGHUPs check that a
hang-up stops a load like SIGTERM (exit 129 or 0) with the same guarantee.

Usage: kill_load.py --newskg PATH [--kills N] [--seed S] [--keep]
"""
import argparse
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time

ALL_QUADS = "SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
ALL_TRIPLES = "SELECT ?s ?p ?o WHERE { ?s ?p ?o }"
DB_FILES = ["newskg-sp2o.db", "newskg-po2s.db", "newskg-so2p.db", "newskg-contexts.db"]

V1 = ("Mali accuses France\n\nMarch 4, 2024\n\n"
      "Mali accused France of backing armed groups in the north on Monday.\n\n"
      "France rejected the claim and criticized the junta.\n")
V2 = ("Mali praises Niger\n\nMarch 5, 2024\n\n"
      "Mali praised Niger for its support on Tuesday.\n\n"
      "Niger thanked Mali and condemned France.\n")


def fail(msg):
    print("FAIL: " + msg, file=sys.stderr)
    sys.exit(1)


class Runner:
    def __init__(self, newskg, work):
        self.newskg = newskg
        self.work = work

    def load_cmd(self, store, inputs):
        return [self.newskg, "load", "--no-parser", "--jobs", "1", "--store", store] + inputs

    def load(self, store, inputs):
        r = subprocess.run(self.load_cmd(store, inputs), capture_output=True, text=True)
        if r.returncode != 0:
            fail("clean load into %s failed (%d): %s" % (store, r.returncode, r.stderr))

    def query(self, store, sparql):
        r = subprocess.run([self.newskg, "query", "--store", store, "--format", "tsv", sparql],
                           capture_output=True, text=True, timeout=120)
        if r.returncode != 0:
            fail("query on %s failed (%d): %s" % (store, r.returncode, r.stderr))
        lines = r.stdout.splitlines()
        return (lines[0], tuple(sorted(lines[1:])))

    def state(self, store):
        return (self.query(store, ALL_QUADS), self.query(store, ALL_TRIPLES))

    def verify(self, store):
        link = os.path.join(store, "current")
        # Without generations (newskg before them) the files are in the store itself.
        gen = os.path.join(store, os.readlink(link)) if os.path.islink(link) else store
        for f in DB_FILES:
            r = subprocess.run(["db5.3_verify", "-q", os.path.join(gen, f)], capture_output=True, text=True)
            if r.returncode != 0:
                fail("db5.3_verify %s/%s: %s %s" % (gen, f, r.stdout, r.stderr))


def timed_load(runner, store, inputs):
    start = time.monotonic()
    runner.load(store, inputs)
    return time.monotonic() - start


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--newskg", required=True)
    ap.add_argument("--kills", type=int, default=120)
    ap.add_argument("--hangups", type=int, default=4)
    ap.add_argument("--seed", type=int, default=None)
    ap.add_argument("--keep", action="store_true")
    args = ap.parse_args()
    if shutil.which("db5.3_verify") is None:
        fail("db5.3_verify is not installed (Debian package db5.3-util; scripts/setup installs it)")
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(1 << 30)
    rng = random.Random(seed)
    print("seed %d" % seed)

    work = tempfile.mkdtemp(prefix="newskg-kill-")
    try:
        runner = Runner(args.newskg, work)
        for v, text in (("v1", V1), ("v2", V2)):
            os.makedirs(os.path.join(work, v))
            with open(os.path.join(work, v, "mali.txt"), "w") as f:
                f.write(text)
        versions = {"v1": [os.path.join(work, "v1", "mali.txt")], "v2": [os.path.join(work, "v2", "mali.txt")]}

        # A large dataset: 30,000 quads in 60 named graphs and 15 triples in the default
        # graph (librdf scans the whole store for each default-graph triple it adds, so
        # many of them would make each load take minutes).
        big = os.path.join(work, "big.nq")
        with open(big, "w") as f:
            for i in range(15000):
                g = "<https://kill.example/graph/%d>" % (i % 60)
                s = "<https://kill.example/s/%d>" % i
                if i % 1000 == 0:
                    f.write('%s <https://kill.example/p/label> "item %d" .\n' % (s, i))
                f.write('%s <https://kill.example/p/next> <https://kill.example/s/%d> %s .\n' % (s, i + 1, g))
                f.write('%s <https://kill.example/p/value> "%d"^^<http://www.w3.org/2001/XMLSchema#integer> %s .\n'
                        % (s, i * 7, g))

        # Clean reference stores and the time each load takes. Replacing an article
        # keeps the actors only its old version named (other articles may share them),
        # so the states of the reload scenario are those of clean loads in sequence:
        # A = v1; B = v1 then v2; C = v1, v2, v1 again (and C then v2 is B again).
        refs = {}
        seq = os.path.join(work, "ref-seq")
        t_reload = 0.0
        for name, v in (("A", "v1"), ("B", "v2"), ("C", "v1")):
            t_reload = max(t_reload, timed_load(runner, seq, versions[v]))
            refs[name] = runner.state(seq)
            shutil.copytree(seq, os.path.join(work, "ref-" + name), symlinks=True)
        transitions = {"A": ("v2", "B"), "B": ("v1", "C"), "C": ("v2", "B")}
        base = os.path.join(work, "ref-base")
        runner.load(base, versions["v1"])
        bulk_after = os.path.join(work, "ref-bulk")
        shutil.copytree(base, bulk_after, symlinks=True)
        t_bulk = timed_load(runner, bulk_after, [big])
        refs["base"] = refs["A"]
        refs["bulk"] = runner.state(bulk_after)
        runner.load(bulk_after, versions["v2"])
        refs["bulk+v2"] = runner.state(bulk_after)
        if len({refs["A"], refs["B"], refs["C"]}) != 3 or refs["base"] == refs["bulk"]:
            fail("the reference states do not differ: the test could not tell before from after")
        print("clean load times: reload %.2f s, bulk %.2f s" % (t_reload, t_bulk))

        reload_store = os.path.join(work, "reload")
        shutil.copytree(os.path.join(work, "ref-A"), reload_store, symlinks=True)
        reload_state = "A"
        bulk_store = os.path.join(work, "bulk")
        counts = {"killed": 0, "finished": 0, "before": 0, "after": 0}

        def delay(t):
            # Half anywhere in the run, half late in it, where the store is written.
            return rng.uniform(0, t * 1.1) if rng.random() < 0.5 else rng.uniform(t * 0.6, t * 1.05)

        def run_and_stop(store, inputs, delay, sig):
            p = subprocess.Popen(runner.load_cmd(store, inputs), stdout=subprocess.DEVNULL,
                                 stderr=subprocess.PIPE, text=True)
            try:
                p.wait(timeout=delay)
                return p.returncode, p.stderr.read()
            except subprocess.TimeoutExpired:
                p.send_signal(sig)
                p.wait()
                return None if sig == signal.SIGKILL else p.returncode, p.stderr.read()

        for n in range(args.kills):
            if n % 2 == 0:
                version, target = transitions[reload_state]
                rc, err = run_and_stop(reload_store, versions[version], delay(t_reload), signal.SIGKILL)
                before, after, store = refs[reload_state], refs[target], reload_store
            else:
                if os.path.exists(bulk_store):
                    shutil.rmtree(bulk_store)
                shutil.copytree(base, bulk_store, symlinks=True)
                rc, err = run_and_stop(bulk_store, [big], delay(t_bulk), signal.SIGKILL)
                before, after, store = refs["base"], refs["bulk"], bulk_store
            if rc is None:
                counts["killed"] += 1
            elif rc == 0:
                counts["finished"] += 1
            else:
                fail("load exited %d without being killed: %s" % (rc, err))
            runner.verify(store)
            now = runner.state(store)
            if now == before:
                counts["before"] += 1
            elif now == after:
                counts["after"] += 1
                if store == reload_store:
                    reload_state = target
            else:
                fail("kill %d (seed %d): %s answers neither as before the load nor as after it" % (n, seed, store))
            if rc == 0 and now != after:
                fail("a load that exited 0 did not leave the store as a clean load does")
            if (n + 1) % 50 == 0:
                print("%d kills checked" % (n + 1), flush=True)

        # A hang-up (a dropped ssh session) stops the load like SIGTERM.
        hup_stopped = 0
        for n in range(args.hangups):
            if os.path.exists(bulk_store):
                shutil.rmtree(bulk_store)
            shutil.copytree(base, bulk_store, symlinks=True)
            rc, err = run_and_stop(bulk_store, versions["v2"] + [big], rng.uniform(0.2, t_bulk), signal.SIGHUP)
            if rc not in (0, 128 + signal.SIGHUP):
                fail("SIGHUP: load exited %s: %s" % (rc, err))
            if rc == 128 + signal.SIGHUP:
                hup_stopped += 1
                if "interrupted by signal 1" not in err:
                    fail("SIGHUP: the load did not say it was interrupted: " + err)
            runner.verify(bulk_store)
            if runner.state(bulk_store) not in (refs["base"], refs["bulk"], refs["bulk+v2"]):
                fail("SIGHUP: the store holds part of a batch")

        # The next writer removes what the killed ones left.
        runner.load(reload_store, versions[transitions[reload_state][0]])
        link = os.path.join(reload_store, "current")
        if not os.path.islink(link):
            fail("%s: no current generation" % reload_store)
        leftovers = [e for e in os.listdir(reload_store) if e not in ("current", "lock", os.readlink(link))]
        if leftovers:
            fail("left behind after the next load: %s" % leftovers)

        print("%d kills: %d landed while load ran, %d after it finished; store as before %d times, as after %d "
              "times; %d of %d SIGHUPs stopped a load; db5.3_verify passed every time"
              % (args.kills, counts["killed"], counts["finished"], counts["before"], counts["after"], hup_stopped,
                 args.hangups))
        if counts["killed"] < args.kills // 2:
            fail("fewer than half the kills landed while the load ran: the test did not test much")
    finally:
        if args.keep:
            print("kept " + work)
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
