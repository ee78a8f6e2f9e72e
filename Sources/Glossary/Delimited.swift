/// Rows of a delimited file (CSV with RFC 4180 quoting, or TSV without quoting), each field with the byte
/// offset where it starts.
struct DelimitedRows {
  struct Row {
    var fields: [String]
    var offsets: [Int]
  }

  /// Splits `bytes` into rows; blank lines are skipped, quoting errors reported to `builder`.
  static func parse(_ bytes: [UInt8], delimiter: UInt8, quoting: Bool, builder: inout GlossaryBuilder) -> [Row] {
    var rows: [Row] = []
    var i = TableFormat.bytesStart(bytes)
    let count = bytes.count
    var fields: [String] = []
    var offsets: [Int] = []
    var field: [UInt8] = []
    var fieldStart = i
    var rowIsEmpty = true
    func endField() {
      fields.append(String(decoding: field, as: UTF8.self))
      offsets.append(fieldStart)
      field.removeAll(keepingCapacity: true)
    }
    func endRow() {
      if !(fields.count == 1 && fields[0].isEmpty) { rows.append(Row(fields: fields, offsets: offsets)) }
      fields.removeAll()
      offsets.removeAll()
      rowIsEmpty = true
    }
    while i < count {
      let b = bytes[i]
      if quoting, b == 0x22, field.isEmpty {
        let quoteStart = i
        i += 1
        var closed = false
        while i < count {
          if bytes[i] == 0x22 {
            if i + 1 < count, bytes[i + 1] == 0x22 {
              field.append(0x22)
              i += 2
              continue
            }
            closed = true
            i += 1
            break
          }
          field.append(bytes[i])
          i += 1
        }
        if !closed {
          builder.report(.error, .syntax, "unterminated quoted field", at: quoteStart)
          return rows
        }
        rowIsEmpty = false
        continue
      }
      if b == delimiter {
        endField()
        fieldStart = i + 1
        rowIsEmpty = false
      } else if b == 0x0A {
        if field.last == 0x0D { field.removeLast() }
        endField()
        endRow()
        fieldStart = i + 1
      } else {
        field.append(b)
        rowIsEmpty = false
      }
      i += 1
    }
    if !rowIsEmpty || !field.isEmpty {
      if field.last == 0x0D { field.removeLast() }
      endField()
      endRow()
    }
    return rows
  }

  /// Reads a full table (header with `concept`, `lang`, `term`, `status`) from parsed rows.
  static func readTable(_ rows: [Row], into builder: inout GlossaryBuilder) {
    guard let header = rows.first, let columns = TableFormat.Columns(header: header.fields.map { $0.trimmingASCIISpace() }),
      columns.lang >= 0, columns.status >= 0
    else {
      builder.report(.error, .syntax, "missing header: expected columns concept, lang, term, status", at: rows.first?.offsets.first ?? 0)
      return
    }
    for row in rows.dropFirst() {
      func field(_ c: Int) -> String { c >= 0 && c < row.fields.count ? row.fields[c] : "" }
      func offset(_ c: Int) -> Int { c >= 0 && c < row.offsets.count ? row.offsets[c] : (row.offsets.last ?? 0) }
      if row.fields.count <= max(columns.concept, columns.lang, columns.term, columns.status) {
        builder.report(.error, .syntax, "expected \(columns.count) columns, found \(row.fields.count)", at: row.offsets[0])
        continue
      }
      let id = field(columns.concept)
      if id.isEmpty {
        builder.report(.error, .syntax, "empty concept id", at: offset(columns.concept))
        continue
      }
      let c = builder.concept(id, at: offset(columns.concept))
      guard let status = Term.Status(utf8: field(columns.status).utf8) else {
        builder.report(.error, .unknownStatus, "unknown status '\(field(columns.status))' (expected preferred, admitted or deprecated)", at: offset(columns.status))
        continue
      }
      let note = field(columns.note)
      builder.addTerm(
        Term(language: field(columns.lang), text: field(columns.term), status: status, note: note.isEmpty ? nil : note),
        toConcept: c, at: offset(columns.term))
      if !field(columns.ref).isEmpty { TableFormat.addReferences(field(columns.ref), concept: c, at: offset(columns.ref), into: &builder) }
      if !field(columns.subject).isEmpty { TableFormat.setSubject(field(columns.subject), concept: c, at: offset(columns.subject), into: &builder) }
      if !field(columns.conceptNote).isEmpty { builder.concepts[c].notes.append(field(columns.conceptNote)) }
    }
  }

  /// Reads source/target pairs. A first row of language tags (`de,en`) names the languages and may have more
  /// than two columns (one concept per row, a preferred term per language); otherwise the languages come from
  /// `options`. In two-column files, rows with the same target term are one concept: the first source term is
  /// preferred, later ones admitted (the way MT glossaries list variants).
  static func readPairs(_ rows: [Row], options: GlossaryFormatOptions, into builder: inout GlossaryBuilder) {
    guard let first = rows.first else { return }
    var languages: [String]
    var body = rows[...]
    let headerTags = first.fields.map { $0.trimmingASCIISpace() }
    /// A header cell: a well-formed tag whose language subtag has 2 or 3 letters (`de`, `en-GB`, `ara`).
    func isHeaderTag(_ cell: String) -> Bool {
      let primary = cell.split(separator: "-", maxSplits: 1).first.map(\.count) ?? 0
      return (2...3).contains(primary) && LanguageTag.isWellFormed(cell)
    }
    if let source = options.sourceLanguage, let target = options.targetLanguage {
      languages = [source, target]
      if headerTags.map({ $0.lowercased() }) == [source.lowercased(), target.lowercased()] { body = rows.dropFirst() }
    } else if headerTags.count >= 2, headerTags.allSatisfy(isHeaderTag) {
      languages = headerTags
      body = rows.dropFirst()
    } else {
      builder.report(.error, .syntax, "a two-column glossary needs its languages: give the source and target language (--source-lang, --target-lang) or a header row like 'de<TAB>en'", at: first.offsets[0])
      return
    }
    var conceptByTarget: [String: Int] = [:]
    var number = 0
    for row in body {
      if row.fields.count != languages.count {
        builder.report(.error, .syntax, "expected \(languages.count) columns, found \(row.fields.count)", at: row.offsets[0])
        continue
      }
      if languages.count == 2, let existing = conceptByTarget[row.fields[1]] {
        if !builder.concepts[existing].terms.contains(where: { $0.language == languages[0] && $0.text == row.fields[0] }) {
          builder.addTerm(Term(language: languages[0], text: row.fields[0], status: .admitted), toConcept: existing, at: row.offsets[0])
        }
        continue
      }
      number += 1
      let c = builder.appendConcept(Concept(id: "c\(number)"), at: row.offsets[0])
      for (i, language) in languages.enumerated() {
        builder.addTerm(Term(language: language, text: row.fields[i], status: .preferred), toConcept: c, at: row.offsets[i])
      }
      if languages.count == 2 { conceptByTarget[row.fields[1]] = c }
    }
  }

  /// Writes source/target pairs: for every concept with a preferred target term, one row per source term
  /// (preferred first, then admitted and deprecated variants, all mapped to the target's canonical name).
  /// Concepts without a term in either language are left out. CSV gets a language header, TSV none.
  static func writePairs(_ glossary: Glossary, source: String, target: String, delimiter: UInt8) throws -> [UInt8] {
    var out: [UInt8] = []
    if delimiter == TableFormat.comma {
      try TableFormat.appendField(source, delimiter: delimiter, to: &out)
      out.append(delimiter)
      try TableFormat.appendField(target, delimiter: delimiter, to: &out)
      out.append(0x0A)
    }
    for concept in glossary.concepts {
      guard let targetTerm = concept.preferred(in: target), let sourceTerm = concept.preferred(in: source) else { continue }
      let variants = concept.terms.filter { $0.language == source && $0.status != .preferred }
      var seen: Set<String> = []
      for term in [sourceTerm] + variants where seen.insert(term.text).inserted {
        try TableFormat.appendField(term.text, delimiter: delimiter, to: &out)
        out.append(delimiter)
        try TableFormat.appendField(targetTerm.text, delimiter: delimiter, to: &out)
        out.append(0x0A)
      }
    }
    return out
  }
}
