// libFuzzer target: an SRX file through the SRX reader and, when it reads, the segmenter on a fixed
// German text. libFuzzer provides `main`.
import GlossaCore
import Segmentation

let sample = Document("Am 13. April kam der Konvoi nach al-Hasaka. Dr. Müller sagte: „Die Lage ist ruhig.“ Dann fuhr er weiter.")

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSRX(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  guard let rules = try? SRXRules(parsing: text), let segmenter = try? SentenceSegmenter(srx: rules, language: "de") else { return 0 }
  if let (document, _) = try? segmenter.run(sample) {
    precondition(document.sentences.allSatisfy { $0.end <= sample.text.utf8.count })
  }
  return 0
}
