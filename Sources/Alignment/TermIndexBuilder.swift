import Glossary
import ICU

/// How ``TermIndex`` is built: each range of concepts becomes a ``TermIndex/Part`` (its entries and, per
/// form table, a ``FormTableBuilder``), computed by one task with its own key maker; the parts are joined
/// in concept order, one task per table; the filters are made from the finished tables, one task each.
extension TermIndex {
  /// The index of one range of concepts. Entries are numbered from 0 within the part; concepts are the
  /// glossary's numbers.
  struct Part: Sendable {
    /// The tables in the order of ``TermIndex/init(names:rules:options:entries:termTexts:tables:deletions:keyFilter:prefixes:maxWords:hasLowercaseHeads:commonKeys:source:)``.
    static let tableCount = 7
    static let exact = 0, folded = 1, key = 2, skeleton = 3, arabic = 4, compact = 5, compactSkeleton = 6

    var entries: [Entry] = []
    var termTexts = StringArenaBuilder()
    var tables = [FormTableBuilder](repeating: FormTableBuilder(), count: tableCount)
    /// Per term, the hash of its text up to the end of each word but the last (the `exact` prefix filter).
    var exactPrefixes: [UInt64] = []
    var maxWords = 1
    var hasLowercaseHeads = false
    var commonKeys: Set<String> = []
  }

  /// The Bloom filters of an index, each made from the finished tables by ``filter(_:tables:parts:options:)``.
  enum Filter {
    static let count = 7
    static let exactPrefixes = 0, foldedPrefixes = 1, compactPrefixes = 2, wordPrefixes = 3, wordPrefixDeletions = 4
    static let deletions = 5, keys = 6
  }

  /// `count` consecutive ranges of the glossary's concepts with about as many terms each (fewer ranges
  /// when there are fewer concepts).
  static func conceptRanges(_ glossary: Glossary, count: Int) -> [Range<Int>] {
    let concepts = glossary.concepts
    let total = concepts.reduce(0) { $0 + $1.terms.count }
    var ranges: [Range<Int>] = []
    var start = 0, seen = 0
    for (number, concept) in concepts.enumerated() {
      seen += concept.terms.count
      if ranges.count < count - 1, seen * count >= total * (ranges.count + 1) {
        ranges.append(start..<(number + 1))
        start = number + 1
      }
    }
    if start < concepts.count || ranges.isEmpty { ranges.append(start..<concepts.count) }
    return ranges
  }

  /// Runs `body` for `0..<count` in child tasks and returns the results in that order.
  static func inParallel<Result: Sendable>(_ count: Int, _ body: @escaping @Sendable (Int) -> Result) async -> [Result] {
    await withTaskGroup(of: (Int, Result).self) { group in
      for number in 0..<count { group.addTask { (number, body(number)) } }
      var results = [Result?](repeating: nil, count: count)
      for await (number, result) in group { results[number] = result }
      return results.compactMap { $0 }
    }
  }

  /// Indexes the terms of the concepts in `range`: each term's forms at every level, each distinct word's
  /// keys computed once (the key maker caches them by the word's bytes), the forms made as bytes.
  static func buildPart(_ glossary: Glossary, concepts range: Range<Int>, rules: MatchKeyRules, options: Options) throws -> Part {
    var builder = try PartBuilder(rules: rules, options: options)
    let terms = glossary.concepts[range].reduce(0) { $0 + $1.terms.count }
    builder.reserveCapacity(terms: terms)
    let nfc = Normalizer(.nfc)
    for conceptIndex in range {
      for (termIndex, term) in glossary.concepts[conceptIndex].terms.enumerated() {
        var text = nfc.normalize(term.text)
        text.withUTF8 { builder.add(term, normalized: $0, concept: Int32(conceptIndex), number: Int32(termIndex)) }
      }
    }
    return builder.part
  }

  /// Table `table` of the parts joined in order.
  static func mergeTable(_ parts: [Part], _ table: Int) -> FormTable {
    guard var builder = parts.first?.tables[table] else { return FormTable() }
    builder.reserveSlots(forms: parts.reduce(0) { $0 + $1.tables[table].count })
    var offset = Int32(parts[0].entries.count)
    for part in parts.dropFirst() {
      builder.append(part.tables[table], entryOffset: offset)
      offset += Int32(part.entries.count)
    }
    return builder.table()
  }

  /// Filter `kind` (a ``Filter`` number) of the finished tables (in ``Part`` order) and the parts.
  static func filter(_ kind: Int, tables: [FormTable], parts: [Part], options: Options) -> BloomFilter {
    BloomFilter(capacity: filterCount(kind, tables: tables, parts: parts, options: options)) { insert in
      forEachFilterHash(kind, tables: tables, parts: parts, options: options, insert)
    }
  }

  /// Calls `body` with each form of `table`.
  static func forEachForm(_ table: FormTable, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
    table.bytes.withUnsafeBufferPointer { bytes in
      for number in 0..<table.count {
        body(UnsafeBufferPointer(rebasing: bytes[Int(table.formStarts[number])..<Int(table.formStarts[number + 1])]))
      }
    }
  }

  /// The number of hashes ``forEachFilterHash(_:tables:parts:options:_:)`` passes for filter `kind`,
  /// counted from the forms' bytes without hashing them (the filter is sized by it).
  static func filterCount(_ kind: Int, tables: [FormTable], parts: [Part], options: Options) -> Int {
    var count = 0
    switch kind {
    case Filter.exactPrefixes:
      for part in parts { count += part.exactPrefixes.count }
    case Filter.foldedPrefixes, Filter.compactPrefixes:
      let table = tables[kind == Filter.foldedPrefixes ? Part.folded : Part.compact]
      count = table.bytes.count + table.count
    case Filter.wordPrefixes:
      for table in [Part.key, Part.skeleton, Part.arabic] {
        for byte in tables[table].bytes where byte == 0x20 { count += 1 }
      }
    case Filter.wordPrefixDeletions:
      forEachForm(tables[Part.key]) { form in
        var letters = 0
        for end in form.indices {
          if form[end] == 0x20 {
            count += letters
          } else if end > 0 {
            letters += 1
          }
        }
      }
    case Filter.deletions:
      guard let minimum = options.minimumFuzzyLength else { return 0 }
      forEachForm(tables[Part.key]) { form in
        guard letterCount(form) >= minimum else { return }
        for index in form.indices where form[index] != 0x20 && (index == 0 || form[index - 1] != form[index]) {
          count += 1
        }
      }
    default:
      count = tables[Part.key].count
    }
    return count
  }

  /// Calls `insert` with each hash that goes into filter `kind`.
  static func forEachFilterHash(
    _ kind: Int, tables: [FormTable], parts: [Part], options: Options, _ insert: (UInt64) -> Void
  ) {
    var hasher = EditHasher()
    switch kind {
    case Filter.exactPrefixes:
      for part in parts {
        for hash in part.exactPrefixes { insert(hash) }
      }
    case Filter.foldedPrefixes, Filter.compactPrefixes:
      forEachForm(tables[kind == Filter.foldedPrefixes ? Part.folded : Part.compact]) { form in
        PrefixFilters.forEachPrefix(of: form, insert)
      }
    case Filter.wordPrefixes:
      for table in [Part.key, Part.skeleton, Part.arabic] {
        forEachForm(tables[table]) { PrefixFilters.forEachWordPrefix(of: $0, hasher: &hasher, insert) }
      }
    case Filter.wordPrefixDeletions:
      forEachForm(tables[Part.key]) { PrefixFilters.forEachWordPrefixDeletion(of: $0, hasher: &hasher, insert) }
    case Filter.deletions:
      guard let minimum = options.minimumFuzzyLength else { return }
      forEachForm(tables[Part.key]) { form in
        guard letterCount(form) >= minimum else { return }
        hasher.reset(form)
        for index in form.indices where form[index] != 0x20 {
          if index > 0, form[index - 1] == form[index] { continue }
          insert(hasher.deleting(index))
        }
      }
    default:
      forEachForm(tables[Part.key]) { insert(EditHasher.hash($0)) }
    }
  }

  static func letterCount(_ form: UnsafeBufferPointer<UInt8>) -> Int {
    var count = 0
    for byte in form where byte != 0x20 { count += 1 }
    return count
  }
}

/// Indexes terms one by one into a ``TermIndex/Part``, with one key maker and reused buffers.
private struct PartBuilder {
  typealias Part = TermIndex.Part
  var part = Part()
  let maker: MatchKeyMaker
  let options: TermIndex.Options
  /// The form being made.
  private var form: [UInt8] = []
  private var single: [UInt8] = []
  private var wordKeys: [WordKeys] = []
  private var content: [WordKeys] = []
  private var articleKeys: [String: String] = [:]

  init(rules: MatchKeyRules, options: TermIndex.Options) throws {
    maker = try MatchKeyMaker(rules: rules, cacheLimit: 1 << 21)
    self.options = options
    part.commonKeys = Set(rules.commonWords.map { maker.latinKey($0) })
    form.reserveCapacity(256)
    single.reserveCapacity(256)
  }

  /// Makes room for about `terms` terms: room that is not used costs address space, not memory.
  mutating func reserveCapacity(terms: Int) {
    part.entries.reserveCapacity(terms)
    part.termTexts.starts.reserveCapacity(terms + 1)
    part.termTexts.bytes.reserveCapacity(terms * 16)
    part.exactPrefixes.reserveCapacity(terms)
    for table in [Part.exact, Part.folded, Part.key, Part.skeleton] {
      part.tables[table].reserveCapacity(forms: terms, bytes: terms * 16, entries: terms + terms / 4)
    }
  }

  /// Indexes `term` of concept `concept`, `normalized` being its text in NFC.
  mutating func add(_ term: Term, normalized utf8: UnsafeBufferPointer<UInt8>, concept: Int32, number: Int32) {
    let words = WordScanner.words(utf8: utf8)
    guard !words.isEmpty else { return }
    part.maxWords = max(part.maxWords, words.count)
    let entry = Int32(part.entries.count)
    let rank: UInt8 = term.status == .preferred ? 0 : term.status == .admitted ? 1 : 2
    part.entries.append(TermIndex.Entry(concept: concept, term: number, rank: rank))
    part.termTexts.append(term.text)
    wordKeys.removeAll(keepingCapacity: true)
    for word in words { wordKeys.append(maker.keys(utf8: UnsafeBufferPointer(rebasing: utf8[word.start..<word.end]))) }
    if !words[0].isCapitalized, wordKeys[0].script == .latin, !wordKeys[0].isArticle { part.hasLowercaseHeads = true }
    part.tables[Part.exact].add(utf8, entry: entry, concept: concept)
    for word in words.dropLast() {
      part.exactPrefixes.append(FormHasher.hash(UnsafeBufferPointer(rebasing: utf8[..<word.end])))
    }
    form.removeAll(keepingCapacity: true)
    for keys in wordKeys { form.append(contentsOf: keys.folded.utf8) }
    store(Part.folded, entry, concept)
    content.removeAll(keepingCapacity: true)
    for keys in wordKeys where !keys.isArticle { content.append(keys) }
    guard !content.isEmpty else { return }
    if content.allSatisfy({ $0.script == .arabic }) {
      joinKeys(stripped: -1, separator: 0x20)
      store(Part.arabic, entry, concept)
      return
    }
    for stripped in TermIndex.strippedPositions(content) {
      joinKeys(stripped: stripped, separator: 0x20)
      store(Part.key, entry, concept)
      if content.count > 1 {
        joinKeys(stripped: stripped, separator: nil)
        store(Part.compact, entry, concept)
        storeCompactSkeleton(entry, concept)
      }
      form.removeAll(keepingCapacity: true)
      for position in content.indices {
        if position > 0 { form.append(0x20) }
        form.append(contentsOf: skeleton(content[position], stripped: position == stripped).utf8)
      }
      store(Part.skeleton, entry, concept)
    }
    if words.count > 1, wordKeys.contains(where: \.isArticle), wordKeys.allSatisfy({ $0.script == .latin }) {
      form.removeAll(keepingCapacity: true)
      for position in wordKeys.indices {
        let keys = wordKeys[position]
        form.append(contentsOf: (keys.isArticle ? articleKey(keys.folded) : keys.key).utf8)
      }
      storeCompactSkeleton(entry, concept)
    }
  }

  private mutating func store(_ table: Int, _ entry: Int32, _ concept: Int32) {
    form.withUnsafeBufferPointer { part.tables[table].add($0, entry: entry, concept: concept) }
  }

  /// Sets `form` to the content words' keys (word `stripped` without its attached article) joined by
  /// `separator`.
  private mutating func joinKeys(stripped: Int, separator: UInt8?) {
    form.removeAll(keepingCapacity: true)
    for position in content.indices {
      if position > 0, let separator { form.append(separator) }
      let keys = content[position]
      form.append(contentsOf: (position == stripped ? keys.keyWithoutArticle ?? keys.key : keys.key).utf8)
    }
  }

  /// Stores the vowel-class key of `form` (a compact key) with runs of one letter written once in the
  /// compact-skeleton table, when it is long enough.
  private mutating func storeCompactSkeleton(_ entry: Int32, _ concept: Int32) {
    single.removeAll(keepingCapacity: true)
    for byte in form where single.last != byte { single.append(byte) }
    let joined = String(decoding: single, as: UTF8.self)
    let length = single.allSatisfy { $0 < 0x80 } ? single.count : joined.count
    guard length >= options.minimumCompactSkeletonLength else { return }
    form.removeAll(keepingCapacity: true)
    form.append(contentsOf: maker.skeleton(of: joined).utf8)
    store(Part.compactSkeleton, entry, concept)
  }

  /// The vowel-class key of a word's key, or of its key without attached article: computed with the
  /// word's keys, except for Arabic-script words and generic heads, whose stored skeleton is their key.
  private func skeleton(_ word: WordKeys, stripped: Bool) -> String {
    if stripped, let skeleton = word.skeletonWithoutArticle { return skeleton }
    if word.script != .arabic, !word.isGenericHead { return word.skeleton }
    return maker.skeleton(of: stripped ? word.keyWithoutArticle ?? word.key : word.key)
  }

  /// The Latin key of an article (`al`, `el`, …) as it is written inside a compact name.
  private mutating func articleKey(_ folded: String) -> String {
    if let known = articleKeys[folded] { return known }
    let key = maker.latinKey(folded)
    articleKeys[folded] = key
    return key
  }
}
