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
    var result: [ScannedWord] = []
    let scalars = Array(text.unicodeScalars)
    var offsets: [Int] = []
    offsets.reserveCapacity(scalars.count + 1)
    var offset = 0
    for scalar in scalars {
      offsets.append(offset)
      offset += UTF8.width(scalar)
    }
    offsets.append(offset)
    var index = 0
    let count = scalars.count
    while index < count {
      let scalar = scalars[index]
      let startsWord = isWordScalar(scalar)
        || (isApostrophe(scalar) && index + 1 < count && isLetter(scalars[index + 1])
          && (index == 0 || isHyphen(scalars[index - 1]) || (isAynMark(scalar) && !isLetter(scalars[index - 1]))))
      guard startsWord else { index += 1; continue }
      let start = index
      index += 1
      while index < count {
        let current = scalars[index]
        if isWordScalar(current) { index += 1; continue }
        if isApostrophe(current), index + 1 < count, isLetter(scalars[index + 1]), isLetter(scalars[index - 1]) {
          index += 1
          continue
        }
        break
      }
      var capitalized = false, sawLetter = false, allUpper = true, letters = 0, digit = false
      for scalar in scalars[start..<index] {
        let properties = scalar.properties
        if properties.numericType != nil { digit = true }
        guard properties.isAlphabetic, properties.generalCategory != .modifierLetter else { continue }
        letters += 1
        if !sawLetter { capitalized = properties.isUppercase; sawLetter = true }
        if !properties.isUppercase && properties.isLowercase { allUpper = false }
      }
      var joins = false, hyphen = false
      // A soft sign or apostrophe before the separator (Russian-style "El'-Kajm") does not break the name.
      var separatorIndex = index
      if separatorIndex + 1 < count, isApostrophe(scalars[separatorIndex]),
        isHyphen(scalars[separatorIndex + 1]) || scalars[separatorIndex + 1] == " " {
        separatorIndex += 1
      }
      if separatorIndex + 1 < count, isLetter(scalars[separatorIndex + 1]) || isApostrophe(scalars[separatorIndex + 1]) {
        let separator = scalars[separatorIndex]
        if separator == " " || separator == "\u{00A0}" { joins = true }
        if isHyphen(separator) { joins = true; hyphen = true }
      } else if separatorIndex < count, isHyphen(scalars[separatorIndex]) {
        hyphen = true
      }
      let period = index < count && scalars[index] == "." && (index + 1 == count || scalars[index + 1] == " ")
      result.append(ScannedWord(
        start: offsets[start], end: offsets[index], joinsNext: joins, hyphenAfter: hyphen,
        isCapitalized: capitalized, isUppercase: allUpper && letters >= 2, hasDigit: digit, periodAfter: period))
    }
    return result
  }

  @inline(__always)
  static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.isASCII { return (scalar.value | 0x20) >= 0x61 && (scalar.value | 0x20) <= 0x7A }
    return scalar.properties.isAlphabetic
  }

  @inline(__always)
  static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.isASCII {
      let v = scalar.value
      return (v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A || (v >= 0x30 && v <= 0x39)
    }
    let properties = scalar.properties
    if properties.isAlphabetic { return true }
    switch properties.generalCategory {
    case .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .modifierLetter: return true
    default: return false
    }
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
