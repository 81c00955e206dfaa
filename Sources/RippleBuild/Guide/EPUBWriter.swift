import Foundation
import RippleCore
import RippleRender
import ZIPFoundation

/// Zips an `EPUBBook` into the bytes of an `.epub` file: `mimetype` first and stored, then every entry in the
/// book's order, all with the book's modification time, so the same content always gives the same bytes.
package enum EPUBWriter {
    /// The `.epub` file's bytes.
    package static func zip(_ book: EPUBBook) throws(DiagnosticError) -> [UInt8] {
        let date = Date(timeIntervalSince1970: TimeInterval(max(book.modified, 315_532_800)))  // ZIP dates start in 1980
        do {
            let archive = try Archive(data: Data(), accessMode: .create)
            for entry in book.entries {
                let data = Data(entry.bytes)
                try archive.addEntry(with: entry.path, type: .file, uncompressedSize: Int64(data.count),
                                     modificationDate: date, permissions: 0o644,
                                     compressionMethod: entry.compressed ? .deflate : .none,
                                     provider: { position, size in
                                         data.subdata(in: Data.Index(position)..<Data.Index(position) + size)
                                     })
            }
            guard let bytes = archive.data else { throw CocoaError(.fileWriteUnknown) }
            return Array(bytes)
        } catch {
            throw DiagnosticError(.error("could not write the EPUB: \(error)", hint: "this is a bug in Ripple; please report it"))
        }
    }
}
