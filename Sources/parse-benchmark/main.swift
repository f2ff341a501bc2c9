// PLACEHOLDER: the issue that builds this target replaces this file.
print("parse-benchmark: not built yet")
