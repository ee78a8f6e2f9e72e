import Testing
@testable import Segmentation

/// The rule breaker skips text eight bytes at a time and jumps straight to the first candidate byte;
/// the byte-by-byte scan must find the same boundaries.
@Suite struct RuleScanTests {
  static let news = [
    "Am 13. April 2026 erreichte der Konvoi die Stadt al-Hassake im Nordosten Syriens. Dort warteten bereits Hunderte Familien.",
    "„Wir haben seit drei Tagen kein Wasser“, sagte ein Bewohner. Die Lage sei „katastrophal“, so die UN-Organisation.",
    "Der Vertreter der Bundesregierung, Dr. Anna Müller, kündigte Hilfen i. H. v. 20 Mio. Euro an. Weitere Zusagen folgen.",
    "Im 19. Jahrhundert war die Region Teil des Osmanischen Reiches… Heute leben dort u. a. Kurden, Araber und Assyrer.",
    "Wie geht es weiter? Niemand weiß es! Die Gespräche in Genf (Schweiz) wurden vertagt. Nächste Runde: 2. Mai.",
    "Nach Angaben des Ministeriums (s. Tab. 3) stieg die Zahl der Flüchtlinge um ca. 12 Prozent – so stark wie nie.",
    "Ludwig XIV. regierte 72 Jahre. Er starb 1715 in Versailles. Die U.S. Army meldete am Montag neue Angriffe.",
    "Die Organisation (gegr. 1948) hat ihren Sitz in Wien. Sie arbeitet mit Partnern in über 40 Ländern zusammen.",
    "Er sagte: „Das ist nicht akzeptabel.“ Danach verließ er den Saal. Die Sitzung wurde um 14.30 Uhr unterbrochen.",
    "Mehr Informationen unter www.example.org. Die Anmeldung ist bis zum 1. Juni möglich!!! Fragen?! Bitte melden.",
  ]

  static func breakers(_ language: String) throws -> (RuleBreaker, RuleBreaker) {
    let rules = try SentenceRules.builtIn(for: language)
    return (RuleBreaker(rules: rules, joinLines: false), RuleBreaker(rules: rules, joinLines: false, wordwiseScan: false))
  }

  @Test func newsSentencesGiveTheSameBoundaries() throws {
    let (fast, slow) = try Self.breakers("de")
    // Every sentence alone, and all of them as one paragraph at each shift of its start.
    var texts = Self.news
    let paragraph = Self.news.joined(separator: " ")
    for shift in 0..<9 { texts.append(String(repeating: "x", count: shift) + paragraph) }
    for text in texts {
      var copy = text
      copy.withUTF8 { utf8 in
        #expect(fast.boundaries(in: utf8) == slow.boundaries(in: utf8), "\(text)")
      }
    }
    var copy = Self.news[0]
    #expect(copy.withUTF8 { fast.boundaries(in: $0) }.count == 1)
  }

  @Test(arguments: ["de", "en", "fr", "zh", "ar"])
  func randomTextsGiveTheSameBoundaries(language: String) throws {
    let (fast, slow) = try Self.breakers(language)
    var generator = SplitMix(seed: UInt64(language.utf8.reduce(5) { $0 &* 37 &+ Int($1) }))
    let pieces = RobustnessTests.pieces + Self.news
    for _ in 0..<300 {
      var text = ""
      for _ in 0..<Int(generator.next() % 30) { text += pieces[Int(generator.next() % UInt64(pieces.count))] }
      var copy = text
      copy.withUTF8 { utf8 in
        #expect(fast.boundaries(in: utf8) == slow.boundaries(in: utf8), "\(text.debugDescription)")
      }
    }
  }

  @Test func terminatorBytesMarksTheFirstCandidateExactly() throws {
    let (fast, _) = try Self.breakers("de")
    let candidates: Set<UInt8> = [0x2E, 0x21, 0x3F, 0xE2]
    var generator = SplitMix(seed: 99)
    let alphabet: [UInt8] = [0x2E, 0x21, 0x3F, 0xE2, 0x2D, 0x2F, 0x20, 0x41, 0x61, 0xC3, 0xA4, 0xE1, 0xE3, 0x00, 0xFF, 0x2E ^ 0x80]
    for _ in 0..<20000 {
      var bytes: [UInt8] = []
      for _ in 0..<8 { bytes.append(alphabet[Int(generator.next() % UInt64(alphabet.count))]) }
      let word = bytes.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(as: UInt64.self)) }
      let found = fast.terminatorBytes(word)
      let first = bytes.firstIndex { candidates.contains($0) }
      #expect((found == 0) == (first == nil), "\(bytes)")
      if let first { #expect(found.trailingZeroBitCount >> 3 == first, "\(bytes)") }
    }
  }
}

/// The tokenizer tells punctuation from other tokens by a byte test for ASCII; it must agree with the
/// general categories for every ASCII character.
@Suite struct PunctuationTests {
  @Test func asciiAgreesWithGeneralCategories() {
    for value in 0..<0x80 {
      let scalar = Unicode.Scalar(UInt8(value))
      let expected: Bool
      switch scalar.properties.generalCategory {
      case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
        .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
        expected = true
      default:
        expected = false
      }
      var text = String(Character(scalar)) + "x"
      #expect(text.withUTF8 { isPunctuation($0, 0) } == expected, "U+\(String(value, radix: 16))")
    }
  }
}

/// `needsICU` jumps over Latin text eight bytes at a time; it must answer as a scalar-by-scalar scan
/// does.
@Suite struct NeedsICUScanTests {
  /// The scalar-by-scalar definition: a paragraph separator other than a line break, U+2024, or a
  /// sentence terminator the rules do not decide on.
  static func reference(_ breaker: RuleBreaker, _ text: String) -> Bool {
    text.unicodeScalars.contains { scalar in
      [0x85, 0x2024, 0x2028, 0x2029].contains(scalar.value)
        || (scalar.properties.isSentenceTerminal && !breaker.isTerminator(scalar.value))
    }
  }

  @Test func everyScalarInLatinText() throws {
    let breaker = RuleBreaker(rules: try SentenceRules.builtIn(for: "de"), joinLines: false)
    for value in UInt32(0x80)..<0x3100 {
      guard let scalar = Unicode.Scalar(value) else { continue }
      for text in ["Straße in Köln " + String(scalar), String(scalar) + "x", "Ärger über „Müll“ – " + String(scalar) + " Ende."] {
        var copy = text
        #expect(copy.withUTF8 { breaker.needsICU($0) } == Self.reference(breaker, text), "U+\(String(value, radix: 16))")
      }
    }
  }

  @Test(arguments: ["de", "ar", "zh"])
  func randomTexts(language: String) throws {
    let breaker = RuleBreaker(rules: try SentenceRules.builtIn(for: language), joinLines: false)
    var generator = SplitMix(seed: 17)
    let pieces = RobustnessTests.pieces + RuleScanTests.news + ["\u{2029}", "\u{0085}", "\u{2024}", "।", "։", "።", "\u{037E}", "Ɛ", "ɏ"]
    for _ in 0..<500 {
      var text = ""
      for _ in 0..<Int(generator.next() % 12) { text += pieces[Int(generator.next() % UInt64(pieces.count))] }
      var copy = text
      #expect(copy.withUTF8 { breaker.needsICU($0) } == Self.reference(breaker, text), "\(text.debugDescription)")
    }
  }

  @Test func leadsToCheckMarksTheFirstLeadExactly() throws {
    let breaker = RuleBreaker(rules: try SentenceRules.builtIn(for: "de"), joinLines: false)
    var generator = SplitMix(seed: 7)
    let alphabet: [UInt8] = [0x41, 0x80, 0xBF, 0xC2, 0xC3, 0xC9, 0xCA, 0xCB, 0xD8, 0xE2, 0xE3, 0xF0, 0x00, 0x7F, 0x42, 0x43]
    for _ in 0..<20000 {
      var bytes: [UInt8] = []
      for _ in 0..<8 { bytes.append(alphabet[Int(generator.next() % UInt64(alphabet.count))]) }
      let word = bytes.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(as: UInt64.self)) }
      let found = breaker.leadsToCheck(word)
      let first = bytes.firstIndex { $0 == 0xC2 || $0 >= 0xCA }
      #expect((found == 0) == (first == nil), "\(bytes)")
      if let first { #expect(found.trailingZeroBitCount >> 3 == first, "\(bytes)") }
    }
  }
}
