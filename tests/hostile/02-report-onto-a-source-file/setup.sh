cp content/index.md .index.md.before
