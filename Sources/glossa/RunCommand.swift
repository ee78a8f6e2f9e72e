import ArgumentParser
import GlossaCore
import GlossaFormats
import GlossaJSON
import PipelineConfig

struct RunCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run",
    abstract: "Run a pipeline described in a JSON file.",
    discussion: """
      A pipeline file names its stages in order, with their options:

        { "lang": "de",
          "stages": [
            { "stage": "normalize", "form": "nfc" },
            { "stage": "punctuation", "line-ends": "keep" },
            { "stage": "transliterate", "id": "de-ASCII" },
            { "stage": "segment" },
            { "stage": "tokenize" } ] }

      Stages: normalize (form), punctuation (apostrophes, quotes, dashes, collapse-spaces, line-ends),
      transliterate (id, or id and rules), segment (lang), tokenize (lang), align (glossary, lang),
      apply (glossary, mode, target-lang). "glossary" is a glossary file or compiled index (default: the
      shipped Levant glossary); apply aligns by itself unless an align stage came before it.

      Text output: the sentences of each line, one per line, when the pipeline segments; otherwise the
      resulting text. JSONL output keeps the input's fields (the original "text" too) and adds
      "normalized" when the text changed, "sentences", "tokens" and "terms" with code point offsets into
      the original text.

      Example:
        glossa run --pipeline Examples/pipeline-de.json Examples/article-de.txt
      """
  )

  @Option(help: "The pipeline file (JSON).")
  var pipeline: String

  @OptionGroup var input: InputOptions

  func run() async throws {
    let file = try PipelineFile.load(path: pipeline)
    let jsonl = input.outputFormat == .jsonl
    try await DocumentRunner(options: input, language: file.language).run(file.pipeline) { document, _ in
      var output: [UInt8] = []
      if jsonl {
        var record = JSONRecordWriter(metadata: document.metadata)
        if !document.offsets.isIdentity { record.set("normalized", .string(document.text)) }
        if !document.sentences.isEmpty { record.set("sentences", strings: document.sentences.map { document.text(of: $0) }) }
        if !document.tokens.isEmpty { record.set("tokens", .array(tokenObjects(document))) }
        if !document.terms.isEmpty {
          let points = CodePointOffsets(document.original)
          record.set("terms", .array(document.terms.map { ReportedTerm(document: document, term: $0).json(points) }))
        }
        output.write(record.finish())
      } else if !document.sentences.isEmpty {
        for sentence in document.sentences {
          output.write(document.text(of: sentence))
          output.write("\n")
        }
      } else {
        output.write(document.text)
        output.write("\n")
      }
      return output
    }
  }
}
