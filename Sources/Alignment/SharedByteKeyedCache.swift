#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A ``ByteKeyedCache`` shared by the tasks of one index, so what one worker found is found by the
/// others and memory stays that of one cache whatever `--jobs`.
///
/// The keys are spread over shards by their hash, each a cache of its own behind its own lock (the
/// locks a cache line apart), so two workers rarely wait for each other: an access holds one shard's
/// lock for one probe.
///
/// ```swift
/// let memo = SharedByteKeyedCache<Int>(limit: 1000)
/// "Hassake".utf8.withContiguousStorageIfAvailable { memo.insert(7, for: $0) }
/// "Hassake".utf8.withContiguousStorageIfAvailable { memo[$0] }   // 7
/// ```
final class SharedByteKeyedCache<Value: Sendable>: @unchecked Sendable {
  private static var shardCount: Int { 16 }
  private static var lineBytes: Int { 64 }
  // `caches[i]` is read and written only while mutex `i` is held.
  private let caches: UnsafeMutablePointer<ByteKeyedCache<Value>>
  private let mutexes: UnsafeMutableRawPointer

  /// A cache of about `limit` values in all (each shard starts over on its own when full).
  init(limit: Int) {
    caches = .allocate(capacity: Self.shardCount)
    caches.initialize(repeating: ByteKeyedCache(limit: max(1, limit / Self.shardCount)), count: Self.shardCount)
    mutexes = .allocate(byteCount: Self.shardCount * Self.lineBytes, alignment: Self.lineBytes)
    for shard in 0..<Self.shardCount { pthread_mutex_init(mutex(shard), nil) }
  }

  deinit {
    for shard in 0..<Self.shardCount { pthread_mutex_destroy(mutex(shard)) }
    mutexes.deallocate()
    caches.deinitialize(count: Self.shardCount)
    caches.deallocate()
  }

  private func mutex(_ shard: Int) -> UnsafeMutablePointer<pthread_mutex_t> {
    (mutexes + shard * Self.lineBytes).assumingMemoryBound(to: pthread_mutex_t.self)
  }

  private static func shard(of key: UnsafeBufferPointer<UInt8>) -> Int {
    Int(truncatingIfNeeded: FormHasher.hash(key) >> 60) & (shardCount - 1)
  }

  /// The value stored for `key`, if any.
  subscript(key: UnsafeBufferPointer<UInt8>) -> Value? {
    let shard = Self.shard(of: key)
    pthread_mutex_lock(mutex(shard))
    defer { pthread_mutex_unlock(mutex(shard)) }
    return caches[shard][key]
  }

  /// Stores `value` for `key` unless another task stored one first.
  func insert(_ value: Value, for key: UnsafeBufferPointer<UInt8>) {
    let shard = Self.shard(of: key)
    pthread_mutex_lock(mutex(shard))
    defer { pthread_mutex_unlock(mutex(shard)) }
    caches[shard].insertIfAbsent(value, for: key)
  }
}
