/// A compiled subset of ICU transliteration rule syntax that rewrites a word natively, without an ICU
/// call: the match-key rule files use only this subset, and running them natively is what keeps ICU out
/// of the per-word hot path.
///
/// Supported: conversion rules `before { key } after > output;` with literal characters, `\uXXXX`
/// escapes, quoted literals, simple sets (`[aeiou]`, `[^a-z]`, ranges), variables (`$vowel = [aeiou];`),
/// a `+` after a set, the anchors `^` and `$`, `#` comments, passes separated by `::Null;`, and a leading
/// `::Lower;` (reported as ``lowercasesFirst``; the caller lowercases). Anything else (`::NFD;`, property
/// sets, cursors, segments, reverse rules) makes ``init(_:)`` throw ``Unsupported``, and the caller keeps
/// using ICU for those rules.
///
/// Semantics follow ICU's rule-based transliterator: in each pass the cursor walks the text; at each
/// position the first rule (in file order) whose before-context matches the text already rewritten and
/// whose key and after-context match the text ahead replaces its key; the cursor then moves past the
/// replacement, or by one character when no rule matches. A set with `+` matches greedily, as ICU's
/// quantifier does.
///
/// ```swift
/// let rules = try RewriteRules("ou > u; ine } $ > in;")
/// var word: [UInt32] = "khabour".unicodeScalars.map(\.value)
/// rules.rewrite(&word)          // "khabur"
/// ```
struct RewriteRules: Sendable {
  /// The rule text uses syntax outside the supported subset.
  struct Unsupported: Error, CustomStringConvertible {
    var description: String
  }

  private var passes: [Pass]
  /// Whether the rule text starts with `::Lower;`.
  private(set) var lowercasesFirst = false

  init(_ text: String) throws(Unsupported) {
    var parser = Parser(Array(text.unicodeScalars.map(\.value)))
    try parser.parse()
    passes = parser.passes.filter { !$0.isEmpty }.map(Pass.init)
    lowercasesFirst = parser.lowercasesFirst
  }

  /// The passes of several rule texts run one after the other (each text's passes in order).
  init(concatenating texts: [String]) throws(Unsupported) {
    passes = []
    for text in texts {
      let part = try RewriteRules(text)
      guard !part.lowercasesFirst else { throw Unsupported(description: "::Lower; inside a concatenation") }
      passes += part.passes
    }
  }

  /// Rewrites `text` in place. `scratch` is a buffer the caller may reuse between calls.
  func rewrite(_ text: inout [UInt32], scratch: inout [UInt32]) {
    for pass in passes {
      pass.run(text, into: &scratch)
      swap(&text, &scratch)
    }
  }

  /// Rewrites `text` in place.
  func rewrite(_ text: inout [UInt32]) {
    var scratch: [UInt32] = []
    rewrite(&text, scratch: &scratch)
  }
}

// MARK: - Patterns

/// A set of code points: ASCII as a bitmap, the rest as ranges.
struct ScalarSet: Sendable {
  private var low: UInt64 = 0
  private var high: UInt64 = 0
  private var ranges: [ClosedRange<UInt32>] = []
  private var negated = false

  init(ranges allRanges: [ClosedRange<UInt32>], negated: Bool) {
    self.negated = negated
    for range in allRanges {
      if range.lowerBound < 128 {
        for scalar in range.lowerBound...min(range.upperBound, 127) {
          if scalar < 64 { low |= 1 << UInt64(scalar) } else { high |= 1 << UInt64(scalar - 64) }
        }
      }
      if range.upperBound >= 128 { ranges.append(max(range.lowerBound, 128)...range.upperBound) }
    }
  }

  @inline(__always)
  func contains(_ scalar: UInt32) -> Bool {
    let member: Bool
    if scalar < 64 {
      member = low & (1 << UInt64(scalar)) != 0
    } else if scalar < 128 {
      member = high & (1 << UInt64(scalar - 64)) != 0
    } else {
      member = ranges.contains { $0.contains(scalar) }
    }
    return member != negated
  }

  /// Whether some code point at or above 128 is a member.
  var reachesBeyondASCII: Bool { negated || !ranges.isEmpty }
}

/// One step of a pattern: a literal code point, or a set (once, or one or more times).
enum PatternElement: Sendable {
  case scalar(UInt32)
  case set(ScalarSet, repeated: Bool)

  @inline(__always)
  func matches(_ scalar: UInt32) -> Bool {
    switch self {
    case .scalar(let own): return own == scalar
    case .set(let set, _): return set.contains(scalar)
    }
  }
}

/// One conversion rule.
struct RewriteRule: Sendable {
  var before: [PatternElement] = []
  var anchoredAtStart = false
  var key: [PatternElement] = []
  var after: [PatternElement] = []
  var anchoredAtEnd = false
  var output: [UInt32] = []

  /// Where the key ends if the rule applies at `position` of `input`, with `done` the text already
  /// rewritten in this pass.
  @inline(__always)
  func match(_ input: [UInt32], at position: Int, done: [UInt32]) -> Int? {
    guard let keyEnd = Self.matchForward(key, input, from: position) else { return nil }
    guard let afterEnd = Self.matchForward(after, input, from: keyEnd) else { return nil }
    if anchoredAtEnd && afterEnd != input.count { return nil }
    var back = done.count
    for element in before.reversed() {
      guard back > 0, element.matches(done[back - 1]) else { return nil }
      back -= 1
    }
    if anchoredAtStart && back != 0 { return nil }
    return keyEnd
  }

  @inline(__always)
  private static func matchForward(_ pattern: [PatternElement], _ input: [UInt32], from start: Int) -> Int? {
    var position = start
    for element in pattern {
      guard position < input.count, element.matches(input[position]) else { return nil }
      position += 1
      if case .set(let set, true) = element {
        while position < input.count, set.contains(input[position]) { position += 1 }
      }
    }
    return position
  }
}

/// The rules of one pass, indexed by the first code point their key can start with.
private struct Pass: Sendable {
  let rules: [RewriteRule]
  /// For each ASCII code point, the rules (in order) whose key can start with it.
  private let asciiCandidates: [[Int]]
  /// The rules (in order) whose key can start with a code point above ASCII.
  private let otherCandidates: [Int]

  init(_ rules: [RewriteRule]) {
    self.rules = rules
    var ascii = [[Int]](repeating: [], count: 128)
    var other: [Int] = []
    for (number, rule) in rules.enumerated() {
      switch rule.key[0] {
      case .scalar(let scalar):
        if scalar < 128 { ascii[Int(scalar)].append(number) } else { other.append(number) }
      case .set(let set, _):
        for scalar in 0..<128 where set.contains(UInt32(scalar)) { ascii[scalar].append(number) }
        if set.reachesBeyondASCII { other.append(number) }
      }
    }
    self.asciiCandidates = ascii
    self.otherCandidates = other
  }

  func run(_ input: [UInt32], into output: inout [UInt32]) {
    output.removeAll(keepingCapacity: true)
    var position = 0
    scan: while position < input.count {
      let scalar = input[position]
      let candidates = scalar < 128 ? asciiCandidates[Int(scalar)] : otherCandidates
      for number in candidates {
        if let end = rules[number].match(input, at: position, done: output) {
          output.append(contentsOf: rules[number].output)
          position = end
          continue scan
        }
      }
      output.append(scalar)
      position += 1
    }
  }
}

// MARK: - Parsing

private struct Parser {
  private let text: [UInt32]
  private var position = 0
  private var variables: [String: [PatternElement]] = [:]
  private var current: [RewriteRule] = []
  private(set) var passes: [[RewriteRule]] = []
  private(set) var lowercasesFirst = false
  private var sawStatement = false

  init(_ text: [UInt32]) { self.text = text }

  private func unsupported(_ what: String) -> RewriteRules.Unsupported {
    RewriteRules.Unsupported(description: "\(what) at offset \(position)")
  }

  private var atEnd: Bool { position >= text.count }
  private var peek: UInt32? { atEnd ? nil : text[position] }

  private static func isWhite(_ scalar: UInt32) -> Bool {
    scalar == 0x20 || scalar == 0x09 || scalar == 0x0A || scalar == 0x0D || scalar == 0x0C || scalar == 0x200E
      || scalar == 0x200F || scalar == 0x85 || scalar == 0x2028 || scalar == 0x2029
  }

  private static func isIdentifier(_ scalar: UInt32) -> Bool {
    (scalar >= 0x41 && scalar <= 0x5A) || (scalar >= 0x61 && scalar <= 0x7A) || (scalar >= 0x30 && scalar <= 0x39)
      || scalar == 0x5F
  }

  /// Skips white space and `#` comments.
  private mutating func skipSpace() {
    while let scalar = peek {
      if Self.isWhite(scalar) {
        position += 1
      } else if scalar == 0x23 {
        while let next = peek, next != 0x0A, next != 0x0D { position += 1 }
      } else {
        return
      }
    }
  }

  mutating func parse() throws(RewriteRules.Unsupported) {
    while true {
      skipSpace()
      guard let scalar = peek else { break }
      if scalar == 0x3A, position + 1 < text.count, text[position + 1] == 0x3A {
        try parseTransform()
      } else if scalar == 0x24, position + 1 < text.count, Self.isIdentifier(text[position + 1]),
        isVariableDefinition()
      {
        try parseVariable()
      } else {
        try parseRule()
      }
      sawStatement = true
    }
    passes.append(current)
  }

  private mutating func parseTransform() throws(RewriteRules.Unsupported) {
    position += 2
    var name = ""
    while let scalar = peek, scalar != 0x3B {
      if !Self.isWhite(scalar), let unicode = Unicode.Scalar(scalar) { name.unicodeScalars.append(unicode) }
      position += 1
    }
    guard peek == 0x3B else { throw unsupported("unterminated ::") }
    position += 1
    switch name {
    case "Null":
      passes.append(current)
      current = []
    case "Lower" where !sawStatement, "Any-Lower" where !sawStatement:
      lowercasesFirst = true
    default:
      throw unsupported("transform ::\(name)")
    }
  }

  /// Whether the `$name` at the cursor is followed by `=`.
  private func isVariableDefinition() -> Bool {
    var look = position + 1
    while look < text.count, Self.isIdentifier(text[look]) { look += 1 }
    while look < text.count, Self.isWhite(text[look]) { look += 1 }
    return look < text.count && text[look] == 0x3D
  }

  private mutating func parseVariable() throws(RewriteRules.Unsupported) {
    position += 1
    let name = readIdentifier()
    skipSpace()
    position += 1  // "="
    var elements: [PatternElement] = []
    while true {
      skipSpace()
      guard let scalar = peek else { throw unsupported("unterminated variable $\(name)") }
      if scalar == 0x3B { position += 1; break }
      elements += try parseElements()
    }
    variables[name] = elements
  }

  private mutating func readIdentifier() -> String {
    var name = ""
    while let scalar = peek, Self.isIdentifier(scalar) {
      name.unicodeScalars.append(Unicode.Scalar(UInt8(scalar)))
      position += 1
    }
    return name
  }

  private mutating func parseRule() throws(RewriteRules.Unsupported) {
    var rule = RewriteRule()
    var section: [PatternElement] = []
    var sawOpen = false, sawClose = false
    var startAnchor = false, endAnchor = false
    pattern: while true {
      skipSpace()
      guard let scalar = peek else { throw unsupported("rule without '>'") }
      switch scalar {
      case 0x3E:  // >
        position += 1
        break pattern
      case 0x3C, 0x2192, 0x2190, 0x2194:
        throw unsupported("reverse or two-way rule")
      case 0x7B:  // {
        guard !sawOpen, !sawClose, !endAnchor else { throw unsupported("misplaced '{'") }
        position += 1
        rule.before = section
        section = []
        sawOpen = true
      case 0x7D:  // }
        guard !sawClose, !endAnchor else { throw unsupported("misplaced '}'") }
        position += 1
        rule.key = section
        section = []
        sawClose = true
      case 0x5E:  // ^
        guard section.isEmpty, !sawClose, !(sawOpen && !rule.before.isEmpty), !startAnchor else {
          throw unsupported("misplaced '^'")
        }
        position += 1
        startAnchor = true
      case 0x24 where position + 1 >= text.count || !Self.isIdentifier(text[position + 1]):  // $ anchor
        position += 1
        endAnchor = true
      default:
        guard !endAnchor else { throw unsupported("text after '$'") }
        section += try parseElements()
      }
    }
    if sawClose { rule.after = section } else { rule.key = section }
    rule.anchoredAtStart = startAnchor
    rule.anchoredAtEnd = endAnchor
    guard !rule.key.isEmpty else { throw unsupported("rule with an empty key") }
    if rule.before.contains(where: { if case .set(_, true) = $0 { true } else { false } }) {
      throw unsupported("'+' in a before-context")
    }
    while true {
      skipSpace()
      guard let scalar = peek else { throw unsupported("rule without ';'") }
      if scalar == 0x3B { position += 1; break }
      for element in try parseElements() {
        guard case .scalar(let literal) = element else { throw unsupported("set in an output") }
        rule.output.append(literal)
      }
    }
    current.append(rule)
  }

  /// One literal, quoted string, escape, set or variable, with a `+` after a set.
  private mutating func parseElements() throws(RewriteRules.Unsupported) -> [PatternElement] {
    guard let scalar = peek else { throw unsupported("unexpected end") }
    var elements: [PatternElement]
    switch scalar {
    case 0x5B:  // [
      elements = [.set(try parseSet(), repeated: false)]
    case 0x27:  // '
      position += 1
      elements = []
      if peek == 0x27 {
        position += 1
        elements.append(.scalar(0x27))
      } else {
        while true {
          guard let next = peek else { throw unsupported("unterminated quote") }
          position += 1
          if next == 0x27 {
            if peek == 0x27 { position += 1; elements.append(.scalar(0x27)) } else { break }
          } else {
            elements.append(.scalar(next))
          }
        }
      }
    case 0x5C:  // backslash
      elements = [.scalar(try parseEscape())]
    case 0x24:  // $name
      position += 1
      let name = readIdentifier()
      guard let value = variables[name] else { throw unsupported("undefined variable $\(name)") }
      elements = value
    case 0x7C, 0x28, 0x29, 0x26, 0x40, 0x2E, 0x2A, 0x3F, 0x2B, 0x3D, 0x3A, 0x7E, 0x25:
      throw unsupported("syntax '\(Unicode.Scalar(scalar).map { String($0) } ?? "?")'")
    default:
      position += 1
      elements = [.scalar(scalar)]
    }
    skipSpace()
    if peek == 0x2B {
      guard elements.count == 1, case .set(let set, false) = elements[0] else {
        throw unsupported("'+' after something other than a set")
      }
      position += 1
      elements = [.set(set, repeated: true)]
    } else if peek == 0x2A || peek == 0x3F {
      throw unsupported("quantifier")
    }
    return elements
  }

  private mutating func parseEscape() throws(RewriteRules.Unsupported) -> UInt32 {
    position += 1
    guard let scalar = peek else { throw unsupported("escape at end") }
    position += 1
    guard scalar == 0x75 || scalar == 0x55 || scalar == 0x78 else { return scalar }
    if scalar == 0x78 { throw unsupported("\\x escape") }
    let digits = scalar == 0x75 ? 4 : 8
    var value: UInt32 = 0
    for _ in 0..<digits {
      guard let digit = peek, let number = Self.hexValue(digit) else { throw unsupported("bad \\u escape") }
      value = value * 16 + number
      position += 1
    }
    return value
  }

  private static func hexValue(_ scalar: UInt32) -> UInt32? {
    switch scalar {
    case 0x30...0x39: return scalar - 0x30
    case 0x41...0x46: return scalar - 0x41 + 10
    case 0x61...0x66: return scalar - 0x61 + 10
    default: return nil
    }
  }

  /// A `[...]` of literals, escapes and ranges, optionally negated with `^`.
  private mutating func parseSet() throws(RewriteRules.Unsupported) -> ScalarSet {
    position += 1
    var negated = false
    if peek == 0x5E { negated = true; position += 1 }
    var ranges: [ClosedRange<UInt32>] = []
    var pending: UInt32?
    while true {
      guard let scalar = peek else { throw unsupported("unterminated set") }
      if Self.isWhite(scalar) { position += 1; continue }
      if scalar == 0x5D { position += 1; break }
      let member: UInt32
      switch scalar {
      case 0x5B, 0x24, 0x26, 0x3A, 0x7B, 0x7D:
        throw unsupported("nested set, property or variable in a set")
      case 0x5C:
        member = try parseEscape()
      case 0x2D where pending != nil:
        position += 1
        skipWhiteInSet()
        guard let upperScalar = peek, upperScalar != 0x5D, upperScalar != 0x5B else {
          throw unsupported("open range in a set")
        }
        let upper = upperScalar == 0x5C ? try parseEscape() : { position += 1; return upperScalar }()
        guard let lower = pending, lower <= upper else { throw unsupported("backwards range") }
        ranges.append(lower...upper)
        pending = nil
        continue
      default:
        position += 1
        member = scalar
      }
      if let previous = pending { ranges.append(previous...previous) }
      pending = member
    }
    if let previous = pending { ranges.append(previous...previous) }
    return ScalarSet(ranges: ranges, negated: negated)
  }

  private mutating func skipWhiteInSet() {
    while let scalar = peek, Self.isWhite(scalar) { position += 1 }
  }
}
