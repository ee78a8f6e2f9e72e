/// A word of the text as the aligner sees it: letters, marks and digits, with apostrophes and ayn/hamza
/// marks inside (`Ra’s`, `Darʿa`) and an ayn mark at its start (`ʿAin`, `` `Anah ``). Hyphens and spaces separate words.
struct ScannedWord {
  /// UTF-8 byte range in the text.
  var start: Int
  var end: Int
  /// How the word is joined to the next one: a single space or hyphen makes a multi-word name possible.
  var joinsNext: Bool
  /// The separator after the word is a hyphen (`Hamas-Sprecher`, `al-Hasaka`).
  var hyphenAfter: Bool
  /// The first letter is uppercase.
  var isCapitalized: Bool
  /// Every letter is uppercase (and there are at least two).
  var isUppercase: Bool
  /// The word contains a digit.
  var hasDigit: Bool
  /// The word ends with a period that is directly followed by a space or the end (`K.`): an initial or
  /// abbreviation when the word is short.
  var periodAfter: Bool
}

enum WordScanner {
  /// Splits UTF-8 text into words.
  static func words(in text: String) -> [ScannedWord] {
    var text = text
    return text.withUTF8 { words(utf8: $0) }
  }

  /// Splits valid UTF-8 into words, working on the bytes: ASCII and Latin-1 letters need no Unicode
  /// property lookups.
  static func words(utf8 bytes: UnsafeBufferPointer<UInt8>) -> [ScannedWord] {
    var result: [ScannedWord] = []
    let count = bytes.count
    var index = 0
    while index < count {
      let (scalar, width) = decode(bytes, index)
      let startsWord = isWordScalar(scalar)
        || (isApostrophe(scalar) && index + width < count && isLetter(decode(bytes, index + width).0)
          && (index == 0 || isHyphen(decode(bytes, previous(bytes, index)).0)
            || (isAynMark(scalar) && !isLetter(decode(bytes, previous(bytes, index)).0))))
      guard startsWord else { index += width; continue }
      let start = index
      index += width
      while index < count {
        let (current, currentWidth) = decode(bytes, index)
        if isWordScalar(current) { index += currentWidth; continue }
        if isApostrophe(current), index + currentWidth < count, isLetter(decode(bytes, index + currentWidth).0),
          isLetter(decode(bytes, previous(bytes, index)).0) {
          index += currentWidth
          continue
        }
        break
      }
      var capitalized = false, sawLetter = false, allUpper = true, letters = 0, digit = false
      var position = start
      while position < index {
        let byte = bytes[position]
        if byte < 0x80 {
          position += 1
          if byte >= 0x30, byte <= 0x39 { digit = true; continue }
          let lower = byte | 0x20
          guard lower >= 0x61, lower <= 0x7A else { continue }
          letters += 1
          let upper = byte < 0x61
          if !sawLetter { capitalized = upper; sawLetter = true }
          if !upper { allUpper = false }
          continue
        }
        let (scalar, width) = decode(bytes, position)
        position += width
        if scalar.value >= 0xC0, scalar.value <= 0xFF, scalar.value != 0xD7, scalar.value != 0xF7 {
          letters += 1
          let upper = scalar.value <= 0xDE
          if !sawLetter { capitalized = upper; sawLetter = true }
          if !upper { allUpper = false }
          continue
        }
        let flags = ScalarFlags.of(scalar)
        if flags.contains(.numeric) { digit = true }
        guard flags.contains(.alphabetic), !flags.contains(.modifierLetter) else { continue }
        letters += 1
        if !sawLetter { capitalized = flags.contains(.uppercase); sawLetter = true }
        if !flags.contains(.uppercase) && flags.contains(.lowercase) { allUpper = false }
      }
      var joins = false, hyphen = false
      // A soft sign or apostrophe before the separator (Russian-style "El'-Kajm") does not break the name.
      var separatorIndex = index
      if separatorIndex < count {
        let (first, firstWidth) = decode(bytes, separatorIndex)
        if isApostrophe(first), separatorIndex + firstWidth < count {
          let next = decode(bytes, separatorIndex + firstWidth).0
          if isHyphen(next) || next == " " { separatorIndex += firstWidth }
        }
      }
      if separatorIndex < count {
        let (separator, separatorWidth) = decode(bytes, separatorIndex)
        var followed = false
        if separatorIndex + separatorWidth < count {
          let next = decode(bytes, separatorIndex + separatorWidth).0
          followed = isLetter(next) || isApostrophe(next)
        }
        if followed {
          if separator == " " || separator == "\u{00A0}" { joins = true }
          if isHyphen(separator) { joins = true; hyphen = true }
        } else if isHyphen(separator) {
          hyphen = true
        }
      }
      let period = index < count && bytes[index] == UInt8(ascii: ".")
        && (index + 1 == count || bytes[index + 1] == UInt8(ascii: " "))
      result.append(ScannedWord(
        start: start, end: index, joinsNext: joins, hyphenAfter: hyphen,
        isCapitalized: capitalized, isUppercase: allUpper && letters >= 2, hasDigit: digit, periodAfter: period))
    }
    return result
  }

  /// The scalar starting at byte `index` of valid UTF-8, and its length in bytes.
  @inline(__always)
  static func decode(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> (Unicode.Scalar, Int) {
    let lead = UInt32(bytes[index])
    if lead < 0x80 { return (Unicode.Scalar(UInt8(lead)), 1) }
    if lead < 0xE0 {
      let value = (lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
      return (Unicode.Scalar(value) ?? " ", 2)
    }
    if lead < 0xF0 {
      let value = (lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
      return (Unicode.Scalar(value) ?? " ", 3)
    }
    let value = (lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12 | UInt32(bytes[index + 2] & 0x3F) << 6
      | UInt32(bytes[index + 3] & 0x3F)
    return (Unicode.Scalar(value) ?? " ", 4)
  }

  /// The byte offset where the scalar before byte `index` (> 0) starts.
  @inline(__always)
  static func previous(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Int {
    var offset = index - 1
    while offset > 0, bytes[offset] & 0xC0 == 0x80 { offset -= 1 }
    return offset
  }

  @inline(__always)
  static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.isASCII { return (scalar.value | 0x20) >= 0x61 && (scalar.value | 0x20) <= 0x7A }
    if isLatin1Letter(scalar) { return true }
    return ScalarFlags.of(scalar).contains(.alphabetic)
  }

  @inline(__always)
  static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.isASCII {
      let v = scalar.value
      return (v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A || (v >= 0x30 && v <= 0x39)
    }
    if isLatin1Letter(scalar) { return true }
    return ScalarFlags.of(scalar).contains(.wordScalar)
  }

  /// À…ÿ without × and ÷: letters, no property lookup needed.
  @inline(__always)
  static func isLatin1Letter(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value >= 0xC0 && scalar.value <= 0xFF && scalar.value != 0xD7 && scalar.value != 0xF7
  }

  @inline(__always)
  static func isApostrophe(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x27, 0x60, 0xB4, 0x2018, 0x2019, 0x02BC, 0x02BB, 0x02BE, 0x02BF: return true
    default: return false
    }
  }

  /// Marks that write the ayn and never open a quotation (`ʿAqrah`, `` `Anah ``): a word may start with one.
  @inline(__always)
  static func isAynMark(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value == 0x60 || scalar.value == 0x02BB || scalar.value == 0x02BF
  }

  @inline(__always)
  static func isHyphen(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x2D, 0x2010, 0x2011: return true
    default: return false
    }
  }
}
