import GlossaCore
import ICU

/// A mention of a glossary concept found in a text.
public struct TermMatch: Sendable, Hashable {
  /// UTF-8 byte range of the mention in the text, article included, a genitive ending (`s`, `'s`) not.
  public var span: TextSpan
  /// The concept's id.
  public var concept: String
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
  let maker: MatchKeyMaker
  let text: String
  let bytes: [UInt8]
  let words: [ScannedWord]
  private var keys: [WordKeys?]
  private let nfc = Normalizer(.nfc)

  init(index: TermIndex, maker: MatchKeyMaker, text: String, words: [ScannedWord]) {
    self.index = index
    self.maker = maker
    self.text = text
    self.bytes = Array(text.utf8)
    self.words = words
    self.keys = Array(repeating: nil, count: words.count)
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

  private mutating func keys(of word: Int) -> WordKeys {
    if let known = keys[word] { return known }
    let computed = maker.keys(for: string(words[word].start, words[word].end))
    keys[word] = computed
    return computed
  }

  private func string(_ start: Int, _ end: Int) -> String {
    String(decoding: bytes[start..<end], as: UTF8.self)
  }

  private mutating func longestMatch(at start: Int) -> (TermMatch, Int)? {
    guard !words[start].hasDigit else { return nil }
    // Names start with a capital, an article or Arabic script; other words need no ICU work at all.
    if !words[start].isCapitalized, !index.hasLowercaseHeads, !mayStartName(start) { return nil }
    var limit = 1
    while limit < index.maxWords, start + limit < words.count, words[start + limit - 1].joinsNext { limit += 1 }
    for length in stride(from: limit, through: 1, by: -1) {
      if let match = candidate(start, length) { return (match, length) }
    }
    return nil
  }

  /// Whether a lowercase word can open a name: an article form (`al`, `el`) or a word in Arabic script.
  private func mayStartName(_ position: Int) -> Bool {
    let word = words[position]
    let lead = bytes[word.start]
    if lead >= 0xD8, lead <= 0xDB { return true }
    guard word.end - word.start <= 4 else { return false }
    let lowered = String(decoding: bytes[word.start..<word.end].map { $0 | 0x20 }, as: UTF8.self)
    return index.rules.articles.contains(lowered)
  }

  /// The match of words `start..<start+length`, if any passes the guards.
  private mutating func candidate(_ start: Int, _ length: Int) -> TermMatch? {
    let range = start..<(start + length)
    for position in range {
      let word = words[position]
      if word.hasDigit { return nil }
      if word.end - word.start == 1, word.periodAfter || length > 1 { return nil }
    }
    var wordKeys: [WordKeys] = []
    for position in range { wordKeys.append(keys(of: position)) }
    guard let firstContent = wordKeys.firstIndex(where: { !$0.isArticle }), !wordKeys[length - 1].isArticle else {
      return nil
    }
    let rules = index.rules
    for position in 0..<firstContent where !acceptsLeadingArticle(start + position, wordKeys[position]) {
      return nil
    }
    // A name cue before "al-Name" (Abu Bakr al-Baghdadi) makes it a person's name.
    if firstContent > 0, start > 0, words[start - 1].joinsNext, rules.givenNames.contains(keys(of: start - 1).folded) {
      return nil
    }
    let content = wordKeys.filter { !$0.isArticle }
    let head = words[start + firstContent]
    let isArabic = content.allSatisfy { $0.script == .arabic }
    let contentFolded = content.map(\.folded).joined()
    var strictOnly = false
    var closeOnly = false
    if !isArabic {
      if content.count == 1, firstContent == 0, rules.commonWords.contains(contentFolded) { return nil }
      if !head.isCapitalized || rules.lookalikes.contains(contentFolded) { strictOnly = true }
      if content.count == 1, index.commonKeys.contains(content[0].key) { closeOnly = true }
      // A generic head noun must meet its own group: never a vowel-class or fuzzy match across heads.
      if content.contains(where: \.isGenericHead) { closeOnly = true }
      if content.count == 1, rules.adjectiveEndings.contains(where: { contentFolded.hasSuffix($0) }) { strictOnly = true }
    }
    let span = TextSpan(start: words[start].start, end: words[range.upperBound - 1].end)
    // Words run together or split otherwise are read only from capitalized names (`Tell Kalakh`), never
    // from German words after a name (`Leoben eine`).
    let compactAllowed = range.allSatisfy { words[$0].isCapitalized || keys(of: $0).isArticle }
    var whole = lookup(
      span: span, all: wordKeys, content: content, arabic: isArabic, strictOnly: strictOnly, closeOnly: closeOnly,
      compactAllowed: compactAllowed)
      .map { supported($0, start: start) }
    whole = whole.map { withoutGenericHead($0, start: start, length: length, wordKeys) }
    if let found = whole, !found.needsSupport { return found }
    // A genitive: "Rakkas", "Rakka's" read as "Rakka" + ending, preferred to a loose reading of the whole.
    if let genitive = genitive(start, length, wordKeys, span: span, arabic: isArabic, strictOnly: strictOnly || closeOnly),
      !genitive.needsSupport || whole == nil {
      whole = genitive
    }
    return whole
  }

  /// The mention without a generic head noun at its start or end (`Provinz Anbar` → `Anbar`): the head
  /// chose the concept (the province, not the town) but stays the text's own word when the name is
  /// replaced.
  private func withoutGenericHead(_ match: TermMatch, start: Int, length: Int, _ wordKeys: [WordKeys]) -> TermMatch {
    guard length > 1 else { return match }
    var result = match
    if wordKeys[0].isGenericHead, !wordKeys[1...].allSatisfy(\.isGenericHead) {
      result.span = TextSpan(start: words[start + 1].start, end: result.span.end)
    } else if wordKeys[length - 1].isGenericHead, !wordKeys[..<(length - 1)].allSatisfy(\.isGenericHead),
      result.span.end == words[start + length - 1].end {
      result.span = TextSpan(start: result.span.start, end: words[start + length - 2].end)
    }
    return result
  }

  private mutating func genitive(
    _ start: Int, _ length: Int, _ wordKeys: [WordKeys], span: TextSpan, arabic: Bool, strictOnly: Bool
  ) -> TermMatch? {
    let last = start + length - 1
    let rules = index.rules
    guard !arabic, !strictOnly, !words[last].hyphenAfter, let stemEnd = genitiveStem(of: last) else { return nil }
    if start > 0, rules.determiners.contains(keys(of: start - 1).folded) { return nil }
    let stemKeys = maker.keys(for: string(words[last].start, stemEnd))
    guard !stemKeys.isArticle, !rules.lookalikes.contains(stemKeys.folded) else { return nil }
    var stemWords = wordKeys
    stemWords[length - 1] = stemKeys
    let stemContent = stemWords.filter { !$0.isArticle }
    guard var found = lookup(
      span: TextSpan(start: span.start, end: stemEnd), all: stemWords, content: stemContent, arabic: false,
      strictOnly: false, closeOnly: false, compactAllowed: false)
    else { return nil }
    found.score -= MatchScore.genitivePenalty
    return supported(found, start: start)
  }

  /// Clears `needsSupport` when the words before the match announce a place (`aus`, `bei`, `Provinz`,
  /// also across a determiner: `aus dem`) or the spelling itself looks transliterated (`q`, `ḥ`, `kh`).
  private mutating func supported(_ match: TermMatch, start: Int) -> TermMatch {
    guard match.needsSupport else { return match }
    var result = match
    let rules = index.rules
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
    if result.needsSupport, !result.needsCue {
      let surface = string(match.span.start, match.span.end).lowercased()
      if rules.transliterationMarks.contains(where: { surface.contains($0) }) { result.needsSupport = false }
    }
    return result
  }

  /// Whether a loose match is only part of a longer name the glossary does not know: a capitalized word
  /// that is not a German word, cue or head noun is joined to it by a space (`Tall` in `Tall Bisih`,
  /// `Khurmatu` in `Tazat Khurmatu`).
  private mutating func isInsideLongerName(_ match: TermMatch, start: Int) -> Bool {
    let rules = index.rules
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
    if !index.rules.commonWords.contains(keys.folded) { return true }
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

  /// Tries every level, strict to loose, on one candidate. `strictOnly` stops after the folded level,
  /// `closeOnly` after the transliteration key.
  private func lookup(
    span: TextSpan, all: [WordKeys], content: [WordKeys], arabic: Bool, strictOnly: Bool, closeOnly: Bool,
    compactAllowed: Bool
  ) -> TermMatch? {
    var surface = string(span.start, span.end)
    if !surface.utf8.allSatisfy({ $0 < 0x80 }) { surface = nfc.normalize(surface) }
    if let hit = index.exact[surface] { return make(span, hit, .exact, MatchScore.exact) }
    if let hit = index.folded[all.map(\.folded).joined()] {
      return make(span, hit, arabic ? .script : .folded, arabic ? MatchScore.script : MatchScore.folded)
    }
    if arabic {
      if let hit = index.arabic[content.map(\.key).joined(separator: " ")] { return make(span, hit, .script, MatchScore.script) }
      return nil
    }
    guard !strictOnly, content.allSatisfy({ $0.script == .latin }) else { return nil }
    let variants = TermIndex.keyVariants(content)
    for variant in variants {
      if let hit = index.key[variant.joined(separator: " ")] {
        var match = make(span, hit, .key, MatchScore.key)
        match.needsSupport = TermIndex.letterCount(variant.joined()) <= 4
        return match
      }
    }
    for variant in variants {
      if let hit = index.compact[variant.joined()] {
        var match = make(span, hit, .key, MatchScore.key)
        match.needsSupport = TermIndex.letterCount(variant.joined()) <= 4
        return match
      }
    }
    guard !closeOnly else { return nil }
    let base = variants[0].joined(separator: " ")
    if TermIndex.letterCount(base) >= index.options.minimumSkeletonLength {
      for (number, variant) in variants.enumerated() {
        let skeleton = number == 0 ? content.map(\.skeleton) : variant.map { maker.skeleton(of: $0) }
        if let hit = index.skeleton[skeleton.joined(separator: " ")] {
          var match = make(span, hit, .key, MatchScore.skeleton)
          match.needsSupport = true
          match.needsSpellingSupport = TermIndex.letterCount(base) < index.options.minimumSkeletonLength + 1
          return match
        }
      }
    }
    if compactAllowed, let found = compactReading(span, content, all: all) { return found }
    if let minimum = index.options.minimumFuzzyLength {
      for variant in variants {
        let form = variant.joined(separator: " ")
        guard TermIndex.letterCount(form) >= minimum else { continue }
        let hits = fuzzy(form)
        if !hits.isEmpty {
          var match = make(span, hits, .fuzzy, MatchScore.fuzzy)
          match.needsSupport = true
          return match
        }
      }
    }
    guard content.count == 1, compactAllowed else { return nil }
    return otherReading(span, content[0])
  }

  /// A name whose words are run together or split otherwise than in the glossary, matched by key
  /// (`Tall Kalakh` = `Tallkalakh`) or by vowel-class key (`Derezor` = `Deir ez-Zor`); always loose.
  private func compactReading(_ span: TextSpan, _ content: [WordKeys], all: [WordKeys]) -> TermMatch? {
    let joined = content.map(\.key).joined()
    guard !content.contains(where: \.isGenericHead) else { return nil }
    if content.count > 1, let hit = index.key[joined] {
      var match = make(span, hit, .key, MatchScore.key)
      match.needsSupport = true
      return match
    }
    var forms = [TermIndex.singleLetters(joined)]
    if all.count > content.count, all.count > 1 {
      // The article run into the name (Majd el Chams = Majdal Shams).
      forms.append(TermIndex.singleLetters(all.map { $0.isArticle ? maker.latinKey($0.folded) : $0.key }.joined()))
    }
    for form in forms where form.count >= index.options.minimumCompactSkeletonLength {
      // A one-word name's vowel-class key is already known; only joined words need ICU here.
      let skeleton = content.count == 1 && form == content[0].key ? content[0].skeleton : maker.skeleton(of: form)
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
    let rules = index.rules
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
    for ending in rules.foreignEndings where word.folded.hasSuffix(ending) {
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

  /// Entries whose key is one edit away from `form`, the edit neither at the first nor at the last letter
  /// (that is where nisbas, plurals and other words differ: al-Baghdadi, Tartu, Hamas).
  private func fuzzy(_ form: String) -> [Int32] {
    var forms: Set<String> = []
    if let list = index.deletions[form] { forms.formUnion(list) }
    for deleted in TermIndex.deletions(of: form) {
      if index.key[deleted] != nil { forms.insert(deleted) }
      if let list = index.deletions[deleted] { forms.formUnion(list) }
    }
    var result: [Int32] = []
    let query = Array(form.utf8)
    for candidate in forms.sorted() where Self.isInnerEdit(query, Array(candidate.utf8)) {
      for entry in index.key[candidate] ?? [] where !result.contains(entry) { result.append(entry) }
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
    var byConcept: [Int32: TermIndex.Entry] = [:]
    var order: [Int32] = []
    for id in entries {
      let entry = index.entries[Int(id)]
      if let known = byConcept[entry.concept] {
        if entry.rank < known.rank { byConcept[entry.concept] = entry }
      } else {
        byConcept[entry.concept] = entry
        order.append(entry.concept)
      }
    }
    let concepts = index.glossary.concepts
    var distance: [Int32: Int] = [:]
    if order.count > 1 {
      // Several concepts fit: the one with a term spelled closest to the mention comes first.
      let written = Array(maker.keys(for: string(span.start, span.end)).folded.utf8)
      for id in entries {
        let entry = index.entries[Int(id)]
        let term = Array(maker.keys(for: concepts[Int(entry.concept)].terms[Int(entry.term)].text).folded.utf8)
        let cost = Self.editDistance(written, term)
        distance[entry.concept] = min(distance[entry.concept] ?? cost, cost)
      }
    }
    let ranked = order.sorted {
      (distance[$0] ?? 0, byConcept[$0]!.rank, $0) < (distance[$1] ?? 0, byConcept[$1]!.rank, $1)
    }
    let alternatives = ranked.dropFirst().map { concepts[Int($0)].id }
    return TermMatch(
      span: span, concept: concepts[Int(ranked[0])].id, match: kind,
      score: alternatives.isEmpty ? score : score * MatchScore.ambiguityFactor, alternatives: alternatives)
  }
}
