import Foundation
import Testing

/// Runs the built `glossa` binary, as a user or a script would.
struct Glossa {
  /// The binary next to the test bundle (SwiftPM builds it because the test target depends on it).
  static let binary: URL = {
    let here = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for directory in [here, here.deletingLastPathComponent()] {
      let candidate = directory.appendingPathComponent("glossa")
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
    }
    return packageRoot.appendingPathComponent(".build/debug/glossa")
  }()

  static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  struct Result {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  static func run(_ arguments: [String], input: String = "", executable: URL = binary, directory: URL = packageRoot) throws -> Result {
    try run(arguments, inputBytes: Array(input.utf8), executable: executable, directory: directory)
  }

  static func run(_ arguments: [String], inputBytes: [UInt8], executable: URL = binary, directory: URL = packageRoot) throws -> Result {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.currentDirectoryURL = directory
    let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
    process.standardInput = stdin
    process.standardOutput = stdout
    process.standardError = stderr
    try process.run()
    // Write input and read output concurrently, so large outputs cannot block the child.
    let writer = Thread {
      stdin.fileHandleForWriting.write(Data(inputBytes))
      try? stdin.fileHandleForWriting.close()
    }
    writer.start()
    let errorData = Locked<Data>(Data())
    let errorReader = Thread { errorData.value = stderr.fileHandleForReading.readDataToEndOfFile() }
    errorReader.start()
    let output = stdout.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    while errorReader.isExecuting || !errorReader.isFinished { usleep(1000) }
    return Result(status: process.terminationStatus, stdout: String(decoding: output, as: UTF8.self), stderr: String(decoding: errorData.value, as: UTF8.self))
  }
}

final class Locked<Value>: @unchecked Sendable {
  private let lock = NSLock()
  private var stored: Value
  init(_ value: Value) { stored = value }
  var value: Value {
    get { lock.withLock { stored } }
    set { lock.withLock { stored = newValue } }
  }
}

@Suite(.serialized) struct GlossaCLITests {
  @Test func helpShowsARealExampleForEverySubcommand() throws {
    for command in ["segment", "tokenize", "normalize", "run"] {
      let result = try Glossa.run([command, "--help"])
      #expect(result.status == 0)
      #expect(result.stdout.contains("Example"), "no example in the help of \(command)")
      #expect(result.stdout.contains("glossa \(command)"), "the example of \(command) does not run it")
    }
  }

  @Test func segmentsTextOneSentencePerLine() throws {
    let result = try Glossa.run(["segment", "--lang", "de"], input: "Die Lage in Hasaka bleibt angespannt. Ein Sprecher bestätigte das.\n\nNeuer Absatz.\n")
    #expect(result.status == 0)
    #expect(result.stdout == "Die Lage in Hasaka bleibt angespannt.\nEin Sprecher bestätigte das.\n\nNeuer Absatz.\n")
  }

  @Test func tokenizesTextWithOneSpaceBetweenTokens() throws {
    let result = try Glossa.run(["tokenize", "--lang", "de"], input: "  Am 13. April kam al-Hasaka „zur Ruhe“.\n\nÄrger!\r\n")
    #expect(result.status == 0)
    #expect(result.stdout == "Am 13 . April kam al - Hasaka „ zur Ruhe “ .\n\nÄrger !\n")
  }

  @Test func jsonlRoundTripKeepsFieldsAndOrder() throws {
    let input = """
      {"id": "a1", "text": "Kämpfe bei Deir Ezzor. Die Armee zog ab.", "meta": {"quelle": "dpa"}}
      {"text": "Ruhig in Homs.", "id": "a2"}

      """
    let result = try Glossa.run(["segment", "--lang", "de", "--input-format", "jsonl", "--output-format", "jsonl"], input: input)
    #expect(result.status == 0)
    let lines = result.stdout.split(separator: "\n").map(String.init)
    #expect(lines == [
      #"{"id":"a1","text":"Kämpfe bei Deir Ezzor. Die Armee zog ab.","meta":{"quelle": "dpa"},"sentences":["Kämpfe bei Deir Ezzor.","Die Armee zog ab."]}"#,
      #"{"text":"Ruhig in Homs.","id":"a2","sentences":["Ruhig in Homs."]}"#,
    ])
  }

  @Test func badLinesAreReportedWithLocationAndNeverDropped() throws {
    var input = Array(#"{"id": 1, "text": "Erste Meldung aus Rakka."}"#.utf8) + [0x0A]
    input += Array(#"{"id": 2, "text": "kaputt}"#.utf8) + [0x0A]
    input += Array(#"{"id": 3, "text": "Dritte Meldung."}"#.utf8) + [0x0A]
    input += Array("Ung\u{FC}ltig: ".utf8) + [0xFF, 0x0A]
    let result = try Glossa.run(["segment", "--lang", "de", "--input-format", "jsonl", "--output-format", "jsonl", "--keep-going"], inputBytes: input)
    #expect(result.status == 1)
    let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
    #expect(lines.count == 4, "one output line per input line")
    #expect(lines[0].contains(#""sentences":["Erste Meldung aus Rakka."]"#))
    #expect(lines[1].hasPrefix(#"{"error":{"file":"<stdin>","line":2,"column":27"#))
    #expect(lines[2].contains(#""id":3"#))
    #expect(result.stderr.contains("<stdin>:2:27: error: malformed JSON: unterminated string"))
    #expect(result.stderr.contains("<stdin>:4:11: error: invalid UTF-8 (byte 121 of the input)"))
  }

  @Test func invalidUTF8InTextInputIsLocated() throws {
    let input = Array("Erste Zeile.\nZweite ".utf8) + [0xC3, 0x28] + Array(" Zeile.\n".utf8)
    let result = try Glossa.run(["normalize", "--punctuation"], inputBytes: input)
    #expect(result.status == 1)
    #expect(result.stdout == "Erste Zeile.\n")
    #expect(result.stderr.contains("<stdin>:2:8: error: invalid UTF-8 (byte 20 of the input)"))
  }

  @Test func unknownLocaleTransliteratorAndMissingFileFailClearly() throws {
    let locale = try Glossa.run(["segment", "--lang", "xx"], input: "Text.\n")
    #expect(locale.status != 0)
    #expect(locale.stderr.contains("unknown locale \"xx\""))
    let transliterator = try Glossa.run(["normalize", "--transliterate", "Latin-Klingon"], input: "Text\n")
    #expect(transliterator.status != 0)
    #expect(transliterator.stderr.contains("unknown transliterator \"Latin-Klingon\": U_INVALID_ID"))
    let missing = try Glossa.run(["tokenize", "--lang", "de", "/nonexistent/artikel.txt"])
    #expect(missing.status != 0)
    #expect(missing.stderr.contains("/nonexistent/artikel.txt: cannot open file"))
  }

  @Test func normalizeRewritesPunctuationAndKeepsOtherFields() throws {
    let text = try Glossa.run(["normalize", "--punctuation"], input: "Raʾs al‑ʿAyn\u{00A0}und „Deir ez‑Zor“\r\n")
    #expect(text.stdout == "Ra's al-'Ayn und \"Deir ez-Zor\"\n")
    let kept = try Glossa.run(["normalize", "--punctuation", "--line-ends", "keep"], input: "Homs\r\n")
    #expect(kept.stdout == "Homs\r\n")
    let jsonl = try Glossa.run(["normalize", "--form", "nfkc-casefold", "--input-format", "jsonl", "--output-format", "jsonl"], input: #"{"id": 7, "text": "AL-HASAKA"}"# + "\n")
    #expect(jsonl.stdout == #"{"id":7,"text":"al-hasaka"}"# + "\n")
  }

  @Test func tokenizeGivesCodePointOffsetsIntoTheInput() throws {
    let result = try Glossa.run(["tokenize", "--lang", "de", "--input-format", "jsonl", "--output-format", "jsonl"], input: #"{"text": "Größe: Ḥimṣ"}"# + "\n")
    #expect(result.stdout.contains(#"{"text":"Ḥimṣ","start":7,"end":11,"kind":"word"}"#))
    let plain = try Glossa.run(["tokenize", "--lang", "de"], input: "Am 13. April kam al-Hassake.\n")
    #expect(plain.stdout == "Am 13 . April kam al - Hassake .\n")
  }

  @Test func runsTheShippedExamplePipeline() throws {
    let result = try Glossa.run(["run", "--pipeline", "Examples/pipeline-de.json", "--input-format", "jsonl", "--output-format", "jsonl", "Examples/news-de.jsonl"])
    #expect(result.status == 0, "\(result.stderr)")
    let lines = result.stdout.split(separator: "\n")
    #expect(lines.count == 2)
    #expect(lines[0].hasPrefix(#"{"id":"ex-1","source":"Beispiel","text":"Der Konvoi erreichte"#))
    #expect(lines[1].contains(#""sentences":["#) && lines[1].contains(#""tokens":[{"text":"In","start":0,"end":2,"kind":"word"}"#))
    let broken = try Glossa.run(["run", "--pipeline", "/nonexistent/pipeline.json"], input: "x\n")
    #expect(broken.status != 0 && broken.stderr.contains("/nonexistent/pipeline.json: error: cannot read pipeline file"))
  }

  @Test func builtInGlossaryServesWhenTheShippedFileIsNotAround() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("glossa-alone-\(getpid())")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let copy = directory.appendingPathComponent("glossa")
    try FileManager.default.copyItem(at: Glossa.binary, to: copy)
    let line = "Gefechte bei al-Hassake, in Rakkas Altstadt und nahe Deir Ezzor.\n"
    let alone = try Glossa.run(["apply", "--lang", "de"], input: line, executable: copy, directory: directory)
    let shipped = try Glossa.run(["apply", "--lang", "de"], input: line)
    #expect(alone.status == 0, "\(alone.stderr)")
    #expect(alone.stdout == "Gefechte bei al-Hasaka, in ar-Raqqas Altstadt und nahe Deir ez-Zor.\n")
    #expect(alone.stdout == shipped.stdout)
  }

  @Test func runsTheWholePipelineWithTermsApplied() throws {
    let sentences = try Glossa.run(["segment", "--lang", "de", "Examples/article-de.txt"])
    let result = try Glossa.run(["run", "--pipeline", "Examples/pipeline-de-apply.json", "--jobs", "2", "Examples/article-de.txt"])
    #expect(result.status == 0, "\(result.stderr)")
    let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
    #expect(lines.count == sentences.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast().count)
    #expect(lines.contains { $0.contains("zwischen Palmyra und Deir ez-Zor") })
    #expect(lines.contains { $0.contains("nach al-Hasaka.") })
    #expect(!result.stdout.contains("Hassake"))
    let jsonl = try Glossa.run(
      ["run", "--pipeline", "Examples/pipeline-de-apply.json", "--output-format", "jsonl"],
      input: "In Deir Ezzor blieb es ruhig.\n")
    #expect(jsonl.stdout.contains(#""terms":[{"start":3,"end":13,"surface":"Deir Ezzor","concept":"geo:170794","canonical":"Deir ez-Zor""#))
  }

  @Test func parallelWorkersKeepInputOrder() throws {
    // Enough lines for many batches; every line differs, some are bad.
    var lines: [String] = []
    for number in 1...6000 {
      if number % 997 == 0 {
        lines.append(#"{"id": \#(number), "text": }"#)
      } else {
        lines.append(#"{"id": \#(number), "text": "Meldung \#(number) aus Deir Ezzor. Die Lage in Hasaka bleibt ruhig."}"#)
      }
    }
    let input = lines.joined(separator: "\n") + "\n"
    let arguments = ["segment", "--lang", "de", "--input-format", "jsonl", "--output-format", "jsonl", "--keep-going"]
    let one = try Glossa.run(arguments + ["--jobs", "1"], input: input)
    let two = try Glossa.run(arguments + ["--jobs", "2"], input: input)
    #expect(one.status == 1 && two.status == 1)
    #expect(one.stdout == two.stdout)
    #expect(one.stderr == two.stderr)
    let output = two.stdout.split(separator: "\n")
    #expect(output.count == 6000)
    #expect(output[4999].hasPrefix(#"{"id":5000,"#))
    #expect(output[996].hasPrefix(#"{"error":{"file":"<stdin>","line":997,"#))
    #expect(two.stderr.contains("glossa: 6 errors in 6000 input lines"))
  }

  @Test func invalidUTF8PolicyIsChosenByOption() throws {
    let input = [0xEF, 0xBB, 0xBF] + Array("Erste Meldung.\nUng".utf8) + [0xFC] + Array("ltig.\nLetzte Meldung.\n".utf8)
    let byDefault = try Glossa.run(["segment", "--lang", "de"], inputBytes: input)
    #expect(byDefault.status == 1)
    #expect(byDefault.stdout == "Erste Meldung.\n", "the BOM is not text; the run stops at the bad line")
    #expect(byDefault.stderr.contains("<stdin>:2:4: error: invalid UTF-8 (byte 21 of the input)"))
    #expect(byDefault.stderr.contains("stopped at the first"))
    let goingOn = try Glossa.run(["segment", "--lang", "de", "--keep-going"], inputBytes: input)
    #expect(goingOn.status == 1)
    #expect(goingOn.stdout == "Erste Meldung.\nLetzte Meldung.\n")
    let replaced = try Glossa.run(["segment", "--lang", "de", "--on-invalid", "replace"], inputBytes: input)
    #expect(replaced.status == 0)
    #expect(replaced.stdout == "Erste Meldung.\nUng\u{FFFD}ltig.\nLetzte Meldung.\n")
    #expect(replaced.stderr.contains("<stdin>:2:4: warning: invalid UTF-8"))
    let skipped = try Glossa.run(["segment", "--lang", "de", "--on-invalid", "skip-line"], inputBytes: input)
    #expect(skipped.status == 0 && skipped.stdout == "Erste Meldung.\nLetzte Meldung.\n")
    let stopped = try Glossa.run(["segment", "--lang", "de", "--on-invalid", "fail", "--keep-going"], inputBytes: input)
    #expect(stopped.status == 1 && stopped.stdout == "Erste Meldung.\n")
    #expect(stopped.stderr.contains("stopped at the first"))
  }

  @Test func errorRecordsGoToTheirOwnFile() throws {
    let errors = FileManager.default.temporaryDirectory.appendingPathComponent("glossa-errors-\(UUID()).jsonl").path
    defer { try? FileManager.default.removeItem(atPath: errors) }
    let input = """
      {"id": 1, "text": "Kämpfe nahe Palmyra."}
      {"id": 2, "text": "doppelt", "text": "zweimal"}
      {"id": 3}
      {"id": 4, "text": "Ruhe in Idlib."}

      """
    let result = try Glossa.run(["segment", "--lang", "de", "--input-format", "jsonl", "--output-format", "jsonl", "--errors", errors, "--keep-going"], input: input)
    #expect(result.status == 1)
    let good = result.stdout.split(separator: "\n")
    let bad = try String(contentsOfFile: errors, encoding: .utf8).split(separator: "\n")
    #expect(good.count + bad.count == 4, "every input line is in the output or in the error file")
    #expect(good.map { $0.prefix(8) } == [#"{"id":1,"#, #"{"id":4,"#])
    #expect(bad[0].contains(#""line":2,"column":30,"message":"malformed JSON: duplicate member \"text\"""#))
    #expect(bad[1].contains(#""line":3,"column":null,"message":"missing \"text\" field""#))
  }

  @Test func progressGoesToStandardErrorOnlyWhenAsked() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("glossa-progress-\(UUID()).txt").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    try String(repeating: "Die Lage in Hasaka bleibt angespannt. Ein Sprecher bestätigte das.\n", count: 2000)
      .write(toFile: path, atomically: true, encoding: .utf8)
    let quiet = try Glossa.run(["segment", "--lang", "de", path])
    let shown = try Glossa.run(["segment", "--lang", "de", "--progress", path])
    #expect(quiet.stderr.isEmpty, "no progress when standard error is not a terminal")
    #expect(shown.stderr.contains("MB/s") && shown.stderr.contains("%"))
    #expect(shown.stdout == quiet.stdout)
    #expect(quiet.stdout.split(separator: "\n").count == 4000)
  }
}
