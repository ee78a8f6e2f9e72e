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
        Without -o the index goes beside the glossary, its extension replaced by .glossa-index; align,
        apply and restore given --glossary G then load that index instead of indexing G, as long as it was
        compiled from G as G is now (else they note on standard error that they index G themselves).
        The compiled file can also be passed itself: --glossary G.glossa-index.
        It records the match-key rules and options it was built with and the glossary file's size and time;
        a file made by another Glossa version or rules, a damaged file, or one older than a changed glossary
        is rejected with a message that says to recompile it.

        Examples:
          glossa glossary compile cities500.tsv               # writes cities500.glossa-index
          glossa apply --glossary cities500.tsv --lang de news.txt
          glossa glossary compile cities500.tsv -o /data/cities500.glossa-index
          glossa apply --glossary /data/cities500.glossa-index --lang de news.txt
        """
    )

    @OptionGroup var input: GlossaryInputOptions

    @Argument(help: "Glossary file.")
    var file: String

    @Option(name: [.short, .customLong("output")], help: "Compiled index file to write (default: beside the glossary, its extension replaced by .glossa-index).")
    var output: String?

    @Option(name: [.customShort("j"), .long], help: "Build the index with this many parallel tasks (default: all cores); the index is the same for any number.")
    var jobs: Int?

    func validate() throws {
      if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
      if file == "-", output == nil { throw ValidationError("-o is needed when the glossary is read from standard input") }
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
        try index.write(toFile: output ?? TermIndex.compiledIndexPath(forGlossary: file), source: file == "-" ? nil : file)
      } catch {
        reportError("\(error)")
        throw ExitCode(1)
      }
    }
  }
}
