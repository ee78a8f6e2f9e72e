import ArgumentParser
import GlossaCore
import GlossaFormats
import GlossaJSON
import Segmentation

struct TokenizeCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "tokenize",
    abstract: "Split text into words, numbers and punctuation.",
    discussion: """
      Text output: the tokens of each input line, separated by spaces. JSONL output: a "tokens" list of
      {"text", "start", "end", "kind"} with start/end as code point offsets into the input text.

      Examples:
        echo 'Am 13. April erreichte der Konvoi al-Hassake.' | glossa tokenize --lang de
        glossa tokenize --lang de --input-format jsonl --output-format jsonl < news.jsonl
      """
  )

  @Option(help: "Language of the text (BCP 47, e.g. de, en, fr, ar).")
  var lang: String

  @OptionGroup var input: InputOptions

  func run() async throws {
    let tokenizer = try WordTokenizer(language: lang)
    let jsonl = input.outputFormat == .jsonl
    try await DocumentRunner(options: input, language: lang).run(tokenizer) { document, _ in
      var output: [UInt8] = []
      if jsonl {
        var record = JSONRecordWriter(metadata: document.metadata)
        record.set("tokens", .array(tokenObjects(document)))
        output.write(record.finish())
      } else {
        var text = document.text
        text.withUTF8 { utf8 in
          // Tokens do not overlap: their bytes, a space between each two and the line feed fit in
          // the text's length plus one byte per token.
          output = [UInt8](unsafeUninitializedCapacity: utf8.count + document.tokens.count + 1) { buffer, count in
            var end = 0
            for (index, token) in document.tokens.enumerated() {
              if index > 0 {
                buffer[end] = 0x20
                end += 1
              }
              for offset in token.span.range {
                buffer[end] = utf8[offset]
                end += 1
              }
            }
            buffer[end] = 0x0A
            count = end + 1
          }
        }
      }
      return output
    }
  }
}

/// The document's tokens as JSON objects, with code point offsets into the original text.
func tokenObjects(_ document: Document) -> [JSONValue] {
  var index = CodePointIndex(document.original)
  return document.tokens.map { token in
    let span = document.originalSpan(of: token.span)
    return .object([
      JSONMember(key: "text", value: .string(String(document.text(of: token.span)))),
      JSONMember(key: "start", value: .number(String(index.codePointOffset(span.start)))),
      JSONMember(key: "end", value: .number(String(index.codePointOffset(span.end)))),
      JSONMember(key: "kind", value: .string(token.kind.rawValue)),
    ])
  }
}
