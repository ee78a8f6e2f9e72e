import Alignment
import ArgumentParser
import Glossary
#if canImport(Glibc)
import Glibc
#endif

extension GlossaryCommand {
  /// `glossa glossary compile G -o G.glossa-index`.
  struct Compile: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "compile",
      abstract: "Build the aligner's index of a glossary once and write it to a file that loads in a fraction of a second.",
      discussion: """
        The compiled file is used like a glossary: --glossary G.glossa-index in align, apply and restore.
        It records the match-key rules and options it was built with and the glossary file's size and time;
        a file made by another Glossa version or rules, a damaged file, or one older than a changed glossary
        is rejected with a message that says to recompile it.

        Example:
          glossa glossary compile cities500.tsv -o cities500.glossa-index
          glossa apply --glossary cities500.glossa-index --lang de news.txt
        """
    )

    @OptionGroup var input: GlossaryInputOptions

    @Argument(help: "Glossary file.")
    var file: String

    @Option(name: [.short, .customLong("output")], help: "Compiled index file to write (by convention *.glossa-index).")
    var output: String

    @Option(name: [.customShort("j"), .long], help: "Build the index with this many parallel tasks (default: all cores); the index is the same for any number.")
    var jobs: Int?

    func validate() throws {
      if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    func run() async throws {
      let document = try input.load(file)
      if document.hasReadErrors {
        report(document.readDiagnostics)
        throw ExitCode(1)
      }
      let jobs = self.jobs ?? max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
      let index = try await TermIndex.build(glossary: document.glossary, jobs: jobs)
      do {
        try index.write(toFile: output, source: file == "-" ? nil : file)
      } catch {
        reportError("\(error)")
        throw ExitCode(1)
      }
    }
  }
}
