import GlossaCore

/// Runs a document stage over line-oriented input (text or JSONL), in bounded batches, on several
/// cores, writing results in input order.
///
/// Memory stays bounded whatever the input size: at most `2 × jobs` batches of about `batchBytes`
/// each are in flight. Every input line yields its formatted output or an error message with its file,
/// line and column; nothing is dropped silently.
///
/// ```swift
/// let processor = StreamProcessor(stage: try SentenceSegmenter(language: "de"), inputFormat: .text, jobs: 2) { document, _ in
///   Array(document.sentences.map { document.text(of: $0) + "\n" }.joined().utf8)
/// }
/// let summary = try await processor.run(paths: ["news.txt"], output: OutputStream()) { print($0) }
/// ```
public struct StreamProcessor<S: DocumentStage>: Sendable {
  /// Formats one processed document as output bytes.
  public typealias Formatter = @Sendable (_ document: Document, _ record: InputRecord) -> [UInt8]
  /// Formats the output line that stands for a bad input line (JSONL keeps one line per input line),
  /// or returns `nil` to write nothing.
  public typealias ErrorFormatter = @Sendable (_ error: RecordError) -> [UInt8]?

  /// What happened in a run.
  public struct Summary: Sendable {
    /// Input lines read.
    public var lines = 0
    /// Input lines (or files) that failed.
    public var failures = 0
    /// Input lines left out on purpose (`--on-invalid skip-line`).
    public var skipped = 0
    /// Whether the run stopped early at a line whose consequence was `.stop`.
    public var stopped = false
  }

  public let stage: S
  public let decoder: RecordDecoder
  public let jobs: Int
  public let batchBytes: Int
  /// Whether a bad line is reported and the run goes on (`true`), or the run stops at it (`false`).
  public let keepGoing: Bool
  private let format: Formatter
  private let formatError: ErrorFormatter

  public init(
    stage: S, inputFormat: InputFormat, language: String? = nil, invalidUTF8: InvalidUTF8Policy = .error,
    jobs: Int = 1, batchBytes: Int = 1 << 16, keepGoing: Bool = true,
    formatError: @escaping ErrorFormatter = { _ in nil }, format: @escaping Formatter
  ) {
    self.keepGoing = keepGoing
    self.stage = stage
    self.decoder = RecordDecoder(format: inputFormat, language: language, invalidUTF8: invalidUTF8)
    self.jobs = max(1, jobs)
    self.batchBytes = max(1, batchBytes)
    self.format = format
    self.formatError = formatError
  }

  /// Processes every line of every path (`-` is standard input) in order. `report` receives error and
  /// warning messages, each with its location, in input order. Error records (see `formatError`) go to
  /// `errors` when given, else into `output` in the failed line's place.
  ///
  /// `progress`, when given, is called after each batch with the input bytes done so far and the total
  /// size of all inputs (`nil` when one is not a regular file, e.g. a pipe).
  public func run(
    paths: [String], output: OutputStream, errors: OutputStream? = nil, report: @escaping (String) -> Void,
    progress: ((_ done: Int, _ total: Int?) -> Void)? = nil
  ) async throws -> Summary {
    var summary = Summary()
    let total = progress == nil ? nil : totalSize(paths)
    var finishedFiles = 0
    for path in paths where !summary.stopped {
      let reader: LineReader
      do {
        reader = try LineReader(path: path)
      } catch {
        output.flush()
        report("\(error)")
        summary.failures += 1
        continue
      }
      func emit(_ result: BatchResult) {
        guard !summary.stopped else { return }
        progress?(finishedFiles + result.endOffset, total)
        summary.lines += result.lines
        summary.failures += result.failures
        summary.skipped += result.skipped
        summary.stopped = result.stopped
        for piece in result.pieces {
          switch piece {
          case .output(let bytes): output.write(bytes)
          case .errorRecord(let bytes): (errors ?? output).write(bytes)
          case .message(let text):
            output.flush()
            errors?.flush()
            report(text)
          }
        }
      }
      if jobs == 1 {
        while !summary.stopped, let batch = try Batch.read(from: reader, bytes: batchBytes) { emit(process(batch)) }
        finishedFiles += reader.bytesRead
        continue
      }
      try await withThrowingTaskGroup(of: (Int, BatchResult).self) { group in
        var pending: [Int: BatchResult] = [:]
        var next = 0, submitted = 0
        func drain(_ finished: (Int, BatchResult)) {
          pending[finished.0] = finished.1
          while let ready = pending.removeValue(forKey: next) {
            emit(ready)
            next += 1
          }
        }
        while !summary.stopped, let batch = try Batch.read(from: reader, bytes: batchBytes) {
          let index = submitted
          group.addTask { (index, self.process(batch)) }
          submitted += 1
          if submitted - next >= 2 * jobs, let finished = try await group.next() { drain(finished) }
        }
        while let finished = try await group.next() { drain(finished) }
      }
      finishedFiles += reader.bytesRead
    }
    output.flush()
    errors?.flush()
    return summary
  }

  /// The total size of the inputs, or `nil` when one has no known size.
  private func totalSize(_ paths: [String]) -> Int? {
    var total = 0
    for path in paths {
      guard path != "-", let size = try? LineReader(path: path).size else { return nil }
      total += size
    }
    return total
  }

  /// Decodes, runs and formats every line of a batch; stops at a line whose consequence is `.stop`.
  func process(_ batch: Batch) -> BatchResult {
    var result = BatchResult()
    result.endOffset = batch.endOffset
    // Most stages write about as much as they read: one allocation for the batch's output.
    result.reserveOutput(batch.bytes.count + batch.lines.count + 4096)
    batch.bytes.withUnsafeBufferPointer { all in
      for line in batch.lines {
        result.lines += 1
        let view = LineReader.Line(
          bytes: UnsafeBufferPointer(rebasing: all[line.range]), number: line.number, offset: line.offset,
          endedWithCRLF: line.crlf, endedWithNewline: true)
        let record: InputRecord
        switch decoder.decode(view, file: batch.file) {
        case .success(let decoded): record = decoded
        case .failure(let error):
          fail(error, into: &result)
          if result.stopped { return }
          continue
        }
        record.warnings.forEach { result.add(.message($0.description)) }
        var diagnostics = Diagnostics(location: record.location)
        do {
          let document = try stage.run(record.document, diagnostics: &diagnostics)
          diagnostics.items.forEach { result.add(.message($0.description)) }
          if diagnostics.hasErrors { result.failures += 1 }
          result.write(format(document, record))
        } catch {
          diagnostics.items.forEach { result.add(.message($0.description)) }
          fail(RecordError(location: record.location, message: "\(error)"), into: &result)
          if result.stopped { return }
        }
      }
    }
    result.finish()
    return result
  }

  /// Counts a bad line; without `keepGoing`, a failed line stops the run like `.stop`.
  private func fail(_ error: RecordError, into result: inout BatchResult) {
    switch error.consequence {
    case .failLine:
      result.failures += 1
      if !keepGoing { result.stopped = true }
    case .skipLine: result.skipped += 1
    case .stop:
      result.failures += 1
      result.stopped = true
    }
    result.add(.message(error.description))
    if let line = formatError(error) { result.add(.errorRecord(line)) }
  }
}

/// The output of one batch, in input order.
struct BatchResult: Sendable {
  enum Piece: Sendable {
    case output([UInt8])
    case errorRecord([UInt8])
    case message(String)
  }

  private(set) var pieces: [Piece] = []
  /// Output not yet in `pieces`: consecutive outputs share one buffer.
  private var current: [UInt8] = []
  var lines = 0
  var failures = 0
  var skipped = 0
  var stopped = false
  /// Byte offset in its input just after the batch's last line.
  var endOffset = 0

  mutating func write(_ bytes: [UInt8]) {
    if current.isEmpty && current.capacity < bytes.count {
      current = bytes
    } else {
      current.append(contentsOf: bytes)
    }
  }

  /// Makes room for about `count` bytes of output, so a batch's output grows without reallocating.
  mutating func reserveOutput(_ count: Int) { current.reserveCapacity(count) }

  mutating func add(_ piece: Piece) {
    if !current.isEmpty {
      pieces.append(.output(current))
      current = []
    }
    pieces.append(piece)
  }

  /// Moves the last output into `pieces`.
  mutating func finish() {
    if !current.isEmpty { pieces.append(.output(current)) }
    current = []
  }
}

/// A run of consecutive input lines, copied out of the reader so a worker can own them.
struct Batch: Sendable {
  struct Line: Sendable {
    var range: Range<Int>
    var number: Int
    var offset: Int
    var crlf: Bool
  }

  var file: String
  var bytes: [UInt8] = []
  var lines: [Line] = []
  /// Byte offset in the input just after the last line (and its line end).
  var endOffset = 0

  /// Reads lines until about `limit` bytes are collected; `nil` at the end of the input.
  static func read(from reader: LineReader, bytes limit: Int) throws -> Batch? {
    var batch = Batch(file: reader.name)
    // The batch ends with the line that reaches `limit`: room for it and a long last line.
    batch.bytes.reserveCapacity(limit + 1 << 14)
    while batch.bytes.count < limit, let line = try reader.next() {
      let start = batch.bytes.count
      batch.bytes.append(contentsOf: line.bytes)
      batch.lines.append(Line(range: start..<batch.bytes.count, number: line.number, offset: line.offset, crlf: line.endedWithCRLF))
      batch.endOffset = reader.bytesRead
    }
    return batch.lines.isEmpty ? nil : batch
  }
}
