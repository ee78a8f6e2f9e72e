/// A language's sentence rules: word lists and a few settings, read from a plain-text rules file.
///
/// The shipped files live in `Resources/` (`de.rules`, `en.rules`, ...); users add their own with
/// ``merging(_:)`` (the CLI's `--rules FILE`). The format is line based, UTF-8:
///
/// ```
/// # comment (a line starting with #)
/// [settings]
/// ordinal-dot = yes            # "13." before a word is an ordinal number (German, Polish, ...)
///
/// [abbreviations]              # the period does not end a sentence: "z. B.", "Abs.", "ca."
/// z. B.
/// [sentence-end-abbreviations] # may also end one, when a capitalized word follows: "usw.", "e. V."
/// [number-abbreviations]       # abbreviations only before a number: "Nr. 5", "No. 1"
/// [titles]                     # stand before a name, never end a sentence: "Dr.", "Prof."
/// [ordinal-followers]          # words after an ordinal: months, "Jahrhundert", "Mal"
/// [ordinal-preceders]          # words before an ordinal: "am", "im", "der", "zum"
/// [sentence-starters]          # words that typically open a sentence: "Der", "Doch", "The"
/// [terminators]                # extra characters that end a sentence before white space: "؟"
/// [terminators-no-space]       # characters that end a sentence even without space after: "。"
/// ```
///
/// Abbreviations are written with their periods; spaces inside them are ignored, so `z. B.` also
/// matches `z.B.` and `z. B.` with a no-break space. Words are matched case-sensitively; lowercase
/// entries also match with a capital first letter (at the start of a sentence).
public struct SentenceRules: Sendable {
  /// Abbreviations whose period never ends a sentence, keyed without spaces (`z.B.`).
  var abbreviations = ByteSet()
  /// Abbreviations whose period also ends a sentence when a capitalized word follows.
  var sentenceEndAbbreviations = ByteSet()
  /// Abbreviations that stand before a number (`Nr.`, `No.`): only then is their period not an end.
  var numberAbbreviations = ByteSet()
  /// Titles before names (`Dr.`): never end a sentence.
  var titles = ByteSet()
  /// The leading pieces of multi-part abbreviations (`EE.` of `EE.UU.`, `i.d.` of `i.d.R.`).
  var abbreviationPrefixes = ByteSet()
  /// Every key of the abbreviation lists and their prefixes: one lookup rules out most words.
  var anyAbbreviation = ByteSet()
  /// Words after an ordinal number (`April`, `Jahrhundert`).
  var ordinalFollowers = ByteSet()
  /// Words before an ordinal number (`am`, `der`).
  var ordinalPreceders = ByteSet()
  /// Words that open sentences; decide ambiguous cases after initials and dotted acronyms.
  var sentenceStarters = ByteSet()
  /// Characters (beyond `.`, `!`, `?`, `…`) that end a sentence before white space.
  public private(set) var terminators: Set<Unicode.Scalar> = []
  /// Characters that end a sentence even with no white space after them (CJK full stops).
  public private(set) var unspacedTerminators: Set<Unicode.Scalar> = []
  /// The byte length of the longest abbreviation key: words before a period that are longer are not
  /// looked up.
  var longestAbbreviationPiece = 0
  /// Whether a period after a number can make it an ordinal (`am 13. April`).
  public var ordinalDot = false

  /// Empty rules: only the language-independent ones apply.
  public init() {}

  /// Reads rules from the text of a rules file; `source` names it in errors.
  public init(parsing text: String, source: String = "<rules>") throws(RulesError) {
    try apply(text, source: source, asciiFastPath: true)
  }

  /// Reads rules with or without the byte-level path for ASCII entries (tests check both agree).
  init(parsing text: String, source: String = "<rules>", asciiFastPath: Bool) throws(RulesError) {
    try apply(text, source: source, asciiFastPath: asciiFastPath)
  }

  /// Reads a rules file.
  public init(contentsOf path: String) throws(RulesError) {
    let text: String
    switch readUTF8File(path) {
    case .success(let read): text = read
    case .failure(let error): throw RulesError(source: path, line: nil, message: "cannot read rules file: \(error.reason)")
    }
    try self.init(parsing: text, source: path)
  }

  /// The shipped rules for `language` (a BCP 47 tag; `de-AT` uses `de`), or empty rules for a language
  /// with no rules file.
  public static func builtIn(for language: String) throws(RulesError) -> SentenceRules {
    let base = language.split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map { $0.lowercased() } ?? ""
    guard let bytes = shippedRules[base] else { return SentenceRules() }
    return try SentenceRules(parsing: String(decoding: bytes, as: UTF8.self), source: "\(base).rules")
  }

  /// The text of the shipped rules file of `language` (a base language code), if there is one.
  static func shippedRulesText(for language: String) -> [UInt8]? { shippedRules[language] }

  /// The languages that have shipped rules files.
  public static var builtInLanguages: [String] { shippedRules.keys.sorted() }

  /// The shipped rules files (`Resources/*.rules`), compiled into the binary.
  private static let shippedRules: [String: [UInt8]] = [
    "ar": PackageResources.ar_rules, "de": PackageResources.de_rules, "en": PackageResources.en_rules,
    "es": PackageResources.es_rules, "fr": PackageResources.fr_rules, "it": PackageResources.it_rules,
    "ja": PackageResources.ja_rules, "nl": PackageResources.nl_rules, "pl": PackageResources.pl_rules,
    "pt": PackageResources.pt_rules, "ru": PackageResources.ru_rules, "zh": PackageResources.zh_rules,
  ]

  /// These rules with the entries and settings of `other` added.
  public func merging(_ other: SentenceRules) -> SentenceRules {
    var merged = self
    for word in other.abbreviations.words { merged.abbreviations.insert(word) }
    for word in other.sentenceEndAbbreviations.words { merged.sentenceEndAbbreviations.insert(word) }
    for word in other.titles.words { merged.titles.insert(word) }
    for word in other.numberAbbreviations.words { merged.numberAbbreviations.insert(word) }
    for word in other.abbreviationPrefixes.words { merged.abbreviationPrefixes.insert(word) }
    for word in other.anyAbbreviation.words { merged.anyAbbreviation.insert(word) }
    for word in other.ordinalFollowers.words { merged.ordinalFollowers.insert(word) }
    for word in other.ordinalPreceders.words { merged.ordinalPreceders.insert(word) }
    for word in other.sentenceStarters.words { merged.sentenceStarters.insert(word) }
    merged.terminators.formUnion(other.terminators)
    merged.unspacedTerminators.formUnion(other.unspacedTerminators)
    merged.ordinalDot = merged.ordinalDot || other.ordinalDot
    merged.longestAbbreviationPiece = max(merged.longestAbbreviationPiece, other.longestAbbreviationPiece)
    return merged
  }

  /// Whether `abbreviation` (with its period, e.g. `z. B.`) is known, and how.
  public func kind(ofAbbreviation abbreviation: String) -> AbbreviationKind? {
    let key = Self.abbreviationKey(abbreviation)
    if titles.contains(key) { return .title }
    if sentenceEndAbbreviations.contains(key) { return .mayEndSentence }
    if abbreviations.contains(key) { return .inner }
    if numberAbbreviations.contains(key) { return .beforeNumber }
    return nil
  }

  /// How an abbreviation behaves at a sentence end.
  public enum AbbreviationKind: Sendable, Hashable {
    /// Its period never ends a sentence.
    case inner
    /// Its period also ends the sentence when a capitalized word follows.
    case mayEndSentence
    /// A title before a name.
    case title
    /// An abbreviation only before a number (`Nr. 5`).
    case beforeNumber
  }

  /// Entry counts per list (for `--help`-style summaries and tests).
  public var counts: [String: Int] {
    [
      "abbreviations": abbreviations.count, "sentence-end-abbreviations": sentenceEndAbbreviations.count,
      "titles": titles.count, "number-abbreviations": numberAbbreviations.count, "ordinal-followers": ordinalFollowers.count,
      "ordinal-preceders": ordinalPreceders.count, "sentence-starters": sentenceStarters.count,
    ]
  }

  private enum Section: String {
    case settings, abbreviations, titles
    case sentenceEndAbbreviations = "sentence-end-abbreviations"
    case numberAbbreviations = "number-abbreviations"
    case ordinalFollowers = "ordinal-followers"
    case ordinalPreceders = "ordinal-preceders"
    case sentenceStarters = "sentence-starters"
    case terminators
    case unspacedTerminators = "terminators-no-space"
  }

  /// The word list a section's entries go to; nil for sections that are not word lists.
  private static func list(_ section: Section) -> WritableKeyPath<SentenceRules, ByteSet>? {
    switch section {
    case .abbreviations: \.abbreviations
    case .sentenceEndAbbreviations: \.sentenceEndAbbreviations
    case .numberAbbreviations: \.numberAbbreviations
    case .titles: \.titles
    case .ordinalFollowers: \.ordinalFollowers
    case .ordinalPreceders: \.ordinalPreceders
    case .sentenceStarters: \.sentenceStarters
    case .settings, .terminators, .unspacedTerminators: nil
    }
  }

  private mutating func apply(_ text: String, source: String, asciiFastPath: Bool) throws(RulesError) {
    var section: Section?
    var lineNumber = 0
    for rawLine in text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false) {
      lineNumber += 1
      // Bytes: no comment (from " #" or a leading "#"), no surrounding white space.
      var bytes = Substring(rawLine).utf8[...]
      var previous: UInt8 = 0x20
      for index in bytes.indices {
        if bytes[index] == UInt8(ascii: "#") && (previous == 0x20 || previous == 0x09) {
          bytes = bytes[..<index]
          break
        }
        previous = bytes[index]
      }
      if asciiFastPath, let section, bytes.withContiguousStorageIfAvailable({ addASCIIEntry($0, section: section) }) == true { continue }
      let entry = Self.trimmed(Substring(bytes))
      if entry.isEmpty { continue }
      if entry.hasPrefix("[") && entry.hasSuffix("]") {
        let name = Self.trimmed(entry.dropFirst().dropLast())
        guard let parsed = Section(rawValue: name) else {
          throw RulesError(source: source, line: lineNumber, message: "unknown section [\(name)]")
        }
        section = parsed
        continue
      }
      guard let section else {
        throw RulesError(source: source, line: lineNumber, message: "entry before the first [section]")
      }
      switch section {
      case .settings:
        let parts = entry.split(separator: "=", maxSplits: 1).map { Self.trimmed($0) }
        guard parts.count == 2 else {
          throw RulesError(source: source, line: lineNumber, message: "expected 'name = value' in [settings]")
        }
        switch (parts[0], parts[1]) {
        case ("ordinal-dot", "yes"): ordinalDot = true
        case ("ordinal-dot", "no"): ordinalDot = false
        case ("ordinal-dot", _):
          throw RulesError(source: source, line: lineNumber, message: "ordinal-dot must be yes or no")
        default:
          throw RulesError(source: source, line: lineNumber, message: "unknown setting '\(parts[0])'")
        }
      case .abbreviations, .sentenceEndAbbreviations, .titles, .numberAbbreviations:
        guard entry.hasSuffix(".") else {
          throw RulesError(source: source, line: lineNumber, message: "an abbreviation ends with a period: '\(entry)'")
        }
        let key = Self.abbreviationKey(entry)
        longestAbbreviationPiece = max(longestAbbreviationPiece, key.utf8.count)
        for variant in Self.caseVariants(key) {
          var prefix = ""
          for character in variant.dropLast() {
            prefix.append(character)
            if character == "." {
              abbreviationPrefixes.insert(prefix)
              anyAbbreviation.insert(prefix)
            }
          }
          anyAbbreviation.insert(variant)
          if let list = Self.list(section) { self[keyPath: list].insert(variant) }
        }
      case .ordinalFollowers, .ordinalPreceders, .sentenceStarters:
        guard !entry.contains(where: { $0.isWhitespace }) else {
          throw RulesError(source: source, line: lineNumber, message: "one word per line: '\(entry)'")
        }
        for variant in Self.caseVariants(entry) {
          if let list = Self.list(section) { self[keyPath: list].insert(variant) }
        }
      case .terminators, .unspacedTerminators:
        let scalars = Array(entry.unicodeScalars)
        guard scalars.count == 1, let scalar = scalars.first else {
          throw RulesError(source: source, line: lineNumber, message: "one character per line: '\(entry)'")
        }
        if section == .terminators { terminators.insert(scalar) } else { unspacedTerminators.insert(scalar) }
      }
    }
  }

  /// Adds a list entry written in ASCII straight from its bytes, with the same result as the general
  /// path below (which works on characters and is several times slower at start-up). Returns `false`,
  /// adding nothing, for lines it leaves to that path: non-ASCII text, section headers, settings,
  /// terminators and lines that are errors.
  private mutating func addASCIIEntry(_ line: UnsafeBufferPointer<UInt8>, section: Section) -> Bool {
    @inline(__always) func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }
    var start = 0, end = line.count
    while start < end, isSpace(line[start]) { start += 1 }
    while end > start, isSpace(line[end - 1]) { end -= 1 }
    if start == end { return true }
    let entry = UnsafeBufferPointer(rebasing: line[start..<end])
    guard !entry.contains(where: { $0 >= 0x80 }), !(entry.first == 0x5B && entry.last == 0x5D) else { return false }
    switch section {
    case .abbreviations, .sentenceEndAbbreviations, .titles, .numberAbbreviations:
      guard entry.last == 0x2E else { return false }
      let key = entry.filter { !isSpace($0) }
      longestAbbreviationPiece = max(longestAbbreviationPiece, key.count)
      for variant in Self.caseVariants(ascii: key) {
        variant.withUnsafeBufferPointer { variant in
          for index in 0..<(variant.count - 1) where variant[index] == 0x2E {
            let prefix = UnsafeBufferPointer(rebasing: variant[0...index])
            abbreviationPrefixes.insert(prefix)
            anyAbbreviation.insert(prefix)
          }
          anyAbbreviation.insert(variant)
          if let list = Self.list(section) { self[keyPath: list].insert(variant) }
        }
      }
      return true
    case .ordinalFollowers, .ordinalPreceders, .sentenceStarters:
      guard !entry.contains(where: isSpace) else { return false }
      for variant in Self.caseVariants(ascii: Array(entry)) {
        variant.withUnsafeBufferPointer { variant in
          if let list = Self.list(section) { _ = self[keyPath: list].insert(variant) }
        }
      }
      return true
    case .settings, .terminators, .unspacedTerminators:
      return false
    }
  }

  /// ``caseVariants(_:)`` of an ASCII word.
  static func caseVariants(ascii word: [UInt8]) -> [[UInt8]] {
    guard let first = word.first, first >= 0x61 && first <= 0x7A else { return [word] }
    var capitalized = word
    capitalized[0] = first - 0x20
    return [word, capitalized]
  }

  /// The lookup key of an abbreviation: without spaces (of any kind).
  static func abbreviationKey(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: { $0.properties.isWhitespace }) else { return text }
    return String(String.UnicodeScalarView(text.unicodeScalars.filter { !$0.properties.isWhitespace }))
  }

  /// `text` without leading and trailing white space.
  static func trimmed(_ text: Substring) -> String {
    let scalars = text.unicodeScalars
    guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
      let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
    else { return "" }
    return String(scalars[first...last])
  }

  /// The word, and with a capital first letter when it starts lowercase.
  static func caseVariants(_ word: String) -> [String] {
    guard let first = word.first, first.isLowercase else { return [word] }
    return [word, first.uppercased() + word.dropFirst()]
  }
}

/// A problem in a rules file, with its location.
public struct RulesError: Error, Sendable, CustomStringConvertible {
  public let source: String
  public let line: Int?
  public let message: String

  public var description: String { line.map { "\(source):\($0): \(message)" } ?? "\(source): \(message)" }
}
