import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads whole files into one reused buffer (no allocation per file, no attribute lookups), for scanning
/// thousands of pages in a row.
struct FileReader {
    private var buffer: [UInt8] = []

    /// Hands the bytes of the file at `path` to `body` (no bytes when it cannot be read).
    mutating func read<T>(_ path: String, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
        var count = 0
        let descriptor = open(path, O_RDONLY)
        if descriptor >= 0 {
            defer { close(descriptor) }
            var info = stat()
            let size = fstat(descriptor, &info) == 0 ? Int(info.st_size) : 0
            if buffer.count < size + 1 { buffer = [UInt8](repeating: 0, count: size + 1) }
            buffer.withUnsafeMutableBytes { raw in
                while true {
                    if count == raw.count { break }
                    let got = Glibc.read(descriptor, raw.baseAddress! + count, raw.count - count)
                    if got > 0 { count += got } else if got < 0 && errno == EINTR { continue } else { break }
                }
            }
            if count == buffer.count {  // grew since fstat: read the rest the slow way
                let bytes = Array((try? Data(contentsOf: URL(fileURLWithPath: path))) ?? Data())
                return bytes.withUnsafeBufferPointer { body($0) }
            }
        }
        return buffer.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[..<count])) }
    }
}
