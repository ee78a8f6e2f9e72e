import Foundation
import Testing

/// Hostile and broken input through the built binary: no crash, no hang, a located message, the
/// documented exit code, and every input line accounted for.
@Suite(.serialized) struct BadInputTests {
  @Test func emptyInputGivesEmptyOutput() throws {
    for command in [["segment", "--lang", "de"], ["normalize"], ["tokenize", "--lang", "de"]] {
      let result = try Glossa.run(command, input: "")
      #expect(result.status == 0 && result.stdout.isEmpty && result.stderr.isEmpty)
    }
  }

  @Test func nulBytesAreTextAndSurviveJSONL() throws {
    let jsonl = try Glossa.run(["normalize", "--input-format", "jsonl", "--output-format", "jsonl"], input: #"{"text": "Homs\u0000Hama"}"# + "\n")
    #expect(jsonl.status == 0)
    #expect(jsonl.stdout == #"{"text":"Homs\u0000Hama"}"# + "\n")
    let text = try Glossa.run(["segment", "--lang", "de"], inputBytes: Array("Homs".utf8) + [0x00] + Array("Hama.\n".utf8))
    #expect(text.status == 0 && text.stdout == "Homs\u{0}Hama.\n")
  }

  @Test func loneCarriageReturnsArePreservedInTextMode() throws {
    let result = try Glossa.run(["normalize"], input: "Erste Zeile\rim selben Absatz\r\nZweite Zeile\n")
    #expect(result.stdout == "Erste Zeile\rim selben Absatz\r\nZweite Zeile\n")
  }

  @Test func aHugeLineWithoutASentenceBreakIsOneSentence() throws {
    // 50 MB with no sentence end: one sentence, written whole, in bounded time and memory.
    let piece = "Konvoi zwischen Hasaka und Tall Tamr unterwegs und "
    let line = String(repeating: piece, count: 50_000_000 / piece.utf8.count)
    let result = try Glossa.run(["segment", "--lang", "de", "--jobs", "2"], input: line + "\n")
    #expect(result.status == 0)
    #expect(result.stdout.utf8.count == line.utf8.count, "the sentence without its trailing space, and a line feed")
    #expect(result.stdout.hasSuffix("Tall Tamr unterwegs und\n"))
  }

  @Test func aMillionCombiningMarksNormalizeAndSegment() throws {
    let line = "Hama" + String(repeating: "\u{0301}", count: 1_000_000) + " liegt am Orontes."
    let normalized = try Glossa.run(["normalize", "--form", "nfc"], input: line + "\n")
    #expect(normalized.status == 0)
    let composed = normalized.stdout.unicodeScalars.prefix(5).map(\.value) == [0x48, 0x61, 0x6D, 0xE1, 0x301]
    #expect(composed, "the first mark composes with its base, the others stay")
    #expect(normalized.stdout.unicodeScalars.count == line.unicodeScalars.count)
    let segmented = try Glossa.run(["segment", "--lang", "de"], input: line + "\n")
    #expect(segmented.status == 0)
    let whole = segmented.stdout == line + "\n"
    #expect(whole, "one sentence, the line itself")
  }

  @Test(arguments: [
    (#"["Homs"]"#, "<stdin>:1:1: error: malformed JSON: expected a JSON object"),
    ("Kein JSON", "<stdin>:1:1: error: malformed JSON: expected a JSON object"),
    (#"{"id": 1}"#, "<stdin>:1: error: missing \"text\" field"),
    (#"{"text": ["Homs"]}"#, "<stdin>:1: error: the \"text\" field is not a string"),
    (#"{"text": "a", "text": "b"}"#, "<stdin>:1:15: error: malformed JSON: duplicate member \"text\""),
    (#"{"text": "Homs"#, "<stdin>:1:15: error: malformed JSON: unterminated string"),
    (String(repeating: "[", count: 100_000), "<stdin>:1:1: error: malformed JSON: expected a JSON object"),
    (#"{"text": "x", "a": "# + String(repeating: "[", count: 100_000), "<stdin>:1:532: error: malformed JSON: JSON nested deeper than 512 levels"),
  ])
  func brokenJSONLLinesAreLocatedAndKeepTheirPlace(line: String, message: String) throws {
    let input = #"{"text": "Erste."}"# + "\n" + line + "\n" + #"{"text": "Letzte."}"# + "\n"
    let result = try Glossa.run(["segment", "--lang", "de", "--input-format", "jsonl", "--output-format", "jsonl", "--keep-going"], input: input)
    #expect(result.status == 1)
    #expect(result.stderr.contains(message.replacingOccurrences(of: "<stdin>:1", with: "<stdin>:2")), "\(result.stderr)")
    let lines = result.stdout.split(separator: "\n")
    #expect(lines.count == 3)
    #expect(lines[1].hasPrefix(#"{"error":{"file":"<stdin>","line":2,"#))
  }
}
