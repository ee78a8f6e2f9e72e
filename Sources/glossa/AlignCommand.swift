import Alignment
import ArgumentParser
import GlossaCore
import GlossaFormats
import GlossaJSON
import Glossary

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Options shared by `align`, `apply` and `restore`: the glossary and the source language.
struct GlossaryOptions: ParsableArguments {
  @Option(help: "Glossary file (TBX, TSV, CSV, JSON; format told from the content) or compiled index ('glossa glossary compile'). Default: the shipped Glossaries/levant-places.tbx (in the working directory or beside the executable), else the same glossary built into glossa.")
  var glossary: String?

  @Option(help: "Language of the text (BCP 47, e.g. de).")
  var lang: String = "de"

  /// The glossary path given, or the shipped glossary found in the working directory or next to the
  /// executable; nil when neither is there (the glossary built into the library is used then).
  func glossaryPath() -> String? {
    if let glossary { return glossary }
    var candidates = ["Glossaries/levant-places.tbx"]
    if let executable = executablePath() {
      var directory = executable
      for _ in 0..<4 {
        guard let slash = directory.lastIndex(of: "/") else { break }
        directory = String(directory[..<slash])
        candidates.append(directory + "/Glossaries/levant-places.tbx")
        candidates.append(directory + "/share/glossa/levant-places.tbx")
      }
    }
    return candidates.first { access($0, R_OK) == 0 }
  }

  /// Loads the glossary and builds its index with one task per core (the index does not depend on their
  /// number), or loads a compiled index (`glossa glossary compile`): the file given, or the one beside
  /// the glossary given when it was compiled from it as it is now; without a glossary file, indexes the
  /// built-in copy of the shipped one.
  func index() async throws -> TermIndex {
    let jobs = max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
    guard let path = glossaryPath() else { return try await TermIndex.build(glossary: .levantPlaces, jobs: jobs) }
    if TermIndex.isCompiledIndex(path: path) {
      do {
        return try TermIndex(contentsOf: path)
      } catch {
        reportError("\(error)")
        throw ExitCode(2)
      }
    }
    // A compiled index beside the glossary, compiled from it as it is now, stands in for it.
    do {
      if let compiled = try TermIndex.compiledIndex(besideGlossary: path) { return compiled }
    } catch {
      reportError("glossa: note: not using \(error); indexing \(path) instead")
    }
    // The match-key rules compile (ICU) while the glossary file is read.
    let rules = Task { try MatchKeyRules.standard.prepare() }
    let glossary: Glossary
    do {
      glossary = try Glossary.load(contentsOf: path)
    } catch {
      reportError("\(error)")
      throw ExitCode(2)
    }
    try await rules.value
    return try await TermIndex.build(glossary: glossary, jobs: jobs)
  }

  private func executablePath() -> String? {
    var buffer = [CChar](repeating: 0, count: 4096)
    let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
    guard length > 0 else { return CommandLine.arguments.first }
    return String(decoding: buffer[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }
}

struct AlignCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "align",
    abstract: "Find every mention of a glossary concept, in any transliteration.",
    discussion: """
      Text output (--report tsv, the default): one line per mention, tab-separated: line (input line
      number), start, end (Unicode code points into the input line), surface, concept, canonical name,
      match kind (exact, folded, key, fuzzy, script), score, and other concepts for ambiguous mentions.
      --report html writes one self-contained HTML page instead: every input line with its mentions
      highlighted by match kind, and a table of concept, canonical name and score per line.
      JSONL output adds "terms": [{"start", "end", "surface", "concept", "canonical", "match", "score"}]
      (plus "alternatives" when ambiguous) to each record.

      Examples:
        echo 'Kämpfe bei al-Hassake und Deir Ezzor.' | glossa align --lang de
        glossa align --report html news.txt > news-terms.html
        glossa align --glossary places.tsv --lang de --input-format jsonl --output-format jsonl < news.jsonl
      """
  )

  /// The shape of text output.
  enum Report: String, ExpressibleByArgument, CaseIterable {
    case tsv, html
  }

  @OptionGroup var glossaryOptions: GlossaryOptions
  @OptionGroup var input: InputOptions

  @Option(help: "Text output: tsv (one line per mention) or html (one self-contained page). Ignored with --output-format jsonl.")
  var report: Report = .tsv

  func run() async throws {
    let aligner = TermAligner(index: try await glossaryOptions.index(), language: glossaryOptions.lang)
    let jsonl = input.outputFormat == .jsonl
    let html = !jsonl && report == .html
    if html {
      let title = input.files.isEmpty ? "standard input" : input.files.joined(separator: ", ")
      let output = OutputStream()
      output.write(HTMLTermReport.header(title: title))
      output.flush()
    }
    try await DocumentRunner(options: input, language: glossaryOptions.lang).run(aligner) { document, record in
      var output: [UInt8] = []
      let line = record.location.line ?? 0
      if html { return Array(HTMLTermReport.line(number: line, document: document).utf8) }
      let mentions = document.terms.map { ReportedTerm(document: document, term: $0) }
      let points = CodePointOffsets(document.original)
      if jsonl {
        var record = JSONRecordWriter(metadata: document.metadata)
        record.set("terms", .array(mentions.map { $0.json(points) }))
        output.write(record.finish())
      } else {
        for mention in mentions { output.write(mention.tsv(points, line: line)) }
      }
      return output
    }
    if html {
      let output = OutputStream()
      output.write(HTMLTermReport.footer)
      output.flush()
    }
  }
}

/// A term annotation with its span mapped back to the original input.
struct ReportedTerm {
  var original: TextSpan
  var surface: Substring
  var term: TermAnnotation

  init(document: Document, term: TermAnnotation) {
    self.original = document.originalSpan(of: term.span)
    self.surface = document.originalText(of: term.span)
    self.term = term
  }

  func json(_ points: CodePointOffsets) -> JSONValue {
    var members = [
      JSONMember(key: "start", value: .number(String(points[original.start]))),
      JSONMember(key: "end", value: .number(String(points[original.end]))),
      JSONMember(key: "surface", value: .string(String(surface))),
      JSONMember(key: "concept", value: .string(term.concept)),
      JSONMember(key: "canonical", value: .string(term.canonical)),
      JSONMember(key: "match", value: .string(term.match.rawValue)),
      JSONMember(key: "score", value: .number(formatScore(term.score))),
    ]
    if !term.alternatives.isEmpty {
      members.append(JSONMember(key: "alternatives", value: .array(term.alternatives.map { .string($0) })))
    }
    return .object(members)
  }

  /// One TSV line: the input line number, then the mention's fields.
  func tsv(_ points: CodePointOffsets, line: Int) -> String {
    var fields = [
      String(line), String(points[original.start]), String(points[original.end]), String(surface), term.concept, term.canonical,
      term.match.rawValue, formatScore(term.score),
    ]
    if !term.alternatives.isEmpty { fields.append(term.alternatives.joined(separator: ",")) }
    return fields.map { $0.utf8.contains(0x09) ? $0.replacing("\t", with: " ") : $0 }.joined(separator: "\t") + "\n"
  }
}

/// A score with at most three decimals, as JSON number text.
func formatScore(_ score: Double) -> String {
  let thousandths = Int((score * 1000).rounded())
  let fraction = thousandths % 1000
  if fraction == 0 { return "\(thousandths / 1000).0" }
  var digits = String(fraction)
  while digits.count < 3 { digits = "0" + digits }
  while digits.hasSuffix("0") { digits.removeLast() }
  return "\(thousandths / 1000).\(digits)"
}

/// UTF-8 byte offsets of a text → Unicode code point offsets.
struct CodePointOffsets {
  private var points: [Int32] = []

  init(_ text: String) {
    points.reserveCapacity(text.utf8.count + 1)
    var count: Int32 = 0
    for byte in text.utf8 {
      if byte & 0xC0 != 0x80 { count += 1 }
      points.append(byte & 0xC0 != 0x80 ? count - 1 : count)
    }
    points.append(count)
  }

  subscript(byte: Int) -> Int { Int(points[min(byte, points.count - 1)]) }
}
