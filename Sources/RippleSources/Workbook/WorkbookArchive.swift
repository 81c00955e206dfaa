import CRippleZlib
import Foundation
import ZIPFoundation

/// The zip container of an `.xlsx` workbook, read in memory with ZIPFoundation, with limits that
/// refuse zip bombs before they fill the memory.
struct WorkbookArchive {
    /// Why a workbook's container cannot be read.
    enum Failure: Error, Equatable {
        /// Not a zip file at all (or a damaged one).
        case notZip
        /// A part the workbook needs is missing.
        case missingPart(String)
        /// A part could not be inflated (damaged data, bad checksum, encryption).
        case damaged(String)
        /// Inflating would pass the limits: the file expands far more than any real workbook.
        case tooLarge(String)
    }

    /// At most this many bytes are inflated from one workbook, all parts together (1 GiB).
    static let totalLimit = 1 << 30
    /// Past this many inflated bytes (16 MiB), parts may expand at most `ratioLimit` times the workbook's size.
    static let ratioFloor = 16 << 20
    /// Real sheets compress 10–30 times; a zip bomb about 1,000 times.
    static let ratioLimit = 200

    private let archive: Archive
    private let size: Int
    private var inflated = 0

    /// Opens the workbook's bytes.
    init(bytes: [UInt8]) throws(Failure) {
        do { archive = try Archive(data: Data(bytes), accessMode: .read) } catch { throw .notZip }
        size = bytes.count
    }

    /// Whether the container holds a part (`xl/styles.xml`).
    func contains(_ path: String) -> Bool { archive[path] != nil }

    /// The inflated bytes of a part, counted against the limits as they come.
    mutating func part(_ path: String) throws(Failure) -> Data {
        guard let entry = archive[path] else { throw .missingPart(path) }
        let budget = min(Self.totalLimit - inflated, max(Self.ratioFloor, size * Self.ratioLimit) - inflated)
        guard entry.uncompressedSize <= UInt64(max(budget, 0)) else { throw .tooLarge(path) }
        var data = Data()
        data.reserveCapacity(min(Int(entry.uncompressedSize), 1 << 26))  // the header may lie: at most 64 MiB up front
        var overflow = false
        // The checksum is zlib's: on Linux ZIPFoundation computes it a byte at a time in Swift, which was an
        // eighth of reading a 50,000-person workbook.
        var checksum: UInt = 0
        do {
            _ = try archive.extract(entry, bufferSize: 1 << 18, skipCRC32: true) { chunk in
                guard data.count + chunk.count <= budget else {
                    overflow = true
                    throw Failure.tooLarge(path)
                }
                checksum = chunk.withUnsafeBytes { crc32(checksum, $0.bindMemory(to: UInt8.self).baseAddress, UInt32($0.count)) }
                data.append(chunk)
            }
        } catch {
            throw overflow ? .tooLarge(path) : .damaged(path)
        }
        guard checksum == UInt(entry.checksum) else { throw .damaged(path) }
        inflated += data.count
        return data
    }
}
