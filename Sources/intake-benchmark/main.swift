// PLACEHOLDER: the issue that builds this target replaces this file.
print("intake-benchmark: not built yet")
