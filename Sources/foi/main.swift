import FOICommandLine

// The commands live in FOICommandLine, so that foi-server takes each step's fields and checks from the same
// declarations.
await CommandLineTool.main()
