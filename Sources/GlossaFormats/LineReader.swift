#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An input that could not be opened or read.
public struct InputError: Error, Sendable, CustomStringConvertible {
  public var location: String
  public var message: String
  public var description: String { "\(location): \(message)" }
}

/// Reads a file (or standard input) line by line, in large blocks, with no per-line system calls.
///
/// Lines are handed out as byte buffers without their line end; a CRLF line end is reported so it can be
/// written back as it was.
///
/// ```swift
/// let reader = try LineReader(path: "article.txt")
/// while let line = try reader.next() { print(line.number, line.bytes.count) }
/// ```
public final class LineReader {
  /// One line of input.
  public struct Line {
    /// The line's bytes, without its line end. Valid until the next call of `next()`.
    public var bytes: UnsafeBufferPointer<UInt8>
    /// 1-based line number.
    public var number: Int
    /// Byte offset of the line's start in the input.
    public var offset: Int
    /// Whether the line ended with CRLF (the CR is not in `bytes`).
    public var endedWithCRLF: Bool
    /// Whether the line ended with a line feed (false only for a last line without one).
    public var endedWithNewline: Bool

    public init(bytes: UnsafeBufferPointer<UInt8>, number: Int, offset: Int, endedWithCRLF: Bool = false, endedWithNewline: Bool = true) {
      self.bytes = bytes
      self.number = number
      self.offset = offset
      self.endedWithCRLF = endedWithCRLF
      self.endedWithNewline = endedWithNewline
    }
  }

  /// The name used in messages: the path, or `<stdin>`.
  public let name: String
  /// The size of the input in bytes, when it is a regular file.
  public private(set) var size: Int?
  private let file: UnsafeMutablePointer<FILE>
  private let ownsFile: Bool
  private var buffer: [UInt8]
  private var start = 0  // first unread byte in buffer
  private var end = 0  // end of valid bytes in buffer
  private var atEOF = false
  private var lineNumber = 0
  private var consumed = 0  // bytes of input before buffer[0]

  /// Opens `path`; `-` means standard input.
  public init(path: String) throws {
    if path == "-" {
      self.file = fdopen(0, "rb")
      self.ownsFile = false
      self.name = "<stdin>"
    } else {
      guard let file = fopen(path, "rb") else {
        throw InputError(location: path, message: "cannot open file: \(String(cString: strerror(errno)))")
      }
      var info = stat()
      if fstat(fileno(file), &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR {
        fclose(file)
        throw InputError(location: path, message: "is a directory, not a file")
      }
      self.file = file
      self.ownsFile = true
      self.name = path
      if (info.st_mode & S_IFMT) == S_IFREG { self.size = Int(info.st_size) }
    }
    // 128 KiB: large enough that reads are few, small enough that its pages stay hot in the cache and
    // few are faulted in (a small file gets a buffer its size). A longer line grows it.
    self.buffer = [UInt8](repeating: 0, count: size.map { min(1 << 17, max(1 << 12, $0 + 1)) } ?? 1 << 17)
  }

  deinit { if ownsFile { fclose(file) } }

  /// Bytes of input handed out so far, line ends included.
  public var bytesRead: Int { consumed + start }

  /// The next line, or `nil` at the end of the input.
  public func next() throws -> Line? {
    while true {
      if let newline = findNewline() {
        var lineEnd = newline
        var crlf = false
        if lineEnd > start && buffer[lineEnd - 1] == 0x0D {
          lineEnd -= 1
          crlf = true
        }
        let line = makeLine(start..<lineEnd, crlf: crlf, newline: true)
        start = newline + 1
        return line
      }
      if atEOF {
        guard start < end else { return nil }
        let line = makeLine(start..<end, crlf: false, newline: false)
        start = end
        return line
      }
      try fill()
    }
  }

  private func makeLine(_ range: Range<Int>, crlf: Bool, newline: Bool) -> Line {
    lineNumber += 1
    var range = range
    // A UTF-8 byte order mark at the start of the input is not text.
    if lineNumber == 1 && consumed == 0 && range.count >= 3 && buffer[range.lowerBound] == 0xEF
      && buffer[range.lowerBound + 1] == 0xBB && buffer[range.lowerBound + 2] == 0xBF
    {
      range = (range.lowerBound + 3)..<range.upperBound
    }
    let bytes = buffer.withUnsafeBufferPointer { UnsafeBufferPointer(rebasing: $0[range]) }
    return Line(bytes: bytes, number: lineNumber, offset: consumed + range.lowerBound, endedWithCRLF: crlf, endedWithNewline: newline)
  }

  private func findNewline() -> Int? {
    buffer.withUnsafeBufferPointer { pointer -> Int? in
      guard start < end, let base = pointer.baseAddress else { return nil }
      guard let found = memchr(base + start, 0x0A, end - start) else { return nil }
      return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }
  }

  /// Moves the unread bytes to the front and reads more; grows the buffer for very long lines.
  private func fill() throws {
    if start > 0 {
      let remaining = end - start
      buffer.withUnsafeMutableBufferPointer { pointer in
        if remaining > 0 { memmove(pointer.baseAddress!, pointer.baseAddress! + start, remaining) }
      }
      consumed += start
      end = remaining
      start = 0
    }
    if end == buffer.count { buffer.append(contentsOf: repeatElement(0, count: buffer.count)) }
    let count = buffer.withUnsafeMutableBufferPointer { pointer in
      fread(pointer.baseAddress! + end, 1, pointer.count - end, file)
    }
    if count == 0 {
      if ferror(file) != 0 {
        throw InputError(location: name, message: "read error: \(String(cString: strerror(errno)))")
      }
      atEOF = true
    }
    end += count
  }
}
