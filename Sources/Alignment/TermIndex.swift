import Glossary
import ICU

/// A glossary compiled for matching: every term's exact, folded, transliteration-key, vowel-class and
/// Arabic forms in hash tables, plus a one-deletion table for guarded fuzzy matching.
///
/// Built once (keys are computed once per distinct word) and reused across documents and tasks: a
/// lookup costs a few hash probes whatever the glossary's size. The index is immutable and `Sendable`;
/// the ICU handles it needs per task come from an internal pool.
///
/// ```swift
/// let index = try TermIndex(glossary: glossary)
/// let aligner = TermAligner(index: index, language: "de")
/// var document = try aligner.run(Document("Gefechte bei Hassaka.")).output
/// document.terms[0].concept   // "geo:173811"
/// ```
public final class TermIndex: Sendable {
  /// One glossary term as the index knows it.
  struct Entry: Sendable {
    var concept: Int32
    var term: Int32
    /// 0 preferred, 1 admitted, 2 deprecated.
    var rank: UInt8
  }

  /// What the index matches and how carefully.
  public struct Options: Sendable, Hashable {
    /// Match by vowel-class key (`Kerbela` = `Karbala`) when the key has at least this many letters.
    public var minimumSkeletonLength: Int
    /// Fuzzy matching (one edit on the key) for keys of at least this many letters; `nil` turns it off.
    public var minimumFuzzyLength: Int?
    /// A name written with its words run together or split differently matches by vowel-class key
    /// (`Derezor` = `Deir ez-Zor`, `Tell Kalakh` = `Tallkalakh`) when it has at least this many letters.
    public var minimumCompactSkeletonLength: Int

    public init(minimumSkeletonLength: Int = 4, minimumFuzzyLength: Int? = 6, minimumCompactSkeletonLength: Int = 7) {
      self.minimumSkeletonLength = minimumSkeletonLength
      self.minimumFuzzyLength = minimumFuzzyLength
      self.minimumCompactSkeletonLength = minimumCompactSkeletonLength
    }
  }

  /// The glossary the index was built from. An index loaded from a compiled file
  /// (``init(contentsOf:rules:options:)``) keeps only each concept's id, preferred terms and first term.
  public var glossary: Glossary { source ?? names.reducedGlossary() }
  let source: Glossary?
  let names: ConceptNames
  public let rules: MatchKeyRules
  public let options: Options
  let entries: [Entry]
  /// Each entry's term as the glossary writes it (for ranking concepts that fit a mention equally).
  let termTexts: StringArena
  let exact: FormTable
  let folded: FormTable
  let key: FormTable
  let skeleton: FormTable
  let arabic: FormTable
  /// Keys of multi-word terms with the spaces removed (`Tall Kalakh` → `talkalax`), for names written
  /// as one word or split differently.
  let compact: FormTable
  /// Vowel-class keys of multi-word terms written as one word, articles kept and doubled letters single
  /// (`Deir ez-Zor` → `darasar`, as `Derezor`), for compact spellings that also change the vowels.
  let compactSkeleton: FormTable
  /// Whether some term starts with a lowercase word that is not an article (then every word is a
  /// possible start of a mention).
  let hasLowercaseHeads: Bool
  /// Every key (of at least `minimumFuzzyLength` letters) with one letter deleted, as a filter over
  /// ``EditHasher`` hashes: fuzzy matching enumerates the edits of a query only where this says a key
  /// may be one edit away.
  let deletions: BloomFilter
  /// Every key form, as a filter over ``EditHasher`` hashes in front of the key table for the edits
  /// fuzzy matching tries.
  let keyFilter: BloomFilter
  /// The most words a term has, articles included.
  let maxWords: Int
  let keyMakers: HandlePool<MatchKeyMaker>
  /// Per candidate (its bytes and a byte of flags and levels allowed), what the matcher's lookup found,
  /// with the span counted from the candidate's start; shared by the workers (a lookup depends on the
  /// candidate's bytes alone, and phrases repeat across documents).
  let lookupMemo = SharedByteKeyedCache<TermMatch?>(limit: 200_000)
  /// Per key form, the entries one inner edit away (the matcher's fuzzy level); shared by the workers.
  let fuzzyMemo = SharedByteKeyedCache<[Int32]>(limit: 100_000)
  /// Filters that let the matcher skip multi-word candidates no level can match (see
  /// ``Matcher/usefulLevels(at:limit:)``).
  let prefixes: PrefixFilters
  /// Match keys of the common words: a word with such a key matches no looser than by key (`Kabala`).
  let commonKeys: Set<String>
  /// The generic head nouns of every group (``MatchKeyRules/genericHeads``), lowercased as written there.
  let genericHeadWords: Set<String>

  /// Builds the index on the calling thread. Throws when a rule file does not compile.
  ///
  /// ``build(glossary:rules:options:jobs:)`` builds the same index with several tasks.
  public convenience init(glossary: Glossary, rules: MatchKeyRules = .standard, options: Options = Options()) throws {
    let part = try Self.buildPart(glossary, concepts: glossary.concepts.indices, rules: rules, options: options)
    let tables = (0..<Part.tableCount).map { Self.mergeTable([part], $0) }
    let filters = (0..<Filter.count).map { Self.filter($0, tables: tables, parts: [part], options: options) }
    try self.init(
      source: glossary, names: ConceptNames(glossary), rules: rules, options: options, parts: [part], tables: tables,
      filters: filters)
  }

  /// Builds the index with up to `jobs` tasks: the concepts are split into ranges of about as many
  /// terms (at most `jobs`, and none with fewer than `minimumTermsPerTask` terms, as each task makes its
  /// own key maker), each range is indexed by its own task, and the parts are joined in concept order,
  /// so the index is the same as ``init(glossary:rules:options:)`` builds, whatever `jobs` is. Throws
  /// when a rule file does not compile.
  public static func build(
    glossary: Glossary, rules: MatchKeyRules = .standard, options: Options = Options(), jobs: Int,
    minimumTermsPerTask: Int = termsPerTask
  ) async throws -> TermIndex {
    let terms = glossary.concepts.reduce(0) { $0 + $1.terms.count }
    let ranges = conceptRanges(glossary, count: max(1, min(jobs, terms / max(1, minimumTermsPerTask))))
    async let names = ConceptNames(glossary)
    let parts = try await withThrowingTaskGroup(of: (Int, Part).self) { group in
      for (number, range) in ranges.enumerated() {
        group.addTask { (number, try buildPart(glossary, concepts: range, rules: rules, options: options)) }
      }
      var parts = [Part?](repeating: nil, count: ranges.count)
      for try await (number, part) in group { parts[number] = part }
      return parts.compactMap { $0 }
    }
    let tables = await inParallel(Part.tableCount) { mergeTable(parts, $0) }
    let filters = await inParallel(Filter.count) { filter($0, tables: tables, parts: parts, options: options) }
    return try await TermIndex(
      source: glossary, names: names, rules: rules, options: options, parts: parts, tables: tables, filters: filters)
  }

  /// The fewest terms worth a task of their own in ``build(glossary:rules:options:jobs:)``: about 50 ms
  /// of indexing, well above what the task's key maker costs to make.
  public static let termsPerTask = 5_000

  /// An index from the parts of a build, joined in order.
  private convenience init(
    source: Glossary, names: ConceptNames, rules: MatchKeyRules, options: Options, parts: [Part], tables: [FormTable],
    filters: [BloomFilter]
  ) throws {
    var entries: [Entry] = []
    entries.reserveCapacity(parts.reduce(0) { $0 + $1.entries.count })
    var termTexts = StringArenaBuilder()
    for part in parts {
      entries += part.entries
      termTexts.append(contentsOf: part.termTexts)
    }
    try self.init(
      names: names, rules: rules, options: options, entries: entries, termTexts: termTexts.arena(), tables: tables,
      deletions: filters[Filter.deletions], keyFilter: filters[Filter.keys],
      prefixes: PrefixFilters(
        exact: filters[Filter.exactPrefixes], folded: filters[Filter.foldedPrefixes],
        compact: filters[Filter.compactPrefixes], wordPrefixes: filters[Filter.wordPrefixes],
        wordPrefixDeletions: filters[Filter.wordPrefixDeletions]),
      maxWords: parts.map(\.maxWords).max() ?? 1, hasLowercaseHeads: parts.contains(where: \.hasLowercaseHeads),
      commonKeys: parts.first?.commonKeys ?? [], source: source)
  }

  /// An index from its parts (a compiled index file's content, or a build's).
  init(
    names: ConceptNames, rules: MatchKeyRules, options: Options, entries: [Entry], termTexts: StringArena,
    tables: [FormTable],
    deletions: BloomFilter, keyFilter: BloomFilter, prefixes: PrefixFilters, maxWords: Int, hasLowercaseHeads: Bool, commonKeys: Set<String>,
    source: Glossary? = nil
  ) throws {
    self.source = source
    self.names = names
    self.rules = rules
    self.genericHeadWords = Set(rules.genericHeads.joined())
    self.options = options
    self.entries = entries
    self.termTexts = termTexts
    self.exact = tables[0]
    self.folded = tables[1]
    self.key = tables[2]
    self.skeleton = tables[3]
    self.arabic = tables[4]
    self.compact = tables[5]
    self.compactSkeleton = tables[6]
    self.deletions = deletions
    self.keyFilter = keyFilter
    self.prefixes = prefixes
    self.maxWords = maxWords
    self.hasLowercaseHeads = hasLowercaseHeads
    self.commonKeys = commonKeys
    let shared = SharedByteKeyedCache<WordKeys>(limit: 200_000)
    self.keyMakers = HandlePool(keep: 16) { try MatchKeyMaker(rules: rules, shared: shared) }
  }

  /// The number of concepts.
  public var conceptCount: Int { names.count }

  /// The canonical name of a concept in `language`: its preferred term there, else its preferred term
  /// tagged `und`; `nil` when it has neither.
  public func canonical(of concept: String, in language: String) -> String? {
    guard let index = conceptIndex(concept) else { return nil }
    return names.preferred(index, in: language)
  }

  /// `name` without a generic head noun at its start or end (`Gouvernement al-Anbar` → `al-Anbar`,
  /// `Al Anbar Governorate` → `Al Anbar`): what replaces a mention, whose own head noun stays in the text.
  public func nameWithoutGenericHead(_ name: String) -> String {
    guard name.utf8.contains(0x20) else { return name }
    let words = name.split(separator: " ", omittingEmptySubsequences: false)
    guard words.count > 1 else { return name }
    if genericHeadWords.contains(words[0].lowercased()) { return words.dropFirst().joined(separator: " ") }
    if genericHeadWords.contains(words[words.count - 1].lowercased()) { return words.dropLast().joined(separator: " ") }
    return name
  }

  /// The index of a concept by id.
  func conceptIndex(_ id: String) -> Int? { names.number(of: id) }

  /// The name reported for a match of a concept with no preferred term in the text's language or `und`:
  /// its English preferred term, else its first preferred term, else its first term, else its id.
  func fallbackName(of concept: Int) -> String {
    names.preferred(concept, in: "en")
      ?? names.firstPreferred(concept)
      ?? (names.hasTerms[concept] != 0 ? names.firstTerms[concept] : names.ids[concept])
  }

  /// Each word's key, and the same with one word's attached article removed (at most four variants).
  static func keyVariants(_ words: [WordKeys]) -> [[String]] {
    let base = words.map(\.key)
    return strippedPositions(words).map { position in
      guard position >= 0 else { return base }
      var variant = base
      variant[position] = words[position].keyWithoutArticle ?? base[position]
      return variant
    }
  }

  /// Which word of each of ``keyVariants(_:)`` has its attached article removed: -1 for the first
  /// variant (none), then the positions of the first three words that have one.
  static func strippedPositions(_ words: [WordKeys]) -> [Int] {
    var positions = [-1]
    for (position, word) in words.enumerated() where word.keyWithoutArticle != nil && positions.count < 4 {
      positions.append(position)
    }
    return positions
  }

  /// `form` with every run of one letter written once (`daiessur` → `daiesur`).
  static func singleLetters(_ form: String) -> String {
    var result: [UInt8] = []
    result.reserveCapacity(form.utf8.count)
    for byte in form.utf8 where result.last != byte { result.append(byte) }
    return String(decoding: result, as: UTF8.self)
  }

  static func letterCount(_ form: [UInt8]) -> Int {
    var count = 0
    for byte in form where byte != 0x20 { count += 1 }
    return count
  }

}
