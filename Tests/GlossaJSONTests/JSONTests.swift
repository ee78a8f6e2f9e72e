import GlossaJSON
import Testing

@Suite struct JSONParserTests {
  @Test func parsesNestedValuesInOrder() throws {
    let value = try JSONParser.parse(#"{"id": "dpa-17", "tags": ["syrien", null, true], "n": -1.5e3, "text": "Konvoi bei \u201eTal Tamar\u201c"}"#)
    guard case .object(let members) = value else { Issue.record("not an object"); return }
    #expect(members.map(\.key) == ["id", "tags", "n", "text"])
    #expect(value["text"]?.stringValue == "Konvoi bei „Tal Tamar“")
    #expect(value["n"] == .number("-1.5e3"))
  }

  @Test func surrogatePairsDecodeAndLoneSurrogatesFail() throws {
    #expect(try JSONParser.parse(#""\ud83c\uddf8\ud83c\uddfe""#) == .string("🇸🇾"))
    #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(#""\ud83c x""#) }
  }

  @Test(arguments: [
    (#"{"text": "Homs",}"#, 16),
    (#"{"text": "Homs" "id": 1}"#, 16),
    (#"{"text": "Homs\u00"}"#, 18),
    (#"{"text": tru}"#, 9),
    ("{\"text\": \"a\tb\"}", 11),
    (#"{"text": "Homs"} x"#, 17),
  ])
  func errorsPointAtTheProblem(json: String, offset: Int) {
    #expect {
      _ = try JSONParser.parse(json)
    } throws: { error in
      (error as? JSONSyntaxError)?.offset == offset
    }
  }

  @Test func deepNestingIsRefused() {
    let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
    #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(deep) }
  }

  @Test func writerEscapesWhatJSONRequires() {
    var bytes: [UInt8] = []
    JSONWriter.appendString("Er sagte: \"Hassaka\"\n\t\\ \u{0001}", to: &bytes)
    #expect(String(decoding: bytes, as: UTF8.self) == #""Er sagte: \"Hassaka\"\n\t\\ \u0001""#)
  }
}

