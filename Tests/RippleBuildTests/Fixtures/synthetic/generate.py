#!/usr/bin/env python3
"""Writes the synthetic books that ImportedBookFixtureTests and tests/browser/test_imported_chapter.py import:
mdbook/ (an mdBook of 6 parts and 110+ chapters) and hugo/ (a Hugo docs section). Deterministic; run it from
this folder after changing it and commit what it writes: python3 generate.py"""
import pathlib, shutil, struct, zlib

HERE = pathlib.Path(__file__).resolve().parent
PARTS = ["Getting started", "Finding a match", "The first meeting", "Goals and plans", "Keeping momentum", "Closing well"]
CHAPTERS_PER_PART = 18


def write(path, text):
    path = HERE / path
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def png():
    raw = b"".join(b"\x00" + b"\x40\x80\xc0" * 4 for _ in range(4))
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 4, 4, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


SVG = ('<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40" viewBox="0 0 120 40">'
       '<rect width="120" height="40" fill="#2a6f97"/></svg>\n')


def chapter(p, c, name, next_name):
    n = f"{p + 1}.{c + 1}"
    kind = c % 6
    text = f"<!-- chapter {n} -- written for the import test -->\n<a id=\"top-{p}-{c}\"></a>\n\n"
    text += f"## {PARTS[p]}: step {c + 1} {{#step-{p}-{c}}}\n\n" if kind == 1 else f"# {PARTS[p]}: step {c + 1}\n\n"
    text += f"Mentors and mentees work through step {n} together.[^why] See [the next step]({next_name}.html) " \
            f"or [the start of this step](#top-{p}-{c}).\n\n"
    text += "> [!NOTE]\n> Agree on a meeting rhythm before the first session.\n\n"
    text += "| Role | Does | Pipe |\n|:-----|:----:|-----:|\n| Mentor | listens | `a \\| b` |\n" \
            "| Mentee | *asks* | x \\| y |\n\n"
    if kind == 0:
        text += "```rust,ignore\n{{#include ../listings/plan.rs:goal}}\n```\n\n"
        text += "> [!WARNING]\n> Do not skip the agreement.\n\n"
    if kind == 2:
        text += "```rust\n{{#rustdoc_include ../listings/plan.rs:2:4}}\n```\n\n{{#include ../shared/checklist.md}}\n\n"
    if kind == 3:
        text += "<details>\n<summary>Why a rhythm?</summary>\n\nA fixed rhythm keeps pairs meeting.\n\n</details>\n\n"
        text += "> [!TIP]\n> Book the next date at the end of each meeting.\n\n"
    if kind == 4:
        text += f"![Flow of a pair](../images/flow.svg)\n\n<img src=\"../images/flow.svg\" alt=\"Flow again\" width=\"120\">\n\n"
        text += "- [x] Agreement signed\n- [ ] Goals written\n\n~~Monthly~~ Fortnightly meetings work best.\n\n"
    if kind == 5:
        text += "{{#playground ../listings/plan.rs}}\n\n> [!CAUTION]\n> Keep notes private.\n\n> [!IMPORTANT]\n> Close the pair formally.\n\n"
    text += f"### Details of step {n}\n\nPress <kbd>Ctrl</kbd>+<kbd>S</kbd> to save H<sub>2</sub>O notes.\n\n"
    text += "[^why]: From the program's [handbook](https://example.org/handbook) and experience.\n"
    return text


def mdbook():
    root = HERE / "mdbook"
    shutil.rmtree(root, ignore_errors=True)
    write("mdbook/book.toml", '[book]\ntitle = "Mentoring Field Guide"\nauthors = ["Program Team"]\nsrc = "src"\n')
    write("mdbook/src/README.md", "{{#title Mentoring Field Guide}}\n# Introduction\n\nWelcome. Start with "
          "[the first step](part-1/step-01.md#getting-started-step-1).\n")
    write("mdbook/src/listings/plan.rs", "// ANCHOR: goal\nfn goal() -> &'static str {\n    \"grow\"\n}\n// ANCHOR_END: goal\n"
          "fn main() {\n    println!(\"{}\", goal());\n}\n")
    write("mdbook/src/shared/checklist.md", "Before each meeting:\n\n1. Read last time's notes.\n2. Bring one question.\n")
    write("mdbook/src/images/flow.svg", SVG)
    summary = "# Summary\n\n[Introduction](README.md)\n\n"
    for p, part in enumerate(PARTS):
        summary += f"# {part}\n\n"
        names = [f"part-{p + 1}/step-{c + 1:02d}" for c in range(CHAPTERS_PER_PART)]
        for c in range(CHAPTERS_PER_PART):
            nxt = names[c + 1] if c + 1 < CHAPTERS_PER_PART else names[0]
            indent = "    " if c % 4 == 3 else ""  # every fourth chapter nested under the one before
            summary += f"{indent}- [Step {c + 1}]({names[c]}.md)\n"
            write(f"mdbook/src/{names[c]}.md", chapter(p, c, names[c], nxt.split("/")[1]))
            if c == 5:
                summary += "    - [Not written yet]()\n"
        summary += "\n"
    summary += "---\n\n[Glossary](glossary.md)\n"
    write("mdbook/src/SUMMARY.md", summary)
    write("mdbook/src/glossary.md", "# Glossary\n\n| Term | Meaning |\n|---|---|\n| Pair | A mentor and a mentee |\n")


HUGO = {
    "_index.md": "---\ntitle: Program docs\nweight: 1\ndescription: Everything about the program.\n---\n\n"
                 "Read [installing]({{< ref \"install.md\" >}}) first.\n",
    "getting-started/_index.md": "+++\ntitle = \"Getting started\"\nweight = 2\n+++\n\nThe first steps.\n",
    "getting-started/install.md": "---\ntitle: Install the tools\nweight: 10\ndate: 2024-03-01T10:00:00Z\n"
        "aliases: [/old/install/]\nkeywords: [setup, tools]\nlinkTitle: Install\n---\n\n"
        "{{% note %}}\nYou need an account first.\n{{% /note %}}\n\n"
        "{{< highlight yaml >}}\ntitle: My program\n{{< /highlight >}}\n\n"
        "See [configuration]({{< relref \"/docs/getting-started/configure\" >}}) next.\n\n"
        "> [!IMPORTANT]\n> Keep your account private.\n",
    "getting-started/configure.md": "+++\ntitle = \"Configure\"\nweight = 20\ntags = [\"setup\"]\n"
        "[params]\nicon = \"gear\"\n+++\n\n## Options\n\n| Key | Meaning |\n|---|---|\n| `a\\|b` | either |\n\n"
        "{{< youtube abc123 >}}\n\n{{% warning %}}\nRestart after a change.\n{{% /warning %}}\n",
    "concepts/_index.md": "---\ntitle: Concepts\nweight: 3\n---\n\nHow the program thinks.\n",
    "concepts/pairs/index.md": "---\ntitle: Pairs\nweight: 1\n---\n\n![A pair](pair.png)\n\n"
        "{{< figure src=\"pair.png\" alt=\"The same pair\" caption=\"A pair at work\" >}}\n\n"
        "Pairs meet often.[^1]\n\n[^1]: Every two weeks.\n",
    "concepts/draft-ideas.md": "---\ntitle: Ideas\ndraft: true\nweight: 9\n---\n\nNot ready.\n",
    "concepts/cohorts.md": "---\ntitle: Cohorts\nweight: 2\n---\n\n<!-- TODO: more -->\n"
        "Cohorts group pairs; see [pairs]({{< ref \"pairs\" >}}).\n\n<details><summary>More</summary>\n\nDetails.\n\n</details>\n",
}


def hugo():
    shutil.rmtree(HERE / "hugo", ignore_errors=True)
    for path, text in HUGO.items():
        write("hugo/" + path, text)
    (HERE / "hugo/concepts/pairs/pair.png").write_bytes(png())


mdbook()
hugo()
