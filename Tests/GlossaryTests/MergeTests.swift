import Testing
@testable import Glossary

@Test func mergeUnitesConceptsAndReportsConflictsWithLocations() throws {
  let shipped = """
    concept\tlang\tterm\tstatus\tref
    geo:170794\tde\tDeir ez-Zor\tpreferred\tgeonames:170794
    geo:170794\tde\tDeir Ezzor\tadmitted\t
    geo:169577\tde\tHoms\tpreferred\tgeonames:169577

    """
  let user = """
    concept\tlang\tterm\tstatus\tref
    geo:170794\tde\tDeir es-Sor\tpreferred\tgeonames:170794
    geo:170794\tde\tDeir Ezzor\tdeprecated\t
    geo:170794\tfr\tDeir ez-Zor\tpreferred\t
    geo:169577\tde\tHoms\tpreferred\tgeonames:170000
    geo:163434\tde\tTell Tamer\tpreferred\t

    """
  let documents = try [
    GlossaryDocument.read(Array(shipped.utf8), file: "shipped.tsv"),
    GlossaryDocument.read(Array(user.utf8), file: "user.tsv"),
  ]
  let (merged, conflicts) = GlossaryDocument.merged(documents)
  #expect(merged.concepts.map(\.id) == ["geo:170794", "geo:169577", "geo:163434"])
  #expect(merged.concepts[0].terms == [
    Term(language: "de", text: "Deir ez-Zor", status: .preferred),
    Term(language: "de", text: "Deir Ezzor", status: .admitted),
    Term(language: "de", text: "Deir es-Sor", status: .admitted),
    Term(language: "fr", text: "Deir ez-Zor", status: .preferred),
  ])
  #expect(merged.concepts[1].references == ["geonames": "169577"])
  #expect(conflicts.map(\.description) == [
    "user.tsv:2:15: warning: concept 'geo:170794': preferred 'Deir es-Sor' (de) conflicts with preferred 'Deir ez-Zor'; merged as admitted",
    "user.tsv:3:15: warning: concept 'geo:170794': 'Deir Ezzor' (de) is deprecated here but admitted before; kept admitted",
    "user.tsv:5:1: warning: concept 'geo:169577': geonames reference 170000 conflicts with 169577; kept 169577",
  ])
  #expect(merged.validate().isEmpty)
}

@Test func statisticsCountLanguagesStatusesAndReferences() throws {
  let stats = richGlossary.statistics
  #expect(stats.concepts == 2)
  #expect(stats.terms == 15)
  #expect(stats.languages["de"] == GlossaryStatistics.LanguageCounts(preferred: 2, admitted: 3, deprecated: 1))
  #expect(stats.references == ["geonames": 2, "wikidata": 1])
  #expect(stats.distinctTerms == 13)
  #expect(stats.description.hasPrefix("concepts: 2\nterms: 15\ndistinct terms: 13\n  ar: 2 terms (2 preferred, 0 admitted, 0 deprecated)\n"))
}
