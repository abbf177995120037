#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>

namespace magellan::test {

// How a run of magellan-kv ended, as a user sees it.
struct ToolRun {
    int exitCode = -1; // -1 when it did not exit by itself
    bool killedBySignal = false;
    QString out;
    QString err;
};

// The magellan-kv binary under test (MAGELLAN_KV_BINARY, set by magellan_add_test).
QString toolBinary();

// Runs magellan-kv with `arguments` to the end (at most `timeoutMs`).
ToolRun runTool(const QStringList &arguments, int timeoutMs = 240000);

// The phases at which the test hook MAGELLAN_KV_TEST_STOP_AT makes a migration stop itself
// (SIGSTOP), in a run's order (core/migration.cpp).
namespace stopAt {
inline constexpr const char *stagingCreated = "staging-created"; // empty store made, no row read
inline constexpr const char *scanning = "scanning";              // its first rows read
inline constexpr const char *writing = "writing";     // every row read; table files being written
inline constexpr const char *verifying = "verifying"; // store closed, about to be read back
inline constexpr const char *beforePublish = "before-publish"; // store complete, not renamed yet
inline constexpr const char *all[] = {stagingCreated, scanning, writing, verifying, beforePublish};
} // namespace stopAt

// Starts magellan-kv with `arguments`; a `stopPhase` (one of stopAt) sets the test hook that makes
// it stop itself there.
void startTool(QProcess &process, const QStringList &arguments, const char *stopPhase = nullptr);

// Waits for a started process to end and collects what it printed.
ToolRun finishTool(QProcess &process, int timeoutMs = 240000);

// Waits until process `pid` is stopped (SIGSTOP). False when it ended or `timeoutMs` passed.
bool waitUntilStopped(qint64 pid, int timeoutMs = 240000);

// Waits until `path` exists, or `pid` has ended. True when `path` exists.
bool waitUntilExists(const QString &path, qint64 pid, int timeoutMs = 60000);

// True while process `pid` exists and is not a zombie.
bool isRunning(qint64 pid);

} // namespace magellan::test
