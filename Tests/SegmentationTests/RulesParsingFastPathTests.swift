import Testing
@testable import Segmentation

/// ASCII entries of a rules file are added straight from their bytes; the result must be the same as
/// with the general, character-based path, entry for entry and in the same order.
@Suite struct RulesParsingFastPathTests {
  static func summary(_ rules: SentenceRules) -> [String] {
    [
      rules.abbreviations.words, rules.sentenceEndAbbreviations.words, rules.numberAbbreviations.words,
      rules.titles.words, rules.abbreviationPrefixes.words, rules.anyAbbreviation.words,
      rules.ordinalFollowers.words, rules.ordinalPreceders.words, rules.sentenceStarters.words,
    ].map { $0.joined(separator: "|") } + [
      "\(rules.longestAbbreviationPiece)", "\(rules.ordinalDot)", "\(rules.terminators.sorted { $0.value < $1.value })",
      "\(rules.unspacedTerminators.sorted { $0.value < $1.value })",
    ]
  }

  @Test(arguments: SentenceRules.builtInLanguages)
  func shippedRulesParseTheSame(language: String) throws {
    let text = String(decoding: try #require(SentenceRules.shippedRulesText(for: language)), as: UTF8.self)
    let fast = try SentenceRules(parsing: text, asciiFastPath: true)
    let slow = try SentenceRules(parsing: text, asciiFastPath: false)
    #expect(Self.summary(fast) == Self.summary(slow))
    #expect(fast.abbreviations.count > 0 || language == "ja" || language == "zh")
  }

  @Test func spacingCaseAndCommentsParseTheSame() throws {
    let text = """
      # comment
      [abbreviations]
        z. B.   # spaces inside and around
      \tu.\ta.\t
      i.d.R.
      ca.
      Nr.x.
      [sentence-end-abbreviations]
      usw.
      e. V.
      [titles]
      dr.
      Prof.
      [number-abbreviations]
      no.
      [ordinal-followers]
      april
      Jahrhundert
      [ordinal-preceders]
      am
      [sentence-starters]
      der
      Die
      [terminators]
      ؟
      [abbreviations]
      südl.
      u. ä.
      """
    let fast = try SentenceRules(parsing: text, asciiFastPath: true)
    let slow = try SentenceRules(parsing: text, asciiFastPath: false)
    #expect(Self.summary(fast) == Self.summary(slow))
    #expect(fast.abbreviations.contains("Z.B."))
    #expect(fast.abbreviationPrefixes.contains("i.d."))
  }

  @Test func errorsAreTheSame() {
    for text in ["[abbreviations]\nusw\n", "ca.\n", "[sentence-starters]\nder die\n", "[abbreviations]\n[x]\n"] {
      var messages: [String] = []
      for fastPath in [true, false] {
        do {
          _ = try SentenceRules(parsing: text, source: "t.rules", asciiFastPath: fastPath)
          messages.append("no error")
        } catch {
          messages.append(error.description)
        }
      }
      #expect(messages[0] == messages[1], "\(text.debugDescription)")
      #expect(messages[0] != "no error", "\(text.debugDescription)")
    }
  }
}
