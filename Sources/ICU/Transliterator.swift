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
    self.handle = try TransliteratorPrototypes.shared.open(id: id, rules: nil)
    self.id = id
  }

  /// Compiles transliteration rules (ICU rule syntax). A syntax error names the line and offset.
  public init(id: String, rules: String) throws(ICUError) {
    self.handle = try TransliteratorPrototypes.shared.open(id: id, rules: rules)
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

/// One compiled transliterator per id and rules for the whole process, never used itself: every
/// ``Transliterator`` opened with the same id and rules is a clone of it, so rules are parsed once
/// however many workers and key makers open them (parsing the match-key rules costs milliseconds, a
/// clone microseconds).
private final class TransliteratorPrototypes: @unchecked Sendable {
  static let shared = TransliteratorPrototypes()
  // Read and written only while `lock` is held; a prototype is only ever cloned, with the lock held.
  private var prototypes: [String: OpaquePointer] = [:]
  private let lock = Lock()

  private init() {}

  /// A new handle for `id` (compiled from `rules` when given): a clone of the prototype, which is
  /// compiled on first use. A failed compile is not remembered and throws as ICU reports it.
  func open(id: String, rules: String?) throws(ICUError) -> OpaquePointer {
    let key = rules.map { "\(id)\u{0}\($0)" } ?? id
    return try lock.withLock { () throws(ICUError) -> OpaquePointer in
      let prototype: OpaquePointer
      if let known = prototypes[key] {
        prototype = known
      } else {
        prototype = try Self.compile(id: id, rules: rules)
        prototypes[key] = prototype
      }
      var status: glossa_status = 0
      guard let copy = glossa_translit_clone(prototype, &status) else {
        throw ICUError(code: status, context: "cannot copy transliterator \"\(id)\"")
      }
      return copy
    }
  }

  private static func compile(id: String, rules: String?) throws(ICUError) -> OpaquePointer {
    var line: Int32 = 0, offset: Int32 = 0, status: glossa_status = 0
    guard let rules else {
      guard let handle = glossa_translit_open(id, nil, 0, &line, &offset, &status) else {
        throw ICUError(code: status, context: "unknown transliterator \"\(id)\"")
      }
      return handle
    }
    let bytes = Array(rules.utf8CString)
    let opened = bytes.withUnsafeBufferPointer {
      glossa_translit_open(id, $0.baseAddress, Int32($0.count - 1), &line, &offset, &status)
    }
    guard let opened else {
      throw ICUError(code: status, context: "invalid transliteration rules \"\(id)\" at rule line \(line), offset \(offset)")
    }
    return opened
  }
}
