// The Evaluation module; see README.md in this folder.
