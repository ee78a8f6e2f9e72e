/// Collects concepts and terms while a reader walks a file, with the byte offset of each, and the
/// problems found on the way.
struct GlossaryBuilder {
  var concepts: [Concept] = []
  var conceptOffsets: [Int] = []
  var termOffsets: [[Int]] = []
  var pending: [(offset: Int, diagnostic: GlossaryDiagnostic)] = []
  /// Concept index by id, for formats where a concept's rows may be spread over the file.
  private var index: [String: Int] = [:]
  private var lastID = ""
  private var lastIndex = -1
  let recordLocations: Bool

  init(recordLocations: Bool) { self.recordLocations = recordLocations }

  /// The index of the concept `id`, created at `offset` if new.
  mutating func concept(_ id: String, at offset: Int) -> Int {
    if lastIndex >= 0, id == lastID { return lastIndex }
    let found: Int
    if let existing = index[id] {
      found = existing
    } else {
      found = appendConcept(Concept(id: id), at: offset)
      index[id] = found
    }
    lastID = id
    lastIndex = found
    return found
  }

  /// Makes room for about `count` concepts.
  mutating func reserveConcepts(_ count: Int) {
    concepts.reserveCapacity(count)
    index.reserveCapacity(count)
  }

  /// Appends a new concept (formats with one entry per concept: TBX, JSON) and returns its index.
  mutating func appendConcept(_ concept: Concept, at offset: Int) -> Int {
    concepts.append(concept)
    if recordLocations {
      conceptOffsets.append(offset)
      termOffsets.append([])
    }
    return concepts.count - 1
  }

  mutating func addTerm(_ term: Term, toConcept i: Int, at offset: Int) {
    concepts[i].terms.append(term)
    if recordLocations { termOffsets[i].append(offset) }
  }

  mutating func report(_ severity: GlossaryDiagnostic.Severity, _ kind: GlossaryDiagnostic.Kind, _ message: String, at offset: Int) {
    pending.append((offset, GlossaryDiagnostic(severity, kind, message)))
  }

  /// The finished document; diagnostics get their line and column here, from one pass over the bytes.
  func finish(bytes: [UInt8], file: String, format: GlossaryFormat) -> GlossaryDocument {
    var diagnostics: [GlossaryDiagnostic] = []
    if !pending.isEmpty {
      let lines = LineIndex(file: file, bytes: bytes)
      diagnostics = pending.map { item in
        var d = item.diagnostic
        d.location = lines.location(ofByte: item.offset)
        return d
      }
    }
    return GlossaryDocument(
      glossary: Glossary(concepts: concepts), format: format, file: file, readDiagnostics: diagnostics,
      bytes: recordLocations ? bytes : [], conceptOffsets: conceptOffsets, termOffsets: termOffsets)
  }
}

extension Term.Status {
  /// Parses `preferred`, `admitted`, `deprecated` (ASCII case ignored) from UTF-8 bytes, without allocating.
  init?<C: Collection<UInt8>>(utf8 bytes: C) {
    func matches(_ word: StaticString) -> Bool {
      guard bytes.count == word.utf8CodeUnitCount else { return false }
      var i = 0
      for b in bytes {
        if (b >= 0x41 && b <= 0x5A ? b | 0x20 : b) != word.utf8Start[i] { return false }
        i += 1
      }
      return true
    }
    if matches("preferred") {
      self = .preferred
    } else if matches("admitted") {
      self = .admitted
    } else if matches("deprecated") {
      self = .deprecated
    } else {
      return nil
    }
  }
}

extension Concept {
  /// Parses `scheme:value` references separated by spaces, e.g. `geonames:173811 wikidata:Q193014`.
  static func parseReferences(_ text: String) -> (references: [(String, String)], bad: [String]) {
    var references: [(String, String)] = []
    var bad: [String] = []
    for token in text.split(separator: " ", omittingEmptySubsequences: true) {
      if let colon = token.firstIndex(of: ":"), colon != token.startIndex, token.index(after: colon) != token.endIndex {
        references.append((String(token[..<colon]), String(token[token.index(after: colon)...])))
      } else {
        bad.append(String(token))
      }
    }
    return (references, bad)
  }

  /// References as `scheme:value` tokens separated by spaces, schemes sorted.
  var referencesText: String {
    references.sorted { $0.key < $1.key }.map { "\($0.key):\($0.value)" }.joined(separator: " ")
  }
}
