#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A read-only array of integers for the index's flat tables: its elements live either in memory of
/// its own (an index built from a glossary) or inside a memory-mapped compiled index file, which is how
/// a compiled index loads without reading its arrays into memory first.
///
/// Copies share the elements; the memory (or the mapping) is released with the last copy.
///
/// ```swift
/// let starts: IndexArray<UInt32> = [0, 7, 13]
/// starts[1]       // 7
/// starts.count    // 3
/// ```
struct IndexArray<Element: FixedWidthInteger>: RandomAccessCollection, ExpressibleByArrayLiteral, @unchecked Sendable {
  // Sendable: the elements are never written after the initializer, and `owner` keeps them alive.
  private let base: UnsafePointer<Element>?
  let count: Int
  private let owner: AnyObject?

  /// Copies `elements` into memory of its own.
  init(_ elements: [Element]) {
    self.init(count: elements.count) { _ = $0.initialize(from: elements) }
  }

  /// `count` elements that `initialize` writes straight into memory of its own (it must initialize
  /// all of them), without an array to copy from. `initialize` is called once, also when `count` is 0.
  init(count: Int, initializingWith initialize: (UnsafeMutableBufferPointer<Element>) -> Void) {
    if count == 0 {
      initialize(UnsafeMutableBufferPointer(start: nil, count: 0))
      base = nil
      owner = nil
    } else {
      let memory = OwnedMemory(byteCount: count * MemoryLayout<Element>.stride, alignment: MemoryLayout<Element>.alignment)
      let typed = memory.pointer.bindMemory(to: Element.self, capacity: count)
      initialize(UnsafeMutableBufferPointer(start: typed, count: count))
      base = UnsafePointer(typed)
      owner = memory
    }
    self.count = count
  }

  init(arrayLiteral elements: Element...) { self.init(elements) }

  /// An empty array.
  init() {
    base = nil
    count = 0
    owner = nil
  }

  /// `count` elements at byte `offset` of `file`, which must be aligned for `Element`.
  init(_ file: MappedFile, offset: Int, count: Int) {
    precondition(offset >= 0 && count >= 0 && offset + count * MemoryLayout<Element>.stride <= file.size)
    precondition(offset % MemoryLayout<Element>.alignment == 0)
    base = count == 0 ? nil : UnsafePointer((file.base + offset).bindMemory(to: Element.self, capacity: count))
    self.count = count
    owner = file
  }

  var startIndex: Int { 0 }
  var endIndex: Int { count }

  @inline(__always)
  subscript(position: Int) -> Element {
    precondition(UInt(bitPattern: position) < UInt(bitPattern: count), "index out of range")
    return base.unsafelyUnwrapped[position]
  }

  /// Calls `body` with the elements as a buffer (valid only during the call).
  @inline(__always)
  func withUnsafeBufferPointer<Result>(_ body: (UnsafeBufferPointer<Element>) throws -> Result) rethrows -> Result {
    try withExtendedLifetime(owner) { try body(UnsafeBufferPointer(start: base, count: count)) }
  }

  /// Calls `body` with the elements' bytes (valid only during the call).
  func withUnsafeBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
    try withUnsafeBufferPointer { try body(UnsafeRawBufferPointer($0)) }
  }
}

extension IndexArray: Equatable {
  static func == (lhs: Self, rhs: Self) -> Bool { lhs.elementsEqual(rhs) }
}

/// Memory an ``IndexArray`` owns, freed with the last array that uses it.
private final class OwnedMemory {
  let pointer: UnsafeMutableRawPointer

  init(byteCount: Int, alignment: Int) {
    pointer = .allocate(byteCount: byteCount, alignment: alignment)
  }

  deinit { pointer.deallocate() }
}

/// A file mapped read-only into memory (or read into memory where it cannot be mapped), released with the
/// last ``IndexArray`` that uses it.
///
/// The mapping is private: a later change to the file by another process is not meant to be seen. Index
/// files are replaced by renaming a new file over them, which leaves this mapping intact; a file cut short
/// in place while it is mapped (`cp` over it) would end the process on its next read of a lost page, as
/// for any memory-mapped file.
final class MappedFile: @unchecked Sendable {
  // Sendable: the bytes are read-only and live until deinit.
  let base: UnsafeRawPointer
  let size: Int
  /// Whether `base` is a mapping (else memory of its own, or nothing for an empty file).
  private let storage: Storage

  private enum Storage {
    case mapped, copied, empty
  }

  /// Maps the whole file at `path`; where the file system cannot map it (or `map` is false), reads it
  /// into memory instead. The error is `errno` and what failed.
  init(path: String, map: Bool = true) throws(MappingError) {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { throw MappingError(operation: "open", code: errno) }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0 else { throw MappingError(operation: "stat", code: errno) }
    size = Int(status.st_size)
    guard size > 0 else {
      // Nothing to map; no array of an empty file ever reads `base`.
      base = UnsafeRawPointer(bitPattern: MemoryLayout<UInt64>.alignment)!
      storage = .empty
      return
    }
    #if os(Linux)
    // The whole file is read at once by the checksum anyway: map every page in one call, not one fault
    // per page.
    let flags = MAP_PRIVATE | MAP_POPULATE
    #else
    let flags = MAP_PRIVATE
    #endif
    if map, let address = mmap(nil, size, PROT_READ, flags, descriptor, 0), address != MAP_FAILED {
      base = UnsafeRawPointer(address)
      storage = .mapped
      return
    }
    let memory = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: MemoryLayout<UInt64>.alignment)
    var offset = 0
    while offset < size {
      let count = read(descriptor, memory + offset, size - offset)
      if count > 0 {
        offset += count
      } else if count < 0, errno == EINTR {
        continue
      } else {
        let code = count == 0 ? EIO : errno
        memory.deallocate()
        throw MappingError(operation: "read", code: code)
      }
    }
    base = UnsafeRawPointer(memory)
    storage = .copied
  }

  deinit {
    switch storage {
    case .mapped: munmap(UnsafeMutableRawPointer(mutating: base), size)
    case .copied: UnsafeMutableRawPointer(mutating: base).deallocate()
    case .empty: break
    }
  }

  /// Why a file could not be mapped.
  struct MappingError: Error {
    var operation: String
    var code: Int32

    var message: String { "cannot \(operation) (\(String(cString: strerror(code))))" }
  }
}
