import GlossaCore
import ICU

/// Splits the text into sentences with ICU's sentence rules for a locale. A line break always ends a
/// sentence. Spans are trimmed of surrounding white space and never rewrite the text.
///
/// ```swift
/// let segmenter = try SentenceSegmenter(language: "de")
/// let document = try segmenter.run(Document("Es regnet. Dann kam die Sonne.")).output
/// document.sentences.map { document.text(of: $0) }  // ["Es regnet.", "Dann kam die Sonne."]
/// ```
public struct SentenceSegmenter: DocumentStage {
  public let locale: ICULocale
  private let pool: HandlePool<BreakIterator>

  /// Throws when ICU does not know the language.
  public init(language: String) throws {
    let locale = try ICULocale(language)
    _ = try BreakIterator(.sentence, locale: locale)
    self.locale = locale
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
      var spans: [TextSpan] = []
      var start = 0
      try pool.withHandle { iterator in
        try iterator.forEachBoundary(in: utf8) { boundary, _ in
          appendLines(utf8, start..<boundary, to: &spans)
          start = boundary
        }
      }
      return spans
    }
  }
}

/// Appends the trimmed, non-empty lines of `range` as spans.
func appendLines(_ utf8: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, to spans: inout [TextSpan]) {
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
