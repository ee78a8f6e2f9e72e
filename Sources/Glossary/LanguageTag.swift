/// Well-formedness of BCP 47 language tags (RFC 5646 syntax; registry membership is not checked).
public enum LanguageTag {
  /// Whether `tag` is a well-formed BCP 47 tag, e.g. `de`, `ar-SY`, `sr-Latn-RS`, `und`, `x-private`.
  public static func isWellFormed(_ tag: String) -> Bool {
    isWellFormed(utf8: Array(tag.utf8))
  }

  static func isWellFormed(utf8 bytes: [UInt8]) -> Bool {
    if bytes.isEmpty { return false }
    var subtags: [ArraySlice<UInt8>] = []
    var start = 0
    for i in 0...bytes.count where i == bytes.count || bytes[i] == 0x2D {
      let part = bytes[start..<i]
      if part.isEmpty || part.count > 8 || !part.allSatisfy(isAlphanumeric) { return false }
      subtags.append(part)
      start = i + 1
    }
    if grandfathered.contains(String(decoding: bytes, as: UTF8.self).lowercased()) { return true }
    var index = 0
    func isAlpha(_ s: ArraySlice<UInt8>) -> Bool { s.allSatisfy(isLetter) }
    func isDigit(_ s: ArraySlice<UInt8>) -> Bool { s.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }
    let first = subtags[0]
    if first.count == 1, first.first! | 0x20 == 0x78 { return privateUse(subtags, from: 1) }
    // language
    guard isAlpha(first), first.count >= 2, first.count != 4 else { return false }
    index = 1
    if first.count <= 3 {
      var extlangs = 0
      while index < subtags.count, subtags[index].count == 3, isAlpha(subtags[index]), extlangs < 3 {
        index += 1
        extlangs += 1
      }
    }
    // script
    if index < subtags.count, subtags[index].count == 4, isAlpha(subtags[index]) { index += 1 }
    // region
    if index < subtags.count,
      (subtags[index].count == 2 && isAlpha(subtags[index])) || (subtags[index].count == 3 && isDigit(subtags[index]))
    {
      index += 1
    }
    // variants
    while index < subtags.count {
      let s = subtags[index]
      if s.count >= 5 || (s.count == 4 && s.first! >= 0x30 && s.first! <= 0x39) { index += 1 } else { break }
    }
    // extensions
    while index < subtags.count, subtags[index].count == 1, subtags[index].first! | 0x20 != 0x78 {
      index += 1
      var parts = 0
      while index < subtags.count, subtags[index].count >= 2 {
        index += 1
        parts += 1
      }
      if parts == 0 { return false }
    }
    if index < subtags.count, subtags[index].count == 1, subtags[index].first! | 0x20 == 0x78 {
      return privateUse(subtags, from: index + 1)
    }
    return index == subtags.count
  }

  private static func privateUse(_ subtags: [ArraySlice<UInt8>], from index: Int) -> Bool {
    index < subtags.count && subtags[index...].allSatisfy { !$0.isEmpty }
  }

  private static func isLetter(_ b: UInt8) -> Bool { (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) }
  private static func isAlphanumeric(_ b: UInt8) -> Bool { isLetter(b) || (b >= 0x30 && b <= 0x39) }

  private static let grandfathered: Set<String> = [
    "en-gb-oed", "i-ami", "i-bnn", "i-default", "i-enochian", "i-hak", "i-klingon", "i-lux", "i-mingo", "i-navajo",
    "i-pwn", "i-tao", "i-tay", "i-tsu", "sgn-be-fr", "sgn-be-nl", "sgn-ch-de", "art-lojban", "cel-gaulish",
    "no-bok", "no-nyn", "zh-guoyu", "zh-hakka", "zh-min", "zh-min-nan", "zh-xiang",
  ]
}
