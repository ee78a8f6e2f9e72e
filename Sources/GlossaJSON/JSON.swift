/// A JSON value, with object members in their original order.
public enum JSONValue: Sendable, Hashable {
  case null
  case bool(Bool)
  /// A number, kept as its JSON text so no precision is lost.
  case number(String)
  case string(String)
  case array([JSONValue])
  case object([JSONMember])

  /// The member `key` of an object, if any.
  public subscript(key: String) -> JSONValue? {
    guard case .object(let members) = self else { return nil }
    return members.first { $0.key == key }?.value
  }

  public var stringValue: String? {
    if case .string(let text) = self { return text }
    return nil
  }
}

/// A member of a JSON object, with the byte offset of its key in the parsed text.
public struct JSONMember: Sendable, Hashable {
  public var key: String
  public var value: JSONValue
  public var offset: Int

  public init(key: String, value: JSONValue, offset: Int = 0) {
    self.key = key
    self.value = value
    self.offset = offset
  }
}

/// A JSON value that knows where it stands: the byte offset of its first character in the parsed text,
/// and the same for everything inside it. For readers that report problems by location.
///
/// ```swift
/// let node = try JSONParser.parseNode(#"{"terms": [{"lang": "de"}, 7]}"#)
/// node["terms"]?.elements?[1].offset   // 27
/// ```
public struct JSONNode: Sendable, Hashable {
  /// What the node holds; nested values are nodes too.
  public indirect enum Content: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array([JSONNode])
    case object([Member])
  }

  /// An object member: its key, the key's offset, and its value.
  public struct Member: Sendable, Hashable {
    public var key: String
    public var keyOffset: Int
    public var value: JSONNode
  }

  public var content: Content
  /// Byte offset of the value's first character.
  public var offset: Int

  /// The member `key` of an object, if any.
  public subscript(key: String) -> JSONNode? {
    guard case .object(let members) = content else { return nil }
    return members.first { $0.key == key }?.value
  }

  /// The elements of an array, or `nil` for other values.
  public var elements: [JSONNode]? {
    if case .array(let elements) = content { return elements }
    return nil
  }

  /// The members of an object, or `nil` for other values.
  public var members: [Member]? {
    if case .object(let members) = content { return members }
    return nil
  }

  public var stringValue: String? {
    if case .string(let text) = content { return text }
    return nil
  }

  /// The plain value, without locations.
  public var value: JSONValue {
    switch content {
    case .null: .null
    case .bool(let flag): .bool(flag)
    case .number(let text): .number(text)
    case .string(let text): .string(text)
    case .array(let elements): .array(elements.map(\.value))
    case .object(let members): .object(members.map { JSONMember(key: $0.key, value: $0.value.value, offset: $0.keyOffset) })
    }
  }
}

/// A JSON syntax error at a byte offset of the parsed text.
public struct JSONSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
  public var message: String
  /// Byte offset of the problem in the parsed text.
  public var offset: Int

  public var description: String { message }
}

/// A strict JSON parser (RFC 8259) over UTF-8 bytes, with byte offsets for every error.
///
/// It can parse whole values, or scan a top-level object into its members' raw JSON text — the fast
/// path for JSONL records, whose unknown fields are carried through byte for byte.
///
/// ```swift
/// let value = try JSONParser.parse(#"{"stage": "normalize", "form": "nfc"}"#)
/// value["form"]?.stringValue   // "nfc"
/// ```
public struct JSONParser {
  private let bytes: UnsafeBufferPointer<UInt8>
  private var position = 0
  private var depth = 0
  private static let maximumDepth = 512

  private init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

  /// Parses one JSON value filling all of `text` (white space around it allowed).
  public static func parse(_ text: String) throws(JSONSyntaxError) -> JSONValue {
    var copy = text
    let result = copy.withUTF8 { utf8 in Result { () throws(JSONSyntaxError) -> JSONValue in try parse(utf8: utf8) } }
    return try result.get()
  }

  /// Parses one JSON value filling all of `utf8`.
  public static func parse(utf8: UnsafeBufferPointer<UInt8>) throws(JSONSyntaxError) -> JSONValue {
    try parseNode(utf8: utf8).value
  }

  /// Parses one JSON value filling all of `text`, keeping the location of every value.
  public static func parseNode(_ text: String) throws(JSONSyntaxError) -> JSONNode {
    var copy = text
    let result = copy.withUTF8 { utf8 in Result { () throws(JSONSyntaxError) -> JSONNode in try parseNode(utf8: utf8) } }
    return try result.get()
  }

  /// Parses one JSON value filling all of `utf8` (a UTF-8 byte order mark first is skipped), keeping the
  /// location of every value.
  public static func parseNode(utf8: UnsafeBufferPointer<UInt8>) throws(JSONSyntaxError) -> JSONNode {
    var parser = JSONParser(utf8)
    if utf8.count >= 3 && utf8[0] == 0xEF && utf8[1] == 0xBB && utf8[2] == 0xBF { parser.position = 3 }
    parser.skipWhiteSpace()
    let node = try parser.parseValue()
    parser.skipWhiteSpace()
    if parser.position != utf8.count { throw parser.error("unexpected text after the JSON value") }
    return node
  }

  /// Scans a top-level JSON object: each member's key and the byte range of its raw value. Every value
  /// is fully checked; only the strings named in `decode` are decoded.
  public static func scanObject(utf8: UnsafeBufferPointer<UInt8>, decode: Set<String>) throws(JSONSyntaxError) -> (members: [(key: String, raw: Range<Int>)], decoded: [String: String]) {
    var parser = JSONParser(utf8)
    parser.skipWhiteSpace()
    guard parser.peek() == UInt8(ascii: "{") else { throw parser.error("expected a JSON object") }
    parser.position += 1
    var members: [(key: String, raw: Range<Int>)] = []
    var decoded: [String: String] = [:]
    var seen = Set<String>()
    parser.skipWhiteSpace()
    if parser.peek() == UInt8(ascii: "}") {
      parser.position += 1
    } else {
      while true {
        parser.skipWhiteSpace()
        guard parser.peek() == UInt8(ascii: "\"") else { throw parser.error("expected a member name in quotes") }
        let keyOffset = parser.position
        let key = try parser.parseString()
        guard seen.insert(key).inserted else {
          throw JSONSyntaxError(message: "duplicate member \"\(key)\"", offset: keyOffset)
        }
        parser.skipWhiteSpace()
        guard parser.peek() == UInt8(ascii: ":") else { throw parser.error("expected ':' after member name") }
        parser.position += 1
        parser.skipWhiteSpace()
        let start = parser.position
        if decode.contains(key) && parser.peek() == UInt8(ascii: "\"") {
          decoded[key] = try parser.parseString()
        } else {
          try parser.skipValue()
        }
        members.append((key, start..<parser.position))
        parser.skipWhiteSpace()
        guard let next = parser.peek() else { throw parser.error("unterminated object") }
        parser.position += 1
        if next == UInt8(ascii: "}") { break }
        if next != UInt8(ascii: ",") {
          parser.position -= 1
          throw parser.error("expected ',' or '}' in object")
        }
      }
    }
    parser.skipWhiteSpace()
    if parser.position != utf8.count { throw parser.error("unexpected text after the JSON object") }
    return (members, decoded)
  }

  private func error(_ message: String) -> JSONSyntaxError { JSONSyntaxError(message: message, offset: position) }

  @inline(__always) private func peek() -> UInt8? { position < bytes.count ? bytes[position] : nil }

  private mutating func skipWhiteSpace() {
    while position < bytes.count {
      switch bytes[position] {
      case 0x20, 0x09, 0x0A, 0x0D: position += 1
      default: return
      }
    }
  }

  private mutating func parseValue() throws(JSONSyntaxError) -> JSONNode {
    let offset = position
    return JSONNode(content: try parseContent(), offset: offset)
  }

  private mutating func parseContent() throws(JSONSyntaxError) -> JSONNode.Content {
    guard let byte = peek() else { throw error("unexpected end of input, expected a value") }
    switch byte {
    case UInt8(ascii: "{"):
      try enter()
      defer { depth -= 1 }
      position += 1
      var members: [JSONNode.Member] = []
      skipWhiteSpace()
      if peek() == UInt8(ascii: "}") { position += 1; return .object(members) }
      while true {
        skipWhiteSpace()
        let offset = position
        guard peek() == UInt8(ascii: "\"") else { throw error("expected a member name in quotes") }
        let key = try parseString()
        skipWhiteSpace()
        guard peek() == UInt8(ascii: ":") else { throw error("expected ':' after member name") }
        position += 1
        skipWhiteSpace()
        members.append(JSONNode.Member(key: key, keyOffset: offset, value: try parseValue()))
        skipWhiteSpace()
        guard let next = peek() else { throw error("unterminated object") }
        if next == UInt8(ascii: "}") { position += 1; return .object(members) }
        guard next == UInt8(ascii: ",") else { throw error("expected ',' or '}' in object") }
        position += 1
      }
    case UInt8(ascii: "["):
      try enter()
      defer { depth -= 1 }
      position += 1
      var elements: [JSONNode] = []
      skipWhiteSpace()
      if peek() == UInt8(ascii: "]") { position += 1; return .array(elements) }
      while true {
        skipWhiteSpace()
        elements.append(try parseValue())
        skipWhiteSpace()
        guard let next = peek() else { throw error("unterminated array") }
        if next == UInt8(ascii: "]") { position += 1; return .array(elements) }
        guard next == UInt8(ascii: ",") else { throw error("expected ',' or ']' in array") }
        position += 1
      }
    case UInt8(ascii: "\""):
      return .string(try parseString())
    case UInt8(ascii: "t"): try literal("true"); return .bool(true)
    case UInt8(ascii: "f"): try literal("false"); return .bool(false)
    case UInt8(ascii: "n"): try literal("null"); return .null
    default:
      let start = position
      try skipNumber()
      return .number(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self))
    }
  }

  private mutating func enter() throws(JSONSyntaxError) {
    depth += 1
    if depth > Self.maximumDepth { throw error("JSON nested deeper than \(Self.maximumDepth) levels") }
  }

  /// Checks a value without building it.
  private mutating func skipValue() throws(JSONSyntaxError) {
    guard let byte = peek() else { throw error("unexpected end of input, expected a value") }
    switch byte {
    case UInt8(ascii: "\""): try skipString()
    case UInt8(ascii: "{"), UInt8(ascii: "["): _ = try parseValue()
    case UInt8(ascii: "t"): try literal("true")
    case UInt8(ascii: "f"): try literal("false")
    case UInt8(ascii: "n"): try literal("null")
    default: try skipNumber()
    }
  }

  private mutating func literal(_ word: StaticString) throws(JSONSyntaxError) {
    let count = word.utf8CodeUnitCount
    let text = UnsafeBufferPointer(start: word.utf8Start, count: count)
    guard position + count <= bytes.count, bytes[position..<position + count].elementsEqual(text) else {
      throw error("invalid literal, expected \(word)")
    }
    position += count
  }

  private mutating func skipNumber() throws(JSONSyntaxError) {
    let start = position
    if peek() == UInt8(ascii: "-") { position += 1 }
    guard let first = peek(), isDigit(first) else {
      position = start
      throw error("unexpected character, expected a value")
    }
    position += 1
    if first != UInt8(ascii: "0") { while let d = peek(), isDigit(d) { position += 1 } }
    if peek() == UInt8(ascii: ".") {
      position += 1
      guard let d = peek(), isDigit(d) else { throw error("expected a digit after '.'") }
      while let d = peek(), isDigit(d) { position += 1 }
    }
    if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
      position += 1
      if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { position += 1 }
      guard let d = peek(), isDigit(d) else { throw error("expected a digit in the exponent") }
      while let d = peek(), isDigit(d) { position += 1 }
    }
  }

  @inline(__always) private func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

  /// Checks a string and moves past it.
  private mutating func skipString() throws(JSONSyntaxError) {
    position += 1
    while position < bytes.count {
      let byte = bytes[position]
      if byte == UInt8(ascii: "\"") { position += 1; return }
      if byte == UInt8(ascii: "\\") {
        var scratch: [UInt8] = []
        try parseEscape(into: &scratch)
        continue
      }
      if byte < 0x20 { throw error("control character in string; it must be escaped") }
      position += 1
    }
    throw error("unterminated string")
  }

  private mutating func parseString() throws(JSONSyntaxError) -> String {
    position += 1
    let start = position
    // Fast path: no escapes.
    while position < bytes.count {
      let byte = bytes[position]
      if byte == UInt8(ascii: "\"") {
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
        position += 1
        return text
      }
      if byte == UInt8(ascii: "\\") { break }
      if byte < 0x20 { throw error("control character in string; it must be escaped") }
      position += 1
    }
    guard position < bytes.count else { throw error("unterminated string") }
    var scalars: [UInt8] = Array(bytes[start..<position])
    while position < bytes.count {
      let byte = bytes[position]
      if byte == UInt8(ascii: "\"") {
        position += 1
        return String(decoding: scalars, as: UTF8.self)
      }
      if byte == UInt8(ascii: "\\") {
        try parseEscape(into: &scalars)
        continue
      }
      if byte < 0x20 { throw error("control character in string; it must be escaped") }
      scalars.append(byte)
      position += 1
    }
    throw error("unterminated string")
  }

  private mutating func parseEscape(into output: inout [UInt8]) throws(JSONSyntaxError) {
    position += 1
    guard let kind = peek() else { throw error("unterminated escape") }
    position += 1
    switch kind {
    case UInt8(ascii: "\""): output.append(0x22)
    case UInt8(ascii: "\\"): output.append(0x5C)
    case UInt8(ascii: "/"): output.append(0x2F)
    case UInt8(ascii: "b"): output.append(0x08)
    case UInt8(ascii: "f"): output.append(0x0C)
    case UInt8(ascii: "n"): output.append(0x0A)
    case UInt8(ascii: "r"): output.append(0x0D)
    case UInt8(ascii: "t"): output.append(0x09)
    case UInt8(ascii: "u"):
      var value = try hex4()
      if (0xD800...0xDBFF).contains(value) {
        guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u") else {
          throw error("unpaired surrogate \\u\(String(value, radix: 16, uppercase: true))")
        }
        position += 2
        let low = try hex4()
        guard (0xDC00...0xDFFF).contains(low) else { throw error("invalid low surrogate") }
        value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
      } else if (0xDC00...0xDFFF).contains(value) {
        throw error("unpaired surrogate \\u\(String(value, radix: 16, uppercase: true))")
      }
      output.append(contentsOf: String(Character(Unicode.Scalar(value)!)).utf8)
    default:
      position -= 2
      throw error("invalid escape")
    }
  }

  private mutating func hex4() throws(JSONSyntaxError) -> UInt32 {
    guard position + 4 <= bytes.count else { throw error("truncated \\u escape") }
    var value: UInt32 = 0
    for _ in 0..<4 {
      let byte = bytes[position]
      let digit: UInt32
      switch byte {
      case 0x30...0x39: digit = UInt32(byte - 0x30)
      case 0x41...0x46: digit = UInt32(byte - 0x41 + 10)
      case 0x61...0x66: digit = UInt32(byte - 0x61 + 10)
      default: throw error("invalid hex digit in \\u escape")
      }
      value = value << 4 | digit
      position += 1
    }
    return value
  }
}

/// Writes JSON text into a byte buffer.
public enum JSONWriter {
  /// Appends `text` as a JSON string literal (quotes included).
  public static func appendString(_ text: some StringProtocol, to output: inout [UInt8]) {
    output.append(0x22)
    for byte in text.utf8 {
      switch byte {
      case 0x22: output.append(0x5C); output.append(0x22)
      case 0x5C: output.append(0x5C); output.append(0x5C)
      case 0x0A: output.append(0x5C); output.append(UInt8(ascii: "n"))
      case 0x0D: output.append(0x5C); output.append(UInt8(ascii: "r"))
      case 0x09: output.append(0x5C); output.append(UInt8(ascii: "t"))
      case 0..<0x20, 0x7F:
        let hex = Array("0123456789abcdef".utf8)
        output.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 15)]])
      default: output.append(byte)
      }
    }
    output.append(0x22)
  }

  /// Appends an integer.
  public static func appendInt(_ value: Int, to output: inout [UInt8]) {
    output.append(contentsOf: String(value).utf8)
  }

  /// Appends a JSON value.
  public static func append(_ value: JSONValue, to output: inout [UInt8]) {
    switch value {
    case .null: output.append(contentsOf: "null".utf8)
    case .bool(let flag): output.append(contentsOf: (flag ? "true" : "false").utf8)
    case .number(let text): output.append(contentsOf: text.utf8)
    case .string(let text): appendString(text, to: &output)
    case .array(let elements):
      output.append(UInt8(ascii: "["))
      for (index, element) in elements.enumerated() {
        if index > 0 { output.append(UInt8(ascii: ",")) }
        append(element, to: &output)
      }
      output.append(UInt8(ascii: "]"))
    case .object(let members):
      output.append(UInt8(ascii: "{"))
      for (index, member) in members.enumerated() {
        if index > 0 { output.append(UInt8(ascii: ",")) }
        appendString(member.key, to: &output)
        output.append(UInt8(ascii: ":"))
        append(member.value, to: &output)
      }
      output.append(UInt8(ascii: "}"))
    }
  }
}
