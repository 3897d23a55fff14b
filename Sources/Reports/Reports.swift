// The Reports module; see README.md in this folder.
