#include "tool_process.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QThread>

namespace magellan::test {
namespace {

// The state letter of /proc/PID/stat (R, S, T, Z...), or 0 when the process is gone.
char processState(qint64 pid) {
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray line = stat.readAll();
    const qsizetype close = line.lastIndexOf(')'); // the name in parentheses may hold spaces
    return close >= 0 && close + 2 < line.size() ? line[close + 2] : 0;
}

} // namespace

QString toolBinary() {
    return qEnvironmentVariable("MAGELLAN_KV_BINARY");
}

void startTool(QProcess &process, const QStringList &arguments, const char *stopPhase) {
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    if (stopPhase)
        environment.insert(QStringLiteral("MAGELLAN_KV_TEST_STOP_AT"),
                           QString::fromLatin1(stopPhase));
    process.setProcessEnvironment(environment);
    process.start(toolBinary(), arguments);
    process.waitForStarted();
}

ToolRun finishTool(QProcess &process, int timeoutMs) {
    process.waitForFinished(timeoutMs);
    ToolRun run;
    run.killedBySignal = process.exitStatus() == QProcess::CrashExit;
    run.exitCode = run.killedBySignal ? -1 : process.exitCode();
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

ToolRun runTool(const QStringList &arguments, int timeoutMs) {
    QProcess process;
    startTool(process, arguments);
    return finishTool(process, timeoutMs);
}

bool isRunning(qint64 pid) {
    const char state = processState(pid);
    return state != 0 && state != 'Z' && state != 'X';
}

bool waitUntilStopped(qint64 pid, int timeoutMs) {
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < timeoutMs) {
        const char state = processState(pid);
        if (state == 'T' || state == 't')
            return true;
        if (state == 0 || state == 'Z' || state == 'X')
            return false;
        QThread::msleep(2);
    }
    return false;
}

bool waitUntilExists(const QString &path, qint64 pid, int timeoutMs) {
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < timeoutMs) {
        if (QFileInfo::exists(path))
            return true;
        if (!isRunning(pid))
            return QFileInfo::exists(path);
        QThread::usleep(200); // a signal sent once the folder appears must land early in the run
    }
    return false;
}

} // namespace magellan::test
