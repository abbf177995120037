#pragma once

#include <QStringList>

namespace magellan {

// The read-only commands that look into a store by file and by key. Each takes argv (program
// name first, then the command) and returns the exit status. REQUIRES: a QCoreApplication.

// magellan-kv files STORE [SRC] [--match GLOB] [--json]: every file of the store with counts.
int runFiles(const QStringList &arguments);
// magellan-kv show STORE [SRC] --file PATH [--json]: one file's chunks, AST keys and functions.
int runShow(const QStringList &arguments);
// magellan-kv get STORE KEY [--raw]: one value; exit 2 when the key does not exist.
int runGet(const QStringList &arguments);

} // namespace magellan
