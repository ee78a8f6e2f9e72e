import ArgumentParser
import GlossaCore
import GlossaFormats
import GlossaJSON
import Segmentation

struct SegmentCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "segment",
    abstract: "Split text into sentences, one per line.",
    discussion: """
      Sentences are exact substrings of the input (trimmed); a line break always ends a sentence.
      With --output-format jsonl, each input line gets a "sentences" list.

      Examples:
        echo 'In Hassaka kam es zu Kämpfen. Die Lage ist unklar.' | glossa segment --lang de
        glossa segment --lang de --input-format jsonl --output-format jsonl < news.jsonl
      """
  )

  @Option(help: "Language of the text (BCP 47, e.g. de, en, fr, ar).")
  var lang: String

  @OptionGroup var input: InputOptions

  func run() async throws {
    let segmenter = try SentenceSegmenter(language: lang)
    let jsonl = input.outputFormat == .jsonl
    try await DocumentRunner(options: input, language: lang).run(segmenter) { document, _ in
      var output: [UInt8] = []
      if jsonl {
        var record = JSONRecordWriter(metadata: document.metadata)
        record.set("sentences", strings: document.sentences.map { document.originalText(of: $0) })
        output.write(record.finish())
      } else {
        for sentence in document.sentences {
          output.write(document.originalText(of: sentence))
          output.write("\n")
        }
        if document.sentences.isEmpty { output.write("\n") }
      }
      return output
    }
  }
}
