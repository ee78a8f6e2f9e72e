#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A ``ByteKeyedCache`` shared by the tasks of one index: each access holds a lock for one probe, so
/// what one worker found is found by the others, and memory stays that of one cache whatever `--jobs`.
///
/// ```swift
/// let memo = SharedByteKeyedCache<Int>(limit: 1000)
/// "Hassake".utf8.withContiguousStorageIfAvailable { memo.insert(7, for: $0) }
/// "Hassake".utf8.withContiguousStorageIfAvailable { memo[$0] }   // 7
/// ```
final class SharedByteKeyedCache<Value: Sendable>: @unchecked Sendable {
  // `cache` is read and written only while `mutex` is held.
  private var cache: ByteKeyedCache<Value>
  private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)

  init(limit: Int) {
    cache = ByteKeyedCache(limit: limit)
    pthread_mutex_init(mutex, nil)
  }

  deinit {
    pthread_mutex_destroy(mutex)
    mutex.deallocate()
  }

  /// The value stored for `key`, if any.
  subscript(key: UnsafeBufferPointer<UInt8>) -> Value? {
    pthread_mutex_lock(mutex)
    defer { pthread_mutex_unlock(mutex) }
    return cache[key]
  }

  /// Stores `value` for `key` unless another task stored one first.
  func insert(_ value: Value, for key: UnsafeBufferPointer<UInt8>) {
    pthread_mutex_lock(mutex)
    defer { pthread_mutex_unlock(mutex) }
    cache.insertIfAbsent(value, for: key)
  }
}
