#!/usr/bin/env python3
"""The build benchmark's runner; start it with Benchmarks/run (which installs the tools and
builds the release binary first). Prints two markdown tables: pages (Quorum beside Hugo and
beside cmark-gfm on the same markdown) and snapshots.

Times are wall clock of the whole command (start-up, reading and writing included), the
median of --repeat runs; peak memory is /usr/bin/time's maximum resident set size of the
run with the median time.
"""
import argparse
import datetime
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
EXTENSIONS = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]
AS_OF = "2026-12-31"


def measure(command, repeat, before=None):
    """(median wall seconds, peak RSS in MB of that run, completed process). `command` may be
    a function of the run's number, for a fresh output folder each run."""
    runs = []
    for number in range(repeat):
        if before:
            before()
        if callable(command):
            command_now = command(number)
        else:
            command_now = command
        with tempfile.NamedTemporaryFile("r", suffix=".time") as rss_file:
            start = time.perf_counter()
            done = subprocess.run(["/usr/bin/time", "-f", "%M", "-o", rss_file.name] + command_now,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
            wall = time.perf_counter() - start
            lines = [line for line in rss_file.read().splitlines() if line.strip().isdigit()]
        if done.returncode != 0:
            sys.exit(f"benchmark: {' '.join(command_now[:3])} ... failed ({done.returncode}):\n{done.stderr[-3000:]}")
        runs.append((wall, int(lines[-1]) / 1024 if lines else float("nan"), done))
    runs.sort(key=lambda run: run[0])
    return runs[len(runs) // 2]


def count_html(folder):
    return sum(name.endswith(".html") for _, _, names in os.walk(folder) for name in names)


def generate(work, pages, snapshots, actions, papers):
    folder = os.path.join(work, f"p{pages}-s{snapshots}")
    if not os.path.isdir(folder):
        subprocess.run([sys.executable, os.path.join(HERE, "generate.py"), folder, "--pages", str(pages),
                        "--snapshots", str(snapshots), "--actions", str(actions), "--papers", str(papers)], check=True)
    return folder


# Every run writes into a new folder, and outputs are removed only at the end: on ext4,
# creating files right after deleting thousands is several times slower (the allocator steps
# over recently freed inodes), which would penalise whichever tool runs after a removal.
def quorum_build(quorum, site, repeat):
    output = lambda number: os.path.join(site, f"out-quorum-{number}")
    command = lambda number: [
        quorum, "build", "--content", os.path.join(site, "Content"), "--templates", os.path.join(REPO, "Templates"),
        "--output", output(number), "--summary", os.path.join(site, "quorum-build.json"), "--as-of", AS_OF, "--quiet"]
    wall, rss, _ = measure(command, repeat)
    return wall, rss, count_html(output(0))


def quorum_check(quorum, site, repeat):
    """`quorum check`: everything a build reads, 1,200 snapshots included, and nothing written."""
    command = [quorum, "check", "--content", os.path.join(site, "Content"), "--templates", os.path.join(REPO, "Templates"),
               "--as-of", AS_OF, "--quiet"]
    wall, rss, _ = measure(command, repeat)
    return wall, rss


def quorum_snapshots_check(quorum, site, repeat):
    """`quorum snapshots check` on every snapshot file: reading them alone. None when the
    binary has no such command (before it was added)."""
    # An older binary takes `snapshots` for an argument of its default command, `build`.
    usage = subprocess.run([quorum, "help", "snapshots"], capture_output=True, text=True)
    if "quorum snapshots <subcommand>" not in usage.stdout + usage.stderr:
        return None
    folder = os.path.join(site, "Content", "workforce", "snapshots")
    files = sorted(os.path.join(folder, name) for name in os.listdir(folder))
    command = [quorum, "snapshots", "check", "--content", os.path.join(site, "Content"), "--as-of", AS_OF, "--quiet"] + files
    wall, rss, _ = measure(command, repeat)
    return wall, rss


def hugo_build(site, repeat):
    output = lambda number: os.path.join(site, f"out-hugo-{number}")
    wall, rss, _ = measure(lambda number: ["hugo", "--quiet", "-s", os.path.join(site, "hugo"), "-d", output(number)], repeat)
    return wall, rss, count_html(output(0))


def bodies(site):
    folder = os.path.join(site, "bodies")
    return [os.path.join(folder, name) for name in sorted(os.listdir(folder)) if name.endswith(".md")]


def cmark(site, repeat):
    command = ["cmark-gfm"] + [arg for name in EXTENSIONS for arg in ("-e", name)] + bodies(site)
    return measure(command, repeat)[:2]


def quorum_markdown(quorum, site, repeat):
    return measure([quorum, "markdown", "--bench", os.path.join(site, "bodies")], repeat)[:2]


def fmt(value, digits=2):
    return f"{value:.{digits}f}"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--quorum", required=True, help="the quorum binary (release build)")
    parser.add_argument("--pages", default="100,1000,10000")
    parser.add_argument("--snapshots", default="12,120,1200")
    parser.add_argument("--actions", type=int, default=200)
    parser.add_argument("--papers", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--work", help="where to generate the sites (default: a temporary folder, removed)")
    args = parser.parse_args()
    page_scales = [int(x) for x in args.pages.split(",") if x]
    snapshot_scales = [int(x) for x in args.snapshots.split(",") if x]
    work = args.work or tempfile.mkdtemp(prefix="quorum-bench-")
    os.makedirs(work, exist_ok=True)
    try:
        commit = subprocess.run(["git", "-C", REPO, "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
        print(f"Quorum build benchmark: {os.cpu_count()} cores, {datetime.date.today()}, commit {commit or 'unknown'}, "
              f"median of {args.repeat} run(s), {args.actions} actions, {args.papers} papers")
        print()
        base_snapshots = snapshot_scales[0] if snapshot_scales else 12
        print(f"Pages ({base_snapshots} snapshots). Quorum builds the whole site; Hugo the same markdown pages with a one-line layout;")
        print("cmark-gfm and `quorum markdown --bench` render the same page bodies.")
        print()
        print("| pages | Quorum s | Quorum pages/s | Quorum MB | Hugo s | Hugo pages/s | Hugo MB | Quorum/Hugo pages/s | Quorum/Hugo MB "
              "| cmark-gfm s | Quorum markdown s | markdown Quorum/cmark-gfm |")
        print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
        sys.stdout.flush()
        for pages in page_scales:
            site = generate(work, pages, base_snapshots, args.actions, args.papers)
            q_wall, q_rss, q_html = quorum_build(args.quorum, site, args.repeat)
            h_wall, h_rss, h_html = hugo_build(site, args.repeat)
            if h_html < pages:
                sys.exit(f"benchmark: Hugo wrote {h_html} pages, expected {pages}")
            c_wall, _ = cmark(site, args.repeat)
            m_wall, _ = quorum_markdown(args.quorum, site, args.repeat)
            print(f"| {pages} | {fmt(q_wall)} | {q_wall and pages / q_wall:.0f} | {q_rss:.0f} | {fmt(h_wall)} | {pages / h_wall:.0f} "
                  f"| {h_rss:.0f} | {h_wall / q_wall:.2f} | {q_rss / h_rss:.2f} | {fmt(c_wall, 3)} | {fmt(m_wall, 3)} | {m_wall / c_wall:.2f} |")
            sys.stdout.flush()
        if snapshot_scales:
            base_pages = page_scales[0] if page_scales else 100
            print()
            print(f"Snapshots (50 areas x 4 staff groups each, {base_pages} pages)")
            print()
            print("| snapshots | Quorum s | Quorum MB | HTML files | check s | check MB | snapshots check s | snapshots check MB |")
            print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
            for snapshots in snapshot_scales:
                site = generate(work, base_pages, snapshots, args.actions, args.papers)
                q_wall, q_rss, q_html = quorum_build(args.quorum, site, args.repeat)
                c_wall, c_rss = quorum_check(args.quorum, site, args.repeat)
                read = quorum_snapshots_check(args.quorum, site, args.repeat)
                r_wall, r_rss = (fmt(read[0]), f"{read[1]:.0f}") if read else ("-", "-")
                print(f"| {snapshots} | {fmt(q_wall)} | {q_rss:.0f} | {q_html} | {fmt(c_wall)} | {c_rss:.0f} | {r_wall} | {r_rss} |")
                sys.stdout.flush()
    finally:
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
