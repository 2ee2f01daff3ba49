#!/usr/bin/python3
"""newskg-dask: newskg extract and merge on a Dask cluster.

Lists the inputs, cuts them into shards (files, and JSON Lines feeds by line ranges),
runs `newskg extract` on each shard on a Dask worker (a subprocess of the worker), merges
the shard graphs with `newskg merge` as a tree in which every merge runs on a worker, and
writes the merged graph and the per-article outputs to the output directory. Data goes
through the shared filesystem, never through the client: the client only plans, links
finished files into place and reports.

Run as a script (scripts/newskg-dask): the worker-side functions are then sent to the
workers by value, so the workers need Dask and newskg, not this file.
"""
import gzip
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import uuid

PROG = "newskg-dask"

HELP = """Usage: newskg-dask extract [--scheduler ADDRESS | --local N] --out-dir DIR [OPTIONS] INPUT...

Runs `newskg extract` on a Dask cluster: the inputs are cut into shards, each shard is
extracted on a worker, the shard graphs are merged by `newskg merge` in a tree of merges
that also run on the workers, and DIR receives what `newskg extract --out-dir DIR --merge`
would write: DIR/ID.FORMAT per article and DIR/merged.FORMAT, the merged graph, which is
byte-identical to extract's whatever the shard size and the number of workers.

INPUT is a file or a directory (read recursively) as for newskg extract. JSON Lines feeds
(.jsonl, .ndjson, gzipped or not) are split into ranges of lines; their articles keep the
ids and line numbers extract gives them. Standard input (-) is not accepted. Paths must
be the same on the client and on every worker (a shared filesystem), as must DIR.

Cluster:
  --scheduler ADDRESS  a running scheduler (dask-scheduler), e.g. tcp://10.0.0.1:8786
  --local N            start a cluster of N worker processes on this machine, listening
                       on 127.0.0.1 only (default when no --scheduler: --local 1)
  --dashboard          with --local, start Dask's dashboard (on 127.0.0.1, a free port);
                       print the dashboard's address in both cases
  --newskg PATH        the newskg executable on the workers (default: $NEWSKG, else the
                       build/newskg of this checkout when it exists, else newskg on PATH)

Work:
  --out-dir DIR        where the outputs go (required); DIR/.newskg-dask/ keeps the
                       checkpoints that let a rerun skip the shards and merges done
  --shard-size K       articles (files, or lines of a feed) per shard (default: auto,
                       the inputs over 4 shards per worker, between 20 and 2000)
  --fan-in F           graphs per merge in the merge tree (default 8)
  --jobs N             threads of each `newskg extract` (default 2: extract writes and
                       fsyncs each article's files on its main thread, and with one
                       extraction thread the core idles while it waits; give
                       dask-worker --nthreads for more tasks at once)
  --push ENDPOINT      after the merge, send the merged graph (as N-Quads) to a SPARQL
                       Graph Store endpoint with `newskg push` (repeatable); with
                       --push-graph IRI, --push-mode MODE, --push-user NAME,
                       --push-password-file F as push's --graph, --mode, --user,
                       --password-file (NEWSKG_PASSWORD must be set on the workers otherwise)
  --quiet              no progress line
  --stats FILE         write figures of the run as JSON: time of each phase, wall and CPU
                       time and peak memory of every newskg extract and merge, the
                       client's peak memory

Passed to every newskg extract (see newskg extract --help):
  --format LIST, --base IRI, --published DATE, --input-format F, --max-bytes N,
  --no-parser, --keep-negated, --ontology DIR, --actors FILE (repeatable), --top N,
  --clusters, --aliases FILE, --no-fuzzy-merge (the last two, --base, --ontology, --top
  and --clusters also to newskg merge)

Progress goes to standard error: shards done/total, articles, articles/s, ETA. At the end,
failed inputs are listed as extract lists them. Exit status: 0 success; 1 some inputs,
shards or outputs failed (listed at the end; the rest was done and written); 2 wrong
usage or an extract that refused its options.
"""

# extract's --format names and their file extensions (the format table, include/newskg/io/formats.hpp).
FORMATS = {"ttl": "ttl", "nt": "nt", "nq": "nq", "trig": "trig", "rdfxml": "rdf", "jsonld": "jsonld",
           "json": "json", "dot": "dot", "graphml": "graphml", "svg": "svg", "png": "png", "html": "html"}
# Passed to `newskg extract` as given.
EXTRACT_VALUES = ["--base", "--published", "--input-format", "--max-bytes", "--ontology", "--actors",
                  "--top", "--aliases"]
EXTRACT_FLAGS = ["--no-parser", "--keep-negated", "--clusters", "--no-fuzzy-merge"]
# The subset `newskg merge` takes (it renders the merged graph and resolves actors).
MERGE_VALUES = ["--base", "--ontology", "--top", "--aliases"]
MERGE_FLAGS = ["--clusters", "--no-fuzzy-merge"]
DRIVER_VALUES = ["--scheduler", "--local", "--out-dir", "--format", "--shard-size", "--fan-in", "--jobs", "--stats",
                 "--newskg", "--push", "--push-graph", "--push-mode", "--push-user", "--push-password-file"]
DRIVER_FLAGS = ["--dashboard", "--quiet"]
# Extensions newskg extract reads in a directory (src/read/input.cpp accepted_extension).
ACCEPTED = (".txt", ".text", ".html", ".htm", ".jsonl")
CHECKPOINTS = ".newskg-dask"


class UsageError(Exception):
    pass


# ---------------------------------------------------------------------------------------
# Worker side. These functions run on Dask workers; they use the standard library only.
# ---------------------------------------------------------------------------------------

def _restore_sources(out, pieces):
    """Articles of a feed's line range were read from a worker's copy of those lines; the
    JSON outputs (per article, and the shard's merged graph, whose articles keep it through
    the merges) name the source file ("source"): the feed's, as extract writes it."""
    swaps = [(('"source": ' + json.dumps(copy, ensure_ascii=False)).encode("utf-8"),
              ('"source": ' + json.dumps(feed, ensure_ascii=False)).encode("utf-8")) for copy, feed in pieces]
    for name in os.listdir(out):
        if not name.endswith(".json"):
            continue
        path = os.path.join(out, name)
        with open(path, "rb") as f:
            data = f.read()
        changed = data
        for old, new in swaps:
            changed = changed.replace(old, new)
        if changed != data:
            _write_atomically(path, changed)


def _run(cmd, cwd=None, usage=None):
    """Runs a newskg command; returns (exit status, standard error). A newskg started by a
    worker that is killed dies with it (setpriv --pdeathsig), so no orphan keeps writing.
    When usage is a list, {"wall", "cpu", "maxrss_kb"} of the run is appended to it."""
    if shutil.which("setpriv"):
        cmd = ["setpriv", "--pdeathsig", "KILL", "--"] + cmd
    start = time.monotonic()
    try:
        p = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                             cwd=cwd)
    except OSError as e:
        return 127, "cannot run %s: %s\n" % (cmd[0], e.strerror)
    stderr = p.stderr.read()
    p.stderr.close()
    _, status, ru = os.wait4(p.pid, 0)
    p.returncode = os.waitstatus_to_exitcode(status)
    if usage is not None:
        usage.append({"wall": round(time.monotonic() - start, 3), "cpu": round(ru.ru_utime + ru.ru_stime, 3),
                      "maxrss_kb": ru.ru_maxrss})
    return p.returncode, stderr.decode("utf-8", "replace")


def _write_atomically(path, data):
    """Writes bytes to path through a temporary file in the same directory and a rename."""
    d = os.path.dirname(path) or "."
    fd, tmp = tempfile.mkstemp(prefix="." + os.path.basename(path) + ".", dir=d)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, 0o644)  # as newskg writes its outputs
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _open_feed(path):
    with open(path, "rb") as f:
        magic = f.read(2)
    return gzip.open(path, "rb") if magic == b"\x1f\x8b" else open(path, "rb")


def count_lines(path):
    """Lines of a JSON Lines feed as newskg's reader numbers them (a last line without a
    newline counts); None when the feed cannot be read (extract then reports it whole)."""
    try:
        n, last = 0, b"\n"
        with _open_feed(path) as f:
            while True:
                chunk = f.read(1 << 20)
                if not chunk:
                    break
                n += chunk.count(b"\n")
                last = chunk[-1:]
        return n + (0 if last == b"\n" else 1)
    except (OSError, EOFError, gzip.BadGzipFile):
        return None


def _feed_piece(path, first, last, dest):
    """Writes lines first..last (1-based) of a feed to dest, after first-1 empty lines: the
    reader skips empty lines but counts them, so every article keeps its line number
    (ids of lines without an "id" are NAME-LINE) and dest's name keeps NAME."""
    with _open_feed(path) as src, open(dest, "wb") as out:
        out.write(b"\n" * (first - 1))
        for n, line in enumerate(src, 1):
            if n < first:
                continue
            if n > last:
                break
            out.write(line)


def _problems(stderr, renames):
    """The error and warning lines of a newskg run, with worker-side paths renamed to the
    user's, and the article count of its summary line."""
    errors, warnings, articles = [], [], None
    for line in stderr.splitlines():
        for old, new in renames:
            line = line.replace(old, new)
        m = re.match(r"newskg: \d+ problem\(s\); (\d+) article\(s\) extracted$", line)
        if m:
            articles = int(m.group(1))
        elif line.startswith("newskg: error: "):
            errors.append(line[len("newskg: error: "):])
        elif line.startswith("newskg: warning: "):
            warnings.append(line[len("newskg: warning: "):])
        elif line.strip() and not line.startswith("newskg: "):
            errors.append(line)
    return errors, warnings, articles


def run_shard(spec):
    """Extracts one shard into DIR/.newskg-dask/shards/KEY (a checkpoint: a shard whose
    directory exists was done before with the same newskg, options and inputs)."""
    ck = spec["checkpoints"]
    final = os.path.join(ck, "shards", spec["key"])
    manifest_path = os.path.join(final, "manifest.json")
    if os.path.exists(manifest_path):
        with open(manifest_path, encoding="utf-8") as f:
            m = json.load(f)
        m["cached"] = True
        return m
    os.makedirs(os.path.join(ck, "shards"), exist_ok=True)
    os.makedirs(os.path.join(ck, "tmp"), exist_ok=True)
    work = os.path.join(ck, "tmp", spec["key"] + "-" + uuid.uuid4().hex[:8])
    out = os.path.join(work, "out")
    os.makedirs(out)
    inputs, renames = [], []
    failed = []
    # extract runs where the client ran, given the paths as the user wrote them (they end
    # up in messages and in the per-article JSON's "source"), when that directory is here.
    cwd = spec["cwd"] if os.path.isdir(spec["cwd"]) else None
    pieces = []
    try:
        for i, item in enumerate(spec["items"]):
            if item["kind"] == "file":
                inputs.append(item["display"] if cwd else item["path"])
                if not cwd and item["path"] != item["display"]:
                    renames.append((item["path"], item["display"]))
            else:
                d = os.path.join(work, "in", str(i))
                os.makedirs(d)
                dest = os.path.join(d, os.path.basename(item["path"]) + ".jsonl")
                try:
                    _feed_piece(item["path"], item["first"], item["last"], dest)
                except (OSError, EOFError, gzip.BadGzipFile) as e:
                    failed.append("%s: lines %d-%d: cannot read: %s" % (item["display"], item["first"],
                                                                       item["last"], e))
                    continue
                inputs.append(dest)
                renames.append((dest, item["display"]))
                pieces.append((dest, item["display"]))
        renames.sort(key=lambda r: -len(r[0]))  # longer paths first: a.jsonl before a.jsonl.gz's prefix
        formats = list(spec["formats"])
        if "json" not in formats:
            formats.append("json")
        cmd = [spec["newskg"], "extract", "--out-dir", out, "--format", ",".join(formats), "--merge",
               "--jobs", str(spec["jobs"])]
        if spec.get("taken"):
            taken_path = os.path.join(work, "taken-ids.txt")
            with open(taken_path, "w", encoding="utf-8") as f:
                f.write("".join(t + "\n" for t in spec["taken"]))
            cmd += ["--taken-ids", taken_path]
        cmd += spec["extract_args"] + ["--"] + inputs
        usage = []
        status, stderr = _run(cmd, cwd, usage) if inputs else (1, "")
        errors, warnings, _ = _problems(stderr, renames)
        errors = failed + errors
        result = {"key": spec["key"], "index": spec["index"], "status": status, "errors": errors,
                  "warnings": warnings, "units": spec["units"], "cached": False,
                  "usage": usage[0] if usage else None}
        if status not in (0, 1) or not os.path.exists(os.path.join(out, "merged.json")):
            result["ok"] = False
            if status == 2:
                result["usage_error"] = True
            if not errors:
                errors.append("newskg extract %s (exit status %s)" % (
                    "was killed by signal %d" % -status if status < 0 else "failed", status))
            return result
        # An output that could not be written is no checkpoint: a rerun must do it again.
        output_failures = [e for e in stderr.splitlines() if out in e and e.startswith("newskg: error: ")]
        if output_failures:
            result["ok"] = False
            return result
        names = set()
        for name in os.listdir(out):
            stem, dot, ext = name.rpartition(".")
            if dot and stem and ext in FORMATS.values() and not name.startswith("."):
                names.add(stem)
        names.discard("merged")
        if pieces:
            _restore_sources(out, pieces)
        if not spec["only_shard"]:
            for f in spec["formats"]:
                if f != "json":
                    try:
                        os.unlink(os.path.join(out, "merged." + FORMATS[f]))
                    except FileNotFoundError:
                        pass
        shutil.rmtree(os.path.join(work, "in"), ignore_errors=True)
        result.update(ok=True, articles=len(names), names=sorted(names),
                      graph=os.path.join(final, "out", "merged.json"), out=os.path.join(final, "out"))
        _write_atomically(os.path.join(work, "manifest.json"), json.dumps(result).encode("utf-8"))
        try:
            os.rename(work, final)
        except OSError:
            if not os.path.exists(manifest_path):  # not a twin that finished first: a real failure
                raise
        return result
    except OSError as e:
        return {"key": spec["key"], "index": spec["index"], "ok": False, "status": 1, "units": spec["units"],
                "errors": failed + ["%s: cannot write the shard's checkpoint: %s" % (e.filename or work, e.strerror or e)],
                "warnings": [], "cached": False}
    finally:
        if os.path.exists(work):
            shutil.rmtree(work, ignore_errors=True)


def run_merge(spec, *children):
    """Merges the graphs of the children (shard results or merges) with newskg merge into
    spec["output"] (newskg writes it through a temporary file and a rename). A merge whose
    output exists was done before with the same inputs. Raises on failure."""
    graphs = [c["graph"] for c in children if c.get("ok")]
    articles = sum(c.get("articles", 0) for c in children if c.get("ok"))
    out = spec["output"]
    result = {"ok": True, "graph": out, "articles": articles, "key": spec.get("key")}
    if spec.get("key") and os.path.exists(out):
        result["cached"] = True
        return result
    os.makedirs(os.path.dirname(out), exist_ok=True)
    if not graphs:
        return {"ok": False, "articles": 0}
    usage = []
    status, stderr = _run([spec["newskg"], "merge", "--output", out, "--format", "json"] + spec["merge_args"] +
                          ["--"] + graphs, usage=usage)
    if status != 0:
        raise RuntimeError("newskg merge into %s failed (exit status %s):\n%s" % (out, status, stderr.strip()))
    result["usage"] = dict(usage[0], graphs=len(graphs), output_bytes=os.path.getsize(out))
    result["merges"] = [m for c in children for m in c.get("merges", [])] + [result["usage"]]
    return result


def run_render(spec, root):
    """Writes the merged graph in another format: newskg merge of the one graph (merging a
    graph again changes nothing), or newskg render for the HTML page."""
    if spec["format"] == "html":
        cmd = [spec["newskg"], "render", root["graph"], "--format", "html", "--output", spec["output"]]
        cmd += spec["render_args"]
    else:
        cmd = [spec["newskg"], "merge", "--output", spec["output"], "--format", spec["format"]]
        cmd += spec["merge_args"] + ["--", root["graph"]]
    status, stderr = _run(cmd)
    if status != 0:
        raise RuntimeError("writing %s failed (exit status %s):\n%s" % (spec["output"], status, stderr.strip()))
    return spec["output"]


def run_push(spec, root):
    """Sends the merged graph to one endpoint with newskg push (as N-Quads: each article's
    evidence in its named graph)."""
    nq = spec["nq"]
    if not os.path.exists(nq):
        run_render({"format": "nq", "output": nq, "newskg": spec["newskg"], "merge_args": spec["merge_args"]}, root)
    status, stderr = _run([spec["newskg"], "push", "--endpoint", spec["endpoint"]] + spec["push_args"] + [nq])
    return {"endpoint": spec["endpoint"], "status": status, "stderr": stderr}


# ---------------------------------------------------------------------------------------
# Client side
# ---------------------------------------------------------------------------------------

def parse_args(argv):
    if not argv or argv[0] in ("-h", "--help"):
        return None
    if argv[0] != "extract":
        raise UsageError("unknown command '%s' (expected extract)" % argv[0])
    values, flags, inputs = {}, set(), []
    args = argv[1:]
    i = 0
    only_inputs = False
    while i < len(args):
        a = args[i]
        i += 1
        if only_inputs or a == "-" or not a.startswith("-") or len(a) < 2:
            inputs.append(a)
            continue
        if a == "--":
            only_inputs = True
            continue
        if a in ("-h", "--help"):
            return None
        name, eq, inline = a.partition("=")
        if name in DRIVER_FLAGS or name in EXTRACT_FLAGS:
            if eq:
                raise UsageError("option %s takes no value" % name)
            flags.add(name)
        elif name in DRIVER_VALUES or name in EXTRACT_VALUES:
            if not eq:
                if i >= len(args):
                    raise UsageError("option %s needs a value" % name)
                inline = args[i]
                i += 1
            values.setdefault(name, []).append(inline)
        else:
            raise UsageError("unknown option '%s' (see %s --help)" % (name, PROG))
    return values, flags, inputs


def positive_int(values, name, default, minimum=1):
    if name not in values:
        return default
    v = values[name][-1]
    if not re.fullmatch(r"\d+", v) or int(v) < minimum:
        raise UsageError("%s expects a whole number of at least %d, got '%s'" % (name, minimum, v))
    return int(v)


def default_newskg():
    if os.environ.get("NEWSKG"):
        return os.environ["NEWSKG"]
    here = os.path.dirname(os.path.abspath(__file__))
    built = os.path.join(here, "..", "..", "build", "newskg")
    if os.access(built, os.X_OK):
        return os.path.realpath(built)
    return shutil.which("newskg") or "newskg"


def strip_gz(name):
    low = name.lower()
    return low[:-3] if low.endswith(".gz") else low


def is_feed(path, input_format):
    """Whether newskg reads path as JSON Lines (src/read/input.cpp format_of)."""
    if input_format != "auto":
        return input_format == "jsonl"
    n = strip_gz(os.path.basename(path))
    if n.endswith((".html", ".htm", ".xhtml", ".txt", ".text")):
        return False
    if n.endswith((".jsonl", ".ndjson")):
        return True
    try:
        with _open_feed(path) as f:
            head = f.read(8192)
    except (OSError, EOFError, gzip.BadGzipFile):
        return False
    if head.startswith(b"\xef\xbb\xbf"):
        head = head[3:]
    head = head.lstrip(b" \t\n\r\f\v")
    return head.startswith(b"{")


def list_inputs(inputs):
    """The files newskg extract would read, in its order: a directory's accepted files
    sorted by name, then its subdirectories, recursively. Paths that are no directory go
    through as given (extract reports what is wrong with them)."""
    out = []

    def directory(disp):
        try:
            entries = os.listdir(disp)
        except OSError:
            out.append(disp)  # extract says why it cannot be listed
            return
        files, dirs = [], []
        for e in entries:
            p = os.path.join(disp, e)
            if os.path.isdir(p):
                dirs.append(p)
            elif strip_gz(e).endswith(ACCEPTED):
                files.append(p)
        key = os.fsencode
        for f in sorted(files, key=key):
            out.append(f)
        for d in sorted(dirs, key=key):
            directory(d)

    for p in inputs:
        if p == "-":
            raise UsageError("standard input (-) cannot be shared with workers: give files")
        if os.path.isdir(p):
            directory(p)
        else:
            out.append(p)
    return out


def file_identity(path):
    try:
        st = os.stat(path)
        return [st.st_size, st.st_mtime_ns]
    except OSError:
        return None


def file_article_id(path):
    """The id newskg's reader gives the article of a file: its name without .gz, .txt,
    .text, .html, .htm, .jsonl and .json (repeatedly, in any case)."""
    name = os.path.basename(path)
    stripped = True
    while stripped:
        stripped = False
        for ext in (".gz", ".txt", ".text", ".html", ".htm", ".jsonl", ".json"):
            if len(name) > len(ext) and name.lower().endswith(ext):
                name = name[:-len(ext)]
                stripped = True
    return name


def taken_ids(shards):
    """For each shard, the ids the articles of files in earlier shards take, as one run
    over all inputs names them (a repeat becomes ID-2, ID-3 …): given to the shard's
    extract (--taken-ids), so an article repeated across shards gets the same id, inside
    its files too, as in one run. Articles of feeds are not known to the client (it never
    reads the data), so an id repeated across feed pieces is only renamed in file names
    (place_articles)."""
    claimed, out = set(["merged"]), []  # extract --merge keeps DIR/merged.* for the merged graph
    for items in shards:
        out.append(sorted(claimed))
        for it in items:
            if it["kind"] != "file" or it.get("feed"):
                continue
            base = final = file_article_id(it["path"])
            n = 2
            while final in claimed:
                final = "%s-%d" % (base, n)
                n += 1
            claimed.add(final)
    return out


def plan_shards(units, shard_size):
    """Cuts the list of inputs (a file is one unit, a feed its lines) into shards of
    shard_size units in input order; feeds are cut into line ranges."""
    shards, cur, room = [], [], shard_size
    for u in units:
        if u["lines"] is None:
            cur.append({"kind": "file", "path": u["path"], "display": u["display"], "units": 1})
            room -= 1
        else:
            first, n = 1, u["lines"]
            if n == 0:
                cur.append({"kind": "file", "path": u["path"], "display": u["display"], "units": 0, "feed": True})
            while first <= n:
                take = min(room, n - first + 1)
                last = first + take - 1
                if first == 1 and last == n:
                    cur.append({"kind": "file", "path": u["path"], "display": u["display"], "units": n,
                                "feed": True})
                else:
                    cur.append({"kind": "feed", "path": u["path"], "display": u["display"], "first": first,
                                "last": last, "units": take})
                room -= take
                first = last + 1
                if room <= 0 and first <= n:
                    shards.append(cur)
                    cur, room = [], shard_size
        if room <= 0:
            shards.append(cur)
            cur, room = [], shard_size
    if cur:
        shards.append(cur)
    return shards


def sha(obj):
    return hashlib.sha256(json.dumps(obj, sort_keys=True).encode("utf-8")).hexdigest()


def newskg_identity(newskg):
    """Version, size and mtime of the newskg executable (when the client can see it): a
    rebuilt newskg invalidates every checkpoint."""
    ident = {"path": newskg}
    path = newskg if os.path.sep in newskg else shutil.which(newskg)
    try:
        ident["version"] = subprocess.run([newskg, "--version"], capture_output=True, text=True).stdout.strip()
    except OSError:
        ident["version"] = None
    if path:
        ident["file"] = file_identity(path)
    return ident


def default_ontology(newskg):
    """The ontology directory newskg uses without --ontology (src/ontology/ontology.cpp
    Ontology::default_dir), as far as the client can tell."""
    if os.environ.get("NEWSKG_ONTOLOGY"):
        return os.environ["NEWSKG_ONTOLOGY"]
    path = newskg if os.path.sep in newskg else shutil.which(newskg)
    if path:
        exe = os.path.dirname(os.path.realpath(path))
        for d in (os.path.join(exe, "..", "share", "newskg", "ontology"), os.path.join(exe, "..", "ontology")):
            if os.path.isdir(d):
                return os.path.normpath(d)
    return None


def option_files_identity(values, newskg):
    """Files named by options (dictionaries, alias file) and those of the ontology and the
    syntax model beside it, by size and mtime, so that editing them invalidates the
    checkpoints."""
    ident = {}
    for name in ("--actors", "--aliases"):
        for p in values.get(name, []):
            ident[name + "=" + p] = [os.path.abspath(p), file_identity(p)]
    onto = values.get("--ontology", [None])[-1] or default_ontology(newskg)
    if onto:
        for d in (onto, os.path.join(onto, "..", "models")):
            for root, _, files in os.walk(d):
                for f in sorted(files):
                    p = os.path.join(root, f)
                    ident[os.path.abspath(p)] = file_identity(p)
    return ident


class Progress:
    def __init__(self, total_shards, total_units, quiet):
        self.total_shards, self.total_units = total_shards, total_units
        self.shards = self.units = self.articles = 0
        self.start = time.monotonic()
        self.quiet = quiet
        self.tty = sys.stderr.isatty()
        self.last_print = 0.0

    def done(self, result):
        self.shards += 1
        self.units += result.get("units", 0)
        self.articles += result.get("articles", 0) if result.get("ok") else 0
        self.show(final=self.shards == self.total_shards)

    def line(self):
        elapsed = max(time.monotonic() - self.start, 1e-6)
        rate = self.articles / elapsed
        if 0 < self.units < self.total_units:
            eta = "ETA %ds" % round(elapsed * (self.total_units - self.units) / self.units)
        elif self.units >= self.total_units:
            eta = "%.1fs" % elapsed
        else:
            eta = "ETA ?"
        return "%s: shards %d/%d, %d articles, %.1f articles/s, %s" % (
            PROG, self.shards, self.total_shards, self.articles, rate, eta)

    def show(self, final=False):
        if self.quiet:
            return
        now = time.monotonic()
        if self.tty:
            if final or now - self.last_print >= 0.2:
                sys.stderr.write("\r\x1b[K" + self.line() + ("\n" if final else ""))
                sys.stderr.flush()
                self.last_print = now
        elif final or now - self.last_print >= 5.0:
            sys.stderr.write(self.line() + "\n")
            sys.stderr.flush()
            self.last_print = now


def place_articles(results, out_dir):
    """Links each shard's per-article outputs into DIR under extract's names: an id met
    again (in this or an earlier shard) becomes ID-2, ID-3 … in input order. Each file
    appears through a temporary name and a rename, so none is ever seen half-written."""
    taken = set(["merged"])
    failures = []
    for r in results:
        local = set(r["names"])
        # A local name NAME-N beside NAME is extract's renaming of a repeated id.
        def base_of(name):
            m = re.fullmatch(r"(.*)-(\d+)", name)
            return m.group(1) if m and m.group(1) in local and int(m.group(2)) >= 2 else name

        def order(name):
            m = re.fullmatch(r"(.*)-(\d+)", name)
            return (base_of(name), int(m.group(2)) if base_of(name) != name else 1)

        files = {}
        for f in os.listdir(r["out"]):
            stem, dot, ext = f.rpartition(".")
            if dot and stem in local:
                files.setdefault(stem, []).append(f)
        for name in sorted(local, key=order):
            base = base_of(name)
            final = base
            n = 2
            while final in taken:
                final = "%s-%d" % (base, n)
                n += 1
            taken.add(final)
            for f in files.get(name, []):
                ext = f[len(name) + 1:]
                src = os.path.join(r["out"], f)
                dest = os.path.join(out_dir, final + "." + ext)
                try:
                    link_atomically(src, dest)
                except OSError as e:
                    failures.append("%s: cannot write: %s" % (dest, e.strerror))
    return failures


def link_atomically(src, dest):
    try:
        if os.path.samefile(src, dest):
            return  # linked by an earlier run
    except OSError:
        pass
    tmp = os.path.join(os.path.dirname(dest), ".%s.%s" % (os.path.basename(dest), uuid.uuid4().hex[:8]))
    try:
        try:
            os.link(src, tmp)
        except OSError:
            shutil.copyfile(src, tmp)
        os.replace(tmp, dest)
        if os.path.lexists(tmp):  # rename() between two links of one file does nothing
            os.unlink(tmp)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def start_cluster(values, flags):
    """A Client on the given scheduler, or on a LocalCluster bound to 127.0.0.1."""
    import logging
    from distributed import Client, LocalCluster
    if "--scheduler" in values:
        if "--local" in values:
            raise UsageError("give --scheduler or --local, not both")
        return Client(values["--scheduler"][-1], timeout="30s"), None
    n = positive_int(values, "--local", 1)
    cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True, host="127.0.0.1",
                           dashboard_address="127.0.0.1:0" if "--dashboard" in flags else None,
                           # Workers run an HTTP server even without a dashboard: on
                           # all interfaces unless given an address.
                           worker_dashboard_address="127.0.0.1:0", silence_logs=logging.ERROR)
    return Client(cluster), cluster


def workers_of(client):
    info = client.scheduler_info()
    return max(1, sum(w.get("nthreads", 1) for w in info.get("workers", {}).values()))


def extract(values, flags, inputs):
    if not inputs:
        raise UsageError("no inputs (files or directories)")
    if "--out-dir" not in values:
        raise UsageError("--out-dir DIR is required")
    formats = [f for f in values.get("--format", ["json"])[-1].replace(" ", "").split(",") if f]
    if not formats:
        raise UsageError("--format needs at least one format")
    for f in formats:
        if f not in FORMATS:
            raise UsageError("unknown format '%s' (expected %s)" % (f, ", ".join(FORMATS)))
    input_format = values.get("--input-format", ["auto"])[-1]
    if input_format not in ("auto", "text", "html", "jsonl"):
        raise UsageError("--input-format expects auto, text, html or jsonl, got '%s'" % input_format)
    jobs = positive_int(values, "--jobs", 2)
    fan_in = positive_int(values, "--fan-in", 8, minimum=2)
    shard_size = None if values.get("--shard-size", ["auto"])[-1] == "auto" else positive_int(values, "--shard-size", 0)
    if "--local" in values:
        positive_int(values, "--local", 1)
    newskg = values.get("--newskg", [None])[-1] or default_newskg()
    if os.path.sep in newskg:
        newskg = os.path.abspath(newskg)
        if not os.access(newskg, os.X_OK):
            raise UsageError("--newskg: %s is not an executable" % newskg)
    out_dir = os.path.abspath(values["--out-dir"][-1])
    try:
        os.makedirs(out_dir, exist_ok=True)
    except OSError as e:
        print("%s: error: %s: cannot create the directory: %s" % (PROG, values["--out-dir"][-1], e.strerror),
              file=sys.stderr)
        return 1
    ck = os.path.join(out_dir, CHECKPOINTS)

    extract_args, merge_args, render_args = [], [], []
    for name in EXTRACT_VALUES:
        vals = values.get(name, [])
        if name != "--actors":
            vals = vals[-1:]
        for v in vals:
            v = os.path.abspath(v) if name in ("--ontology", "--actors", "--aliases") else v
            extract_args += [name, v]
            if name in MERGE_VALUES:
                merge_args += [name, v]
            if name in ("--ontology", "--top"):
                render_args += [name, v]
    for name in EXTRACT_FLAGS:
        if name in flags:
            extract_args.append(name)
            if name in MERGE_FLAGS:
                merge_args.append(name)
            if name == "--clusters":
                render_args.append(name)
    push_args = []
    for opt, theirs in (("--push-graph", "--graph"), ("--push-mode", "--mode"), ("--push-user", "--user"),
                        ("--push-password-file", "--password-file")):
        if opt in values:
            v = values[opt][-1]
            push_args += [theirs, os.path.abspath(v) if opt == "--push-password-file" else v]

    phases = {"start": time.monotonic()}
    files = list_inputs(inputs)
    client, cluster = start_cluster(values, flags)
    phases["cluster"] = time.monotonic()
    try:
        return run(client, values, flags, files, formats, input_format, jobs, fan_in, shard_size, newskg,
                   out_dir, ck, extract_args, merge_args, render_args, push_args, phases)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def run(client, values, flags, files, formats, input_format, jobs, fan_in, shard_size, newskg, out_dir, ck,
        extract_args, merge_args, render_args, push_args, phases):
    from distributed import as_completed
    if "--dashboard" in flags:
        link = client.dashboard_link if client.scheduler_info().get("services", {}).get("dashboard") else None
        if link:
            print("%s: dashboard: %s" % (PROG, link), file=sys.stderr)
            try:
                import bokeh  # noqa: F401 (the dashboard's pages need it)
            except ImportError:
                print("%s: note: the dashboard's plots need bokeh on the scheduler (not packaged in Debian 12: "
                      "pip install bokeh); without it the address serves /health, /info and /metrics only" % PROG,
                      file=sys.stderr)
        else:
            print("%s: the scheduler runs no dashboard" % PROG, file=sys.stderr)

    # Feeds are counted on the workers: the client never reads the data.
    feeds = [p for p in files if os.path.isfile(p) and is_feed(p, input_format)]
    counts = dict(zip(feeds, client.gather(client.map(count_lines, [os.path.abspath(p) for p in feeds],
                                                      pure=False)))) if feeds else {}
    units = [{"path": os.path.abspath(p), "display": p, "lines": counts.get(p)} for p in files]
    total_units = sum(1 if u["lines"] is None else u["lines"] for u in units)
    nworkers = workers_of(client)
    if shard_size is None:
        shard_size = min(2000, max(20, -(-total_units // (4 * nworkers))))
    shards = plan_shards(units, shard_size)
    extract_formats = list(formats)
    identity = {"newskg": newskg_identity(newskg), "extract_args": extract_args, "formats": formats,
                "option_files": option_files_identity(values, newskg), "jobs_do_not_matter": True,
                "only_shard": len(shards) == 1}
    common = sha(identity)
    specs = []
    taken = taken_ids(shards)
    for i, items in enumerate(shards):
        # The paths as written count too: extract puts them in the per-article JSON.
        ident = [[it["kind"], it["path"], it["display"], file_identity(it["path"]), it.get("first"), it.get("last")]
                 for it in items]
        specs.append({"key": sha([common, ident, taken[i]])[:32], "index": i, "items": items, "checkpoints": ck,
                      "taken": taken[i],
                      "newskg": newskg, "jobs": jobs, "extract_args": extract_args, "formats": extract_formats,
                      "only_shard": len(shards) == 1, "units": sum(it["units"] for it in items),
                      "cwd": os.getcwd()})

    phases["plan"] = time.monotonic()
    progress = Progress(len(specs), total_units, "--quiet" in flags)
    progress.show()
    shard_futures = [client.submit(run_shard, s, key="newskg-extract-%d-%s" % (s["index"], s["key"][:12]),
                                   retries=1) for s in specs]
    # The merge tree: groups of fan_in in shard order, level by level. The client submits
    # each merge as soon as the last of its inputs is done, with the inputs that succeeded:
    # a shard that failed (even one whose workers all died) leaves the rest merged.
    merge_spec = {"newskg": newskg, "merge_args": merge_args}
    merges_dir = os.path.join(ck, "merges")
    sizes = [len(specs)]
    while sizes[-1] > 1:
        sizes.append(-(-sizes[-1] // fan_in))
    top = len(sizes) - 1  # the root's level (0 when there is one shard: no merge)
    node_results = [dict() for _ in sizes]
    node_of = {f.key: (0, i) for i, f in enumerate(shard_futures)}
    results = [None] * len(specs)
    problems = []
    usage = None
    root_result = None
    pending = as_completed(shard_futures)

    def settle(level, j, r):
        """Records a finished node; submits (or passes through) its parent when complete."""
        nonlocal root_result
        node_results[level][j] = r
        if level == top:
            root_result = r
            return
        parent = j // fan_in
        members = range(parent * fan_in, min((parent + 1) * fan_in, sizes[level]))
        if any(m not in node_results[level] for m in members):
            return
        children = [node_results[level][m] for m in members]
        ok = [c for c in children if c.get("ok")]
        if level + 1 < top and len(children) == 1:
            settle(level + 1, parent, children[0])
            return
        if not ok:
            settle(level + 1, parent, {"ok": False, "articles": 0})
            return
        if level + 1 == top:
            spec = dict(merge_spec, key=None, output=os.path.join(out_dir, "merged.json"))
            name = "newskg-merge-root-" + uuid.uuid4().hex[:8]
        else:
            key = sha([common, merge_args, [c["key"] for c in ok]])[:32]
            spec = dict(merge_spec, key=key, output=os.path.join(merges_dir, key + ".json"))
            name = "newskg-merge-%d-%d-%s" % (level + 1, parent, key[:12])
        fut = client.submit(run_merge, spec, *ok, key=name)
        node_of[fut.key] = (level + 1, parent)
        pending.add(fut)

    # A worker that dies takes the blame for every task it held, not only the one that
    # killed it: a sound shard queued behind a poisonous one can be declared KilledWorker
    # too. Such shards run once more at the end, alone on the cluster, one at a time, so
    # that only a shard that kills its workers by itself is given up.
    alone = []
    retried = set()
    while True:
        for fut in pending:
            level, j = node_of[fut.key]
            try:
                r = fut.result()
            except Exception as e:  # the workers running it died (KilledWorker), or the task raised
                if level == 0 and type(e).__name__ == "KilledWorker" and j not in retried:
                    retried.add(j)
                    alone.append(j)
                    continue
                if level == 0:
                    what = "shard %d (%s)" % (j + 1, describe(specs[j]["items"]))
                    r = {"ok": False, "units": specs[j]["units"], "warnings": [],
                         "errors": ["%s: %s: %s" % (what, type(e).__name__, e)]}
                else:
                    r = {"ok": False, "articles": 0, "errors": [str(e)]}
                    problems.append(str(e))
            if level == 0:
                results[j] = r
                if r.get("usage_error") and usage is None:
                    usage = r["errors"]
                    for f in shard_futures:
                        f.cancel()
                    break
                progress.done(r)
            if usage is None:
                settle(level, j, r)
            if level == 0 and all(x is not None for x in results):
                # While the last merges run on the workers, the client links the per-article files.
                phases["shards"] = time.monotonic()
                problems += place_articles([x for x in results if x.get("ok")], out_dir)
                phases["files"] = time.monotonic()
        if usage is not None or not alone:
            break
        j = alone.pop(0)
        fut = client.submit(run_shard, specs[j], key="newskg-extract-%d-%s-alone" % (j, specs[j]["key"][:12]),
                            retries=0)
        node_of[fut.key] = (0, j)
        pending = as_completed([fut])
    if usage is not None:
        for e in usage:
            print("%s: error: %s" % (PROG, e), file=sys.stderr)
        return 2

    for i, r in enumerate(results):
        problems += r.get("errors", [])
        if not r.get("ok") and not r.get("errors"):
            problems.append("shard %d (%s) failed" % (i + 1, describe(specs[i]["items"])))
    warnings = [w for r in results for w in r.get("warnings", [])]
    done = [r for r in results if r.get("ok")]
    articles = sum(r["articles"] for r in done)

    # The merged graph: the root merge of the tree, or the one shard's own.
    merged_ok = False
    if top > 0:
        merged_ok = bool(root_result and root_result.get("ok"))
        if not merged_ok and not (root_result and root_result.get("errors")):
            problems.append("no shard was extracted: no merged graph written")
    elif done:
        merged_ok = True
        for f in formats:
            name = "merged." + FORMATS[f]
            try:
                link_atomically(os.path.join(done[0]["out"], name), os.path.join(out_dir, name))
            except OSError as e:
                merged_ok = False
                problems.append("%s: cannot write: %s" % (os.path.join(out_dir, name), e.strerror))
    if merged_ok and top > 0:
        rendered = []
        for f in formats:
            if f == "json":
                continue
            spec = {"format": f, "output": os.path.join(out_dir, "merged." + FORMATS[f]), "newskg": newskg,
                    "merge_args": merge_args, "render_args": render_args}
            rendered.append(client.submit(run_render, spec, root_result,
                                          key="newskg-render-%s-%s" % (f, uuid.uuid4().hex[:8])))
        for fut in rendered:
            try:
                fut.result()
            except Exception as e:
                problems.append(str(e))
        if "json" not in formats:
            try:
                os.unlink(os.path.join(out_dir, "merged.json"))
            except OSError:
                pass
    phases["merge"] = time.monotonic()

    if merged_ok and "--push" in values:
        pushed = {"graph": os.path.join(out_dir, "merged.json")} if top > 0 else {"graph": done[0]["graph"]}
        nq = os.path.join(out_dir, "merged.nq") if "nq" in formats else os.path.join(ck, "push-%s.nq" % uuid.uuid4().hex[:8])
        pushes = [client.submit(run_push, {"endpoint": e, "nq": nq, "newskg": newskg, "merge_args": merge_args,
                                           "push_args": push_args}, pushed, pure=False)
                  for e in values["--push"]]
        for fut in pushes:
            p = fut.result()
            for line in p["stderr"].splitlines():
                print(line.replace("newskg:", "%s: push to %s:" % (PROG, p["endpoint"]), 1), file=sys.stderr)
            if p["status"] != 0:
                problems.append("push to %s failed (exit status %d)" % (p["endpoint"], p["status"]))
        if not nq.startswith(out_dir + os.sep + "merged"):
            try:
                os.unlink(nq)
            except OSError:
                pass
    shutil.rmtree(os.path.join(ck, "tmp"), ignore_errors=True)

    for w in warnings:
        print("%s: warning: %s" % (PROG, w), file=sys.stderr)
    for p in problems:
        print("%s: error: %s" % (PROG, p), file=sys.stderr)
    phases["end"] = time.monotonic()
    cached = sum(1 for r in done if r.get("cached"))
    t = {k: phases[k] - phases["start"] for k in phases}
    summary = ("%s: %d article(s) extracted in %d shard(s)%s, %.1f s (cluster %.1f s, listing %.1f s, shards %.1f s, "
               "files %.1f s, merge after the last shard %.1f s)") % (
        PROG, articles, len(specs), " (%d done before, from checkpoints)" % cached if cached else "", t["end"],
        t["cluster"], t["plan"] - t["cluster"], t["shards"] - t["plan"], t["files"] - t["shards"],
        t["merge"] - t["files"])
    if "--stats" in values:
        import resource
        merges = []
        if root_result and root_result.get("ok"):
            merges = root_result.get("merges", [])
        stats = {"articles": articles, "shards": len(specs), "workers": workers_of(client),
                 "phases_s": {k: round(v, 3) for k, v in t.items()},
                 "client_maxrss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                 "shard_runs": [{"index": r.get("index"), "units": r.get("units"), "articles": r.get("articles"),
                                 "cached": r.get("cached"), "usage": r.get("usage")} for r in results],
                 "merge_runs": merges}
        try:
            _write_atomically(os.path.abspath(values["--stats"][-1]), json.dumps(stats, indent=1).encode("utf-8"))
        except OSError as e:
            problems.append("%s: cannot write: %s" % (values["--stats"][-1], e.strerror))
    if problems:
        print("%s: %d problem(s); %d article(s) extracted" % (PROG, len(problems), articles), file=sys.stderr)
        return 1
    if "--quiet" not in flags:
        print(summary, file=sys.stderr)
    return 0


def describe(items):
    first, last = items[0], items[-1]
    def one(it, end):
        if it["kind"] == "feed":
            return "%s:%d" % (it["display"], it["last"] if end else it["first"])
        return it["display"]
    return one(first, False) if len(items) == 1 and first["kind"] == "file" else "%s … %s" % (one(first, False), one(last, True))


def main(argv):
    try:
        parsed = parse_args(argv)
        if parsed is None:
            sys.stdout.write(HELP)
            return 0
        return extract(*parsed)
    except UsageError as e:
        print("%s: %s" % (PROG, e), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("%s: interrupted; a rerun continues from the checkpoints" % PROG, file=sys.stderr)
        return 130
    except OSError as e:
        print("%s: error: %s: %s" % (PROG, e.filename or "", e.strerror or e), file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
