/// Lends non-thread-safe ICU handles to one task at a time.
///
/// A stage is an immutable, `Sendable` description; the ICU objects it needs are made on demand and
/// kept here between uses, so a handle is never used by two tasks at once and is not reopened for
/// every document.
///
/// ```swift
/// let pool = HandlePool { try BreakIterator(.sentence, locale: .root) }
/// let count = try pool.withHandle { $0.boundaries(in: "Eins. Zwei.").count }
/// ```
public final class HandlePool<Handle>: @unchecked Sendable {
  // Handles sit in `idle` only while no task uses them; every access holds `lock`.
  private var idle: [Handle] = []
  private let lock = Lock()
  private let make: @Sendable () throws -> Handle
  private let keep: Int

  /// - Parameters:
  ///   - keep: how many idle handles to keep at most.
  ///   - make: opens a new handle.
  public init(keep: Int = 8, make: @escaping @Sendable () throws -> Handle) {
    self.make = make
    self.keep = keep
  }

  /// Runs `body` with a handle that no other task uses meanwhile.
  public func withHandle<T>(_ body: (Handle) throws -> T) throws -> T {
    let reused = lock.withLock { idle.popLast() }
    let handle = try reused ?? make()
    defer {
      lock.withLock {
        if idle.count < keep { idle.append(handle) }
      }
    }
    return try body(handle)
  }
}
