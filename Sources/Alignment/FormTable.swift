#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// 64-bit FNV-1a over UTF-8 bytes, finished with a mixer so that its low bits index hash tables well.
///
/// Used for every form the index stores; a lookup compares the stored bytes too, so a collision costs a
/// comparison, never a wrong match.
struct FormHasher {
  private(set) var state: UInt64 = 0xCBF2_9CE4_8422_2325

  @inline(__always)
  mutating func add(_ byte: UInt8) {
    state = (state ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
  }

  @inline(__always)
  mutating func add(_ bytes: UnsafeBufferPointer<UInt8>) {
    for byte in bytes { add(byte) }
  }

  /// The finished hash (never 0).
  @inline(__always)
  var value: UInt64 {
    var x = state
    x ^= x >> 33
    x = x &* 0xFF51_AFD7_ED55_8CCD
    x ^= x >> 33
    x = x &* 0xC4CE_B9FE_1A85_EC53
    x ^= x >> 33
    return x == 0 ? 1 : x
  }

  @inline(__always)
  static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var hasher = FormHasher()
    hasher.add(bytes)
    return hasher.value
  }

  static func hash(_ bytes: [UInt8]) -> UInt64 { bytes.withUnsafeBufferPointer { hash($0) } }
}

/// A polynomial hash over bytes, `Σ (b_i + 1)·P^(n-1-i)` mod 2^64: the hash of a string with one byte
/// deleted, inserted or replaced follows from its prefix hashes in constant time, so fuzzy matching
/// checks all single edits of a key against filters without hashing each edited copy.
struct EditHasher {
  static let base: UInt64 = 0x0000_0100_0000_01B3

  /// `prefixes[i]` is the raw hash of the first `i` bytes; `powers[i]` is `base^i`.
  private(set) var prefixes: [UInt64] = [0]
  private(set) var powers: [UInt64] = [1]
  private(set) var count = 0

  init() {}

  init(_ bytes: [UInt8]) { reset(bytes) }

  mutating func reset(_ bytes: [UInt8]) {
    bytes.withUnsafeBufferPointer { reset($0) }
  }

  /// Starts over with `bytes`.
  mutating func reset(_ bytes: UnsafeBufferPointer<UInt8>) {
    count = bytes.count
    prefixes.removeAll(keepingCapacity: true)
    prefixes.append(0)
    var h: UInt64 = 0
    for byte in bytes {
      h = h &* Self.base &+ UInt64(byte) &+ 1
      prefixes.append(h)
    }
    while powers.count < count + 2 { powers.append(powers[powers.count - 1] &* Self.base) }
  }

  /// The finished hash of a string of `length` bytes with raw hash `raw`.
  @inline(__always)
  static func finish(_ raw: UInt64, length: Int) -> UInt64 {
    var x = raw &+ UInt64(length) &* 0x9E37_79B9_7F4A_7C15
    x ^= x >> 31
    x = x &* 0xBF58_476D_1CE4_E5B9
    x ^= x >> 27
    x = x &* 0x94D0_49BB_1331_11EB
    x ^= x >> 31
    return x
  }

  /// The finished hash of a whole byte string.
  static func hash(_ bytes: some Sequence<UInt8>) -> UInt64 {
    var h: UInt64 = 0, length = 0
    for byte in bytes {
      h = h &* base &+ UInt64(byte) &+ 1
      length += 1
    }
    return finish(h, length: length)
  }

  @inline(__always)
  private func suffix(_ start: Int) -> UInt64 { prefixes[count] &- prefixes[start] &* powers[count - start] }

  /// The string itself.
  var whole: UInt64 { Self.finish(prefixes[count], length: count) }

  /// The string without its byte at `position`.
  @inline(__always)
  func deleting(_ position: Int) -> UInt64 {
    Self.finish(prefixes[position] &* powers[count - 1 - position] &+ suffix(position + 1), length: count - 1)
  }

  /// The string with byte `old` at `position` replaced by `new`.
  @inline(__always)
  func replacing(_ position: Int, _ old: UInt8, with new: UInt8) -> UInt64 {
    Self.finish(prefixes[count] &+ (UInt64(new) &- UInt64(old)) &* powers[count - 1 - position], length: count)
  }

  /// The string with `byte` inserted before `position`.
  @inline(__always)
  func inserting(_ byte: UInt8, at position: Int) -> UInt64 {
    Self.finish(
      prefixes[position] &* powers[count + 1 - position] &+ (UInt64(byte) &+ 1) &* powers[count - position] &+ suffix(position),
      length: count + 1)
  }
}

/// An immutable hash table from byte strings (match forms) to lists of `Int32` (index entries or form
/// numbers): open addressing over 64-bit hashes, forms and lists stored in flat arrays.
///
/// Costs about 20 bytes per form plus its bytes, instead of a `String` key and an array object per form
/// in a `[String: [Int32]]`, and looks up a byte buffer without making a `String`. The flat arrays are
/// also what a compiled index file stores.
struct FormTable: Sendable {
  /// Per slot: the hash's high 32 bits, then form number + 1 in the low 32 bits; 0 marks an empty slot.
  /// The count is a power of two. Most failed lookups end at the slot, without touching the forms.
  let slots: IndexArray<UInt64>
  /// Form `i` is `bytes[formStarts[i]..<formStarts[i + 1]]`.
  let formStarts: IndexArray<UInt32>
  let bytes: IndexArray<UInt8>
  /// Form `i`'s list is `values[valueStarts[i]..<valueStarts[i + 1]]`.
  let valueStarts: IndexArray<UInt32>
  let values: IndexArray<Int32>

  /// The number of forms.
  var count: Int { formStarts.count - 1 }

  /// An empty table.
  init() {
    self.init(slots: [0], formStarts: [0], bytes: [], valueStarts: [0], values: [])
  }

  init(
    slots: IndexArray<UInt64>, formStarts: IndexArray<UInt32>, bytes: IndexArray<UInt8>, valueStarts: IndexArray<UInt32>,
    values: IndexArray<Int32>
  ) {
    self.slots = slots
    self.formStarts = formStarts
    self.bytes = bytes
    self.valueStarts = valueStarts
    self.values = values
  }

  /// Builds the table from forms in flat arrays, `hashes[i]` being the ``FormHasher`` hash of form `i`.
  init(hashes: [UInt64], formStarts: [UInt32], bytes: [UInt8], valueStarts: [UInt32], values: [Int32]) {
    self.init(
      slots: IndexArray(Self.slots(hashes, capacity: Self.capacity(forms: hashes.count))), formStarts: IndexArray(formStarts),
      bytes: IndexArray(bytes), valueStarts: IndexArray(valueStarts), values: IndexArray(values))
  }

  /// The number of slots of a table of `forms` forms: at most three quarters full, so that a failed
  /// lookup (the common case) scans a few adjacent slots.
  static func capacity(forms: Int) -> Int {
    var capacity = 1
    while capacity < max(2, forms + forms / 3 + 1) { capacity <<= 1 }
    return capacity
  }

  /// `capacity` slots (a power of two) holding forms `0..<hashes.count` inserted in order, by linear
  /// probing: the slots depend only on the hashes, their order and the capacity.
  static func slots(_ hashes: [UInt64], capacity: Int) -> [UInt64] {
    var slots = [UInt64](repeating: 0, count: capacity)
    let mask = capacity - 1
    slots.withUnsafeMutableBufferPointer { slots in
      for (number, hash) in hashes.enumerated() {
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = (hash & 0xFFFF_FFFF_0000_0000) | UInt64(number + 1)
      }
    }
    return slots
  }

  /// The number of the form equal to `form` (with hash `hash`), if stored.
  @inline(__always)
  func find(_ form: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int? {
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: hash) & mask
    let tag = hash & 0xFFFF_FFFF_0000_0000
    while true {
      let stored = slots[slot]
      if stored == 0 { return nil }
      if stored & 0xFFFF_FFFF_0000_0000 == tag {
        let number = Int(stored & 0xFFFF_FFFF) - 1
        if equals(number, form) { return number }
      }
      slot = (slot + 1) & mask
    }
  }

  /// The number of the form equal to `form`, if stored.
  func find(_ form: UnsafeBufferPointer<UInt8>) -> Int? { find(form, hash: FormHasher.hash(form)) }

  /// The list of the form equal to `form`, if stored.
  func lookup(_ form: UnsafeBufferPointer<UInt8>) -> [Int32]? {
    find(form).map { list(of: $0) }
  }

  func lookup(_ form: [UInt8]) -> [Int32]? { form.withUnsafeBufferPointer { lookup($0) } }

  /// The list of `form`, if stored (as a dictionary's subscript).
  subscript(_ form: String) -> [Int32]? {
    var form = form
    return form.withUTF8 { lookup($0) }
  }

  /// The list stored for form number `number`.
  func list(of number: Int) -> [Int32] {
    let range = Int(valueStarts[number])..<Int(valueStarts[number + 1])
    return values.withUnsafeBufferPointer { Array($0[range]) }
  }

  /// The bytes of form number `number`.
  func form(_ number: Int) -> [UInt8] {
    let range = Int(formStarts[number])..<Int(formStarts[number + 1])
    return bytes.withUnsafeBufferPointer { Array($0[range]) }
  }

  @inline(__always)
  private func equals(_ number: Int, _ form: UnsafeBufferPointer<UInt8>) -> Bool {
    let start = Int(formStarts[number]), end = Int(formStarts[number + 1])
    guard end - start == form.count else { return false }
    return bytes.withUnsafeBufferPointer { stored in
      guard end <= stored.count else { return false }
      return form.isEmpty || memcmp(stored.baseAddress! + start, form.baseAddress!, form.count) == 0
    }
  }
}

/// Collects forms and their entry lists for a ``FormTable`` in flat arrays: a growing open-addressing
/// table over the forms' bytes, each form's list a chain of nodes. No `String` or array per form.
///
/// Forms are numbered in the order they first arrive and each list keeps its entries in the order they
/// arrive, so the finished table depends only on the sequence of additions; ``append(_:entryOffset:)``
/// continues a builder with one built from the following concepts, which is how a parallel build gives
/// the serial build's table.
struct FormTableBuilder: Sendable {
  /// Per slot: the hash's high 32 bits, then form number + 1 in the low 32 bits; 0 marks an empty slot.
  /// The count is a power of two, at most three quarters used.
  private var slots: [UInt64]
  private(set) var hashes: [UInt64] = []
  /// Form `i` is `bytes[formStarts[i]..<formStarts[i + 1]]`.
  private(set) var formStarts: [UInt32] = [0]
  private(set) var bytes: [UInt8] = []
  /// Per form: its first and last node, and the concept of its last entry.
  private var heads: [Int32] = []
  private var tails: [Int32] = []
  private var lastConcepts: [Int32] = []
  /// Per node: its entry and the next node of the same list (-1 at the end).
  private var nodeEntries: [Int32] = []
  private var nodeNext: [Int32] = []

  init() { slots = [UInt64](repeating: 0, count: 1024) }

  /// Makes room for about `forms` forms of `bytes` bytes in all, and `entries` entries. The slots still
  /// grow as forms arrive: while the table is small, its slots stay in the processor's caches.
  mutating func reserveCapacity(forms: Int, bytes byteCount: Int, entries: Int) {
    hashes.reserveCapacity(forms)
    formStarts.reserveCapacity(forms + 1)
    bytes.reserveCapacity(byteCount)
    heads.reserveCapacity(forms)
    tails.reserveCapacity(forms)
    lastConcepts.reserveCapacity(forms)
    nodeEntries.reserveCapacity(entries)
    nodeNext.reserveCapacity(entries)
  }

  /// The number of forms.
  var count: Int { hashes.count }

  /// The number of slots (a power of two).
  var slotCount: Int { slots.count }

  /// Makes the slots as many as a ``FormTable`` of `forms` forms has, unless there are as many already.
  mutating func reserveSlots(forms: Int) {
    let capacity = FormTable.capacity(forms: forms)
    if capacity > slots.count { slots = FormTable.slots(hashes, capacity: capacity) }
  }

  /// Adds `entry`, a term of `concept`, to the list of `form` (whose ``FormHasher`` hash is `hash`),
  /// unless the list already has an entry of that concept. Entries must arrive in increasing order,
  /// grouped by concept. Empty forms are not stored.
  mutating func add(_ form: UnsafeBufferPointer<UInt8>, hash: UInt64, entry: Int32, concept: Int32) {
    guard !form.isEmpty else { return }
    let number = insert(form, hash: hash)
    if number == count - 1, heads.count < count {
      heads.append(-1)
      tails.append(-1)
      lastConcepts.append(-1)
    }
    if lastConcepts[number] == concept { return }
    lastConcepts[number] = concept
    link(number, entry)
  }

  /// Stores `value` as the whole list of `form` if `form` is new; otherwise keeps the list it has.
  mutating func addFirst(_ form: UnsafeBufferPointer<UInt8>, value: Int32) {
    let number = insert(form, hash: FormHasher.hash(form))
    guard number == count - 1, heads.count < count else { return }
    heads.append(-1)
    tails.append(-1)
    lastConcepts.append(-1)
    link(number, value)
  }

  /// Adds `form`, hashing it.
  mutating func add(_ form: UnsafeBufferPointer<UInt8>, entry: Int32, concept: Int32) {
    add(form, hash: FormHasher.hash(form), entry: entry, concept: concept)
  }

  /// Continues with the forms and lists of `other`, built from the concepts after this builder's, its
  /// entries shifted by `entryOffset`.
  mutating func append(_ other: FormTableBuilder, entryOffset: Int32) {
    other.bytes.withUnsafeBufferPointer { otherBytes in
      for form in 0..<other.count {
        let range = Int(other.formStarts[form])..<Int(other.formStarts[form + 1])
        let number = insert(UnsafeBufferPointer(rebasing: otherBytes[range]), hash: other.hashes[form])
        if number == count - 1, heads.count < count {
          heads.append(-1)
          tails.append(-1)
          lastConcepts.append(-1)
        }
        lastConcepts[number] = other.lastConcepts[form]
        var node = other.heads[form]
        while node >= 0 {
          link(number, other.nodeEntries[Int(node)] + entryOffset)
          node = other.nodeNext[Int(node)]
        }
      }
    }
  }

  /// The finished table. The builder is used up: each of its arrays is released as soon as the table
  /// no longer needs it, so the table's own copies never coexist with all of them.
  consuming func table() -> FormTable {
    // The lists are written straight into the table's own memory, form by form.
    var valueStarts = IndexArray<UInt32>()
    let values = IndexArray<Int32>(count: nodeEntries.count) { values in
      valueStarts = IndexArray(count: count + 1) { starts in
        var written = 0
        starts[0] = 0
        for form in 0..<count {
          var node = heads[form]
          while node >= 0 {
            values[written] = nodeEntries[Int(node)]
            written += 1
            node = nodeNext[Int(node)]
          }
          starts[form + 1] = UInt32(written)
        }
      }
    }
    (heads, tails, lastConcepts, nodeEntries, nodeNext) = ([], [], [], [], [])
    // Forms enter the slots in number order here as in a finished table, so slots of the finished
    // table's number are already its slots.
    let capacity = FormTable.capacity(forms: count)
    if slots.count != capacity { slots = FormTable.slots(hashes, capacity: capacity) }
    hashes = []
    let finishedSlots = IndexArray(slots)
    slots = []
    let finishedStarts = IndexArray(formStarts)
    formStarts = []
    return FormTable(slots: finishedSlots, formStarts: finishedStarts, bytes: IndexArray(bytes), valueStarts: valueStarts, values: values)
  }

  private mutating func link(_ number: Int, _ entry: Int32) {
    let node = Int32(nodeEntries.count)
    nodeEntries.append(entry)
    nodeNext.append(-1)
    if tails[number] >= 0 { nodeNext[Int(tails[number])] = node } else { heads[number] = node }
    tails[number] = node
  }

  /// The number of `form`, stored now if new (then it is `count - 1`).
  private mutating func insert(_ form: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int {
    let mask = slots.count - 1
    let tag = hash & 0xFFFF_FFFF_0000_0000
    var slot = Int(truncatingIfNeeded: hash) & mask
    while true {
      let stored = slots[slot]
      if stored == 0 { break }
      if stored & 0xFFFF_FFFF_0000_0000 == tag {
        let number = Int(stored & 0xFFFF_FFFF) - 1
        if equals(number, form) { return number }
      }
      slot = (slot + 1) & mask
    }
    hashes.append(hash)
    bytes.append(contentsOf: form)
    formStarts.append(UInt32(bytes.count))
    slots[slot] = tag | UInt64(hashes.count)
    if hashes.count * 4 > slots.count * 3 { grow() }
    return hashes.count - 1
  }

  private mutating func grow() {
    slots = FormTable.slots(hashes, capacity: slots.count * 2)
  }

  private func equals(_ number: Int, _ form: UnsafeBufferPointer<UInt8>) -> Bool {
    let start = Int(formStarts[number]), end = Int(formStarts[number + 1])
    guard end - start == form.count else { return false }
    return bytes.withUnsafeBufferPointer { stored in
      memcmp(stored.baseAddress! + start, form.baseAddress!, form.count) == 0
    }
  }
}

/// A Bloom filter over 64-bit form hashes: "certainly not stored" or "maybe stored".
///
/// Stands in for the table of one-deletion forms of every key (about ten per key): about 12 bits per
/// deletion instead of a `String` and a list, and a filter is all fuzzy matching needs before it
/// enumerates the few edits that can hit.
struct BloomFilter: Sendable {
  let words: IndexArray<UInt64>

  init(words: IndexArray<UInt64>) { self.words = words }

  /// A filter sized for `count` hashes, holding the hashes `enumerate` passes to its argument: 12 bits
  /// each. Blocked: the 4 bits of a hash lie in one 64-bit word, so a query costs one memory access
  /// (about 2 % false positives).
  init(capacity count: Int, hashes enumerate: ((UInt64) -> Void) -> Void) {
    words = IndexArray(count: max(1, (count * 12 + 63) / 64)) { words in
      words.initialize(repeating: 0)
      enumerate { hash in
        let (word, mask) = Self.locate(hash, wordCount: words.count)
        words[word] |= mask
      }
    }
  }

  @inline(__always)
  private func locate(_ hash: UInt64) -> (word: Int, mask: UInt64) { Self.locate(hash, wordCount: words.count) }

  @inline(__always)
  private static func locate(_ hash: UInt64, wordCount: Int) -> (word: Int, mask: UInt64) {
    let word = Int(hash.multipliedFullWidth(by: UInt64(wordCount)).high)
    let mask: UInt64 = 1 << (hash & 63) | 1 << ((hash >> 6) & 63) | 1 << ((hash >> 12) & 63) | 1 << ((hash >> 18) & 63)
    return (word, mask)
  }

  @inline(__always)
  func mayContain(_ hash: UInt64) -> Bool {
    let (word, mask) = locate(hash)
    return words[word] & mask == mask
  }
}

/// Necessary conditions for a multi-word candidate to match at some level, as Bloom filters: the matcher
/// tries the longer candidates at a position only while one of them holds, so a capitalized German noun
/// followed by ordinary words costs one candidate, not one per possible length.
///
/// - `exact`: a term's text up to the end of each of its words but the last;
/// - `folded`: every byte prefix of every folded form (folded forms join words without a separator, so
///   a candidate's words need not end where the term's do);
/// - `compact`: every byte prefix of every compact key;
/// - `wordPrefixes`: every proper word prefix (the words before a space: `dair` and `dair al` of
///   `dair al sur`) of every key, vowel-class key and Arabic key, hashed with ``EditHasher``;
/// - `wordPrefixDeletions`: the word prefixes of keys with one letter but the first deleted (a fuzzy
///   match may change a letter in any word but not the first letter), so a candidate's first words one
///   edit away from a key's still pass.
struct PrefixFilters: Sendable {
  var exact: BloomFilter
  var folded: BloomFilter
  var compact: BloomFilter
  var wordPrefixes: BloomFilter
  var wordPrefixDeletions: BloomFilter

  init(
    exact: BloomFilter, folded: BloomFilter, compact: BloomFilter, wordPrefixes: BloomFilter,
    wordPrefixDeletions: BloomFilter
  ) {
    self.exact = exact
    self.folded = folded
    self.compact = compact
    self.wordPrefixes = wordPrefixes
    self.wordPrefixDeletions = wordPrefixDeletions
  }

  /// Calls `body` with the hash of every byte prefix of `form`, the empty one and `form` itself
  /// included (the `folded` and `compact` filters).
  static func forEachPrefix(of form: UnsafeBufferPointer<UInt8>, _ body: (UInt64) -> Void) {
    var hasher = FormHasher()
    body(hasher.value)
    for byte in form {
      hasher.add(byte)
      body(hasher.value)
    }
  }

  /// Calls `body` with the hash of every proper word prefix of `form` (a one-word form has none).
  static func forEachWordPrefix(of form: UnsafeBufferPointer<UInt8>, hasher: inout EditHasher, _ body: (UInt64) -> Void) {
    for end in form.indices where form[end] == 0x20 {
      hasher.reset(UnsafeBufferPointer(rebasing: form[..<end]))
      body(hasher.whole)
    }
  }

  /// Calls `body` with the hash of every proper word prefix of `form` with one letter but the first
  /// deleted: fuzzy matching never edits the first letter.
  static func forEachWordPrefixDeletion(of form: UnsafeBufferPointer<UInt8>, hasher: inout EditHasher, _ body: (UInt64) -> Void) {
    for end in form.indices where form[end] == 0x20 {
      hasher.reset(UnsafeBufferPointer(rebasing: form[..<end]))
      for position in 1..<max(1, end) where form[position] != 0x20 { body(hasher.deleting(position)) }
    }
  }
}
