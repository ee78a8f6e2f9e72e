import GlossaCore
import GlossaJSON

/// How input lines are read.
public enum InputFormat: String, Sendable, CaseIterable {
  /// Each line is one document.
  case text
  /// Each line is a JSON object with a `"text"` field; every other field is carried through.
  case jsonl
}

/// How results are written.
public enum OutputFormat: String, Sendable, CaseIterable {
  case text
  /// One JSON object per input line, in order: the input's fields plus the results.
  case jsonl
}

/// What to do with an input line that is not valid UTF-8.
public enum InvalidUTF8Policy: String, Sendable, CaseIterable {
  /// Report the line as an error (with its location) and go on; the run fails at the end.
  case error
  /// Replace each invalid sequence by U+FFFD, with a warning, and process the line.
  case replace
  /// Leave the line out, with a warning; the run does not fail.
  case skipLine = "skip-line"
  /// Stop the run at the line.
  case fail
}

/// A problem with one input line, located by file, line and column.
public struct RecordError: Error, Sendable, CustomStringConvertible {
  /// What the run does about the problem.
  public enum Consequence: Sendable {
    /// The line fails; the run goes on and fails at the end.
    case failLine
    /// The line is left out on purpose; the run does not fail.
    case skipLine
    /// The run stops here.
    case stop
  }

  public var location: InputLocation
  public var message: String
  public var consequence: Consequence

  public init(location: InputLocation, message: String, consequence: Consequence = .failLine) {
    self.location = location
    self.message = message
    self.consequence = consequence
  }

  public var description: String {
    "\(location): \(consequence == .skipLine ? "warning" : "error"): \(message)\(consequence == .skipLine ? " (line skipped)" : "")"
  }
}

/// One input line, decoded into a document.
public struct InputRecord: Sendable {
  public var document: Document
  public var location: InputLocation
  /// Whether the line ended with CRLF.
  public var endedWithCRLF: Bool
  /// Problems that did not stop the line, e.g. replaced invalid UTF-8.
  public var warnings: [Diagnostic] = []
}

/// Turns input lines into documents, checking UTF-8 and JSON with precise locations.
public struct RecordDecoder: Sendable {
  public var format: InputFormat
  public var language: String?
  public var invalidUTF8: InvalidUTF8Policy

  public init(format: InputFormat, language: String? = nil, invalidUTF8: InvalidUTF8Policy = .error) {
    self.format = format
    self.language = language
    self.invalidUTF8 = invalidUTF8
  }

  /// Decodes one line; the error names the file, line and column (in characters, 1-based).
  public func decode(_ line: LineReader.Line, file: String) -> Result<InputRecord, RecordError> {
    let location = InputLocation(file: file, line: line.number)
    // Swift checks the UTF-8 while copying; only a failure is looked at again, to locate it.
    var warnings: [Diagnostic] = []
    var checked = String(validating: line.bytes, as: UTF8.self)
    if checked == nil {
      let bad = firstInvalidUTF8(line.bytes) ?? 0
      var at = location
      at.column = column(of: bad, in: line.bytes)
      let message = "invalid UTF-8 (byte \(line.offset + bad) of the input)"
      switch invalidUTF8 {
      case .error: return .failure(RecordError(location: at, message: message))
      case .fail: return .failure(RecordError(location: at, message: message, consequence: .stop))
      case .skipLine: return .failure(RecordError(location: at, message: message, consequence: .skipLine))
      case .replace:
        warnings.append(Diagnostic(.warning, message + ", replaced by U+FFFD", at: at))
        checked = String(decoding: line.bytes, as: UTF8.self)
      }
    }
    guard let text = checked else { return .failure(RecordError(location: location, message: "invalid UTF-8")) }
    switch format {
    case .text:
      return .success(InputRecord(document: Document(text, language: language), location: location, endedWithCRLF: line.endedWithCRLF, warnings: warnings))
    case .jsonl:
      var source = text
      return source.withUTF8 { bytes in
        decodeJSON(bytes, location: location, endedWithCRLF: line.endedWithCRLF, warnings: warnings)
      }
    }
  }

  private func decodeJSON(_ bytes: UnsafeBufferPointer<UInt8>, location: InputLocation, endedWithCRLF: Bool, warnings: [Diagnostic]) -> Result<InputRecord, RecordError> {
    do {
      let scanned = try JSONParser.scanObject(utf8: bytes, decode: ["text"])
      guard let text = scanned.decoded["text"] else {
        let hasText = scanned.members.contains { $0.key == "text" }
        return .failure(RecordError(location: location, message: hasText ? "the \"text\" field is not a string" : "missing \"text\" field"))
      }
      let fields = scanned.members.map { member in
        (key: member.key, json: String(decoding: UnsafeBufferPointer(rebasing: bytes[member.raw]), as: UTF8.self))
      }
      let document = Document(text, language: language, metadata: Metadata(fields))
      return .success(InputRecord(document: document, location: location, endedWithCRLF: endedWithCRLF, warnings: warnings))
    } catch {
      var at = location
      at.column = column(of: error.offset, in: bytes)
      return .failure(RecordError(location: at, message: "malformed JSON: \(error.message)"))
    }
  }
}

/// The 1-based character column of byte `offset` in `bytes`.
func column(of offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
  var count = 1
  var index = 0
  while index < min(offset, bytes.count) {
    if bytes[index] & 0xC0 != 0x80 { count += 1 }
    index += 1
  }
  return count
}
