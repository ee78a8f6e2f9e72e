/// A small, strict XML reader for rule files (SRX): elements, attributes, text, CDATA, comments and
/// processing instructions; the five predefined entities and character references. Document type
/// declarations and entity declarations are rejected (no external or expanding entities).
struct XMLElement: Sendable {
  /// The element name with any namespace prefix removed (`srx:rule` → `rule`).
  var name: String
  var attributes: [String: String]
  var children: [XMLNode]
  /// 1-based line of the start tag.
  var line: Int

  /// The child elements called `name`.
  func elements(_ name: String) -> [XMLElement] {
    children.compactMap { if case .element(let e) = $0, e.name == name { e } else { nil } }
  }

  /// The first child element called `name`.
  func element(_ name: String) -> XMLElement? { elements(name).first }

  /// All text inside, concatenated (CDATA included).
  var text: String {
    children.map {
      switch $0 {
      case .text(let t): t
      case .element(let e): e.text
      }
    }.joined()
  }
}

enum XMLNode: Sendable {
  case element(XMLElement)
  case text(String)
}

/// A syntax error with its location.
struct XMLError: Error, Sendable, CustomStringConvertible {
  public let line: Int
  public let column: Int
  public let message: String
  public var description: String { "\(line):\(column): \(message)" }
}

struct XMLReader {
  private let bytes: [UInt8]
  private var position = 0

  init(_ text: String) { bytes = Array(text.utf8) }

  /// Parses a whole document and returns its root element.
  static func parse(_ text: String) throws(XMLError) -> XMLElement {
    var reader = XMLReader(text)
    return try reader.document()
  }

  private mutating func document() throws(XMLError) -> XMLElement {
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
    var root: XMLElement?
    while true {
      skipSpace()
      if position >= bytes.count { break }
      if starts("<?") {
        try skip(past: "?>", what: "processing instruction")
      } else if starts("<!--") {
        try skip(past: "-->", what: "comment")
      } else if starts("<!DOCTYPE") || starts("<!ENTITY") || starts("<!") {
        throw error("document type and entity declarations are not allowed")
      } else if starts("<") {
        guard root == nil else { throw error("more than one root element") }
        root = try element()
      } else {
        throw error("text outside the root element")
      }
    }
    guard let root else { throw error("no root element") }
    return root
  }

  private mutating func element() throws(XMLError) -> XMLElement {
    let line = currentLocation().line
    position += 1  // <
    let qualified = name()
    guard !qualified.isEmpty else { throw error("expected an element name") }
    var attributes: [String: String] = [:]
    while true {
      skipSpace()
      guard position < bytes.count else { throw error("unterminated start tag <\(qualified)>") }
      if starts("/>") {
        position += 2
        return XMLElement(name: localName(qualified), attributes: attributes, children: [], line: line)
      }
      if bytes[position] == UInt8(ascii: ">") {
        position += 1
        break
      }
      let attribute = name()
      guard !attribute.isEmpty else { throw error("expected an attribute name in <\(qualified)>") }
      skipSpace()
      guard position < bytes.count, bytes[position] == UInt8(ascii: "=") else { throw error("expected '=' after \(attribute)") }
      position += 1
      skipSpace()
      guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") || bytes[position] == UInt8(ascii: "'") else {
        throw error("expected a quoted value for \(attribute)")
      }
      let quote = bytes[position]
      position += 1
      let start = position
      while position < bytes.count, bytes[position] != quote {
        if bytes[position] == UInt8(ascii: "<") { throw error("'<' in attribute value") }
        position += 1
      }
      guard position < bytes.count else { throw error("unterminated attribute value") }
      let raw = String(decoding: bytes[start..<position], as: UTF8.self)
      position += 1
      let key = localName(attribute)
      guard attributes[key] == nil else { throw error("duplicate attribute \(attribute)") }
      attributes[key] = try decodeEntities(raw)
    }
    var children: [XMLNode] = []
    var text: [UInt8] = []
    func flush() throws(XMLError) {
      if !text.isEmpty {
        children.append(.text(try decodeEntities(String(decoding: text, as: UTF8.self))))
        text.removeAll()
      }
    }
    while true {
      guard position < bytes.count else { throw error("element <\(qualified)> is not closed") }
      if starts("</") {
        try flush()
        position += 2
        let closing = name()
        guard closing == qualified else { throw error("</\(closing)> closes <\(qualified)>") }
        skipSpace()
        guard position < bytes.count, bytes[position] == UInt8(ascii: ">") else { throw error("expected '>'") }
        position += 1
        return XMLElement(name: localName(qualified), attributes: attributes, children: children, line: line)
      } else if starts("<![CDATA[") {
        try flush()
        position += 9
        let start = position
        try skip(past: "]]>", what: "CDATA section")
        children.append(.text(String(decoding: bytes[start..<(position - 3)], as: UTF8.self)))
      } else if starts("<!--") {
        try skip(past: "-->", what: "comment")
      } else if starts("<?") {
        try skip(past: "?>", what: "processing instruction")
      } else if starts("<!") {
        throw error("declarations are not allowed inside elements")
      } else if bytes[position] == UInt8(ascii: "<") {
        try flush()
        children.append(.element(try element()))
      } else {
        text.append(bytes[position])
        position += 1
      }
    }
  }

  private func localName(_ qualified: String) -> String {
    if let colon = qualified.lastIndex(of: ":") { return String(qualified[qualified.index(after: colon)...]) }
    return qualified
  }

  private mutating func name() -> String {
    let start = position
    while position < bytes.count {
      let b = bytes[position]
      if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == UInt8(ascii: ">") || b == UInt8(ascii: "/")
        || b == UInt8(ascii: "=") || b == UInt8(ascii: "<") || b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") { break }
      position += 1
    }
    return String(decoding: bytes[start..<position], as: UTF8.self)
  }

  private func decodeEntities(_ raw: String) throws(XMLError) -> String {
    guard raw.contains("&") else { return raw }
    var result = ""
    var rest = Substring(raw)
    while let amp = rest.firstIndex(of: "&") {
      result += rest[..<amp]
      guard let semi = rest[amp...].firstIndex(of: ";") else { throw error("unterminated entity reference") }
      let entity = rest[rest.index(after: amp)..<semi]
      switch entity {
      case "lt": result += "<"
      case "gt": result += ">"
      case "amp": result += "&"
      case "quot": result += "\""
      case "apos": result += "'"
      default:
        var value: UInt32?
        if entity.hasPrefix("#x") { value = UInt32(entity.dropFirst(2), radix: 16) }
        else if entity.hasPrefix("#") { value = UInt32(entity.dropFirst(), radix: 10) }
        guard let value, let scalar = Unicode.Scalar(value) else { throw error("unknown entity &\(entity);") }
        result.unicodeScalars.append(scalar)
      }
      rest = rest[rest.index(after: semi)...]
    }
    return result + rest
  }

  private func starts(_ prefix: String) -> Bool {
    var index = position
    for byte in prefix.utf8 {
      guard index < bytes.count, bytes[index] == byte else { return false }
      index += 1
    }
    return true
  }

  private mutating func skip(past terminator: String, what: String) throws(XMLError) {
    while position < bytes.count {
      if starts(terminator) {
        position += terminator.utf8.count
        return
      }
      position += 1
    }
    throw error("unterminated \(what)")
  }

  private mutating func skipSpace() {
    while position < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[position]) { position += 1 }
  }

  private func currentLocation() -> (line: Int, column: Int) {
    var line = 1, column = 1
    for byte in bytes[0..<min(position, bytes.count)] {
      if byte == 0x0A { line += 1; column = 1 } else if byte & 0xC0 != 0x80 { column += 1 }
    }
    return (line, column)
  }

  private func error(_ message: String) -> XMLError {
    let location = currentLocation()
    return XMLError(line: location.line, column: location.column, message: message)
  }
}
