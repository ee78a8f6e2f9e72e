/// Small helpers that read characters straight from UTF-8 bytes (no `String`, no `Character`).

/// The scalar starting at `offset` and its byte width. Malformed bytes read as U+FFFD, width 1.
@inline(__always)
func scalar(_ utf8: UnsafeBufferPointer<UInt8>, at offset: Int) -> (value: UInt32, width: Int) {
  let b0 = UInt32(utf8[offset])
  if b0 < 0x80 { return (b0, 1) }
  let n = utf8.count
  if b0 & 0xE0 == 0xC0, offset + 1 < n {
    return (((b0 & 0x1F) << 6) | (UInt32(utf8[offset + 1]) & 0x3F), 2)
  }
  if b0 & 0xF0 == 0xE0, offset + 2 < n {
    return (((b0 & 0x0F) << 12) | ((UInt32(utf8[offset + 1]) & 0x3F) << 6) | (UInt32(utf8[offset + 2]) & 0x3F), 3)
  }
  if b0 & 0xF8 == 0xF0, offset + 3 < n {
    let value = ((b0 & 0x07) << 18) | ((UInt32(utf8[offset + 1]) & 0x3F) << 12)
      | ((UInt32(utf8[offset + 2]) & 0x3F) << 6) | (UInt32(utf8[offset + 3]) & 0x3F)
    return (value, 4)
  }
  return (0xFFFD, 1)
}

/// The start offset of the scalar that ends at `end`.
@inline(__always)
func scalarStart(_ utf8: UnsafeBufferPointer<UInt8>, before end: Int) -> Int {
  var start = end - 1
  while start > 0, utf8[start] & 0xC0 == 0x80, end - start < 4 { start -= 1 }
  return start
}

/// Closing quotes and brackets: they stay with the sentence before them.
@inline(__always)
func isClosing(_ c: UInt32) -> Bool {
  switch c {
  case 0x29, 0x5D, 0x7D, 0x22, 0x27: return true  // ) ] } " '
  case 0x2019, 0x201D, 0x201C, 0x2018, 0xBB, 0xAB, 0x203A, 0x2039: return true  // ’ ” “ ‘ » « › ‹
  case 0x300D, 0x300F, 0x3011, 0x300B, 0x3009, 0x3015, 0xFF09, 0xFF3D, 0xFF5D, 0xFF02: return true  // 」』】》〉〕）］｝＂
  default: return false
  }
}

/// Opening quotes, brackets and dashes that may stand before the first word of a sentence.
@inline(__always)
func isOpening(_ c: UInt32) -> Bool {
  switch c {
  case 0x28, 0x5B, 0x7B, 0x22, 0x27, 0x2D: return true  // ( [ { " ' -
  case 0x201E, 0x201C, 0x201D, 0x201A, 0x2018, 0x2019, 0xBB, 0xAB, 0x203A, 0x2039: return true  // „ “ ” ‚ ‘ ’ » « › ‹
  case 0xBF, 0xA1, 0x2013, 0x2014: return true  // ¿ ¡ – —
  case 0x300C, 0x300E, 0x3010, 0x300A, 0x3008, 0x3014, 0xFF08, 0xFF3B, 0xFF5B: return true
  default: return false
  }
}

/// `.`, `!`, `?`, `…` and the other sentence terminators every language shares.
@inline(__always)
func isStrongTerminator(_ c: UInt32) -> Bool {
  switch c {
  case 0x21, 0x3F, 0x203C, 0x2047, 0x2048, 0x2049, 0x203D: return true  // ! ? ‼ ⁇ ⁈ ⁉ ‽
  default: return false
  }
}

/// What the first character of the next word is.
enum WordStart: Equatable {
  case upper, lower, digit, other, end
}

/// ASCII letters and digits, and any non-ASCII scalar that is a letter or digit.
@inline(__always)
func isWordScalar(_ c: UInt32) -> Bool {
  if c < 0x80 {
    return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A)
  }
  guard let s = Unicode.Scalar(c) else { return false }
  return s.properties.isAlphabetic || s.properties.numericType != nil
}

@inline(__always)
func classify(_ c: UInt32) -> WordStart {
  if c < 0x80 {
    if c >= 0x41 && c <= 0x5A { return .upper }
    if c >= 0x61 && c <= 0x7A { return .lower }
    if c >= 0x30 && c <= 0x39 { return .digit }
    return .other
  }
  guard let s = Unicode.Scalar(c) else { return .other }
  let properties = s.properties
  if properties.isUppercase || properties.generalCategory == .titlecaseLetter { return .upper }
  if properties.isLowercase { return .lower }
  if properties.generalCategory == .decimalNumber { return .digit }
  return .other
}
