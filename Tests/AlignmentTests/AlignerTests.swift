import Alignment
import GlossaCore
import GlossaTestSupport
import Glossary
import Testing

@Suite struct AlignerTests {
  @Test func seedArticleSpellings() throws {
    let text = """
      In der Wüste Al-Sukhnah im Osten von Homs kam es zu Zusammenstößen. Zwischen Homs und Deir Ezzor \
      hat sich der IS befestigt. Verstärkung wurde in die Nähe von al-Hassake geschickt, eine Patrouille \
      in der Landschaft von Hasaka, ein Militärposten nahe der Stadt Tal Tamar in Hassaka.
      """
    let found = try Fixtures.mentions(text)
    #expect(found.map(\.0) == ["Al-Sukhnah", "Homs", "Homs", "Deir Ezzor", "al-Hassake", "Hasaka", "Tal Tamar", "Hassaka"])
    #expect(found.map(\.1) == [
      "geo:172425", "geo:169577", "geo:169577", "geo:170794", "geo:173811", "geo:173811", "geo:163434", "geo:173811",
    ])
  }

  @Test func matchKindsAndScores() throws {
    let document = try TermAligner(index: Fixtures.index).run(Document(
      "Aus Homs, HAMA, Hassaké und Kameschli? Nein: aus Mosul, Rakka und Qamishly.")).output
    let kinds = document.terms.map(\.match)
    #expect(kinds.prefix(3) == [.exact, .folded, .key])
    #expect(document.terms.allSatisfy { $0.score > 0 && $0.score <= 1 })
    #expect(document.terms[0].score > document.terms[2].score)
    checkSpans(document)
  }

  @Test func arabicScriptMentions() throws {
    let document = try TermAligner(index: Fixtures.index).run(Document("Ein Bus aus حمص fuhr nach دير الزور.")).output
    #expect(document.terms.map(\.concept) == ["geo:169577", "geo:170794"])
    #expect(document.terms.map(\.match) == [.exact, .exact])
    let normalized = try TermAligner(index: Fixtures.index).run(Document("Die Stadt الحسكه liegt im Nordosten.")).output
    #expect(normalized.terms.first?.match == .script)
  }

  @Test func genitiveAndApostrophe() throws {
    #expect(try Fixtures.mentions("In Rakkas Altstadt wurde gekämpft.").map(\.0) == ["Rakka"])
    #expect(try Fixtures.mentions("Aleppos Zitadelle ist Weltkulturerbe.").map(\.0) == ["Aleppo"])
    #expect(try Fixtures.mentions("Homs' Zitadelle ist alt.").map(\.0) == ["Homs"])
    #expect(try Fixtures.concepts("Die Regierung des Irans widersprach.") == ["geo:130758"])
  }

  @Test func multiWordLongestMatch() throws {
    #expect(try Fixtures.mentions("Die Front verläuft bei Tell Tamer und Tal-Tamr.").map(\.0) == ["Tell Tamer", "Tal-Tamr"])
    #expect(try Fixtures.mentions("Kämpfe nahe Deir el-Sor.").map(\.0) == ["Deir el-Sor"])
  }

  @Test func traps() throws {
    #expect(try Fixtures.concepts("Die Hamas lehnte die Waffenruhe ab.").isEmpty)
    #expect(try Fixtures.concepts("Ein Hamas-Sprecher kündigte eine Erklärung an.").isEmpty)
    #expect(try Fixtures.concepts("An der Mosel hat die Weinlese begonnen.").isEmpty)
    #expect(try Fixtures.concepts("Das Tal ist im Winter von der Außenwelt abgeschnitten.").isEmpty)
    #expect(try Fixtures.concepts("Die Universität Tartu liegt in Estland.").isEmpty)
    #expect(try Fixtures.concepts("In Samara an der Wolga wurde ein Stadion gebaut.").isEmpty)
    #expect(try Fixtures.concepts("Die IRA erklärte das Ende ihres Kampfes.").isEmpty)
    #expect(try Fixtures.concepts("Abu Bakr al-Baghdadi wurde 2019 getötet.").isEmpty)
    #expect(try Fixtures.concepts("Irakische und iranische Pilger kamen zum Fest.").isEmpty)
    #expect(try Fixtures.concepts("Sie las ein Buch über die Kabbala.").isEmpty)
    #expect(try Fixtures.concepts("Pilger aus dem Iran reisen über Mossul.") == ["geo:130758", "geo:99072"])
    #expect(try Fixtures.concepts("Ira K. war nicht da.").isEmpty)
  }

  @Test func looseMatchesNeedContext() throws {
    // A vowel variant after a place cue counts; the same word opening a sentence does not.
    #expect(try Fixtures.concepts("Pilger reisten nach Karbala.") == ["geo:94824"])
    #expect(try Fixtures.concepts("DÜRRE BEDROHT DIE ERNTE") .isEmpty)
  }

  @Test func ambiguousMentionsListAlternatives() throws {
    var concepts = Fixtures.glossary.concepts
    concepts.append(Concept(id: "test:other-hama", terms: [Term(language: "de", text: "Hama", status: .admitted)]))
    let index = try TermIndex(glossary: .init(concepts: concepts))
    let document = try TermAligner(index: index).run(Document("Kämpfe in Hama.")).output
    #expect(document.terms.first?.alternatives == ["test:other-hama"])
    #expect((document.terms.first?.score ?? 1) < 1)
  }

  @Test func indexIsReusedAcrossTasks() async throws {
    let aligner = TermAligner(index: Fixtures.index)
    let results = try await withThrowingTaskGroup(of: Int.self) { group in
      for _ in 0..<8 {
        group.addTask { try aligner.run(Document("Aus Hassake und Deir ez-Zor.")).output.terms.count }
      }
      return try await group.reduce(into: []) { $0.append($1) }
    }
    #expect(results == Array(repeating: 2, count: 8))
  }
}

/// Gazetteers list places named like German words (the village Darum in Denmark, Worden in Illinois,
/// Inder in Kazakhstan); the text's lowercase word is not the place.
@Suite struct LowercaseHeadTests {
  static let index: TermIndex = try! TermIndex(glossary: Glossary(concepts: [
    Concept(id: "geo:2621120", terms: [Term(language: "und", text: "Darum", status: .preferred)]),
    Concept(id: "geo:4916079", terms: [Term(language: "en", text: "Worden", status: .preferred)]),
    Concept(id: "geo:609798", terms: [Term(language: "und", text: "Inder", status: .preferred)]),
    Concept(id: "geo:2017370", terms: [
      Term(language: "de", text: "Russland", status: .preferred),
      Term(language: "de", text: "Russische Föderation", status: .admitted),
    ]),
    Concept(id: "term:ceasefire", terms: [Term(language: "en", text: "ceasefire", status: .preferred)]),
  ]))

  private func mentions(_ text: String) throws -> [String] {
    try Self.index.matches(in: text).map { String(text.utf8[text.utf8.index(text.utf8.startIndex, offsetBy: $0.span.start)..<text.utf8.index(text.utf8.startIndex, offsetBy: $0.span.end)])! }
  }

  @Test func lowercaseGermanWordsAreNotTheCapitalizedPlaces() throws {
    #expect(try mentions("Es geht darum, ob die Brücke in der Nacht gesperrt worden ist.").isEmpty)
    #expect(try mentions("Die Einwohner von Darum und Worden trafen sich in Inder.") == ["Darum", "Worden", "Inder"])
  }

  @Test func commonWordsRunTogetherAreNoName() throws {
    #expect(try mentions("In der Nacht wurde die Brücke gesperrt.").isEmpty)
  }

  @Test func aLowercaseAdjectiveBeforeACapitalizedNameStillMatches() throws {
    #expect(try Self.index.matches(in: "Die Halbinsel kam in die russische Föderation.").map(\.concept) == ["geo:2017370"])
  }

  @Test func aLowercaseTermMatchesAsWritten() throws {
    #expect(try mentions("The ceasefire held until Monday; a Ceasefire Day was declared.") == ["ceasefire", "Ceasefire"])
  }
}

/// A name of several words ends in a capitalized word; a capitalized word followed by a lowercase one
/// matches only as written or folded, never by key or fuzzily (`Wien zu` is not the county Wensu).
@Suite struct LowercaseTailTests {
  static let index: TermIndex = try! TermIndex(glossary: Glossary(concepts: [
    Concept(id: "geo:2761369", terms: [
      Term(language: "de", text: "Wien", status: .preferred), Term(language: "en", text: "Vienna", status: .preferred),
    ]),
    Concept(id: "geo:1529660", terms: [Term(language: "und", text: "Wen Su", status: .preferred)]),
    Concept(id: "geo:1791636", terms: [Term(language: "und", text: "Wei Nan", status: .preferred)]),
    Concept(id: "geo:163345", terms: [Term(language: "und", text: "Tall Tamr", status: .preferred)]),
  ]))

  private func found(_ text: String) throws -> [String] {
    try Self.index.matches(in: text).map { match in
      let utf8 = Array(text.utf8)
      return String(decoding: utf8[match.span.start..<match.span.end], as: UTF8.self) + " " + match.concept
    }
  }

  @Test func aCapitalizedWordBeforeALowercaseOneIsNoTransliteratedName() throws {
    #expect(try found("Der Gewerkschaftschef gab bei einer Pressekonferenz in Wien zu bedenken.") == ["Wien geo:2761369"])
    #expect(try found("Nach dem Treffen in Wien am Vortag reisten die Minister ab.") == ["Wien geo:2761369"])
  }

  @Test func namesEndingInACapitalizedWordStillMatchByKeyOrFuzzily() throws {
    #expect(try found("Kämpfe bei Tal Tamr und bei Tall Tamer.") == ["Tal Tamr geo:163345", "Tall Tamer geo:163345"])
    #expect(try found("Ein Konvoi erreichte Wen Su.") == ["Wen Su geo:1529660"])
  }
}
