#pragma once

#include <QString>
#include <QStringList>

namespace magellan::bench {

struct Run {
    double seconds = 0;
    double peakMb = 0;
    double cpuSeconds = 0; // user + system, all of the process's threads
    int exitCode = -1;
};

// Runs a command to the end (its output to /dev/null, or stdout to `stdoutPath` when given);
// wall time, CPU time and its peak resident memory.
Run runProcess(const QStringList &arguments, const QString &stdoutPath = {});

// The bytes of the files under `path`.
qint64 folderBytes(const QString &path);

} // namespace magellan::bench
