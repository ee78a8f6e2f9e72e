import GlossaCore
import GlossaTestSupport
import Testing

@Suite struct DocumentEditTests {
  @Test func wordsOfARewrittenNameBecomeOneToken() {
    var document = Document("Kämpfe in Deir Ezzor.")
    let spans = [(0, 7), (8, 10), (11, 15), (16, 21), (21, 22)]
    document.tokens = spans.map { Token(span: TextSpan(start: $0.0, end: $0.1), kind: $0.1 - $0.0 == 1 ? .punctuation : .word) }
    document.replace(TextSpan(start: 11, end: 21), with: "Deir ez-Zor")
    #expect(document.text == "Kämpfe in Deir ez-Zor.")
    #expect(document.tokens.map { String(document.text(of: $0.span)) } == ["Kämpfe", "in", "Deir ez-Zor", "."])
    #expect(document.tokens.map(\.kind) == [.word, .word, .word, .punctuation])
    #expect(document.originalText(of: document.tokens[2].span) == "Deir Ezzor")
  }

  @Test func replacementMapsBackToTheOriginal() throws {
    var document = Document("Die Stadt Ḥasaka im Nordosten")
    let h = try #require(span(of: "Ḥ", in: document.text))
    document.replace(h, with: "H")
    #expect(document.text == "Die Stadt Hasaka im Nordosten")
    let city = try #require(span(of: "Hasaka", in: document.text))
    #expect(document.originalText(of: city) == "Ḥasaka")
    let after = try #require(span(of: "Nordosten", in: document.text))
    #expect(document.originalText(of: after) == "Nordosten")
  }

  @Test func editsComposeThroughSeveralRewrites() throws {
    // NBSP and a curly apostrophe, rewritten in two steps, then a deletion of a soft hyphen.
    var document = Document("Raqqa\u{00A0}’s Bürger\u{00AD}meister")
    let nbsp = try #require(span(of: "\u{00A0}", in: document.text))
    document.replace(nbsp, with: " ")
    let apostrophe = try #require(span(of: "’", in: document.text))
    document.replace(apostrophe, with: "'")
    let shy = try #require(span(of: "\u{00AD}", in: document.text))
    document.replace(shy, with: "")
    #expect(document.text == "Raqqa 's Bürgermeister")
    let word = try #require(span(of: "Bürgermeister", in: document.text))
    #expect(document.originalText(of: word) == "Bürger\u{00AD}meister")
    let genitive = try #require(span(of: "'s", in: document.text))
    #expect(document.originalText(of: genitive) == "’s")
    #expect(document.originalText(of: TextSpan(start: 0, end: document.text.utf8.count)) == document.original)
  }

  @Test func spansMoveWithTheText() throws {
    var document = Document("In al‑Hassake und Homs")
    let homs = try #require(span(of: "Homs", in: document.text))
    document.sentences = [TextSpan(start: 0, end: document.text.utf8.count)]
    document.tokens = [Token(span: homs, kind: .word)]
    let hyphen = try #require(span(of: "\u{2011}", in: document.text))
    document.replace(hyphen, with: "-")
    #expect(document.text(of: document.tokens[0].span) == "Homs")
    #expect(document.text(of: document.sentences[0]) == document.text)
    checkSpans(document)
  }

  @Test func insertionsAndDeletionsMapToTheirNeighbours() {
    var map = OffsetMap()
    // "abcdef": delete "cd", then insert "XY" where it was.
    map.apply([TextEdit(TextSpan(start: 2, end: 4), "")])
    #expect(map.original(TextSpan(start: 0, end: 2)) == TextSpan(start: 0, end: 2))
    #expect(map.original(TextSpan(start: 2, end: 4)) == TextSpan(start: 4, end: 6))
    map.apply([TextEdit(TextSpan(start: 2, end: 2), "XY")])
    #expect(map.original(TextSpan(start: 2, end: 4)) == TextSpan(start: 2, end: 4))
    #expect(map.original(TextSpan(start: 4, end: 6)) == TextSpan(start: 4, end: 6))
  }

  @Test func overlappingRewritesMerge() {
    var map = OffsetMap()
    map.apply([TextEdit(TextSpan(start: 1, end: 3), "x"), TextEdit(TextSpan(start: 5, end: 6), "yyy")])
    // Current "a x d yyy f" layout: 0 a, 1 x, 2 d? -> rewrite across both earlier regions.
    map.apply([TextEdit(TextSpan(start: 1, end: 5), "Z")])
    #expect(map.regions.count == 1)
    #expect(map.original(TextSpan(start: 1, end: 2)) == TextSpan(start: 1, end: 6))
  }
}

@Suite struct PipelineBuilderTests {
  struct Uppercase: DocumentStage {
    func run(_ input: Document, diagnostics: inout Diagnostics) throws -> Document {
      var document = input
      document.apply([TextEdit(TextSpan(start: 0, end: input.text.utf8.count), input.text.uppercased())])
      return document
    }
  }

  struct CountWords: Stage {
    func run(_ input: Document, diagnostics: inout Diagnostics) throws -> Int {
      if input.text.isEmpty { diagnostics.warning("empty document") }
      return input.text.split(separator: " ").count
    }
  }

  @Test func stagesComposeInOrderWithCheckedTypes() throws {
    let shout = true
    let pipeline = Pipeline {
      if shout { Uppercase() }
      CountWords()
    }
    let (count, diagnostics) = try pipeline.run(Document("Konvoi erreicht Hassaka"))
    #expect(count == 3)
    #expect(diagnostics.isEmpty)
    let (_, empty) = try pipeline.run(Document(""))
    #expect(empty.items.map(\.message) == ["empty document"])
  }

  @Test func typeErasedPipelineRunsStagesInOrder() throws {
    let pipeline = DocumentPipeline([AnyDocumentStage(name: "upper", Uppercase())])
    let (document, _) = try pipeline.run(Document("Homs"))
    #expect(document.text == "HOMS")
    #expect(document.original == "Homs")
  }
}
