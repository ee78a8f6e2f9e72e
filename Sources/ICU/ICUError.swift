import ICUShim

/// An error reported by ICU, with ICU's own error name (`u_errorName`) and what Glossa was doing.
///
/// ```swift
/// do { _ = try Transliterator(id: "Klingon-Latin") }
/// catch let error as ICUError { print(error) }
/// // cannot open transliterator "Klingon-Latin": U_INVALID_ID
/// ```
public struct ICUError: Error, Sendable, Equatable, CustomStringConvertible {
  /// ICU's `UErrorCode` value.
  public let code: Int32
  /// ICU's name for `code`, e.g. `U_INVALID_ID`.
  public let name: String
  /// What was being attempted, e.g. `cannot open transliterator "X"`.
  public let context: String

  init(code: Int32, context: String) {
    self.code = code
    self.name = String(cString: glossa_error_name(code))
    self.context = context
  }

  public var description: String { "\(context): \(name)" }

  /// Turns an ICU status into a thrown error; the one place where ICU's C errors become Swift errors.
  @inline(__always)
  static func check(_ status: glossa_status, _ context: @autoclosure () -> String) throws(ICUError) {
    if status > 0 { throw ICUError(code: status, context: context()) }
  }
}

/// The version of the ICU library Glossa runs on, e.g. "72.1".
public var icuVersion: String {
  var buffer = [CChar](repeating: 0, count: 32)
  glossa_icu_version(&buffer, Int32(buffer.count))
  let bytes = buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
  return String(decoding: bytes, as: UTF8.self)
}
