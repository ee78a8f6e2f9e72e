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
/// written as they are in memory, so loading maps the file and checks its checksum: no reads into
/// memory, no parsing and no ICU work.
///
/// Layout: the 8-byte magic `GLOSSAIX`, a format version, a fingerprint of the match-key rules and
/// options, a checksum and the length of the body; the body is a sequence of arrays, each a byte count
/// and the bytes, padded to 8. A file of another format version, made with other rules or options, cut
/// short, damaged, or older than the glossary it was compiled from is rejected with a message that says
/// which and how to rebuild it.
extension TermIndex {
  /// The format version written and accepted.
  static let compiledFormatVersion: UInt32 = 8
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
    var common = StringArenaBuilder()
    for key in commonKeys.sorted() { common.append(key) }
    var sourceInfo = StringArenaBuilder()
    var stamp: [Int64] = [-1, -1]
    if let source {
      sourceInfo.append(source)
      if let status = Self.fileStatus(source) { stamp = [status.size, status.modified] }
    }
    let concepts = entries.map(\.concept), terms = entries.map(\.term), ranks = entries.map(\.rank)
    // The body is written straight from the index's arrays after a header whose checksum and length
    // are zero; the header is written again over it once the body has been passed over.
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
      body.add(common.arena())
      body.add(sourceInfo.arena())
      body.add(stamp)
    }
    func header(checksum: UInt64, length: Int) -> [UInt8] {
      var header = IndexWriter()
      header.bytes.append(contentsOf: Self.compiledMagic)
      header.raw(Self.compiledFormatVersion)
      header.raw(UInt32(0))
      header.raw(Self.fingerprint(rules: rules, options: options))
      header.raw(checksum)
      header.raw(UInt64(length))
      return header.bytes
    }

    // Written beside the target and renamed over it: a process that has the old file mapped keeps
    // reading the old file, and a failed write leaves no half-written index behind.
    let temporary = "\(path).tmp-\(getpid())"
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    guard descriptor >= 0 else { throw CompiledIndexError(path: path, message: "cannot create (\(String(cString: strerror(errno))))") }
    var body = IndexWriter(sink: .file(descriptor))
    body.write(header(checksum: 0, length: 0))
    addBody(to: &body)
    body.flush()
    body.write(header(checksum: body.checksum.value, length: body.length), at: 0)
    var failure = body.writeError
    if close(descriptor) != 0, failure == 0 { failure = errno }
    if failure == 0, rename(temporary, path) != 0 { failure = errno }
    if failure != 0 {
      unlink(temporary)
      throw CompiledIndexError(path: path, message: "cannot write (\(String(cString: strerror(failure))))")
    }
  }

  /// Where a glossary's compiled index goes unless told otherwise, and where the CLI looks for it: the
  /// glossary's path with its extension replaced by `.glossa-index`.
  ///
  /// ```swift
  /// TermIndex.compiledIndexPath(forGlossary: "data/cities500.tsv")   // "data/cities500.glossa-index"
  /// ```
  public static func compiledIndexPath(forGlossary path: String) -> String {
    let nameStart = path.lastIndex(of: "/").map { path.index(after: $0) } ?? path.startIndex
    if let dot = path[nameStart...].lastIndex(of: "."), dot > nameStart {
      return String(path[..<dot]) + ".glossa-index"
    }
    return path + ".glossa-index"
  }

  /// The compiled index beside glossary file `path` (at ``compiledIndexPath(forGlossary:)``), when one
  /// is there and was compiled from the file as it is now; nil when there is none. Throws
  /// ``CompiledIndexError`` when one is there that cannot stand in for the glossary (compiled before the
  /// glossary changed, from another file, by another Glossa, or damaged), so that the caller can say why
  /// it indexes the glossary itself.
  public static func compiledIndex(
    besideGlossary path: String, rules: MatchKeyRules = .standard, options: Options = Options()
  ) throws -> TermIndex? {
    let compiled = compiledIndexPath(forGlossary: path)
    guard path != "-", compiled != path, access(compiled, F_OK) == 0 else { return nil }
    return try TermIndex(contentsOf: compiled, compiledFrom: path, rules: rules, options: options)
  }

  /// Loads a compiled index written by ``write(toFile:source:)``. Throws ``CompiledIndexError`` when the
  /// file is not a compiled index, was made by another format version or with other rules or options,
  /// is damaged, or its source glossary changed since. With `glossary`, the index must also have been
  /// compiled from that file as it is now (same size and modification time as recorded), else it is
  /// rejected as stale for it.
  public convenience init(
    contentsOf path: String, compiledFrom glossary: String? = nil, rules: MatchKeyRules = .standard,
    options: Options = Options()
  ) throws {
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
    let scalars: IndexArray<Int64> = try reader.array()
    guard scalars.count == 5 else { throw reader.error("damaged: bad option block; recompile it") }
    let concepts: IndexArray<Int32> = try reader.array(), terms: IndexArray<Int32> = try reader.array()
    let ranks: IndexArray<UInt8> = try reader.array()
    let termTexts = try reader.arena()
    var tables: [FormTable] = []
    for _ in 0..<7 { tables.append(try reader.table()) }
    let deletions = BloomFilter(words: try reader.array())
    let keyFilter = BloomFilter(words: try reader.array())
    var filters: [BloomFilter] = []
    for _ in 0..<5 { filters.append(BloomFilter(words: try reader.array())) }
    let ids = try reader.arena()
    let idTable = try reader.table()
    let preferredStarts: IndexArray<UInt32> = try reader.array()
    let languages = try reader.arena(), texts = try reader.arena(), firsts = try reader.arena()
    let hasTerms: IndexArray<UInt8> = try reader.array()
    let common = try reader.arena()
    let sourceInfo = try reader.arena()
    let stamp: IndexArray<Int64> = try reader.array()
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
    if let glossary, Self.fileStatus(glossary).map({ $0.size != stamp[0] || $0.modified != stamp[1] }) ?? true {
      throw reader.error("stale: not compiled from \(glossary) as it is now; recompile it with 'glossa glossary compile \(glossary) -o \(path)'")
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

/// A checksum over 64-bit words, fast enough for hundreds of megabytes at load time: a long buffer is
/// taken 32 bytes at a time by four independent lanes, which the processor runs side by side (one
/// lane's chain of multiplies is what limited a single-lane checksum), then folded into one value.
struct IndexChecksum {
  private(set) var value: UInt64 = 0x9E37_79B9_7F4A_7C15

  private static let prime: UInt64 = 0x0000_0100_0000_01B3

  @inline(__always)
  private static func mix(_ h: UInt64, _ word: UInt64) -> UInt64 {
    let mixed = (h ^ word) &* prime
    return mixed ^ mixed >> 29
  }

  mutating func add(_ buffer: UnsafeRawBufferPointer) {
    var offset = 0
    var h = value
    if buffer.count >= 64 {
      var lanes = (h, h ^ 0x243F_6A88_85A3_08D3, h ^ 0x1319_8A2E_0370_7344, h ^ 0xA409_3822_299F_31D0)
      while offset + 32 <= buffer.count {
        lanes.0 = Self.mix(lanes.0, buffer.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
        lanes.1 = Self.mix(lanes.1, buffer.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self))
        lanes.2 = Self.mix(lanes.2, buffer.loadUnaligned(fromByteOffset: offset + 16, as: UInt64.self))
        lanes.3 = Self.mix(lanes.3, buffer.loadUnaligned(fromByteOffset: offset + 24, as: UInt64.self))
        offset += 32
      }
      h = Self.mix(Self.mix(Self.mix(Self.mix(h, lanes.0), lanes.1), lanes.2), lanes.3)
    }
    while offset + 8 <= buffer.count {
      h = Self.mix(h, buffer.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
      offset += 8
    }
    while offset < buffer.count {
      h = (h ^ UInt64(buffer[offset])) &* Self.prime
      offset += 1
    }
    value = h
  }
}

/// Builds the body of a compiled index, with its checksum and length: in memory, or straight into a
/// file (small arrays gathered in a buffer, large ones written from their own storage).
struct IndexWriter {
  enum Sink {
    case memory
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
    array.withUnsafeBytes { add(elements: $0) }
  }

  mutating func add<T: FixedWidthInteger>(_ array: IndexArray<T>) {
    array.withUnsafeBytes { add(elements: $0) }
  }

  private mutating func add(elements: UnsafeRawBufferPointer) {
    let size = UInt64(elements.count).littleEndian
    withUnsafeBytes(of: size) {
      checksum.add($0)
      append($0)
    }
    checksum.add(elements)
    append(elements)
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

  /// Writes `bytes` over the file's bytes from `offset` on (not counted in the body's length or
  /// checksum); what is buffered must have been flushed.
  mutating func write(_ bytes: [UInt8], at offset: Int) {
    guard case .file(let descriptor) = sink, writeError == 0 else { return }
    bytes.withUnsafeBytes { buffer in
      var done = 0
      while writeError == 0, done < buffer.count {
        let written = pwrite(descriptor, buffer.baseAddress! + done, buffer.count - done, off_t(offset + done))
        if written > 0 {
          done += written
        } else if errno != EINTR {
          writeError = errno == 0 ? EIO : errno
        }
      }
    }
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

/// Reads a compiled index from its memory-mapped file: each array is a view into the mapping (arrays
/// start 8-byte aligned in the file), so loading costs the checksum's one pass over the file, no copy.
struct IndexReader {
  let path: String
  private let file: MappedFile
  private var offset = 0
  var checksum = IndexChecksum()

  init(path: String) throws {
    self.path = path
    do {
      file = try MappedFile(path: path)
    } catch {
      throw CompiledIndexError(path: path, message: error.message)
    }
  }

  /// The bytes not read yet.
  var remaining: Int { file.size - offset }

  func error(_ message: String) -> CompiledIndexError { CompiledIndexError(path: path, message: message) }

  /// The next `count` bytes, which are then read.
  private mutating func take(_ count: Int) throws -> UnsafeRawBufferPointer {
    guard count >= 0, count <= remaining else { throw error("damaged: the file ends too early; recompile it") }
    defer { offset += count }
    return UnsafeRawBufferPointer(start: file.base + offset, count: count)
  }

  mutating func fixed(_ count: Int) throws -> [UInt8] { Array(try take(count)) }

  mutating func raw<T: FixedWidthInteger>() throws -> T {
    T(littleEndian: try take(MemoryLayout<T>.size).loadUnaligned(as: T.self))
  }

  /// The next array: its byte count, its elements and padding to 8, all added to the checksum.
  mutating func array<T: FixedWidthInteger>() throws -> IndexArray<T> {
    let size = try take(8)
    checksum.add(size)
    let byteCount = Int(truncatingIfNeeded: UInt64(littleEndian: size.loadUnaligned(as: UInt64.self)))
    guard byteCount >= 0, byteCount <= remaining, byteCount % MemoryLayout<T>.stride == 0,
      offset % MemoryLayout<T>.alignment == 0
    else {
      throw error("damaged: bad array length; recompile it")
    }
    let start = offset
    checksum.add(try take(byteCount))
    checksum.add(try take((8 - byteCount % 8) % 8))
    return IndexArray(file, offset: start, count: byteCount / MemoryLayout<T>.stride)
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
