/// Decides, for every sentence terminator in a text, whether it ends a sentence, from the language's
/// ``SentenceRules``. Works on UTF-8 bytes; lookups are hash lookups of byte slices. A class, so the
/// segmenter holds one reference to the (large) rules rather than copying them.
final class RuleBreaker: Sendable {
  let rules: SentenceRules
  let joinLines: Bool
  /// Lead bytes of multi-byte terminators, so the scan decodes only where one can start.
  private let interestingLead: [Bool]
  /// Whether a language terminator starts with a lead byte other than 0xE2 (then no word-wise skipping).
  private let extraLeads: Bool
  /// Whether a language terminator starts with 0xE2 (general punctuation).
  private let extraLeadE2: Bool
  /// The language's own terminators (few), as scalar values.
  private let extraTerminators: [UInt32]
  private let unspaced: [UInt32]
  /// Whether the scan skips text eight bytes at a time (off only in tests, which check that the
  /// byte-by-byte scan finds the same boundaries).
  let wordwiseScan: Bool

  init(rules: SentenceRules, joinLines: Bool, wordwiseScan: Bool = true) {
    self.rules = rules
    self.joinLines = joinLines
    self.wordwiseScan = wordwiseScan
    var lead = [Bool](repeating: false, count: 256)
    for scalar in rules.terminators.union(rules.unspacedTerminators) {
      if let first = String(Character(scalar)).utf8.first { lead[Int(first)] = true }
    }
    self.extraLeadE2 = lead[0xE2]
    self.extraLeads = lead.enumerated().contains { $0.element && $0.offset != 0xE2 }
    lead[0xE2] = true  // … ‼ ⁇ ⁈ ⁉ ‽
    self.interestingLead = lead
    self.extraTerminators = rules.terminators.union(rules.unspacedTerminators).map(\.value).sorted()
    self.unspaced = rules.unspacedTerminators.map(\.value).sorted()
  }

  /// Whether `c` ends a sentence (before white space) in this language.
  @inline(__always)
  func isTerminator(_ c: UInt32) -> Bool {
    if c == 0x2E || c == 0x2026 || isStrongTerminator(c) { return true }
    return c >= 0x80 && extraTerminators.contains(c)
  }

  /// The sentence ends found by the rules, as UTF-8 offsets just after the terminator and its closing
  /// quotes or brackets, ascending. Ends followed by a line break are left to the line splitting
  /// unless lines are joined.
  func boundaries(in utf8: UnsafeBufferPointer<UInt8>) -> [Int] {
    var result: [Int] = []
    let n = utf8.count
    var i = 0
    var lastBoundary = 0
    guard let base = utf8.baseAddress else { return result }
    let raw = UnsafeRawPointer(base)
    while i < n {
      if wordwiseScan && !extraLeads {
        // Eight bytes at a time past text with no `.`, `!`, `?` and no general punctuation (0xE2), then
        // straight to the first such byte (every byte before it would only be stepped over).
        while i + 8 <= n {
          let found = terminatorBytes(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)))
          if found != 0 {
            i += found.trailingZeroBitCount >> 3
            break
          }
          i += 8
        }
        if i >= n { break }
      }
      let byte = utf8[i]
      if byte != 0x2E && byte != 0x21 && byte != 0x3F {
        if byte < 0xC0 {
          i += 1
          continue
        }
        if byte == 0xE2 {
          // General punctuation: only … ‼ ‽ ⁇ ⁈ ⁉ end sentences; quotes and dashes do not.
          guard i + 2 < n else { break }
          let b1 = utf8[i + 1], b2 = utf8[i + 2]
          let isEnd = (b1 == 0x80 && (b2 == 0xA6 || b2 == 0xBC || b2 == 0xBD)) || (b1 == 0x81 && b2 >= 0x87 && b2 <= 0x89)
          if !isEnd && !extraLeadE2 {
            i += 3
            continue
          }
        } else if !interestingLead[Int(byte)] {
          i += 1
          continue
        }
        let first = scalar(utf8, at: i)
        guard isTerminator(first.value) else {
          i += first.width
          continue
        }
      }
      // The cluster: terminators, then closing quotes and brackets.
      let clusterStart = i
      var dots = 0, strong = false, ellipsis = false, unspaced = false
      var j = i
      while j < n {
        let c = scalar(utf8, at: j)
        guard isTerminator(c.value) else { break }
        switch c.value {
        case 0x2E: dots += 1
        case 0x2026: ellipsis = true
        default:
          if self.unspaced.contains(c.value) { unspaced = true } else { strong = true }
        }
        j += c.width
      }
      var closed = false
      while j < n {
        let c = scalar(utf8, at: j)
        // After a CJK full stop, “ opens the next quotation (it closes one only in German).
        if isClosing(c.value) && !(unspaced && c.value == 0x201C) {
          j += c.width
          closed = true
          continue
        }
        // French style: a closing guillemet or quote after a (no-break) space: "restons. »"
        if let space = whiteSpaceWidth(utf8, at: j), utf8[j] != 0x0A, utf8[j] != 0x0D, j + space < n {
          let quote = scalar(utf8, at: j + space)
          if quote.value == 0xBB || quote.value == 0x201D,
            j + space + quote.width >= n || whiteSpaceWidth(utf8, at: j + space + quote.width) != nil
          {
            j += space + quote.width
            closed = true
            continue
          }
        }
        break
      }
      i = j
      if j >= n { break }
      let spaced = whiteSpaceWidth(utf8, at: j) != nil
      guard spaced || unspaced else { continue }
      // The next word, past white space and opening quotes.
      var k = j
      var newlines = 0
      while k < n, let width = whiteSpaceWidth(utf8, at: k) {
        if utf8[k] == 0x0A || (utf8[k] == 0x0D && (k + 1 >= n || utf8[k + 1] != 0x0A)) { newlines += 1 }
        k += width
      }
      if k >= n { break }
      if newlines > 0 && (!joinLines || newlines > 1) {
        lastBoundary = j
        continue
      }
      var nextStart = k
      while nextStart < n {
        let c = scalar(utf8, at: nextStart)
        guard isOpening(c.value) else { break }
        nextStart += c.width
      }
      let next = nextWord(utf8, at: nextStart)
      let isBreak: Bool
      if unspaced && closed && !spaced && isHiragana(scalar(utf8, at: j).value) {
        // 「…。」と述べた: a quotation followed by a particle is one sentence.
        isBreak = false
      } else if strong || unspaced {
        isBreak = next.start != .lower
      } else if ellipsis || dots > 1 {
        isBreak = next.start != .lower && !isOmission(utf8, clusterStart)
      } else {
        isBreak = decideDot(utf8, dot: clusterStart, next: next, lastBoundary: lastBoundary)
      }
      if isBreak {
        result.append(j)
        lastBoundary = j
      }
    }
    return result
  }

  /// The high bits of the bytes of `word` (loaded little-endian) that may be `.`, `!`, `?` or 0xE2, or
  /// zero when none is (SWAR zero-byte test). A byte above a real match may be reported too, never one
  /// below it, so the lowest bit set marks the first match exactly.
  @inline(__always)
  func terminatorBytes(_ word: UInt64) -> UInt64 {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    @inline(__always) func zeroByte(_ x: UInt64) -> UInt64 { (x &- ones) & ~x & highs }
    return zeroByte(word ^ (ones &* 0x2E)) | zeroByte(word ^ (ones &* 0x21)) | zeroByte(word ^ (ones &* 0x3F))
      | zeroByte(word ^ (ones &* 0xE2))
  }

  /// Whether the character starting at `offset` belongs to a word: not a Latin-1 symbol
  /// (U+0080–U+00BF), general punctuation (U+2000–U+206F) or CJK punctuation (U+3000–U+303F).
  @inline(__always)
  private func isWordLead(_ utf8: UnsafeBufferPointer<UInt8>, _ offset: Int) -> Bool {
    let b = utf8[offset]
    guard offset + 1 < utf8.count else { return false }
    let b1 = utf8[offset + 1]
    if b == 0xC2 { return false }
    if b == 0xE2 { return !(b1 >= 0x80 && b1 <= 0x81) }
    if b == 0xE3 { return b1 != 0x80 }
    if b == 0xEF { return !(b1 == 0xBC || b1 == 0xBD) || isWordScalar(scalar(utf8, at: offset).value) }
    return true
  }

  @inline(__always)
  private func isHiragana(_ c: UInt32) -> Bool { c >= 0x3041 && c <= 0x309F }

  /// The next word: how it starts and its letters (for list lookups).
  struct NextWord {
    var start: WordStart
    var range: Range<Int>
  }

  private func nextWord(_ utf8: UnsafeBufferPointer<UInt8>, at offset: Int) -> NextWord {
    let n = utf8.count
    guard offset < n else { return NextWord(start: .end, range: offset..<offset) }
    let first = scalar(utf8, at: offset)
    var kind = classify(first.value)
    if kind != .lower {
      // Only the extent matters (for list lookups): a cheap byte test, no character properties.
      var end = offset
      while end < n, end - offset < 40 {
        let b = utf8[end]
        if b < 0x80 {
          guard (b >= 0x30 && b <= 0x39) || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) else { break }
          end += 1
        } else {
          guard b >= 0xC0, isWordLead(utf8, end) else { break }
          end += 1
          while end < n, utf8[end] & 0xC0 == 0x80 { end += 1 }
        }
      }
      return NextWord(start: kind, range: offset..<end)
    }
    var end = offset
    var sawUpperInside = false
    var k = offset
    // Letters (and hyphens inside the word) up to 40 bytes: enough for lookups and the camel-case test.
    while k < n, k - offset < 40 {
      let c = scalar(utf8, at: k)
      if isWordScalar(c.value) {
        if k > offset, classify(c.value) == .upper { sawUpperInside = true }
        k += c.width
        if end == k - c.width { end = k }
      } else if c.value == 0x2D, k > offset {
        k += 1
      } else {
        break
      }
    }
    // "al-Hasaka", "iPhone": lowercase first letter, but a capital inside: the word starts a sentence.
    if kind == .lower && sawUpperInside { kind = .upper }
    return NextWord(start: kind, range: offset..<end)
  }

  /// Whether the ellipsis at `offset` stands in brackets, marking an omission: "[…]", "(...)".
  private func isOmission(_ utf8: UnsafeBufferPointer<UInt8>, _ offset: Int) -> Bool {
    guard offset > 0 else { return false }
    let before = utf8[offset - 1]
    return before == 0x5B || before == 0x28
  }

  @inline(__always)
  private func lookup(_ set: ByteSet, _ utf8: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
    guard !range.isEmpty else { return false }
    return set.contains(UnsafeBufferPointer(rebasing: utf8[range]))
  }

  /// Decides a single period after a word.
  private func decideDot(_ utf8: UnsafeBufferPointer<UInt8>, dot: Int, next: NextWord, lastBoundary: Int) -> Bool {
    if next.start == .end { return false }
    // A single letter with a period after it is an initial ("А. С. Пушкин"), not a word.
    let nextIsInitial = next.range.upperBound < utf8.count && utf8[next.range.upperBound] == 0x2E
      && scalar(utf8, at: next.range.lowerBound).width == next.range.count
    // Looked up only where the decision needs it (most periods end a plain word and never ask).
    func nextIsStarter() -> Bool { !nextIsInitial && lookup(rules.sentenceStarters, utf8, next.range) }
    // The word before the period: back to white space, without opening quotes and brackets.
    var wordStart = dot
    while wordStart > 0, dot - wordStart < 64 {
      let b = utf8[wordStart - 1]
      if b < 0x80 {
        if b == 0x20 || (b >= 0x09 && b <= 0x0D) { break }
        wordStart -= 1
        continue
      }
      if whiteSpaceWidth(utf8, endingAt: wordStart) != nil { break }
      wordStart = scalarStart(utf8, before: wordStart)
    }
    let tokenStart = wordStart
    while wordStart < dot {
      let c = scalar(utf8, at: wordStart)
      guard isOpening(c.value) else { break }
      wordStart += c.width
    }
    if wordStart >= dot { return next.start != .lower }
    let last = scalar(utf8, at: scalarStart(utf8, before: dot)).value
    if isClosing(last) || !isWordScalar(last) { return next.start != .lower }

    // Abbreviations, longest chain of dotted pieces first ("i. d. R.", "d. R.", "R.").
    if dot - wordStart <= rules.longestAbbreviationPiece, let kind = abbreviation(utf8, wordStart: wordStart, dot: dot, next: next) {
      switch kind {
      case .title, .inner, .beforeNumber: return false
      case .mayEndSentence: return next.start == .upper || next.start == .other
      }
    }

    // Shape of the word, from its bytes; only a lone non-ASCII letter needs its character properties.
    var letters = 0, digits = 0, uppers = 0, lowers = 0, innerDots = 0, pieceMax = 0, piece = 0, others = 0
    var nonASCII = 0
    var romanOnly = true
    var k = wordStart
    while k < dot {
      let b = utf8[k]
      if b < 0x80 {
        switch b {
        case 0x30...0x39: digits += 1; romanOnly = false
        case 0x41...0x5A:
          uppers += 1; letters += 1; piece += 1
          if !(b == 0x49 || b == 0x56 || b == 0x58 || b == 0x4C || b == 0x43 || b == 0x44 || b == 0x4D) { romanOnly = false }
        case 0x61...0x7A: lowers += 1; letters += 1; piece += 1; romanOnly = false
        case 0x2E: innerDots += 1; pieceMax = max(pieceMax, piece); piece = 0; romanOnly = false
        case 0x2C: romanOnly = false
        default: others += 1; romanOnly = false
        }
        k += 1
        continue
      }
      romanOnly = false
      if b >= 0xC0 {
        // Latin-1 symbols (C2) and general punctuation (E2) are not letters.
        if b == 0xC2 || b == 0xE2 { others += 1 } else { letters += 1; piece += 1; nonASCII += 1 }
      }
      k += 1
    }
    pieceMax = max(pieceMax, piece)
    if nonASCII == 1 && letters == 1 && digits == 0 {
      switch classify(scalar(utf8, at: scalarStart(utf8, before: dot)).value) {
      case .upper: uppers += 1
      case .lower: lowers += 1
      default: break
      }
    }
    let length = letters + digits

    // Numbers: ordinals ("am 13. April", "im 19. Jahrhundert"), list items, or a sentence end.
    if digits > 0 && letters == 0 && others == 0 {
      if next.start == .lower { return false }
      let plain = innerDots == 0 && digits <= 3 && utf8[wordStart..<dot].allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
      let first = isFirstInSegment(utf8, tokenStart: tokenStart, lastBoundary: lastBoundary)
      if plain && first { return false }
      if plain && rules.ordinalDot {
        if lookup(rules.ordinalFollowers, utf8, next.range) { return false }
        // An ordinal is an adjective: an article, pronoun or adverb after it starts a new sentence.
        if nextIsStarter() { return true }
        if precededByOrdinalWord(utf8, tokenStart: tokenStart) { return false }
      }
      return true
    }
    if next.start == .lower { return false }
    // Roman numerals after a name: "Wilhelm II.", "Ludwig XIV."
    if romanOnly && uppers >= 2 && uppers <= 6 && precededByCapitalizedWord(utf8, tokenStart: tokenStart) {
      if lookup(rules.ordinalFollowers, utf8, next.range) { return false }
      return nextIsStarter()
    }
    // Initials ("J. R. R. Tolkien", "Anwar R.") and dotted acronyms ("U.S."): only a typical sentence
    // opener after them ends the sentence.
    if length == 1 && letters == 1 {
      if lowers == 1 { return false }
      return nextIsStarter()
    }
    if innerDots > 0 && letters > 0 && pieceMax <= 2 && digits == 0 {
      return nextIsStarter()
    }
    return true
  }

  /// The kind of the longest known abbreviation that ends with the period at `dot`.
  private func abbreviation(
    _ utf8: UnsafeBufferPointer<UInt8>, wordStart: Int, dot: Int, next: NextWord
  ) -> SentenceRules.AbbreviationKind? {
    let nextIsNumber = next.start == .digit
    // The next word with its period, when it may continue a multi-part abbreviation ("EE. UU.").
    let continuation: Range<Int>? =
      next.range.count > 0 && next.range.count <= 8 && next.range.upperBound < utf8.count && utf8[next.range.upperBound] == 0x2E
      ? next.range.lowerBound..<(next.range.upperBound + 1) : nil
    // Pieces, last first: this word with its period, and up to three short dotted words before it,
    // each separated by white space ("i. d. R.").
    return withUnsafeTemporaryAllocation(of: Range<Int>.self, capacity: 4) { pieces -> SentenceRules.AbbreviationKind? in
      pieces.initialize(repeating: 0..<0)
      pieces[0] = wordStart..<(dot + 1)
      var found = 1
      var cursor = wordStart
      while found < 4 {
        var k = cursor
        var sawSpace = false
        while k > 0, utf8[k - 1] != 0x0A, let width = whiteSpaceWidth(utf8, endingAt: k) {
          k -= width
          sawSpace = true
        }
        guard sawSpace, k > 1, utf8[k - 1] == 0x2E else { break }
        var start = k - 1
        while start > 0, k - start < 12, whiteSpaceWidth(utf8, endingAt: start) == nil {
          start = scalarStart(utf8, before: start)
        }
        while start < k - 1 {
          let c = scalar(utf8, at: start)
          guard isOpening(c.value) else { break }
          start += c.width
        }
        guard start < k - 1, k - start <= 8 else { break }
        pieces[found] = start..<k
        found += 1
        cursor = start
      }
      return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 128) { scratch -> SentenceRules.AbbreviationKind? in
        var pieceCount = found
        while pieceCount >= 1 {
          var length = 0
          for index in stride(from: pieceCount - 1, through: 0, by: -1) {
            for offset in pieces[index] where length < scratch.count {
              scratch[length] = utf8[offset]
              length += 1
            }
          }
          let key = UnsafeBufferPointer(rebasing: scratch[0..<length])
          guard rules.anyAbbreviation.contains(key) else {
            pieceCount -= 1
            continue
          }
          if let continuation, rules.abbreviationPrefixes.contains(key), length + continuation.count <= scratch.count {
            for offset in continuation { scratch[length + offset - continuation.lowerBound] = utf8[offset] }
            if rules.anyAbbreviation.contains(UnsafeBufferPointer(rebasing: scratch[0..<(length + continuation.count)])) {
              return .inner
            }
          }
          if rules.titles.contains(key) { return .title }
          if rules.sentenceEndAbbreviations.contains(key) { return .mayEndSentence }
          if rules.abbreviations.contains(key) { return .inner }
          // "Nr. 5", "No. 1": an abbreviation only before a number; otherwise the word's shape decides.
          if nextIsNumber && rules.numberAbbreviations.contains(key) { return .inner }
          pieceCount -= 1
        }
        return nil
      }
    }
  }

  /// Whether only white space (not a line break) or the last boundary lies before `tokenStart` on its line.
  private func isFirstInSegment(_ utf8: UnsafeBufferPointer<UInt8>, tokenStart: Int, lastBoundary: Int) -> Bool {
    var k = tokenStart
    while k > lastBoundary {
      if utf8[k - 1] == 0x0A || utf8[k - 1] == 0x0D { return true }
      guard let width = whiteSpaceWidth(utf8, endingAt: k) else { return false }
      k -= width
    }
    return true
  }

  /// The word before the token at `tokenStart`, without trailing commas.
  private func previousWord(_ utf8: UnsafeBufferPointer<UInt8>, tokenStart: Int) -> Range<Int>? {
    var k = tokenStart
    var sawSpace = false
    while k > 0, let width = whiteSpaceWidth(utf8, endingAt: k) {
      if utf8[k - 1] == 0x0A { return nil }
      k -= width
      sawSpace = true
    }
    guard sawSpace, k > 0 else { return nil }
    let end = k
    while k > 0, end - k < 40, whiteSpaceWidth(utf8, endingAt: k) == nil {
      k = scalarStart(utf8, before: k)
    }
    var start = k
    while start < end {
      let c = scalar(utf8, at: start)
      guard isOpening(c.value) else { break }
      start += c.width
    }
    var stop = end
    while stop > start, utf8[stop - 1] == 0x2C { stop -= 1 }
    return start < stop ? start..<stop : nil
  }

  private func precededByOrdinalWord(_ utf8: UnsafeBufferPointer<UInt8>, tokenStart: Int) -> Bool {
    guard let word = previousWord(utf8, tokenStart: tokenStart) else { return false }
    return lookup(rules.ordinalPreceders, utf8, word)
  }

  private func precededByCapitalizedWord(_ utf8: UnsafeBufferPointer<UInt8>, tokenStart: Int) -> Bool {
    guard let word = previousWord(utf8, tokenStart: tokenStart) else { return false }
    return classify(scalar(utf8, at: word.lowerBound).value) == .upper
  }
}

extension RuleBreaker {
  /// Whether ICU's boundary at `boundary` falls after a terminator these rules decide on (then the
  /// rules' decision replaces ICU's). White space and quotes or brackets of any kind may stand between.
  func ruleDecides(_ utf8: UnsafeBufferPointer<UInt8>, boundary: Int) -> Bool {
    var end = boundary
    while end > 0 {
      if let width = whiteSpaceWidth(utf8, endingAt: end) {
        end -= width
        continue
      }
      let start = scalarStart(utf8, before: end)
      let c = scalar(utf8, at: start).value
      if isQuoteOrBracket(c) || isTransparent(c) {
        end = start
        continue
      }
      return isTerminator(c)
    }
    return false
  }

  /// Whether ICU's boundaries in `utf8` can differ from what the rules decide: the text holds a
  /// paragraph separator other than a line break (U+0085, U+2028, U+2029) or a sentence terminator the
  /// rules do not decide on (another script's full stop, U+2024). When it does not, every ICU boundary
  /// would be replaced by the rules' decision or fall at a line break, so ICU need not run.
  func needsICU(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = utf8.baseAddress else { return false }
    let raw = UnsafeRawPointer(base)
    let n = utf8.count
    var i = 0
    while i < n {
      // Eight bytes at a time past ASCII, continuation bytes and the lead bytes C3–C9 (U+00C0–U+027F:
      // Latin letters, no terminators or separators), straight to the first other lead byte.
      var found = false
      while i + 8 <= n {
        let leads = leadsToCheck(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)))
        if leads != 0 {
          i += leads.trailingZeroBitCount >> 3
          found = true
          break
        }
        i += 8
      }
      if !found {
        while i < n && (utf8[i] < 0xC2 || (utf8[i] >= 0xC3 && utf8[i] <= 0xC9)) { i += 1 }
        guard i < n else { break }
      }
      let b = utf8[i]
      if b == 0xE2, i + 2 < n, utf8[i + 1] == 0x80 {  // U+2000–U+203F: spaces, dashes, quotes, …
        let b2 = utf8[i + 2]
        if b2 == 0xA4 || b2 == 0xA8 || b2 == 0xA9 { return true }
        i += 3
        continue
      }
      let c = scalar(utf8, at: i)
      if c.value == 0x85 || c.value == 0x2024 || c.value == 0x2028 || c.value == 0x2029 { return true }
      if let s = Unicode.Scalar(c.value), s.properties.isSentenceTerminal, !isTerminator(c.value) { return true }
      i += c.width
    }
    return false
  }

  /// The high bits of the bytes of `word` (loaded little-endian) that are lead bytes `needsICU` must
  /// look at in valid UTF-8: C2 and CA–FF. A byte above a real one may be reported too, never one
  /// below it, so the lowest bit set marks the first exactly.
  @inline(__always)
  func leadsToCheck(_ word: UInt64) -> UInt64 {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    // At least 0xCA: high bit set and the low seven bits at least 0x4A (the sum never carries into
    // the next byte).
    let atLeastCA = ((word & ~highs) &+ ones &* 0x36) & word & highs
    let xorC2 = word ^ (ones &* 0xC2)
    let isC2 = (xorC2 &- ones) & ~xorC2 & highs
    return atLeastCA | isC2
  }
}

/// Format characters and combining marks (U+FEFF, U+200D, U+0301, ...), which ICU's sentence rules
/// look through.
@inline(__always)
func isTransparent(_ c: UInt32) -> Bool {
  guard c >= 0x80, let s = Unicode.Scalar(c) else { return false }
  switch s.properties.generalCategory {
  case .format, .nonspacingMark, .enclosingMark, .spacingMark: return true
  default: return false
  }
}

/// Quotes and brackets of any kind (ICU's Close class): ASCII quotes and brackets, and the open, close,
/// initial and final punctuation categories.
@inline(__always)
func isQuoteOrBracket(_ c: UInt32) -> Bool {
  if c < 0x80 { return c == 0x22 || c == 0x27 || c == 0x28 || c == 0x29 || c == 0x5B || c == 0x5D || c == 0x7B || c == 0x7D }
  if isClosing(c) || isOpening(c) { return true }
  guard let s = Unicode.Scalar(c) else { return false }
  switch s.properties.generalCategory {
  case .openPunctuation, .closePunctuation, .initialPunctuation, .finalPunctuation: return true
  default: return false
  }
}
