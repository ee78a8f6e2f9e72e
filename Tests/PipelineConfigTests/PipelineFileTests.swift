import GlossaCore
import GlossaTestSupport
import Normalization
import PipelineConfig
import Segmentation
import Testing

@Suite struct PipelineFileTests {
  func load(_ json: String) throws -> PipelineFile {
    try PipelineFile.parse(Array(json.utf8), file: "pipeline.json")
  }

  @Test func buildsTheSamePipelineAsSwiftCode() throws {
    let file = try load("""
      { "lang": "de",
        "stages": [
          { "stage": "normalize", "form": "nfc" },
          { "stage": "punctuation", "line-ends": "keep" },
          { "stage": "segment" },
          { "stage": "tokenize" } ] }
      """)
    #expect(file.pipeline.stages.map(\.name) == ["normalize", "punctuation", "segment", "tokenize"])
    let (document, _) = try file.pipeline.run(Document("Die Lage in Ḥasaka ist „ruhig“. Das sagte ein Sprecher\u{00A0}am Montag."))
    #expect(document.text == "Die Lage in Ḥasaka ist \"ruhig\". Das sagte ein Sprecher am Montag.")
    #expect(sentenceTexts(document) == ["Die Lage in Ḥasaka ist \"ruhig\".", "Das sagte ein Sprecher am Montag."])
    #expect(document.originalText(of: document.sentences[0]) == "Die Lage in Ḥasaka ist „ruhig“.")
    #expect(tokenTexts(document).prefix(4) == ["Die", "Lage", "in", "Ḥasaka"])
    checkSpans(document)
  }

  @Test func transliterationStageTakesAnIdOrRules() throws {
    let file = try load(#"{"stages": [{"stage": "transliterate", "id": "ayn", "rules": "[ʿʾ] > ;"}]}"#)
    let (document, _) = try file.pipeline.run(Document("Raʾs al-ʿAyn"))
    #expect(document.text == "Ras al-Ayn")
  }

  @Test(arguments: [
    (#"{"stages": [{"stage": "normalise"}]}"#, "pipeline.json:1:14: error: unknown stage \"normalise\""),
    ("{\"stages\": [\n  {\"stage\": \"normalize\", \"from\": \"nfc\"}]}", "pipeline.json:2:26: error: stage \"normalize\": unknown option \"from\""),
    (#"{"stages": [{"stage": "normalize", "form": "nfx"}]}"#, "pipeline.json:1:36: error: stage \"normalize\": option \"form\" must be one of"),
    (#"{"stages": [{"stage": "segment", "lang": "xx"}]}"#, "pipeline.json:1:14: error: stage \"segment\": unknown locale \"xx\""),
    (#"{"stages": [{"stage": "transliterate", "id": "Latin-Klingon"}]}"#, "pipeline.json:1:14: error: stage \"transliterate\": unknown transliterator \"Latin-Klingon\""),
    (#"{"stages": [{"stage": "segment"}]}"#, "pipeline.json:1:14: error: stage \"segment\": needs a \"lang\""),
    ("{\"stages\": [\n\n  {\"stage\": 1,}]}", "pipeline.json:3:15: error: malformed JSON"),
  ])
  func mistakesAreLocated(json: String, message: String) {
    #expect {
      _ = try load(json)
    } throws: { error in
      "\(error)".hasPrefix(message)
    }
  }
}

@Suite struct ReadmeExampleTests {
  /// The library example of README.md, checked.
  @Test func pipelineBuiltInSwift() throws {
    let pipeline = try Pipeline {
      UnicodeNormalization(.nfc)
      PunctuationNormalization(lineEnds: .keep)
      try SentenceSegmenter(language: "de")
      try WordTokenizer(language: "de")
    }
    let (document, diagnostics) = try pipeline.run(Document("In H\u{0323}ims’ Altstadt\u{00A0}blieb es ruhig. Dann fielen Schüsse."))
    #expect(diagnostics.isEmpty)
    #expect(sentenceTexts(document) == ["In Ḥims' Altstadt blieb es ruhig.", "Dann fielen Schüsse."])
    #expect(document.originalText(of: document.sentences[0]) == "In H\u{0323}ims’ Altstadt\u{00A0}blieb es ruhig.")
    checkSpans(document)
  }
}
