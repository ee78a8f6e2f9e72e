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
  var slots: [UInt64]
  /// Form `i` is `bytes[formStarts[i]..<formStarts[i + 1]]`.
  var formStarts: [UInt32]
  var bytes: [UInt8]
  /// Form `i`'s list is `values[valueStarts[i]..<valueStarts[i + 1]]`.
  var valueStarts: [UInt32]
  var values: [Int32]

  /// The number of forms.
  var count: Int { formStarts.count - 1 }

  /// An empty table.
  init() {
    self.init(slots: [0], formStarts: [0], bytes: [], valueStarts: [0], values: [])
  }

  init(slots: [UInt64], formStarts: [UInt32], bytes: [UInt8], valueStarts: [UInt32], values: [Int32]) {
    self.slots = slots
    self.formStarts = formStarts
    self.bytes = bytes
    self.valueStarts = valueStarts
    self.values = values
  }

  /// Builds the table from forms and their lists (in the dictionary's order).
  init(_ dictionary: [String: [Int32]]) {
    var hashes: [UInt64] = [], formStarts: [UInt32] = [0], bytes: [UInt8] = [], valueStarts: [UInt32] = [0]
    var values: [Int32] = []
    hashes.reserveCapacity(dictionary.count)
    formStarts.reserveCapacity(dictionary.count + 1)
    valueStarts.reserveCapacity(dictionary.count + 1)
    for (form, list) in dictionary {
      let start = bytes.count
      bytes.append(contentsOf: form.utf8)
      hashes.append(bytes[start...].withUnsafeBufferPointer { FormHasher.hash($0) })
      formStarts.append(UInt32(bytes.count))
      values.append(contentsOf: list)
      valueStarts.append(UInt32(values.count))
    }
    // At most three quarters full: a failed lookup (the common case) scans a few adjacent slots.
    var capacity = 1
    while capacity < max(2, dictionary.count + dictionary.count / 3 + 1) { capacity <<= 1 }
    var slots = [UInt64](repeating: 0, count: capacity)
    let mask = UInt64(capacity - 1)
    for (number, hash) in hashes.enumerated() {
      var slot = Int(hash & mask)
      while slots[slot] != 0 { slot = (slot + 1) & Int(mask) }
      slots[slot] = (hash & 0xFFFF_FFFF_0000_0000) | UInt64(number + 1)
    }
    self.init(slots: slots, formStarts: formStarts, bytes: bytes, valueStarts: valueStarts, values: values)
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
    Array(values[Int(valueStarts[number])..<Int(valueStarts[number + 1])])
  }

  /// The bytes of form number `number`.
  func form(_ number: Int) -> ArraySlice<UInt8> {
    bytes[Int(formStarts[number])..<Int(formStarts[number + 1])]
  }

  @inline(__always)
  private func equals(_ number: Int, _ form: UnsafeBufferPointer<UInt8>) -> Bool {
    let start = Int(formStarts[number]), end = Int(formStarts[number + 1])
    guard end - start == form.count else { return false }
    var offset = 0
    while offset < form.count {
      if bytes[start + offset] != form[offset] { return false }
      offset += 1
    }
    return true
  }
}

/// A Bloom filter over 64-bit form hashes: "certainly not stored" or "maybe stored".
///
/// Stands in for the table of one-deletion forms of every key (about ten per key): about 12 bits per
/// deletion instead of a `String` and a list, and a filter is all fuzzy matching needs before it
/// enumerates the few edits that can hit.
struct BloomFilter: Sendable {
  var words: [UInt64]

  init(words: [UInt64]) { self.words = words }

  /// A filter sized for `count` hashes: 12 bits each. Blocked: the 4 bits of a hash lie in one 64-bit
  /// word, so a query costs one memory access (about 2 % false positives).
  init(capacity count: Int) {
    words = [UInt64](repeating: 0, count: max(1, (count * 12 + 63) / 64))
  }

  @inline(__always)
  private func locate(_ hash: UInt64) -> (word: Int, mask: UInt64) {
    let word = Int(hash.multipliedFullWidth(by: UInt64(words.count)).high)
    let mask: UInt64 = 1 << (hash & 63) | 1 << ((hash >> 6) & 63) | 1 << ((hash >> 12) & 63) | 1 << ((hash >> 18) & 63)
    return (word, mask)
  }

  mutating func insert(_ hash: UInt64) {
    let (word, mask) = locate(hash)
    words[word] |= mask
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
  struct Hashes {
    var exact: [UInt64] = []
    var folded: [UInt64] = []
    var compact: [UInt64] = []
    var wordPrefixes: [UInt64] = []
    var wordPrefixDeletions: [UInt64] = []

    /// Records every proper word prefix of `form`, and with `deletions` each of those with one letter
    /// deleted; a one-word form adds nothing.
    mutating func addWordPrefixes(of form: String, deletions: Bool) {
      let bytes = Array(form.utf8)
      var hasher = EditHasher()
      for end in bytes.indices where bytes[end] == 0x20 {
        let prefix = Array(bytes[..<end])
        hasher.reset(prefix)
        wordPrefixes.append(hasher.whole)
        guard deletions else { continue }
        // Not the first letter: fuzzy matching never edits it.
        for position in prefix.indices.dropFirst() where prefix[position] != 0x20 {
          wordPrefixDeletions.append(hasher.deleting(position))
        }
      }
    }
  }

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

  init(_ hashes: Hashes) {
    func filter(_ list: [UInt64]) -> BloomFilter {
      var filter = BloomFilter(capacity: list.count)
      for hash in list { filter.insert(hash) }
      return filter
    }
    self.init(
      exact: filter(hashes.exact), folded: filter(hashes.folded), compact: filter(hashes.compact),
      wordPrefixes: filter(hashes.wordPrefixes), wordPrefixDeletions: filter(hashes.wordPrefixDeletions))
  }

  /// Adds the hashes of every byte prefix of `form`, the empty one and `form` itself included.
  static func addAllPrefixes(of form: String, to list: inout [UInt64]) {
    var hasher = FormHasher()
    list.append(hasher.value)
    for byte in form.utf8 {
      hasher.add(byte)
      list.append(hasher.value)
    }
  }

}
