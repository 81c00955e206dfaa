import RippleCore
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Replaces a file's contents, leaving it untouched when it already holds exactly those bytes.
///
/// Rebuilds write mostly what is already there (the staging folder is the site of two builds ago). Skipping
/// identical files keeps their modification times, so deploy tools copy only what changed, and it avoids
/// truncating: on ext4 a truncate-and-rewrite forces the new blocks to disk at close, and with online discard
/// frees and trims the old ones — the largest cost of writing 10,000 pages.
enum FileReplace {
    /// What a file held when Ripple wrote it: size, modification time and content hash. A file that still has
    /// that size and time is taken to hold those bytes, so it need not be read to be compared.
    struct Stamp: Sendable, Equatable {
        var size: Int
        var seconds: Int
        var nanoseconds: Int
        var hash: UInt64
    }

    /// Writes `bytes` (whose `ContentHash` is `hash`) to the file at `path` (created if missing) unless it already
    /// holds them: known from `expected` when the file's size and time match it, else by reading it. Returns the
    /// file's stamp afterwards.
    @discardableResult
    static func replace(_ path: String, with bytes: UnsafeRawBufferPointer, hash: UInt64 = 0,
                        expected: Stamp? = nil) throws(POSIXError) -> Stamp {
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw failure() }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw failure() }
        let size = Int(info.st_size)
        let found = Stamp(size: size, seconds: Int(info.st_mtim.tv_sec), nanoseconds: Int(info.st_mtim.tv_nsec), hash: hash)
        if size == bytes.count {
            if let expected, expected == found { return found }
            if try holds(descriptor, bytes) { return found }
        }
        var written = 0
        while written < bytes.count {
            let result = pwrite(descriptor, bytes.baseAddress! + written, bytes.count - written, off_t(written))
            if result < 0, errno == EINTR { continue }
            guard result > 0 else { throw failure() }
            written += result
        }
        if size > bytes.count, ftruncate(descriptor, off_t(bytes.count)) != 0 { throw failure() }
        guard fstat(descriptor, &info) == 0 else { throw failure() }
        return Stamp(size: bytes.count, seconds: Int(info.st_mtim.tv_sec), nanoseconds: Int(info.st_mtim.tv_nsec), hash: hash)
    }

    /// Whether the open file (of the same length) holds exactly `bytes`, read in blocks so a large file (the
    /// search index) is not held twice.
    private static func holds(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) throws(POSIXError) -> Bool {
        guard !bytes.isEmpty else { return true }
        let blockSize = min(bytes.count, 1 << 16)
        let block = UnsafeMutableRawBufferPointer.allocate(byteCount: blockSize, alignment: 16)
        defer { block.deallocate() }
        var offset = 0
        while offset < bytes.count {
            let wanted = min(blockSize, bytes.count - offset)
            let result = pread(descriptor, block.baseAddress!, wanted, off_t(offset))
            if result < 0, errno == EINTR { continue }
            guard result >= 0 else { throw failure() }
            if result == 0 || memcmp(block.baseAddress!, bytes.baseAddress! + offset, result) != 0 { return false }
            offset += result
        }
        return true
    }

    /// The error of the system call that just failed.
    private static func failure() -> POSIXError { POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
}
