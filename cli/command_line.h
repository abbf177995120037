#pragma once

#include <QByteArray>
#include <QStringList>

#include <optional>

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

// The first argument of argv (after the program name) whose bytes do not come back the same from
// a QString (a name that is not valid UTF-8), or nullopt. Used as a QString, such a name would
// lead to another file than the one given.
std::optional<QByteArray> unrepresentableArgument(int argc, char **argv);

// Prints the one-line refusal of `argument` (its odd bytes shown as \xNN); returns ExitBadInput.
int refuseUnrepresentableArgument(const QByteArray &argument);

// Runs the headless command in `arguments` (argv, program name first) and returns the exit
// status. REQUIRES: a QCoreApplication exists.
int runCommandLine(const QStringList &arguments);

} // namespace magellan
