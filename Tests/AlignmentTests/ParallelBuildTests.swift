import Alignment
import Foundation
import GlossaCore
import Glossary
import Testing

/// The index built by several tasks is the serial one: same compiled file, same matches.
@Suite struct ParallelBuildTests {
  /// A GeoNames-like table: places with a preferred name, ASCII and alternate names in many scripts,
  /// shared words, attached and separate articles, and a concept id that occurs twice.
  static let geoNamesLike = """
    concept\tlang\tterm\tstatus
    geo:1\tund\tDayr az Zawr\tpreferred
    geo:1\tund\tDeir ez-Zor\tadmitted
    geo:1\tund\tDeyrizor\tadmitted
    geo:1\tund\tدير الزور\tadmitted
    geo:1\tund\tДейр-эз-Зор\tadmitted
    geo:2\tund\tAl Hasakah\tpreferred
    geo:2\tund\tal-Ḥasakah\tadmitted
    geo:2\tund\tAlhasakah\tadmitted
    geo:2\tund\tالحسكة\tadmitted
    geo:3\tund\tTall Tamr\tpreferred
    geo:3\tund\tTell Tamer\tadmitted
    geo:3\tund\t泰勒塔米尔\tadmitted
    geo:4\tund\tKarbala\tpreferred
    geo:4\tund\tKerbela\tadmitted
    geo:4\tund\tKarbala Governorate\tadmitted
    geo:5\tund\tTall Kalakh\tpreferred
    geo:5\tund\tTallkalakh\tadmitted
    geo:6\tund\tnahr al-Khabur\tpreferred
    geo:6\tund\tKhabur\tadmitted
    geo:7\tund\tAbu Kamal\tpreferred
    geo:7\tund\tAlbukamal\tadmitted
    geo:7\tund\t123\tadmitted
    geo:8\tund\tRas al Ayn\tpreferred
    geo:8\tund\tRaʾs al-ʿAyn\tadmitted
    geo:2\tund\tHassaké\tadmitted
    geo:9\tund\tMosul\tpreferred
    geo:9\tund\tMossul\tadmitted
    geo:9\tund\tМосул\tadmitted

    """

  static let text = """
    Gefechte bei Deir ez-Zor und Deyrizor, in al-Hasaka, Hassaké und Alhasakah; Pilger in Kerbela, \
    Kämpfe in Tallkalakh, am Chabur und Khabur, in Albukamal, Ras al-Ain und Mossul (Мосул, دير الزور).
    """

  private func temporaryPath(_ name: String) -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("glossa-\(UUID().uuidString)-\(name)").path
  }

  /// The compiled file of `index`.
  private func compiled(_ index: TermIndex) throws -> Data {
    let path = temporaryPath("build.glossa-index")
    defer { try? FileManager.default.removeItem(atPath: path) }
    try index.write(toFile: path)
    return try Data(contentsOf: URL(fileURLWithPath: path))
  }

  private func check(_ glossary: Glossary, text: String) async throws {
    let serial = try TermIndex(glossary: glossary)
    let expected = try compiled(serial)
    let matches = try serial.matches(in: text)
    // Each job gets a part however few terms it has (as a large glossary would), and with the default
    // small glossaries go to fewer tasks.
    for jobs in [1, 2, 3, 8, 100] {
      for minimum in [1, TermIndex.termsPerTask] {
        let parallel = try await TermIndex.build(glossary: glossary, jobs: jobs, minimumTermsPerTask: minimum)
        #expect(try compiled(parallel) == expected, "jobs \(jobs), at least \(minimum) terms per task")
        #expect(try parallel.matches(in: text) == matches, "jobs \(jobs), at least \(minimum) terms per task")
      }
    }
  }

  @Test func parallelBuildOfAGeoNamesLikeTableIsTheSerialBuild() async throws {
    let glossary = try Glossary.read(Self.geoNamesLike, format: .tsv)
    #expect(glossary.concepts.count == 9)
    let index = try TermIndex(glossary: glossary)
    #expect(try !index.matches(in: Self.text).isEmpty)
    try await check(glossary, text: Self.text)
  }

  @Test func parallelBuildOfTheShippedGlossaryIsTheSerialBuild() async throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let glossary = try Glossary.load(contentsOf: root.appendingPathComponent("Glossaries/levant-places.tbx").path)
    try await check(glossary, text: CompiledIndexTests.text + " " + Self.text)
  }
}

/// Tasks matching with one index share its key cache and its lookup and fuzzy memos: what one task
/// stores, another finds, and the matches are those of one task alone.
@Suite struct SharedIndexTests {
  static let sentences = [
    "Kämpfe bei al-Hassake und in Deir Ezzor, Tanklaster nach Deyrizor und Derezor.",
    "Pilger über Necef nach Kerbela, Busse aus حمص nach دير الزور, Gefechte in Tell Kalakh.",
    "Die Mosel ist nicht Mossul; in Hasaka und Hassaka blieb es ruhig, in Rakkas Altstadt nicht.",
    "Aus Homs, HAMA, Hassaké und Kameschli? Nein: aus Mosul, Rakka und Qamishly.",
    "In der Provinz Anbar und in Anbar selbst, bei Tikritas und nahe Tal Tamar wurde gekämpft.",
  ]

  @Test func concurrentTasksMatchAsOneTaskDoes() async throws {
    let index = try TermIndex(glossary: Fixtures.glossary)
    let expected = try Self.sentences.map { try TermIndex(glossary: Fixtures.glossary).matches(in: $0) }
    let found = try await withThrowingTaskGroup(of: (Int, [TermMatch]).self) { group in
      for round in 0..<40 {
        let number = round % Self.sentences.count
        group.addTask { (number, try index.matches(in: Self.sentences[number])) }
      }
      var found: [(Int, [TermMatch])] = []
      for try await result in group { found.append(result) }
      return found
    }
    #expect(found.count == 40)
    for (number, matches) in found { #expect(matches == expected[number], "sentence \(number)") }
    #expect(expected.allSatisfy { !$0.isEmpty })
  }
}
