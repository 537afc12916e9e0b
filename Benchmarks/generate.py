#!/usr/bin/env python3
"""Writes a synthetic council for the build benchmark (Benchmarks/run), deterministically.

    generate.py OUT --pages N --snapshots M --actions K --papers P [--seed S]

OUT/Content        a Quorum content folder: N markdown pages (front matter, paragraphs,
                   lists, tables, links between pages), M monthly snapshots of 50 areas x 4
                   staff groups (figures that add up, so validation passes), an action plan
                   of K actions under 4 priorities, P committee papers with directives.
OUT/hugo           a Hugo site with the same N pages (same bytes) and a one-line layout.
OUT/bodies         the same N pages' markdown bodies (front matter removed): the input both
                   cmark-gfm and `quorum markdown --bench` render.
"""
import argparse
import datetime
import os
import random

WORDS = ("social work practice children families council service team manager support "
         "assessment review plan care placement fostering adoption recruitment retention "
         "training supervision caseload agency vacancy budget report committee board quality "
         "outcome evidence partnership safeguarding early help duty referral court child "
         "young people school health youth leaving independent reviewing officer practitioner "
         "development learning induction mentoring appraisal wellbeing workload").split()
HEADINGS = ["Background", "What we found", "What we will do", "Who is involved", "Next steps",
            "Costs and funding", "Risks", "Further reading"]
AREAS = 50
GROUPS = [("managers", "Managers"), ("social-workers", "Social workers"),
          ("family-support", "Family support workers"), ("others", "Others")]
PRIORITIES = [("recruitment-retention", "Recruitment & Retention"),
              ("learning-development", "Learning & Development"),
              ("resources-support", "Resources & Support"),
              ("models-of-practice", "Models of Practice")]
AS_OF = datetime.date(2026, 12, 31)


def sentence(rng, low=8, high=18):
    words = [rng.choice(WORDS) for _ in range(rng.randint(low, high))]
    words[0] = words[0].capitalize()
    return " ".join(words) + "."


def paragraph(rng, sentences=4):
    return " ".join(sentence(rng) for _ in range(sentences))


def page_path(index, sections):
    return f"s{index % sections:03d}/p{index:05d}"


def page_body(rng, index, count, sections):
    here = page_path(index, sections)
    out = [paragraph(rng, 5), ""]
    headings = rng.sample(HEADINGS, 4)
    for number, heading in enumerate(headings):
        out += [f"## {heading}", "", paragraph(rng, rng.randint(3, 6)), ""]
        if number == 0:
            others = [rng.randrange(count) for _ in range(3)]
            links = []
            for other in others:
                target = page_path(other, sections)
                rel = ("../" + target) if target.split("/")[0] != here.split("/")[0] else target.split("/")[1]
                links.append(f"[{sentence(rng, 2, 4)[:-1].lower()}]({rel}.html)")
            out += ["See also " + ", ".join(links) + f", and [what happens next](#{'next-steps' if 'Next steps' in headings else 'top'}).", ""]
        if number == 1:
            out += [f"- {sentence(rng, 4, 9)}" for _ in range(rng.randint(3, 6))] + [""]
        if number == 2 and index % 3 == 0:
            out += ["| Team | Posts | Vacant | Rate |", "| --- | ---: | ---: | ---: |"]
            for _ in range(rng.randint(3, 6)):
                posts = rng.randint(10, 60)
                vacant = rng.randint(0, posts // 3)
                out.append(f"| {rng.choice(WORDS).capitalize()} {rng.choice(WORDS)} | {posts} | {vacant} | {100 * vacant / posts:.1f}% |")
            out.append("")
        if number == 3:
            out += [f"Contact the **{rng.choice(WORDS)} team** or read ~~the old guidance~~ the "
                    f"guidance at https://www.gov.uk/guidance/{rng.choice(WORDS)}.", "",
                    "- [x] " + sentence(rng, 3, 6), "- [ ] " + sentence(rng, 3, 6), ""]
    if "Next steps" not in headings:
        out += ["## Next steps", "", paragraph(rng, 2), ""]
    return "\n".join(out)


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)


def pages(out, rng, count):
    sections = max(1, count // 100)
    for index in range(count):
        title = sentence(rng, 3, 6)[:-1]
        front = f"---\ntitle: \"{title}\"\ndescription: \"{sentence(rng, 8, 14)}\"\n---\n"
        body = page_body(rng, index, count, sections)
        relative = page_path(index, sections) + ".md"
        write(os.path.join(out, "Content/pages", relative), front + body)
        write(os.path.join(out, "hugo/content", relative), front + body)
        write(os.path.join(out, "bodies", relative.replace("/", "-")), body)
    write(os.path.join(out, "Content/pages/index.md"),
          "---\ntitle: Benchmark council\ndescription: A synthetic site.\n---\nA synthetic site for the build benchmark.\n")


def month_ends(count):
    dates, year, month = [], AS_OF.year, AS_OF.month
    for _ in range(count):
        next_first = datetime.date(year + (month == 12), month % 12 + 1, 1)
        dates.append(next_first - datetime.timedelta(days=1))
        month -= 1
        if month == 0:
            year, month = year - 1, 12
    return sorted(dates)


def row_figures(rng):
    """Figures in tenths, consistent: vacant = budgeted - employees."""
    budgeted = rng.randint(40, 400)
    employees = budgeted - rng.randint(0, budgeted // 4)
    agency = rng.randint(0, budgeted - employees)
    return dict(budgeted=budgeted, employees=employees, agency=agency,
                headcount=rng.randint(4, 40), starters=rng.randint(0, 30), leavers=rng.randint(0, 30),
                cases=rng.randint(50, 600), holders=rng.randint(100, 300), days=rng.randint(0, 2000))


def csv_row(area, group, f):
    vacant = f["budgeted"] - f["employees"]
    rate = 100 * vacant / f["budgeted"]
    agency_rate = 100 * f["agency"] / (f["agency"] + f["employees"])
    tenth = lambda value: f"{value / 10:.1f}"
    return ",".join([area, group, tenth(f["budgeted"]), tenth(f["employees"]), tenth(vacant), f"{rate:.1f}%",
                     tenth(f["agency"]), f"{agency_rate:.1f}%", str(f["headcount"]), tenth(f["starters"]),
                     tenth(f["leavers"]), str(f["cases"]), tenth(f["holders"]), tenth(f["days"])])


def snapshots(out, rng, count):
    areas = [(f"area-{n:02d}", f"Area {n:02d}") for n in range(1, AREAS + 1)]
    config = ["grand_total:", "  name: Children's Social Care", "  aliases: [\"Grand total\"]", "groups:"]
    for gid, name in GROUPS:
        config += [f"  - id: {gid}", f"    name: {name}"]
    config.append("areas:")
    for aid, name in areas:
        config += [f"  - id: {aid}", f"    name: {name}"]
    config += ["targets:", "  - measure: vacancy_rate", "    group: social-workers", "    label: Social worker vacancy rate",
               "    green: 15", "    amber: 25", "  - measure: agency_rate", "    label: Agency rate",
               "    green: 15", "    amber: 25"]
    write(os.path.join(out, "Content/workforce/config.yaml"), "\n".join(config) + "\n")
    keys = ["budgeted", "employees", "agency", "headcount", "starters", "leavers", "cases", "holders", "days"]
    header = ("Area,Staff group,Budgeted FTE,Employee FTE,Vacant FTE,Vacancy rate %,Agency FTE,Agency %,Headcount,"
              "Starters FTE,Leavers FTE,Cases,Case holders FTE,Days lost")
    for date in month_ends(count):
        lines, grand = [header], dict.fromkeys(keys, 0)
        for _, area in areas:
            total = dict.fromkeys(keys, 0)
            for _, group in GROUPS:
                figures = row_figures(rng)
                lines.append(csv_row(area, group, figures))
                for key in keys:
                    total[key] += figures[key]
            lines.append(csv_row(area, "Total", total))
            for key in keys:
                grand[key] += total[key]
        lines.append(csv_row("Grand total", "", grand))
        write(os.path.join(out, f"Content/workforce/snapshots/{date.isoformat()}.csv"), "\n".join(lines) + "\n")


def action_plan(out, rng, count):
    for order, (pid, title) in enumerate(PRIORITIES, 1):
        write(os.path.join(out, f"Content/priorities/{pid}.md"),
              f"---\nid: {pid}\ntitle: {title}\norder: {order}\nlead: {rng.choice(WORDS).capitalize()} Lead\n---\n"
              f"{paragraph(rng, 2)}\n")
    lines = ["---", "title: Workforce Strategy action plan", "---", "# Workforce Strategy action plan", "",
             paragraph(rng, 2), ""]
    per = [count // len(PRIORITIES) + (1 if n < count % len(PRIORITIES) else 0) for n in range(len(PRIORITIES))]
    start = datetime.date(2018, 1, 31)
    number = 0
    for (pid, title), n in zip(PRIORITIES, per):
        lines += [f"## {title}", ""]
        for _ in range(n):
            due = start + datetime.timedelta(days=7 * (number % 400))
            owner = f"{rng.choice(WORDS).capitalize()} Manager"
            name = sentence(rng, 4, 9)[:-1]
            if number % 3 == 0:
                done = due - datetime.timedelta(days=rng.randint(0, 20))
                lines.append(f"- [x] {name} {{owner: {owner}; due: {due}; completed: {done}}}")
            else:
                status = ["in progress", "not started", "blocked"][number % 3 - 1 + (number % 2)]
                lines.append(f"- [ ] {name} {{owner: {owner}; due: {due}; status: {status}}}")
            if number % 4 == 0:
                lines.append(f"  - {due - datetime.timedelta(days=10)}: {sentence(rng, 5, 12)}")
            number += 1
        lines.append("")
    write(os.path.join(out, "Content/action-plan.md"), "\n".join(lines))


def papers(out, rng, count):
    for n in range(count):
        date = AS_OF - datetime.timedelta(days=n % 28)
        text = f"""---
committee: Children and Young People Select Committee
title: "Workforce report {n + 1}"
meeting_date: {date}
item: "{n % 9 + 1}"
key_decision: no
wards: [All]
contributors:
  - name: Helen Achebe
    role: Director of Children's Social Care
class: open
recommendations:
  - Note the workforce position.
contact:
  name: Dami Okafor
  role: Head of Workforce Development
  phone: 020 7946 0321
  email: dami.okafor@example.gov.uk
---
## Summary

{paragraph(rng, 4)}

## Policy context

{paragraph(rng, 3)}

## Details

{paragraph(rng, 5)}

```quorum workforce-table
```

```quorum workforce-chart measure=vacancy_rate
```

```quorum measures
```

```quorum priorities
```

```quorum action-plan-summary
```

## Financial implications

{paragraph(rng, 2)}

## Monitoring, delivery and review

{paragraph(rng, 2)}

## Legal implications

{paragraph(rng, 2)}

## Crime and disorder implications

{paragraph(rng, 1)}

## Equalities implications

{paragraph(rng, 1)}

## Environmental implications

{paragraph(rng, 1)}
"""
        write(os.path.join(out, f"Content/papers/{date}-workforce-report-{n + 1}.md"), text)


def hugo_site(out):
    write(os.path.join(out, "hugo/hugo.toml"),
          'baseURL = "https://example.org/"\ntitle = "Benchmark"\nuglyURLs = true\n'
          'disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404", "section", "home"]\n')
    write(os.path.join(out, "hugo/layouts/_default/single.html"),
          "<!DOCTYPE html><html><head><title>{{ .Title }}</title></head><body>{{ .Content }}</body></html>\n")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--pages", type=int, default=100)
    parser.add_argument("--snapshots", type=int, default=12)
    parser.add_argument("--actions", type=int, default=200)
    parser.add_argument("--papers", type=int, default=10)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    write(os.path.join(args.out, "Content/site.yaml"),
          "title: Benchmark council\ncouncil: Benchmark Borough Council\nbase_url: https://bench.example.gov.uk\n"
          "language: en-GB\ndescription: A synthetic council for the build benchmark.\nas_of: 2026-12-31\n")
    pages(args.out, rng, args.pages)
    snapshots(args.out, rng, args.snapshots)
    action_plan(args.out, rng, args.actions)
    papers(args.out, rng, args.papers)
    hugo_site(args.out)


if __name__ == "__main__":
    main()
