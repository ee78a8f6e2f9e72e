import GlossaCore

/// The file formats a glossary can be read from and written to.
public enum GlossaryFormat: String, Sendable, Hashable, CaseIterable {
  /// TBX 2019 (ISO 30042), TBX-Basic: `conceptEntry`/`langSec`/`termSec`. The format of shipped glossaries.
  case tbx
  /// TBX v2 (`martif`/`termEntry`/`langSet`/`tig`), still the most common TBX in the wild.
  case tbx2
  /// The JSON form: `{"concepts": [{"id", "subject", "references", "notes", "terms": [{"lang", "term", "status", "note"}]}]}`.
  case json
  /// Tab-separated: the table of design.md (`concept`, `lang`, `term`, `status`, …), or source/target pairs.
  case tsv
  /// Comma-separated (RFC 4180): the same table as `tsv`, or source/target pairs.
  case csv

  /// The format of `bytes`, told from the content (`<tbx`, `<martif`, `{`, a tab in the first line), else from
  /// the extension of `path`.
  public static func detect(_ bytes: [UInt8], path: String? = nil) -> GlossaryFormat? {
    var i = TableFormat.bytesStart(bytes)
    while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
    if i < bytes.count, bytes[i] == 0x3C {
      let head = String(decoding: bytes[i..<min(bytes.count, i + 4096)], as: UTF8.self)
      return head.contains("<martif") ? .tbx2 : .tbx
    }
    if i < bytes.count, bytes[i] == 0x7B || bytes[i] == 0x5B { return .json }
    let lineEnd = bytes[i...].firstIndex(of: 0x0A) ?? bytes.count
    if bytes[i..<lineEnd].contains(0x09) { return .tsv }
    if let path, let dot = path.lastIndex(of: ".") {
      if let format = GlossaryFormat(rawValue: path[path.index(after: dot)...].lowercased()) { return format }
    }
    if i < bytes.count { return .csv }
    return nil
  }

  static func read(_ bytes: [UInt8], file: String, format: GlossaryFormat?, options: GlossaryFormatOptions, recordLocations: Bool) throws -> GlossaryDocument {
    guard let format = format ?? detect(bytes, path: file) else {
      throw GlossaryError(.syntax, "cannot tell the glossary format; name it (tbx, tbx2, tsv, csv, json)", at: InputLocation(file: file, line: 1, column: 1))
    }
    var builder = GlossaryBuilder(recordLocations: recordLocations)
    switch format {
    case .tbx, .tbx2:
      TBX.read(bytes, into: &builder)
    case .json:
      JSONFormat.read(bytes, into: &builder)
    case .tsv:
      if TableFormat.hasTableHeader(bytes, delimiter: TableFormat.tab) {
        TableFormat.readTSV(bytes, into: &builder)
      } else {
        DelimitedRows.readPairs(DelimitedRows.parse(bytes, delimiter: TableFormat.tab, quoting: false, builder: &builder), options: options, into: &builder)
      }
    case .csv:
      let rows = DelimitedRows.parse(bytes, delimiter: TableFormat.comma, quoting: true, builder: &builder)
      if TableFormat.hasTableHeader(bytes, delimiter: TableFormat.comma) {
        DelimitedRows.readTable(rows, into: &builder)
      } else {
        DelimitedRows.readPairs(rows, options: options, into: &builder)
      }
    }
    return builder.finish(bytes: bytes, file: file, format: format)
  }
}

/// Settings for formats that need them: the languages of two-column source/target files.
public struct GlossaryFormatOptions: Sendable, Hashable {
  /// The language of the first column of a two-column file (BCP 47). When writing TSV or CSV with both
  /// languages set, source/target pairs are written instead of the full table.
  public var sourceLanguage: String?
  /// The language of the second column of a two-column file.
  public var targetLanguage: String?

  /// Options with the languages of a two-column file, if any.
  public init(sourceLanguage: String? = nil, targetLanguage: String? = nil) {
    self.sourceLanguage = sourceLanguage
    self.targetLanguage = targetLanguage
  }
}

extension Glossary {
  /// Loads the glossary file at `path` (`-` for standard input) in `format`, detected from the content when
  /// nil. Throws a `GlossaryError` with the location of every problem when the file is not well-formed or a
  /// term has an unknown status. Does not validate (see `validate()` and `GlossaryDocument`).
  ///
  /// ```swift
  /// let places = try Glossary.load(contentsOf: "Glossaries/levant-places.tbx")
  /// ```
  public static func load(contentsOf path: String, format: GlossaryFormat? = nil, options: GlossaryFormatOptions = .init()) throws -> Glossary {
    try read(FileIO.readAll(path), file: path == "-" ? "<stdin>" : path, format: format, options: options)
  }

  /// Reads a glossary from UTF-8 `bytes`; `file` names it in errors.
  public static func read(_ bytes: [UInt8], file: String = "<input>", format: GlossaryFormat? = nil, options: GlossaryFormatOptions = .init()) throws -> Glossary {
    let document = try GlossaryFormat.read(bytes, file: file, format: format, options: options, recordLocations: false)
    let errors = document.readDiagnostics.filter { $0.severity == .error }
    if !errors.isEmpty { throw GlossaryError(errors) }
    return document.glossary
  }

  /// Reads a glossary from a string.
  public static func read(_ text: String, file: String = "<input>", format: GlossaryFormat? = nil, options: GlossaryFormatOptions = .init()) throws -> Glossary {
    try read(Array(text.utf8), file: file, format: format, options: options)
  }

  /// The glossary encoded in `format` as UTF-8 bytes.
  public func encoded(as format: GlossaryFormat, options: GlossaryFormatOptions = .init()) throws -> [UInt8] {
    switch format {
    case .tbx, .tbx2:
      return TBX.write(self, version2: format == .tbx2, title: "Glossary written by Glossa")
    case .json:
      return JSONFormat.write(self)
    case .tsv, .csv:
      let delimiter = format == .tsv ? TableFormat.tab : TableFormat.comma
      if let source = options.sourceLanguage, let target = options.targetLanguage {
        return try DelimitedRows.writePairs(self, source: source, target: target, delimiter: delimiter)
      }
      return try TableFormat.write(self, delimiter: delimiter)
    }
  }

  /// The glossary encoded in `format` as a string.
  public func string(as format: GlossaryFormat, options: GlossaryFormatOptions = .init()) throws -> String {
    String(decoding: try encoded(as: format, options: options), as: UTF8.self)
  }

  /// Writes the glossary to `path` (`-` for standard output) in `format`.
  public func write(to path: String, format: GlossaryFormat, options: GlossaryFormatOptions = .init()) throws {
    try FileIO.write(encoded(as: format, options: options), to: path)
  }
}
