/// A small, safe XML reader for TBX: elements, attributes, text, CDATA, comments, processing instructions,
/// the five predefined entities and numeric character references, with the byte offset of every node.
///
/// It refuses what makes XML dangerous: an internal DTD subset (where `<!ENTITY` declarations live, the root
/// of billion-laughs and external-entity attacks) is an error at the declaration, and any other entity
/// reference is an error too, so nothing is ever expanded beyond one character and nothing outside the file
/// is ever read. A `<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">` line without an internal subset, as in
/// many TBX v2 files, is accepted and its DTD is never loaded.
struct XMLReader {
  /// An element with its attributes and children, and the byte offset of its `<`.
  final class Element: Sendable {
    let name: String
    /// The name without a namespace prefix.
    let localName: Substring
    let attributes: [(name: String, value: String)]
    let children: [Node]
    let offset: Int

    init(name: String, attributes: [(name: String, value: String)], children: [Node], offset: Int) {
      self.name = name
      if let colon = name.utf8.lastIndex(of: 0x3A) {
        localName = name[name.utf8.index(after: colon)...]
      } else {
        localName = name[...]
      }
      self.attributes = attributes
      self.children = children
      self.offset = offset
    }

    func attribute(_ name: String) -> String? { attributes.first { $0.name == name }?.value }

    var elements: [Element] {
      children.compactMap { if case .element(let e) = $0 { e } else { nil } }
    }

    /// The concatenated text of this element and its descendants.
    var text: String {
      if children.count == 1, case .text(let only) = children[0] { return only }
      var result = ""
      for child in children {
        switch child {
        case .text(let t): result += t
        case .element(let e): result += e.text
        }
      }
      return result
    }
  }

  enum Node: Sendable {
    case element(Element)
    case text(String)
  }

  struct Failure: Error {
    var kind: GlossaryDiagnostic.Kind
    var message: String
    var offset: Int
  }

  /// Nesting deeper than this is refused (TBX needs fewer than 10 levels).
  static let maximumDepth = 256

  private let bytes: [UInt8]
  private var i = 0

  /// Parses a whole document and returns its root element.
  ///
  /// `consume` sees every element once it is complete, with its depth (the root is 0); when it returns true the
  /// element is dropped from its parent, so a caller that handles entries one by one (TBX's `conceptEntry`)
  /// keeps only one entry in memory at a time.
  static func parse(_ bytes: [UInt8], consume: (Element, Int) -> Bool = { _, _ in false }) throws(Failure) -> Element {
    var reader = XMLReader(bytes: bytes)
    return try reader.document(consume)
  }

  private init(bytes: [UInt8]) {
    self.bytes = bytes
    i = TableFormat.bytesStart(bytes)
  }

  private mutating func document(_ consume: (Element, Int) -> Bool) throws(Failure) -> Element {
    var root: Element?
    while true {
      skipSpace()
      if i >= bytes.count { break }
      guard bytes[i] == 0x3C else {
        throw Failure(kind: .syntax, message: root == nil ? "expected '<' to start the document" : "text after the root element", offset: i)
      }
      if startsWith("<?") {
        try skipPast("?>", what: "processing instruction")
      } else if startsWith("<!--") {
        try skipPast("-->", what: "comment")
      } else if startsWith("<!DOCTYPE") {
        if root != nil { throw Failure(kind: .syntax, message: "DOCTYPE after the root element", offset: i) }
        try doctype()
      } else if startsWith("<!") {
        throw Failure(kind: .syntax, message: "unexpected markup declaration outside a DTD", offset: i)
      } else {
        if root != nil { throw Failure(kind: .syntax, message: "a second root element", offset: i) }
        root = try element(depth: 0, consume)
      }
    }
    guard let root else { throw Failure(kind: .syntax, message: "no root element", offset: i) }
    return root
  }

  /// `<!DOCTYPE name ExternalID?>`; an internal subset `[...]` is refused.
  private mutating func doctype() throws(Failure) {
    let start = i
    i += 9
    var quote: UInt8 = 0
    while i < bytes.count {
      let b = bytes[i]
      if quote != 0 {
        if b == quote { quote = 0 }
      } else if b == 0x22 || b == 0x27 {
        quote = b
      } else if b == 0x5B {
        // Internal subset: find the first declaration in it for a precise message.
        var j = i + 1
        while j < bytes.count, bytes[j] != 0x5D {
          if bytes[j] == 0x3C, j + 8 <= bytes.count, Array(bytes[j..<j + 8]) == Array("<!ENTITY".utf8) {
            throw Failure(
              kind: .unsafeXML,
              message: "entity declaration refused: glossary XML may not declare entities (no entity expansion, no external entities)",
              offset: j)
          }
          j += 1
        }
        throw Failure(kind: .unsafeXML, message: "internal DTD subset refused: glossary XML may not declare a DTD subset", offset: i)
      } else if b == 0x3E {
        i += 1
        return
      }
      i += 1
    }
    throw Failure(kind: .syntax, message: "unterminated DOCTYPE", offset: start)
  }

  private mutating func element(depth: Int, _ consume: (Element, Int) -> Bool) throws(Failure) -> Element {
    let start = i
    if depth > Self.maximumDepth { throw Failure(kind: .syntax, message: "elements nested deeper than \(Self.maximumDepth)", offset: i) }
    i += 1
    let name = try self.name()
    var attributes: [(name: String, value: String)] = []
    while true {
      let hadSpace = skipSpace()
      guard i < bytes.count else { throw Failure(kind: .syntax, message: "unterminated start tag <\(name)>", offset: start) }
      if bytes[i] == 0x2F {
        guard i + 1 < bytes.count, bytes[i + 1] == 0x3E else { throw Failure(kind: .syntax, message: "expected '/>'", offset: i) }
        i += 2
        return Element(name: name, attributes: attributes, children: [], offset: start)
      }
      if bytes[i] == 0x3E {
        i += 1
        break
      }
      if !hadSpace { throw Failure(kind: .syntax, message: "expected a space before an attribute", offset: i) }
      let attributeOffset = i
      let attributeName = try self.name()
      skipSpace()
      guard i < bytes.count, bytes[i] == 0x3D else { throw Failure(kind: .syntax, message: "expected '=' after attribute \(attributeName)", offset: i) }
      i += 1
      skipSpace()
      guard i < bytes.count, bytes[i] == 0x22 || bytes[i] == 0x27 else {
        throw Failure(kind: .syntax, message: "expected a quoted value for attribute \(attributeName)", offset: i)
      }
      let quote = bytes[i]
      i += 1
      let valueStart = i
      while i < bytes.count, bytes[i] != quote {
        if bytes[i] == 0x3C { throw Failure(kind: .syntax, message: "'<' in attribute value", offset: i) }
        i += 1
      }
      guard i < bytes.count else { throw Failure(kind: .syntax, message: "unterminated attribute value", offset: valueStart) }
      let value = try decode(valueStart, i, normalizeSpace: true)
      i += 1
      if attributes.contains(where: { $0.name == attributeName }) {
        throw Failure(kind: .syntax, message: "attribute \(attributeName) given twice", offset: attributeOffset)
      }
      attributes.append((attributeName, value))
    }
    var children: [Node] = []
    while true {
      guard i < bytes.count else { throw Failure(kind: .syntax, message: "element <\(name)> is not closed", offset: start) }
      if bytes[i] == 0x3C {
        if startsWith("</") {
          let endOffset = i
          i += 2
          let endName = try self.name()
          skipSpace()
          guard i < bytes.count, bytes[i] == 0x3E else { throw Failure(kind: .syntax, message: "expected '>'", offset: i) }
          i += 1
          if endName != name {
            throw Failure(kind: .syntax, message: "end tag </\(endName)> does not match <\(name)>", offset: endOffset)
          }
          return Element(name: name, attributes: attributes, children: children, offset: start)
        } else if startsWith("<!--") {
          try skipPast("-->", what: "comment")
        } else if startsWith("<![CDATA[") {
          let cdataStart = i
          i += 9
          let textStart = i
          try skipPast("]]>", what: "CDATA section")
          guard let text = String(validating: bytes[textStart..<(i - 3)], as: UTF8.self) else {
            throw Failure(kind: .syntax, message: "invalid UTF-8", offset: cdataStart)
          }
          children.append(.text(text))
        } else if startsWith("<?") {
          try skipPast("?>", what: "processing instruction")
        } else if startsWith("<!") {
          throw Failure(kind: .unsafeXML, message: "markup declaration inside an element refused", offset: i)
        } else {
          let child = try element(depth: depth + 1, consume)
          if !consume(child, depth + 1) { children.append(.element(child)) }
        }
      } else {
        let textStart = i
        var blank = true
        while i < bytes.count, bytes[i] != 0x3C {
          if blank, bytes[i] != 0x20, bytes[i] != 0x0A, bytes[i] != 0x0D, bytes[i] != 0x09 { blank = false }
          i += 1
        }
        // Whitespace between elements (indentation) carries nothing in TBX; keeping it would cost memory.
        if !blank { children.append(.text(try decode(textStart, i, normalizeSpace: false))) }
      }
    }
  }

  @discardableResult
  private mutating func skipSpace() -> Bool {
    let start = i
    while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
    return i > start
  }

  private func startsWith(_ s: StaticString) -> Bool {
    let n = s.utf8CodeUnitCount
    guard i + n <= bytes.count else { return false }
    let p = s.utf8Start
    for k in 0..<n where bytes[i + k] != p[k] { return false }
    return true
  }

  private mutating func skipPast(_ s: StaticString, what: String) throws(Failure) {
    let start = i
    while i < bytes.count {
      if startsWith(s) {
        i += s.utf8CodeUnitCount
        return
      }
      i += 1
    }
    throw Failure(kind: .syntax, message: "unterminated \(what)", offset: start)
  }

  private mutating func name() throws(Failure) -> String {
    let start = i
    while i < bytes.count {
      let b = bytes[i]
      if b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 || b == 0x2F || b == 0x3E || b == 0x3D || b == 0x3C || b == 0x22 || b == 0x27 { break }
      i += 1
    }
    guard i > start, let name = String(validating: bytes[start..<i], as: UTF8.self) else {
      throw Failure(kind: .syntax, message: "expected a name", offset: start)
    }
    return name
  }

  /// Text between `start` and `end` with entity and character references replaced.
  private func decode(_ start: Int, _ end: Int, normalizeSpace: Bool) throws(Failure) -> String {
    if !bytes[start..<end].contains(where: { $0 == 0x26 || (normalizeSpace && ($0 == 0x0A || $0 == 0x09 || $0 == 0x0D)) }) {
      guard let text = String(validating: bytes[start..<end], as: UTF8.self) else {
        throw Failure(kind: .syntax, message: "invalid UTF-8", offset: start)
      }
      return text
    }
    var out: [UInt8] = []
    out.reserveCapacity(end - start)
    var k = start
    while k < end {
      let b = bytes[k]
      if b == 0x26 {
        guard let semicolon = bytes[k..<min(end, k + 12)].firstIndex(of: 0x3B) else {
          throw Failure(kind: .syntax, message: "'&' not followed by an entity or character reference", offset: k)
        }
        let ref = Array(bytes[(k + 1)..<semicolon])
        switch ref {
        case Array("lt".utf8): out.append(0x3C)
        case Array("gt".utf8): out.append(0x3E)
        case Array("amp".utf8): out.append(0x26)
        case Array("quot".utf8): out.append(0x22)
        case Array("apos".utf8): out.append(0x27)
        default:
          if ref.first == 0x23 {
            let hex = ref.count > 1 && (ref[1] == 0x78)
            let digits = ref.dropFirst(hex ? 2 : 1)
            guard !digits.isEmpty, let value = UInt32(String(decoding: digits, as: UTF8.self), radix: hex ? 16 : 10),
              let scalar = Unicode.Scalar(value), value != 0
            else {
              throw Failure(kind: .syntax, message: "bad character reference '&\(String(decoding: ref, as: UTF8.self));'", offset: k)
            }
            out.append(contentsOf: Array(String(Character(scalar)).utf8))
          } else {
            throw Failure(
              kind: .unsafeXML,
              message: "entity '&\(String(decoding: ref, as: UTF8.self));' refused: only &lt; &gt; &amp; &quot; &apos; and character references are allowed",
              offset: k)
          }
        }
        k = semicolon + 1
      } else {
        out.append(normalizeSpace && (b == 0x0A || b == 0x09 || b == 0x0D) ? 0x20 : b)
        k += 1
      }
    }
    guard let text = String(validating: out, as: UTF8.self) else {
      throw Failure(kind: .syntax, message: "invalid UTF-8", offset: start)
    }
    return text
  }
}
