// PLACEHOLDER: the issue that builds this target replaces this file.
