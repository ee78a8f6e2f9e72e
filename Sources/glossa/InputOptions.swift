import ArgumentParser
import GlossaFormats

extension InputFormat: ExpressibleByArgument {}
extension OutputFormat: ExpressibleByArgument {}

/// Where input comes from and how input and output are shaped; shared by every document command.
struct InputOptions: ParsableArguments {
  @Argument(help: "Input files. Standard input when none are given, or for '-'.")
  var files: [String] = []

  @Option(help: "text: each line is a document. jsonl: each line is a JSON object with a \"text\" field; other fields are carried through.")
  var inputFormat: InputFormat = .text

  @Option(help: "text: plain lines. jsonl: one JSON object per input line, in order: the input's fields plus the results.")
  var outputFormat: OutputFormat = .text

  /// The inputs to read, in order.
  var paths: [String] { files.isEmpty ? ["-"] : files }
}
