#include "process_run.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>

#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <vector>

extern char **environ;

namespace magellan::bench {

Run runProcess(const QStringList &arguments, const QString &stdoutPath) {
    std::vector<QByteArray> bytes;
    for (const QString &argument : arguments)
        bytes.push_back(argument.toLocal8Bit());
    std::vector<char *> argv;
    for (QByteArray &argument : bytes)
        argv.push_back(argument.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    const QByteArray out =
        stdoutPath.isEmpty() ? QByteArray("/dev/null") : stdoutPath.toLocal8Bit();
    posix_spawn_file_actions_addopen(&actions, 1, out.constData(), O_WRONLY | O_CREAT | O_TRUNC,
                                     0644);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    QElapsedTimer timer;
    timer.start();
    pid_t pid = 0;
    Run run;
    if (posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ) != 0)
        return run;
    // The child's own high-water mark (VmHWM of its post-exec address space), read until it ends:
    // rusage's ru_maxrss would also count this large parent's pages from before the exec.
    const QString statusFile = QStringLiteral("/proc/%1/status").arg(pid);
    int status = 0;
    struct rusage usage {};
    while (wait4(pid, &status, WNOHANG, &usage) == 0) {
        QFile procStatus(statusFile);
        if (procStatus.open(QIODevice::ReadOnly))
            for (const QByteArray &line : procStatus.readAll().split('\n'))
                if (line.startsWith("VmHWM:"))
                    run.peakMb = std::max(
                        run.peakMb, line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0);
        usleep(5000);
    }
    run.seconds = timer.nsecsElapsed() / 1e9;
    run.cpuSeconds = usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 + usage.ru_stime.tv_sec +
                     usage.ru_stime.tv_usec / 1e6;
    run.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    posix_spawn_file_actions_destroy(&actions);
    return run;
}

qint64 folderBytes(const QString &path) {
    qint64 total = 0;
    QDirIterator it(path, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        total += QFileInfo(it.next()).size();
    return total;
}

} // namespace magellan::bench
