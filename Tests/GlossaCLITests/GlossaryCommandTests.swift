import Foundation
import Testing

/// `glossa glossary …`, run as a user would.
@Suite(.serialized) struct GlossaryCommandTests {
  @Test func helpShowsARealExampleForEveryGlossarySubcommand() throws {
    for command in ["validate", "convert", "stats", "merge", "import-geonames", "compile"] {
      let result = try Glossa.run(["glossary", command, "--help"])
      #expect(result.status == 0)
      #expect(result.stdout.contains("glossa glossary \(command)"), "the example of \(command) does not run it")
    }
  }

  /// `glossary compile G` writes G's index beside it; `apply --glossary G` then loads that index while G
  /// is as it was compiled, and indexes G itself (with a note) once G changed.
  @Test func compileWritesTheIndexBesideTheGlossaryAndApplyUsesItWhileTheGlossaryIsUnchanged() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("glossa-compile-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let glossary = directory.appendingPathComponent("places.tsv")
    let compiled = directory.appendingPathComponent("places.glossa-index")
    let table = "concept\tlang\tterm\tstatus\ngeo:173811\tde\tal-Hasaka\tpreferred\ngeo:173811\tde\tHassake\tadmitted\n"
    try Data(table.utf8).write(to: glossary)

    let compile = try Glossa.run(["glossary", "compile", glossary.path])
    #expect(compile.status == 0)
    #expect(compile.stderr == "")
    #expect(FileManager.default.fileExists(atPath: compiled.path))

    let text = "Ein Konvoi erreichte Hassake am Abend.\n"
    let apply = ["apply", "--glossary", glossary.path, "--lang", "de", "-"]
    let first = try Glossa.run(apply, input: text)
    #expect(first.stdout == "Ein Konvoi erreichte al-Hasaka am Abend.\n")
    #expect(first.stderr == "")

    // Same size and modification time, another canonical name: only the compiled index still says
    // al-Hasaka, so the output shows which one was used.
    let compiledAt = try #require(try FileManager.default.attributesOfItem(atPath: glossary.path)[.modificationDate] as? Date)
    try Data(table.replacingOccurrences(of: "al-Hasaka", with: "Al-Hasaka").utf8).write(to: glossary)
    try FileManager.default.setAttributes([.modificationDate: compiledAt], ofItemAtPath: glossary.path)
    #expect(try Glossa.run(apply, input: text).stdout == "Ein Konvoi erreichte al-Hasaka am Abend.\n")

    // Changed after compiling: the glossary itself is indexed, and stderr says why.
    try FileManager.default.setAttributes([.modificationDate: compiledAt.addingTimeInterval(60)], ofItemAtPath: glossary.path)
    let changed = try Glossa.run(apply, input: text)
    #expect(changed.status == 0)
    #expect(changed.stdout == "Ein Konvoi erreichte Al-Hasaka am Abend.\n")
    #expect(changed.stderr.hasPrefix("glossa: note: not using \(compiled.path): stale: "))
    #expect(changed.stderr.hasSuffix("; indexing \(glossary.path) instead\n"))

    let fromStandardInput = try Glossa.run(["glossary", "compile", "-"], input: table)
    #expect(fromStandardInput.status != 0)
    #expect(fromStandardInput.stderr.contains("-o is needed when the glossary is read from standard input"))
  }

  @Test func shippedGlossaryValidates() throws {
    let result = try Glossa.run(["glossary", "validate", "Glossaries/levant-places.tbx"])
    #expect(result.status == 0)
    #expect(result.stderr == "")
    #expect(result.stdout.hasPrefix("Glossaries/levant-places.tbx: tbx, 230 concepts, "))
    #expect(result.stdout.hasSuffix(" terms, 0 errors, 0 warnings\n"))
  }

  @Test func validateReportsEveryProblemWithItsLocation() throws {
    let tsv = """
      concept\tlang\tterm\tstatus
      geo:173811\tde\tal-Hasaka\tpreferred
      geo:173811\tde\tHassake\tpreferred
      geo:163434\tde\tTal Tamar\tbevorzugt
      geo:163434\tde_DE\tTell Tamer\tpreferred

      """
    let result = try Glossa.run(["glossary", "validate", "-"], input: tsv)
    #expect(result.status == 1)
    #expect(result.stderr == """
      <stdin>:3:15: error: second preferred term 'Hassake' for concept 'geo:173811' in language 'de' (the preferred term is 'al-Hasaka')
      <stdin>:4:25: error: unknown status 'bevorzugt' (expected preferred, admitted or deprecated)
      <stdin>:5:18: error: bad language tag 'de_DE' (expected BCP 47, e.g. de, ar-SY, und)

      """)
    #expect(result.stdout == "<stdin>: tsv, 2 concepts, 3 terms, 3 errors, 0 warnings\n")
  }

  @Test func convertRoundTripsThroughTBXAndJSON() throws {
    let tsv = try Glossa.run(["glossary", "convert", "Glossaries/levant-places.tbx", "--to", "tsv"])
    #expect(tsv.status == 0)
    #expect(tsv.stdout.contains("geo:173811\tde\tal-Hassake\tadmitted\t\t\t\n"))
    let tbx = try Glossa.run(["glossary", "convert", "-", "--to", "tbx"], input: tsv.stdout)
    let json = try Glossa.run(["glossary", "convert", "-", "--to", "json"], input: tbx.stdout)
    let back = try Glossa.run(["glossary", "convert", "-", "--to", "tsv"], input: json.stdout)
    #expect(back.status == 0)
    #expect(back.stdout == tsv.stdout)
  }

  @Test func convertWritesSourceTargetPairs() throws {
    let result = try Glossa.run(["glossary", "convert", "Glossaries/levant-places.tbx", "--to", "tsv", "--source-lang", "de", "--target-lang", "en"])
    #expect(result.status == 0)
    let lines = Set(result.stdout.split(separator: "\n").map(String.init))
    #expect(lines.contains("Deir Ezzor\tDeir ez-Zor"))
    #expect(lines.contains("al-Hassake\tAl-Hasakah"))
    #expect(lines.contains("Tal Tamar\tTell Tamer"))
  }

  @Test func unsafeXMLFailsFastWithALocatedError() throws {
    let xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE tbx [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n<tbx/>\n"
    let result = try Glossa.run(["glossary", "convert", "-", "--to", "tsv"], input: xxe)
    #expect(result.status == 1)
    #expect(result.stdout == "")
    #expect(result.stderr.hasPrefix("<stdin>:2:16: error: entity declaration refused"))
  }

  @Test func importGeoNamesFiltersACitiesFile() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("glossa-geonames-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let cities = directory.appendingPathComponent("cities500.txt")
    let rows = [
      ["169577", "Homs", "Homs", "Emesa,Hims,Hums,حمص", "34.72682", "36.72339", "P", "PPLA", "SY", "", "11", "", "", "", "775404", "", "498", "Asia/Damascus", "2023-01-12"],
      ["163434", "Tall Tamr", "Tall Tamr", "Tal Tamr,Tell Tamer", "36.65", "40.37", "P", "PPL", "SY", "", "01", "", "", "", "7285", "", "311", "Asia/Damascus", "2012-01-18"],
      ["98182", "Baghdad", "Baghdad", "Bagdad,Bagdád,بغداد", "33.34058", "44.40088", "P", "PPLC", "IQ", "", "07", "", "", "", "7216000", "", "44", "Asia/Baghdad", "2023-01-12"],
    ]
    try (rows.map { $0.joined(separator: "\t") }.joined(separator: "\n") + "\n").write(to: cities, atomically: true, encoding: .utf8)
    let result = try Glossa.run(["glossary", "import-geonames", cities.path, "--country", "SY", "--min-population", "20000", "--to", "tsv"])
    #expect(result.status == 0)
    #expect(result.stdout == """
      concept\tlang\tterm\tstatus\tref\tsubject\tconcept_note
      geo:169577\tund\tHoms\tpreferred\tgeonames:169577\tpopulated place (P.PPLA)\tcountry SY, population 775404
      geo:169577\tund\tEmesa\tadmitted\t\t\t
      geo:169577\tund\tHims\tadmitted\t\t\t
      geo:169577\tund\tHums\tadmitted\t\t\t
      geo:169577\tund\tحمص\tadmitted\t\t\t

      """)
  }
}
