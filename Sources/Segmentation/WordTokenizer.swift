import GlossaCore
import ICU

/// Splits the text into word-level tokens with ICU's word rules for a locale. White space is not a
/// token; words, numbers and punctuation are.
///
/// ```swift
/// let tokenizer = try WordTokenizer(language: "de")
/// let document = try tokenizer.run(Document("Am 13. April kam al-Hasaka.")).output
/// document.tokens.map { document.text(of: $0.span) }
/// // ["Am", "13", ".", "April", "kam", "al", "-", "Hasaka", "."]
/// ```
public struct WordTokenizer: DocumentStage {
  public let locale: ICULocale
  private let pool: HandlePool<BreakIterator>

  /// Throws when ICU does not know the language.
  public init(language: String) throws {
    let locale = try ICULocale(language)
    _ = try BreakIterator(.word, locale: locale)
    self.locale = locale
    self.pool = HandlePool { try BreakIterator(.word, locale: locale) }
  }

  public func run(_ input: Document, diagnostics: inout Diagnostics) throws -> Document {
    var document = input
    document.tokens = try tokens(in: input.text)
    return document
  }

  /// The tokens of `text`, with UTF-8 byte spans.
  public func tokens(in text: String) throws -> [Token] {
    var copy = text
    return try copy.withUTF8 { utf8 in
      var tokens: [Token] = []
      tokens.reserveCapacity(utf8.count / 5)
      var start = 0
      try pool.withHandle { iterator in
        try iterator.forEachBoundary(in: utf8) { boundary, status in
          defer { start = boundary }
          let kind: Token.Kind
          switch status {
          case .letter, .kana, .ideographic: kind = .word
          case .number: kind = .number
          case .none:
            if whiteSpaceWidth(utf8, at: start) != nil { return }
            kind = isPunctuation(utf8, start) ? .punctuation : .other
          }
          tokens.append(Token(span: TextSpan(start: start, end: boundary), kind: kind))
        }
      }
      return tokens
    }
  }
}

/// Whether the character at `offset` is punctuation or a symbol.
func isPunctuation(_ utf8: UnsafeBufferPointer<UInt8>, _ offset: Int) -> Bool {
  let byte = utf8[offset]
  if byte < 0x80 {
    // Every printable ASCII character other than letters and digits is punctuation (P*) or a symbol
    // (S*); controls and space are neither.
    guard byte > 0x20 && byte < 0x7F else { return false }
    return !((byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A))
  }
  var iterator = UnsafeBufferPointer(rebasing: utf8[offset...]).makeIterator()
  var decoder = UTF8()
  guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { return false }
  switch scalar.properties.generalCategory {
  case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
    .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
    return true
  default:
    return false
  }
}
