import GlossaCore
/// The glossary table formats: the TSV of design.md (`concept`, `lang`, `term`, `status`, optional `note`,
/// `ref`, `subject`, `concept_note` columns, one row per term), the same columns as CSV, and two-column
/// source/target files as MT glossary services take them.
///
/// Concept-level columns: `ref` holds `scheme:value` references separated by spaces (`geonames:173811
/// wikidata:Q193014`), `subject` the subject field, `concept_note` one concept note per row; a concept's
/// values are collected from all its rows.
enum TableFormat {
  static let tab: UInt8 = 0x09
  static let comma: UInt8 = 0x2C

  struct Columns {
    var concept = -1, lang = -1, term = -1, status = -1, note = -1, ref = -1, subject = -1, conceptNote = -1
    var count = 0

    init?(header: [String]) {
      count = header.count
      for (i, name) in header.enumerated() {
        switch name.lowercased() {
        case "concept", "concept_id", "id": concept = i
        case "lang", "language": lang = i
        case "term": term = i
        case "status": status = i
        case "note", "term_note": note = i
        case "ref", "refs", "references": ref = i
        case "subject", "subject_field": subject = i
        case "concept_note": conceptNote = i
        default: break
        }
      }
      if concept < 0 || term < 0 { return nil }
    }
  }

  /// Whether the first line of `bytes` is a full-table header (has `concept` and `term` columns).
  static func hasTableHeader(_ bytes: [UInt8], delimiter: UInt8) -> Bool {
    let end = bytes.firstIndex(of: 0x0A) ?? bytes.count
    let line = String(decoding: bytes[bytesStart(bytes)..<end], as: UTF8.self)
    let fields = line.split(separator: Character(Unicode.Scalar(delimiter)), omittingEmptySubsequences: false)
      .map { $0.trimmingASCIISpace().trimmingQuotes() }
    return Columns(header: fields) != nil
  }

  /// Skips a UTF-8 byte order mark.
  static func bytesStart(_ bytes: [UInt8]) -> Int {
    bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
  }

  // MARK: Fast TSV reader

  /// Reads the full-table TSV. The hot path splits the UTF-8 buffer at bytes and makes a `String` only for
  /// fields it keeps; consecutive rows of one concept reuse the concept's id and the previous language.
  static func readTSV(_ bytes: [UInt8], into builder: inout GlossaryBuilder) {
    // Validate UTF-8 once for the whole buffer; fields then become Strings without a second check.
    if let bad = bytes.withUnsafeBufferPointer(firstInvalidUTF8) {
      builder.report(.error, .syntax, "invalid UTF-8", at: bad)
      return
    }
    builder.reserveConcepts(bytes.count / 256)
    bytes.withUnsafeBufferPointer { buffer in
      let count = buffer.count
      var position = bytesStart(bytes)
      // Header
      let headerEnd = nextLineEnd(buffer, from: position)
      let headerFields = split(buffer, position, headerEnd).map { string(buffer, $0) ?? "" }
      guard let columns = Columns(header: headerFields.map { $0.trimmingASCIISpace() }) else {
        builder.report(.error, .syntax, "missing header: expected columns concept<TAB>lang<TAB>term<TAB>status", at: position)
        return
      }
      if columns.status < 0 || columns.lang < 0 {
        builder.report(.error, .syntax, "header needs the columns concept, lang, term and status", at: position)
        return
      }
      position = headerEnd + 1
      var fieldStart = [Int](repeating: 0, count: columns.count)
      var fieldEnd = [Int](repeating: 0, count: columns.count)
      var previousConcept: (start: Int, end: Int) = (0, 0)
      var previousConceptIndex = -1
      var previousLangBytes: (start: Int, end: Int) = (0, 0)
      var previousLang = ""
      while position < count {
        let lineStart = position
        var lineEnd = nextLineEnd(buffer, from: position)
        position = lineEnd + 1
        if lineEnd > lineStart, buffer[lineEnd - 1] == 0x0D { lineEnd -= 1 }
        if lineEnd == lineStart { continue }
        // Split into fields.
        var field = 0
        var start = lineStart
        var i = lineStart
        while i < lineEnd {
          if buffer[i] == tab {
            if field < columns.count {
              fieldStart[field] = start
              fieldEnd[field] = i
            }
            field += 1
            start = i + 1
          }
          i += 1
        }
        if field < columns.count {
          fieldStart[field] = start
          fieldEnd[field] = lineEnd
        }
        field += 1
        if field < columns.count {
          let needed = max(columns.concept, columns.lang, columns.term, columns.status)
          if field <= needed {
            builder.report(.error, .syntax, "expected \(columns.count) tab-separated columns, found \(field)", at: lineEnd)
            continue
          }
          for f in field..<columns.count {
            fieldStart[f] = lineEnd
            fieldEnd[f] = lineEnd
          }
        }
        // Concept.
        let cs = fieldStart[columns.concept], ce = fieldEnd[columns.concept]
        let conceptIndex: Int
        if previousConceptIndex >= 0, equal(buffer, cs, ce, previousConcept.start, previousConcept.end) {
          conceptIndex = previousConceptIndex
        } else {
          guard let id = string(buffer, (cs, ce)) else {
            builder.report(.error, .syntax, "invalid UTF-8", at: cs)
            continue
          }
          if id.isEmpty {
            builder.report(.error, .syntax, "empty concept id", at: cs)
            continue
          }
          conceptIndex = builder.concept(id, at: cs)
          previousConcept = (cs, ce)
          previousConceptIndex = conceptIndex
        }
        // Status.
        let ss = fieldStart[columns.status], se = fieldEnd[columns.status]
        guard let status = Term.Status(utf8: UnsafeBufferPointer(rebasing: buffer[ss..<se])) else {
          let text = string(buffer, (ss, se)) ?? ""
          builder.report(.error, .unknownStatus, "unknown status '\(text)' (expected preferred, admitted or deprecated)", at: ss)
          continue
        }
        // Language (a new String only when it changes).
        let ls = fieldStart[columns.lang], le = fieldEnd[columns.lang]
        if !equal(buffer, ls, le, previousLangBytes.start, previousLangBytes.end) || previousLangBytes.end == 0 {
          previousLang = string(buffer, (ls, le)) ?? ""
          previousLangBytes = (ls, le)
        }
        // Term.
        let ts = fieldStart[columns.term], te = fieldEnd[columns.term]
        guard let text = string(buffer, (ts, te)) else {
          builder.report(.error, .syntax, "invalid UTF-8", at: ts)
          continue
        }
        var note: String?
        if columns.note >= 0, fieldEnd[columns.note] > fieldStart[columns.note] {
          note = string(buffer, (fieldStart[columns.note], fieldEnd[columns.note]))
        }
        builder.addTerm(Term(language: previousLang, text: text, status: status, note: note), toConcept: conceptIndex, at: ts)
        // Concept-level columns.
        if columns.ref >= 0, fieldEnd[columns.ref] > fieldStart[columns.ref], let refs = string(buffer, (fieldStart[columns.ref], fieldEnd[columns.ref])) {
          addReferences(refs, concept: conceptIndex, at: fieldStart[columns.ref], into: &builder)
        }
        if columns.subject >= 0, fieldEnd[columns.subject] > fieldStart[columns.subject], let subject = string(buffer, (fieldStart[columns.subject], fieldEnd[columns.subject])) {
          setSubject(subject, concept: conceptIndex, at: fieldStart[columns.subject], into: &builder)
        }
        if columns.conceptNote >= 0, fieldEnd[columns.conceptNote] > fieldStart[columns.conceptNote], let n = string(buffer, (fieldStart[columns.conceptNote], fieldEnd[columns.conceptNote])) {
          builder.concepts[conceptIndex].notes.append(n)
        }
      }
    }
  }

  static func addReferences(_ text: String, concept: Int, at offset: Int, into builder: inout GlossaryBuilder) {
    let (references, bad) = Concept.parseReferences(text)
    for token in bad {
      builder.report(.error, .syntax, "bad reference '\(token)' (expected scheme:value, e.g. geonames:173811)", at: offset)
    }
    for (scheme, value) in references {
      if let existing = builder.concepts[concept].references[scheme], existing != value {
        builder.report(.error, .conflict, "concept '\(builder.concepts[concept].id)' has two \(scheme) references: \(existing) and \(value)", at: offset)
      } else {
        builder.concepts[concept].references[scheme] = value
      }
    }
  }

  static func setSubject(_ subject: String, concept: Int, at offset: Int, into builder: inout GlossaryBuilder) {
    if let existing = builder.concepts[concept].subject, existing != subject {
      builder.report(.error, .conflict, "concept '\(builder.concepts[concept].id)' has two subject fields: '\(existing)' and '\(subject)'", at: offset)
    } else {
      builder.concepts[concept].subject = subject
    }
  }

  @inline(__always)
  static func nextLineEnd(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
    var i = start
    let count = buffer.count
    while i < count, buffer[i] != 0x0A { i += 1 }
    return i
  }

  static func split(_ buffer: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> [(Int, Int)] {
    var result: [(Int, Int)] = []
    var s = start
    var e = end
    if e > s, buffer[e - 1] == 0x0D { e -= 1 }
    for i in start..<e where buffer[i] == tab {
      result.append((s, i))
      s = i + 1
    }
    result.append((s, e))
    return result
  }

  @inline(__always)
  static func equal(_ buffer: UnsafeBufferPointer<UInt8>, _ s1: Int, _ e1: Int, _ s2: Int, _ e2: Int) -> Bool {
    if e1 - s1 != e2 - s2 { return false }
    return memcmpEqual(buffer.baseAddress! + s1, buffer.baseAddress! + s2, e1 - s1)
  }

  @inline(__always)
  static func memcmpEqual(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ n: Int) -> Bool {
    for i in 0..<n where a[i] != b[i] { return false }
    return true
  }

  /// The field as a `String`; the buffer has been checked to be valid UTF-8 as a whole.
  @inline(__always)
  static func string(_ buffer: UnsafeBufferPointer<UInt8>, _ range: (Int, Int)) -> String? {
    String(decoding: UnsafeBufferPointer(rebasing: buffer[range.0..<range.1]), as: UTF8.self)
  }

  // MARK: Writer

  /// Writes the full table with `delimiter`; columns `note`, `ref`, `subject`, `concept_note` only when used.
  static func write(_ glossary: Glossary, delimiter: UInt8) throws -> [UInt8] {
    let hasNote = glossary.concepts.contains { $0.terms.contains { $0.note != nil } }
    let hasRef = glossary.concepts.contains { !$0.references.isEmpty }
    let hasSubject = glossary.concepts.contains { $0.subject != nil }
    let hasConceptNote = glossary.concepts.contains { !$0.notes.isEmpty }
    var header = ["concept", "lang", "term", "status"]
    if hasNote { header.append("note") }
    if hasRef { header.append("ref") }
    if hasSubject { header.append("subject") }
    if hasConceptNote { header.append("concept_note") }
    var out: [UInt8] = []
    out.reserveCapacity(glossary.concepts.count * 64)
    func appendRow(_ fields: [String]) throws {
      for (i, field) in fields.enumerated() {
        if i > 0 { out.append(delimiter) }
        try appendField(field, delimiter: delimiter, to: &out)
      }
      out.append(0x0A)
    }
    try appendRow(header)
    for concept in glossary.concepts {
      if concept.terms.isEmpty {
        throw GlossaryError(.syntax, "concept '\(concept.id)' has no terms; a table has no row for it")
      }
      let refs = concept.referencesText
      var notes = concept.notes
      if notes.count > concept.terms.count {
        let rest = notes[(concept.terms.count - 1)...].joined(separator: "; ")
        notes = Array(notes[..<(concept.terms.count - 1)]) + [rest]
      }
      for (i, term) in concept.terms.enumerated() {
        var row = [concept.id, term.language, term.text, term.status.rawValue]
        if hasNote { row.append(term.note ?? "") }
        if hasRef { row.append(i == 0 ? refs : "") }
        if hasSubject { row.append(i == 0 ? concept.subject ?? "" : "") }
        if hasConceptNote { row.append(i < notes.count ? notes[i] : "") }
        try appendRow(row)
      }
    }
    return out
  }

  static func appendField(_ field: String, delimiter: UInt8, to out: inout [UInt8]) throws {
    if delimiter == tab {
      if field.utf8.contains(where: { $0 == tab || $0 == 0x0A || $0 == 0x0D }) {
        throw GlossaryError(.syntax, "'\(field)' contains a tab or line break, which TSV cannot carry")
      }
      out.append(contentsOf: field.utf8)
    } else if field.utf8.contains(where: { $0 == delimiter || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) || field.first == " " || field.last == " " {
      out.append(0x22)
      for b in field.utf8 {
        if b == 0x22 { out.append(0x22) }
        out.append(b)
      }
      out.append(0x22)
    } else {
      out.append(contentsOf: field.utf8)
    }
  }
}

extension StringProtocol {
  /// Without leading and trailing ASCII spaces and tabs.
  func trimmingASCIISpace() -> String {
    var s = Substring(self)
    while let f = s.first, f == " " || f == "\t" || f == "\r" { s.removeFirst() }
    while let l = s.last, l == " " || l == "\t" || l == "\r" { s.removeLast() }
    return String(s)
  }

  func trimmingQuotes() -> String {
    if count >= 2, first == "\"", last == "\"" { return String(dropFirst().dropLast()) }
    return String(self)
  }
}
