#!/usr/bin/env python3
"""Glossa's stages and whole pipeline next to their anchors, measured in one run on the same input.

Usage:
  python3 Benchmarks/throughput.py [--runs 5] [--glossa .build/release/glossa] [--data FILE.xz]
      [--geo-runs 3] [--geo-sample-mb 0] [--skip-geonames] [--skip-500] [--large-copies 8]

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
- With cities500, apply and FlashText also run on --large-copies copies of the text in one file: after
  the first copy every word has been seen, which is what a long corpus run costs per MB.
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
    """Median wall and CPU seconds of `fn` over `runs` calls."""
    walls, cpus = [], []
    for _ in range(runs):
        start, cpu = time.perf_counter(), time.process_time()
        fn()
        walls.append(time.perf_counter() - start)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus)


def rss_mib():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def run_child(command, stdin_path):
    """Runs a command with stdin from a file and stdout to /dev/null; returns (wall s, CPU s, peak MiB).

    CPU time (user + system) and the peak are measured by /usr/bin/time around the command itself: the
    rusage of a child forked from this Python process would count the Python process's own memory."""
    with open(stdin_path, "rb") as f, open(os.devnull, "wb") as null:
        start = time.perf_counter()
        done = subprocess.run(["/usr/bin/time", "-f", "%U %S %M", *command], stdin=f, stdout=null, stderr=subprocess.PIPE)
        seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"failed ({done.returncode}): {' '.join(command)}\n{done.stderr.decode(errors='replace')}")
    user, system, peak = done.stderr.decode().strip().splitlines()[-1].split()
    return seconds, float(user) + float(system), int(peak) / 1024


def median_child(command, stdin_path, runs):
    """Median wall and CPU seconds and the largest peak MiB of `runs` runs."""
    results = [run_child(command, stdin_path) for _ in range(runs)]
    return (statistics.median(r[0] for r in results), statistics.median(r[1] for r in results),
            max(r[2] for r in results))


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
    parser.add_argument("--large-copies", type=int, default=8,
                        help="apply cities500 (and FlashText) also on this many copies of the input in one file, "
                             "where every word after the first copy has been seen before (0: skip)")
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

    rows = []  # (group, task, wall seconds, CPU seconds, MB, peak MiB or None, note)

    def add(group, task, timing, megabytes, peak=None, note=""):
        seconds, cpu = timing
        rows.append((group, task, seconds, cpu, megabytes, peak, note))
        mbs = megabytes / seconds if megabytes and seconds else 0
        print(f"  {task}: {seconds:.3f} s ({cpu:.3f} s CPU), {mbs:.1f} MB/s" + (f", {peak:.0f} MiB" if peak else ""),
              file=sys.stderr)

    def child(group, task, command, megabytes, runs, stdin=None, note=""):
        seconds, cpu, peak = median_child(command, stdin or tiny, runs)
        add(group, task, (seconds, cpu), megabytes, peak, note)

    g = args.glossa
    child("read", "cat (anchor)", ["cat", corpus], size, args.runs)
    for name, command in [
        ("glossa normalize (NFC)", [g, "normalize", corpus]),
        ("glossa segment --lang de", [g, "segment", "--lang", "de", corpus]),
        ("glossa tokenize --lang de", [g, "tokenize", "--lang", "de", corpus]),
    ]:
        child("stages", name + " --jobs 1", command + ["--jobs", "1"], size, args.runs)
    for jobs in ("1", "2"):
        for command in ("align", "apply"):
            child("align", f"glossa {command}, eval glossary (147 terms) --jobs {jobs}",
                  [g, command, "--glossary", args.glossary, "--lang", "de", "--jobs", jobs, corpus], size, args.runs)
    # The README's main job: the shipped glossary (230 places), on the corpus and on one article.
    for jobs in ("1", "2"):
        child("align", f"glossa apply, shipped glossary (the main job) --jobs {jobs}",
              [g, "apply", "--lang", "de", "--jobs", jobs, corpus], size, args.runs)
    article = os.path.join(root, "Examples/article-de.txt")
    child("align", "glossa apply Examples/article-de.txt (the main job on one article: start-up, index, ICU)",
          [g, "apply", article], os.path.getsize(article) / 1e6, args.runs)

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
            seconds, cpu, peak = run_child([g, "glossary", "compile", tsv, "-o", index], tiny)
            add(name, f"glossa glossary compile {name}.tsv (TSV load + index build)", (seconds, cpu), 0, peak)
            child(name, f"glossa load compiled {name} index (align of one line)",
                  [g, "align", "--glossary", index, "--lang", "de", "--jobs", "1", tiny], 0, args.runs,
                  note=f"{os.path.getsize(index) / 2**20:.0f} MiB file")
            geo[name] = (tsv, index)
            for command in ("align", "apply"):
                for jobs in ("1", "2"):
                    child(name, f"glossa {command} {name} --jobs {jobs}",
                          [g, command, "--glossary", index, "--lang", "de", "--jobs", jobs, sample], sample_size, args.geo_runs)
            # The whole pipeline in one process: NFC, punctuation, sentences (German rules), tokens, terms
            # aligned and replaced.
            pipeline = os.path.join(work, f"pipeline-{name}.json")
            with open(pipeline, "w") as f:
                f.write('{"lang": "de", "stages": [{"stage": "normalize"}, {"stage": "punctuation"}, {"stage": "segment"},'
                        ' {"stage": "tokenize"}, {"stage": "align", "glossary": "%s"}, {"stage": "apply", "glossary": "%s"}]}'
                        % (index, index))
            for jobs in ("1", "2"):
                child(name, f"glossa run: whole pipeline (normalize .. apply) {name} --jobs {jobs}",
                      [g, "run", "--pipeline", pipeline, "--jobs", jobs, sample], sample_size, args.geo_runs)

            large = None
            if name == "cities500" and args.large_copies > 0:
                large = os.path.join(work, "large.txt")
                with open(large, "wb") as f:
                    for _ in range(args.large_copies):
                        f.write(sample_raw)
                large_size = args.large_copies * sample_size
                for jobs in ("1", "2"):
                    child(name, f"glossa apply {name} --jobs {jobs}, {args.large_copies} copies of the input in one file",
                          [g, "apply", "--glossary", index, "--lang", "de", "--jobs", jobs, large], large_size, args.geo_runs)

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

                add(name, f"FlashText {name}: build (anchor)", (build, build), 0, grown, f"index +{grown:.0f} MiB")
                add(name, f"FlashText {name}: exact match (anchor)", median_time(flash, args.geo_runs), sample_size)
                if large:
                    def flash_large():
                        for _ in range(args.large_copies):
                            flash()

                    add(name, f"FlashText {name}: exact match, {args.large_copies} copies (anchor)",
                        median_time(flash_large, args.geo_runs), large_size)
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

                add(name, f"pyahocorasick {name}: build (anchor)", (build, build), 0, grown, f"index +{grown:.0f} MiB")
                add(name, f"pyahocorasick {name}: match + boundary check (anchor)", median_time(aho, args.geo_runs), sample_size)
                del automaton
            except ImportError:
                print("pyahocorasick not installed: anchor skipped", file=sys.stderr)

    load = os.getloadavg()
    print(f"input: {args.data}, {size:.2f} MB, {len(lines)} lines; glossary-match rows on {sample_size:.2f} MB; "
          f"median of {args.runs} runs ({args.geo_runs} for GeoNames rows); load average {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}, "
          f"{os.cpu_count()} cores")
    print()
    print("| group | task | seconds | CPU s | MB/s | MB/s per CPU s | peak MiB | note |")
    print("|---|---|---:|---:|---:|---:|---:|---|")
    for group, task, seconds, cpu, megabytes, peak, note in rows:
        mbs = f"{megabytes / seconds:.2f}" if megabytes else ""
        per_cpu = f"{megabytes / cpu:.2f}" if megabytes and cpu else ""
        peak_text = f"{peak:.0f}" if peak else ""
        print(f"| {group} | {task} | {seconds:.3f} | {cpu:.3f} | {mbs} | {per_cpu} | {peak_text} | {note} |")

    def row(task):
        return next((r for r in rows if r[1] == task), None)

    def rate(task, cpu=False):
        found = row(task)
        if found and found[4]:
            return found[4] / (found[3] if cpu else found[2])
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
        copies = args.large_copies
        ratios += [
            (f"apply {name} j1 / FlashText, {copies} copies", rate(f"glossa apply {name} --jobs 1, {copies} copies of the input in one file"),
             rate(f"FlashText {name}: exact match, {copies} copies (anchor)")),
            (f"apply {name} j2 / FlashText, {copies} copies", rate(f"glossa apply {name} --jobs 2, {copies} copies of the input in one file"),
             rate(f"FlashText {name}: exact match, {copies} copies (anchor)")),
        ]
    costs = {}
    if "cities15000" in geo and "cities500" in geo:
        for tool, small, large in [
            ("glossa apply j1, wall", "glossa apply cities15000 --jobs 1", "glossa apply cities500 --jobs 1"),
            ("FlashText", "FlashText cities15000: exact match (anchor)", "FlashText cities500: exact match (anchor)"),
            ("pyahocorasick", "pyahocorasick cities15000: match + boundary check (anchor)", "pyahocorasick cities500: match + boundary check (anchor)"),
        ]:
            a, b = rate(small), rate(large)
            if a and b:
                print(f"- cost per MB, cities500 / cities15000, {tool}: {a / b:.2f} (growth {100 * (a / b - 1):.0f} %)")
        # Matching alone: CPU of the apply run less the CPU of loading the same index (the one-line run).
        for name in ("cities15000", "cities500"):
            apply_row, load_row = row(f"glossa apply {name} --jobs 1"), row(f"glossa load compiled {name} index (align of one line)")
            if apply_row and load_row:
                costs[name] = (apply_row[3] - load_row[3]) / apply_row[4]
        if len(costs) == 2:
            growth = costs["cities500"] / costs["cities15000"]
            print(f"- CPU per MB of matching (index load left out), cities500 / cities15000, glossa apply j1: "
                  f"{growth:.2f} (growth {100 * (growth - 1):.0f} %)")
    for name, a, b in ratios:
        if a and b:
            print(f"- {name}: {a / b:.2f}")

    # The targets of issue 6, each with the number it is judged by.
    print()
    print("Targets:")

    def target(text, value, goal, unit="", higher=True):
        if value is None:
            return
        met = value >= goal if higher else value <= goal
        print(f"- {text}: {value:.2f}{unit} (target {'>=' if higher else '<='} {goal}{unit}): {'met' if met else 'MISSED'}")

    target("glossa segment --lang de --jobs 1, MB/s", rate("glossa segment --lang de --jobs 1"), 100)
    if "cities500" in geo:
        target("glossa apply cities500 --jobs 1, MB/s", rate("glossa apply cities500 --jobs 1"), 30)
        target("whole pipeline (glossa run, normalize .. apply) cities500 --jobs 1, MB/s",
               rate("glossa run: whole pipeline (normalize .. apply) cities500 --jobs 1"), 30)
        flash = rate("FlashText cities500: exact match (anchor)")
        if flash:
            target("glossa apply cities500 --jobs 1 / FlashText", rate("glossa apply cities500 --jobs 1") / flash, 5, "x")
        one, two = rate("glossa apply cities500 --jobs 1"), rate("glossa apply cities500 --jobs 2")
        if one and two:
            target("glossa apply cities500 --jobs 2 / --jobs 1", two / one, 1.8, "x")
        load_row = row("glossa load compiled cities500 index (align of one line)")
        if load_row:
            target("compiled cities500 index load (whole one-line run), s", load_row[2], 0.3, " s", higher=False)
            target("peak memory with the compiled cities500 index, MiB", load_row[5], 300, " MiB", higher=False)
        compile_row = row("glossa glossary compile cities500.tsv (TSV load + index build)")
        if compile_row:
            target("cities500 from TSV (compile), s", compile_row[2], 2, " s", higher=False)
        if len(costs) == 2:
            target("CPU per MB of matching, growth cities15000 -> cities500", 100 * (growth - 1), 15, " %", higher=False)

    for path in os.listdir(work):
        os.unlink(os.path.join(work, path))
    os.rmdir(work)


if __name__ == "__main__":
    main()
