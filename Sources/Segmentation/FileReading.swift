#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads the whole file at `path` as UTF-8 text with C stdio (Segmentation does not load Foundation,
/// which would add several milliseconds to every process start). The error is a short reason ("No
/// such file or directory", "not valid UTF-8") for the caller's message.
func readUTF8File(_ path: String) -> Result<String, FileReadError> {
  guard let file = fopen(path, "rb") else { return .failure(FileReadError(reason: String(cString: strerror(errno)))) }
  defer { fclose(file) }
  var bytes: [UInt8] = []
  var chunk = [UInt8](repeating: 0, count: 1 << 16)
  while true {
    let count = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
    bytes.append(contentsOf: chunk[0..<count])
    if count < chunk.count {
      if ferror(file) != 0 { return .failure(FileReadError(reason: String(cString: strerror(errno)))) }
      break
    }
  }
  guard let text = String(validating: bytes, as: UTF8.self) else { return .failure(FileReadError(reason: "not valid UTF-8")) }
  return .success(text)
}

/// Why a file could not be read.
struct FileReadError: Error {
  var reason: String
}
