import ArgumentParser
import GlossaFormats
#if canImport(Glibc)
import Glibc
#endif

extension InputFormat: ExpressibleByArgument {}
extension OutputFormat: ExpressibleByArgument {}
extension InvalidUTF8Policy: ExpressibleByArgument {}

/// Where input comes from and how input and output are shaped; shared by every document command.
struct InputOptions: ParsableArguments {
  @Argument(help: "Input files. Standard input when none are given, or for '-'.")
  var files: [String] = []

  @Option(help: "text: each line is a document. jsonl: each line is a JSON object with a \"text\" field; other fields are carried through.")
  var inputFormat: InputFormat = .text

  @Option(help: "text: plain lines. jsonl: one JSON object per input line, in order: the input's fields plus the results.")
  var outputFormat: OutputFormat = .text

  @Flag(help: "Report every bad line and go on to the end (exit status 1 if there were any). Without it, the run stops at the first bad line.")
  var keepGoing = false

  @Option(help: "A line that is not valid UTF-8: error (a bad line, see --keep-going), replace (U+FFFD, with a warning), skip-line (leave it out, with a warning), fail (stop there, even with --keep-going).")
  var onInvalid: InvalidUTF8Policy = .error

  @Option(help: ArgumentHelp("Write error records of bad lines to this file (JSONL) instead of the output.", valueName: "file"))
  var errors: String?

  @Option(name: [.customShort("j"), .long], help: "Lines processed in parallel by this many workers (default: all cores). Output order is input order.")
  var jobs: Int?

  @Flag(inversion: .prefixedNo, help: "Show a progress line on standard error (default: when it is a terminal).")
  var progress: Bool?

  /// The number of workers to use.
  var jobCount: Int { jobs ?? max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }

  func validate() throws {
    if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
  }

  /// The inputs to read, in order.
  var paths: [String] { files.isEmpty ? ["-"] : files }
}
