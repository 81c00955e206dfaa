import Foundation

/// The default theme (the repository's `templates/` folder), compiled into the executable.
package enum EmbeddedTheme {
    /// Every theme file: path relative to the theme folder (`layouts/page.mustache`) → bytes, sorted by path.
    package static let files: [(path: String, bytes: [UInt8])] = encodedFiles.map { entry in
        (entry.path, Array(Data(base64Encoded: entry.base64) ?? Data()))
    }
}
