#!/usr/bin/env python3
"""Ripple's benchmark: one command, release build, prints every figure and ratio.

  python3 bench/bench.py            # full: 10,000-chapter guide and the 50,000-participant program
  python3 bench/bench.py --quick    # smoke: 200 chapters and 500 participants (run by the test suite)

Environment: RIPPLE_BIN=path uses that ripple binary instead of building a release one.
(a) times `ripple build` on a generated 10,000-chapter guide (median of runs: wall, CPU, peak RSS), the floor
    (cmark alone on the same bytes in one process + copying the output tree) and Hugo with a minimal layout;
(b) times `ripple build` of a large program (sample-data, 50,000 participants, ~1,000,000 sessions) with a
    100-chapter guide, with the data-load and metrics stage figures.
"""
import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import time

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
        results.append(run(cmd, cwd=cwd, stdout=None))
    walls = [r[0] for r in results]
    i = walls.index(statistics.median_low(walls))
    return results[i]


def fmt(seconds):
    return f"{seconds:.2f} s"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="smoke mode: 200 chapters, 500 participants, 1 run")
    parser.add_argument("--runs", type=int, default=None, help="runs per measurement (default 5, quick 1)")
    parser.add_argument("--work", default=os.path.join(HERE, "work"), help="scratch folder (git-ignored)")
    args = parser.parse_args()
    chapters = 200 if args.quick else 10_000
    participants = 500 if args.quick else 50_000
    runs = args.runs or (1 if args.quick else 5)
    work = os.path.abspath(args.work)
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
    cmark = shutil.which("cmark")
    floor = None
    if cmark:
        guide_dir = os.path.join(guide_site, "content/guide")
        files = " ".join(sorted(os.listdir(guide_dir)))
        cw, cc, cr, _ = median_run(f"cd {guide_dir} && cat {files} | {cmark} > /dev/null", runs)
        copy = os.path.join(work, "copy")
        pw, pc, pr, _ = median_run(["cp", "-r", out, copy], runs, before=lambda: shutil.rmtree(copy, ignore_errors=True))
        floor = cw + pw
        rows.append(("(a) floor: cmark alone", cw, cc, cr))
        rows.append(("(a) floor: copy output tree", pw, pc, pr))
    hugo = shutil.which("hugo")
    hugo_wall = None
    if hugo:
        hugo_out = os.path.join(work, "out-hugo")
        hw, hc, hr, _ = median_run([hugo, "--quiet", "-s", hugo_site, "-d", hugo_out], runs,
                                   before=lambda: shutil.rmtree(hugo_out, ignore_errors=True))
        hugo_wall = hw
        rows.append(("(a) hugo (minimal layout)", hw, hc, hr))

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

    print(f"\nRipple benchmark ({'quick' if args.quick else 'full'}; median of {runs} run(s); {os.cpu_count()} cores)")
    print(f"(a) {chapters} chapters, {md_bytes / 1e6:.1f} MB of Markdown → {html_bytes / 1e6:.1f} MB of HTML")
    print(f"(b) {participants} participants, {sessions} sessions, {data_rows} data rows, {data_bytes / 1e6:.1f} MB of CSV\n")
    print(f"{'measurement':34} {'wall':>9} {'cpu':>9} {'peak RSS':>10}")
    for name, w, c, r in rows:
        print(f"{name:34} {fmt(w):>9} {fmt(c):>9} {r:>7.0f} MB")
    print()
    if stages:
        print(f"(a) ripple stages: {stages.group(1)}")
    if pstages:
        print(f"(b) ripple stages: {pstages.group(1)}")
    if "data" in stage_ms:
        print(f"(b) data load + validation: {stage_ms['data']} ms, "
              f"{data_rows / max(stage_ms['data'], 1) * 1000:,.0f} rows/s")
    if "metrics" in stage_ms:
        print(f"(b) metrics, every period: {stage_ms['metrics']} ms")
    print(f"(b) peak RSS / CSV size: {br * 1e6 / 1024 / 1024 * 1.048576 / data_bytes:.2f}×")
    a_wall = rows[0][1]
    if hugo_wall:
        print(f"ratio Ripple/Hugo (wall): {a_wall / hugo_wall:.2f}  (target ≤ 0.5)")
    if floor:
        print(f"ratio Ripple/floor (wall): {a_wall / floor:.2f}  (target ≤ 2)")
    print(f"(a) peak memory: {rows[0][3]:.0f} MB (target < 400 MB); (b) wall {bw:.2f} s (target < 4 s), "
          f"peak {br:.0f} MB (target < 1024 MB)")


if __name__ == "__main__":
    main()
