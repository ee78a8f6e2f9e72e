import ICUShim

/// An ICU regular expression (Java-like syntax, as SRX specifies) matched over UTF-8 with no UTF-16
/// copy; match offsets are UTF-8 byte offsets.
///
/// Owns an ICU handle, closed exactly once in `deinit`; not `Sendable` — one per task.
///
/// ```swift
/// let regex = try RegularExpression("[.?!]\\s+(?=[A-Z])")
/// regex.matches(in: "One. Two. three")   // [3..<5]
/// ```
public final class RegularExpression {
  private let handle: OpaquePointer
  /// The pattern as given.
  public let pattern: String

  /// Thrown when the pattern does not compile.
  public struct SyntaxError: Error, Sendable, CustomStringConvertible {
    public let pattern: String
    /// Offset of the problem in the pattern (UTF-16 units), or -1 when unknown.
    public let offset: Int
    public let icu: ICUError
    public var description: String {
      offset >= 0 ? "bad regular expression at offset \(offset): \(pattern) (\(icu.name))" : "bad regular expression: \(pattern) (\(icu.name))"
    }
  }

  /// Compiles `pattern`.
  public init(_ pattern: String, caseInsensitive: Bool = false) throws(SyntaxError) {
    var status: glossa_status = 0
    var errorOffset: Int32 = -1
    var copy = pattern
    let handle = copy.withUTF8 { utf8 in
      glossa_regex_open(utf8.baseAddress, Int64(utf8.count), caseInsensitive ? 1 : 0, &errorOffset, &status)
    }
    guard let handle else {
      throw SyntaxError(pattern: pattern, offset: Int(errorOffset), icu: ICUError(code: status, context: "cannot compile regular expression"))
    }
    self.handle = handle
    self.pattern = pattern
  }

  deinit { glossa_regex_close(handle) }

  /// Runs `body` with a matcher over `utf8`; the matcher must not escape `body`.
  public func withMatcher<T>(over utf8: UnsafeBufferPointer<UInt8>, _ body: (Matcher) throws -> T) throws -> T {
    var status: glossa_status = 0
    glossa_regex_set_text(handle, utf8.baseAddress, Int64(utf8.count), &status)
    try ICUError.check(status, "cannot match \(utf8.count) bytes of text")
    defer { glossa_regex_set_text(handle, nil, 0, &status) }
    return try body(Matcher(handle: handle, count: utf8.count))
  }

  /// Searches one text set by ``withMatcher(over:_:)``.
  public struct Matcher {
    fileprivate let handle: OpaquePointer
    /// The length of the text in UTF-8 bytes.
    public let count: Int

    fileprivate init(handle: OpaquePointer, count: Int) {
      self.handle = handle
      self.count = count
    }

    /// The first match starting at or after `offset` (a UTF-8 offset on a character boundary).
    public func firstMatch(from offset: Int) throws -> Range<Int>? {
      var status: glossa_status = 0
      var start: Int64 = 0, end: Int64 = 0
      let found = glossa_regex_find(handle, Int64(offset), &start, &end, &status)
      try ICUError.check(status, "regular expression search failed")
      return found == 1 ? Int(start)..<Int(end) : nil
    }

    /// Whether the whole text matches.
    public func matchesWhole() throws -> Bool {
      var status: glossa_status = 0
      let result = glossa_regex_matches(handle, &status)
      try ICUError.check(status, "regular expression match failed")
      return result == 1
    }
  }

  /// The non-overlapping matches in `text`, as UTF-8 byte ranges.
  public func matches(in text: String) throws -> [Range<Int>] {
    var copy = text
    return try copy.withUTF8 { utf8 in
      try withMatcher(over: utf8) { matcher in
        var result: [Range<Int>] = []
        var offset = 0
        while offset <= utf8.count, let range = try matcher.firstMatch(from: offset) {
          result.append(range)
          offset = range.isEmpty ? range.upperBound + 1 : range.upperBound
          while offset < utf8.count, utf8[offset] & 0xC0 == 0x80 { offset += 1 }
        }
        return result
      }
    }
  }

  /// Whether all of `text` matches.
  public func matchesWhole(_ text: String) throws -> Bool {
    var copy = text
    return try copy.withUTF8 { utf8 in try withMatcher(over: utf8) { try $0.matchesWhole() } }
  }
}
