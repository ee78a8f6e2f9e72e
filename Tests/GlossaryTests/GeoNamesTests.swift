import GlossaCore
import Testing
@testable import Glossary

/// A GeoNames gazetteer sample in the 19-column layout of `cities500.txt` / `allCountries.txt`.
private let gazetteer = [
  ["173811", "Al Ḩasakah", "Al Hasakah", "Al Hasakah,Al-Hasaka,El Haseke,Hasakah,Hassake,الحسكة", "36.50237", "40.74772", "P", "PPLA", "SY", "", "01", "", "", "", "188160", "", "300", "Asia/Damascus", "2012-01-18"],
  ["163434", "Tall Tamr", "Tall Tamr", "Tal Tamr,Tall Tamr,Tell Tamer,تل تمر", "36.65", "40.37", "P", "PPL", "SY", "", "01", "", "", "", "7285", "", "311", "Asia/Damascus", "2012-01-18"],
  ["173377", "Al Qāmishlī", "Al Qamishli", "Al Qamishli,Kamishli,Qameshli,Qamishli,القامشلي", "37.05215", "41.23142", "P", "PPL", "SY", "", "01", "", "", "", "184231", "", "458", "Asia/Damascus", "2020-06-10"],
  ["300640", "Ceylanpınar", "Ceylanpinar", "Ceylanpinar,Resulayn", "36.84722", "40.05", "P", "PPLA2", "TR", "", "63", "", "", "", "78000", "", "356", "Europe/Istanbul", "2019-09-05"],
  ["172425", "As Sukhnah", "As Sukhnah", "Al-Sukhnah,Sukhna,Sukhnah,السخنة", "34.88", "38.87", "P", "PPL", "SY", "", "03", "", "", "", "", "", "384", "Asia/Damascus", "2012-01-18"],
].map { $0.joined(separator: "\t") }.joined(separator: "\n") + "\n"

/// `alternateNamesV2.txt` layout: id, geonameid, isolanguage, name, isPreferredName, isShortName, isColloquial,
/// isHistoric, from, to.
private let alternateNames = [
  ["1", "173811", "de", "al-Hasaka", "1", "", "", "", "", ""],
  ["2", "173811", "de", "Hassake", "", "", "", "", "", ""],
  ["3", "173811", "en", "Al-Hasakah", "1", "", "", "", "", ""],
  ["4", "173811", "fr", "Hassaké", "1", "", "", "", "", ""],
  ["5", "173811", "ar", "الحسكة", "1", "", "", "", "", ""],
  ["6", "173811", "wkdt", "Q193014", "", "", "", "", "", ""],
  ["7", "173811", "link", "https://en.wikipedia.org/wiki/Al-Hasakah", "", "", "", "", "", ""],
  ["8", "173377", "ku", "Qamişlo", "1", "", "", "", "", ""],
  ["9", "173377", "en", "Nusaybin al-Jadida", "", "", "", "1", "", ""],
  ["10", "300640", "de", "Ceylanpınar", "1", "", "", "", "", ""],
].map { $0.joined(separator: "\t") }.joined(separator: "\n") + "\n"

@Test func importsPopulatedPlacesOfOneCountryAboveAPopulation() throws {
  var importer = GeoNamesImporter()
  importer.countries = ["SY"]
  importer.featureClasses = ["P"]
  importer.minimumPopulation = 20_000
  let glossary = try importer.glossary(gazetteer: gazetteer)
  #expect(glossary.concepts.map(\.id) == ["geo:173811", "geo:173377"])
  let hasaka = glossary.concepts[0]
  #expect(hasaka.references == ["geonames": "173811"])
  #expect(hasaka.subject == "populated place (P.PPLA)")
  #expect(hasaka.notes == ["country SY, population 188160"])
  #expect(hasaka.terms.map(\.text) == ["Al Ḩasakah", "Al Hasakah", "Al-Hasaka", "El Haseke", "Hasakah", "Hassake", "الحسكة"])
  #expect(hasaka.terms.allSatisfy { $0.language == "und" })
  #expect(hasaka.preferred(in: "de")?.text == "Al Ḩasakah")
  #expect(glossary.validate().isEmpty)
}

@Test func alternateNamesAddLanguagesAndWikidata() throws {
  var importer = GeoNamesImporter()
  importer.countries = ["SY"]
  let glossary = try importer.glossary(gazetteer: gazetteer, alternateNames: alternateNames)
  #expect(glossary.concepts.map(\.id) == ["geo:173811", "geo:163434", "geo:173377", "geo:172425"])
  let hasaka = glossary.concepts[0]
  #expect(hasaka.references == ["geonames": "173811", "wikidata": "Q193014"])
  #expect(hasaka.preferred(in: "de")?.text == "al-Hasaka")
  #expect(hasaka.preferred(in: "en")?.text == "Al-Hasakah")
  #expect(hasaka.preferred(in: "fr")?.text == "Hassaké")
  #expect(hasaka.preferred(in: "ar")?.text == "الحسكة")
  #expect(hasaka.preferred(in: "it")?.text == "Al Ḩasakah")
  // The und "Hassake" and "الحسكة" of the gazetteer are now tagged with their language, not listed twice.
  #expect(hasaka.terms.filter { $0.text == "Hassake" } == [Term(language: "de", text: "Hassake", status: .admitted)])
  #expect(hasaka.terms.filter { $0.text == "الحسكة" }.map(\.language) == ["ar"])
  #expect(!hasaka.terms.contains { $0.text.hasPrefix("https://") })
  let qamishli = glossary.concepts[2]
  #expect(qamishli.preferred(in: "ku")?.text == "Qamişlo")
  #expect(qamishli.terms.first { $0.text == "Nusaybin al-Jadida" }?.note == "historic")
  // Unknown population is kept when no minimum is set.
  #expect(glossary.concepts[3].notes == ["country SY"])
  #expect(glossary.validate().filter { $0.severity == .error }.isEmpty)
  // Round trip through TBX keeps the imported glossary.
  #expect(try Glossary.read(glossary.encoded(as: .tbx)) == glossary)
}

@Test func badGazetteerLineIsLocated() throws {
  let importer = GeoNamesImporter()
  #expect {
    try importer.glossary(gazetteer: gazetteer + "Tall Tamr\t36.65\t40.37\n")
  } throws: { error in
    (error as? GlossaryError)?.diagnostics.first?.location == InputLocation(file: "<gazetteer>", line: 6, column: 1)
  }
}
