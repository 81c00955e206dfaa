#!/usr/bin/env python3
"""Ripple's benchmark: one command, release build, prints every figure and ratio.

  python3 bench/bench.py            # full: 10,000-chapter guide and the 50,000-participant program
  python3 bench/bench.py --quick    # smoke: 60 chapters and 200 participants (run by the test suite)

Environment: RIPPLE_BIN=path uses that ripple binary instead of building a release one.
(a) times `ripple build` on a generated 10,000-chapter guide (median of runs: wall, CPU, peak RSS), the floor
    (cmark alone on the same bytes in one process + copying the output tree) and Hugo with a minimal layout
    (into an empty folder, and again into its last output: each tool is also compared with the other as it
    runs); once, the same guide with the guide downloads (EPUB and print edition) on, as a site has by default;
    then the first `ripple build --incremental` (no cache, as `ripple serve` starts) and
    the one after editing one chapter's text, and the same rebuild inside `ripple serve`
    (state kept in memory; the "Rebuilt in N ms" line);
(s) times, on a copy of the sample site under `ripple serve`, a saved chapter until the reload event on
    `/__ripple/events` (this includes the file watcher's 100 ms settling after the kernel reports the save);
(b) times `ripple build` of a large program (sample-data, 50,000 participants, ~1,000,000 sessions) with a
    100-chapter guide, with the data-load and metrics stage figures;
(c) reads that program from CSV, from one .xlsx workbook, from a SQLite file and (when scripts/postgres.sh
    runs the test server on 127.0.0.1:54329) from PostgreSQL: the load + data stages of `ripple build`.
"""
import argparse
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def run(cmd, cwd=None, stdin=None, stdout=subprocess.DEVNULL):
    """Runs a command; returns (wall seconds, cpu seconds, peak RSS in MB, captured stdout)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdin=stdin, stdout=subprocess.PIPE if stdout is None else stdout,
                            stderr=subprocess.PIPE, shell=isinstance(cmd, str))
    out = proc.stdout.read().decode() if stdout is None else ""
    err = proc.stderr.read().decode()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if status != 0:
        sys.exit(f"benchmark command failed: {cmd}\n{err[-3000:]}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, out + err


def median_run(cmd, runs, cwd=None, before=None):
    results = []
    for _ in range(runs):
        if before:
            before()
        # Each timed run starts with no dirty pages: otherwise the writeback of the last run's hundreds of
        # megabytes lands in this one's time (the same binary's build varied 3.5-4.2 s, the copy 0.4-2.6 s).
        os.sync()
        results.append(run(cmd, cwd=cwd, stdout=None))
    walls = [r[0] for r in results]
    i = walls.index(statistics.median_low(walls))
    return results[i]


def edit_chapter(site, n):
    """Changes one chapter's text in its middle (not the title or the summary's first paragraph)."""
    guide = os.path.join(site, "content/guide")
    name = sorted(f for f in os.listdir(guide) if f.endswith(".md"))[len(os.listdir(guide)) // 2]
    path = os.path.join(guide, name)
    with open(path, encoding="utf-8") as f:
        text = f.read()
    text = re.sub(r"\n\nEdit \d+ for the benchmark\.", "", text)
    marker = "\n\n## "
    cut = text.find(marker, text.find(marker) + 1)
    cut = cut if cut > 0 else len(text)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text[:cut] + f"\n\nEdit {n} for the benchmark." + text[cut:])


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Serve:
    """`ripple serve` in the background: its output lines, and the reload events of `/__ripple/events`."""

    def __init__(self, ripple, site):
        self.port = free_port()
        self.proc = subprocess.Popen([ripple, "serve", "--source", site, "--port", str(self.port)],
                                     stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, bufsize=1)
        self.lines, self.events = [], []
        self.ready = threading.Event()
        threading.Thread(target=self._read, daemon=True).start()
        if not self.ready.wait(600):
            self.stop()
            sys.exit("ripple serve did not start:\n" + "\n".join(self.lines[-20:]))
        threading.Thread(target=self._listen, daemon=True).start()
        time.sleep(0.5)

    def _read(self):
        for line in self.proc.stdout:
            self.lines.append((time.perf_counter(), line.rstrip()))
            if line.startswith("Serving"):
                self.ready.set()

    def _listen(self):
        with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/__ripple/events", timeout=600) as stream:
            for raw in stream:
                line = raw.decode().strip()
                if line.startswith("data:"):
                    try:
                        status = json.loads(line[5:])
                    except ValueError:
                        continue
                    self.events.append((time.perf_counter(), status.get("state"), status.get("version")))

    def save_to_reload(self, edit, timeout=60):
        """Seconds from `edit()` writing a file to the next status event, and the server's rebuild time in ms."""
        seen, lines = len(self.events), len(self.lines)
        start = time.perf_counter()
        edit()
        while len(self.events) <= seen:
            if time.perf_counter() - start > timeout:
                self.stop()
                sys.exit("no reload event after a save:\n" + "\n".join(l for _, l in self.lines[-20:]))
            time.sleep(0.002)
        at, state, _ = self.events[seen]
        if state == "failed":
            self.stop()
            sys.exit("the rebuild after a save failed:\n" + "\n".join(l for _, l in self.lines[-20:]))
        time.sleep(0.05)
        rebuilt = [int(m.group(1)) for _, l in self.lines[lines:] for m in [re.search(r"Rebuilt in (\d+) ms", l)] if m]
        return at - start, (rebuilt[-1] if rebuilt else None)

    def stop(self):
        self.proc.terminate()  # Ctrl-C lets a rebuild in progress finish first
        try:
            self.proc.wait(60)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


def fmt(seconds):
    return f"{seconds:.2f} s"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="smoke mode: 60 chapters, 200 participants, 1 run")
    parser.add_argument("--runs", type=int, default=None, help="runs per measurement (default 3, quick 1)")
    parser.add_argument("--work", default=os.path.join(HERE, "work"), help="scratch folder (git-ignored)")
    args = parser.parse_args()
    chapters = 60 if args.quick else 10_000
    participants = 200 if args.quick else 50_000
    runs = args.runs or (1 if args.quick else 3)
    started = time.monotonic()
    work = os.path.abspath(args.work)
    if not args.quick:
        # The full benchmark is read side by side with Hugo and the cmark floor: without them its ratios are
        # missing, so install them (Debian) and stop if that fails rather than print a partial table.
        subprocess.run(["bash", os.path.join(ROOT, "scripts", "ensure-packages.sh"), "hugo", "cmark"], check=True)
        for tool in ("hugo", "cmark"):
            if not shutil.which(tool):
                sys.exit(f"bench: {tool} is needed for the full benchmark's comparison; install it (apt-get install {tool})")
    ripple = os.environ.get("RIPPLE_BIN")
    if not ripple:
        subprocess.run(["swift", "build", "-c", "release", "--product", "ripple"], cwd=ROOT, check=True,
                       stdout=subprocess.DEVNULL)
        ripple = os.path.join(ROOT, ".build", "release", "ripple")

    guide_site = os.path.join(work, f"guide-{chapters}")
    hugo_site = os.path.join(work, f"hugo-{chapters}")
    if not os.path.exists(os.path.join(guide_site, "ripple.yaml")):
        shutil.rmtree(guide_site, ignore_errors=True)
        shutil.rmtree(hugo_site, ignore_errors=True)
        subprocess.run([sys.executable, os.path.join(HERE, "gen_guide.py"), str(chapters), guide_site, hugo_site],
                       check=True)
    md_bytes = sum(os.path.getsize(os.path.join(guide_site, "content/guide", f))
                   for f in os.listdir(os.path.join(guide_site, "content/guide")))
    out = os.path.join(work, "out-guide")
    rows = []

    # (a) the guide
    wall, cpu, rss, log = median_run([ripple, "build", "--source", guide_site, "--output", out, "--verbose"], runs)
    stages = re.search(r"Stages: (.*)", log)
    html_bytes = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(out) for f in fs if f.endswith(".html"))
    rows.append(("(a) ripple build", wall, cpu, rss))
    # The same build into an empty folder: every file is created (a rebuild leaves files whose bytes are unchanged).
    cold = os.path.join(work, "out-guide-cold")
    cold_wall, cold_cpu, cold_rss, _ = median_run([ripple, "build", "--source", guide_site, "--output", cold], runs,
                                                  before=lambda: shutil.rmtree(cold, ignore_errors=True))
    rows.append(("(a) ripple build, empty output", cold_wall, cold_cpu, cold_rss))
    cmark = shutil.which("cmark")
    floor = None
    if cmark:
        guide_dir = os.path.join(guide_site, "content/guide")
        cw, cc, cr, _ = median_run(f"cd {guide_dir} && cat *.md | {cmark} > /dev/null", runs)
        copy = os.path.join(work, "copy")
        pw, pc, pr, _ = median_run(["cp", "-r", out, copy], runs, before=lambda: shutil.rmtree(copy, ignore_errors=True))
        floor = cw + pw
        rows.append(("(a) floor: cmark alone", cw, cc, cr))
        rows.append(("(a) floor: copy output tree", pw, pc, pr))
    # (a) with the guide downloads on (the default; Hugo makes no EPUB, so this is not compared): one run, since
    # it takes three times as long.
    downloads_site = guide_site + "-downloads"
    if not os.path.exists(os.path.join(downloads_site, "ripple.yaml")):
        shutil.rmtree(downloads_site, ignore_errors=True)
        shutil.copytree(os.path.join(guide_site, "content"), os.path.join(downloads_site, "content"))
        with open(os.path.join(guide_site, "ripple.yaml")) as source, open(os.path.join(downloads_site, "ripple.yaml"), "w") as target:
            target.write(source.read().replace("downloads: false", "downloads: true"))
    dw, dc, dr, dlog = median_run([ripple, "build", "--source", downloads_site, "--output", out + "-downloads", "--verbose"], 1)
    rows.append(("(a) with guide downloads, 1 run", dw, dc, dr))
    dstages = re.search(r"Stages: (.*)", dlog)
    # (a) incremental: a warm `--incremental` build, then the rebuild after editing one chapter's text
    inc_out = os.path.join(work, "out-guide-incremental")
    shutil.rmtree(inc_out, ignore_errors=True)
    shutil.rmtree(os.path.join(guide_site, ".ripple-cache"), ignore_errors=True)
    # The first `--incremental` build (no cache, empty output) is also what `ripple serve` starts with: one run.
    os.sync()
    rows.append(("(a) incremental: first build, 1 run",
                 *run([ripple, "build", "--incremental", "--source", guide_site, "--output", inc_out])[:3]))
    edits = iter(range(1, 1000))
    iw, ic, ir, ilog = median_run([ripple, "build", "--incremental", "--source", guide_site, "--output", inc_out, "--verbose"],
                                  runs, before=lambda: edit_chapter(guide_site, next(edits)))
    rows.append(("(a) incremental: edit one chapter", iw, ic, ir))
    istages = re.search(r"Stages: (.*)", ilog)
    serve = Serve(ripple, guide_site)
    serve_ms = []
    try:
        for _ in range(runs):
            n = next(edits)
            _, ms = serve.save_to_reload(lambda: edit_chapter(guide_site, n))
            if ms is not None:
                serve_ms.append(ms)
    finally:
        serve.stop()
    # (s) the sample site under `ripple serve`: save → reload event
    sample = os.path.join(work, "sample-site")
    shutil.rmtree(sample, ignore_errors=True)
    os.makedirs(sample)
    for item in ("ripple.yaml", "content", "templates"):
        (shutil.copytree if os.path.isdir(os.path.join(ROOT, item)) else shutil.copy)(os.path.join(ROOT, item), os.path.join(sample, item))
    serve = Serve(ripple, sample)
    reloads = []
    try:
        for _ in range(max(runs, 3)):
            n = next(edits)
            reloads.append(serve.save_to_reload(lambda: edit_chapter(sample, n)))
    finally:
        serve.stop()

    hugo = shutil.which("hugo")
    hugo_wall = None
    if hugo:
        hugo_out = os.path.join(work, "out-hugo")
        hw, hc, hr, _ = median_run([hugo, "--quiet", "-s", hugo_site, "-d", hugo_out], runs,
                                   before=lambda: shutil.rmtree(hugo_out, ignore_errors=True))
        hugo_wall = hw
        rows.append(("(a) hugo (minimal layout)", hw, hc, hr))
        # Hugo again over its last output, as `ripple build` runs: Hugo writes every file again.
        rw, rc, rr, _ = median_run([hugo, "--quiet", "-s", hugo_site, "-d", hugo_out], runs)
        hugo_rebuild_wall = rw
        rows.append(("(a) hugo, into its last output", rw, rc, rr))

    # (b) the large program
    program_site = os.path.join(work, f"program-{participants}")
    if not os.path.exists(os.path.join(program_site, "ripple.yaml")):
        shutil.rmtree(program_site, ignore_errors=True)
        subprocess.run([sys.executable, os.path.join(HERE, "gen_guide.py"), "100", program_site], check=True)
        run([ripple, "sample-data", "--out", os.path.join(program_site, "content/data"),
             "--participants", str(participants)])
    data_dir = os.path.join(program_site, "content/data")
    data_bytes = sum(os.path.getsize(os.path.join(data_dir, f)) for f in os.listdir(data_dir))
    data_rows = sum(sum(1 for _ in open(os.path.join(data_dir, f), "rb")) - 1 for f in os.listdir(data_dir))
    sessions = sum(1 for _ in open(os.path.join(data_dir, "sessions.csv"), "rb")) - 1
    pout = os.path.join(work, "out-program")
    bw, bc, br, blog = median_run([ripple, "build", "--source", program_site, "--output", pout, "--verbose"], runs)
    rows.append(("(b) ripple build, large program", bw, bc, br))
    pstages = re.search(r"Stages: (.*)", blog)
    stage_ms = dict((k, int(v)) for k, v in re.findall(r"(\w+) (\d+) ms", pstages.group(1))) if pstages else {}

    sources = data_sources(ripple, work, participants, runs)

    print(f"\nRipple benchmark ({'quick' if args.quick else 'full'}; median of {runs} run(s); {os.cpu_count()} cores)")
    print(f"(a) {chapters} chapters, {md_bytes / 1e6:.1f} MB of Markdown → {html_bytes / 1e6:.1f} MB of HTML")
    print(f"(b) {participants} participants, {sessions} sessions, {data_rows} data rows, {data_bytes / 1e6:.1f} MB of CSV\n")
    print(f"{'measurement':34} {'wall':>9} {'cpu':>9} {'peak RSS':>10}")
    for name, w, c, r in rows:
        print(f"{name:34} {fmt(w):>9} {fmt(c):>9} {r:>7.0f} MB")
    print()
    if stages:
        print(f"(a) ripple stages: {stages.group(1)}")
    if dstages:
        print(f"(a) with guide downloads (EPUB and print edition, no PDF), stages: {dstages.group(1)}")
    if istages:
        print(f"(a) incremental stages: {istages.group(1)}")
    print(f"(a) `build --incremental` in a new process / full (wall): {iw / rows[0][1] * 100:.1f} %  (target < 10 %)")
    if serve_ms:
        serve_median = statistics.median(serve_ms)
        print(f"(a) serve rebuild after editing one chapter (in memory): median {serve_median:.0f} ms, "
              f"{serve_median / 10 / rows[0][1]:.1f} % of a full build (target < 5 %, < 300 ms; "
              f"runs: {', '.join(map(str, serve_ms))})")
    walls = sorted(w for w, _ in reloads)
    print(f"(s) sample site, save → reload event: median {statistics.median(walls) * 1000:.0f} ms, "
          f"max {walls[-1] * 1000:.0f} ms (target < 1 s; includes 100 ms settling); "
          f"rebuild {statistics.median([m for _, m in reloads if m is not None] or [0]):.0f} ms")
    if pstages:
        print(f"(b) ripple stages: {pstages.group(1)}")
    if "data" in stage_ms:
        print(f"(b) data load + validation: {stage_ms['data']} ms, "
              f"{data_rows / max(stage_ms['data'], 1) * 1000:,.0f} rows/s")
    if "metrics" in stage_ms:
        print(f"(b) metrics, every period: {stage_ms['metrics']} ms")
    print(f"(b) peak RSS / CSV size: {br * 1024 * 1024 / data_bytes:.2f}×")
    if sources:
        csv_ms, csv_wall = sources[0][1], sources[0][2]
        print("(c) data sources, load + data stages: " + ", ".join(
            f"{name} {ms} ms ({ms / max(csv_ms, 1):.2f}× CSV)" for name, ms, _ in sources)
            + " (target: PostgreSQL < 2× CSV)")
        print("(c) data sources, whole build (wall): " + ", ".join(
            f"{name} {fmt(wall)} ({wall / csv_wall:.2f}×)" for name, _, wall in sources))
    a_wall = rows[0][1]
    if hugo_wall:
        print(f"ratio Ripple/Hugo (wall): {a_wall / hugo_wall:.2f}  (target ≤ 0.5); both into their last output: "
              f"{a_wall / hugo_rebuild_wall:.2f}; both into an empty folder: {cold_wall / hugo_wall:.2f}")
    if floor:
        print(f"ratio Ripple/floor (wall): {a_wall / floor:.2f}  (target ≤ 2)")
    print(f"(a) peak memory: {rows[0][3]:.0f} MB (target < 400 MB); (b) wall {bw:.2f} s (target < 4 s), "
          f"peak {br:.0f} MB (target < 1024 MB)")
    # Issue #17's two targets, on the lines the results quote.
    print(f"TARGET incremental: `ripple build --incremental` after editing one chapter, new process: "
          f"{iw:.2f} s = {iw / rows[0][1] * 100:.1f} % of a full build ({rows[0][1]:.2f} s); target < 10 %")
    if hugo_wall:
        print(f"TARGET like-for-like: Ripple/Hugo, downloads off, both into their last output: "
              f"{a_wall / hugo_rebuild_wall:.2f} ({a_wall:.2f} s / {hugo_rebuild_wall:.2f} s); target <= 0.3; "
              f"Ripple peak {rows[0][3]:.0f} MB, target <= 400 MB")
    print(f"benchmark time: {(time.monotonic() - started) / 60:.1f} min (target < 10 min)")


def data_sources(ripple, work, participants, runs):
    """(c): the (b) program from each source; [(name, load + data ms, build wall s)], CSV first."""
    results = []

    def measure(name, site, data_yaml=""):
        with open(os.path.join(site, "ripple.yaml"), "w") as f:
            f.write("title: Sources\nguide:\n  pdf: never\n" + data_yaml)
        os.makedirs(os.path.join(site, "content"), exist_ok=True)
        with open(os.path.join(site, "content", "index.md"), "w") as f:
            f.write("---\ntitle: Home\n---\n# Home\n")
        wall, _, _, log = median_run([ripple, "build", "--source", site, "--output", os.path.join(site, "public"),
                                      "--verbose", "--no-link-check"], runs)
        ms = dict((k, int(v)) for k, v in re.findall(r"(\w+) (\d+) ms", re.search(r"Stages: (.*)", log).group(1)))
        results.append((name, ms.get("load", 0) + ms.get("data", 0), wall))

    base = os.path.join(work, f"sources-{participants}")
    for form in ["csv", "xlsx", "sqlite"]:
        site = os.path.join(base, form)
        data = os.path.join(site, "content", "data") if form != "sqlite" else site
        if not os.path.exists(os.path.join(site, "ripple.yaml")):
            shutil.rmtree(site, ignore_errors=True)
            run([ripple, "sample-data", "--out", data, "--participants", str(participants), "--format", form])
        measure({"csv": "CSV", "xlsx": "xlsx", "sqlite": "SQLite"}[form], site,
                "data:\n  source: sqlite:program.db\n" if form == "sqlite" else "")
    admin = "postgresql://ripple_admin:ripple-admin-only@127.0.0.1:54329/ripple_test"
    if shutil.which("psql") and subprocess.run(["pg_isready", "-q", "-h", "127.0.0.1", "-p", "54329"]).returncode == 0:
        schema = f"bench_{participants}"
        site = os.path.join(base, "postgres")
        csv_folder = os.path.join(base, "csv", "content", "data")
        tables = ["participants", "cohorts", "pairs", "sessions", "goals", "feedback", "trainings"]
        script = f"drop schema if exists {schema} cascade; create schema {schema}; grant usage on schema {schema} to ripple_reader;\n"
        for table in tables:
            header = open(os.path.join(csv_folder, table + ".csv"), encoding="utf-8").readline().strip().split(",")
            script += f"create table {schema}.{table} ({', '.join(c + ' text' for c in header)});\n"
            script += f"\\copy {schema}.{table} from '{csv_folder}/{table}.csv' with (format csv, header true)\n"
        script += f"grant select on all tables in schema {schema} to ripple_reader;\n"
        subprocess.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", admin], input=script.encode(), check=True,
                       stdout=subprocess.DEVNULL)
        os.makedirs(site, exist_ok=True)
        passfile = os.path.join(site, "pgpass")
        with open(passfile, "w") as f:
            f.write("127.0.0.1:54329:ripple_test:ripple_reader:ripple-test\n")
        os.chmod(passfile, 0o600)
        queries = "".join(f"    {t}: \"select * from {schema}.{t}\"\n" for t in tables)
        measure("PostgreSQL", site, f"data:\n  source: postgres://ripple_reader@127.0.0.1:54329/ripple_test?passfile={passfile}\n"
                f"  tls: disable\n  queries:\n{queries}")
    return results


if __name__ == "__main__":
    main()
