// libFuzzer target: one JSONL input line through the record decoder and the JSON parser.
// Checks, besides "no crash": a decoded record written back is valid JSON with the same text.
import GlossaCore
import GlossaFormats
import GlossaJSON

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSONLRecord(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = UnsafeBufferPointer(start: data, count: size)
  let line = LineReader.Line(bytes: bytes, number: 1, offset: 0, endedWithCRLF: false, endedWithNewline: true)
  for policy in [InvalidUTF8Policy.error, .replace] {
    switch RecordDecoder(format: .jsonl, invalidUTF8: policy).decode(line, file: "fuzz") {
    case .success(let record):
      var writer = JSONRecordWriter(metadata: record.document.metadata)
      writer.set("sentences", strings: [record.document.text])
      let output = writer.finish().dropLast()
      let reparsed = Array(output).withUnsafeBufferPointer { try? JSONParser.parse(utf8: $0) }
      guard let reparsed, reparsed["text"]?.stringValue == record.document.text else {
        fatalError("a decoded record did not survive being written back")
      }
    case .failure(let error):
      precondition(error.location.line == 1)
    }
  }
  _ = try? JSONParser.parse(utf8: bytes)
  return 0
}
