import ArgumentParser
import ICU

/// The `glossa` command: a thin layer over the Glossa library.
@main
struct Glossa: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "glossa",
    abstract: "Prepare multilingual text for translation: normalize, segment, tokenize, align glossary terms.",
    discussion: """
      Reads text or JSONL from files or standard input and writes one result per input line.

      Examples:
        echo 'Die Stadt al‑Hassake liegt im Nordosten Syriens. Am 13. April kam es zu Kämpfen.' \\
          | glossa segment --lang de
        glossa normalize --form nfc --punctuation news.txt
        glossa segment --lang de --input-format jsonl --output-format jsonl < articles.jsonl
      """,
    version: "0.1.0 (ICU \(icuVersion))",
    subcommands: [
      NormalizeCommand.self, SegmentCommand.self, TokenizeCommand.self, RunCommand.self, AlignCommand.self,
      ApplyCommand.self, RestoreCommand.self, GlossaryCommand.self,
    ]
  )
}
