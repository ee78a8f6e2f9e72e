#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A mutual-exclusion lock over a pthread mutex, owned by this object.
///
/// A pthread mutex rather than the standard library's `Mutex`: the thread sanitizer sees through
/// pthread locks, but not through the toolchain's prebuilt `Mutex`, and reports false races behind it.
///
/// ```swift
/// let lock = Lock()
/// lock.withLock { counts[word, default: 0] += 1 }
/// ```
public final class Lock: @unchecked Sendable {
  private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)

  public init() { pthread_mutex_init(mutex, nil) }

  deinit {
    pthread_mutex_destroy(mutex)
    mutex.deallocate()
  }

  /// Runs `body` with the lock held.
  @inline(__always)
  public func withLock<Result, Failure: Error>(_ body: () throws(Failure) -> Result) throws(Failure) -> Result {
    pthread_mutex_lock(mutex)
    defer { pthread_mutex_unlock(mutex) }
    return try body()
  }
}
