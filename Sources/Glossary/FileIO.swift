#if canImport(Glibc)
import GlossaCore
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Whole-file and line-by-line file access without Foundation.
enum FileIO {
  /// The bytes of the file at `path`; `-` reads standard input.
  static func readAll(_ path: String) throws -> [UInt8] {
    guard let file = open(path, "rb") else { throw ioError(path, "cannot open") }
    defer { fclose(file) }
    var result: [UInt8] = []
    if path != "-", fseeko(file, 0, SEEK_END) == 0 {
      let size = ftello(file)
      if size > 0 { result.reserveCapacity(Int(size)) }
      fseeko(file, 0, SEEK_SET)
    }
    var chunk = [UInt8](repeating: 0, count: 1 << 20)
    while true {
      let n = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
      if n > 0 { result.append(contentsOf: chunk[0..<n]) }
      if n < chunk.count {
        if ferror(file) != 0 { throw ioError(path, "cannot read") }
        break
      }
    }
    return result
  }

  /// Writes `bytes` to `path`, replacing it; `-` writes standard output.
  static func write(_ bytes: [UInt8], to path: String) throws {
    guard let file = open(path, "wb") else { throw ioError(path, "cannot create") }
    let written = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
    let failed = written != bytes.count || fflush(file) != 0
    fclose(file)
    if failed { throw ioError(path, "cannot write") }
  }

  /// Opens `path`, or a duplicate of standard input (mode `r…`) or output (mode `w…`) for `-`.
  static func open(_ path: String, _ mode: String) -> UnsafeMutablePointer<FILE>? {
    if path == "-" { return fdopen(dup(mode.hasPrefix("r") ? 0 : 1), mode) }
    return fopen(path, mode)
  }

  static func ioError(_ path: String, _ what: String) -> GlossaryError {
    let reason = String(cString: strerror(errno))
    return GlossaryError(.syntax, "\(what) '\(path)': \(reason)", at: InputLocation(file: path))
  }
}

/// Reads a file line by line in large chunks, so files of gigabytes (GeoNames' `allCountries.txt`) stream
/// through bounded memory. Each line is handed over as a buffer of UTF-8 bytes without its line end.
struct LineReader {
  let path: String

  /// Calls `body` with each line and its 1-based number; `body` returns `false` to stop.
  func forEachLine(_ body: (UnsafeBufferPointer<UInt8>, Int) throws -> Bool) throws {
    guard let file = FileIO.open(path, "rb") else { throw FileIO.ioError(path, "cannot open") }
    defer { fclose(file) }
    var buffer = [UInt8](repeating: 0, count: 1 << 20)
    var filled = 0
    var lineNumber = 0
    var eof = false
    while !eof {
      if filled == buffer.count { buffer.append(contentsOf: [UInt8](repeating: 0, count: buffer.count)) }
      let n = buffer.withUnsafeMutableBytes { fread($0.baseAddress! + filled, 1, $0.count - filled, file) }
      if n == 0 {
        if ferror(file) != 0 { throw FileIO.ioError(path, "cannot read") }
        eof = true
      }
      filled += n
      var consumed = 0
      var stop = false
      try buffer.withUnsafeBufferPointer { all in
        var start = 0
        var i = 0
        while i < filled {
          if all[i] == 0x0A {
            lineNumber += 1
            var end = i
            if end > start, all[end - 1] == 0x0D { end -= 1 }
            if try !body(UnsafeBufferPointer(rebasing: all[start..<end]), lineNumber) { stop = true; return }
            start = i + 1
          }
          i += 1
        }
        if eof, start < filled {
          lineNumber += 1
          var end = filled
          if all[end - 1] == 0x0D { end -= 1 }
          if try !body(UnsafeBufferPointer(rebasing: all[start..<end]), lineNumber) { stop = true; return }
          start = filled
        }
        consumed = start
      }
      if stop { return }
      if consumed > 0 {
        buffer.withUnsafeMutableBufferPointer { all in
          let rest = filled - consumed
          if rest > 0 { _ = memmove(all.baseAddress!, all.baseAddress! + consumed, rest) }
        }
        filled -= consumed
      }
    }
  }
}
