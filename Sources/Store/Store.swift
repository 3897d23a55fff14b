// The Store module; see README.md in this folder.
