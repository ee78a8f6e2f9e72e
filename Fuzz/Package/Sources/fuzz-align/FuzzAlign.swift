// libFuzzer target: any text through the aligner with the shipped glossary, and through markup apply.
// Checks, besides "no crash": mentions lie inside the text, in order, without overlaps, and removing
// the markup gives back the input exactly. libFuzzer provides `main`.
import Alignment
import GlossaCore
import Glossary

let index = try! TermIndex(glossary: .levantPlaces)
let aligner = TermAligner(index: index, language: "de")
let markup = TermApplier(index: index, mode: .markup, targetLanguage: "de")

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAlign(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  guard let (aligned, _) = try? aligner.run(Document(text, language: "de")) else { return 0 }
  var end = 0
  for term in aligned.terms {
    precondition(term.span.start >= end && term.span.end <= text.utf8.count, "mention out of bounds or overlapping")
    end = term.span.end
  }
  if let (marked, _) = try? markup.run(Document(text, language: "de")) {
    precondition(TermMarkup.strip(marked.text) == text, "markup does not strip back to the input")
  }
  return 0
}
