/// The JSON glossary format:
///
/// ```json
/// {"concepts": [
///   {"id": "geo:173811", "subject": "populated place", "references": {"geonames": "173811"}, "notes": [],
///    "terms": [
///     {"lang": "de", "term": "al-Hasaka", "status": "preferred"},
///     {"lang": "de", "term": "Hassake", "status": "admitted", "note": "…"}]}
/// ]}
/// ```
/// A top-level array of concepts is read as well.
enum JSONFormat {
  indirect enum Value {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array([(Value, Int)])
    case object([(key: String, value: Value, offset: Int)])

    subscript(_ key: String) -> (Value, Int)? {
      if case .object(let members) = self, let m = members.first(where: { $0.key == key }) { return (m.value, m.offset) }
      return nil
    }
  }

  struct Failure: Error {
    var message: String
    var offset: Int
  }

  // MARK: Reader

  static func read(_ bytes: [UInt8], into builder: inout GlossaryBuilder) {
    var parser = Parser(bytes: bytes)
    let root: Value
    do {
      root = try parser.document()
    } catch {
      builder.report(.error, .syntax, error.message, at: error.offset)
      return
    }
    let concepts: [(Value, Int)]
    if case .array(let list) = root {
      concepts = list
    } else if let (value, offset) = root["concepts"] {
      guard case .array(let list) = value else {
        builder.report(.error, .syntax, "\"concepts\" must be an array", at: offset)
        return
      }
      concepts = list
    } else {
      builder.report(.error, .syntax, "expected an object with \"concepts\" or an array of concepts", at: 0)
      return
    }
    for (entry, offset) in concepts {
      guard case .object = entry else {
        builder.report(.error, .syntax, "a concept must be an object", at: offset)
        continue
      }
      guard let (idValue, idOffset) = entry["id"], case .string(let id) = idValue else {
        builder.report(.error, .syntax, "concept without a string \"id\"", at: offset)
        continue
      }
      let c = builder.appendConcept(Concept(id: id), at: idOffset)
      if let (value, at) = entry["subject"] {
        if case .string(let s) = value { builder.concepts[c].subject = s } else if case .null = value {} else {
          builder.report(.error, .syntax, "\"subject\" must be a string", at: at)
        }
      }
      if let (value, at) = entry["notes"] {
        if case .array(let notes) = value {
          for (note, noteAt) in notes {
            if case .string(let s) = note { builder.concepts[c].notes.append(s) } else {
              builder.report(.error, .syntax, "a note must be a string", at: noteAt)
            }
          }
        } else {
          builder.report(.error, .syntax, "\"notes\" must be an array of strings", at: at)
        }
      }
      if let (value, at) = entry["references"] {
        if case .object(let members) = value {
          for member in members {
            if case .string(let s) = member.value { builder.concepts[c].references[member.key] = s } else {
              builder.report(.error, .syntax, "reference \"\(member.key)\" must be a string", at: member.offset)
            }
          }
        } else {
          builder.report(.error, .syntax, "\"references\" must be an object", at: at)
        }
      }
      guard let (termsValue, termsAt) = entry["terms"], case .array(let terms) = termsValue else {
        builder.report(.error, .syntax, "concept '\(id)' without a \"terms\" array", at: offset)
        continue
      }
      _ = termsAt
      for (term, termAt) in terms {
        func string(_ key: String) -> (String, Int)? {
          if let (v, o) = term[key], case .string(let s) = v { return (s, o) }
          return nil
        }
        guard case .object = term, let (text, textAt) = string("term") else {
          builder.report(.error, .syntax, "a term must be an object with a string \"term\"", at: termAt)
          continue
        }
        guard let (language, _) = string("lang") else {
          builder.report(.error, .badLanguageTag, "term '\(text)' without a string \"lang\"", at: termAt)
          continue
        }
        let (statusText, statusAt) = string("status") ?? ("", termAt)
        guard let status = Term.Status(rawValue: statusText) else {
          builder.report(.error, .unknownStatus, "unknown status '\(statusText)' (expected preferred, admitted or deprecated)", at: statusAt)
          continue
        }
        builder.addTerm(Term(language: language, text: text, status: status, note: string("note")?.0), toConcept: c, at: textAt)
      }
    }
  }

  struct Parser {
    let bytes: [UInt8]
    var i = 0
    var depth = 0

    init(bytes: [UInt8]) {
      self.bytes = bytes
      i = TableFormat.bytesStart(bytes)
    }

    mutating func document() throws(Failure) -> Value {
      let value = try self.value()
      skipSpace()
      if i < bytes.count { throw Failure(message: "unexpected text after the JSON value", offset: i) }
      return value
    }

    mutating func skipSpace() {
      while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
    }

    mutating func value() throws(Failure) -> Value {
      skipSpace()
      guard i < bytes.count else { throw Failure(message: "unexpected end of JSON", offset: i) }
      switch bytes[i] {
      case 0x7B:
        depth += 1
        if depth > 256 { throw Failure(message: "JSON nested too deeply", offset: i) }
        defer { depth -= 1 }
        i += 1
        var members: [(key: String, value: Value, offset: Int)] = []
        skipSpace()
        if i < bytes.count, bytes[i] == 0x7D {
          i += 1
          return .object(members)
        }
        while true {
          skipSpace()
          let keyOffset = i
          guard i < bytes.count, bytes[i] == 0x22 else { throw Failure(message: "expected a string key", offset: i) }
          let key = try string()
          skipSpace()
          guard i < bytes.count, bytes[i] == 0x3A else { throw Failure(message: "expected ':'", offset: i) }
          i += 1
          skipSpace()
          let valueOffset = i
          members.append((key, try value(), valueOffset == keyOffset ? keyOffset : valueOffset))
          skipSpace()
          guard i < bytes.count else { throw Failure(message: "unterminated object", offset: i) }
          if bytes[i] == 0x2C { i += 1; continue }
          if bytes[i] == 0x7D { i += 1; return .object(members) }
          throw Failure(message: "expected ',' or '}'", offset: i)
        }
      case 0x5B:
        depth += 1
        if depth > 256 { throw Failure(message: "JSON nested too deeply", offset: i) }
        defer { depth -= 1 }
        i += 1
        var elements: [(Value, Int)] = []
        skipSpace()
        if i < bytes.count, bytes[i] == 0x5D {
          i += 1
          return .array(elements)
        }
        while true {
          skipSpace()
          let offset = i
          elements.append((try value(), offset))
          skipSpace()
          guard i < bytes.count else { throw Failure(message: "unterminated array", offset: i) }
          if bytes[i] == 0x2C { i += 1; continue }
          if bytes[i] == 0x5D { i += 1; return .array(elements) }
          throw Failure(message: "expected ',' or ']'", offset: i)
        }
      case 0x22:
        return .string(try string())
      case 0x74:
        try literal("true")
        return .bool(true)
      case 0x66:
        try literal("false")
        return .bool(false)
      case 0x6E:
        try literal("null")
        return .null
      default:
        let start = i
        while i < bytes.count, (bytes[i] >= 0x30 && bytes[i] <= 0x39) || bytes[i] == 0x2D || bytes[i] == 0x2B || bytes[i] == 0x2E || bytes[i] == 0x65 || bytes[i] == 0x45 { i += 1 }
        if i == start { throw Failure(message: "unexpected character", offset: i) }
        return .number(String(decoding: bytes[start..<i], as: UTF8.self))
      }
    }

    mutating func literal(_ word: String) throws(Failure) {
      let w = Array(word.utf8)
      guard i + w.count <= bytes.count, Array(bytes[i..<i + w.count]) == w else { throw Failure(message: "unexpected character", offset: i) }
      i += w.count
    }

    mutating func string() throws(Failure) -> String {
      let start = i
      i += 1
      var out: [UInt8] = []
      while true {
        guard i < bytes.count else { throw Failure(message: "unterminated string", offset: start) }
        let b = bytes[i]
        if b == 0x22 {
          i += 1
          break
        }
        if b < 0x20 { throw Failure(message: "control character in string", offset: i) }
        if b == 0x5C {
          guard i + 1 < bytes.count else { throw Failure(message: "unterminated string", offset: start) }
          let e = bytes[i + 1]
          i += 2
          switch e {
          case 0x22: out.append(0x22)
          case 0x5C: out.append(0x5C)
          case 0x2F: out.append(0x2F)
          case 0x62: out.append(0x08)
          case 0x66: out.append(0x0C)
          case 0x6E: out.append(0x0A)
          case 0x72: out.append(0x0D)
          case 0x74: out.append(0x09)
          case 0x75:
            var code = try hex4()
            if code >= 0xD800, code < 0xDC00 {
              guard i + 1 < bytes.count, bytes[i] == 0x5C, bytes[i + 1] == 0x75 else { throw Failure(message: "lone surrogate", offset: i) }
              i += 2
              let low = try hex4()
              guard low >= 0xDC00, low < 0xE000 else { throw Failure(message: "bad surrogate pair", offset: i) }
              code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
            }
            guard let scalar = Unicode.Scalar(code) else { throw Failure(message: "bad \\u escape", offset: i) }
            out.append(contentsOf: Array(String(Character(scalar)).utf8))
          default:
            throw Failure(message: "bad escape", offset: i - 1)
          }
        } else {
          out.append(b)
          i += 1
        }
      }
      guard let s = String(validating: out, as: UTF8.self) else { throw Failure(message: "invalid UTF-8", offset: start) }
      return s
    }

    mutating func hex4() throws(Failure) -> UInt32 {
      guard i + 4 <= bytes.count, let v = UInt32(String(decoding: bytes[i..<i + 4], as: UTF8.self), radix: 16) else {
        throw Failure(message: "bad \\u escape", offset: i)
      }
      i += 4
      return v
    }
  }

  // MARK: Writer

  static func write(_ glossary: Glossary) -> [UInt8] {
    var out = "{\"concepts\": [\n"
    for (n, concept) in glossary.concepts.enumerated() {
      out += "  {\"id\": \(quoted(concept.id))"
      if let subject = concept.subject { out += ", \"subject\": \(quoted(subject))" }
      if !concept.references.isEmpty {
        out += ", \"references\": {" + concept.references.sorted { $0.key < $1.key }.map { "\(quoted($0.key)): \(quoted($0.value))" }.joined(separator: ", ") + "}"
      }
      if !concept.notes.isEmpty { out += ", \"notes\": [" + concept.notes.map(quoted).joined(separator: ", ") + "]" }
      out += ", \"terms\": ["
      for (t, term) in concept.terms.enumerated() {
        out += "\n    {\"lang\": \(quoted(term.language)), \"term\": \(quoted(term.text)), \"status\": \"\(term.status.rawValue)\""
        if let note = term.note { out += ", \"note\": \(quoted(note))" }
        out += t == concept.terms.count - 1 ? "}" : "},"
      }
      out += "]}" + (n == glossary.concepts.count - 1 ? "\n" : ",\n")
    }
    out += "]}\n"
    return Array(out.utf8)
  }

  static func quoted(_ s: String) -> String {
    var out = "\""
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default:
        if scalar.value < 0x20 {
          let hex = String(scalar.value, radix: 16)
          out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }
}
