// The LogicModel module; see README.md in this folder.
