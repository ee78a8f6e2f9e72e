import GlossaCore

/// A glossary as read from a file: the glossary, the problems met while reading, and where each concept
/// and term stands in the file, so validation can point at the line and column of every problem.
public struct GlossaryDocument: Sendable {
  /// The glossary read from the file.
  public var glossary: Glossary
  /// The format the file was read as.
  public var format: GlossaryFormat
  /// The file name used in diagnostics.
  public var file: String
  /// Problems found while reading (syntax, unknown statuses, unsafe XML). Terms with an unknown status are
  /// not in `glossary`.
  public var readDiagnostics: [GlossaryDiagnostic]

  let bytes: [UInt8]
  let conceptOffsets: [Int]
  let termOffsets: [[Int]]

  init(glossary: Glossary, format: GlossaryFormat, file: String, readDiagnostics: [GlossaryDiagnostic], bytes: [UInt8], conceptOffsets: [Int], termOffsets: [[Int]]) {
    self.glossary = glossary
    self.format = format
    self.file = file
    self.readDiagnostics = readDiagnostics
    self.bytes = bytes
    self.conceptOffsets = conceptOffsets
    self.termOffsets = termOffsets
  }

  /// Whether reading met an error (the glossary may then be incomplete).
  public var hasReadErrors: Bool { readDiagnostics.contains { $0.severity == .error } }

  /// Reads the glossary file at `path` (`-` for standard input), keeping locations for validation.
  /// The format is detected from the content when `format` is nil. Throws only when the file cannot be read
  /// or its format cannot be told; problems inside the file are in `readDiagnostics`.
  public static func load(contentsOf path: String, format: GlossaryFormat? = nil, options: GlossaryFormatOptions = .init()) throws -> GlossaryDocument {
    let bytes = try FileIO.readAll(path)
    return try read(bytes, file: path == "-" ? "<stdin>" : path, format: format, options: options)
  }

  /// Reads a glossary from UTF-8 `bytes`; `file` names it in diagnostics.
  public static func read(_ bytes: [UInt8], file: String = "<input>", format: GlossaryFormat? = nil, options: GlossaryFormatOptions = .init()) throws -> GlossaryDocument {
    try GlossaryFormat.read(bytes, file: file, format: format, options: options, recordLocations: true)
  }

  /// The read diagnostics followed by every validation problem, each with its location in the file.
  public func validate() -> [GlossaryDiagnostic] {
    let lines = LineIndex(file: file, bytes: bytes)
    let locate: (Int, Int?) -> InputLocation? = { concept, term in
      guard concept < conceptOffsets.count else { return nil }
      if let term, term < termOffsets[concept].count { return lines.location(ofByte: termOffsets[concept][term]) }
      return lines.location(ofByte: conceptOffsets[concept])
    }
    return (readDiagnostics + glossary.validate(locate: locate)).sortedByLocation()
  }

  /// Where concept `concept` (or its term `term`) starts in the file, if known.
  public func location(concept: Int, term: Int? = nil) -> InputLocation? {
    guard concept < conceptOffsets.count else { return nil }
    let lines = LineIndex(file: file, bytes: bytes)
    if let term, term < termOffsets[concept].count { return lines.location(ofByte: termOffsets[concept][term]) }
    return lines.location(ofByte: conceptOffsets[concept])
  }
}
