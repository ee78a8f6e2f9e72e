#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import GlossaCore
import ICU

/// Splits the text into sentences: ICU's sentence rules for the locale, corrected by the language's
/// ``SentenceRules`` (abbreviations, ordinals, initials, quotes, ...), or by SRX rules a user brings.
///
/// Under language rules, the rules decide at every terminator they know (`.`, `!`, `?`, `…` and the
/// language's own); ICU's boundaries count elsewhere (other scripts' full stops, paragraph
/// separators). ICU's iterator is therefore only run on text that holds such characters.
/// A line break ends a sentence (unless lines are joined, then only an empty line does). Spans are
/// trimmed of surrounding white space and never rewrite the text.
///
/// ```swift
/// let segmenter = try SentenceSegmenter(language: "de")
/// var diagnostics = Diagnostics()
/// let document = try segmenter.run(Document("Sie kam am 13. April. Dann ging sie."), diagnostics: &diagnostics)
/// document.sentences.map { document.text(of: $0) }  // ["Sie kam am 13. April.", "Dann ging sie."]
/// ```
public struct SentenceSegmenter: DocumentStage {
  public let locale: ICULocale
  /// The language rules in use (empty when segmenting with SRX rules or plain ICU).
  public var rules: SentenceRules {
    if case .rules(let breaker) = engine { return breaker.rules }
    return SentenceRules()
  }
  /// Whether single line breaks are treated as spaces (hard-wrapped text); an empty line still ends a
  /// sentence.
  public let joinLines: Bool
  private let engine: Engine
  private let pool: HandlePool<BreakIterator>
  /// When ICU's iterator runs under language rules: only for text where its boundaries can matter
  /// (see `RuleBreaker.needsICU`), or always (tests check that both give the same sentences).
  var consultICU = ICUConsultation.whenNeeded

  enum ICUConsultation: Sendable { case whenNeeded, always }

  private enum Engine: Sendable {
    case icu
    case rules(RuleBreaker)
    case srx(SRXBreaker)
  }

  /// Uses the shipped rules of `language` (plain ICU rules for a language without a rules file).
  /// Throws when ICU does not know the language or a rules file is malformed.
  public init(language: String) throws {
    try self.init(language: language, rules: SentenceRules.builtIn(for: language))
  }

  /// Uses `rules` on top of ICU's sentence rules for `language`.
  public init(language: String, rules: SentenceRules, joinLines: Bool = false) throws {
    let locale = try ICULocale(language)
    _ = try BreakIterator(.sentence, locale: locale)
    self.locale = locale
    self.joinLines = joinLines
    self.engine = .rules(RuleBreaker(rules: rules, joinLines: joinLines))
    self.pool = HandlePool { try BreakIterator(.sentence, locale: locale) }
  }

  /// ICU's sentence rules alone, with no language rules (to compare against, or for a language whose
  /// text the rules do not fit).
  public static func plainICU(language: String, joinLines: Bool = false) throws -> SentenceSegmenter {
    try SentenceSegmenter(plainICU: language, joinLines: joinLines)
  }

  private init(plainICU language: String, joinLines: Bool) throws {
    let locale = try ICULocale(language)
    _ = try BreakIterator(.sentence, locale: locale)
    self.locale = locale
    self.joinLines = joinLines
    self.engine = .icu
    self.pool = HandlePool { try BreakIterator(.sentence, locale: locale) }
  }

  /// Segments with the SRX rules that `srx` maps to `language` (CAT-tool semantics: the first rule
  /// that matches at a position decides; no rule, no break). Line breaks still end sentences unless
  /// `joinLines` is set.
  public init(srx: SRXRules, language: String, joinLines: Bool = false) throws {
    let locale = try ICULocale(language)
    self.locale = locale
    self.joinLines = joinLines
    self.engine = .srx(try SRXBreaker(srx: srx, language: language))
    self.pool = HandlePool { try BreakIterator(.sentence, locale: locale) }
  }

  public func run(_ input: Document, diagnostics: inout Diagnostics) throws -> Document {
    var document = input
    document.sentences = try sentenceSpans(in: input.text)
    return document
  }

  /// The trimmed sentence spans of `text`, as UTF-8 byte offsets.
  public func sentenceSpans(in text: String) throws -> [TextSpan] {
    var copy = text
    return try copy.withUTF8 { utf8 in
      let ends: [Int]
      switch engine {
      case .icu:
        var all: [Int] = []
        try pool.withHandle { iterator in
          try iterator.forEachBoundary(in: utf8) { boundary, _ in
            if !(joinLines && afterLineBreak(utf8, boundary)) { all.append(boundary) }
          }
        }
        ends = all
      case .rules(let breaker):
        let own = breaker.boundaries(in: utf8)
        var kept: [Int] = []
        if consultICU == .always || breaker.needsICU(utf8) {
          try pool.withHandle { iterator in
            try iterator.forEachBoundary(in: utf8) { boundary, _ in
              if boundary < utf8.count && !breaker.ruleDecides(utf8, boundary: boundary) && !afterLineBreak(utf8, boundary) {
                kept.append(boundary)
              }
            }
          }
        }
        ends = kept.isEmpty ? own : merge(own, kept)
      case .srx(let breaker):
        ends = try breaker.boundaries(in: utf8)
      }
      var spans: [TextSpan] = []
      spans.reserveCapacity(ends.count + 1)
      // A text with no line break (every line of a text file) needs no search for one in each sentence.
      let lineBreaks = hasLineBreak(utf8)
      var start = 0
      for end in ends where end > start {
        if lineBreaks {
          appendPieces(utf8, start..<end, joinLines: joinLines, to: &spans)
        } else if let span = trimmed(utf8, start..<end) {
          spans.append(span)
        }
        start = end
      }
      if lineBreaks {
        appendPieces(utf8, start..<utf8.count, joinLines: joinLines, to: &spans)
      } else if let span = trimmed(utf8, start..<utf8.count) {
        spans.append(span)
      }
      return spans
    }
  }
}

/// Whether the white space before `offset` holds a line break (ICU breaks after every line).
func afterLineBreak(_ utf8: UnsafeBufferPointer<UInt8>, _ offset: Int) -> Bool {
  var k = offset
  while k > 0, let width = whiteSpaceWidth(utf8, endingAt: k) {
    if utf8[k - 1] == 0x0A || utf8[k - 1] == 0x0D { return true }
    k -= width
  }
  return false
}

/// Whether the text holds a line feed or a carriage return.
func hasLineBreak(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
  guard let base = utf8.baseAddress else { return false }
  return memchr(base, 0x0A, utf8.count) != nil || memchr(base, 0x0D, utf8.count) != nil
}

/// Two ascending lists as one, without duplicates.
func merge(_ a: [Int], _ b: [Int]) -> [Int] {
  var result: [Int] = []
  result.reserveCapacity(a.count + b.count)
  var i = 0, j = 0
  while i < a.count || j < b.count {
    let next: Int
    if j >= b.count || (i < a.count && a[i] <= b[j]) { next = a[i]; i += 1 } else { next = b[j]; j += 1 }
    if result.last != next { result.append(next) }
  }
  return result
}

/// Appends the trimmed, non-empty pieces of `range`, split at line breaks (or, when lines are joined,
/// at empty lines).
func appendPieces(_ utf8: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, joinLines: Bool, to spans: inout [TextSpan]) {
  if joinLines {
    appendParagraphs(utf8, range, to: &spans)
  } else {
    appendLines(utf8, range, to: &spans)
  }
}

/// Appends the trimmed, non-empty paragraphs of `range` (separated by lines holding only white space).
func appendParagraphs(_ utf8: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, to spans: inout [TextSpan]) {
  var pieceStart = range.lowerBound
  var index = range.lowerBound
  var lineHasText = false
  var lastLineEnd: Int? = nil
  while index < range.upperBound {
    let byte = utf8[index]
    if byte == 0x0A || byte == 0x0D {
      if !lineHasText, let lineEnd = lastLineEnd {
        if let span = trimmed(utf8, pieceStart..<lineEnd) { spans.append(span) }
        pieceStart = index
      }
      lastLineEnd = index
      lineHasText = false
      if byte == 0x0D, index + 1 < range.upperBound, utf8[index + 1] == 0x0A { index += 1 }
    } else if whiteSpaceWidth(utf8, at: index) == nil {
      lineHasText = true
    }
    index += 1
  }
  if let span = trimmed(utf8, pieceStart..<range.upperBound) { spans.append(span) }
}

/// Appends the trimmed, non-empty lines of `range` as spans.
func appendLines(_ utf8: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, to spans: inout [TextSpan]) {
  if let base = utf8.baseAddress, !range.isEmpty,
    memchr(base + range.lowerBound, 0x0A, range.count) == nil, memchr(base + range.lowerBound, 0x0D, range.count) == nil
  {
    if let span = trimmed(utf8, range) { spans.append(span) }
    return
  }
  var lineStart = range.lowerBound
  var index = range.lowerBound
  while index <= range.upperBound {
    if index == range.upperBound || utf8[index] == 0x0A || utf8[index] == 0x0D {
      if let span = trimmed(utf8, lineStart..<index) { spans.append(span) }
      lineStart = index + 1
    }
    index += 1
  }
}

/// `range` without leading and trailing white space, or `nil` when nothing is left.
func trimmed(_ utf8: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> TextSpan? {
  var start = range.lowerBound, end = range.upperBound
  while start < end, let width = whiteSpaceWidth(utf8, at: start) { start += width }
  while end > start, let width = whiteSpaceWidth(utf8, endingAt: end) { end -= width }
  return start < end ? TextSpan(start: start, end: end) : nil
}

/// The byte width of a white-space character starting at `offset` (ASCII space, tab, line ends, NBSP,
/// U+2000...U+200A, U+2028, U+2029, U+202F, U+205F, U+3000), or `nil`.
@inline(__always)
func whiteSpaceWidth(_ utf8: UnsafeBufferPointer<UInt8>, at offset: Int) -> Int? {
  let byte = utf8[offset]
  switch byte {
  case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D: return 1
  case 0xC2: return offset + 1 < utf8.count && (utf8[offset + 1] == 0xA0 || utf8[offset + 1] == 0x85) ? 2 : nil
  case 0xE2:
    guard offset + 2 < utf8.count else { return nil }
    let b1 = utf8[offset + 1], b2 = utf8[offset + 2]
    if b1 == 0x80 && (0x80...0x8A).contains(b2) { return 3 }  // U+2000...U+200A
    if b1 == 0x80 && (b2 == 0xAF || b2 == 0xA8 || b2 == 0xA9) { return 3 }  // U+202F, U+2028, U+2029
    if b1 == 0x81 && b2 == 0x9F { return 3 }  // U+205F
    return nil
  case 0xE3: return offset + 2 < utf8.count && utf8[offset + 1] == 0x80 && utf8[offset + 2] == 0x80 ? 3 : nil
  default: return nil
  }
}

/// The byte width of a white-space character ending at `end`, or `nil`.
@inline(__always)
func whiteSpaceWidth(_ utf8: UnsafeBufferPointer<UInt8>, endingAt end: Int) -> Int? {
  if end >= 1, utf8[end - 1] < 0x80 { return whiteSpaceWidth(utf8, at: end - 1) }
  if end >= 2, utf8[end - 2] == 0xC2 { return whiteSpaceWidth(utf8, at: end - 2) }
  if end >= 3, utf8[end - 3] == 0xE2 || utf8[end - 3] == 0xE3 { return whiteSpaceWidth(utf8, at: end - 3) }
  return nil
}
