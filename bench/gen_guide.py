#!/usr/bin/env python3
"""Writes a deterministic guide of N chapters of realistic Markdown (500–1,500 words each) into a Ripple
site folder, and the same chapters into a Hugo site folder with a minimal layout, for the benchmark."""
import os
import random
import sys

WORDS = ("mentor mentee program cohort goal session listen question challenge guide feedback growth "
         "career skill team leader learning reciprocal reverse network trust agenda reflect practice "
         "organisation knowledge culture confidence conversation outcome measure support develop "
         "experience perspective insight habit plan review progress commitment curiosity").split()
TOPICS = ["Active listening", "Asking powerful questions", "Setting goals", "Giving feedback", "Building trust",
          "Reverse mentoring", "Reciprocal sessions", "Measuring progress", "Closing well", "Career conversations"]


def sentence(rng, low=6, high=18):
    words = [rng.choice(WORDS) for _ in range(rng.randint(low, high))]
    if rng.random() < 0.3:
        i = rng.randrange(len(words))
        words[i] = f"*{words[i]}*"
    if rng.random() < 0.15:
        i = rng.randrange(len(words))
        words[i] = f"**{words[i]}**"
    if rng.random() < 0.08:
        i = rng.randrange(len(words))
        words[i] = f"`{words[i]}`"
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


def paragraph(rng, links):
    parts = [sentence(rng) for _ in range(rng.randint(2, 5))]
    if links and rng.random() < 0.5:
        target, title = rng.choice(links)
        parts.append(f"See [{title.lower()}]({target}) for more.")
    if rng.random() < 0.1:
        parts.append("Read the [research summary](https://example.com/research) as well.")
    return " ".join(parts)


def chapter(rng, index, count, stem):
    title = f"{rng.choice(TOPICS)} {index + 1}"
    target_words = rng.randint(500, 1500)
    links = []
    for _ in range(3):
        j = rng.randrange(count)
        if j != index:
            links.append((f"{stem(j)}.md", f"Chapter {j + 1}"))
    body, words, section = [], 0, 0
    body.append(paragraph(rng, links))
    while words < target_words:
        section += 1
        body.append(f"## {rng.choice(TOPICS)} in practice {section}")
        for _ in range(rng.randint(1, 3)):
            body.append(paragraph(rng, links))
        kind = rng.random()
        if kind < 0.25:
            body.append("\n".join(f"- {sentence(rng, 3, 9)}" for _ in range(rng.randint(3, 6))))
        elif kind < 0.4:
            body.append("\n".join(f"{i + 1}. {sentence(rng, 3, 9)}" for i in range(rng.randint(3, 5))))
        elif kind < 0.5:
            body.append("> " + sentence(rng, 8, 20) + "\n> — a mentee")
        elif kind < 0.55:
            body.append("```\nagenda:\n  - check-in\n  - goals\n  - next steps\n```")
        if rng.random() < 0.4:
            body.append(f"### Try this {section}")
            body.append(paragraph(rng, links))
        words = sum(len(b.split()) for b in body)
    summary = sentence(rng, 8, 14)
    front = f"---\ntitle: \"{title}\"\nsummary: \"{summary}\"\nweight: {index + 1}\n---\n"
    return front + "\n\n".join(body) + "\n"


HUGO_CONFIG = """baseURL = "http://example.org/"
title = "Bench"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT"]
[markup.goldmark.renderer]
unsafe = false
"""
HUGO_SINGLE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><nav><a href="/">Home</a> <a href="/guide/">Guide</a></nav><main><h1>{{ .Title }}</h1>{{ .Content }}</main></body></html>
"""
HUGO_LIST = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><nav><a href="/">Home</a> <a href="/guide/">Guide</a></nav><main><h1>{{ .Title }}</h1></main></body></html>
"""


def main():
    count, ripple_dir = int(sys.argv[1]), sys.argv[2]
    hugo_dir = sys.argv[3] if len(sys.argv) > 3 else None
    rng = random.Random(20261129)
    width = len(str(count))
    stem = lambda j: f"{j + 1:0{width}d}-chapter-{j + 1}"
    guide = os.path.join(ripple_dir, "content", "guide")
    os.makedirs(guide, exist_ok=True)
    with open(os.path.join(ripple_dir, "ripple.yaml"), "w") as f:
        f.write("title: Benchmark\nguide:\n  title: Benchmark Guide\n  pdf: never\n")
    with open(os.path.join(ripple_dir, "content", "index.md"), "w") as f:
        f.write("# Benchmark\n\nStart with [the guide](guide/" + stem(0) + ".md).\n")
    if hugo_dir:
        os.makedirs(os.path.join(hugo_dir, "content", "guide"), exist_ok=True)
        os.makedirs(os.path.join(hugo_dir, "layouts", "_default"), exist_ok=True)
        for name, text in [("config.toml", HUGO_CONFIG), ("layouts/_default/single.html", HUGO_SINGLE),
                           ("layouts/_default/list.html", HUGO_LIST), ("layouts/index.html", HUGO_LIST)]:
            with open(os.path.join(hugo_dir, name), "w") as f:
                f.write(text)
    for i in range(count):
        text = chapter(rng, i, count, stem)
        with open(os.path.join(guide, stem(i) + ".md"), "w") as f:
            f.write(text)
        if hugo_dir:
            with open(os.path.join(hugo_dir, "content", "guide", stem(i) + ".md"), "w") as f:
                f.write(text)


if __name__ == "__main__":
    main()
