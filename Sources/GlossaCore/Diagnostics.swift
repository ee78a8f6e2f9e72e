/// Where a problem was found: a file (or `<stdin>`), a line and column (1-based), or a byte offset.
public struct InputLocation: Hashable, Sendable, CustomStringConvertible {
  public var file: String
  public var line: Int?
  public var column: Int?
  public var byteOffset: Int?

  public init(file: String, line: Int? = nil, column: Int? = nil, byteOffset: Int? = nil) {
    self.file = file
    self.line = line
    self.column = column
    self.byteOffset = byteOffset
  }

  /// `file:line:column`, or `file:line`, or `file: byte N`.
  public var description: String {
    var text = file
    if let line {
      text += ":\(line)"
      if let column { text += ":\(column)" }
    }
    if let byteOffset, line == nil { text += ": byte \(byteOffset)" }
    return text
  }
}

/// A problem in one document or input record that does not stop the run.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
  public enum Severity: String, Hashable, Sendable { case warning, error }

  public var severity: Severity
  public var message: String
  public var location: InputLocation?

  public init(_ severity: Severity, _ message: String, at location: InputLocation? = nil) {
    self.severity = severity
    self.message = message
    self.location = location
  }

  public var description: String {
    (location.map { "\($0): " } ?? "") + "\(severity.rawValue): \(message)"
  }
}

/// The problems collected while running stages. Stages add to it; only what stops the run throws.
public struct Diagnostics: Sendable {
  public private(set) var items: [Diagnostic] = []
  /// Where the current document came from; attached to diagnostics that have no location of their own.
  public var location: InputLocation?

  public init(location: InputLocation? = nil) { self.location = location }

  public mutating func warning(_ message: String) { items.append(Diagnostic(.warning, message, at: location)) }
  public mutating func error(_ message: String) { items.append(Diagnostic(.error, message, at: location)) }
  public mutating func append(_ diagnostic: Diagnostic) { items.append(diagnostic) }

  public var hasErrors: Bool { items.contains { $0.severity == .error } }
  public var isEmpty: Bool { items.isEmpty }
}
