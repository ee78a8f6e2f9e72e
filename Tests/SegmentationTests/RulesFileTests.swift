import Testing
import Segmentation

@Suite struct RulesFileTests {
  @Test func userRulesAddToShippedRules() throws {
    let text = "Die Anlage gehört der Fa. Nordwerk GmbH. Sie liegt in Bremen."
    let user = try SentenceRules(parsing: """
      # company abbreviations
      [abbreviations]
      Fa.
      [sentence-end-abbreviations]
      GmbH.
      """)
    let rules = try SentenceRules.builtIn(for: "de").merging(user)
    #expect(try sentences(text, "de", rules: rules) == ["Die Anlage gehört der Fa. Nordwerk GmbH.", "Sie liegt in Bremen."])
  }

  @Test func customTerminatorsAndSettings() throws {
    let rules = try SentenceRules(parsing: "[settings]\nordinal-dot = yes\n[ordinal-followers]\nSitzung\n[terminators]\n¶\n")
    #expect(rules.ordinalDot)
    #expect(rules.terminators.contains("¶"))
  }

  @Test func errorsNameFileAndLine() {
    #expect(throws: RulesError.self) { try SentenceRules(parsing: "[abbreviations]\nusw\n", source: "my.rules") }
    do {
      _ = try SentenceRules(parsing: "[settings]\nordinal-dot = yes\n[colours]\nrot\n", source: "my.rules")
      Issue.record("expected an error")
    } catch {
      #expect(error.description == "my.rules:3: unknown section [colours]")
    }
  }

  @Test func unknownLanguageUsesICUOnly() throws {
    #expect(try sentences("Hon kom hem. Sedan gick hon.", "sv") == ["Hon kom hem.", "Sedan gick hon."])
  }

  @Test func spansAreExactUTF8Offsets() throws {
    let segmenter = try SentenceSegmenter(language: "de")
    let text = "  Ärger in Đà Nẵng.  Dann kam Ruhe.  "
    let spans = try segmenter.sentenceSpans(in: text)
    let bytes = Array(text.utf8)
    #expect(spans.map { String(decoding: bytes[$0.start..<$0.end], as: UTF8.self) } == ["Ärger in Đà Nẵng.", "Dann kam Ruhe."])
  }
}
