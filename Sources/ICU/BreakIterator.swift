import ICUShim

/// ICU text boundaries (sentences, words, lines, characters) over UTF-8, with no UTF-16 copy: the
/// iterator reads Swift's own UTF-8 storage through an ICU `UText`.
///
/// Owns an ICU handle, closed exactly once in `deinit`; not `Sendable` — one per task.
///
/// ```swift
/// let sentences = try BreakIterator(.sentence, locale: ICULocale("de"))
/// sentences.boundaries(in: "Er kam. Dann ging er.")   // [8, 21]  (UTF-8 byte offsets)
/// ```
public final class BreakIterator {
  /// The kind of boundary to find.
  public enum Kind: Sendable, Hashable {
    case character, word, line, sentence

    var shim: glossa_break_kind {
      switch self {
      case .character: GLOSSA_BREAK_CHARACTER
      case .word: GLOSSA_BREAK_WORD
      case .line: GLOSSA_BREAK_LINE
      case .sentence: GLOSSA_BREAK_SENTENCE
      }
    }
  }

  /// What ICU's word rules say about the text before a word boundary.
  public enum WordStatus: Sendable, Hashable {
    case none, number, letter, kana, ideographic

    init(ruleStatus: Int32) {
      switch ruleStatus {
      case 100..<200: self = .number
      case 200..<300: self = .letter
      case 300..<400: self = .kana
      case 400..<500: self = .ideographic
      default: self = .none
      }
    }
  }

  private let handle: OpaquePointer
  public let kind: Kind
  public let locale: ICULocale

  public init(_ kind: Kind, locale: ICULocale) throws(ICUError) {
    var status: glossa_status = 0
    guard let handle = glossa_breaker_open(kind.shim, locale.identifier, &status) else {
      throw ICUError(code: status, context: "cannot open \(kind) break iterator for \"\(locale)\"")
    }
    self.handle = handle
    self.kind = kind
    self.locale = locale
  }

  deinit { glossa_breaker_close(handle) }

  /// Calls `body` with each boundary after the start of `utf8` (UTF-8 byte offsets, ascending; the
  /// last is `utf8.count` for non-empty text) and, for word iterators, the status of the piece before it.
  public func forEachBoundary(
    in utf8: UnsafeBufferPointer<UInt8>,
    _ body: (_ offset: Int, _ status: WordStatus) throws -> Void
  ) throws {
    var status: glossa_status = 0
    glossa_breaker_set_text(handle, utf8.baseAddress, Int64(utf8.count), &status)
    try ICUError.check(status, "cannot iterate \(utf8.count) bytes of text")
    let chunk = 256
    var offsets = [Int64](repeating: 0, count: chunk)
    var statuses = [Int32](repeating: 0, count: chunk)
    let wantStatus = kind == .word
    while true {
      let count = offsets.withUnsafeMutableBufferPointer { offsetBuffer in
        statuses.withUnsafeMutableBufferPointer { statusBuffer in
          Int(glossa_breaker_next_many(handle, offsetBuffer.baseAddress, wantStatus ? statusBuffer.baseAddress : nil, Int64(chunk)))
        }
      }
      for index in 0..<count {
        try body(Int(offsets[index]), wantStatus ? WordStatus(ruleStatus: statuses[index]) : .none)
      }
      if count < chunk { break }
    }
    // The UText points into memory that is only valid for this call.
    glossa_breaker_set_text(handle, nil, 0, &status)
  }

  /// The boundaries of `text` after its start, as UTF-8 byte offsets.
  public func boundaries(in text: String) -> [Int] {
    var copy = text
    var result: [Int] = []
    copy.withUTF8 { utf8 in
      try? forEachBoundary(in: utf8) { offset, _ in result.append(offset) }
    }
    return result
  }
}
