/// One step of a pipeline: turns an input into an output.
///
/// Stages are immutable, `Sendable` descriptions. Whatever is not thread-safe (ICU handles) is made
/// inside `run` or borrowed from a pool, never shared between tasks. A problem with one document goes to
/// `diagnostics`; only what makes going on impossible throws.
public protocol Stage<Input, Output>: Sendable {
  associatedtype Input
  associatedtype Output
  func run(_ input: Input, diagnostics: inout Diagnostics) throws -> Output
}

/// A stage that transforms documents: the common case, composable in any order that makes sense.
public protocol DocumentStage: Stage where Input == Document, Output == Document {}

/// `first`, then `second`; the compiler checks that `first`'s output is `second`'s input.
public struct Chain<First: Stage, Second: Stage>: Stage where First.Output == Second.Input {
  public let first: First
  public let second: Second

  public init(_ first: First, _ second: Second) {
    self.first = first
    self.second = second
  }

  @inlinable
  public func run(_ input: First.Input, diagnostics: inout Diagnostics) throws -> Second.Output {
    try second.run(first.run(input, diagnostics: &diagnostics), diagnostics: &diagnostics)
  }
}

/// A stage that passes its input through unchanged (an empty pipeline, an `if` without `else`).
public struct Identity<Value>: Stage {
  public init() {}
  @inlinable
  public func run(_ input: Value, diagnostics: inout Diagnostics) throws -> Value { input }
}

/// Either of two stages with the same input and output (from `if`/`else` in a pipeline).
public enum Either<First: Stage, Second: Stage>: Stage where First.Input == Second.Input, First.Output == Second.Output {
  case first(First)
  case second(Second)

  public func run(_ input: First.Input, diagnostics: inout Diagnostics) throws -> First.Output {
    switch self {
    case .first(let stage): try stage.run(input, diagnostics: &diagnostics)
    case .second(let stage): try stage.run(input, diagnostics: &diagnostics)
    }
  }
}

/// Builds a chain of stages from a list, checked at compile time.
///
/// ```swift
/// let pipeline = Pipeline {
///   UnicodeNormalization(.nfc)
///   PunctuationNormalization()
///   SentenceSegmenter(language: "de")
/// }
/// ```
@resultBuilder
public enum PipelineBuilder {
  public static func buildPartialBlock<S: Stage>(first: S) -> S { first }

  public static func buildPartialBlock<A: Stage, B: Stage>(accumulated: A, next: B) -> Chain<A, B> {
    Chain(accumulated, next)
  }

  public static func buildOptional<S: Stage>(_ stage: S?) -> Either<S, Identity<S.Input>> where S.Input == S.Output {
    stage.map { .first($0) } ?? .second(Identity())
  }

  public static func buildEither<A: Stage, B: Stage>(first: A) -> Either<A, B> { .first(first) }
  public static func buildEither<A: Stage, B: Stage>(second: B) -> Either<A, B> { .second(second) }
}

/// A pipeline of stages, written with ``PipelineBuilder``.
public struct Pipeline<Body: Stage>: Stage {
  public let body: Body

  public init(@PipelineBuilder _ build: () throws -> Body) rethrows { self.body = try build() }

  public func run(_ input: Body.Input, diagnostics: inout Diagnostics) throws -> Body.Output {
    try body.run(input, diagnostics: &diagnostics)
  }
}

extension Stage {
  /// Runs the stage, collecting diagnostics into a fresh list.
  public func run(_ input: Input) throws -> (output: Output, diagnostics: Diagnostics) {
    var diagnostics = Diagnostics()
    let output = try run(input, diagnostics: &diagnostics)
    return (output, diagnostics)
  }
}

/// Any document-to-document stage, behind one type: what a pipeline read from a config file is made of.
public struct AnyDocumentStage: DocumentStage {
  /// The stage's name, as in a pipeline file.
  public let name: String
  private let body: @Sendable (Document, inout Diagnostics) throws -> Document

  public init<S: Stage>(name: String, _ stage: S) where S.Input == Document, S.Output == Document {
    self.name = name
    self.body = { try stage.run($0, diagnostics: &$1) }
  }

  public func run(_ input: Document, diagnostics: inout Diagnostics) throws -> Document {
    try body(input, &diagnostics)
  }
}

/// A sequence of type-erased document stages, run in order.
public struct DocumentPipeline: DocumentStage {
  public let stages: [AnyDocumentStage]

  public init(_ stages: [AnyDocumentStage]) { self.stages = stages }

  public func run(_ input: Document, diagnostics: inout Diagnostics) throws -> Document {
    var document = input
    for stage in stages { document = try stage.run(document, diagnostics: &diagnostics) }
    return document
  }
}
