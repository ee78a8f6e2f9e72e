import ICU

/// Segmentation rules in SRX 2.0, the translation industry's exchange format (also reads SRX 1.0 map
/// rules): named language rules holding ordered break and exception rules, and map rules that choose
/// language rules by a language-code pattern.
///
/// ```swift
/// let srx = try SRXRules(parsing: xml)
/// let segmenter = try SentenceSegmenter(srx: srx, language: "de")
/// ```
///
/// Semantics (as in CAT tools): at each position between characters, the rules that apply to the
/// language are tried in order; the first whose `beforebreak` pattern matches the text ending there
/// and whose `afterbreak` pattern matches the text starting there decides: `break="yes"` breaks,
/// `break="no"` does not. A position no rule matches is not a break. With `cascade="yes"` the rules of
/// every matching map entry apply, in map order; with `cascade="no"` only those of the first match.
/// Patterns are ICU regular expressions (Java-like syntax). Language patterns are matched against the
/// whole language code, ignoring case.
public struct SRXRules: Sendable {
  /// One break or exception rule.
  public struct Rule: Sendable, Hashable {
    /// `true` for a break rule, `false` for an exception (no-break) rule.
    public var isBreak: Bool
    /// The pattern the text before the break must match (ending there), or empty.
    public var beforeBreak: String
    /// The pattern the text after the break must match (starting there), or empty.
    public var afterBreak: String
    /// The line of the rule in its file.
    public var line: Int

    public init(isBreak: Bool, beforeBreak: String, afterBreak: String, line: Int = 0) {
      self.isBreak = isBreak
      self.beforeBreak = beforeBreak
      self.afterBreak = afterBreak
      self.line = line
    }
  }

  /// A map entry: language codes matching `pattern` use the language rules called `ruleName`.
  public struct LanguageMap: Sendable, Hashable {
    public var pattern: String
    public var ruleName: String
  }

  /// Whether the rules of every matching map entry apply (`true`) or only the first (`false`).
  public var cascade: Bool
  /// Language rules by name.
  public var languageRules: [String: [Rule]]
  /// Map entries, in order.
  public var maps: [LanguageMap]

  public init(cascade: Bool, languageRules: [String: [Rule]], maps: [LanguageMap]) {
    self.cascade = cascade
    self.languageRules = languageRules
    self.maps = maps
  }

  /// Reads an SRX document; `source` names it in errors.
  public init(parsing text: String, source: String = "<srx>") throws(SRXError) {
    let root: XMLElement
    do {
      root = try XMLReader.parse(text)
    } catch {
      throw SRXError(source: source, line: error.line, message: "\(error.column): \(error.message)")
    }
    guard root.name == "srx" else { throw SRXError(source: source, line: root.line, message: "root element is <\(root.name)>, not <srx>") }
    guard let body = root.element("body") else { throw SRXError(source: source, line: root.line, message: "missing <body>") }
    let cascadeValue = root.element("header")?.attributes["cascade"] ?? "no"
    cascade = cascadeValue == "yes"
    var rulesByName: [String: [Rule]] = [:]
    for group in body.elements("languagerules") {
      for languageRule in group.elements("languagerule") {
        guard let name = languageRule.attributes["languagerulename"] else {
          throw SRXError(source: source, line: languageRule.line, message: "<languagerule> without languagerulename")
        }
        var rules: [Rule] = []
        for rule in languageRule.elements("rule") {
          let breakValue = rule.attributes["break"] ?? "yes"
          guard breakValue == "yes" || breakValue == "no" else {
            throw SRXError(source: source, line: rule.line, message: "break must be yes or no, not \(breakValue)")
          }
          rules.append(Rule(
            isBreak: breakValue == "yes", beforeBreak: rule.element("beforebreak")?.text ?? "",
            afterBreak: rule.element("afterbreak")?.text ?? "", line: rule.line))
        }
        rulesByName[name, default: []].append(contentsOf: rules)
      }
    }
    var maps: [LanguageMap] = []
    for group in body.elements("maprules") {
      // SRX 2.0: <languagemap> directly; SRX 1.0: inside <maprule>.
      let entries = group.elements("languagemap") + group.elements("maprule").flatMap { $0.elements("languagemap") }
      for entry in entries {
        guard let pattern = entry.attributes["languagepattern"], let name = entry.attributes["languagerulename"] else {
          throw SRXError(source: source, line: entry.line, message: "<languagemap> needs languagepattern and languagerulename")
        }
        guard rulesByName[name] != nil else {
          throw SRXError(source: source, line: entry.line, message: "no <languagerule> called \"\(name)\"")
        }
        maps.append(LanguageMap(pattern: pattern, ruleName: name))
      }
    }
    languageRules = rulesByName
    self.maps = maps
  }

  /// Reads an SRX file.
  public init(contentsOf path: String) throws(SRXError) {
    let text: String
    switch readUTF8File(path) {
    case .success(let read): text = read
    case .failure(let error): throw SRXError(source: path, line: nil, message: "cannot read SRX file: \(error.reason)")
    }
    try self.init(parsing: text, source: path)
  }

  /// The rules that apply to `language`, in order.
  public func rules(for language: String) throws -> [Rule] {
    var result: [Rule] = []
    for map in maps {
      let regex: RegularExpression
      do {
        regex = try RegularExpression(map.pattern, caseInsensitive: true)
      } catch {
        throw SRXError(source: "<srx>", line: nil, message: "bad languagepattern \"\(map.pattern)\": \(error)")
      }
      if try regex.matchesWhole(language) {
        result += languageRules[map.ruleName] ?? []
        if !cascade { break }
      }
    }
    return result
  }
}

/// A problem in an SRX file, with its location.
public struct SRXError: Error, Sendable, CustomStringConvertible {
  public let source: String
  public let line: Int?
  public let message: String
  public var description: String { line.map { "\(source):\($0): \(message)" } ?? "\(source): \(message)" }
}

/// Finds break positions with SRX rules. Regexes are compiled per task (ICU regexes are not
/// thread-safe) and kept in a pool.
struct SRXBreaker: Sendable {
  let rules: [SRXRules.Rule]
  private let pool: HandlePool<[RegularExpression?]>

  init(srx: SRXRules, language: String) throws {
    let rules = try srx.rules(for: language)
    self.rules = rules
    let make: @Sendable () throws -> [RegularExpression?] = {
      try rules.map { rule in
        guard let pattern = Self.pattern(rule) else { return nil }
        do {
          return try RegularExpression(pattern)
        } catch {
          throw SRXError(source: "<srx>", line: rule.line, message: "\(error)")
        }
      }
    }
    _ = try make()
    self.pool = HandlePool(make: make)
  }

  /// One pattern for a rule: `before` followed by a look-ahead for `after`; its match ends at the break.
  static func pattern(_ rule: SRXRules.Rule) -> String? {
    switch (rule.beforeBreak.isEmpty, rule.afterBreak.isEmpty) {
    case (true, true): nil
    case (false, true): "(?:\(rule.beforeBreak))"
    case (true, false): "(?=(?:\(rule.afterBreak)))"
    case (false, false): "(?:\(rule.beforeBreak))(?=(?:\(rule.afterBreak)))"
    }
  }

  /// Break positions (UTF-8 offsets), ascending.
  func boundaries(in utf8: UnsafeBufferPointer<UInt8>) throws -> [Int] {
    var decided: [Int: Bool] = [:]
    let n = utf8.count
    try pool.withHandle { regexes in
      for (index, regex) in regexes.enumerated() {
        guard let regex else { continue }
        let isBreak = rules[index].isBreak
        try regex.withMatcher(over: utf8) { matcher in
          var from = 0
          while from <= n, let match = try matcher.firstMatch(from: from) {
            let position = match.upperBound
            if position > 0 && position < n && decided[position] == nil { decided[position] = isBreak }
            // Every start position: rules may match overlapping text.
            var next = match.lowerBound + 1
            while next < n, utf8[next] & 0xC0 == 0x80 { next += 1 }
            from = next
          }
        }
      }
    }
    return decided.compactMap { $0.value ? $0.key : nil }.sorted()
  }
}
