#!/usr/bin/env python3
"""Glossa's stages and whole pipeline next to their anchors, measured in one run on the same input.

Usage:
  python3 Benchmarks/throughput.py [--runs 5] [--glossa .build/release/glossa] [--data FILE.xz]
      [--geo-runs 3] [--geo-sample-mb 0] [--skip-geonames] [--skip-500]

Prints one Markdown table: per task the median wall time of N runs, MB/s (10^6 input bytes per second),
peak memory, and for glossaries the load/build time; then the ratios the targets of issue 6 are stated in.

- glossa rows time the whole process (start-up, glossary or index load, reading, writing to /dev/null),
  peak memory is the child's maximum resident set size.
- anchor rows time only the library call in this already running Python (PyICU, blingfire, pySBD,
  FlashText, pyahocorasick), so the comparison favours the anchors; their memory is the growth of this
  process's resident set while the anchor's index is built.
- Glossary-match rows (FlashText, pyahocorasick, glossa align/apply with GeoNames) all run on the same
  text: the whole corpus, or its first --geo-sample-mb MB when given.
- GeoNames glossaries are compiled once with `glossa glossary compile` (its time and memory are the
  "build from TSV" row); align/apply then load the compiled index.
Anchors are skipped when their Python package is missing (pip install PyICU blingfire pysbd flashtext
pyahocorasick).
"""
import argparse
import lzma
import os
import resource
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


def rss_mib():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def run_child(command, stdin_path):
    """Runs a command with stdin from a file and stdout to /dev/null; returns (seconds, peak MiB).

    The peak is measured by /usr/bin/time (-f %M) around the command itself: the rusage of a child
    forked from this Python process would count the Python process's own memory."""
    with open(stdin_path, "rb") as f, open(os.devnull, "wb") as null:
        start = time.perf_counter()
        done = subprocess.run(["/usr/bin/time", "-f", "%M", *command], stdin=f, stdout=null, stderr=subprocess.PIPE)
        seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"failed ({done.returncode}): {' '.join(command)}\n{done.stderr.decode(errors='replace')}")
    return seconds, int(done.stderr.decode().strip().splitlines()[-1]) / 1024


def median_child(command, stdin_path, runs):
    results = [run_child(command, stdin_path) for _ in range(runs)]
    return statistics.median(r[0] for r in results), max(r[1] for r in results)


def read_glossary(path):
    """(term, concept) pairs of a concept/lang/term/status TSV."""
    pairs = []
    with open(path, encoding="utf-8") as f:
        next(f)
        for line in f:
            fields = line.rstrip("\n").split("\t")
            if len(fields) >= 3 and fields[2]:
                pairs.append((fields[2], fields[0]))
    return pairs


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(here)
    shared = os.path.join(root, "../shared")
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--geo-runs", type=int, default=3, help="runs of the GeoNames rows (slow)")
    parser.add_argument("--glossa", default=os.path.join(root, ".build/release/glossa"))
    parser.add_argument("--data", default=os.path.join(shared, "data/de-news.txt.xz"))
    parser.add_argument("--glossary", default=os.path.join(shared, "eval/terms/glossary.tsv"))
    parser.add_argument("--geo-dir", default=os.path.join(shared, "data"))
    parser.add_argument("--geo-sample-mb", type=float, default=0, help="glossary-match rows on the first N MB (0: all)")
    parser.add_argument("--skip-geonames", action="store_true")
    parser.add_argument("--skip-500", action="store_true", help="leave out the 1.2M-term glossary")
    args = parser.parse_args()

    work = tempfile.mkdtemp(prefix="glossa-bench-")
    raw = lzma.open(args.data).read()
    size = len(raw) / 1e6
    corpus = os.path.join(work, "corpus.txt")
    with open(corpus, "wb") as f:
        f.write(raw)
    lines = raw.decode("utf-8").split("\n")
    sample_raw = raw
    if args.geo_sample_mb > 0:
        cut = raw.rfind(b"\n", 0, int(args.geo_sample_mb * 1e6)) + 1
        sample_raw = raw[:cut]
    sample_size = len(sample_raw) / 1e6
    sample = os.path.join(work, "sample.txt")
    with open(sample, "wb") as f:
        f.write(sample_raw)
    sample_lines = sample_raw.decode("utf-8").split("\n")
    tiny = os.path.join(work, "tiny.txt")
    with open(tiny, "w") as f:
        f.write("Hallo\n")

    rows = []  # (group, task, seconds, MB, peak MiB or None, note)

    def add(group, task, seconds, megabytes, peak=None, note=""):
        rows.append((group, task, seconds, megabytes, peak, note))
        mbs = megabytes / seconds if megabytes and seconds else 0
        print(f"  {task}: {seconds:.3f} s, {mbs:.1f} MB/s" + (f", {peak:.0f} MiB" if peak else ""), file=sys.stderr)

    g = args.glossa
    seconds, peak = median_child(["cat", corpus], tiny, args.runs)
    add("read", "cat (anchor)", seconds, size, peak)
    for name, command in [
        ("glossa normalize (NFC)", [g, "normalize", corpus]),
        ("glossa segment --lang de", [g, "segment", "--lang", "de", corpus]),
        ("glossa tokenize --lang de", [g, "tokenize", "--lang", "de", corpus]),
    ]:
        seconds, peak = median_child(command + ["--jobs", "1"], tiny, args.runs)
        add("stages", name + " --jobs 1", seconds, size, peak)
    for jobs in ("1", "2"):
        seconds, peak = median_child([g, "align", "--glossary", args.glossary, "--lang", "de", "--jobs", jobs, corpus], tiny, args.runs)
        add("align", f"glossa align, eval glossary (147 terms) --jobs {jobs}", seconds, size, peak)
        seconds, peak = median_child([g, "apply", "--glossary", args.glossary, "--lang", "de", "--jobs", jobs, corpus], tiny, args.runs)
        add("align", f"glossa apply, eval glossary (147 terms) --jobs {jobs}", seconds, size, peak)

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

        add("stages", "PyICU sentence BreakIterator (anchor)", median_time(icu_sentences, args.runs), size)
        add("stages", "PyICU word BreakIterator (anchor)", median_time(icu_words, args.runs), size)
        add("stages", "PyICU Normalizer2 NFC (anchor)", median_time(icu_nfc, args.runs), size)
    except ImportError:
        print("PyICU not installed: ICU anchors skipped", file=sys.stderr)
    try:
        import blingfire

        def bling():
            for line in lines:
                blingfire.text_to_sentences(line)

        add("stages", "blingfire text_to_sentences (anchor)", median_time(bling, args.runs), size)
    except ImportError:
        print("blingfire not installed: anchor skipped", file=sys.stderr)
    try:
        import pysbd

        segmenter = pysbd.Segmenter(language="de", clean=False)
        head = raw[:100_000].decode("utf-8", "ignore").split("\n")
        head_size = sum(len(line.encode()) + 1 for line in head) / 1e6

        def sbd():
            for line in head:
                segmenter.segment(line)

        add("stages", "pySBD de, first 100 kB (anchor)", median_time(sbd, 1), head_size)
    except ImportError:
        print("pysbd not installed: anchor skipped", file=sys.stderr)

    geo = {}
    if not args.skip_geonames:
        names = ["cities15000"] + ([] if args.skip_500 else ["cities500"])
        for name in names:
            tsv = os.path.join(work, f"{name}.tsv")
            with open(tsv, "wb") as f:
                f.write(lzma.open(os.path.join(args.geo_dir, f"geonames-{name}.tsv.xz")).read())
            index = os.path.join(work, f"{name}.glossa-index")
            seconds, peak = run_child([g, "glossary", "compile", tsv, "-o", index], tiny)
            add(name, f"glossa glossary compile {name}.tsv (TSV load + index build)", seconds, 0, peak)
            seconds, peak = median_child([g, "align", "--glossary", index, "--lang", "de", "--jobs", "1", tiny], tiny, args.runs)
            add(name, f"glossa load compiled {name} index (align of one line)", seconds, 0, peak,
                f"{os.path.getsize(index) / 2**20:.0f} MiB file")
            geo[name] = (tsv, index)
            for command in ("align", "apply"):
                for jobs in ("1", "2"):
                    seconds, peak = median_child(
                        [g, command, "--glossary", index, "--lang", "de", "--jobs", jobs, sample], tiny, args.geo_runs)
                    add(name, f"glossa {command} {name} --jobs {jobs}", seconds, sample_size, peak)

            pairs = read_glossary(tsv)
            try:
                from flashtext import KeywordProcessor

                before = rss_mib()
                start = time.perf_counter()
                processor = KeywordProcessor(case_sensitive=True)
                for term, concept in pairs:
                    processor.add_keyword(term, concept)
                build = time.perf_counter() - start
                grown = rss_mib() - before

                def flash():
                    for line in sample_lines:
                        processor.extract_keywords(line)

                add(name, f"FlashText {name}: build (anchor)", build, 0, grown, f"index +{grown:.0f} MiB")
                add(name, f"FlashText {name}: exact match (anchor)", median_time(flash, args.geo_runs), sample_size)
                del processor
            except ImportError:
                print("flashtext not installed: anchor skipped", file=sys.stderr)
            try:
                import ahocorasick

                before = rss_mib()
                start = time.perf_counter()
                automaton = ahocorasick.Automaton()
                for term, concept in pairs:
                    automaton.add_word(term, (concept, len(term)))
                automaton.make_automaton()
                build = time.perf_counter() - start
                grown = rss_mib() - before

                def aho():
                    for line in sample_lines:
                        n = len(line)
                        for end, (concept, length) in automaton.iter(line):
                            begin = end - length + 1
                            if (begin == 0 or not line[begin - 1].isalnum()) and (end + 1 == n or not line[end + 1].isalnum()):
                                pass

                add(name, f"pyahocorasick {name}: build (anchor)", build, 0, grown, f"index +{grown:.0f} MiB")
                add(name, f"pyahocorasick {name}: match + boundary check (anchor)", median_time(aho, args.geo_runs), sample_size)
                del automaton
            except ImportError:
                print("pyahocorasick not installed: anchor skipped", file=sys.stderr)

    load = os.getloadavg()
    print(f"input: {args.data}, {size:.2f} MB, {len(lines)} lines; glossary-match rows on {sample_size:.2f} MB; "
          f"median of {args.runs} runs ({args.geo_runs} for GeoNames rows); load average {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}, "
          f"{os.cpu_count()} cores")
    print()
    print("| group | task | seconds | MB/s | peak MiB | note |")
    print("|---|---|---:|---:|---:|---|")
    for group, task, seconds, megabytes, peak, note in rows:
        mbs = f"{megabytes / seconds:.2f}" if megabytes else ""
        peak_text = f"{peak:.0f}" if peak else ""
        print(f"| {group} | {task} | {seconds:.3f} | {mbs} | {peak_text} | {note} |")

    def rate(task):
        for _, name, seconds, megabytes, _, _ in rows:
            if name == task and megabytes:
                return megabytes / seconds
        return None

    print()
    print("Ratios:")
    ratios = [
        ("align j2 / j1, eval glossary", rate("glossa align, eval glossary (147 terms) --jobs 2"), rate("glossa align, eval glossary (147 terms) --jobs 1")),
        ("segment / PyICU sentence breaks", rate("glossa segment --lang de --jobs 1"), rate("PyICU sentence BreakIterator (anchor)")),
        ("tokenize / PyICU word breaks", rate("glossa tokenize --lang de --jobs 1"), rate("PyICU word BreakIterator (anchor)")),
        ("normalize / PyICU NFC", rate("glossa normalize (NFC) --jobs 1"), rate("PyICU Normalizer2 NFC (anchor)")),
    ]
    for name in geo:
        ratios += [
            (f"apply {name} j1 / FlashText", rate(f"glossa apply {name} --jobs 1"), rate(f"FlashText {name}: exact match (anchor)")),
            (f"apply {name} j1 / pyahocorasick", rate(f"glossa apply {name} --jobs 1"), rate(f"pyahocorasick {name}: match + boundary check (anchor)")),
            (f"apply {name} j2 / j1", rate(f"glossa apply {name} --jobs 2"), rate(f"glossa apply {name} --jobs 1")),
        ]
    if "cities15000" in geo and "cities500" in geo:
        for tool, small, large in [
            ("glossa apply j1", "glossa apply cities15000 --jobs 1", "glossa apply cities500 --jobs 1"),
            ("FlashText", "FlashText cities15000: exact match (anchor)", "FlashText cities500: exact match (anchor)"),
            ("pyahocorasick", "pyahocorasick cities15000: match + boundary check (anchor)", "pyahocorasick cities500: match + boundary check (anchor)"),
        ]:
            a, b = rate(small), rate(large)
            if a and b:
                print(f"- cost per MB, cities500 / cities15000, {tool}: {a / b:.2f} (growth {100 * (a / b - 1):.0f} %)")
    for name, a, b in ratios:
        if a and b:
            print(f"- {name}: {a / b:.2f}")

    for path in os.listdir(work):
        os.unlink(os.path.join(work, path))
    os.rmdir(work)


if __name__ == "__main__":
    main()
