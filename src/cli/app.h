// The command line: parses arguments and runs one subcommand.
#pragma once

namespace guiyan::cli {

// Runs the program with the given arguments; returns the process exit status.
int run(int argc, char** argv);

}  // namespace guiyan::cli
