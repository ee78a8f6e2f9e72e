#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import GlossaCore
import GlossaJSON

/// Buffered writing to standard output (or another C stream), flushed in large blocks.
public final class OutputStream {
  private let file: UnsafeMutablePointer<FILE>
  private var buffer: [UInt8] = []
  private let limit = 1 << 16

  public init(file: UnsafeMutablePointer<FILE>? = nil) {
    self.file = file ?? fdopen(1, "w")
    buffer.reserveCapacity(limit + 4096)
  }

  /// Creates (or truncates) the file at `path` for writing.
  public convenience init(path: String) throws {
    guard let file = fopen(path, "wb") else {
      throw InputError(location: path, message: "cannot create file: \(String(cString: strerror(errno)))")
    }
    self.init(file: file)
  }

  deinit { flush() }

  public func write(_ bytes: [UInt8]) {
    if bytes.count >= limit {
      // A large block (a whole batch's output) goes out as it is, after what is buffered.
      flush()
      bytes.withUnsafeBufferPointer { _ = fwrite($0.baseAddress, 1, $0.count, file) }
      fflush(file)
      return
    }
    buffer.append(contentsOf: bytes)
    if buffer.count >= limit { flush() }
  }

  public func write(_ text: some StringProtocol) {
    let copied: Void? = text.utf8.withContiguousStorageIfAvailable { buffer.append(contentsOf: $0) }
    if copied == nil { buffer.append(contentsOf: text.utf8) }
    if buffer.count >= limit { flush() }
  }

  public func flush() {
    guard !buffer.isEmpty else { return }
    buffer.withUnsafeBufferPointer { _ = fwrite($0.baseAddress, 1, $0.count, file) }
    buffer.removeAll(keepingCapacity: true)
    fflush(file)
  }
}

/// Builds one JSONL output line: the input record's fields in their order, fields the stage produced
/// replacing same-named input fields in place, new fields appended.
///
/// ```swift
/// var record = JSONRecordWriter(metadata: document.metadata)
/// record.set("sentences", .array(sentences.map { .string($0) }))
/// output.write(record.finish())
/// ```
public struct JSONRecordWriter {
  private var fields: [(key: String, json: [UInt8])] = []

  public init(metadata: Metadata) {
    fields = metadata.fields.map { ($0.key, Array($0.json.utf8)) }
  }

  /// Sets field `key` to raw JSON bytes.
  public mutating func setRaw(_ key: String, _ json: [UInt8]) {
    if let index = fields.firstIndex(where: { $0.key == key }) {
      fields[index].json = json
    } else {
      fields.append((key, json))
    }
  }

  /// Sets field `key` to a JSON value.
  public mutating func set(_ key: String, _ value: JSONValue) {
    var json: [UInt8] = []
    JSONWriter.append(value, to: &json)
    setRaw(key, json)
  }

  /// Sets field `key` to a list of strings.
  public mutating func set(_ key: String, strings: some Sequence<some StringProtocol>) {
    var json: [UInt8] = [UInt8(ascii: "[")]
    var first = true
    for text in strings {
      if !first { json.append(UInt8(ascii: ",")) }
      first = false
      JSONWriter.appendString(text, to: &json)
    }
    json.append(UInt8(ascii: "]"))
    setRaw(key, json)
  }

  /// The finished line, with a line feed.
  public func finish() -> [UInt8] {
    var line: [UInt8] = [UInt8(ascii: "{")]
    for (index, field) in fields.enumerated() {
      if index > 0 { line.append(UInt8(ascii: ",")) }
      JSONWriter.appendString(field.key, to: &line)
      line.append(UInt8(ascii: ":"))
      line.append(contentsOf: field.json)
    }
    line.append(contentsOf: "}\n".utf8)
    return line
  }
}

/// Converts UTF-8 byte offsets of a text into Unicode code point offsets (the JSON output convention).
///
/// Offsets are converted in one pass when asked in ascending order; any order works.
public struct CodePointIndex {
  private let utf8: [UInt8]
  private var byte = 0
  private var codePoints = 0

  public init(_ text: String) { self.utf8 = Array(text.utf8) }

  /// The code point offset of UTF-8 offset `offset`.
  public mutating func codePointOffset(_ offset: Int) -> Int {
    if offset < byte {
      byte = 0
      codePoints = 0
    }
    while byte < offset && byte < utf8.count {
      if utf8[byte] & 0xC0 != 0x80 { codePoints += 1 }
      byte += 1
    }
    return codePoints
  }
}
