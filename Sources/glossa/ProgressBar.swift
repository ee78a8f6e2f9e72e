#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A progress line on standard error: bytes done, MB/s and, when the total is known, a bar and the
/// time left. Redrawn at most ten times a second; cleared when the run ends.
final class ProgressBar {
  private let start = ProgressBar.now()
  private var lastDraw = 0.0
  private var drawn = false

  /// Whether a progress bar should be shown: `--progress`/`--no-progress` decide, else only when
  /// standard error is a terminal.
  static func wanted(_ option: Bool?) -> Bool { option ?? (isatty(2) == 1) }

  func update(done: Int, total: Int?) {
    let now = Self.now()
    guard now - lastDraw >= 0.1 else { return }
    lastDraw = now
    let elapsed = max(now - start, 1e-6)
    let rate = Double(done) / 1e6 / elapsed
    var line = "\(decimal(Double(done) / 1e6)) MB  \(decimal(rate)) MB/s"
    if let total, total > 0 {
      let fraction = min(1, Double(done) / Double(total))
      let width = 30
      let filled = Int(fraction * Double(width))
      let left = rate > 0 ? (Double(total - done) / 1e6) / rate : 0
      let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
      line = "[\(bar)] \(Int(fraction * 100))%  \(line)  ETA \(Int(left.rounded())) s"
    }
    write("\r" + line + "\u{1B}[K")
    drawn = true
  }

  /// Removes the progress line.
  func finish() {
    if drawn { write("\r\u{1B}[K") }
  }

  /// `value` with one decimal.
  private func decimal(_ value: Double) -> String {
    let tenths = Int((value * 10).rounded())
    return "\(tenths / 10).\(tenths % 10)"
  }

  private func write(_ text: String) {
    let bytes = Array(text.utf8)
    _ = bytes.withUnsafeBufferPointer { Glibc.write(2, $0.baseAddress, $0.count) }
  }

  private static func now() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
  }
}
