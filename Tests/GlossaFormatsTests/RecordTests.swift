import GlossaCore
import GlossaJSON
import Testing
@testable import GlossaFormats

@Suite struct RecordTests {
  func decode(_ line: String, format: InputFormat = .jsonl) -> Result<InputRecord, RecordError> {
    var bytes = Array(line.utf8)
    return bytes.withUnsafeMutableBufferPointer { buffer in
      let line = LineReader.Line(bytes: UnsafeBufferPointer(buffer), number: 7, offset: 100, endedWithCRLF: false, endedWithNewline: true)
      return RecordDecoder(format: format, language: "de").decode(line, file: "news.jsonl")
    }
  }

  @Test func otherFieldsAreCarriedThroughByteForByte() throws {
    let record = try decode(#"{"id": 3,  "text": "Kämpfe in Hasaka.", "meta": {"quelle": "dpa", "x": [1.50, 2]}}"#).get()
    #expect(record.document.text == "Kämpfe in Hasaka.")
    var writer = JSONRecordWriter(metadata: record.document.metadata)
    writer.set("sentences", strings: ["Kämpfe in Hasaka."])
    let line = String(decoding: writer.finish(), as: UTF8.self)
    #expect(line == #"{"id":3,"text":"Kämpfe in Hasaka.","meta":{"quelle": "dpa", "x": [1.50, 2]},"sentences":["Kämpfe in Hasaka."]}"# + "\n")
  }

  @Test func aFieldTheStageProducesReplacesTheInputField() throws {
    let record = try decode(#"{"sentences": ["alt"], "text": "Neu."}"#).get()
    var writer = JSONRecordWriter(metadata: record.document.metadata)
    writer.set("sentences", strings: ["Neu."])
    #expect(String(decoding: writer.finish(), as: UTF8.self) == #"{"sentences":["Neu."],"text":"Neu."}"# + "\n")
  }

  @Test func badRecordsNameFileLineAndColumn() {
    guard case .failure(let missing) = decode(#"{"id": 1}"#) else { Issue.record("accepted a record without text"); return }
    #expect(missing.description == "news.jsonl:7: error: missing \"text\" field")
    guard case .failure(let malformed) = decode(#"{"text": "Ämter, "id": 2}"#) else { Issue.record("accepted bad JSON"); return }
    #expect(malformed.location.line == 7)
    #expect(malformed.location.column == 19)
    guard case .failure(let notString) = decode(#"{"text": 42}"#) else { Issue.record("accepted a number as text"); return }
    #expect(notString.message.contains("not a string"))
  }

  @Test func invalidUTF8IsLocated() {
    var bytes = Array("Die Stadt Hasaka".utf8)
    bytes.insert(0xC3, at: 4)
    let result = bytes.withUnsafeBufferPointer { buffer in
      RecordDecoder(format: .text).decode(LineReader.Line(bytes: buffer, number: 2, offset: 40, endedWithCRLF: false, endedWithNewline: true), file: "a.txt")
    }
    guard case .failure(let error) = result else { Issue.record("accepted invalid UTF-8"); return }
    #expect(error.description == "a.txt:2:5: error: invalid UTF-8 (byte 44 of the input)")
  }

  @Test func codePointOffsets() {
    var index = CodePointIndex("Größe in Ḥimṣ")
    #expect(index.codePointOffset(7) == 5)
    #expect(index.codePointOffset("Größe in Ḥimṣ".utf8.count) == 13)
    #expect(index.codePointOffset(2) == 2)
  }
}
