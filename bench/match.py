#!/usr/bin/env python3
"""Times `ripple match` on a program with MENTEES waiting mentees and MENTORS mentors with room.

    python3 bench/match.py                      # 5,000 x 5,000, median of 3 runs
    python3 bench/match.py --mentees 500 --mentors 500 --runs 1
    RIPPLE_BIN=.build/release/ripple python3 bench/match.py

The program is generated deterministically (seeded): 20 topics, 8 departments, 6 locations, levels 1-8,
teams of eight under a manager, mentors with capacity 1-3 and 1-4 topics of expertise, mentees wanting 1-3
topics. Nobody is paired yet, so every mentee waits and every mentor has room. Only release figures are
meaningful (without RIPPLE_BIN the script builds `swift build -c release --product ripple`).
"""
import argparse
import csv
import os
import random
import resource
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def generate(site, mentees, mentors, seed=5):
    rng = random.Random(seed)
    topics = ["leadership", "career_growth", "public_speaking", "negotiation", "product_management", "data_analysis",
              "people_management", "stakeholder_management", "writing", "finance_basics", "coaching", "strategy",
              "design_thinking", "sales", "customer_empathy", "hiring", "feedback", "time_management", "ai_tools",
              "change_management"]
    departments = ["Engineering", "Sales", "Marketing", "Finance", "People & Culture", "Operations", "Customer Success", "Legal"]
    locations = ["London", "New York", "Singapore", "Berlin", "Toronto", "Remote"]
    data = os.path.join(site, "content", "data")
    os.makedirs(data, exist_ok=True)
    with open(os.path.join(site, "ripple.yaml"), "w") as f:
        f.write("title: Matching benchmark\nprogram:\n  as_of: 2026-11-20\n")
    with open(os.path.join(site, "content", "index.md"), "w") as f:
        f.write("---\ntitle: Home\n---\nMatching benchmark.\n")
    with open(os.path.join(data, "participants.csv"), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["participant_id", "display_name", "department", "level", "level_rank", "location", "roles",
                    "joined_date", "mentor_capacity", "expertise", "wants", "manager_id", "requested_date"])
        total = mentees + mentors
        for i in range(total):
            mentor = i % 2 == 0 if i < 2 * min(mentees, mentors) else mentors > mentees
            rank = rng.randint(4, 8) if mentor else rng.randint(1, 5)
            w.writerow([f"P{i:06d}", f"Person {i}", rng.choice(departments), f"L{rank}", rank, rng.choice(locations),
                        "mentor" if mentor else "mentee", "2026-01-05", rng.randint(1, 3) if mentor else "",
                        ";".join(sorted(rng.sample(topics, rng.randint(1, 4)))) if mentor else "",
                        "" if mentor else ";".join(sorted(rng.sample(topics, rng.randint(1, 3)))),
                        f"P{(i // 8) * 8:06d}" if i % 8 else "", "" if mentor else "2026-10-01"])
    with open(os.path.join(data, "cohorts.csv"), "w") as f:
        f.write("cohort_id,name,program_type,start_date\nC1,Traditional 2026,traditional,2026-01-05\n")
    with open(os.path.join(data, "pairs.csv"), "w") as f:
        f.write("pair_id,cohort_id,mentor_id,mentee_id,start_date,status\n")
    with open(os.path.join(data, "sessions.csv"), "w") as f:
        f.write("session_id,pair_id,date,duration_min\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mentees", type=int, default=5000)
    parser.add_argument("--mentors", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--work", default=os.path.join(HERE, "work"), help="scratch folder (git-ignored)")
    args = parser.parse_args()
    ripple = os.environ.get("RIPPLE_BIN")
    if not ripple:
        subprocess.run(["swift", "build", "-c", "release", "--product", "ripple"], cwd=ROOT, check=True)
        ripple = os.path.join(ROOT, ".build", "release", "ripple")
    site = os.path.join(args.work, f"match-{args.mentees}x{args.mentors}")
    shutil.rmtree(site, ignore_errors=True)
    generate(site, args.mentees, args.mentors)
    results = []
    for _ in range(args.runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.monotonic()
        done = subprocess.run([ripple, "match", "--source", site, "--output", os.path.join(site, "private"),
                               "--site-output", os.path.join(site, "public")], capture_output=True, text=True)
        wall = time.monotonic() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if done.returncode != 0:
            sys.exit(done.stderr)
        results.append((wall, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime, after.ru_maxrss / 1024, done.stdout.strip()))
    results.sort()
    wall, cpu, rss, line = results[len(results) // 2]
    print(f"ripple match, {args.mentees} waiting mentees x {args.mentors} mentors (median of {args.runs})")
    print(f"  wall {wall:.2f} s, cpu {cpu:.2f} s, peak RSS {rss:.0f} MB (target: wall < 10 s)")
    print(f"  {line}")


if __name__ == "__main__":
    main()
