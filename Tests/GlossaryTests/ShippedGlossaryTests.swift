import Testing
@testable import Glossary

/// `Glossaries/levant-places.tbx` in this checkout.
let levantPlacesPath: String = {
  var parts = String(#filePath).split(separator: "/", omittingEmptySubsequences: false)
  parts.removeLast(3)
  return (parts + ["Glossaries", "levant-places.tbx"]).joined(separator: "/")
}()

@Test func shippedGlossaryIsValid() throws {
  let document = try GlossaryDocument.load(contentsOf: levantPlacesPath)
  #expect(document.format == .tbx)
  #expect(document.validate().map(\.description) == [])
  let glossary = document.glossary
  #expect(glossary.concepts.count >= 200)
  for concept in glossary.concepts {
    for language in ["de", "en", "fr", "ar"] {
      #expect(concept.terms.contains { $0.language == language && $0.status == .preferred }, "\(concept.id) \(language)")
    }
  }
}

@Test func everyPlaceOfTheSeedArticleIsInTheShippedGlossary() throws {
  let glossary = try Glossary.load(contentsOf: levantPlacesPath)
  func concept(of surface: String, _ language: String = "de") -> Concept? {
    glossary.concepts.first { $0.terms.contains { $0.text == surface && ($0.language == language || $0.language == Term.undetermined) } }
  }
  let expected: [(surface: String, canonical: String)] = [
    ("Syrien", "Syrien"), ("Irak", "Irak"), ("Iran", "Iran"), ("Homs", "Homs"), ("Deir Ezzor", "Deir ez-Zor"),
    ("Al-Sukhnah", "as-Suchna"), ("al-Hassake", "al-Hasaka"), ("Hasaka", "al-Hasaka"), ("Hassaka", "al-Hasaka"),
    ("Tal Tamar", "Tell Tamer"), ("al-Khabour", "Chabur"), ("Türkei", "Türkei"), ("Russland", "Russland"),
    ("USA", "Vereinigte Staaten"), ("Nordsyrien", "Nordsyrien"), ("syrische Wüste", "Syrische Wüste"),
    // Examples/article-de.txt and Examples/news-de.jsonl
    ("Palmyra", "Palmyra"), ("Deir ez-Zor", "Deir ez-Zor"), ("Tell Tamer", "Tell Tamer"), ("Chabur", "Chabur"),
    ("Hassakeh", "al-Hasaka"), ("Provinz Anbar", "Gouvernement al-Anbar"), ("Euphrat", "Euphrat"),
    ("Abu Kamal", "Abu Kamal"), ("al-Mayadin", "al-Mayadin"), ("al-Hol", "al-Haul"), ("Qamischli", "Qamischli"),
    ("Rakka", "ar-Raqqa"),
  ]
  for (surface, canonical) in expected {
    #expect(concept(of: surface)?.preferred(in: "de")?.text == canonical, "\(surface)")
  }
  let hasaka = try #require(concept(of: "al-Hassake"))
  #expect(hasaka.id == "geo:173811")
  #expect(hasaka.references["geonames"] == "173811")
  #expect(hasaka.preferred(in: "en")?.text == "Al-Hasakah")
  #expect(hasaka.preferred(in: "fr")?.text == "Hassaké")
  #expect(hasaka.preferred(in: "ar")?.text == "الحسكة")
  #expect(concept(of: "Gouvernement al-Hasaka")?.id != hasaka.id)
}

@Test func shippedGlossaryIsStableUnderConversion() throws {
  let bytes = try FileIO.readAll(levantPlacesPath)
  let glossary = try Glossary.read(bytes)
  // The same XML from <text> on; only the header's description differs.
  func body(_ xml: [UInt8]) -> String {
    let text = String(decoding: xml, as: UTF8.self)
    return String(text[text.firstRange(of: "  <text>")!.lowerBound...])
  }
  #expect(body(try glossary.encoded(as: .tbx)) == body(bytes))
  #expect(try Glossary.read(glossary.encoded(as: .tsv)) == glossary)
  #expect(try Glossary.read(glossary.encoded(as: .json)) == glossary)
}

@Test func compiledInGlossaryIsTheShippedFile() throws {
  #expect(Glossary.levantPlaces == (try Glossary.load(contentsOf: levantPlacesPath)))
  #expect(Glossary.levantPlaces.concepts.count >= 200)
}
