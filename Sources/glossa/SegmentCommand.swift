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
      Sentences are exact substrings of the input (trimmed); a line break ends a sentence unless --join-lines is given (then only an empty line does). ICU's sentence rules are corrected by the language's rules file (abbreviations, ordinals, titles, ...); --rules adds your own entries, and --srx replaces the language rules with SRX 2.0 rules from a CAT tool.

      With --output-format jsonl, each input line gets a "sentences" list.

      Examples:
        echo 'In Hassaka kam es am 13. April zu Kämpfen. Die Lage ist unklar.' | glossa segment --lang de
        glossa segment --lang de --rules my-abbreviations.rules < news.txt
        glossa segment --lang de --srx company.srx < news.txt
        glossa segment --lang de --input-format jsonl --output-format jsonl < news.jsonl
      """
  )

  @Option(help: "Language of the text (BCP 47, e.g. de, en, fr, ar).")
  var lang: String

  @Option(help: ArgumentHelp("A rules file whose entries are added to the language's rules.", valueName: "file"))
  var rules: String?

  @Option(help: ArgumentHelp("Segment with the rules an SRX 2.0 file maps to the language, instead of Glossa's rules.", valueName: "file"))
  var srx: String?

  @Flag(help: "Use ICU's sentence rules alone, without the language rules (for comparison).")
  var plainICU = false

  @Flag(help: "Join hard-wrapped lines: a single line break does not end a sentence; an empty line does.")
  var joinLines = false

  @OptionGroup var input: InputOptions

  func validate() throws {
    if [srx != nil, rules != nil, plainICU].filter({ $0 }).count > 1 {
      throw ValidationError("--rules, --srx and --plain-icu cannot be combined")
    }
  }

  func run() async throws {
    let segmenter: SentenceSegmenter
    if plainICU {
      segmenter = try SentenceSegmenter.plainICU(language: lang, joinLines: joinLines)
    } else if let srx {
      segmenter = try SentenceSegmenter(srx: SRXRules(contentsOf: srx), language: lang, joinLines: joinLines)
    } else {
      var languageRules = try SentenceRules.builtIn(for: lang)
      if let rules { languageRules = languageRules.merging(try SentenceRules(contentsOf: rules)) }
      segmenter = try SentenceSegmenter(language: lang, rules: languageRules, joinLines: joinLines)
    }
    let jsonl = input.outputFormat == .jsonl
    try await DocumentRunner(options: input, language: lang).run(segmenter) { document, _ in
      var output: [UInt8] = []
      if jsonl {
        var record = JSONRecordWriter(metadata: document.metadata)
        record.set("sentences", strings: document.sentences.map { document.originalText(of: $0) })
        output.write(record.finish())
      } else {
        // The sentences' bytes straight from the input line: no Substring or index arithmetic per sentence.
        var original = document.original
        original.withUTF8 { utf8 in
          output.reserveCapacity(utf8.count + document.sentences.count + 1)
          for sentence in document.sentences {
            output.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[document.originalSpan(of: sentence).range]))
            output.append(0x0A)
          }
        }
        if document.sentences.isEmpty { output.append(0x0A) }
      }
      return output
    }
  }
}
