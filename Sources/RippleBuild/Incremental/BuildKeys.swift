import RippleCore
import RippleRender

/// The hashes a build with a state compares with the last build's, each over everything a kind of output
/// depends on: equal hashes mean equal bytes, so the output is reused.
struct BuildKeys: Sendable {
    let model: SiteModel
    let files: SiteSource
    let options: BuildOptions

    /// What every page's Markdown depends on besides the page: options, the pages and files links can reach,
    /// and (for shortcodes) the program data and configuration.
    var markdownContext: UInt64 {
        var hash = ContentHash()
        hash.add(model.config.markdown.smartPunctuation); hash.add(model.config.markdown.unsafeHTML)
        hash.add(model.config.markdown.headingIDs.rawValue)
        for page in model.content.allPages { hash.add(page.source); hash.add(page.outputPath) }
        hash.add(UInt64(0xfeed))
        for file in model.content.staticFiles { hash.add(file.source); hash.add(file.outputPath) }
        hash.add(model.metrics != nil)
        if model.metrics != nil {
            hash.add(files.configText); hash.add(options.assembler.baseURL)
            for file in files.dataFiles { hash.add(file.path); hash.add(file.bytes) }
            for table in files.dataTables { hash.add(table.table); hash.add(table.csv) }
        }
        return hash.value
    }

    /// What every page's HTML depends on besides the page and its place: configuration, downloads, data.
    var global: UInt64 {
        var hash = ContentHash()
        hash.add(files.configText); hash.add(options.assembler.baseURL); hash.add(options.assembler.includeDrafts); hash.add(options.makePDF)
        for download in model.guideDownloads { hash.add(download.label); hash.add(download.path); hash.add(download.format) }
        hash.add(model.metrics != nil)
        return hash.value
    }

    /// Each layout's hash over its own text and the partials and parents it uses; every template when a
    /// dynamic partial (`{{>*name}}`) makes the dependencies unknowable.
    var layouts: [String: UInt64] {
        var texts: [String: [UInt8]] = [:]
        for file in files.themeFiles where file.path.hasSuffix(".mustache") {
            texts[String(file.path.dropLast(".mustache".count))] = file.bytes
        }
        let dynamic = texts.values.contains { String(decoding: $0, as: UTF8.self).contains("{{>*") }
        var result: [String: UInt64] = [:]
        for name in model.templates.names where name.hasPrefix("layouts/") {
            let used = dynamic ? Set(texts.keys) : model.templates.dependencies(of: name).union([name])
            var hash = ContentHash()
            for dependency in used.sorted() { hash.add(dependency); hash.add(texts[dependency].map { ContentHash.of($0) } ?? 0) }
            result[name] = hash.value
        }
        return result
    }

    /// Everything the guide downloads are made from: content, configuration, theme and PDF engine.
    func guide(pdf: Bool) -> UInt64 {
        var hash = ContentHash()
        hash.add(files.configText); hash.add(options.assembler.baseURL); hash.add(options.assembler.includeDrafts); hash.add(pdf); hash.add(options.makePDF)
        for file in files.contentFiles { hash.add(file.path); hash.add(files.hash(of: file)) }  // unread files by stamp
        for file in files.themeFiles { hash.add(file.path); hash.add(file.bytes) }
        return hash.value
    }
}
