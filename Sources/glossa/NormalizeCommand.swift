import ArgumentParser
import GlossaCore
import GlossaFormats
import GlossaJSON
import Normalization

extension NormalizationForm: ExpressibleByArgument {}
extension PunctuationNormalization.LineEnds: ExpressibleByArgument {}

struct NormalizeCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "normalize",
    abstract: "Normalize Unicode, punctuation and white space; optionally transliterate.",
    discussion: """
      Writes each input line normalized. With --output-format jsonl, the "text" field is replaced by the
      normalized text and every other field is kept.

      Examples:
        echo 'Deir ez‑Zor’s Bürgermeister' | glossa normalize --punctuation
        glossa normalize --form nfkc-casefold news.txt
        echo 'الحسكة' | glossa normalize --transliterate 'Any-Latin; Latin-ASCII'
      """
  )

  @Option(help: "Unicode normalization form: nfc, nfd, nfkc, nfkd, nfkc-casefold.")
  var form: NormalizationForm = .nfc

  @Flag(help: "Unify apostrophes and ayn/hamza marks, quotes, dashes, spaces; drop soft hyphens, zero-width and control characters.")
  var punctuation = false

  @Option(help: "With --punctuation: keep CRLF line ends, or turn them into LF (keep, lf).")
  var lineEnds: PunctuationNormalization.LineEnds = .lf

  @Option(help: "An ICU transliterator id, e.g. 'Any-Latin; Latin-ASCII', 'Arabic-Latin', 'de-ASCII'.")
  var transliterate: String?

  @OptionGroup var input: InputOptions

  func run() async throws {
    var stages: [AnyDocumentStage] = [AnyDocumentStage(name: "normalize", UnicodeNormalization(form))]
    if punctuation {
      stages.append(AnyDocumentStage(name: "punctuation", PunctuationNormalization(lineEnds: lineEnds)))
    }
    if let transliterate {
      stages.append(AnyDocumentStage(name: "transliterate", try Transliteration(id: transliterate)))
    }
    let keepCRLF = !punctuation || lineEnds == .keep
    let jsonl = input.outputFormat == .jsonl
    try await DocumentRunner(options: input).run(DocumentPipeline(stages)) { document, record in
      rewrittenText(document, record, jsonl: jsonl, keepCRLF: keepCRLF)
    }
  }
}
