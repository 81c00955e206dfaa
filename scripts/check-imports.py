#!/usr/bin/env python3
"""Every module a target imports must be a declared dependency in Package.swift (and no target imports itself).

SwiftPM builds an undeclared import of a target that happens to be built earlier, so the mistake stays hidden
until the build order changes. Reads the manifest through `swift package dump-package`; run by scripts/test.sh.
"""
import json
import pathlib
import re
import subprocess
import sys

# The toolchain's and platform's own modules, never declared.
SYSTEM = {"Foundation", "FoundationXML", "FoundationNetworking", "FoundationEssentials", "Dispatch", "Darwin",
          "Glibc", "Musl", "Synchronization", "os", "Testing", "XCTest", "_Concurrency", "Observation"}
IMPORT = re.compile(r"^\s*(?:@\w+(?:\([^)]*\))?\s+)*(?:public |package |internal )?import\s+(?:struct |class |enum |func |protocol )?(\w+)", re.M)

root = pathlib.Path(__file__).resolve().parent.parent
manifest = json.loads(subprocess.run(["swift", "package", "dump-package"], cwd=root, check=True,
                                     capture_output=True, text=True).stdout)
problems = []
for target in manifest["targets"]:
    if target["type"] in ("system", "plugin", "binary"):
        continue
    folder = root / (target.get("path") or ("Tests/" if target["type"] == "test" else "Sources/") + target["name"])
    declared = set()
    for dependency in target["dependencies"]:
        kind, value = next(iter(dependency.items()))
        declared.add(value[0])
    for source in sorted(folder.rglob("*.swift")):
        for module in IMPORT.findall(source.read_text(encoding="utf-8")):
            where = source.relative_to(root)
            if module == target["name"]:
                problems.append(f"{where}: imports its own target {module}; remove the import")
            elif module not in declared and module not in SYSTEM:
                problems.append(f"{where}: imports {module}, which target {target['name']} does not declare; "
                                f"add it to the target's dependencies in Package.swift")
for problem in sorted(set(problems)):
    print(problem, file=sys.stderr)
sys.exit(1 if problems else 0)
