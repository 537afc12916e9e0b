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
import http.client
import os
import shutil
import socket
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


def hugo_build(hugo, label, site, repeat):
    output = lambda number: os.path.join(site, f"out-hugo{label}-{number}")
    wall, rss, _ = measure(lambda number: [hugo, "--quiet", "-s", os.path.join(site, "hugo"), "-d", output(number)], repeat)
    return wall, rss, count_html(output(0))


def hugo_version(hugo):
    text = subprocess.run([hugo, "version"], capture_output=True, text=True).stdout
    word = next((w for w in text.split() if w.startswith("v0.") or w.startswith("v1.")), "v?")
    return word[1:].split("-")[0].split("+")[0]


# Preview latency: the time from writing one page to its changed HTML being served.

def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Poller:
    """GETs one path on 127.0.0.1 over a kept-alive connection, reconnecting when the server
    closes it, until the body holds a marker."""

    def __init__(self, port):
        self.port = port
        self.connection = None

    def get(self, path):
        for _ in range(2):
            try:
                if self.connection is None:
                    self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=5)
                self.connection.request("GET", path, headers={"Cache-Control": "no-cache"})
                response = self.connection.getresponse()
                return response.status, response.read()
            except (OSError, http.client.HTTPException):
                if self.connection is not None:
                    self.connection.close()
                self.connection = None
        return None, b""

    def wait_for(self, path, marker, timeout, interval=0.002):
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            status, body = self.get(path)
            if status == 200 and marker in body:
                return time.perf_counter()
            time.sleep(interval)
        return None

    def wait_without(self, path, marker, timeout, interval=0.01):
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            status, body = self.get(path)
            if status == 200 and marker not in body:
                return time.perf_counter()
            time.sleep(interval)
        return None

    def close(self):
        if self.connection is not None:
            self.connection.close()


class Edit:
    """One kind of edit the latency runs make: the file changed, how (a function of its text
    and a marker no page has yet), and a note of what it reaches."""

    def __init__(self, name, path, change):
        self.name, self.path, self.change = name, path, change


def append_to_body(text, marker):
    return text.rstrip("\n") + " " + marker + "\n"


def retitle(text, marker):
    return text.replace("title: ", f"title: {marker} ", 1)


def before_body_end(text, marker):
    # An element, not a comment: Hugo's templates drop comments.
    return text.replace("</body>", f"<p hidden>{marker}</p></body>", 1)


def preview_latency(command, site, url_path, port, edits, count, startup_timeout=300):
    """For each of `edits`, the median seconds from writing its file to `url_path` serving the
    edit, over `count` edits made in place as an editor saves; each file is put back, and
    served so, before the next kind of edit."""
    originals = {}
    for edit in edits:
        with open(edit.path, encoding="utf-8") as handle:
            originals[edit.path] = handle.read()
    log = tempfile.TemporaryFile()
    server = subprocess.Popen(command, stdout=log, stderr=log, cwd=site, start_new_session=True)
    poller = Poller(port)
    medians = {}

    def fail(message):
        log.seek(0)
        sys.exit(f"benchmark: {command[0]} {message}:\n{log.read().decode(errors='replace')[-3000:]}")

    try:
        page = originals[edits[0].path]
        first_words = page.split("---\n", 2)[-1].split()[0].encode()
        if poller.wait_for(url_path, first_words, startup_timeout, interval=0.05) is None:
            fail(f"did not serve {url_path} on port {port}")
        time.sleep(1)  # let the server settle after the first build
        for edit in edits:
            times = []
            marker = ""
            for number in range(count):
                marker = f"Edited preview marker {number} {time.time_ns()}"
                text = edit.change(originals[edit.path], marker)
                start = time.perf_counter()
                with open(edit.path, "w", encoding="utf-8") as handle:
                    handle.write(text)
                done = poller.wait_for(url_path, marker.encode(), 60)
                if done is None:
                    fail(f"never served edit {number} ({edit.name}) of {url_path}")
                times.append(done - start)
                time.sleep(0.5)  # the edits are a person's saves, not a burst
            with open(edit.path, "w", encoding="utf-8") as handle:
                handle.write(originals[edit.path])
            if poller.wait_without(url_path, marker.encode(), 60) is None:
                fail(f"never served {url_path} again after {edit.name} was put back")
            time.sleep(1)
            medians[edit.name] = statistics.median(times)
    finally:
        poller.close()
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()
        for path, text in originals.items():
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(text)
    return medians


def edited_page(site, pages):
    """The page the latency runs edit: one in the middle of the site, and its served path."""
    sections = max(1, pages // 100)
    index = pages // 2
    relative = f"s{index % sections:03d}/p{index:05d}"
    return relative + ".md", "/" + relative + ".html"


LATENCY_EDITS = ["text of a page", "title of a page", "layout of every page"]


def quorum_preview(quorum, site, pages, count):
    relative, path = edited_page(site, pages)
    port = free_port()
    # A copy of the theme, so that the layout edits never touch the repository's.
    templates = os.path.join(site, "Templates")
    if not os.path.isdir(templates):
        shutil.copytree(os.path.join(REPO, "Templates"), templates)
    page = os.path.join(site, "Content/pages", relative)
    edits = [Edit(LATENCY_EDITS[0], page, append_to_body), Edit(LATENCY_EDITS[1], page, retitle),
             Edit(LATENCY_EDITS[2], os.path.join(templates, "base.mustache"), before_body_end)]
    command = [quorum, "serve", "--content", os.path.join(site, "Content"), "--templates", templates,
               "--port", str(port), "--as-of", AS_OF]
    return preview_latency(command, site, path, port, edits, count)


def hugo_preview(hugo, site, pages, count):
    relative, path = edited_page(site, pages)
    port = free_port()
    page = os.path.join(site, "hugo/content", relative)
    edits = [Edit(LATENCY_EDITS[0], page, append_to_body), Edit(LATENCY_EDITS[1], page, retitle),
             Edit(LATENCY_EDITS[2], os.path.join(site, "hugo/layouts/_default/single.html"), before_body_end)]
    command = [hugo, "server", "-s", os.path.join(site, "hugo"), "--bind", "127.0.0.1", "--port", str(port),
               "--baseURL", f"http://127.0.0.1:{port}/", "--appendPort=false"]
    return preview_latency(command, site, path, port, edits, count)


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
    parser.add_argument("--hugo-latest", help="the newest Hugo's binary, measured beside Debian's hugo")
    parser.add_argument("--pages", default="100,1000,10000")
    parser.add_argument("--snapshots", default="12,120,1200")
    parser.add_argument("--latency-pages", default="10000", help="site sizes for the preview latency table ('' for none)")
    parser.add_argument("--edits", type=int, default=10, help="edits per preview latency measurement (the median is shown)")
    parser.add_argument("--actions", type=int, default=200)
    parser.add_argument("--papers", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--work", help="where to generate the sites (default: a temporary folder, removed)")
    args = parser.parse_args()
    page_scales = [int(x) for x in args.pages.split(",") if x]
    snapshot_scales = [int(x) for x in args.snapshots.split(",") if x]
    latency_scales = [int(x) for x in args.latency_pages.split(",") if x]
    hugos = [("hugo", hugo_version("hugo"))]
    if args.hugo_latest:
        hugos.append((args.hugo_latest, hugo_version(args.hugo_latest)))
    names = [f"Hugo {version}" for _, version in hugos]
    work = args.work or tempfile.mkdtemp(prefix="quorum-bench-")
    os.makedirs(work, exist_ok=True)
    try:
        commit = subprocess.run(["git", "-C", REPO, "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
        print(f"Quorum build benchmark: {os.cpu_count()} cores, {datetime.date.today()}, commit {commit or 'unknown'}, "
              f"median of {args.repeat} run(s), {args.actions} actions, {args.papers} papers; {', '.join(names)}")
        print()
        base_snapshots = snapshot_scales[0] if snapshot_scales else 12
        print(f"Pages ({base_snapshots} snapshots). Quorum builds the whole site; Hugo the same markdown pages with a one-line layout;")
        print("cmark-gfm and `quorum markdown --bench` render the same page bodies. Hugo/Quorum s: how many times longer Hugo takes.")
        print()
        hugo_headers = "".join(f" {name} s | {name} MB | {name}/Quorum s | Quorum/{name} MB |" for name in names)
        print(f"| pages | Quorum s | Quorum pages/s | Quorum MB |{hugo_headers} cmark-gfm s | Quorum markdown s | markdown Quorum/cmark-gfm |")
        print("|" + " ---: |" * (4 + 4 * len(hugos) + 3))
        sys.stdout.flush()
        for pages in page_scales:
            site = generate(work, pages, base_snapshots, args.actions, args.papers)
            q_wall, q_rss, q_html = quorum_build(args.quorum, site, args.repeat)
            hugo_cells = ""
            for number, (hugo, version) in enumerate(hugos):
                h_wall, h_rss, h_html = hugo_build(hugo, str(number), site, args.repeat)
                if h_html < pages:
                    sys.exit(f"benchmark: Hugo {version} wrote {h_html} pages, expected {pages}")
                hugo_cells += f" {fmt(h_wall)} | {h_rss:.0f} | {h_wall / q_wall:.2f} | {q_rss / h_rss:.2f} |"
            c_wall, _ = cmark(site, args.repeat)
            m_wall, _ = quorum_markdown(args.quorum, site, args.repeat)
            print(f"| {pages} | {fmt(q_wall)} | {q_wall and pages / q_wall:.0f} | {q_rss:.0f} |{hugo_cells} "
                  f"{fmt(c_wall, 3)} | {fmt(m_wall, 3)} | {m_wall / c_wall:.2f} |")
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
        if latency_scales:
            print()
            print(f"Preview latency: from saving a file to the changed HTML of one page served on 127.0.0.1 (polled every 2 ms),")
            print(f"median of {args.edits} edits, ms: the page's text, its title (front matter), and the layout every page has")
            print("(Quorum's base.mustache, Hugo's single.html). `quorum serve` beside `hugo server` (memory, fast render).")
            print()
            hugo_headers = "".join(f" {name} server ms | {name}/Quorum |" for name in names)
            print(f"| pages | edit | Quorum serve ms |{hugo_headers}")
            print("| ---: | --- |" + " ---: |" * (1 + 2 * len(hugos)))
            sys.stdout.flush()
            for pages in latency_scales:
                site = generate(work, pages, base_snapshots, args.actions, args.papers)
                q_latency = quorum_preview(args.quorum, site, pages, args.edits)
                h_latencies = [hugo_preview(hugo, site, pages, args.edits) for hugo, _ in hugos]
                for edit in LATENCY_EDITS:
                    hugo_cells = "".join(f" {h[edit] * 1000:.0f} | {h[edit] / q_latency[edit]:.1f} |" for h in h_latencies)
                    print(f"| {pages} | {edit} | {q_latency[edit] * 1000:.0f} |{hugo_cells}")
                sys.stdout.flush()
    finally:
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
