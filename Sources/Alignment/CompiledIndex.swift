import Glossary

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a compiled index file cannot be used.
public struct CompiledIndexError: Error, CustomStringConvertible, Sendable {
  public var path: String
  public var message: String

  public var description: String { "\(path): \(message)" }
}

/// The compiled index file (`glossa glossary compile G -o G.glossa-index`): the index's flat arrays
/// written as they are in memory, so loading is a few large reads, no parsing and no ICU work.
///
/// Layout: the 8-byte magic `GLOSSAIX`, a format version, a fingerprint of the match-key rules and
/// options, a checksum and the length of the body; the body is a sequence of arrays, each a byte count
/// and the bytes, padded to 8. A file of another format version, made with other rules or options, cut
/// short, damaged, or older than the glossary it was compiled from is rejected with a message that says
/// which and how to rebuild it.
extension TermIndex {
  /// The format version written and accepted.
  static let compiledFormatVersion: UInt32 = 7
  static let compiledMagic: [UInt8] = Array("GLOSSAIX".utf8)

  /// Whether the file at `path` starts like a compiled index.
  public static func isCompiledIndex(path: String) -> Bool {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { return false }
    defer { close(descriptor) }
    var magic = [UInt8](repeating: 0, count: 8)
    return read(descriptor, &magic, 8) == 8 && magic == compiledMagic
  }

  /// Writes the index to `path`. `source`, the glossary file it was built from, is recorded with its
  /// size and modification time, so a later change to it marks the compiled file stale.
  public func write(toFile path: String, source: String? = nil) throws {
    var common = StringArena()
    for key in commonKeys.sorted() { common.append(key) }
    var sourceInfo = StringArena()
    var stamp: [Int64] = [-1, -1]
    if let source {
      sourceInfo.append(source)
      if let status = Self.fileStatus(source) { stamp = [status.size, status.modified] }
    }
    let concepts = entries.map(\.concept), terms = entries.map(\.term), ranks = entries.map(\.rank)
    // The body is passed over twice: once for its checksum and length, which the header holds, then
    // written straight from the index's arrays.
    func addBody(to body: inout IndexWriter) {
      body.add([
        Int64(options.minimumSkeletonLength), Int64(options.minimumFuzzyLength ?? -1), Int64(maxWords), hasLowercaseHeads ? 1 : 0,
        Int64(options.minimumCompactSkeletonLength),
      ])
      body.add(concepts)
      body.add(terms)
      body.add(ranks)
      body.add(termTexts)
      for table in [exact, folded, key, skeleton, arabic, compact, compactSkeleton] { body.add(table) }
      body.add(deletions.words)
      body.add(keyFilter.words)
      for filter in [prefixes.exact, prefixes.folded, prefixes.compact, prefixes.wordPrefixes, prefixes.wordPrefixDeletions] {
        body.add(filter.words)
      }
      body.add(names.ids)
      body.add(names.idTable)
      body.add(names.preferredStarts)
      body.add(names.preferredLanguages)
      body.add(names.preferredTexts)
      body.add(names.firstTerms)
      body.add(names.hasTerms)
      body.add(common)
      body.add(sourceInfo)
      body.add(stamp)
    }
    var measured = IndexWriter(sink: .measure)
    addBody(to: &measured)

    var header = IndexWriter()
    header.bytes.append(contentsOf: Self.compiledMagic)
    header.raw(Self.compiledFormatVersion)
    header.raw(UInt32(0))
    header.raw(Self.fingerprint(rules: rules, options: options))
    header.raw(measured.checksum.value)
    header.raw(UInt64(measured.length))
    let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    guard descriptor >= 0 else { throw CompiledIndexError(path: path, message: "cannot create (\(String(cString: strerror(errno))))") }
    defer { close(descriptor) }
    var body = IndexWriter(sink: .file(descriptor))
    body.write(header.bytes)
    addBody(to: &body)
    body.flush()
    if body.writeError != 0 {
      throw CompiledIndexError(path: path, message: "cannot write (\(String(cString: strerror(body.writeError))))")
    }
  }

  /// Loads a compiled index written by ``write(toFile:source:)``. Throws ``CompiledIndexError`` when the
  /// file is not a compiled index, was made by another format version or with other rules or options,
  /// is damaged, or its source glossary changed since.
  public convenience init(contentsOf path: String, rules: MatchKeyRules = .standard, options: Options = Options()) throws {
    var reader = try IndexReader(path: path)
    let magic: [UInt8] = try reader.fixed(8)
    guard magic == Self.compiledMagic else { throw reader.error("not a compiled Glossa index") }
    let version: UInt32 = try reader.raw()
    _ = try reader.raw() as UInt32
    guard version == Self.compiledFormatVersion else {
      throw reader.error("compiled index format \(version), this Glossa reads format \(Self.compiledFormatVersion); recompile it with 'glossa glossary compile'")
    }
    let fingerprint: UInt64 = try reader.raw()
    guard fingerprint == Self.fingerprint(rules: rules, options: options) else {
      throw reader.error("compiled with other match-key rules or options than this Glossa uses (stale); recompile it with 'glossa glossary compile'")
    }
    let checksum: UInt64 = try reader.raw()
    let length: UInt64 = try reader.raw()
    guard reader.remaining == Int(length) else {
      throw reader.error("damaged: \(reader.remaining) bytes of index data, the header says \(length); recompile it")
    }
    reader.checksum = IndexChecksum()
    let scalars: [Int64] = try reader.array()
    guard scalars.count == 5 else { throw reader.error("damaged: bad option block; recompile it") }
    let concepts: [Int32] = try reader.array(), terms: [Int32] = try reader.array(), ranks: [UInt8] = try reader.array()
    let termTexts = try reader.arena()
    var tables: [FormTable] = []
    for _ in 0..<7 { tables.append(try reader.table()) }
    let deletions = BloomFilter(words: try reader.array())
    let keyFilter = BloomFilter(words: try reader.array())
    var filters: [BloomFilter] = []
    for _ in 0..<5 { filters.append(BloomFilter(words: try reader.array())) }
    let ids = try reader.arena()
    let idTable = try reader.table()
    let preferredStarts: [UInt32] = try reader.array()
    let languages = try reader.arena(), texts = try reader.arena(), firsts = try reader.arena()
    let hasTerms: [UInt8] = try reader.array()
    let common = try reader.arena()
    let sourceInfo = try reader.arena()
    let stamp: [Int64] = try reader.array()
    guard reader.checksum.value == checksum, reader.remaining == 0 else {
      throw reader.error("damaged: checksum mismatch; recompile it with 'glossa glossary compile'")
    }
    guard concepts.count == terms.count, concepts.count == ranks.count, termTexts.count == concepts.count,
      preferredStarts.count == ids.count + 1,
      hasTerms.count == ids.count, firsts.count == ids.count, stamp.count == 2
    else { throw reader.error("damaged: inconsistent arrays; recompile it") }
    if sourceInfo.count == 1, stamp[0] >= 0, let status = Self.fileStatus(sourceInfo[0]),
      status.size != stamp[0] || status.modified != stamp[1] {
      throw reader.error("stale: \(sourceInfo[0]) changed after this index was compiled; recompile it with 'glossa glossary compile \(sourceInfo[0]) -o \(path)'")
    }
    let names = ConceptNames(
      ids: ids, idTable: idTable, preferredStarts: preferredStarts, preferredLanguages: languages,
      preferredTexts: texts, firstTerms: firsts, hasTerms: hasTerms)
    let entries = (0..<concepts.count).map { Entry(concept: concepts[$0], term: terms[$0], rank: ranks[$0]) }
    try self.init(
      names: names, rules: rules, options: options, entries: entries, termTexts: termTexts, tables: tables, deletions: deletions, keyFilter: keyFilter,
      prefixes: PrefixFilters(exact: filters[0], folded: filters[1], compact: filters[2], wordPrefixes: filters[3],
        wordPrefixDeletions: filters[4]),
      maxWords: Int(scalars[2]), hasLowercaseHeads: scalars[3] != 0,
      commonKeys: Set((0..<common.count).map { common[$0] }))
  }

  /// A hash of everything that decides an index's content besides the glossary: the format version,
  /// the match-key rules and the options.
  static func fingerprint(rules: MatchKeyRules, options: Options) -> UInt64 {
    var hasher = FormHasher()
    func add(_ text: String) {
      for byte in text.utf8 { hasher.add(byte) }
      hasher.add(0)
    }
    add("glossa-index-\(compiledFormatVersion)")
    rules.conventions.forEach(add)
    add(rules.letters)
    add(rules.skeleton)
    add(rules.arabic)
    for set in [rules.articles, rules.commonWords, rules.lookalikes, rules.givenNames, rules.determiners, rules.placeCues] {
      set.sorted().forEach(add)
      add("|")
    }
    for list in [rules.attachedArticles, rules.transliterationMarks, rules.adjectiveEndings, rules.foreignEndings, rules.alternateReadings] {
      list.forEach(add)
      add("|")
    }
    for group in rules.genericHeads {
      group.forEach(add)
      add("/")
    }
    add("|")
    add("\(options.minimumSkeletonLength) \(options.minimumFuzzyLength ?? -1) \(options.minimumCompactSkeletonLength)")
    return hasher.value
  }

  /// Size and modification time (seconds) of a file, or nil when it cannot be read.
  static func fileStatus(_ path: String) -> (size: Int64, modified: Int64)? {
    var status = stat()
    guard stat(path, &status) == 0 else { return nil }
    return (Int64(status.st_size), Int64(status.st_mtim.tv_sec))
  }
}

/// A checksum over 64-bit words (fast enough for hundreds of megabytes at load time).
struct IndexChecksum {
  private(set) var value: UInt64 = 0x9E37_79B9_7F4A_7C15

  mutating func add(_ buffer: UnsafeRawBufferPointer) {
    var offset = 0
    var h = value
    while offset + 8 <= buffer.count {
      let word = buffer.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
      h = (h ^ word) &* 0x0000_0100_0000_01B3
      h ^= h >> 29
      offset += 8
    }
    while offset < buffer.count {
      h = (h ^ UInt64(buffer[offset])) &* 0x0000_0100_0000_01B3
      offset += 1
    }
    value = h
  }
}

/// Builds the body of a compiled index: in memory, only its checksum and length, or straight into a
/// file (small arrays gathered in a buffer, large ones written from their own storage).
struct IndexWriter {
  enum Sink {
    case memory, measure
    case file(Int32)
  }

  let sink: Sink
  /// The bytes kept (`memory`) or not yet written (`file`).
  var bytes: [UInt8] = []
  var checksum = IndexChecksum()
  /// The number of bytes added.
  private(set) var length = 0
  /// The `errno` of the first failed write, 0 when none failed.
  private(set) var writeError: Int32 = 0

  init(sink: Sink = .memory) { self.sink = sink }

  mutating func raw<T: FixedWidthInteger>(_ value: T) {
    withUnsafeBytes(of: value.littleEndian) { append($0) }
  }

  /// Appends an array as its byte count, its bytes and padding to 8, and adds them to the checksum.
  mutating func add<T: FixedWidthInteger>(_ array: [T]) {
    let size = UInt64(array.count * MemoryLayout<T>.stride).littleEndian
    withUnsafeBytes(of: size) {
      checksum.add($0)
      append($0)
    }
    array.withUnsafeBytes {
      checksum.add($0)
      append($0)
    }
    let padding = [UInt8](repeating: 0, count: (8 - length % 8) % 8)
    if !padding.isEmpty {
      padding.withUnsafeBytes {
        checksum.add($0)
        append($0)
      }
    }
  }

  /// Writes `bytes` to the file as they are (not counted in the body's length or checksum).
  mutating func write(_ bytes: [UInt8]) {
    guard case .file(let descriptor) = sink else { return }
    bytes.withUnsafeBytes { writeAll(descriptor, $0) }
  }

  /// Writes what is buffered.
  mutating func flush() {
    guard case .file(let descriptor) = sink, !bytes.isEmpty else { return }
    let pending = bytes
    bytes.removeAll(keepingCapacity: true)
    pending.withUnsafeBytes { writeAll(descriptor, $0) }
  }

  private mutating func append(_ buffer: UnsafeRawBufferPointer) {
    length += buffer.count
    switch sink {
    case .memory:
      bytes.append(contentsOf: buffer)
    case .measure:
      break
    case .file(let descriptor):
      if buffer.count >= 1 << 16 {
        flush()
        writeAll(descriptor, buffer)
      } else {
        bytes.append(contentsOf: buffer)
        if bytes.count >= 1 << 20 { flush() }
      }
    }
  }

  private mutating func writeAll(_ descriptor: Int32, _ buffer: UnsafeRawBufferPointer) {
    var offset = 0
    while writeError == 0, offset < buffer.count {
      let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
      if written > 0 {
        offset += written
      } else if errno != EINTR {
        writeError = errno == 0 ? EIO : errno
      }
    }
  }

  mutating func add(_ table: FormTable) {
    add(table.slots)
    add(table.formStarts)
    add(table.bytes)
    add(table.valueStarts)
    add(table.values)
  }

  mutating func add(_ arena: StringArena) {
    add(arena.starts)
    add(arena.bytes)
  }
}

/// Reads a compiled index straight into its arrays (one `read` per array, no intermediate copy).
struct IndexReader {
  let path: String
  private let descriptor: Int32
  private(set) var remaining: Int
  var checksum = IndexChecksum()
  private let owner: DescriptorOwner

  private final class DescriptorOwner {
    let descriptor: Int32
    init(_ descriptor: Int32) { self.descriptor = descriptor }
    deinit { close(descriptor) }
  }

  init(path: String) throws {
    self.path = path
    descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { throw CompiledIndexError(path: path, message: "cannot open (\(String(cString: strerror(errno))))") }
    owner = DescriptorOwner(descriptor)
    var status = stat()
    fstat(descriptor, &status)
    remaining = Int(status.st_size)
  }

  func error(_ message: String) -> CompiledIndexError { CompiledIndexError(path: path, message: message) }

  private mutating func fill(_ buffer: UnsafeMutableRawBufferPointer) throws {
    guard buffer.count <= remaining else { throw error("damaged: the file ends too early; recompile it") }
    var offset = 0
    while offset < buffer.count {
      let count = read(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
      guard count > 0 else { throw error("cannot read (\(String(cString: strerror(errno))))") }
      offset += count
    }
    remaining -= buffer.count
  }

  mutating func fixed(_ count: Int) throws -> [UInt8] {
    var bytes = [UInt8](repeating: 0, count: count)
    try bytes.withUnsafeMutableBytes { try fill($0) }
    return bytes
  }

  mutating func raw<T: FixedWidthInteger>() throws -> T {
    var value = T.zero
    try withUnsafeMutableBytes(of: &value) { try fill($0) }
    return T(littleEndian: value)
  }

  mutating func array<T: FixedWidthInteger>() throws -> [T] {
    var size = UInt64.zero
    try withUnsafeMutableBytes(of: &size) { try fill($0) }
    withUnsafeBytes(of: size) { checksum.add($0) }
    let byteCount = Int(UInt64(littleEndian: size))
    guard byteCount >= 0, byteCount <= remaining, byteCount % MemoryLayout<T>.stride == 0 else {
      throw error("damaged: bad array length; recompile it")
    }
    let result = try [T](unsafeUninitializedCapacity: byteCount / MemoryLayout<T>.stride) { buffer, count in
      try fill(UnsafeMutableRawBufferPointer(buffer))
      count = buffer.count
    }
    result.withUnsafeBytes { checksum.add($0) }
    let padding = (8 - byteCount % 8) % 8
    if padding > 0 {
      let pad = try fixed(padding)
      pad.withUnsafeBytes { checksum.add($0) }
    }
    return result
  }

  mutating func table() throws -> FormTable {
    let table = FormTable(
      slots: try array(), formStarts: try array(), bytes: try array(), valueStarts: try array(),
      values: try array())
    guard table.slots.count > 0, table.slots.count & (table.slots.count - 1) == 0,
      table.valueStarts.count == table.formStarts.count,
      Int(table.formStarts.last!) == table.bytes.count, Int(table.valueStarts.last!) == table.values.count
    else { throw error("damaged: inconsistent table; recompile it") }
    return table
  }

  mutating func arena() throws -> StringArena {
    let arena = StringArena(starts: try array(), bytes: try array())
    guard let last = arena.starts.last, Int(last) == arena.bytes.count else { throw error("damaged: inconsistent strings; recompile it") }
    return arena
  }
}
