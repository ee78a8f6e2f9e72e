import GlossaCore
import ICU

/// A Unicode normalization form: nfc, nfd, nfkc, nfkd, nfkc-casefold.
public typealias NormalizationForm = Normalizer.Form

/// Puts the text into a Unicode normalization form (NFC, NFD, NFKC, NFKD, NFKC_Casefold) with ICU.
///
/// Only the regions ICU changes are rewritten, so offsets map back character by character; text that is
/// already normalized passes through without a copy.
///
/// ```swift
/// var document = Document("Himṣ")           // "ṣ" as s + U+0323 (NFD)
/// document = try UnicodeNormalization(.nfc).run(document).output
/// ```
public struct UnicodeNormalization: DocumentStage {
  public let normalizer: Normalizer

  public init(_ form: Normalizer.Form = .nfc) { self.normalizer = Normalizer(form) }

  public func run(_ input: Document, diagnostics: inout Diagnostics) throws -> Document {
    guard let result = try normalizer.normalizeRecordingChanges(input.text) else { return input }
    let resultUTF8 = Array(result.text.utf8)
    let edits = result.changes.map { change in
      TextEdit(TextSpan(change.source), String(decoding: resultUTF8[change.result], as: UTF8.self))
    }
    var document = input
    document.apply(edits)
    return document
  }
}
