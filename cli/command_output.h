#pragma once

#include "status.h"

#include <QCommandLineOption>
#include <QString>

#include <nlohmann/json.hpp>

namespace magellan {

// What every headless command prints the same way: errors, usage, JSON, exit statuses.

// "magellan-kv: error: {message}" on stderr.
void printError(const QString &message);
// Prints `message` and the hint to --help; returns ExitBadInput.
int usageError(const QString &message);
// -h, --help after a command: that command's usage.
QCommandLineOption helpOption();
// Prints `command`'s usage on stdout; returns ExitVerified (asking for it is a success).
int printCommandUsage(const QString &command);
// The exit status that a failed `status` ends a command with.
int exitStatusFor(const Status &status);
// `json` indented by two, then a newline, on stdout (bytes that are not UTF-8 shown as U+FFFD).
void printJson(const nlohmann::ordered_json &json);

} // namespace magellan
