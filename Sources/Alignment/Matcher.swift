import GlossaCore
import ICU

/// A mention of a glossary concept found in a text.
public struct TermMatch: Sendable, Hashable {
  /// UTF-8 byte range of the mention in the text, article included, a genitive ending (`s`, `'s`) not.
  public var span: TextSpan
  /// The concept's id.
  public var concept: String
  /// The concept's number in the index.
  var conceptNumber: Int32
  public var match: MatchKind
  /// Confidence in 0...1: exact 1.0, folded 0.97, script 0.96, key 0.92, vowel-class key 0.85, fuzzy
  /// 0.75; lower for a genitive reading and for ambiguous mentions.
  public var score: Double
  /// Other concepts the mention could mean, equally close; non-empty marks an ambiguous mention.
  public var alternatives: [String]
  /// A loose match (vowel-class key, fuzzy, or a very short key) that still needs support from context.
  var needsSupport = false
  /// A short vowel-class match: a place cue before it is not support enough, only its spelling or a firm
  /// mention of the same place elsewhere in the text.
  var needsSpellingSupport = false
  /// A match by another reading (a foreign ending, another convention's letter): only a place cue before
  /// it or a firm mention of the same place supports it, not its spelling.
  var needsCue = false
}

extension TermIndex {
  /// Every mention of a glossary concept in `text`: longest match first, left to right, never
  /// overlapping.
  public func matches(in text: String) throws -> [TermMatch] {
    let words = WordScanner.words(in: text)
    guard !words.isEmpty else { return [] }
    return try keyMakers.withHandle { maker in
      var matcher = Matcher(index: self, maker: maker, text: text, words: words)
      return matcher.run()
    }
  }
}

/// Scores for each way of matching.
enum MatchScore {
  static let exact = 1.0
  static let folded = 0.97
  static let script = 0.96
  static let key = 0.92
  static let skeleton = 0.85
  static let fuzzy = 0.75
  /// A match under an alternative reading of a letter or without a foreign case ending (`Necef`,
  /// `Tikritas`), or a compact spelling matched by vowel-class key (`Derezor`).
  static let reading = 0.8
  /// Subtracted for a genitive reading (`Rakkas` as `Rakka` + s).
  static let genitivePenalty = 0.03
  /// Multiplies the score of a mention that several concepts fit equally.
  static let ambiguityFactor = 0.6
}

/// Finds the mentions in one text with one key maker.
struct Matcher {
  let index: TermIndex
  /// The index's rules, copied once per text: a copy per candidate would retain and release each of its
  /// word lists, and with several workers those counts are contended.
  let rules: MatchKeyRules
  let maker: MatchKeyMaker
  let text: String
  let bytes: [UInt8]
  let words: [ScannedWord]
  /// Per word of the text, its entry in the key maker's cache, once asked for.
  private var entries: [WordEntry?]
  private let nfc = Normalizer(.nfc)
  /// Reused buffer for the forms looked up.
  private var scratch: [UInt8] = []
  /// Reused buffer for the key of the lookup memo.
  private var memoKey: [UInt8] = []
  /// Reused buffer for the entries of a candidate's words.
  private var candidateWords: [WordEntry] = []
  /// Reused buffer for the key of the continuation memo: the bytes of a candidate's first content words.
  private var prefixKey: [UInt8] = []
  /// Reused hasher for the one-letter deletions of a candidate's first words.
  private var editHasher = EditHasher()
  /// Reused buffer for ``usefulLevels(at:limit:)``: the levels of each candidate length at one position.
  private var levels: [Levels]
  /// The most UTF-8 bytes of an article's folded form.
  private let longestArticle: Int

  init(index: TermIndex, maker: MatchKeyMaker, text: String, words: [ScannedWord]) {
    self.index = index
    self.rules = index.rules
    self.maker = maker
    self.text = text
    self.bytes = Array(text.utf8)
    self.words = words
    self.entries = Array(repeating: nil, count: words.count)
    self.levels = Array(repeating: [], count: max(1, index.maxWords))
    self.longestArticle = rules.articles.map(\.utf8.count).max() ?? 0
  }

  mutating func run() -> [TermMatch] {
    var result: [TermMatch] = []
    var position = 0
    while position < words.count {
      if let (match, length) = longestMatch(at: position) {
        result.append(match)
        position += length
      } else {
        position += 1
      }
    }
    // A loose match with no cue around it stands only if the same place is named firmly in the text.
    let firm = Set(result.filter { !$0.needsSupport }.map(\.concept))
    return result.filter { !$0.needsSupport || (!$0.needsSpellingSupport && firm.contains($0.concept)) }
  }

  /// The key maker's entry of word `word`: its keys and what is memoized about it.
  private mutating func entry(of word: Int) -> WordEntry {
    if let known = entries[word] { return known }
    let (start, end) = (words[word].start, words[word].end)
    let found = bytes.withUnsafeBufferPointer { maker.entry(utf8: UnsafeBufferPointer(rebasing: $0[start..<end])) }
    entries[word] = found
    return found
  }

  /// The keys of word `word`.
  private mutating func keys(of word: Int) -> WordKeys { entry(of: word).keys }

  /// Adds the folded form (``WordKeys/folded``) of word `position` to `hasher`. Folding keeps an ASCII
  /// word's letters and digits, lowercased, so an ASCII word needs no cache probe.
  private mutating func addFolded(of position: Int, to hasher: inout FormHasher) {
    var ascii = hasher
    for offset in words[position].start..<words[position].end {
      let byte = bytes[offset]
      if byte >= 0x80 {
        for byte in entry(of: position).keys.folded.utf8 { hasher.add(byte) }
        return
      }
      let lowered = byte | 0x20
      if lowered >= 0x61 && lowered <= 0x7A { ascii.add(lowered) } else if byte >= 0x30 && byte <= 0x39 { ascii.add(byte) }
    }
    hasher = ascii
  }

  /// Whether word `position` is an article (``WordKeys/isArticle``). An ASCII word with more letters and
  /// digits than any article has (its folded form is those, lowercased) is none, known without a cache
  /// probe.
  private mutating func isArticle(_ position: Int) -> Bool {
    var letters = 0
    for offset in words[position].start..<words[position].end {
      let byte = bytes[offset]
      if byte >= 0x80 { return entry(of: position).keys.isArticle }
      let lowered = byte | 0x20
      if (lowered >= 0x61 && lowered <= 0x7A) || (byte >= 0x30 && byte <= 0x39) { letters += 1 }
    }
    return letters <= longestArticle && entry(of: position).keys.isArticle
  }

  private func string(_ start: Int, _ end: Int) -> String {
    String(decoding: bytes[start..<end], as: UTF8.self)
  }

  private mutating func longestMatch(at start: Int) -> (TermMatch, Int)? {
    guard !words[start].hasDigit else { return nil }
    // Names start with a capital, an article or Arabic script; other words need no ICU work at all.
    let lowercaseHead = !words[start].isCapitalized && !mayStartName(start)
    if lowercaseHead, !index.hasLowercaseHeads { return nil }
    var limit = 1
    while limit < index.maxWords, start + limit < words.count, words[start + limit - 1].joinsNext { limit += 1 }
    if lowercaseHead, !mayBeginTermAsWritten(start) {
      // Matched otherwise than as written, a lowercase head needs a capitalized word after it in the
      // name (`russische Föderation`), its folded form must begin a folded form (asked first: for an
      // ASCII word that needs no cache probe), and it must not be a common word.
      guard words[(start + 1)..<(start + limit)].contains(where: \.isCapitalized) else { return nil }
      var hasher = FormHasher()
      addFolded(of: start, to: &hasher)
      guard index.prefixes.folded.mayContain(hasher.value) else { return nil }
      let head = entry(of: start)
      guard !facts(of: head).contains(.commonWord) else { return nil }
    }
    let count: Int
    if limit > 1 {
      count = usefulLevels(at: start, limit: limit)
    } else {
      levels[0] = .all
      count = 1
    }
    for length in stride(from: count, through: 1, by: -1) {
      let allowed = levels[length - 1]
      if allowed.isEmpty { continue }
      if let match = candidate(start, length, levels: allowed) { return (match, length) }
    }
    return nil
  }

  /// The groups of matching levels a candidate may still match at.
  struct Levels: OptionSet {
    let rawValue: UInt8
    /// Exact and folded forms.
    static let strict = Levels(rawValue: 1)
    /// Keys, compact keys, vowel-class keys and fuzzy keys of the words as split.
    static let keyed = Levels(rawValue: 2)
    /// Names run together or split otherwise, and other readings of a word.
    static let compactReading = Levels(rawValue: 4)
    static let all: Levels = [.strict, .keyed, .compactReading]
  }

  /// For each candidate length at `start` (1 to `limit` words), the levels that may match it; a level
  /// is left out where ``PrefixFilters`` prove it cannot match: for the exact and folded levels, the
  /// candidate's words up to the last must be a prefix of an exact form or of a folded form; for the
  /// keyed levels, after a capitalized head, its content words up to the last must be a word prefix of a
  /// key or vowel-class key (or one edit from one), or run together a prefix of a compact key; names run
  /// together or split otherwise are read only from capitalized words and articles. Candidates whose
  /// first content word is their last are not filtered.
  ///
  /// The levels of length `n` go to `levels[n - 1]`; returns the longest length with any level.
  private mutating func usefulLevels(at start: Int, limit: Int) -> Int {
    var firstContent = start
    while firstContent < start + limit, keys(of: firstContent).isArticle { firstContent += 1 }
    let unfiltered = min(limit, firstContent - start + 1)
    if unfiltered == limit || keys(of: firstContent).script == .arabic {
      for length in 0..<limit { levels[length] = .all }
      return limit
    }
    for length in 0..<limit { levels[length] = length < unfiltered ? .all : [] }
    let filters = index.prefixes
    let head = startFacts(start)
    // Exact forms: the text up to the end of each word but the last (when it is plainly NFC).
    let from = words[start].start
    var plain = true
    var scanned = from
    for offset in 0..<(limit - 1) {
      let end = words[start + offset].end
      while scanned < end {
        if bytes[scanned] >= 0xCC { plain = false }
        scanned += 1
      }
      if !plain {
        for length in 0..<limit { levels[length] = .all }
        return limit
      }
      guard offset == 0 ? head.contains(.exact) : filters.exact.mayContain(
        bytes.withUnsafeBufferPointer { FormHasher.hash(UnsafeBufferPointer(rebasing: $0[from..<end])) })
      else { break }
      levels[offset + 1].insert(.strict)
    }
    // Folded forms: the words' folded forms joined, a prefix of some folded form.
    var hasher = FormHasher()
    for offset in 0..<(limit - 1) {
      if offset == 0, !head.contains(.folded) { break }
      addFolded(of: start + offset, to: &hasher)
      guard offset == 0 || filters.folded.mayContain(hasher.value) else { break }
      levels[offset + 1].insert(.strict)
    }
    // A strict match of the whole candidate is a folded form of the index (an exact one folds to one too),
    // and the folded filter holds every folded form whole: where it does not hold the candidate's folded
    // words, the strict levels cannot match. A last word that may be a genitive keeps them: its stem is
    // looked up at the same levels.
    var wholeFolded = FormHasher()
    var foldedWords = 0
    for length in stride(from: unfiltered + 1, through: limit, by: 1) where levels[length - 1].contains(.strict) {
      while foldedWords < length {
        addFolded(of: start + foldedWords, to: &wholeFolded)
        foldedWords += 1
      }
      if !filters.folded.mayContain(wholeFolded.value), genitiveStem(of: start + length - 1) == nil {
        levels[length - 1].remove(.strict)
      }
    }
    // Keyed levels: only after a capitalized head (a lowercase one makes the candidate strict), and only
    // up to a capitalized last word: a name of several words ends in one (`Frankfurt am Main`,
    // `Ras al-Ain`), and a capitalized word with the lowercase word after it (`Regierung hat`,
    // `Truppen aus`) is no transliteration of a name, so it matches only as written or folded.
    if words[firstContent].isCapitalized {
      var prefix: [WordEntry] = []
      prefixKey.removeAll(keepingCapacity: true)
      for offset in (firstContent - start)..<(limit - 1) {
        let word = entry(of: start + offset)
        if !word.keys.isArticle {
          prefix.append(word)
          prefixKey.append(contentsOf: bytes[words[start + offset].start..<words[start + offset].end])
          prefixKey.append(0)
          guard prefix.count == 1 ? mayContinue(word: start + offset) : mayContinue(memoized: prefix) else { break }
        }
        if words[start + offset + 1].isCapitalized { levels[offset + 1].insert(.keyed) }
      }
    }
    // Names run together or split otherwise: no prefix filter covers them, so every run of capitalized
    // words and articles is tried.
    var compactEnd = start
    while compactEnd < start + limit, words[compactEnd].isCapitalized || isArticle(compactEnd) { compactEnd += 1 }
    if compactEnd > start {
      for length in 1...(compactEnd - start) { levels[length - 1].insert(.compactReading) }
    }
    var count = limit
    while count > 0, levels[count - 1].isEmpty { count -= 1 }
    return count
  }

  /// Whether content words `prefix` (a candidate's content words but its last) may begin a key or
  /// vowel-class key of several words, as written or one letter edited, or run together begin a compact
  /// key, under any of their article variants.
  private mutating func mayContinue(_ prefix: [WordEntry]) -> Bool {
    let filters = index.prefixes
    for variant in 0..<Self.variantCount(prefix) {
      assemble(prefix, variant: variant, separator: 0x20, skeleton: false)
      editHasher.reset(scratch)
      let whole = editHasher.whole
      if filters.wordPrefixes.mayContain(whole) || filters.wordPrefixDeletions.mayContain(whole) { return true }
      for position in scratch.indices.dropFirst() where scratch[position] != 0x20 {
        let deleted = editHasher.deleting(position)
        if filters.wordPrefixes.mayContain(deleted) || filters.wordPrefixDeletions.mayContain(deleted) { return true }
      }
      assemble(prefix, variant: variant, separator: 0x20, skeleton: true)
      if filters.wordPrefixes.mayContain(EditHasher.hash(scratch)) { return true }
      assemble(prefix, variant: variant, separator: nil, skeleton: false)
      if filters.compact.mayContain(FormHasher.hash(scratch)) { return true }
    }
    return false
  }

  /// ``mayContinue(_:)`` of content words `prefix`, memoized by their bytes (in ``prefixKey``, each
  /// word's followed by a 0 byte): their keys are a function of them.
  private mutating func mayContinue(memoized prefix: [WordEntry]) -> Bool {
    if let known = prefixKey.withUnsafeBufferPointer({ maker.continuationMemo[$0] }) { return known }
    let result = mayContinue(prefix)
    prefixKey.withUnsafeBufferPointer { maker.continuationMemo.insert(result, for: $0) }
    return result
  }

  /// Whether word `position` alone, as a candidate's start, may begin an exact form (its bytes) or a
  /// folded form (its folded form) by the prefix filters; memoized in its entry.
  private mutating func startFacts(_ position: Int) -> WordEntry.StartFacts {
    let word = entry(of: position)
    if let known = word.startFacts { return known }
    var facts: WordEntry.StartFacts = []
    let (start, end) = (words[position].start, words[position].end)
    let hash = bytes.withUnsafeBufferPointer { FormHasher.hash(UnsafeBufferPointer(rebasing: $0[start..<end])) }
    if index.prefixes.exact.mayContain(hash) { facts.insert(.exact) }
    var hasher = FormHasher()
    for byte in word.keys.folded.utf8 { hasher.add(byte) }
    if index.prefixes.folded.mayContain(hasher.value) { facts.insert(.folded) }
    word.startFacts = facts
    return facts
  }

  /// ``mayContinue(_:)`` of word `position` alone, memoized in the word's entry (its keys are a function
  /// of its bytes).
  private mutating func mayContinue(word position: Int) -> Bool {
    let word = entry(of: position)
    if let known = word.mayContinue { return known }
    let result = mayContinue([word])
    word.mayContinue = result
    return result
  }

  /// Whether some term may begin with word `position` exactly as written (how a lowercase head matches
  /// unless a capitalized word follows): a one-word term that is the word, or a longer term whose first word it is (the exact
  /// prefix filter). A word not plainly NFC is left to the lookup, which normalizes it.
  private func mayBeginTermAsWritten(_ position: Int) -> Bool {
    let word = words[position]
    return bytes.withUnsafeBufferPointer { all in
      let text = UnsafeBufferPointer(rebasing: all[word.start..<word.end])
      if text.contains(where: { $0 >= 0xCC }) { return true }
      let hash = FormHasher.hash(text)
      return index.prefixes.exact.mayContain(hash) || index.exact.find(text, hash: hash) != nil
    }
  }

  /// Whether a lowercase word can open a name: an article form (`al`, `el`) or a word in Arabic script.
  private func mayStartName(_ position: Int) -> Bool {
    let word = words[position]
    let lead = bytes[word.start]
    if lead >= 0xD8, lead <= 0xDB { return true }
    guard word.end - word.start <= 4 else { return false }
    let count = word.end - word.start
    let lowered = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: count) { buffer in
      for offset in 0..<count { buffer[offset] = bytes[word.start + offset] | 0x20 }
      return String(decoding: UnsafeBufferPointer(buffer), as: UTF8.self)
    }
    return rules.articles.contains(lowered)
  }

  /// The match of words `start..<start+length`, if any passes the guards.
  private mutating func candidate(_ start: Int, _ length: Int, levels: Levels) -> TermMatch? {
    let range = start..<(start + length)
    for position in range {
      let word = words[position]
      if word.hasDigit { return nil }
      if word.end - word.start == 1, word.periodAfter || length > 1 { return nil }
    }
    // The entries go to a buffer reused from candidate to candidate, taken out of `self` meanwhile.
    var wordEntries: [WordEntry] = []
    swap(&wordEntries, &candidateWords)
    defer {
      wordEntries.removeAll(keepingCapacity: true)
      swap(&wordEntries, &candidateWords)
    }
    for position in range { wordEntries.append(entry(of: position)) }
    guard let firstContent = wordEntries.firstIndex(where: { !$0.keys.isArticle }), !wordEntries[length - 1].keys.isArticle else {
      return nil
    }
    for position in 0..<firstContent where !acceptsLeadingArticle(start + position, wordEntries[position].keys) {
      return nil
    }
    // A name cue before "al-Name" (Abu Bakr al-Baghdadi) makes it a person's name.
    if firstContent > 0, start > 0, words[start - 1].joinsNext, rules.givenNames.contains(keys(of: start - 1).folded) {
      return nil
    }
    let content = firstContent == 0 && !wordEntries.contains(where: \.keys.isArticle) ? wordEntries : wordEntries.filter { !$0.keys.isArticle }
    let head = words[start + firstContent]
    let isArabic = content.allSatisfy { $0.keys.script == .arabic }
    var strictOnly = false
    var closeOnly = false
    // A lowercase head matches only a term written the same way (`ceasefire`): a capitalized term is a
    // name, and the text's lowercase word is not that name (`darum` is not the village Darum, `in der`
    // not Inder), unless it is no common word and the mention ends in a capitalized word (`russische
    // Föderation`, not `in Den`).
    let exactOnly = !isArabic && !head.isCapitalized
      && (!words[range.upperBound - 1].isCapitalized || facts(of: wordEntries[firstContent]).contains(.commonWord))
    // A generic head noun must meet its own group: never a vowel-class or fuzzy match across heads.
    if content.count == 1, !isArabic {
      let facts = facts(of: content[0])
      if firstContent == 0, facts.contains(.commonWord) { return nil }
      if !head.isCapitalized || !facts.isDisjoint(with: [.lookalike, .adjectiveEnding]) { strictOnly = true }
      if facts.contains(.commonKey) || content[0].keys.isGenericHead { closeOnly = true }
    } else if !isArabic {
      // Common words run together are no name either (`In der` is not Inder).
      if firstContent == 0, content.allSatisfy({ facts(of: $0).contains(.commonWord) }) { return nil }
      if !head.isCapitalized || rules.lookalikes.contains(content.map(\.keys.folded).joined()) { strictOnly = true }
      if content.contains(where: \.keys.isGenericHead) { closeOnly = true }
    }
    let span = TextSpan(start: words[start].start, end: words[range.upperBound - 1].end)
    // Words run together or split otherwise are read only from capitalized names (`Tell Kalakh`), never
    // from German words after a name (`Leoben eine`).
    let compactAllowed = range.allSatisfy { words[$0].isCapitalized || wordEntries[$0 - start].keys.isArticle }
    var whole = lookup(
      span: span, all: wordEntries, content: content, arabic: isArabic, exactOnly: exactOnly, strictOnly: strictOnly,
      closeOnly: closeOnly, compactAllowed: compactAllowed, levels: levels, word: length == 1 ? wordEntries[0] : nil)
      .map { supported($0, start: start) }
    whole = whole.map { withoutGenericHead($0, start: start, length: length, wordEntries) }
    if let found = whole, !found.needsSupport { return found }
    // A genitive: "Rakkas", "Rakka's" read as "Rakka" + ending, preferred to a loose reading of the whole.
    if let genitive = genitive(
      start, length, wordEntries, span: span, arabic: isArabic, strictOnly: strictOnly || closeOnly, levels: levels),
      !genitive.needsSupport || whole == nil {
      whole = genitive
    }
    return whole
  }

  /// What the word lists say about a word, memoized in its entry.
  private func facts(of word: WordEntry) -> WordEntry.Facts {
    if let known = word.facts { return known }
    let folded = word.keys.folded
    var facts: WordEntry.Facts = []
    if rules.commonWords.contains(folded) { facts.insert(.commonWord) }
    if rules.lookalikes.contains(folded) { facts.insert(.lookalike) }
    if index.commonKeys.contains(word.keys.key) { facts.insert(.commonKey) }
    if rules.adjectiveEndings.contains(where: { Self.hasSuffix(folded, $0) }) { facts.insert(.adjectiveEnding) }
    word.facts = facts
    return facts
  }

  /// The mention without a generic head noun at its start or end (`Provinz Anbar` → `Anbar`): the head
  /// chose the concept (the province, not the town) but stays the text's own word when the name is
  /// replaced.
  private func withoutGenericHead(_ match: TermMatch, start: Int, length: Int, _ wordEntries: [WordEntry]) -> TermMatch {
    guard length > 1 else { return match }
    var result = match
    if wordEntries[0].keys.isGenericHead, !wordEntries[1...].allSatisfy(\.keys.isGenericHead) {
      result.span = TextSpan(start: words[start + 1].start, end: result.span.end)
    } else if wordEntries[length - 1].keys.isGenericHead, !wordEntries[..<(length - 1)].allSatisfy(\.keys.isGenericHead),
      result.span.end == words[start + length - 1].end {
      result.span = TextSpan(start: result.span.start, end: words[start + length - 2].end)
    }
    return result
  }

  private mutating func genitive(
    _ start: Int, _ length: Int, _ wordEntries: [WordEntry], span: TextSpan, arabic: Bool, strictOnly: Bool, levels: Levels
  ) -> TermMatch? {
    let last = start + length - 1
    guard !arabic, !strictOnly, !levels.isDisjoint(with: [.strict, .keyed]), !words[last].hyphenAfter,
      let stemEnd = genitiveStem(of: last)
    else { return nil }
    if start > 0, rules.determiners.contains(keys(of: start - 1).folded) { return nil }
    let stemStart = words[last].start
    let stem = bytes.withUnsafeBufferPointer {
      maker.entry(utf8: UnsafeBufferPointer(rebasing: $0[stemStart..<stemEnd]))
    }
    guard !stem.keys.isArticle, !rules.lookalikes.contains(stem.keys.folded) else { return nil }
    var stemWords = wordEntries
    stemWords[length - 1] = stem
    let stemContent = stemWords.filter { !$0.keys.isArticle }
    guard var found = lookup(
      span: TextSpan(start: span.start, end: stemEnd), all: stemWords, content: stemContent, arabic: false,
      exactOnly: false, strictOnly: false, closeOnly: false, compactAllowed: false, levels: levels)
    else { return nil }
    found.score -= MatchScore.genitivePenalty
    return supported(found, start: start)
  }

  /// Clears `needsSupport` when the words before the match announce a place (`aus`, `bei`, `Provinz`,
  /// also across a determiner: `aus dem`) or the spelling itself looks transliterated (`q`, `ḥ`, `kh`).
  private mutating func supported(_ match: TermMatch, start: Int) -> TermMatch {
    guard match.needsSupport else { return match }
    var result = match
    if isInsideLongerName(match, start: start) {
      result.needsSpellingSupport = true
      return result
    }
    if start > 0, !startsSentence(start), !match.needsSpellingSupport {
      let previous = keys(of: start - 1).folded
      if rules.placeCues.contains(previous) {
        result.needsSupport = false
      } else if start > 1, rules.determiners.contains(previous) || previous == "des",
        rules.placeCues.contains(keys(of: start - 2).folded) {
        result.needsSupport = false
      }
    }
    if result.needsSupport, !result.needsCue, hasTransliterationMark(match.span) { result.needsSupport = false }
    return result
  }

  /// Whether the text in `span`, lowercased, contains a transliteration mark; memoized by its bytes (the
  /// marks are those of the index, the same for every text the key maker serves).
  private func hasTransliterationMark(_ span: TextSpan) -> Bool {
    let known = bytes.withUnsafeBufferPointer { maker.markMemo[UnsafeBufferPointer(rebasing: $0[span.start..<span.end])] }
    if let known { return known }
    let found = Self.containsMark(string(span.start, span.end).lowercased(), among: rules.transliterationMarks)
    bytes.withUnsafeBufferPointer { maker.markMemo.insert(found, for: UnsafeBufferPointer(rebasing: $0[span.start..<span.end])) }
    return found
  }

  /// Whether `surface` contains one of `marks` (as `String.contains` finds them, by characters), comparing
  /// bytes where that gives the same answer.
  static func containsMark(_ surface: String, among marks: [String]) -> Bool {
    // An ASCII mark whose bytes are not in the surface cannot be in it as characters either.
    // Nor can a non-ASCII mark be in an ASCII surface, unless it holds one of the three characters
    // canonically equivalent to ASCII (U+037E, U+1FEF, U+212A).
    let surfaceBytes = Array(surface.utf8)
    let surfaceIsASCII = surfaceBytes.allSatisfy { $0 < 0x80 }
    return marks.contains { mark in
      if mark.utf8.allSatisfy({ $0 < 0x80 }) {
        let markBytes = Array(mark.utf8)
        if !containsBytes(surfaceBytes, markBytes) { return false }
        // Found as bytes in an ASCII surface, a mark without line breaks is found as characters: only
        // CR LF makes two ASCII bytes one character.
        if surfaceIsASCII, !markBytes.contains(0x0A), !markBytes.contains(0x0D) { return true }
      } else if surfaceIsASCII, !mark.unicodeScalars.contains(where: { [0x037E, 0x1FEF, 0x212A].contains($0.value) }) {
        return false
      }
      return surface.contains(mark)
    }
  }

  /// Whether a loose match is only part of a longer name the glossary does not know: a capitalized word
  /// that is not a German word, cue or head noun is joined to it by a space (`Tall` in `Tall Bisih`,
  /// `Khurmatu` in `Tazat Khurmatu`).
  private mutating func isInsideLongerName(_ match: TermMatch, start: Int) -> Bool {
    func isNamePart(_ position: Int) -> Bool {
      let word = words[position]
      guard word.isCapitalized, !word.hasDigit else { return false }
      let keys = keys(of: position)
      return !keys.isGenericHead && !rules.commonWords.contains(keys.folded) && !rules.placeCues.contains(keys.folded)
        && !rules.determiners.contains(keys.folded)
    }
    if start > 0, words[start - 1].joinsNext, !words[start - 1].hyphenAfter, !startsSentence(start - 1), isNamePart(start - 1) {
      return true
    }
    guard let last = words[start...].firstIndex(where: { $0.end >= match.span.end }), last + 1 < words.count,
      words[last].end == match.span.end, words[last].joinsNext, !words[last].hyphenAfter
    else { return false }
    return isNamePart(last + 1)
  }

  /// Where the stem ends when word `position` ends in a genitive `s`, `'s` or `’s`.
  private func genitiveStem(of position: Int) -> Int? {
    let word = words[position]
    guard word.end - word.start >= 4, bytes[word.end - 1] == UInt8(ascii: "s") else { return nil }
    let before = word.end - 1
    if bytes[before - 1] == UInt8(ascii: "'") { return before - 1 }
    if before >= word.start + 3, bytes[before - 3] == 0xE2, bytes[before - 2] == 0x80, bytes[before - 1] == 0x99 {
      return before - 3
    }
    return before
  }

  /// Whether word `position`, an article form, starts a name here: joined by a hyphen (`al-`), or not
  /// a German word (`El Qamishli`), or capitalized inside a sentence (`Es Sukhne`).
  private mutating func acceptsLeadingArticle(_ position: Int, _ keys: WordKeys) -> Bool {
    let word = words[position]
    if word.hyphenAfter { return true }
    if !rules.commonWords.contains(keys.folded) { return true }
    return word.isCapitalized && !startsSentence(position)
  }

  private func startsSentence(_ position: Int) -> Bool {
    var offset = words[position].start - 1
    while offset >= 0, bytes[offset] == 0x20 { offset -= 1 }
    guard offset >= 0 else { return true }
    switch bytes[offset] {
    case UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: ":"), 0x0A, 0x0D, UInt8(ascii: "\""): return true
    default: return false
    }
  }

  /// Tries every level, strict to loose, on one candidate. `exactOnly` stops after the exact level,
  /// `strictOnly` after the folded level,
  /// `closeOnly` after the transliteration key. Forms are assembled in a reused byte buffer and looked up
  /// without making strings. `word` is the entry of the candidate's one word when `span` is exactly that
  /// word: its own memo is asked before the index's shared one.
  private mutating func lookup(
    span: TextSpan, all: [WordEntry], content: [WordEntry], arabic: Bool, exactOnly: Bool, strictOnly: Bool,
    closeOnly: Bool, compactAllowed: Bool, levels: Levels, word: WordEntry? = nil
  ) -> TermMatch? {
    // The result depends on the candidate's bytes (its words and what joins them), the flags and the
    // levels allowed alone, and phrases repeat. The memo key is the bytes and a byte of flags and levels.
    let flags = (strictOnly ? 1 : 0) | (closeOnly ? 2 : 0) | (compactAllowed ? 4 : 0) | levels.rawValue << 3 | (exactOnly ? 64 : 0)
    if let known = word?.lookup, known.flags == flags {
      return known.match.map { Self.shifted($0, by: span.start) }
    }
    memoKey.removeAll(keepingCapacity: true)
    memoKey.append(contentsOf: bytes[span.start..<span.end])
    memoKey.append(flags)
    let relative: TermMatch?
    if let known = memoKey.withUnsafeBufferPointer({ index.lookupMemo[$0] }) {
      relative = known
    } else {
      let found = lookupUncached(
        span: span, all: all, content: content, arabic: arabic, exactOnly: exactOnly, strictOnly: strictOnly,
        closeOnly: closeOnly, compactAllowed: compactAllowed, levels: levels)
      relative = found.map { Self.shifted($0, by: -span.start) }
      memoKey.withUnsafeBufferPointer { index.lookupMemo.insert(relative, for: $0) }
    }
    word?.lookup = WordEntry.Lookup(flags: flags, match: relative)
    return relative.map { Self.shifted($0, by: span.start) }
  }

  private static func shifted(_ match: TermMatch, by offset: Int) -> TermMatch {
    var result = match
    result.span = TextSpan(start: match.span.start + offset, end: match.span.end + offset)
    return result
  }

  private mutating func lookupUncached(
    span: TextSpan, all: [WordEntry], content: [WordEntry], arabic: Bool, exactOnly: Bool, strictOnly: Bool,
    closeOnly: Bool, compactAllowed: Bool, levels: Levels
  ) -> TermMatch? {
    if levels.contains(.strict) {
      if let hit = exactHit(span) { return make(span, hit, .exact, MatchScore.exact) }
      if exactOnly { return nil }
      scratch.removeAll(keepingCapacity: true)
      for word in all { scratch.append(contentsOf: word.keys.folded.utf8) }
      if let hit = index.folded.lookup(scratch) {
        return make(span, hit, arabic ? .script : .folded, arabic ? MatchScore.script : MatchScore.folded)
      }
    }
    if exactOnly { return nil }
    if arabic {
      scratch.removeAll(keepingCapacity: true)
      for (number, word) in content.enumerated() {
        if number > 0 { scratch.append(0x20) }
        scratch.append(contentsOf: word.keys.key.utf8)
      }
      if let hit = index.arabic.lookup(scratch) { return make(span, hit, .script, MatchScore.script) }
      return nil
    }
    guard !strictOnly, content.allSatisfy({ $0.keys.script == .latin }) else { return nil }
    guard levels.contains(.keyed) else {
      guard levels.contains(.compactReading), compactAllowed, !closeOnly else { return nil }
      return compactReading(span, content, all: all)
    }
    let variants = Self.variantCount(content)
    for variant in 0..<variants {
      assemble(content, variant: variant, separator: 0x20, skeleton: false)
      if let hit = index.key.lookup(scratch) {
        var match = make(span, hit, .key, MatchScore.key)
        match.needsSupport = TermIndex.letterCount(scratch) <= 4
        return match
      }
    }
    for variant in 0..<variants {
      assemble(content, variant: variant, separator: nil, skeleton: false)
      if let hit = index.compact.lookup(scratch) {
        var match = make(span, hit, .key, MatchScore.key)
        match.needsSupport = TermIndex.letterCount(scratch) <= 4
        return match
      }
    }
    guard !closeOnly else { return nil }
    assemble(content, variant: 0, separator: 0x20, skeleton: false)
    let baseLetters = TermIndex.letterCount(scratch)
    if baseLetters >= index.options.minimumSkeletonLength {
      for variant in 0..<variants {
        assemble(content, variant: variant, separator: 0x20, skeleton: true)
        if let hit = index.skeleton.lookup(scratch) {
          var match = make(span, hit, .key, MatchScore.skeleton)
          match.needsSupport = true
          match.needsSpellingSupport = baseLetters < index.options.minimumSkeletonLength + 1
          return match
        }
      }
    }
    if compactAllowed, let found = compactReading(span, content, all: all) { return found }
    if let minimum = index.options.minimumFuzzyLength {
      for variant in 0..<variants {
        assemble(content, variant: variant, separator: 0x20, skeleton: false)
        guard TermIndex.letterCount(scratch) >= minimum else { continue }
        let hits = fuzzy(scratch)
        if !hits.isEmpty {
          var match = make(span, hits, .fuzzy, MatchScore.fuzzy)
          match.needsSupport = true
          return match
        }
      }
    }
    guard content.count == 1, compactAllowed else { return nil }
    return otherReading(span, content[0].keys)
  }

  /// A name whose words are run together or split otherwise than in the glossary, matched by key
  /// (`Tall Kalakh` = `Tallkalakh`) or by vowel-class key (`Derezor` = `Deir ez-Zor`); always loose.
  private func compactReading(_ span: TextSpan, _ content: [WordEntry], all: [WordEntry]) -> TermMatch? {
    let joined = content.map(\.keys.key).joined()
    guard !content.contains(where: \.keys.isGenericHead) else { return nil }
    if content.count > 1, let hit = index.key[joined] {
      var match = make(span, hit, .key, MatchScore.key)
      match.needsSupport = true
      return match
    }
    var forms = [TermIndex.singleLetters(joined)]
    if all.count > content.count, all.count > 1 {
      // The article run into the name (Majd el Chams = Majdal Shams).
      forms.append(TermIndex.singleLetters(all.map { $0.keys.isArticle ? maker.latinKey($0.keys.folded) : $0.keys.key }.joined()))
    }
    for form in forms where form.count >= index.options.minimumCompactSkeletonLength {
      // A one-word name's vowel-class key is already known; only joined words need ICU here.
      let skeleton = content.count == 1 && form == content[0].keys.key ? content[0].keys.skeleton : maker.skeleton(of: form)
      var hits = index.compactSkeleton[skeleton] ?? []
      if all.count > 1 { hits += index.skeleton[skeleton] ?? [] }
      guard !hits.isEmpty else { continue }
      var match = make(span, hits, .key, MatchScore.reading)
      match.needsSupport = true
      return match
    }
    return nil
  }

  /// A one-word name read another way when it matches nothing as written: a letter read by another
  /// convention (`Necef` = `Nejef`, Turkish c), or without another language's case ending (`Tikritas`,
  /// `Bagdado`). Always loose: the mention needs a cue.
  private func otherReading(_ span: TextSpan, _ word: WordKeys) -> TermMatch? {
    let surface = string(span.start, span.end)
    let name = surface.split(whereSeparator: { $0 == "-" || $0 == " " }).last.map(String.init) ?? surface
    for alternate in maker.alternateKeys(for: name) {
      if let hit = index.key[alternate] {
        var match = make(span, hit, .key, MatchScore.reading)
        match.needsSupport = true
        match.needsCue = true
        return match
      }
    }
    for ending in rules.foreignEndings where Self.hasSuffix(word.folded, ending) {
      let stem = String(word.folded.dropLast(ending.count))
      guard stem.count >= 4, !rules.lookalikes.contains(stem), !rules.commonWords.contains(stem) else { continue }
      if let hit = index.key[maker.keys(for: stem).key] {
        var match = make(span, hit, .key, MatchScore.reading)
        match.needsSupport = true
        match.needsCue = true
        return match
      }
    }
    return nil
  }

  /// The exact-level hit of the text in `span`, NFC-normalized first unless it is plainly NFC already
  /// (every scalar below U+0300, which no normalization form changes).
  private func exactHit(_ span: TextSpan) -> [Int32]? {
    var needsNormalization = false
    for offset in span.start..<span.end where bytes[offset] >= 0xCC {
      needsNormalization = true
      break
    }
    if needsNormalization {
      return Array(nfc.normalize(string(span.start, span.end)).utf8).withUnsafeBufferPointer { index.exact.lookup($0) }
    }
    return bytes.withUnsafeBufferPointer { index.exact.lookup(UnsafeBufferPointer(rebasing: $0[span.start..<span.end])) }
  }

  /// How many key variants the content words have: the plain keys, then one per word (among the first
  /// three) with an attached article removed; see ``TermIndex/keyVariants(_:)``.
  private static func variantCount(_ content: [WordEntry]) -> Int {
    var count = 1
    for word in content where word.keys.keyWithoutArticle != nil && count < 4 { count += 1 }
    return count
  }

  /// Writes variant number `variant` of the content words' keys (or vowel-class keys) into `scratch`,
  /// joined by `separator` (none when nil).
  private mutating func assemble(_ content: [WordEntry], variant: Int, separator: UInt8?, skeleton: Bool) {
    scratch.removeAll(keepingCapacity: true)
    var stripped = 0
    for (number, word) in content.enumerated() {
      if number > 0, let separator { scratch.append(separator) }
      var replace = false
      if word.keys.keyWithoutArticle != nil, stripped < 3 {
        stripped += 1
        replace = stripped == variant
      }
      if replace {
        scratch.append(contentsOf: (skeleton ? word.keys.skeletonWithoutArticle : word.keys.keyWithoutArticle)!.utf8)
      } else {
        scratch.append(contentsOf: (skeleton ? word.keys.skeleton : word.keys.key).utf8)
      }
    }
  }

  /// Entries whose key is one edit away from `form`, the edit neither at the first nor at the last letter
  /// (that is where nisbas, plurals and other words differ: al-Baghdadi, Tartu, Hamas).
  ///
  /// Keys are ASCII letters joined by spaces, so the keys one edit away are found by trying the edits of
  /// `form` in the key table: deletions always, insertions only where the filter of indexed deletions
  /// holds `form`, substitutions at a position only where it holds `form` with that letter deleted.
  private func fuzzy(_ form: [UInt8]) -> [Int32] {
    if let known = form.withUnsafeBufferPointer({ index.fuzzyMemo[$0] }) { return known }
    let result = fuzzyUncached(form)
    form.withUnsafeBufferPointer { index.fuzzyMemo.insert(result, for: $0) }
    return result
  }

  private func fuzzyUncached(_ form: [UInt8]) -> [Int32] {
    var found: [Int] = []
    var edited: [UInt8] = []
    edited.reserveCapacity(form.count + 1)
    // An edit is looked up in the key table only when the key filter, asked with its polynomial hash,
    // may hold it.
    func consider(_ hash: UInt64, _ make: (inout [UInt8]) -> Void) {
      guard index.keyFilter.mayContain(hash) else { return }
      edited.removeAll(keepingCapacity: true)
      make(&edited)
      guard let number = edited.withUnsafeBufferPointer({ index.key.find($0) }), !found.contains(number),
        Self.isInnerEdit(form, edited)
      else { return }
      found.append(number)
    }
    guard form.count >= 3 else { return [] }
    let hasher = EditHasher(form)
    let mayHaveInsertions = index.deletions.mayContain(hasher.whole)
    // Edits at the first or last letter are never inner ones: a substitution there is refused by
    // `isInnerEdit`, and a deletion or insertion there that is inner (a doubled letter) gives the same
    // form as one a position further in, which is tried. So only the positions inside are probed.
    let inner = 1..<(form.count - 1)
    for position in inner where form[position] != 0x20 {
      let deleted = hasher.deleting(position)
      consider(deleted) {
        $0.append(contentsOf: form[..<position])
        $0.append(contentsOf: form[(position + 1)...])
      }
      if index.deletions.mayContain(deleted) {
        for letter in UInt8(ascii: "a")...UInt8(ascii: "z") where letter != form[position] {
          consider(hasher.replacing(position, form[position], with: letter)) {
            $0.append(contentsOf: form)
            $0[position] = letter
          }
        }
      }
    }
    if mayHaveInsertions {
      for position in 1...(form.count - 1) {
        for letter in UInt8(ascii: "a")...UInt8(ascii: "z") {
          consider(hasher.inserting(letter, at: position)) {
            $0.append(contentsOf: form[..<position])
            $0.append(letter)
            $0.append(contentsOf: form[position...])
          }
        }
      }
    }
    let forms = found.map { index.key.form($0) }.enumerated().sorted { $0.element.lexicographicallyPrecedes($1.element) }
    var result: [Int32] = []
    for (number, _) in forms {
      for entry in index.key.list(of: found[number]) where !result.contains(entry) { result.append(entry) }
    }
    return result
  }

  /// The Levenshtein distance of two byte strings.
  static func editDistance(_ a: [UInt8], _ b: [UInt8]) -> Int {
    guard !a.isEmpty else { return b.count }
    guard !b.isEmpty else { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
      }
      swap(&previous, &current)
    }
    return previous[b.count]
  }

  /// Whether `needle` occurs in `haystack`.
  static func containsBytes(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
    guard !needle.isEmpty else { return true }
    guard haystack.count >= needle.count else { return false }
    for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
      if haystack[start..<(start + needle.count)].elementsEqual(needle) { return true }
    }
    return false
  }

  /// Whether the UTF-8 bytes of `text` end with those of `suffix` (for folded words, the same as
  /// `String.hasSuffix`, without comparing by `Character`).
  static func hasSuffix(_ text: String, _ suffix: String) -> Bool {
    let a = text.utf8, b = suffix.utf8
    guard a.count >= b.count else { return false }
    return a[a.index(a.endIndex, offsetBy: -b.count)...].elementsEqual(b)
  }

  /// Whether `a` and `b` differ by exactly one edit that is not at either end nor on a space.
  static func isInnerEdit(_ a: [UInt8], _ b: [UInt8]) -> Bool {
    guard abs(a.count - b.count) <= 1, a != b else { return false }
    var prefix = 0
    while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
    guard prefix > 0 else { return false }
    let rest: Bool
    if a.count == b.count {
      rest = a[(prefix + 1)...] == b[(prefix + 1)...]
    } else if a.count > b.count {
      rest = a[(prefix + 1)...] == b[prefix...]
    } else {
      rest = a[prefix...] == b[(prefix + 1)...]
    }
    guard rest, prefix < min(a.count, b.count) - (a.count == b.count ? 1 : 0) else { return false }
    if prefix < a.count, a[prefix] == 0x20 { return false }
    if prefix < b.count, b[prefix] == 0x20 { return false }
    return true
  }

  /// A match of the best concept among `entries`; the others become alternatives.
  private func make(_ span: TextSpan, _ entries: [Int32], _ kind: MatchKind, _ score: Double) -> TermMatch {
    // Entries of one concept (the common case) need no ranking.
    let first = index.entries[Int(entries[0])].concept
    if entries.allSatisfy({ index.entries[Int($0)].concept == first }) {
      return TermMatch(
        span: span, concept: index.names.ids[Int(first)], conceptNumber: first, match: kind, score: score, alternatives: [])
    }
    // Several concepts fit: the one with a term spelled closest to the mention comes first, then the one
    // with the better rank (each the best over the concept's entries), then the lower concept number.
    let written = bytes.withUnsafeBufferPointer {
      Array(maker.folded(utf8: UnsafeBufferPointer(rebasing: $0[span.start..<span.end])).utf8)
    }
    var scored: [(concept: Int32, distance: Int, rank: UInt8)] = []
    scored.reserveCapacity(entries.count)
    for id in entries {
      let entry = index.entries[Int(id)]
      let term = index.termTexts.withBytes(Int(id)) { Array(maker.folded(utf8: $0).utf8) }
      scored.append((entry.concept, Self.editDistance(written, term), entry.rank))
    }
    scored.sort { $0.concept < $1.concept }
    var best: [(distance: Int, rank: UInt8, concept: Int32)] = []
    for item in scored {
      if let last = best.last, last.concept == item.concept {
        best[best.count - 1] = (min(last.distance, item.distance), min(last.rank, item.rank), item.concept)
      } else {
        best.append((item.distance, item.rank, item.concept))
      }
    }
    let ranked = best.sorted { ($0.distance, $0.rank, $0.concept) < ($1.distance, $1.rank, $1.concept) }.map(\.concept)
    let alternatives = ranked.dropFirst().map { index.names.ids[Int($0)] }
    return TermMatch(
      span: span, concept: index.names.ids[Int(ranked[0])], conceptNumber: ranked[0], match: kind,
      score: alternatives.isEmpty ? score : score * MatchScore.ambiguityFactor, alternatives: alternatives)
  }
}
