import Alignment
import ArgumentParser
import GlossaCore
import GlossaFormats
import GlossaJSON

extension ApplyMode: ExpressibleByArgument {}

struct ApplyCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "apply",
    abstract: "Rewrite glossary term mentions: canonical names, annotations, markup or MT placeholders.",
    discussion: """
      Modes: replace (canonical name in --target-lang, else the concept's 'und' name; genitive ending and
      all-caps kept), annotate ("Hassake [al-Hasaka]"), markup (<term concept="…" canonical="…">Hassake</term>,
      the rest XML-escaped), placeholder (<ph id="1" concept="…"/>; see 'glossa restore').
      With --output-format jsonl, "text" is replaced and "terms" lists the mentions of the input.

      Examples:
        echo 'Gefechte bei al-Hassake und in Rakkas Altstadt.' | glossa apply --lang de
        glossa apply --lang de --target-lang en --mode placeholder news.txt > masked.txt
      """
  )

  @OptionGroup var glossaryOptions: GlossaryOptions

  @Option(help: "Language of the canonical names written (BCP 47). Default: --lang.")
  var targetLang: String?

  @Option(help: "replace, annotate, markup or placeholder.")
  var mode: ApplyMode = .replace

  @OptionGroup var input: InputOptions

  func run() async throws {
    let index = try await glossaryOptions.index()
    let applier = TermApplier(index: index, mode: mode, targetLanguage: targetLang ?? glossaryOptions.lang)
    let jsonl = input.outputFormat == .jsonl
    try await DocumentRunner(options: input, language: glossaryOptions.lang).run(applier) { document, record in
      var output: [UInt8] = []
      if jsonl {
        var fields = JSONRecordWriter(metadata: document.metadata)
        fields.set("text", .string(document.text))
        let points = CodePointOffsets(document.original)
        fields.set("terms", .array(document.terms.map { ReportedTerm(document: document, term: $0).json(points) }))
        output.write(fields.finish())
      } else {
        output.write(document.text)
        output.write(record.endedWithCRLF ? "\r\n" : "\n")
      }
      return output
    }
  }
}

struct RestoreCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "restore",
    abstract: "Put canonical names back into machine-translated text in place of 'apply --mode placeholder' tags.",
    discussion: """
      Example:
        glossa apply --lang de --mode placeholder news.txt | my-mt-engine --to en | glossa restore --target-lang en
      """
  )

  @OptionGroup var glossaryOptions: GlossaryOptions

  @Option(help: "Language of the translated text (BCP 47).")
  var targetLang: String

  @OptionGroup var input: InputOptions

  func run() async throws {
    let restorer = PlaceholderRestorer(index: try await glossaryOptions.index(), targetLanguage: targetLang)
    let jsonl = input.outputFormat == .jsonl
    try await DocumentRunner(options: input, language: targetLang).run(restorer) { document, record in
      rewrittenText(document, record, jsonl: jsonl)
    }
  }
}
