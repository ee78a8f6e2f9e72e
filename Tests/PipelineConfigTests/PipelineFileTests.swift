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

  @Test func alignAndApplyCompleteThePipeline() throws {
    let file = try load("""
      { "lang": "de",
        "stages": [
          { "stage": "normalize", "form": "nfc" },
          { "stage": "punctuation", "line-ends": "keep" },
          { "stage": "segment" },
          { "stage": "tokenize" },
          { "stage": "align" },
          { "stage": "apply" } ] }
      """)
    #expect(file.pipeline.stages.map(\.name) == ["normalize", "punctuation", "segment", "tokenize", "align", "apply"])
    let input = "Nach Angaben aus Hassaka trafen am 13. April weitere Fahrzeuge ein. In Deir Ezzor blieb es „ruhig“."
    let (document, _) = try file.pipeline.run(Document(input))
    #expect(document.text == "Nach Angaben aus al-Hasaka trafen am 13. April weitere Fahrzeuge ein. In Deir ez-Zor blieb es \"ruhig\".")
    #expect(sentenceTexts(document) == [
      "Nach Angaben aus al-Hasaka trafen am 13. April weitere Fahrzeuge ein.", "In Deir ez-Zor blieb es \"ruhig\".",
    ])
    #expect(document.terms.map(\.canonical) == ["al-Hasaka", "Deir ez-Zor"])
    #expect(document.terms.map { String(document.originalText(of: $0.span)) } == ["Hassaka", "Deir Ezzor"])
    #expect(document.terms.map { String(document.text(of: $0.span)) } == ["al-Hasaka", "Deir ez-Zor"])
    checkSpans(document)
  }

  @Test func applyStageReadsAGlossaryFileAndAMode() throws {
    let file = try load("""
      {"stages": [{"stage": "apply", "glossary": "Glossaries/levant-places.tbx", "mode": "annotate"}]}
      """)
    let (document, _) = try file.pipeline.run(Document("Kämpfe bei Rakka und in al-Hassake.", language: "de"))
    #expect(document.text == "Kämpfe bei Rakka [ar-Raqqa] und in al-Hassake [al-Hasaka].")
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
    (#"{"stages": [{"stage": "apply", "glossary": "/nonexistent/places.tsv"}]}"#,
     "pipeline.json:1:32: error: stage \"apply\": /nonexistent/places.tsv: error: cannot open"),
    (#"{"stages": [{"stage": "apply", "mode": "rewrite"}]}"#,
     "pipeline.json:1:32: error: stage \"apply\": option \"mode\" must be one of"),
    (#"{"stages": [{"stage": "align", "glosary": "x.tsv"}]}"#, "pipeline.json:1:32: error: stage \"align\": unknown option \"glosary\""),
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
