import GlossaCore
import GlossaTestSupport
import Segmentation
import Testing

@Suite struct ICUSentenceTests {
  @Test func germanNewsSplitsAtSentenceEnds() throws {
    let text = "Russische Militärpolizei patrouillierte bei Tal Tamar. Lokale Quellen bestätigten das! Wie lange bleibt sie?"
    let (document, _) = try SentenceSegmenter(language: "de").run(Document(text))
    #expect(sentenceTexts(document) == [
      "Russische Militärpolizei patrouillierte bei Tal Tamar.", "Lokale Quellen bestätigten das!", "Wie lange bleibt sie?",
    ])
    checkSpans(document)
  }

  @Test func aLineBreakEndsASentenceAndSpacesAreTrimmed() throws {
    let text = "  Lage in Hasaka\nDie Kämpfe gehen weiter.  "
    let (document, _) = try SentenceSegmenter(language: "de").run(Document(text))
    #expect(sentenceTexts(document) == ["Lage in Hasaka", "Die Kämpfe gehen weiter."])
  }

  @Test func otherLocalesUseTheirOwnPunctuation() throws {
    let arabic = "وصلت قافلة إلى الحسكة. هل ستبقى القوات هناك؟ لا أحد يعرف."
    let (ar, _) = try SentenceSegmenter(language: "ar").run(Document(arabic))
    #expect(ar.sentences.count == 3)
    let chinese = "叙利亚东北部发生冲突。当地消息人士证实了这一点！"
    let (zh, _) = try SentenceSegmenter(language: "zh").run(Document(chinese))
    #expect(sentenceTexts(zh) == ["叙利亚东北部发生冲突。", "当地消息人士证实了这一点！"])
  }

  @Test func unknownLanguageIsAnError() {
    #expect(throws: (any Error).self) { _ = try SentenceSegmenter(language: "qq") }
  }
}

@Suite struct WordTokenizerTests {
  @Test func tokensOfAGermanSentence() throws {
    let text = "Am 13. April erreichte der Konvoi al-Hassake (Syrien)."
    let (document, _) = try WordTokenizer(language: "de").run(Document(text))
    #expect(tokenTexts(document) == ["Am", "13", ".", "April", "erreichte", "der", "Konvoi", "al", "-", "Hassake", "(", "Syrien", ")", "."])
    #expect(document.tokens[1].kind == .number)
    #expect(document.tokens[2].kind == .punctuation)
    #expect(document.tokens[9].kind == .word)
    checkSpans(document)
  }

  @Test func arabicWordsAreTokens() throws {
    let (document, _) = try WordTokenizer(language: "ar").run(Document("دير الزور والحسكة"))
    #expect(tokenTexts(document) == ["دير", "الزور", "والحسكة"])
  }
}
