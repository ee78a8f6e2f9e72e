import ICUShim

/// Unicode normalization with ICU's `Normalizer2`, on UTF-8 without a UTF-16 copy.
///
/// `Normalizer` values are cheap and `Sendable`: ICU's normalizer instances are immutable and shared.
/// Text that is already normalized is returned as it is (quick check first, no copy).
///
/// ```swift
/// let nfc = Normalizer(.nfc)
/// nfc.normalize("Ḥims")            // "Ḥims" composed
/// nfc.isNormalized("al-Hasaka")    // true
/// ```
public struct Normalizer: Sendable, Hashable {
  /// A Unicode normalization form.
  public enum Form: String, Sendable, CaseIterable, Hashable {
    case nfc, nfd, nfkc, nfkd
    /// NFKC with case folding and removal of default-ignorable characters (`NFKC_Casefold`).
    case nfkcCasefold = "nfkc-casefold"

    var shim: glossa_norm_form {
      switch self {
      case .nfc: GLOSSA_NFC
      case .nfd: GLOSSA_NFD
      case .nfkc: GLOSSA_NFKC
      case .nfkd: GLOSSA_NFKD
      case .nfkcCasefold: GLOSSA_NFKC_CASEFOLD
      }
    }

    /// Whether pure ASCII text is always already in this form (true for all but case folding).
    var asciiIsNormalized: Bool { self != .nfkcCasefold }
  }

  /// One region the normalizer changed: `source` bytes of the input became `result` bytes of the output.
  public struct Change: Sendable, Hashable {
    public var source: Range<Int>
    public var result: Range<Int>
  }

  /// The result of normalizing text that was not yet normalized.
  public struct Result: Sendable {
    public var text: String
    /// The changed regions in input order, as UTF-8 byte ranges; everything between them is unchanged.
    public var changes: [Change]
  }

  public let form: Form

  public init(_ form: Form) { self.form = form }

  /// Whether `text` is already in this normalization form.
  public func isNormalized(_ text: String) -> Bool {
    var copy = text
    return copy.withUTF8 { isNormalized(utf8: $0) }
  }

  /// Whether the UTF-8 bytes are already in this normalization form.
  public func isNormalized(utf8: UnsafeBufferPointer<UInt8>) -> Bool {
    if form == .nfc ? isInertForNFC(utf8) : (form.asciiIsNormalized && isASCII(utf8)) { return true }
    return isNormalizedByICU(utf8: utf8)
  }

  /// ICU's answer alone, with no byte-level shortcut (tests compare the two).
  func isNormalizedByICU(utf8: UnsafeBufferPointer<UInt8>) -> Bool {
    var status: glossa_status = 0
    let yes = glossa_norm_is_normalized(form.shim, utf8.baseAddress, Int64(utf8.count), &status)
    return status <= 0 && yes == 1
  }

  /// `text` in this form; the same string, not a copy, when it already is.
  public func normalize(_ text: String) -> String {
    (try? normalizeRecordingChanges(text))?.text ?? text
  }

  /// Normalizes `text` and reports every changed region, or returns `nil` when `text` is already
  /// normalized (the fast path: nothing is copied).
  public func normalizeRecordingChanges(_ text: String) throws -> Result? {
    var copy = text
    return try copy.withUTF8 { (utf8) throws -> Result? in
      if isNormalized(utf8: utf8) { return nil }
      var status: glossa_status = 0
      guard let result = glossa_norm_normalize(form.shim, utf8.baseAddress, Int64(utf8.count), &status) else {
        throw ICUError(code: status, context: "cannot normalize to \(form.rawValue)")
      }
      defer { glossa_norm_result_free(result) }
      var length: Int64 = 0
      let bytes = glossa_norm_result_text(result, &length)
      let text = String(decoding: UnsafeBufferPointer(start: bytes, count: Int(length)), as: UTF8.self)
      let count = Int(glossa_norm_result_change_count(result))
      var changes: [Change] = []
      changes.reserveCapacity(count)
      var region = [Int64](repeating: 0, count: 4)
      for index in 0..<count {
        glossa_norm_result_change(result, Int64(index), &region)
        changes.append(Change(source: Int(region[0])..<Int(region[1]), result: Int(region[2])..<Int(region[3])))
      }
      return Result(text: text, changes: changes)
    }
  }
}

/// Whether the bytes are well-formed UTF-8 whose scalars all lie below U+0300 or in U+2002...U+20CF
/// (Latin-1, Latin Extended, spacing modifiers; general punctuation, super- and subscripts, currency
/// signs). Such text is in NFC: each of these characters has NFC_Quick_Check=Yes and canonical
/// combining class 0 (U+2000 and U+2001, which NFC replaces, are left out). `false` says nothing; ICU
/// then decides.
func isInertForNFC(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
  guard let base = bytes.baseAddress else { return true }
  let raw = UnsafeRawPointer(base)
  let count = bytes.count
  var index = 0
  while index < count {
    while index + 8 <= count && raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 { index += 8 }
    guard index < count else { break }
    let lead = base[index]
    if lead < 0x80 {
      index += 1
    } else if lead >= 0xC2 && lead <= 0xCB {  // U+0080...U+02FF
      guard index + 1 < count, base[index + 1] & 0xC0 == 0x80 else { return false }
      index += 2
    } else if lead == 0xE2 {
      guard index + 2 < count, base[index + 1] & 0xC0 == 0x80, base[index + 2] & 0xC0 == 0x80 else { return false }
      let second = base[index + 1], third = base[index + 2]
      // E2 80 82 = U+2002 ... E2 83 8F = U+20CF
      let inert = second == 0x80 ? third >= 0x82 : (second == 0x81 || second == 0x82 || (second == 0x83 && third <= 0x8F))
      guard inert else { return false }
      index += 3
    } else {
      return false
    }
  }
  return true
}

/// Whether every byte is ASCII, eight bytes at a time.
@inlinable
func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
  guard let base = bytes.baseAddress else { return true }
  let count = bytes.count
  var index = 0
  let raw = UnsafeRawPointer(base)
  while index + 8 <= count {
    if raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
    index += 8
  }
  while index < count {
    if base[index] & 0x80 != 0 { return false }
    index += 1
  }
  return true
}
