#pragma once

#include <QStringList>

namespace magellan {

// Exit statuses of the headless commands (also in --help and the README).
enum ExitStatus : int {
    ExitVerified = 0, // every table verified, no row rejected
    ExitMismatch = 1, // verification failed, or rows were rejected (the store is complete)
    ExitBadInput = 2, // bad input or usage; nothing was written
    ExitFailed = 3,   // the run failed for another reason (I/O, disk full); nothing was written
    ExitInterrupted = 130, // stopped by SIGINT or SIGTERM; nothing was written
};

// True when `arguments` (argv, program name first) ask for a headless command rather than the
// desktop app: a subcommand, --help or --version.
bool isCommandLineInvocation(const QStringList &arguments);

// Runs the headless command in `arguments` (argv, program name first) and returns the exit
// status. REQUIRES: a QCoreApplication exists.
int runCommandLine(const QStringList &arguments);

} // namespace magellan
