import ICUShim

/// A locale that ICU knows, made from a BCP 47 tag (`de`, `de-CH`, `zh-Hant`) or an ICU locale id
/// (`de@ss=standard`). Unknown languages are rejected instead of silently falling back to root.
///
/// ```swift
/// let german = try ICULocale("de-DE")   // identifier "de_DE"
/// _ = try ICULocale("xx")               // throws: unknown locale "xx"
/// ```
public struct ICULocale: Sendable, Hashable, CustomStringConvertible {
  /// ICU's canonical locale id, e.g. `de_DE`; empty for the root locale (`und`).
  public let identifier: String
  /// The tag the locale was made from.
  public let tag: String

  public init(_ tag: String) throws(ICUError) {
    var buffer = [CChar](repeating: 0, count: 160)
    var status: glossa_status = 0
    let length = glossa_locale_from_tag(tag, &buffer, Int32(buffer.count), &status)
    guard length >= 0, !tag.isEmpty else {
      throw ICUError(code: status > 0 ? status : 1, context: "unknown locale \"\(tag)\"")
    }
    self.identifier = String(decoding: buffer[0..<Int(length)].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    self.tag = tag
  }

  /// The root locale: ICU's language-independent rules.
  public static let root = try! ICULocale("und")

  /// The language part of the locale, e.g. `de`; empty for root.
  public var language: String {
    String(identifier.prefix { $0 != "_" && $0 != "@" })
  }

  public var description: String { tag }
}
