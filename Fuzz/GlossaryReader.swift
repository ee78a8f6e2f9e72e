// libFuzzer target: a glossary file in one format (chosen at build time with -D TBX|TSV|CSV|JSON)
// through the reader and, when it reads, the validator and a round trip through the same format.
import Glossary

#if TBX
let format = GlossaryFormat.tbx
#elseif CSV
let format = GlossaryFormat.csv
#elseif JSON
let format = GlossaryFormat.json
#else
let format = GlossaryFormat.tsv
#endif

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGlossaryReader(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  let options = GlossaryFormatOptions(sourceLanguage: "de", targetLanguage: "en")
  guard let document = try? GlossaryDocument.read(bytes, file: "fuzz", format: format, options: options) else { return 0 }
  _ = document.validate()
  if !document.hasReadErrors, let written = try? document.glossary.encoded(as: format, options: options) {
    _ = try? GlossaryDocument.read(written, file: "fuzz-written", format: format, options: options)
  }
  return 0
}
