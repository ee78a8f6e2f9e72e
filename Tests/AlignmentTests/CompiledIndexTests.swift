import Alignment
import Foundation
import GlossaCore
import Glossary
import Testing

@Suite struct CompiledIndexTests {
  static let text = """
    Kämpfe bei al-Hassake, Deir Ezzor und Rakkas Altstadt; Hamas-Sprecher in Hama, Busse aus حمص nach \
    دير الزور, Kerbela, Manbij und Tal Tamar. Die Mosel ist nicht Mossul.
    """

  private func temporaryPath(_ name: String) -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("glossa-\(UUID().uuidString)-\(name)").path
  }

  @Test func compiledIndexMatchesLikeTheBuiltOne() throws {
    let path = temporaryPath("levant.glossa-index")
    defer { try? FileManager.default.removeItem(atPath: path) }
    try Fixtures.index.write(toFile: path)
    #expect(TermIndex.isCompiledIndex(path: path))
    let loaded = try TermIndex(contentsOf: path)
    #expect(try loaded.matches(in: Self.text) == Fixtures.index.matches(in: Self.text))
    #expect(loaded.conceptCount == Fixtures.index.conceptCount)
    #expect(loaded.canonical(of: "geo:173811", in: "en") == "Al-Hasakah")
    let applied = try TermApplier(index: loaded, mode: .annotate, targetLanguage: "de").run(Document(Self.text)).output.text
    let expected = try TermApplier(index: Fixtures.index, mode: .annotate, targetLanguage: "de").run(Document(Self.text)).output.text
    #expect(applied == expected)
    #expect(loaded.glossary.concepts.map(\.id) == Fixtures.glossary.concepts.map(\.id))
  }

  @Test func compiledIndexKeepsOtherReadingsAndTheClosestSpelling() throws {
    let path = temporaryPath("readings.glossa-index")
    defer { try? FileManager.default.removeItem(atPath: path) }
    try ReadingTests.index.write(toFile: path)
    let loaded = try TermIndex(contentsOf: path)
    let text = """
      Kämpfe in Tikritas, Pilger über Necef nach Kerbela, Gefechte bei Derezor und in Tell Kalakh, \
      Tanklaster nach Deyrizor, Festnahmen in der Provinz Anbar und in Anbar selbst.
      """
    let built = try ReadingTests.index.matches(in: text)
    #expect(built.count == 8)
    #expect(try loaded.matches(in: text) == built)
    // Two concepts fit; the closer spelling is an admitted term, which the compiled file's reduced
    // glossary no longer holds.
    var concepts = Fixtures.glossary.concepts
    concepts.append(Concept(id: "test:darayya", terms: [
      Term(language: "en", text: "Darayya", status: .preferred), Term(language: "de", text: "Dārayyā", status: .admitted),
    ]))
    concepts.append(Concept(id: "test:daraa", terms: [
      Term(language: "en", text: "Deraa", status: .preferred), Term(language: "de", text: "Dar‘ā", status: .admitted),
    ]))
    let index = try TermIndex(glossary: Glossary(concepts: concepts))
    try index.write(toFile: path)
    let ambiguous = "Die Kämpfe in Darua dauerten an."
    let compiled = try TermIndex(contentsOf: path).matches(in: ambiguous)
    #expect(compiled.first?.concept == "test:daraa")
    #expect(compiled == (try index.matches(in: ambiguous)))
  }

  @Test func damagedTruncatedAndForeignFilesAreRejected() throws {
    let path = temporaryPath("damaged.glossa-index")
    defer { try? FileManager.default.removeItem(atPath: path) }
    try Fixtures.index.write(toFile: path)
    var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
    bytes[bytes.count - 20] ^= 0xFF
    try bytes.write(to: URL(fileURLWithPath: path))
    #expect { try TermIndex(contentsOf: path) } throws: { "\($0)".contains("damaged") }
    try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: path))
    #expect { try TermIndex(contentsOf: path) } throws: { "\($0)".contains("damaged") }
    try Data("concept\tlang\tterm\tstatus\n".utf8).write(to: URL(fileURLWithPath: path))
    #expect(!TermIndex.isCompiledIndex(path: path))
    #expect { try TermIndex(contentsOf: path) } throws: { "\($0)".contains("not a compiled Glossa index") }
  }

  /// A loaded index reads its file through a mapping; recompiling writes a new file and renames it over
  /// the old one, so an index in use keeps its own content, and the next load sees the new one.
  @Test func loadedIndexOutlivesItsFileBeingRecompiledAndRemoved() throws {
    let path = temporaryPath("replaced.glossa-index")
    defer { try? FileManager.default.removeItem(atPath: path) }
    try Fixtures.index.write(toFile: path)
    let loaded = try TermIndex(contentsOf: path)
    let other = try TermIndex(glossary: Glossary(concepts: [
      Concept(id: "test:tabqa", terms: [Term(language: "de", text: "Tabqa", status: .preferred)])
    ]))
    try other.write(toFile: path)
    let text = "Von Rakka fuhren sie über Tabqa nach al-Hassake."
    #expect(try loaded.matches(in: text) == Fixtures.index.matches(in: text))
    #expect(try TermIndex(contentsOf: path).matches(in: text).map(\.concept) == ["test:tabqa"])
    try FileManager.default.removeItem(atPath: path)
    #expect(try loaded.matches(in: text).map(\.concept) == ["geo:172955", "geo:173811"])
    #expect(!FileManager.default.fileExists(atPath: path + ".tmp-\(ProcessInfo.processInfo.processIdentifier)"))
  }

  @Test func emptyAndMissingFilesAreRejectedWithTheirPath() throws {
    let path = temporaryPath("empty.glossa-index")
    defer { try? FileManager.default.removeItem(atPath: path) }
    try Data().write(to: URL(fileURLWithPath: path))
    #expect { try TermIndex(contentsOf: path) } throws: { "\($0)".hasPrefix(path) && "\($0)".contains("ends too early") }
    try FileManager.default.removeItem(atPath: path)
    #expect { try TermIndex(contentsOf: path) } throws: { "\($0)".hasPrefix(path) && "\($0)".contains("cannot open") }
  }

  @Test func otherRulesOrAChangedSourceMakeItStale() throws {
    let path = temporaryPath("stale.glossa-index")
    let source = temporaryPath("source.tsv")
    defer {
      try? FileManager.default.removeItem(atPath: path)
      try? FileManager.default.removeItem(atPath: source)
    }
    try Data("concept\tlang\tterm\tstatus\n".utf8).write(to: URL(fileURLWithPath: source))
    try Fixtures.index.write(toFile: path, source: source)
    _ = try TermIndex(contentsOf: path)
    var rules = MatchKeyRules.standard
    rules.commonWords.insert("glossatestwort")
    #expect { try TermIndex(contentsOf: path, rules: rules) } throws: { "\($0)".contains("stale") }
    #expect { try TermIndex(contentsOf: path, options: .init(minimumFuzzyLength: nil)) } throws: { "\($0)".contains("stale") }
    #expect { try TermIndex(contentsOf: path, options: .init(minimumCompactSkeletonLength: 8)) } throws: { "\($0)".contains("stale") }
    var otherReadings = MatchKeyRules.standard
    otherReadings.foreignEndings.append("um")
    #expect { try TermIndex(contentsOf: path, rules: otherReadings) } throws: { "\($0)".contains("stale") }
    var otherHeads = MatchKeyRules.standard
    otherHeads.genericHeads.append(["bezirk"])
    #expect { try TermIndex(contentsOf: path, rules: otherHeads) } throws: { "\($0)".contains("stale") }
    try Data("concept\tlang\tterm\tstatus\ngeo:1\tde\tX\tpreferred\n".utf8).write(to: URL(fileURLWithPath: source))
    #expect { try TermIndex(contentsOf: path) } throws: { "\($0)".contains("stale") }
  }

  @Test func theCompiledIndexOfAGlossaryGoesBesideIt() {
    #expect(TermIndex.compiledIndexPath(forGlossary: "data/cities500.tsv") == "data/cities500.glossa-index")
    #expect(TermIndex.compiledIndexPath(forGlossary: "Glossaries/levant-places.tbx") == "Glossaries/levant-places.glossa-index")
    #expect(TermIndex.compiledIndexPath(forGlossary: "v1.2/places") == "v1.2/places.glossa-index")
    #expect(TermIndex.compiledIndexPath(forGlossary: ".places") == ".places.glossa-index")
  }

  /// The index beside a glossary stands in for it only while it was compiled from the glossary as it is.
  @Test func anIndexBesideItsGlossaryStandsInForItWhileTheGlossaryIsUnchanged() throws {
    let directory = temporaryPath("beside")
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let glossary = directory + "/levant.tsv", compiled = directory + "/levant.glossa-index"
    let table = "concept\tlang\tterm\tstatus\ngeo:173811\tde\tal-Hasaka\tpreferred\ngeo:173811\tde\tHassake\tadmitted\n"
    try Data(table.utf8).write(to: URL(fileURLWithPath: glossary))
    #expect(try TermIndex.compiledIndex(besideGlossary: glossary) == nil)

    let index = try TermIndex(glossary: try Glossary.load(contentsOf: glossary))
    try index.write(toFile: compiled, source: glossary)
    let loaded = try #require(try TermIndex.compiledIndex(besideGlossary: glossary))
    let text = "Ein Konvoi erreichte Hassake am Abend."
    #expect(try loaded.matches(in: text) == index.matches(in: text))
    #expect(try loaded.matches(in: text).map(\.concept) == ["geo:173811"])

    // Compiled from another file (no recorded stamp of this one): not this glossary's index.
    try index.write(toFile: compiled)
    #expect { try TermIndex.compiledIndex(besideGlossary: glossary) } throws: {
      "\($0)".hasPrefix(compiled) && "\($0)".contains("stale: not compiled from \(glossary)")
    }
    // The glossary changed after compiling.
    try index.write(toFile: compiled, source: glossary)
    try Data((table + "geo:170063\tde\tAleppo\tpreferred\n").utf8).write(to: URL(fileURLWithPath: glossary))
    #expect { try TermIndex.compiledIndex(besideGlossary: glossary) } throws: { "\($0)".contains("stale") }
  }
}
