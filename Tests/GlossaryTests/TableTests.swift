import Testing
@testable import Glossary

/// A small glossary in the TSV of design.md, with the spellings German and English press use.
let hasakaTSV = """
  concept\tlang\tterm\tstatus\tnote\tref
  geo:173811\tde\tal-Hasaka\tpreferred\t\tgeonames:173811
  geo:173811\tde\tHassake\tadmitted\t\t
  geo:173811\tde\tal-Hassake\tadmitted\t\t
  geo:173811\tde\tHasaka\tadmitted\t\t
  geo:173811\ten\tAl-Hasakah\tpreferred\t\t
  geo:173811\ten\tHasakah\tadmitted\t\t
  geo:173811\tar\tالحسكة\tpreferred\t\t
  geo:170794\tde\tDeir ez-Zor\tpreferred\t\tgeonames:170794
  geo:170794\tde\tDeir Ezzor\tadmitted\t\t
  geo:170794\tde\tDer Sor\tdeprecated\tveraltete Schreibung\t
  geo:170794\ten\tDeir ez-Zor\tpreferred\t\t
  geo:170794\ten\tDayr az-Zawr\tadmitted\t\t

  """

@Test func readsDesignTSV() throws {
  let glossary = try Glossary.read(hasakaTSV, format: .tsv)
  #expect(glossary.concepts.map(\.id) == ["geo:173811", "geo:170794"])
  let hasaka = glossary.concepts[0]
  #expect(hasaka.references == ["geonames": "173811"])
  #expect(hasaka.preferred(in: "de")?.text == "al-Hasaka")
  #expect(hasaka.preferred(in: "en")?.text == "Al-Hasakah")
  #expect(hasaka.preferred(in: "ar")?.text == "الحسكة")
  #expect(hasaka.terms.filter { $0.language == "de" }.map(\.text) == ["al-Hasaka", "Hassake", "al-Hassake", "Hasaka"])
  let deir = glossary.concepts[1]
  #expect(deir.terms.first { $0.text == "Der Sor" } == Term(language: "de", text: "Der Sor", status: .deprecated, note: "veraltete Schreibung"))
}

@Test func tsvWriteReadIsLossless() throws {
  let glossary = try Glossary.read(hasakaTSV, format: .tsv)
  let written = try glossary.string(as: .tsv)
  #expect(try Glossary.read(written, format: .tsv) == glossary)
  #expect(try Glossary.read(written) == glossary)
}

@Test func undeterminedTermsBelongToEveryLanguage() throws {
  let tsv = "concept\tlang\tterm\tstatus\ngeo:163345\tund\tTall Tamr\tpreferred\ngeo:163345\tde\tTal Tamar\tadmitted\n"
  let glossary = try Glossary.read(tsv)
  #expect(glossary.concepts[0].preferred(in: "fr")?.text == "Tall Tamr")
  #expect(glossary.validate().isEmpty)
}

@Test func unknownStatusIsLocated() throws {
  let tsv = "concept\tlang\tterm\tstatus\ngeo:170794\tde\tDeir ez-Zor\tpreferred\ngeo:170794\tde\tDeir Ezzor\tallowed\n"
  #expect(throws: GlossaryError.self) { try Glossary.read(tsv, file: "deir.tsv") }
  let document = try GlossaryDocument.read(Array(tsv.utf8), file: "deir.tsv")
  #expect(document.readDiagnostics.map(\.description) == [
    "deir.tsv:3:26: error: unknown status 'allowed' (expected preferred, admitted or deprecated)"
  ])
  #expect(document.glossary.concepts[0].terms.count == 1)
}

@Test func invalidUTF8IsLocated() throws {
  var bytes = Array("concept\tlang\tterm\tstatus\ngeo:173377\tde\tQamischli\tpreferred\ngeo:173377\tku\tQami".utf8)
  bytes += [0xC5, 0x20] + Array("lo\tpreferred\n".utf8)
  let document = try GlossaryDocument.read(bytes, file: "qamishli.tsv")
  #expect(document.readDiagnostics.map(\.description) == ["qamishli.tsv:3:19: error: invalid UTF-8"])
}
