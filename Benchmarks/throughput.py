#!/usr/bin/env python3
"""Throughput of glossa commands next to their anchors, measured in the same run on the same file.

Usage: python3 Benchmarks/throughput.py [--runs 5] [--glossa .build/release/glossa] [--data FILE.xz]

Each row: median wall time of N runs over the whole file, and MB/s (10^6 bytes of input per second).
glossa rows time the whole process (start-up, reading, writing to /dev/null); anchor rows time only the
library call in an already running Python (PyICU, blingfire), so the comparison favours the anchors.
Anchors are skipped when their Python package is missing (pip install PyICU blingfire).
"""
import argparse
import lzma
import os
import statistics
import subprocess
import sys
import tempfile
import time


def median_time(fn, runs):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(here)
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--glossa", default=os.path.join(root, ".build/release/glossa"))
    parser.add_argument("--data", default=os.path.join(root, "../shared/data/de-news.txt.xz"))
    args = parser.parse_args()

    raw = lzma.open(args.data).read()
    text = raw.decode("utf-8")
    size = len(raw) / 1e6
    tmp = tempfile.NamedTemporaryFile(suffix=".txt", delete=False)
    tmp.write(raw)
    tmp.close()
    lines = text.split("\n")
    rows = []

    def glossa(*command):
        def run():
            with open(tmp.name, "rb") as f, open(os.devnull, "wb") as null:
                subprocess.run([args.glossa, *command, tmp.name], stdout=null, check=True)
        return run

    rows.append(("glossa segment --lang de", median_time(glossa("segment", "--lang", "de"), args.runs)))
    rows.append(("glossa tokenize --lang de", median_time(glossa("tokenize", "--lang", "de"), args.runs)))
    rows.append(("glossa normalize (NFC)", median_time(glossa("normalize"), args.runs)))
    rows.append(("glossa normalize --punctuation", median_time(glossa("normalize", "--punctuation"), args.runs)))

    try:
        import icu

        locale = icu.Locale("de")

        def icu_sentences():
            it = icu.BreakIterator.createSentenceInstance(locale)
            for line in lines:
                it.setText(line)
                for _ in it:
                    pass

        def icu_words():
            it = icu.BreakIterator.createWordInstance(locale)
            for line in lines:
                it.setText(line)
                for _ in it:
                    pass

        nfc = icu.Normalizer2.getNFCInstance()

        def icu_nfc():
            for line in lines:
                nfc.normalize(line)

        rows.append(("PyICU sentence BreakIterator (anchor)", median_time(icu_sentences, args.runs)))
        rows.append(("PyICU word BreakIterator (anchor)", median_time(icu_words, args.runs)))
        rows.append(("PyICU Normalizer2 NFC (anchor)", median_time(icu_nfc, args.runs)))
    except ImportError:
        print("PyICU not installed: ICU anchors skipped", file=sys.stderr)
    try:
        import blingfire

        def bling():
            for line in lines:
                blingfire.text_to_sentences(line)

        rows.append(("blingfire text_to_sentences (anchor)", median_time(bling, args.runs)))
    except ImportError:
        print("blingfire not installed: anchor skipped", file=sys.stderr)

    os.unlink(tmp.name)
    print(f"input: {args.data}, {size:.2f} MB, {len(lines)} lines; median of {args.runs} runs")
    print(f"{'task':45} {'seconds':>8} {'MB/s':>8}")
    for name, seconds in rows:
        print(f"{name:45} {seconds:8.3f} {size / seconds:8.1f}")


if __name__ == "__main__":
    main()
