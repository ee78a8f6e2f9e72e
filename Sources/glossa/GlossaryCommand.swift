import ArgumentParser
import Glossary

/// `glossa glossary …`: check, convert, count, merge and build glossaries.
struct GlossaryCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "glossary",
    abstract: "Validate, convert, count, merge glossaries and import them from GeoNames.",
    discussion: """
      Formats: tbx (TBX 2019, TBX-Basic), tbx2 (TBX v2 martif), tsv (concept<TAB>lang<TAB>term<TAB>status),
      csv, json; two-column source/target TSV or CSV with --source-lang/--target-lang. The input format is
      detected from the content unless --from names it.

      Examples:
        glossa glossary validate Glossaries/levant-places.tbx
        glossa glossary convert Glossaries/levant-places.tbx --to tsv -o levant.tsv
        glossa glossary convert levant.tsv --to csv --source-lang de --target-lang en
        glossa glossary compile cities500.tsv -o cities500.glossa-index
      """,
    subcommands: [Validate.self, Convert.self, Stats.self, Merge.self, ImportGeoNames.self, Compile.self]
  )
}

extension GlossaryFormat: ExpressibleByArgument {}

/// Options for reading glossaries.
struct GlossaryInputOptions: ParsableArguments {
  @Option(help: "Input format (tbx, tbx2, tsv, csv, json); detected from the content when omitted.")
  var from: GlossaryFormat?

  @Option(help: "Language of the first column of a two-column TSV/CSV file (BCP 47).")
  var sourceLang: String?

  @Option(help: "Language of the second column of a two-column TSV/CSV file (BCP 47).")
  var targetLang: String?

  var formatOptions: GlossaryFormatOptions { GlossaryFormatOptions(sourceLanguage: sourceLang, targetLanguage: targetLang) }

  /// Reads `path`; read errors are reported on standard error and end the command with status 1.
  func load(_ path: String) throws -> GlossaryDocument {
    let document: GlossaryDocument
    do {
      document = try GlossaryDocument.load(contentsOf: path, format: from, options: formatOptions)
    } catch let error as GlossaryError {
      report(error.diagnostics)
      throw ExitCode(1)
    }
    return document
  }
}

/// Options for writing a glossary.
struct GlossaryOutputOptions: ParsableArguments {
  @Option(help: "Output format: tbx, tbx2, tsv, csv, json (default: from the -o extension, else tbx).")
  var to: GlossaryFormat?

  @Option(name: [.short, .customLong("output")], help: "Output file (default: standard output).")
  var output: String = "-"

  func write(_ glossary: Glossary, options: GlossaryFormatOptions) throws {
    var format = to ?? .tbx
    if to == nil, let dot = output.lastIndex(of: "."), let byExtension = GlossaryFormat(rawValue: String(output[output.index(after: dot)...]).lowercased()) {
      format = byExtension
    }
    do {
      try glossary.write(to: output, format: format, options: options)
    } catch let error as GlossaryError {
      report(error.diagnostics)
      throw ExitCode(1)
    }
  }
}

/// Prints diagnostics on standard error, one `file:line:column: severity: message` per line.
func report(_ diagnostics: [GlossaryDiagnostic]) {
  for diagnostic in diagnostics { reportError(diagnostic.description) }
}

extension GlossaryCommand {
  struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "validate",
      abstract: "Check glossaries and report every problem with its file, line and column.",
      discussion: """
        Errors: malformed files, unknown statuses, bad language tags, empty terms, more than one (or no)
        preferred term per concept and language, duplicate concept ids. Warnings: a term listed twice in a
        concept, a term listed under two concepts for the same language (an ambiguity the aligner must
        resolve). Exits with status 1 when there is an error (or a warning, with --strict).

        Example:
          glossa glossary validate Glossaries/levant-places.tbx
          glossa glossary validate --max-warnings 20 geonames-cities500.tsv
        """
    )

    @OptionGroup var input: GlossaryInputOptions

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @Option(help: "Print at most this many warnings per file (errors are always printed).")
    var maxWarnings: Int?

    @Argument(help: "Glossary files ('-' for standard input).")
    var files: [String]

    func run() throws {
      var failed = false
      for file in files {
        let document = try input.load(file)
        let diagnostics = document.validate()
        var warnings = 0
        for diagnostic in diagnostics {
          if diagnostic.severity == .warning {
            warnings += 1
            if let maxWarnings, warnings > maxWarnings { continue }
          }
          reportError(diagnostic.description)
        }
        let errors = diagnostics.count - warnings
        if let maxWarnings, warnings > maxWarnings { reportError("\(document.file): \(warnings - maxWarnings) more warnings not shown") }
        let glossary = document.glossary
        let terms = glossary.concepts.reduce(0) { $0 + $1.terms.count }
        print("\(document.file): \(document.format.rawValue), \(glossary.concepts.count) concepts, \(terms) terms, \(errors) errors, \(warnings) warnings")
        if errors > 0 || (strict && warnings > 0) { failed = true }
      }
      if failed { throw ExitCode(1) }
    }
  }

  struct Convert: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "convert",
      abstract: "Convert a glossary from any supported format to any other.",
      discussion: """
        With --source-lang and --target-lang, tsv and csv output is source/target pairs (every source
        variant mapped to the target's preferred term), as MT glossary services take them.

        Examples:
          glossa glossary convert Glossaries/levant-places.tbx --to json -o levant.json
          glossa glossary convert deepl-glossary.tsv --source-lang de --target-lang en --to tbx
        """
    )

    @OptionGroup var input: GlossaryInputOptions
    @OptionGroup var output: GlossaryOutputOptions

    @Argument(help: "The glossary to convert ('-' for standard input).")
    var file: String

    func run() throws {
      let document = try input.load(file)
      if document.hasReadErrors {
        report(document.readDiagnostics)
        throw ExitCode(1)
      }
      try output.write(document.glossary, options: input.formatOptions)
    }
  }

  struct Stats: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "stats",
      abstract: "Count concepts, terms per language and status, references and subjects.",
      discussion: """
        Example:
          glossa glossary stats Glossaries/levant-places.tbx
        """
    )

    @OptionGroup var input: GlossaryInputOptions

    @Argument(help: "Glossary files ('-' for standard input).")
    var files: [String]

    func run() throws {
      for file in files {
        let document = try input.load(file)
        if document.hasReadErrors {
          report(document.readDiagnostics)
          throw ExitCode(1)
        }
        print("\(document.file) (\(document.format.rawValue))")
        print(document.glossary.statistics.description)
      }
    }
  }

  struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "merge",
      abstract: "Merge glossaries; concepts with the same id become one, conflicts are reported.",
      discussion: """
        The first file wins a conflict (a second preferred term becomes admitted); each conflict is a
        warning with the location in the later file. Exits with status 1 on read errors, or on conflicts
        with --strict.

        Example:
          glossa glossary merge Glossaries/levant-places.tbx my-places.tsv --to tbx -o places.tbx
        """
    )

    @OptionGroup var input: GlossaryInputOptions
    @OptionGroup var output: GlossaryOutputOptions

    @Flag(help: "Treat conflicts as errors.")
    var strict = false

    @Argument(help: "Glossary files, in order of precedence.")
    var files: [String]

    func run() throws {
      var documents: [GlossaryDocument] = []
      for file in files {
        let document = try input.load(file)
        if document.hasReadErrors {
          report(document.readDiagnostics)
          throw ExitCode(1)
        }
        documents.append(document)
      }
      let (glossary, conflicts) = GlossaryDocument.merged(documents)
      report(conflicts)
      if strict, !conflicts.isEmpty { throw ExitCode(1) }
      try output.write(glossary, options: input.formatOptions)
    }
  }

  struct ImportGeoNames: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "import-geonames",
      abstract: "Build a glossary from GeoNames dump files (cities500.txt, allCountries.txt, alternateNamesV2.txt).",
      discussion: """
        Each place becomes a concept geo:<geonameid> with its name as preferred und term and its alternate
        names as admitted und terms; --alternate-names adds names tagged with their language. GeoNames data
        is CC BY 4.0: attribute GeoNames (geonames.org).

        Example:
          glossa glossary import-geonames cities500.txt --country SY --country IQ --feature-class P \\
            --min-population 20000 --alternate-names alternateNamesV2.txt --to tbx -o syria-iraq.tbx
        """
    )

    @OptionGroup var output: GlossaryOutputOptions

    @Option(help: "Keep places of this country (ISO 3166 code, e.g. SY); repeat or separate with commas.")
    var country: [String] = []

    @Option(help: "Keep this feature class (A, H, L, P, R, S, T, U, V); repeat or separate with commas.")
    var featureClass: [String] = []

    @Option(help: "Keep this feature code (e.g. PPLA, PPLC, ADM1); repeat or separate with commas.")
    var featureCode: [String] = []

    @Option(help: "Keep places with at least this population.")
    var minPopulation: Int = 0

    @Option(help: "Take alternate names only in this language (e.g. de); repeat or separate with commas.")
    var language: [String] = []

    @Option(help: "An alternateNamesV2.txt (or alternateNames.txt) file for language-tagged names.")
    var alternateNames: String?

    @Argument(help: "The GeoNames gazetteer file (19-column layout).")
    var gazetteer: String

    func run() throws {
      func set(_ values: [String]) -> Set<String> {
        Set(values.flatMap { $0.split(separator: ",").map { String($0).trimmingSpaces() } }.filter { !$0.isEmpty })
      }
      var importer = GeoNamesImporter()
      importer.countries = Set(set(country).map { $0.uppercased() })
      importer.featureClasses = Set(set(featureClass).map { $0.uppercased() })
      importer.featureCodes = Set(set(featureCode).map { $0.uppercased() })
      importer.minimumPopulation = minPopulation
      importer.languages = set(language)
      let glossary: Glossary
      do {
        glossary = try importer.glossary(gazetteerPath: gazetteer, alternateNamesPath: alternateNames)
      } catch let error as GlossaryError {
        report(error.diagnostics)
        throw ExitCode(1)
      }
      try output.write(glossary, options: GlossaryFormatOptions())
    }
  }
}

extension String {
  fileprivate func trimmingSpaces() -> String {
    var s = Substring(self)
    while s.first == " " { s.removeFirst() }
    while s.last == " " { s.removeLast() }
    return String(s)
  }
}
