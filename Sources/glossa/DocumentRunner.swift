import ArgumentParser
import GlossaCore
import GlossaFormats
import GlossaJSON

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a document stage over every input line of a command and writes one result per line.
///
/// A bad line (invalid UTF-8, malformed JSON, a stage error) is reported on standard error with its file,
/// line and column; in JSONL output it also gets an `{"error": …}` line, so output lines still match
/// input lines. The command then exits with status 1.
struct DocumentRunner {
  var options: InputOptions
  var language: String?

  func run(_ stage: some DocumentStage, format: @escaping StreamProcessor<AnyDocumentStage>.Formatter) async throws {
    // Error records keep JSONL output aligned with its input, or go to their own file.
    let records = options.outputFormat == .jsonl || options.errors != nil
    let processor = StreamProcessor(
      stage: AnyDocumentStage(name: "command", stage), inputFormat: options.inputFormat, language: language,
      invalidUTF8: options.onInvalid, jobs: options.jobCount, keepGoing: options.keepGoing,
      formatError: { records ? errorRecord($0) : nil }, format: format)
    let errors = try options.errors.map { try OutputStream(path: $0) }
    let bar = ProgressBar.wanted(options.progress) ? ProgressBar() : nil
    let summary = try await processor.run(
      paths: options.paths, output: OutputStream(), errors: errors,
      report: { message in
        bar?.finish()
        reportError(message)
      },
      progress: bar.map { bar in { bar.update(done: $0, total: $1) } })
    bar?.finish()
    if summary.failures > 0 {
      let stop = summary.stopped ? "; stopped at the first (--keep-going processes every line)" : ""
      reportError("glossa: \(summary.failures) error\(summary.failures == 1 ? "" : "s") in \(summary.lines) input lines\(stop)")
      throw ExitCode(1)
    }
  }
}

/// The output of a command that rewrites text: the new text as a line (CRLF kept when the input line had
/// it and `keepCRLF`), or in JSONL the input record with its "text" replaced.
func rewrittenText(_ document: Document, _ record: InputRecord, jsonl: Bool, keepCRLF: Bool = true) -> [UInt8] {
  var output: [UInt8] = []
  if jsonl {
    var fields = JSONRecordWriter(metadata: document.metadata)
    fields.set("text", .string(document.text))
    output.write(fields.finish())
  } else {
    output.write(document.text)
    output.write(keepCRLF && record.endedWithCRLF ? "\r\n" : "\n")
  }
  return output
}

/// The JSONL line that stands for a bad input line.
func errorRecord(_ error: RecordError) -> [UInt8] {
  var line: [UInt8] = []
  JSONWriter.append(.object([JSONMember(key: "error", value: .object([
    JSONMember(key: "file", value: .string(error.location.file)),
    JSONMember(key: "line", value: error.location.line.map { .number(String($0)) } ?? .null),
    JSONMember(key: "column", value: error.location.column.map { .number(String($0)) } ?? .null),
    JSONMember(key: "message", value: .string(error.message)),
  ]))]), to: &line)
  line.append(0x0A)
  return line
}

/// Writes one line to standard error.
func reportError(_ message: String) {
  let line = Array((message + "\n").utf8)
  _ = line.withUnsafeBufferPointer { write(2, $0.baseAddress, $0.count) }
}

extension Array where Element == UInt8 {
  /// Appends bytes of output.
  mutating func write(_ bytes: [UInt8]) { append(contentsOf: bytes) }

  /// Appends text as UTF-8.
  mutating func write(_ text: some StringProtocol) {
    let copied: Void? = text.utf8.withContiguousStorageIfAvailable { append(contentsOf: $0) }
    if copied == nil { append(contentsOf: text.utf8) }
  }
}
