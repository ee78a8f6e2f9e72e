import ICUShim

/// An ICU transliterator, by id or from custom rules.
///
/// A `Transliterator` owns an ICU handle: it is not `Sendable`, so each task makes its own
/// (see ``HandlePool``). The handle is closed exactly once, when the value is released.
///
/// ```swift
/// let latin = try Transliterator(id: "Any-Latin; Latin-ASCII")
/// try latin.transliterate("الحسكة")   // "alhskt"
/// let custom = try Transliterator(id: "ayn", rules: "ʿ > ; ʾ > ;")
/// ```
public final class Transliterator {
  private let handle: OpaquePointer
  /// The id the transliterator was opened with.
  public let id: String

  /// Opens a transliterator by ICU id, e.g. `Any-Latin; Latin-ASCII`, `Arabic-Latin`, `de-ASCII`.
  /// Throws an ``ICUError`` naming the id when ICU does not know it.
  public init(id: String) throws(ICUError) {
    var line: Int32 = 0, offset: Int32 = 0, status: glossa_status = 0
    guard let handle = glossa_translit_open(id, nil, 0, &line, &offset, &status) else {
      throw ICUError(code: status, context: "unknown transliterator \"\(id)\"")
    }
    self.handle = handle
    self.id = id
  }

  /// Compiles transliteration rules (ICU rule syntax). A syntax error names the line and offset.
  public init(id: String, rules: String) throws(ICUError) {
    var line: Int32 = 0, offset: Int32 = 0, status: glossa_status = 0
    let bytes = Array(rules.utf8CString)
    let opened = bytes.withUnsafeBufferPointer {
      glossa_translit_open(id, $0.baseAddress, Int32($0.count - 1), &line, &offset, &status)
    }
    guard let opened else {
      throw ICUError(code: status, context: "invalid transliteration rules \"\(id)\" at rule line \(line), offset \(offset)")
    }
    self.handle = opened
    self.id = id
  }

  deinit { glossa_translit_close(handle) }

  /// Transliterates `text`.
  public func transliterate(_ text: String) throws -> String {
    var copy = text
    return try copy.withUTF8 { try transliterate(utf8: $0) }
  }

  /// Transliterates UTF-8 bytes.
  public func transliterate(utf8: UnsafeBufferPointer<UInt8>) throws(ICUError) -> String {
    var status: glossa_status = 0
    let length = glossa_translit_apply(handle, utf8.baseAddress, Int64(utf8.count), &status)
    try ICUError.check(status, "cannot transliterate with \"\(id)\"")
    guard length >= 0 else { throw ICUError(code: 1, context: "cannot transliterate with \"\(id)\"") }
    return String(decoding: UnsafeBufferPointer(start: glossa_translit_output(handle), count: Int(length)), as: UTF8.self)
  }
}
