import ArgumentParser
import GlossaCore
import GlossaFormats

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a document stage over every input line and writes one result per line.
///
/// A bad line (invalid UTF-8, malformed JSON, a stage error) is reported on standard error with its file,
/// line and column; in JSONL output it also gets an `{"error": …}` line, so output lines still match
/// input lines. The command then exits with status 1.
struct DocumentRunner {
  var options: InputOptions
  var language: String?

  /// Writes one processed document.
  typealias Writer = (_ document: Document, _ record: InputRecord, _ output: OutputStream) -> Void

  func run(_ stage: some DocumentStage, write: Writer) throws {
    let decoder = RecordDecoder(format: options.inputFormat, language: language)
    let output = OutputStream()
    var failures = 0
    defer { output.flush() }
    for path in options.paths {
      let reader: LineReader
      do {
        reader = try LineReader(path: path)
      } catch {
        output.flush()
        reportError("\(error)")
        failures += 1
        continue
      }
      while let line = try reader.next() {
        let record: InputRecord
        switch decoder.decode(line, file: reader.name) {
        case .success(let decoded): record = decoded
        case .failure(let error):
          fail(error, output: output)
          failures += 1
          continue
        }
        var diagnostics = Diagnostics(location: record.location)
        let document: Document
        do {
          document = try stage.run(record.document, diagnostics: &diagnostics)
        } catch {
          fail(RecordError(location: record.location, message: "\(error)"), output: output)
          failures += 1
          continue
        }
        if !diagnostics.isEmpty {
          output.flush()
          for item in diagnostics.items { reportError(item.description) }
          if diagnostics.hasErrors { failures += 1 }
        }
        write(document, record, output)
      }
    }
    if failures > 0 {
      output.flush()
      reportError("glossa: \(failures) error\(failures == 1 ? "" : "s") in the input")
      throw ExitCode(1)
    }
  }

  private func fail(_ error: RecordError, output: OutputStream) {
    if options.outputFormat == .jsonl {
      var line: [UInt8] = []
      JSONWriter.append(.object([JSONMember(key: "error", value: .object([
        JSONMember(key: "file", value: .string(error.location.file)),
        JSONMember(key: "line", value: .number(String(error.location.line ?? 0))),
        JSONMember(key: "column", value: .number(String(error.location.column ?? 0))),
        JSONMember(key: "message", value: .string(error.message)),
      ]))]), to: &line)
      line.append(0x0A)
      output.write(line)
    }
    output.flush()
    reportError(error.description)
  }
}

/// Writes one line to standard error.
func reportError(_ message: String) {
  let line = Array((message + "\n").utf8)
  _ = line.withUnsafeBufferPointer { write(2, $0.baseAddress, $0.count) }
}
