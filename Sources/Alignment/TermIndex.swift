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
  /// Filters that let the matcher skip multi-word candidates no level can match (see
  /// ``Matcher/usefulLevels(at:limit:)``).
  let prefixes: PrefixFilters
  /// Match keys of the common words: a word with such a key matches no looser than by key (`Kabala`).
  let commonKeys: Set<String>

  /// Builds the index. Throws when a rule file does not compile.
  public init(glossary: Glossary, rules: MatchKeyRules = .standard, options: Options = Options()) throws {
    self.source = glossary
    self.names = ConceptNames(glossary)
    self.rules = rules
    self.options = options
    let maker = try MatchKeyMaker(rules: rules, cacheLimit: 50_000)
    let nfc = Normalizer(.nfc)
    var entries: [Entry] = []
    var termTexts = StringArena()
    var exact: [String: [Int32]] = [:], folded: [String: [Int32]] = [:], key: [String: [Int32]] = [:]
    var skeleton: [String: [Int32]] = [:], arabic: [String: [Int32]] = [:], compact: [String: [Int32]] = [:]
    var compactSkeleton: [String: [Int32]] = [:]
    var maxWords = 1
    var hasLowercaseHeads = false
    var prefixHashes = PrefixFilters.Hashes()
    func add(_ table: inout [String: [Int32]], _ form: String, _ entry: Int32) {
      guard !form.isEmpty else { return }
      if var list = table[form] {
        if !list.contains(where: { entries[Int($0)].concept == entries[Int(entry)].concept }) {
          list.append(entry)
          table[form] = list
        }
      } else {
        table[form] = [entry]
      }
    }
    for (conceptIndex, concept) in glossary.concepts.enumerated() {
      for (termIndex, term) in concept.terms.enumerated() {
        let text = nfc.normalize(term.text)
        let words = WordScanner.words(in: text)
        guard !words.isEmpty else { continue }
        maxWords = max(maxWords, words.count)
        let entry = Int32(entries.count)
        let rank: UInt8 = term.status == .preferred ? 0 : term.status == .admitted ? 1 : 2
        entries.append(Entry(concept: Int32(conceptIndex), term: Int32(termIndex), rank: rank))
        termTexts.append(term.text)
        let utf8 = Array(text.utf8)
        let wordKeys = words.map { maker.keys(for: String(decoding: utf8[$0.start..<$0.end], as: UTF8.self)) }
        if !words[0].isCapitalized, wordKeys[0].script == .latin, !wordKeys[0].isArticle { hasLowercaseHeads = true }
        add(&exact, text, entry)
        for word in words.dropLast() { prefixHashes.exact.append(FormHasher.hash(Array(utf8[..<word.end]))) }
        let foldedForm = wordKeys.map(\.folded).joined()
        add(&folded, foldedForm, entry)
        if !foldedForm.isEmpty { PrefixFilters.addAllPrefixes(of: foldedForm, to: &prefixHashes.folded) }
        let content = wordKeys.filter { !$0.isArticle }
        guard !content.isEmpty else { continue }
        if content.allSatisfy({ $0.script == .arabic }) {
          let form = content.map(\.key).joined(separator: " ")
          add(&arabic, form, entry)
          prefixHashes.addWordPrefixes(of: form, deletions: false)
          continue
        }
        for variant in Self.keyVariants(content) {
          let keyForm = variant.joined(separator: " ")
          add(&key, keyForm, entry)
          prefixHashes.addWordPrefixes(of: keyForm, deletions: true)
          if variant.count > 1 {
            let compactForm = variant.joined()
            add(&compact, compactForm, entry)
            if !compactForm.isEmpty { PrefixFilters.addAllPrefixes(of: compactForm, to: &prefixHashes.compact) }
            let joined = Self.singleLetters(compactForm)
            if joined.count >= options.minimumCompactSkeletonLength { add(&compactSkeleton, maker.skeleton(of: joined), entry) }
          }
          let skeletonForm = variant.map { maker.skeleton(of: $0) }.joined(separator: " ")
          add(&skeleton, skeletonForm, entry)
          prefixHashes.addWordPrefixes(of: skeletonForm, deletions: false)
        }
        if words.count > 1, wordKeys.contains(where: \.isArticle), wordKeys.allSatisfy({ $0.script == .latin }) {
          let joined = Self.singleLetters(wordKeys.map { $0.isArticle ? maker.latinKey($0.folded) : $0.key }.joined())
          if joined.count >= options.minimumCompactSkeletonLength { add(&compactSkeleton, maker.skeleton(of: joined), entry) }
        }
      }
    }
    var deletionHashes: [UInt64] = []
    if let minimum = options.minimumFuzzyLength {
      for form in key.keys where Self.letterCount(form) >= minimum {
        for deleted in Self.deletions(of: form) { deletionHashes.append(EditHasher.hash(deleted.utf8)) }
      }
    }
    var deletions = BloomFilter(capacity: deletionHashes.count)
    for hash in deletionHashes { deletions.insert(hash) }
    self.prefixes = PrefixFilters(prefixHashes)
    let keyTable = FormTable(key)
    var keyFilter = BloomFilter(capacity: keyTable.count)
    for number in 0..<keyTable.count { keyFilter.insert(EditHasher.hash(keyTable.form(number))) }
    self.keyFilter = keyFilter
    self.entries = entries
    self.termTexts = termTexts
    self.exact = FormTable(exact)
    self.folded = FormTable(folded)
    self.key = keyTable
    self.skeleton = FormTable(skeleton)
    self.compact = FormTable(compact)
    self.compactSkeleton = FormTable(compactSkeleton)
    self.hasLowercaseHeads = hasLowercaseHeads
    self.arabic = FormTable(arabic)
    self.deletions = deletions
    self.maxWords = maxWords
    self.commonKeys = Set(rules.commonWords.map { maker.latinKey($0) })
    let shared = SharedKeyCache()
    self.keyMakers = HandlePool(keep: 16) { try MatchKeyMaker(rules: rules, shared: shared) }
  }

  /// An index from its parts (a compiled index file's content).
  init(
    names: ConceptNames, rules: MatchKeyRules, options: Options, entries: [Entry], termTexts: StringArena,
    tables: [FormTable],
    deletions: BloomFilter, keyFilter: BloomFilter, prefixes: PrefixFilters, maxWords: Int, hasLowercaseHeads: Bool, commonKeys: Set<String>
  ) throws {
    self.source = nil
    self.names = names
    self.rules = rules
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
    let shared = SharedKeyCache()
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
    let words = name.split(separator: " ", omittingEmptySubsequences: false)
    guard words.count > 1 else { return name }
    let heads = Set(rules.genericHeads.joined())
    if heads.contains(words[0].lowercased()) { return words.dropFirst().joined(separator: " ") }
    if heads.contains(words[words.count - 1].lowercased()) { return words.dropLast().joined(separator: " ") }
    return name
  }

  /// The index of a concept by id.
  func conceptIndex(_ id: String) -> Int? { names.number(of: id) }

  /// The name reported for a match: the preferred term in `language`, then `und`, then English, then the
  /// concept's first preferred term.
  func displayName(of concept: Int, language: String) -> String {
    names.preferred(concept, in: language)
      ?? names.preferred(concept, in: "en")
      ?? names.firstPreferred(concept)
      ?? (names.hasTerms[concept] != 0 ? names.firstTerms[concept] : names.ids[concept])
  }

  /// Each word's key, and the same with one word's attached article removed (at most four variants).
  static func keyVariants(_ words: [WordKeys]) -> [[String]] {
    let base = words.map(\.key)
    var variants = [base]
    for (position, word) in words.enumerated() {
      guard let stripped = word.keyWithoutArticle, variants.count < 4 else { continue }
      var variant = base
      variant[position] = stripped
      variants.append(variant)
    }
    return variants
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

  static func letterCount(_ form: String) -> Int {
    var count = 0
    for byte in form.utf8 where byte != 0x20 { count += 1 }
    return count
  }

  /// The forms of `form` with one letter (not a space) deleted.
  static func deletions(of form: String) -> [String] {
    let bytes = Array(form.utf8)
    var result: [String] = []
    result.reserveCapacity(bytes.count)
    for index in bytes.indices where bytes[index] != 0x20 {
      if index > 0, bytes[index - 1] == bytes[index] { continue }
      var copy = bytes
      copy.remove(at: index)
      result.append(String(decoding: copy, as: UTF8.self))
    }
    return result
  }
}
