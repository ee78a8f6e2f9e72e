import GlossaCore

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

/// A problem with one input line, located by file, line and column.
public struct RecordError: Error, Sendable, CustomStringConvertible {
  public var location: InputLocation
  public var message: String

  public init(location: InputLocation, message: String) {
    self.location = location
    self.message = message
  }

  public var description: String { "\(location): error: \(message)" }
}

/// One input line, decoded into a document.
public struct InputRecord: Sendable {
  public var document: Document
  public var location: InputLocation
  /// Whether the line ended with CRLF.
  public var endedWithCRLF: Bool
}

/// Turns input lines into documents, checking UTF-8 and JSON with precise locations.
public struct RecordDecoder: Sendable {
  public var format: InputFormat
  public var language: String?

  public init(format: InputFormat, language: String? = nil) {
    self.format = format
    self.language = language
  }

  /// Decodes one line; the error names the file, line and column (in characters, 1-based).
  public func decode(_ line: LineReader.Line, file: String) -> Result<InputRecord, RecordError> {
    let location = InputLocation(file: file, line: line.number)
    // Swift checks the UTF-8 while copying; only a failure is looked at again, to locate it.
    guard let text = String(validating: line.bytes, as: UTF8.self) else {
      let bad = firstInvalidUTF8(line.bytes) ?? 0
      var at = location
      at.column = column(of: bad, in: line.bytes)
      return .failure(RecordError(location: at, message: "invalid UTF-8 (byte \(line.offset + bad) of the input)"))
    }
    switch format {
    case .text:
      return .success(InputRecord(document: Document(text, language: language), location: location, endedWithCRLF: line.endedWithCRLF))
    case .jsonl:
      do {
        let scanned = try JSONParser.scanObject(utf8: line.bytes, decode: ["text"])
        guard let text = scanned.decoded["text"] else {
          let hasText = scanned.members.contains { $0.key == "text" }
          return .failure(RecordError(location: location, message: hasText ? "the \"text\" field is not a string" : "missing \"text\" field"))
        }
        let fields = scanned.members.map { member in
          (key: member.key, json: String(decoding: UnsafeBufferPointer(rebasing: line.bytes[member.raw]), as: UTF8.self))
        }
        let document = Document(text, language: language, metadata: Metadata(fields))
        return .success(InputRecord(document: document, location: location, endedWithCRLF: line.endedWithCRLF))
      } catch {
        var at = location
        at.column = column(of: error.offset, in: line.bytes)
        return .failure(RecordError(location: at, message: "malformed JSON: \(error.message)"))
      }
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

/// The offset of the first byte that is not valid UTF-8, or `nil` when all is valid.
public func firstInvalidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
  var index = 0
  let count = bytes.count
  while index < count {
    // ASCII fast path, eight bytes at a time.
    if index + 8 <= count,
      UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0
    {
      index += 8
      continue
    }
    let byte = bytes[index]
    if byte < 0x80 { index += 1; continue }
    let width: Int
    var low: UInt8 = 0x80, high: UInt8 = 0xBF
    switch byte {
    case 0xC2...0xDF: width = 2
    case 0xE0: width = 3; low = 0xA0
    case 0xE1...0xEC, 0xEE...0xEF: width = 3
    case 0xED: width = 3; high = 0x9F
    case 0xF0: width = 4; low = 0x90
    case 0xF1...0xF3: width = 4
    case 0xF4: width = 4; high = 0x8F
    default: return index
    }
    guard index + width <= count else { return index }
    let second = bytes[index + 1]
    if second < low || second > high { return index }
    for next in 2..<width where bytes[index + next] & 0xC0 != 0x80 { return index }
    index += width
  }
  return nil
}
