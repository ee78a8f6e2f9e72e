#!/usr/bin/env python3
"""Throughput of `glossa align` next to pyahocorasick and FlashText, with the same glossary, in one run.

Usage: python3 Benchmarks/align_throughput.py [--runs 3] [--glossa .build/release/glossa]
           [--data ../shared/data/de-news.txt.xz] [--geonames ../shared/data/geonames-cities500.tsv.xz]
           [--skip-geonames] [--jobs N]

Two glossaries: the shipped Glossaries/levant-places.tbx and the GeoNames cities500 glossary
(1.2 million terms). For each, rows give the median wall time of --runs runs over the whole file and
MB/s (10^6 input bytes per second):
- `glossa align` as a whole process (glossary loading and index building included, output to
  /dev/null), its start-up alone (the same command on empty input), and the difference: aligning only.
  Peak resident memory is that of the process.
- pyahocorasick and FlashText (pip install pyahocorasick flashtext): the automaton or keyword trie is
  built once from the same terms (build time and the Python process's peak memory growth reported
  apart), then only the matching over every line is timed, in an already running Python. These
  anchors find listed spellings only (FlashText: case-insensitive whole words; Aho-Corasick: raw
  substrings), with no keys, fuzzy matching or guards, so the comparison favours them.
"""
import argparse
import html
import lzma
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time


def median(values):
    return statistics.median(values)


def run_process(command, stdin_path):
    """Wall seconds and peak RSS (MB) of one process run."""
    with open(stdin_path, "rb") as source, open(os.devnull, "wb") as null:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdin=source, stdout=null)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
    if status != 0:
        sys.exit(f"align_throughput.py: {' '.join(command)} failed with status {status}")
    return seconds, usage.ru_maxrss / 1024


def tbx_terms(path):
    with open(path, encoding="utf-8") as f:
        return [html.unescape(t) for t in re.findall(r"<term>(.*?)</term>", f.read())]


def tsv_terms(path):
    terms = []
    with open(path, encoding="utf-8") as f:
        next(f)
        for line in f:
            fields = line.rstrip("\n").split("\t")
            if len(fields) >= 3 and fields[2]:
                terms.append(fields[2])
    return terms


def peak_rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def anchors(terms, lines, runs, rows, label):
    try:
        import ahocorasick
    except ImportError:
        print("pyahocorasick not installed: anchor skipped", file=sys.stderr)
    else:
        before = peak_rss_mb()
        start = time.perf_counter()
        automaton = ahocorasick.Automaton()
        for number, term in enumerate(terms):
            automaton.add_word(term, number)
        automaton.make_automaton()
        build = time.perf_counter() - start
        grown = peak_rss_mb() - before

        def match():
            found = 0
            for line in lines:
                for _ in automaton.iter(line):
                    found += 1
            return found

        times = []
        for _ in range(runs):
            start = time.perf_counter()
            found = match()
            times.append(time.perf_counter() - start)
        rows.append((f"pyahocorasick, {label}: build", build, None, f"+{grown:.0f} MB", ""))
        rows.append((f"pyahocorasick, {label}: match", median(times), True, "", f"{found} hits"))
        del automaton
    try:
        from flashtext import KeywordProcessor
    except ImportError:
        print("flashtext not installed: anchor skipped", file=sys.stderr)
        return
    before = peak_rss_mb()
    start = time.perf_counter()
    processor = KeywordProcessor(case_sensitive=False)
    for term in terms:
        processor.add_keyword(term)
    build = time.perf_counter() - start
    grown = peak_rss_mb() - before

    def extract():
        found = 0
        for line in lines:
            found += len(processor.extract_keywords(line))
        return found

    times = []
    for _ in range(runs):
        start = time.perf_counter()
        found = extract()
        times.append(time.perf_counter() - start)
    rows.append((f"FlashText, {label}: build", build, None, f"+{grown:.0f} MB", ""))
    rows.append((f"FlashText, {label}: extract", median(times), True, "", f"{found} hits"))


def glossa_rows(glossa, glossary, data_path, empty_path, runs, jobs, rows, label):
    command = [glossa, "align", "--lang", "de", "--glossary", glossary, "--no-progress"]
    if jobs:
        command += ["--jobs", str(jobs)]
    startup = [run_process(command, empty_path) for _ in range(runs)]
    whole = [run_process(command, data_path) for _ in range(runs)]
    start_s = median([s for s, _ in startup])
    whole_s = median([s for s, _ in whole])
    with open(data_path, "rb") as source:
        found = subprocess.run(command, stdin=source, stdout=subprocess.PIPE, check=True).stdout.count(b"\n")
    rows.append((f"glossa align, {label}: whole run", whole_s, True, f"{max(m for _, m in whole):.0f} MB", f"{found} mentions"))
    rows.append((f"glossa align, {label}: start-up (load + index)", start_s, None, f"{max(m for _, m in startup):.0f} MB", ""))
    rows.append((f"glossa align, {label}: aligning only", max(whole_s - start_s, 1e-9), True, "", ""))


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(here)
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--glossa", default=os.path.join(root, ".build/release/glossa"))
    parser.add_argument("--data", default=os.path.join(root, "../shared/data/de-news.txt.xz"))
    parser.add_argument("--geonames", default=os.path.join(root, "../shared/data/geonames-cities500.tsv.xz"))
    parser.add_argument("--skip-geonames", action="store_true")
    parser.add_argument("--jobs", type=int, default=0, help="glossa --jobs (default: all cores)")
    args = parser.parse_args()

    raw = lzma.open(args.data).read()
    size = len(raw) / 1e6
    lines = raw.decode("utf-8").split("\n")
    work = tempfile.mkdtemp(prefix="glossa-align-bench-")
    data_path = os.path.join(work, "input.txt")
    empty_path = os.path.join(work, "empty.txt")
    with open(data_path, "wb") as f:
        f.write(raw)
    open(empty_path, "wb").close()

    shipped = os.path.join(root, "Glossaries/levant-places.tbx")
    glossaries = [("levant-places.tbx", shipped, tbx_terms(shipped))]
    if not args.skip_geonames:
        geonames = os.path.join(work, "geonames.tsv")
        with open(geonames, "wb") as f:
            f.write(lzma.open(args.geonames).read())
        glossaries.append(("GeoNames cities500", geonames, tsv_terms(geonames)))

    rows = []
    for label, path, terms in glossaries:
        label = f"{label} ({len(terms):,} terms)"
        glossa_rows(args.glossa, path, data_path, empty_path, args.runs, args.jobs, rows, label)
        anchors(terms, lines, args.runs, rows, label)

    for name in os.listdir(work):
        os.unlink(os.path.join(work, name))
    os.rmdir(work)
    print(f"input: {args.data}, {size:.2f} MB, {len(lines)} lines; median of {args.runs} runs; {os.cpu_count()} cores")
    print(f"| task | seconds | MB/s | memory | found |")
    print(f"|---|---:|---:|---:|---|")
    for name, seconds, rate, memory, found in rows:
        speed = f"{size / seconds:.1f}" if rate else ""
        print(f"| {name} | {seconds:.3f} | {speed} | {memory} | {found} |")


if __name__ == "__main__":
    main()
