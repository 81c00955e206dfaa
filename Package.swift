// swift-tools-version:6.0
import PackageDescription

/// Ripple: a static-site generator for mentoring programs.
///
/// Each pipeline stage is its own target so that dependencies stay one-way:
/// Core ← Markdown/Template/Data/Metrics/Charts ← Render ← Build ← ripple (CLI).
let package = Package(
    name: "Ripple",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "ripple", targets: ["ripple"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/swhitty/FlyingFox", exact: "0.27.1"),
        .package(url: "https://github.com/LebJe/TOMLKit", exact: "0.6.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CPostgres", pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),
        // zlib itself for the EPUB's entries (ZIPFoundation's own binding is internal to it).
        .systemLibrary(name: "CRippleZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // libxml2's own parser for the EPUB's well-formedness check (FoundationXML's XMLParser makes strings of
        // every element and attribute it reads).
        .systemLibrary(name: "CRippleXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .target(name: "RippleCore"),
        .target(name: "CRippleSystem"),
        .executableTarget(name: "ripple-embed-theme", path: "Sources/ripple-embed-theme"),
        .plugin(name: "EmbedTheme", capability: .buildTool(), dependencies: ["ripple-embed-theme"]),
        .target(name: "RippleTheme", plugins: ["EmbedTheme"]),
        .target(name: "RippleMarkdown", dependencies: ["RippleCore", "CCmark", "CRippleSystem"]),
        .target(name: "RippleTemplate", dependencies: ["RippleCore"]),
        .target(name: "RippleData", dependencies: ["RippleCore"]),
        .target(name: "RippleMetrics", dependencies: ["RippleCore"]),
        .target(name: "RippleCharts", dependencies: ["RippleCore"]),
        .target(name: "RipplePrivacy", dependencies: ["RippleCore", "RippleMetrics"]),
        .target(name: "RippleAutomation", dependencies: ["RippleCore", "RippleData", "RippleMetrics"]),
        .target(
            name: "RippleSources",
            dependencies: [
                "RippleCore", "RippleData", "CSQLite", "CPostgres", "CRippleZlib",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .target(
            name: "RippleRender",
            dependencies: ["RippleCore", "RippleMarkdown", "RippleTemplate", "RippleMetrics", "RippleCharts", "CRippleXML2"]
        ),
        .target(
            name: "RippleBuild",
            dependencies: [
                "RippleCore", "RippleMarkdown", "RippleTemplate", "RippleData", "RippleMetrics", "RippleRender", "RippleTheme", "CRippleSystem",
                "RipplePrivacy", "RippleSources", "RippleAutomation", "CRippleZlib",
                .product(name: "Yams", package: "Yams"),
                .product(name: "TOMLKit", package: "TOMLKit"),
            ]
        ),
        .target(
            name: "RippleServe",
            dependencies: ["RippleCore", .product(name: "FlyingSocks", package: "FlyingFox")]
        ),
        .executableTarget(
            name: "ripple",
            dependencies: [
                "RippleCore",
                "RippleData",
                "RippleRender",
                "RippleBuild",
                "RippleServe",
                "RippleMetrics",
                "RipplePrivacy",
                "RippleSources",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "RippleCoreTests", dependencies: ["RippleCore", "RippleTestSupport"]),
        .testTarget(name: "RippleMarkdownTests", dependencies: ["RippleMarkdown", "RippleCore"], exclude: ["GFMSpec"]),
        .testTarget(name: "RippleTemplateTests", dependencies: ["RippleTemplate", "RippleCore"], exclude: ["MustacheSpec"]),
        .testTarget(name: "RippleDataTests", dependencies: ["RippleData", "RippleCore"]),
        .testTarget(name: "RippleMetricsTests", dependencies: ["RippleMetrics", "RippleCore"]),
        .testTarget(name: "RippleChartsTests", dependencies: ["RippleCharts"]),
        .target(name: "RippleTestSupport", dependencies: ["RippleCore"], path: "Tests/RippleTestSupport"),
        .testTarget(name: "RippleSourcesTests", dependencies: ["RippleSources", "RippleData", "RippleCore"], exclude: ["Fixtures"]),
        .testTarget(name: "RipplePrivacyTests", dependencies: ["RipplePrivacy", "RippleMetrics", "RippleData", "RippleCore", "RippleTestSupport"]),
        .testTarget(name: "RippleRenderTests",
            dependencies: ["RippleRender", "RippleData", "RippleCore", "RippleCharts", "RippleMarkdown", "RippleMetrics",
                           "RippleTemplate", "RippleTestSupport"],
            exclude: ["Fixtures"]),
        .testTarget(name: "RippleBuildTests",
            dependencies: ["RippleBuild", "RippleCore", "RippleData", "RippleMarkdown", "RippleMetrics", "RippleRender", "RippleTemplate", "RippleTestSupport",
                           .product(name: "Yams", package: "Yams"),
                           .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            exclude: ["Fixtures"]),
        .testTarget(name: "RippleServeTests", dependencies: ["RippleServe", "RippleCore", "RippleBuild", "RippleTestSupport"]),
        .testTarget(name: "RippleCLITests", dependencies: ["ripple", "RippleTestSupport"]),
        .testTarget(name: "RippleAutomationTests", dependencies: ["RippleAutomation", "RippleData", "RippleCore", "RippleMetrics"]),
    ]
)
