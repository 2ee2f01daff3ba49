#!/usr/bin/python3
"""End-to-end tests of newskg-dask (contrib/dask/newskg_dask.py) on real Dask clusters on
127.0.0.1: the driver's outputs against `newskg extract --merge` over the same inputs,
faults (a bad input, a worker killed mid-run, a full disk), checkpoints, the multi-host
recipe of the README (dask-scheduler and dask-worker as separate processes), loopback-only
listening and push.

Usage: tests/dask/test_dask.py --newskg PATH CASE   (CASE: see CASES at the end)

Every process a case starts runs in a session of its own and is killed with its whole
process group when the case ends, whether it passed or not.
"""
import argparse
import gzip
import http.server
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DRIVER = os.path.join(ROOT, "scripts", "newskg-dask")
PY = "/usr/bin/python3"  # Debian's, with python3-distributed; python3 on PATH may be another
NEWSKG = None
FAILURES = []


def check(cond, what):
    if not cond:
        FAILURES.append(what)
        print("FAILED: " + what, file=sys.stderr)
    return cond


class Processes:
    """Processes started by a case; each in its own session, killed as a group at the end."""

    def __init__(self):
        self.procs = []

    def start(self, cmd, **kw):
        # Should this test itself be killed (a CTest timeout), its children die with it.
        if shutil.which("setpriv"):
            cmd = ["setpriv", "--pdeathsig", "KILL", "--"] + list(cmd)
        p = subprocess.Popen(cmd, start_new_session=True, stdin=subprocess.DEVNULL, **kw)
        self.procs.append(p)
        return p

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        for p in self.procs:
            try:
                os.killpg(p.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
        deadline = time.monotonic() + 10
        for p in self.procs:
            try:
                p.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                pass
            try:
                os.killpg(p.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            p.wait()
        return False


def run(cmd, procs, timeout=240, env=None, cwd=None):
    """Runs a command to its end in its own session; (status, stdout, stderr)."""
    p = procs.start(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=cwd)
    try:
        out, err = p.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(p.pid, signal.SIGKILL)
        out, err = p.communicate()
        check(False, "timed out after %d s: %s" % (timeout, " ".join(cmd)))
    return p.returncode, out.decode("utf-8", "replace"), err.decode("utf-8", "replace")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def corpus(tmp):
    """Inputs with what sharding must get right: nested directories, the same file name in
    two directories (ID, ID-2), a feed whose lines have ids, no id (NAME-LINE), a repeated
    id and a blank line, and a gzipped feed."""
    d = os.path.join(tmp, "in")
    os.makedirs(os.path.join(d, "a"))
    os.makedirs(os.path.join(d, "b", "deeper"))
    examples = sorted(f for f in os.listdir(os.path.join(ROOT, "examples")) if f.endswith(".txt"))
    gold = sorted(f for f in os.listdir(os.path.join(ROOT, "tests", "gold")) if f.endswith(".txt"))
    for f in examples:
        shutil.copy(os.path.join(ROOT, "examples", f), os.path.join(d, "a", f))
    for f in gold[:6]:
        shutil.copy(os.path.join(ROOT, "tests", "gold", f), os.path.join(d, "b", f))
    shutil.copy(os.path.join(ROOT, "examples", examples[0]), os.path.join(d, "b", "deeper", examples[0]))
    lines = []
    for i, f in enumerate(gold[6:12]):
        with open(os.path.join(ROOT, "tests", "gold", f), encoding="utf-8") as fh:
            text = fh.read()
        rec = {"title": text.split("\n", 1)[0], "published": "2024-0%d-1%d" % (1 + i % 9, i % 10), "text": text}
        if i % 3 != 1:
            rec["id"] = "story-%d" % (i % 4)  # story-0 and story-1 come twice
        lines.append(json.dumps(rec))
        if i == 2:
            lines.append("")
    with open(os.path.join(d, "feed.jsonl"), "w", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")
    with gzip.open(os.path.join(d, "b", "more.jsonl.gz"), "wt", encoding="utf-8") as fh:
        for f in gold[12:15]:
            with open(os.path.join(ROOT, "tests", "gold", f), encoding="utf-8") as g:
                fh.write(json.dumps({"text": g.read()}) + "\n")
    return d


def reference(tmp, inputs, formats, procs, extra=(), cwd=None):
    out = os.path.join(tmp, "ref")
    status, _, err = run([NEWSKG, "extract", "--merge", "--out-dir", out, "--format", formats, "--jobs", "2"]
                         + list(extra) + inputs, procs, cwd=cwd)
    return out, status, err


def articles_in(ref):
    return len([f for f in os.listdir(ref) if f.endswith(".json") and f != "merged.json"])


def outputs(d):
    return sorted(f for f in os.listdir(d) if f != ".newskg-dask")


def same_outputs(ref, got, what):
    """Every file of extract's output directory, and no other, with the same bytes."""
    a, b = outputs(ref), outputs(got)
    if not check(a == b, "%s: the same files as extract (missing %s, extra %s)" % (
            what, sorted(set(a) - set(b))[:5], sorted(set(b) - set(a))[:5])):
        return False
    for f in a:
        with open(os.path.join(ref, f), "rb") as x, open(os.path.join(got, f), "rb") as y:
            if not check(x.read() == y.read(), "%s: %s byte-identical to extract's" % (what, f)):
                return False
    return True


def driver(args, procs, env=None, timeout=240, cwd=None):
    return run([DRIVER, "extract", "--newskg", NEWSKG] + args, procs, timeout=timeout, env=env, cwd=cwd)


def no_temporaries(d, what):
    left = [f for f in os.listdir(d) if f.startswith(".") and f != ".newskg-dask"]
    check(not left, "%s: no temporary files left in the output directory (found %s)" % (what, left))


# ---------------------------------------------------------------------------------------


def case_identity(tmp):
    """The merged graph (and every per-article file) is byte-identical to extract --merge
    whatever the shard size and the number of workers, in JSON, Turtle and N-Quads."""
    with Processes() as procs:
        corpus(tmp)
        inputs = ["in"]  # relative, as users write them: per-article JSON names its source
        ref, status, err = reference(tmp, inputs, "json,ttl,nq", procs, cwd=tmp)
        check(status == 0, "reference extract succeeds: " + err)
        check(articles_in(ref) == 19, "reference wrote the 19 articles (got %d)" % articles_in(ref))
        for workers, shard in (("2", "3"), ("1", "7"), ("2", "auto")):
            out = os.path.join(tmp, "out-w%s-s%s" % (workers, shard))
            status, _, err = driver(["--local", workers, "--shard-size", shard, "--format", "json,ttl,nq",
                                     "--out-dir", out] + inputs, procs, cwd=tmp)
            what = "%s worker(s), shard size %s" % (workers, shard)
            check(status == 0, "%s: exit status 0 (got %d): %s" % (what, status, err))
            m = re.findall(r"shards (\d+)/(\d+), (\d+) articles", err)
            n = str(articles_in(ref))
            check(m and m[-1][0] == m[-1][1] and m[-1][2] == n, "%s: progress says all shards, %s articles: %s"
                  % (what, n, m[-1:] if m else err))
            same_outputs(ref, out, what)
            no_temporaries(out, what)


def case_bad_input(tmp):
    """A shard with bad inputs: the failures are listed as extract lists them (the user's
    path, the feed's line), exit status 1 as extract's, every other article is done and the
    merged graph is still extract's."""
    with Processes() as procs:
        d = corpus(tmp)
        with open(os.path.join(d, "feed.jsonl"), "a", encoding="utf-8") as fh:
            fh.write('{"id": "broken", "text": \n')          # not JSON
            fh.write('{"id": "notext", "title": "x"}\n')      # no text
        missing = os.path.join(tmp, "missing.txt")
        inputs = [d, missing]
        ref, status, ref_err = reference(tmp, inputs, "json", procs)
        check(status == 1, "reference extract exits 1 on bad inputs")
        out = os.path.join(tmp, "out")
        status, _, err = driver(["--local", "2", "--shard-size", "4", "--out-dir", out] + inputs, procs)
        check(status == 1, "exit status 1 like extract's (got %d)" % status)
        feed = os.path.join(d, "feed.jsonl")
        for where in (feed + ":8", feed + ":9", missing):
            check(("newskg-dask: error: " + where) in err, "the failure at %s is listed: %s" % (where, err))
            check(where in ref_err, "extract names %s too" % where)
        n = articles_in(ref)
        check(re.search(r"newskg-dask: 3 problem\(s\); %d article\(s\) extracted" % n, err) is not None,
              "summary counts 3 problems and %d articles: %s" % (n, err))
        same_outputs(ref, out, "with bad inputs")


WRAPPER = r"""#!/bin/sh
# A newskg that, the first time it extracts, says which worker runs it and waits, so that
# the test can kill that worker while the shard is running.
if [ "$1" = extract ] && mkdir "$MARK_DIR/first" 2>/dev/null; then
  echo $PPID > "$MARK_DIR/first/worker.pid.tmp" && mv "$MARK_DIR/first/worker.pid.tmp" "$MARK_DIR/first/worker.pid"
  sleep ${SLOW_SECONDS:-3}
fi
exec "$REAL_NEWSKG" "$@"
"""


def wrapper(tmp):
    path = os.path.join(tmp, "slow-newskg")
    with open(path, "w") as f:
        f.write(WRAPPER)
    os.chmod(path, 0o755)
    marks = os.path.join(tmp, "marks")
    os.makedirs(marks)
    env = dict(os.environ, MARK_DIR=marks, REAL_NEWSKG=NEWSKG)
    return path, marks, env


def start_cluster(procs, tmp, workers=2, nanny=True, env=None):
    """dask-scheduler and dask-worker processes on 127.0.0.1 (free ports), as the README's
    multi-host recipe starts them; returns the scheduler address and the worker processes."""
    port = free_port()
    logs = open(os.path.join(tmp, "cluster.log"), "ab")
    # --dashboard-address too: without it their HTTP servers listen on every interface.
    sched = procs.start(["dask-scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard",
                         "--dashboard-address", "127.0.0.1:0"], stdout=logs, stderr=logs, env=env)
    address = "tcp://127.0.0.1:%d" % port
    ws = []
    for _ in range(workers):
        cmd = ["dask-worker", address, "--host", "127.0.0.1", "--nthreads", "1", "--no-dashboard",
               "--dashboard-address", "127.0.0.1:0", "--local-directory", tmp]
        if not nanny:
            cmd.append("--no-nanny")
        ws.append(procs.start(cmd, stdout=logs, stderr=logs, env=env))
    # Ready when the scheduler has every worker.
    script = ("import sys; from distributed import Client\n"
              "c = Client(sys.argv[1], timeout='30s'); c.wait_for_workers(int(sys.argv[2]), timeout=60); c.close()")
    status, _, err = run([PY, "-c", script, address, str(workers)], procs, timeout=90)
    check(status == 0, "the scheduler and %d workers start: %s" % (workers, err[-2000:]))
    addrs = listening([sched.pid] + [w.pid for w in ws])
    check(addrs and all(ip == "127.0.0.1" for _, ip, _ in addrs),
          "scheduler and workers listen on 127.0.0.1 only: %s" % addrs)
    return address, ws


def case_killed_worker(tmp):
    """A worker killed while it runs a shard: Dask runs the shard again on the other worker
    and the result is still extract's."""
    with Processes() as procs:
        inputs = [corpus(tmp)]
        ref, status, _ = reference(tmp, inputs, "json", procs)
        slow, marks, env = wrapper(tmp)
        address, ws = start_cluster(procs, tmp, workers=2, nanny=False, env=env)
        out = os.path.join(tmp, "out")
        p = procs.start([DRIVER, "extract", "--newskg", slow, "--scheduler", address, "--shard-size", "3",
                         "--out-dir", out] + inputs, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        pid_file = os.path.join(marks, "first", "worker.pid")
        deadline = time.monotonic() + 60
        while not os.path.exists(pid_file) and time.monotonic() < deadline and p.poll() is None:
            time.sleep(0.05)
        if check(os.path.exists(pid_file), "a shard started"):
            pid = int(open(pid_file).read())
            check(pid in [w.pid for w in ws], "the shard runs in one of the workers (pid %d)" % pid)
            os.kill(pid, signal.SIGKILL)
        try:
            _, err = p.communicate(timeout=180)
        except subprocess.TimeoutExpired:
            os.killpg(p.pid, signal.SIGKILL)
            _, err = p.communicate()
        err = err.decode("utf-8", "replace")
        check(p.returncode == 0, "the run finishes with exit status 0 (got %s): %s" % (p.returncode, err))
        check(sum(1 for w in ws if w.poll() is None) == 1, "one worker was killed, one is alive")
        same_outputs(ref, out, "after a worker was killed")


POISON = r"""#!/bin/sh
# A newskg that kills the worker running it whenever it is given poison.txt.
case "$*" in *poison.txt*) kill -9 $PPID; sleep 5; exit 1 ;; esac
exec "$REAL_NEWSKG" "$@"
"""


def case_poison_shard(tmp):
    """A shard that kills every worker that runs it: Dask gives up on it (KilledWorker),
    the run reports it and merges the other shards, whose graph is extract's over them."""
    with Processes() as procs:
        d = corpus(tmp)
        bad = os.path.join(tmp, "bad")
        os.makedirs(bad)
        examples = sorted(f for f in os.listdir(os.path.join(ROOT, "examples")) if f.endswith(".txt"))
        for i in range(4):
            shutil.copy(os.path.join(ROOT, "examples", examples[i % len(examples)]), os.path.join(bad, "p%d.txt" % i))
        shutil.copy(os.path.join(ROOT, "examples", examples[0]), os.path.join(bad, "poison.txt"))
        ref, _, _ = reference(tmp, [d], "json", procs)
        path = os.path.join(tmp, "poison-newskg")
        with open(path, "w") as f:
            f.write(POISON)
        os.chmod(path, 0o755)
        env = dict(os.environ, REAL_NEWSKG=NEWSKG)
        # bad/ is the first shard, alone (5 files, --shard-size 5). With one worker, the
        # sound shards queued on it die with it and are blamed too; they must still land.
        for workers in ("2", "1"):
            out = os.path.join(tmp, "out-" + workers)
            status, _, err = run([DRIVER, "extract", "--newskg", path, "--local", workers, "--shard-size", "5",
                                  "--out-dir", out, bad, d], procs, env=env)
            check(status == 1, "%s worker(s): exit status 1 (got %d): %s" % (workers, status, err[-2000:]))
            check(re.search(r"newskg-dask: error: shard 1 \(.*bad.*\): KilledWorker", err) is not None,
                  "the shard whose workers died is named: " + err[-2000:])
            check(len(re.findall(r"KilledWorker", err)) == 1, "only the poisonous shard is given up: " + err[-2000:])
            same_outputs(ref, out, "%s worker(s), without the shard that killed its workers" % workers)


# A newskg that kills its worker the first four times it is given blamed.txt, as the
# deaths of workers running a poisonous shard are charged to the sound shards beside it.
BLAMED = r"""#!/bin/sh
case "$*" in *blamed.txt*)
  n=$(cat "$DEATHS" 2>/dev/null || echo 0)
  if [ "$n" -lt 4 ]; then echo $((n + 1)) > "$DEATHS"; kill -9 $PPID; sleep 5; exit 1; fi ;;
esac
exec "$REAL_NEWSKG" "$@"
"""


def case_blamed_shard(tmp):
    """A sound shard that Dask gives up on (KilledWorker: its workers died four times, as
    they do when a poisonous shard shares them) runs once more, alone, and lands."""
    with Processes() as procs:
        d = corpus(tmp)
        shutil.copy(os.path.join(ROOT, "examples", sorted(f for f in os.listdir(os.path.join(ROOT, "examples"))
                                                          if f.endswith(".txt"))[1]),
                    os.path.join(d, "a", "blamed.txt"))
        ref, _, _ = reference(tmp, [d], "json", procs)
        path = os.path.join(tmp, "blamed-newskg")
        with open(path, "w") as f:
            f.write(BLAMED)
        os.chmod(path, 0o755)
        deaths = os.path.join(tmp, "deaths")
        env = dict(os.environ, REAL_NEWSKG=NEWSKG, DEATHS=deaths)
        out = os.path.join(tmp, "out")
        status, _, err = run([DRIVER, "extract", "--newskg", path, "--local", "2", "--shard-size", "5",
                              "--out-dir", out, d], procs, env=env)
        with open(deaths) as f:
            check(f.read().strip() == "4", "the shard's workers died four times")
        check(status == 0, "exit status 0 (got %d): %s" % (status, err[-2000:]))
        check("KilledWorker" not in err, "no shard is reported lost: " + err[-2000:])
        same_outputs(ref, out, "after the shard was given up by Dask and run alone")


def case_full_disk(tmp):
    """A full disk on the output: a clear error naming the problem, exit status 1, no
    merged graph and no temporary file; a rerun with space skips the shards done."""
    with Processes() as procs:
        inputs = [corpus(tmp)]
        ref, _, _ = reference(tmp, inputs, "json", procs)
        out = os.path.join(tmp, "out")
        os.makedirs(out)
        mounted = os.geteuid() == 0 and not os.environ.get("DASK_TEST_DEV_FULL") and subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=160k", "tmpfs", out], capture_output=True).returncode == 0
        try:
            if mounted:
                status, _, err = driver(["--local", "2", "--shard-size", "4", "--out-dir", out] + inputs, procs)
            else:
                # Not root or no tmpfs: the final graph's path is /dev/full (as tests/hostile do).
                os.symlink("/dev/full", os.path.join(out, "merged.json"))
                status, _, err = driver(["--local", "2", "--shard-size", "4", "--out-dir", out] + inputs, procs)
            print("full disk by %s" % ("a 160 KB tmpfs" if mounted else "/dev/full"))
            check(status == 1, "exit status 1 on a full disk (got %d)" % status)
            check("No space left on device" in err, "the error says the disk is full: " + err[-3000:])
            merged = os.path.join(out, "merged.json")
            if mounted:
                # Whatever fitted is whole: every output in DIR is a complete JSON document.
                for f in outputs(out):
                    try:
                        with open(os.path.join(out, f), encoding="utf-8") as fh:
                            json.load(fh)
                    except ValueError:
                        check(False, "%s is whole after the disk filled" % f)
            else:
                check(os.path.islink(merged), "no merged graph was written")
            no_temporaries(out, "full disk")
            ck_tmp = os.path.join(out, ".newskg-dask", "tmp")
            check(not os.path.exists(ck_tmp) or not os.listdir(ck_tmp), "no shard work left behind")
            if mounted:
                subprocess.run(["mount", "-o", "remount,size=64m", out], check=True)
            else:
                os.unlink(merged)
            done_before = len(os.listdir(os.path.join(out, ".newskg-dask", "shards"))) \
                if os.path.isdir(os.path.join(out, ".newskg-dask", "shards")) else 0
            status, _, err = driver(["--local", "2", "--shard-size", "4", "--out-dir", out] + inputs, procs)
            check(status == 0, "the rerun succeeds: " + err[-3000:])
            if done_before:
                check(("(%d done before, from checkpoints)" % done_before) in err,
                      "the rerun skips the %d shards done: %s" % (done_before, err[-500:]))
            same_outputs(ref, out, "rerun after a full disk")
        finally:
            if mounted:
                subprocess.run(["umount", "-l", out])


def case_checkpoints(tmp):
    """A rerun skips every shard done; a changed input re-extracts its shard only."""
    with Processes() as procs:
        d = corpus(tmp)
        out = os.path.join(tmp, "out")
        args = ["--local", "1", "--shard-size", "5", "--out-dir", out, d]
        status, _, err = driver(args, procs)
        check(status == 0, "first run: " + err)
        shards = int(re.findall(r"in (\d+) shard\(s\)", err)[-1])
        status, _, err = driver(args, procs)
        check(("(%d done before, from checkpoints)" % shards) in err, "a rerun skips all %d shards: %s" % (shards, err))
        f = os.path.join(d, "a", sorted(os.listdir(os.path.join(d, "a")))[0])
        with open(f, "a", encoding="utf-8") as fh:
            fh.write("\nMali accused Algeria of interference on Monday.\n")
        status, _, err = driver(args, procs)
        check(("(%d done before, from checkpoints)" % (shards - 1)) in err,
              "after one input changed, all shards but its one come from checkpoints: " + err)
        ref, _, _ = reference(tmp, [d], "json", procs)
        same_outputs(ref, out, "after an input changed")


def case_recipe(tmp):
    """The README's multi-host recipe on one host: dask-scheduler and two dask-worker
    processes (with their nannies) on 127.0.0.1, the driver given --scheduler."""
    with Processes() as procs:
        inputs = [corpus(tmp)]
        ref, _, _ = reference(tmp, inputs, "json,ttl", procs)
        address, _ = start_cluster(procs, tmp, workers=2, nanny=True)
        out = os.path.join(tmp, "out")
        status, _, err = driver(["--scheduler", address, "--shard-size", "4", "--format", "json,ttl",
                                 "--out-dir", out] + inputs, procs)
        check(status == 0, "exit status 0: " + err)
        same_outputs(ref, out, "on dask-scheduler and dask-worker")
        # The commands the README gives are the ones used here.
        with open(os.path.join(ROOT, "README.md"), encoding="utf-8") as f:
            readme = f.read()
        for needle in ("dask-scheduler --host", "dask-worker tcp://", "scripts/newskg-dask extract --scheduler",
                       "scripts/newskg-dask extract --local"):
            check(needle in readme, "README shows `%s`" % needle)


def listening(pids):
    import psutil
    addrs = []
    for pid in pids:
        try:
            proc = psutil.Process(pid)
            for p in [proc] + proc.children(recursive=True):
                for c in p.connections(kind="inet"):
                    if c.status == psutil.CONN_LISTEN:
                        addrs.append((p.pid, c.laddr.ip, c.laddr.port))
        except psutil.Error:
            pass
    return addrs


def case_loopback(tmp):
    """--local N --dashboard: scheduler, workers, nannies and dashboard listen on 127.0.0.1
    only; the dashboard address printed answers."""
    with Processes() as procs:
        d = corpus(tmp)
        slow, marks, env = wrapper(tmp)
        env["SLOW_SECONDS"] = "6"
        out = os.path.join(tmp, "out")
        p = procs.start([DRIVER, "extract", "--newskg", slow, "--local", "2", "--dashboard", "--shard-size", "9",
                         "--out-dir", out, d], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
        deadline = time.monotonic() + 60
        while not os.path.exists(os.path.join(marks, "first", "worker.pid")) and time.monotonic() < deadline \
                and p.poll() is None:
            time.sleep(0.05)
        addrs = listening([p.pid])
        # The dashboard line comes before any shard starts.
        check(len(addrs) >= 5, "scheduler, 2 workers, 2 nannies and the dashboard listen: %s" % addrs)
        check(all(ip == "127.0.0.1" for _, ip, _ in addrs), "every listening socket is on 127.0.0.1: %s" % addrs)
        health = {}
        for port in {port for _, _, port in addrs}:
            try:
                with urllib.request.urlopen("http://127.0.0.1:%d/health" % port, timeout=5) as r:
                    health[port] = r.read().decode()
            except Exception:
                continue
        _, err = p.communicate(timeout=180)
        err = err.decode("utf-8", "replace")
        check(p.returncode == 0, "exit status 0: " + err)
        m = re.search(r"newskg-dask: dashboard: http://127\.0\.0\.1:(\d+)/status", err)
        if check(m is not None, "the dashboard address is printed: " + err):
            check(health.get(int(m.group(1))) == "ok",
                  "the dashboard's port answered /health while running: %s" % (health,))


class Store(http.server.BaseHTTPRequestHandler):
    requests = []

    def do_PUT(self):
        self.handle_write()

    def do_POST(self):
        self.handle_write()

    def handle_write(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        Store.requests.append((self.command, self.path, body.decode("utf-8", "replace")))
        self.send_response(201)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *a):
        pass


def case_push(tmp):
    """--push sends the merged graph (N-Quads: every article's named graph) to the store."""
    with Processes() as procs:
        d = corpus(tmp)
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Store)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            out = os.path.join(tmp, "out")
            endpoint = "http://127.0.0.1:%d/store" % server.server_address[1]
            status, _, err = driver(["--local", "1", "--format", "json,nq", "--push", endpoint, "--out-dir", out, d],
                                    procs)
            check(status == 0, "exit status 0: " + err)
        finally:
            server.shutdown()
        with open(os.path.join(out, "merged.nq"), encoding="utf-8") as f:
            graphs = set(re.findall(r"> <(https://newskg\.org/id/article/[^>]+)> \.$", f.read(), re.M))
        pushed = {urllib.parse.unquote(m.group(1)) for _, path, _ in Store.requests
                  for m in [re.search(r"graph=([^&]+)", path)] if m}
        # 19 articles, one of them the same file name in two folders (ID, ID-2): each its
        # own id, so its own graph.
        check(len(graphs) == 19, "a graph per article IRI in merged.nq, 19 (got %d)" % len(graphs))
        check(graphs <= pushed, "each article's graph was pushed (missing %s)" % sorted(graphs - pushed)[:3])
        check(any(m == "POST" for m, _, _ in Store.requests), "the default graph was sent too")


def case_usage(tmp):
    """Wrong usage: exit status 2 and a message naming the problem, before any cluster."""
    with Processes() as procs:
        for args, needle in ((["--format", "pdf", "--out-dir", tmp, ROOT + "/examples"], "unknown format 'pdf'"),
                             ([ROOT + "/examples"], "--out-dir DIR is required"),
                             (["--out-dir", tmp, "--bogus", ROOT + "/examples"], "unknown option '--bogus'"),
                             (["--out-dir", tmp, "--shard-size", "0", ROOT + "/examples"], "--shard-size expects"),
                             (["--out-dir", tmp, "-"], "standard input"),
                             (["--out-dir", tmp, "--local", "1", "--scheduler", "tcp://127.0.0.1:1",
                               ROOT + "/examples"], "not both")):
            status, _, err = driver(args, procs)
            check(status == 2 and needle in err, "%s: exit 2 with '%s' (got %d: %s)" % (args, needle, status, err))
        status, out, _ = run([DRIVER, "--help"], procs)
        check(status == 0 and "--shard-size" in out and "--scheduler" in out, "--help describes the options")


CASES = {"identity": case_identity, "bad-input": case_bad_input, "killed-worker": case_killed_worker,
         "poison-shard": case_poison_shard, "blamed-shard": case_blamed_shard,
         "full-disk": case_full_disk, "checkpoints": case_checkpoints, "recipe": case_recipe,
         "loopback": case_loopback, "push": case_push, "usage": case_usage}


def main():
    global NEWSKG
    ap = argparse.ArgumentParser()
    ap.add_argument("--newskg", required=True)
    ap.add_argument("case", choices=sorted(CASES))
    a = ap.parse_args()
    NEWSKG = os.path.abspath(a.newskg)
    # SIGTERM (CTest stopping a test) unwinds through the cleanups like a failure does.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    tmp = tempfile.mkdtemp(prefix="newskg-dask-test-")
    try:
        start = time.monotonic()
        CASES[a.case](tmp)
        print("%s: %.1f s" % (a.case, time.monotonic() - start))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    if FAILURES:
        print("%d check(s) failed in %s" % (len(FAILURES), a.case), file=sys.stderr)
        return 1
    print("all checks passed")
    return 0


if __name__ == "__main__":
    import urllib.parse  # noqa: E402
    sys.exit(main())
