import GlossaCore
import GlossaTestSupport
import Normalization
import Testing

@Suite struct UnicodeNormalizationTests {
  @Test func nfcComposesAndMapsBack() throws {
    let input = "Kämpfe bei H\u{0323}ims\u{0323} und in Dayr az-Zawr"
    let (document, _) = try UnicodeNormalization(.nfc).run(Document(input))
    #expect(document.text == "Kämpfe bei \u{1E24}im\u{1E63} und in Dayr az-Zawr")
    let city = try #require(span(of: "\u{1E24}im\u{1E63}", in: document.text))
    #expect(document.originalText(of: city) == "H\u{0323}ims\u{0323}")
    checkSpans(document)
  }

  @Test func normalizedTextPassesUnchanged() throws {
    let input = "Die Wüste westlich von Deir Ezzor."
    let (document, _) = try UnicodeNormalization(.nfc).run(Document(input))
    #expect(document.offsets.isIdentity)
    #expect(document.text == input)
  }

  @Test func nfkcCasefoldFoldsForMatching() throws {
    let (document, _) = try UnicodeNormalization(.nfkcCasefold).run(Document("AL-HASSAKE ﬁel"))
    #expect(document.text == "al-hassake fiel")
  }
}

@Suite struct PunctuationNormalizationTests {
  @Test func transliterationMarksBecomeOneApostrophe() throws {
    let input = "Raʾs al-ʿAyn, Raʼs al‘Ayn und Ra’s al`Ayn"
    let (document, _) = try PunctuationNormalization().run(Document(input))
    #expect(document.text == "Ra's al-'Ayn, Ra's al'Ayn und Ra's al'Ayn")
    checkSpans(document)
  }

  @Test func quotesDashesAndSpaces() throws {
    let input = "„Wir bleiben“, sagte er – trotz\u{00A0}der Angriffe\u{202F}auf »Tal\u{2011}Tamar« und ‚Hasaka‘."
    let (document, _) = try PunctuationNormalization().run(Document(input))
    #expect(document.text == "\"Wir bleiben\", sagte er - trotz der Angriffe auf \"Tal-Tamar\" und 'Hasaka'.")
    let tamar = try #require(span(of: "Tal-Tamar", in: document.text))
    #expect(document.originalText(of: tamar) == "Tal\u{2011}Tamar")
  }

  @Test func invisibleCharactersAreRemovedAndSpacesCollapse() throws {
    let input = "Deir\u{200B} Ez\u{00AD}zor  \t liegt\u{0007} am Euphrat."
    let (document, _) = try PunctuationNormalization().run(Document(input))
    #expect(document.text == "Deir Ezzor liegt am Euphrat.")
    let ezzor = try #require(span(of: "Ezzor", in: document.text))
    #expect(document.originalText(of: ezzor) == "Ez\u{00AD}zor")
  }

  @Test func lineEndsAreKeptOrNormalizedByOption() throws {
    let input = "Erste Zeile.\r\nZweite Zeile.\rDritte."
    let (lf, _) = try PunctuationNormalization(lineEnds: .lf).run(Document(input))
    #expect(lf.text == "Erste Zeile.\nZweite Zeile.\nDritte.")
    let (kept, _) = try PunctuationNormalization(lineEnds: .keep).run(Document(input))
    #expect(kept.text == input)
  }

  @Test func optionsTurnRewritesOff() throws {
    let input = "„Homs“ – Hama"
    let (document, _) = try PunctuationNormalization(quotes: false, dashes: false).run(Document(input))
    #expect(document.text == input)
  }
}

@Suite struct TransliterationTests {
  @Test func arabicScriptBecomesLatinWordByWord() throws {
    let input = "Die Stadt دير الزور liegt am Euphrat."
    let (document, _) = try Transliteration(id: "Any-Latin; Latin-ASCII").run(Document(input))
    #expect(!document.text.unicodeScalars.contains { $0.value > 0x7F && $0 != "ü" })
    let words = document.text.split(separator: " ")
    let second = try #require(span(of: String(words[3]), in: document.text))
    #expect(document.originalText(of: second) == "الزور")
    checkSpans(document)
  }

  @Test func unknownIdIsAnError() {
    #expect(throws: (any Error).self) { _ = try Transliteration(id: "Latin-Klingon") }
  }
}

@Suite struct OffsetsThroughAllStagesTests {
  /// NFD input, curly apostrophes and NBSPs through every text-changing stage, then segmentation-like
  /// spans: each maps back to the exact original substring.
  @Test func everySpanMapsBackToTheExactOriginal() throws {
    let input = "In H\u{0323}ims\u{0323}\u{00A0}kam es zu Kämpfen. Raqqa’s Bürgermeister\u{00A0}schwieg."
    let pipeline = Pipeline {
      UnicodeNormalization(.nfc)
      PunctuationNormalization()
      try! Transliteration(id: "Latin-ASCII")
    }
    var (document, _) = try pipeline.run(Document(input))
    #expect(document.text == "In Hims kam es zu Kampfen. Raqqa's Burgermeister schwieg.")
    let expectations: [(current: String, original: String)] = [
      ("Hims", "H\u{0323}ims\u{0323}"),
      ("Kampfen", "Kämpfen"),
      ("Raqqa's", "Raqqa’s"),
      ("Burgermeister", "Bürgermeister"),
      ("schwieg.", "schwieg."),
      ("In Hims kam", "In H\u{0323}ims\u{0323}\u{00A0}kam"),
    ]
    for expectation in expectations {
      let found = try #require(span(of: expectation.current, in: document.text))
      #expect(document.originalText(of: found) == expectation.original)
    }
    document.sentences = [TextSpan(start: 0, end: 26), TextSpan(start: 27, end: document.text.utf8.count)]
    checkSpans(document)
    #expect(document.originalText(of: document.sentences[1]) == "Raqqa’s Bürgermeister\u{00A0}schwieg.")
  }
}
