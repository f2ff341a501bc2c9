// PLACEHOLDER: the issue that builds this target replaces this file.
print("classify-benchmark: not built yet")
