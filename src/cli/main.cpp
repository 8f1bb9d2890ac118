// guiyan: one binary, many subcommands (serve, migrate, demo, user, check).
#include "cli/app.h"

int main(int argc, char** argv) {
  return guiyan::cli::run(argc, argv);
}
