import GlossaCore


/// One problem found while reading or validating a glossary.
public struct GlossaryDiagnostic: Sendable, Hashable, CustomStringConvertible {
  /// Errors make a glossary invalid; warnings point at something the aligner must know about.
  public enum Severity: String, Sendable, Hashable {
    case error
    case warning
  }

  /// What kind of problem this is, so tools and tests can react to it without parsing messages.
  public enum Kind: String, Sendable, Hashable {
    /// The file is not well-formed in its format (bad XML, bad JSON, missing columns, bad UTF-8, …).
    case syntax
    /// The XML declares entities or a DTD subset, which are refused for safety.
    case unsafeXML
    /// A status value that is not preferred, admitted or deprecated.
    case unknownStatus
    /// A language tag that is not a well-formed BCP 47 tag.
    case badLanguageTag
    /// A term with no text.
    case emptyTerm
    /// More than one preferred term for one concept and language.
    case duplicatePreferred
    /// Terms in a language but no preferred term for it (and none tagged `und`).
    case missingPreferred
    /// The same term text listed under two concepts for the same language.
    case ambiguousTerm
    /// Two concepts with the same id.
    case duplicateConcept
    /// The same term listed twice in one concept and language.
    case duplicateTerm
    /// Two glossaries disagree (reported by merge).
    case conflict
  }

  /// Error or warning.
  public var severity: Severity
  /// The kind of problem.
  public var kind: Kind
  /// What is wrong, for people.
  public var message: String
  /// Where the problem is, when the glossary came from a file.
  public var location: InputLocation?

  /// A diagnostic of `kind` with `severity`, optionally located.
  public init(_ severity: Severity, _ kind: Kind, _ message: String, at location: InputLocation? = nil) {
    self.severity = severity
    self.kind = kind
    self.message = message
    self.location = location
  }

  /// `file:line:column: error: message`.
  public var description: String {
    if let location { return "\(location): \(severity.rawValue): \(message)" }
    return "\(severity.rawValue): \(message)"
  }
}

/// A failure to read or write a glossary, carrying every diagnostic that caused it.
public struct GlossaryError: Error, Sendable, CustomStringConvertible {
  /// The problems, each with its location when known.
  public var diagnostics: [GlossaryDiagnostic]

  /// An error made of `diagnostics`.
  public init(_ diagnostics: [GlossaryDiagnostic]) { self.diagnostics = diagnostics }

  /// A single error at `location`.
  public init(_ kind: GlossaryDiagnostic.Kind, _ message: String, at location: InputLocation? = nil) {
    self.diagnostics = [GlossaryDiagnostic(.error, kind, message, at: location)]
  }

  /// One diagnostic per line.
  public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

/// Maps byte offsets of a UTF-8 buffer to line and column, for diagnostics.
struct LineIndex: Sendable {
  let file: String
  let bytes: [UInt8]
  private let lineStarts: [Int]

  init(file: String, bytes: [UInt8]) {
    self.file = file
    self.bytes = bytes
    var starts = [0]
    bytes.withUnsafeBufferPointer { buffer in
      for i in 0..<buffer.count where buffer[i] == 0x0A { starts.append(i + 1) }
    }
    lineStarts = starts
  }

  /// The 1-based line and column (in Unicode scalars) of byte `offset`.
  func location(ofByte offset: Int) -> InputLocation {
    var low = 0
    var high = lineStarts.count - 1
    while low < high {
      let mid = (low + high + 1) / 2
      if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
    }
    let start = lineStarts[low]
    var column = 1
    for i in start..<min(offset, bytes.count) where bytes[i] & 0xC0 != 0x80 { column += 1 }
    return InputLocation(file: file, line: low + 1, column: column)
  }
}
