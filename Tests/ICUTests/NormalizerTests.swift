import Testing
@testable import ICU

@Suite struct NormalizerTests {
  // "Ḥimṣ" with combining dots below (NFD), as it arrives from some PDF extractions.
  let decomposed = "Die Stadt H\u{0323}ims\u{0323} liegt am Orontes."

  @Test func composesDecomposedTransliterations() throws {
    let nfc = Normalizer(.nfc)
    #expect(!nfc.isNormalized(decomposed))
    let result = try #require(try nfc.normalizeRecordingChanges(decomposed))
    #expect(result.text == "Die Stadt \u{1E24}im\u{1E63} liegt am Orontes.")
    // Two regions changed: H+dot -> Ḥ, s+dot -> ṣ; their byte ranges point into the input.
    #expect(result.changes.count == 2)
    let input = Array(decomposed.utf8)
    #expect(String(decoding: input[result.changes[0].source], as: UTF8.self) == "H\u{0323}")
  }

  @Test func alreadyNormalizedTextIsNotCopied() throws {
    let german = "Am 13. April führte die russische Militärpolizei eine Patrouille durch."
    for form in [Normalizer.Form.nfc, .nfkc] {
      #expect(Normalizer(form).isNormalized(german))
      #expect(try Normalizer(form).normalizeRecordingChanges(german) == nil)
    }
    #expect(Normalizer(.nfd).isNormalized("Deir ez-Zor"))
    #expect(!Normalizer(.nfd).isNormalized("Größe"))
  }

  @Test func eachFormDoesWhatItNames() {
    #expect(Normalizer(.nfd).normalize("ü").unicodeScalars.count == 2)
    #expect(Normalizer(.nfkc).normalize("ﬁnal ² km") == "final 2 km")
    #expect(Normalizer(.nfkd).normalize("é").unicodeScalars.map(\.value) == [0x65, 0x301])
    #expect(Normalizer(.nfkcCasefold).normalize("STRASSE Straße") == "strasse strasse")
    // ASCII is not always NFKC_Casefold.
    #expect(!Normalizer(.nfkcCasefold).isNormalized("Homs"))
  }
}

@Suite struct TransliteratorTests {
  @Test func transliteratesArabicPlaceNames() throws {
    let latin = try Transliterator(id: "Any-Latin; Latin-ASCII")
    #expect(try latin.transliterate("دمشق") == "dmshq")
    #expect(try Transliterator(id: "de-ASCII").transliterate("Düsseldorf Straße") == "Duesseldorf Strasse")
  }

  @Test func customRulesDropAynAndHamzaMarks() throws {
    let rules = try Transliterator(id: "glossa-ayn", rules: "[ʿʾ] > ; ā > a; ī > i; ū > u;")
    #expect(try rules.transliterate("Dayr az-Zawr, Raʾs al-ʿAyn, Ṣūrān") == "Dayr az-Zawr, Ras al-Ayn, Ṣuran")
  }

  @Test func unknownIdNamesTheIdAndICUsError() {
    #expect {
      _ = try Transliterator(id: "Klingon-Latin")
    } throws: { error in
      let icu = error as? ICUError
      return icu?.name == "U_INVALID_ID" && icu?.description.contains("Klingon-Latin") == true
    }
  }

  @Test func badRulesAreAnErrorWithAPosition() {
    #expect(throws: ICUError.self) { _ = try Transliterator(id: "broken", rules: "a > ;;; [b > c") }
  }

  /// Transliterators are copies of one compiled prototype per id and rules: the same id with other rules
  /// is another transliterator, and a failed compile under an id already known still fails.
  @Test func reopenedTransliteratorsFollowTheirOwnRules() throws {
    let first = try Transliterator(id: "glossa-test-kh", rules: "kh > x;")
    let again = try Transliterator(id: "glossa-test-kh", rules: "kh > x;")
    let other = try Transliterator(id: "glossa-test-kh", rules: "kh > ch;")
    #expect(try again.transliterate("khan shaykhun") == "xan shayxun")
    #expect(try other.transliterate("al-khabur") == "al-chabur")
    #expect(try first.transliterate("al-khabur") == "al-xabur")
    #expect(throws: ICUError.self) { _ = try Transliterator(id: "glossa-test-kh", rules: "kh > ;;; [x") }
  }
}

@Suite struct BreakIteratorTests {
  @Test func wordBoundariesAreUTF8Offsets() throws {
    let words = try BreakIterator(.word, locale: ICULocale("de"))
    let text = "Größe in Ḥimṣ"
    let boundaries = words.boundaries(in: text)
    // "Größe" is 7 bytes; "Ḥimṣ" ends at the last byte.
    #expect(boundaries.first == 7)
    #expect(boundaries.last == text.utf8.count)
  }

  @Test func sentenceBoundariesOfPlainGerman() throws {
    let sentences = try BreakIterator(.sentence, locale: ICULocale("de"))
    let text = "Die Lage bleibt angespannt. Weitere Details sind nicht bekannt."
    #expect(sentences.boundaries(in: text) == [28, text.utf8.count])
  }

  @Test func wordStatusTellsNumbersFromLetters() throws {
    let words = try BreakIterator(.word, locale: ICULocale("de"))
    var statuses: [BreakIterator.WordStatus] = []
    var text = "18 Mitglieder"
    try text.withUTF8 { utf8 in try words.forEachBoundary(in: utf8) { _, status in statuses.append(status) } }
    #expect(statuses == [.number, .none, .letter])
  }

  @Test func unknownLocalesAreRejected() {
    #expect(throws: ICUError.self) { _ = try ICULocale("xx") }
    #expect(throws: ICUError.self) { _ = try ICULocale("de DE") }
    #expect((try? ICULocale("de-CH"))?.identifier == "de_CH")
    #expect((try? ICULocale("de@ss=standard"))?.language == "de")
  }

  @Test func handlePoolReusesHandles() throws {
    let pool = HandlePool { try BreakIterator(.sentence, locale: .root) }
    let first = try pool.withHandle { ObjectIdentifier($0) }
    let second = try pool.withHandle { ObjectIdentifier($0) }
    #expect(first == second)
  }
}

@Suite struct RegularExpressionTests {
  @Test func catastrophicBacktrackingStopsWithATimeOut() throws {
    // (a+)+b on a run of a's with no b backtracks exponentially; ICU's time limit stops it.
    let regex = try RegularExpression("(a+)+b")
    #expect {
      _ = try regex.matches(in: String(repeating: "a", count: 64) + "c")
    } throws: { error in
      (error as? ICUError)?.name == "U_REGEX_TIME_OUT"
    }
    #expect(try regex.matches(in: "Wadi aab") == [5..<8])
  }
}
