import Glossary

/// Strings stored back to back in one byte array: string `i` is `bytes[starts[i]..<starts[i + 1]]`.
/// Made by a ``StringArenaBuilder``, or a view into a compiled index file.
struct StringArena: Sendable {
  let starts: IndexArray<UInt32>
  let bytes: IndexArray<UInt8>

  init(starts: IndexArray<UInt32>, bytes: IndexArray<UInt8>) {
    self.starts = starts
    self.bytes = bytes
  }

  var count: Int { starts.count - 1 }

  subscript(_ index: Int) -> String {
    withBytes(index) { String(decoding: $0, as: UTF8.self) }
  }

  /// Calls `body` with the UTF-8 bytes of string `index`, without making a `String`.
  func withBytes<Result>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
    let range = Int(starts[index])..<Int(starts[index + 1])
    return bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[range])) }
  }

  /// Whether string `index` is `string`, without making a `String`.
  func equals(_ index: Int, _ string: String) -> Bool {
    withBytes(index) { $0.elementsEqual(string.utf8) }
  }
}

/// Collects strings for a ``StringArena``.
///
/// ```swift
/// var builder = StringArenaBuilder()
/// builder.append("Hassake")
/// builder.arena()[0]   // "Hassake"
/// ```
struct StringArenaBuilder: Sendable {
  var starts: [UInt32] = [0]
  var bytes: [UInt8] = []

  var count: Int { starts.count - 1 }

  mutating func append(_ string: String) {
    bytes.append(contentsOf: string.utf8)
    starts.append(UInt32(bytes.count))
  }

  /// Appends the strings of `other`.
  mutating func append(contentsOf other: StringArenaBuilder) {
    let offset = UInt32(bytes.count)
    bytes += other.bytes
    starts.reserveCapacity(starts.count + other.count)
    for start in other.starts.dropFirst() { starts.append(start + offset) }
  }

  /// The strings collected.
  func arena() -> StringArena { StringArena(starts: IndexArray(starts), bytes: IndexArray(bytes)) }
}

/// What the index needs of the glossary's concepts: ids, preferred terms by language and each concept's
/// first term, in flat arrays (no object per concept), so a compiled index loads them as a few arrays.
struct ConceptNames: Sendable {
  /// Concept `i`'s id.
  let ids: StringArena
  /// Concept id → concept number (the first concept with that id).
  let idTable: FormTable
  /// Concept `i`'s preferred terms, in glossary order, are `preferredStarts[i]..<preferredStarts[i + 1]`.
  let preferredStarts: IndexArray<UInt32>
  let preferredLanguages: StringArena
  let preferredTexts: StringArena
  /// Concept `i`'s first term (any status); `hasTerms[i]` is 0 when it has none.
  let firstTerms: StringArena
  let hasTerms: IndexArray<UInt8>

  init(
    ids: StringArena, idTable: FormTable, preferredStarts: IndexArray<UInt32>, preferredLanguages: StringArena,
    preferredTexts: StringArena, firstTerms: StringArena, hasTerms: IndexArray<UInt8>
  ) {
    self.ids = ids
    self.idTable = idTable
    self.preferredStarts = preferredStarts
    self.preferredLanguages = preferredLanguages
    self.preferredTexts = preferredTexts
    self.firstTerms = firstTerms
    self.hasTerms = hasTerms
  }

  init(_ glossary: Glossary) {
    var ids = StringArenaBuilder(), languages = StringArenaBuilder(), texts = StringArenaBuilder()
    var firsts = StringArenaBuilder()
    var starts: [UInt32] = [0], hasTerms: [UInt8] = []
    var firstByID = FormTableBuilder()
    for (number, concept) in glossary.concepts.enumerated() {
      ids.append(concept.id)
      var id = concept.id
      id.withUTF8 { firstByID.addFirst($0, value: Int32(number)) }
      for term in concept.terms where term.status == .preferred {
        languages.append(term.language)
        texts.append(term.text)
      }
      starts.append(UInt32(texts.count))
      firsts.append(concept.terms.first?.text ?? "")
      hasTerms.append(concept.terms.isEmpty ? 0 : 1)
    }
    self.init(
      ids: ids.arena(), idTable: firstByID.table(), preferredStarts: IndexArray(starts),
      preferredLanguages: languages.arena(), preferredTexts: texts.arena(), firstTerms: firsts.arena(),
      hasTerms: IndexArray(hasTerms))
  }

  var count: Int { ids.count }

  /// The number of the first concept with id `id`.
  func number(of id: String) -> Int? {
    var id = id
    return id.withUTF8 { idTable.lookup($0) }.flatMap { $0.first.map(Int.init) }
  }

  /// The preferred term of concept `concept` in `language`, else its preferred term tagged `und`
  /// (``Concept/preferred(in:)``).
  func preferred(_ concept: Int, in language: String) -> String? {
    let range = Int(preferredStarts[concept])..<Int(preferredStarts[concept + 1])
    if let found = range.first(where: { preferredLanguages.equals($0, language) }) { return preferredTexts[found] }
    if let found = range.first(where: { preferredLanguages.equals($0, Term.undetermined) }) { return preferredTexts[found] }
    return nil
  }

  /// The first preferred term of concept `concept` in any language.
  func firstPreferred(_ concept: Int) -> String? {
    preferredStarts[concept] == preferredStarts[concept + 1] ? nil : preferredTexts[Int(preferredStarts[concept])]
  }

  /// The concepts with their ids, preferred terms and first term only.
  func reducedGlossary() -> Glossary {
    Glossary(concepts: (0..<count).map { number in
      var terms: [Term] = []
      if hasTerms[number] != 0, preferredStarts[number] == preferredStarts[number + 1] {
        terms.append(Term(language: Term.undetermined, text: firstTerms[number], status: .admitted))
      }
      for index in Int(preferredStarts[number])..<Int(preferredStarts[number + 1]) {
        terms.append(Term(language: preferredLanguages[index], text: preferredTexts[index], status: .preferred))
      }
      return Concept(id: ids[number], terms: terms)
    })
  }
}
