// PLACEHOLDER: the issue that builds this target replaces this file.
print("parse-fuzz: not built yet")
