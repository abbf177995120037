#include "store/staged_destination.h"

#include "store/kv_store.h"

#include <QDir>
#include <QFileInfo>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace magellan {
namespace {

const QString stagingMarker = QStringLiteral(".magellan-kv-staging-");
const QString lockMarker = QStringLiteral(".magellan-kv-lock");

QString stagingPrefix(const QFileInfo &destination) {
    return QLatin1Char('.') + destination.fileName() + stagingMarker;
}

QString systemError(int error) {
    return QString::fromLocal8Bit(std::strerror(error));
}

struct LockAttempt {
    int fd = -1;       // the locked file, or -1
    int error = 0;     // errno when fd is -1; EWOULDBLOCK when another process holds the lock
    qint64 holder = 0; // the pid the holder wrote into the file, 0 when unknown
};

// Takes the flock() of the lock file at `path`, creating it. The holder deletes the file when it
// is done, so the lock taken must be on the file still at `path`, not on one deleted meanwhile.
LockAttempt lockFile(const QString &path) {
    const QByteArray native = path.toLocal8Bit();
    for (int attempt = 0; attempt < 16; ++attempt) {
        const int fd = ::open(native.constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
        if (fd < 0)
            return {-1, errno, 0};
        if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
            const int error = errno;
            char pid[32] = {};
            const ssize_t size = ::pread(fd, pid, sizeof pid - 1, 0);
            ::close(fd);
            return {-1, error, size > 0 ? QByteArray(pid, size).trimmed().toLongLong() : 0};
        }
        struct stat locked {};
        struct stat current {};
        if (::fstat(fd, &locked) == 0 && ::stat(native.constData(), &current) == 0 &&
            locked.st_dev == current.st_dev && locked.st_ino == current.st_ino) {
            // The pid only makes a refused run's message clearer: a failed write changes nothing.
            const QByteArray pid = QByteArray::number(::getpid()) + '\n';
            const ssize_t written = ::pwrite(fd, pid.constData(), pid.size(), 0);
            Q_UNUSED(written);
            return {fd, 0, 0};
        }
        ::close(fd);
    }
    return {-1, EWOULDBLOCK, 0};
}

void syncFolder(const QString &path) {
    const int fd = ::open(path.toLocal8Bit().constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

} // namespace

QString defaultStorePath(const QString &databasePath) {
    const QFileInfo database(databasePath);
    const QString base =
        database.completeBaseName().isEmpty() ? database.fileName() : database.completeBaseName();
    return database.absoluteDir().filePath(base + QStringLiteral(".kv"));
}

QString destinationLockPath(const QString &path) {
    const QFileInfo destination(path);
    return destination.absoluteDir().filePath(QLatin1Char('.') + destination.fileName() +
                                              lockMarker);
}

QStringList staleStagingFolders(const QString &path) {
    const QFileInfo destination(path);
    const QString prefix = stagingPrefix(destination);
    QStringList stale;
    const QDir parent = destination.absoluteDir();
    const QStringList entries = parent.entryList({prefix + QLatin1Char('*')},
                                                 QDir::Dirs | QDir::Hidden | QDir::NoDotAndDotDot);
    for (const QString &name : entries) {
        bool ok = false;
        const qint64 pid = name.mid(prefix.size()).toLongLong(&ok);
        if (ok && pid > 0 && ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH)
            stale << parent.filePath(name);
    }
    return stale;
}

StagedDestination::StagedDestination(QString path, QString stagingPath, bool replace, int lockFd)
    : m_path(std::move(path)), m_stagingPath(std::move(stagingPath)), m_replace(replace),
      m_lockFd(lockFd) {}

StagedDestination::StagedDestination(StagedDestination &&other) noexcept
    : m_path(std::move(other.m_path)), m_stagingPath(std::move(other.m_stagingPath)),
      m_replace(other.m_replace), m_done(other.m_done), m_lockFd(other.m_lockFd) {
    other.m_done = true;
    other.m_lockFd = -1;
}

StagedDestination::~StagedDestination() {
    if (!m_done && !m_stagingPath.isEmpty())
        QDir(m_stagingPath).removeRecursively();
    if (m_lockFd >= 0) { // delete the lock file while still holding it, then let go
        ::unlink(destinationLockPath(m_path).toLocal8Bit().constData());
        ::close(m_lockFd);
    }
}

Result<StagedDestination> StagedDestination::prepare(const QString &path, bool replace) {
    // A link is kept: what it points to is checked, staged beside and replaced (messages name
    // `path`, as given). Staged beside the link, the exchange would swap the link away instead.
    QString target = path;
    if (const QFileInfo link(path); link.isSymLink()) {
        target = link.canonicalFilePath();
        if (target.isEmpty())
            return Status::invalidInput(
                QStringLiteral("%1: is a link to %2, which does not exist; refusing to touch it")
                    .arg(path, link.symLinkTarget()));
    }
    const QFileInfo destination(target);
    const QFileInfo parent(destination.absolutePath());
    if (!parent.exists())
        return Status::invalidInput(
            QStringLiteral("%1: the folder %2 does not exist").arg(path, parent.filePath()));
    if (!parent.isDir())
        return Status::invalidInput(
            QStringLiteral("%1: %2 is not a folder").arg(path, parent.filePath()));
    // The lock first: whatever follows, up to the rename, is done by one migration at a time.
    const LockAttempt lock = lockFile(destinationLockPath(target));
    if (lock.fd < 0 && lock.error == EWOULDBLOCK)
        return Status::busy(
            QStringLiteral("%1: another magellan-kv%2 is already writing a store there; try again "
                           "when it has finished")
                .arg(path,
                     lock.holder > 0 ? QStringLiteral(" (pid %1)").arg(lock.holder) : QString()));
    // From here the object owns the lock and the staging folder: any return cleans up.
    StagedDestination staged(destination.absoluteFilePath(), QString(), false, lock.fd);
    const QString staging = parent.absoluteFilePath() + QLatin1Char('/') +
                            stagingPrefix(destination) + QString::number(::getpid());
    QDir(staging).removeRecursively(); // left by a killed process that had this pid
    const QByteArray native = staging.toLocal8Bit();
    if (::mkdir(native.constData(), 0755) != 0) {
        const int error = errno;
        if (error == ENOSPC || error == EDQUOT)
            return Status::ioError(QStringLiteral("%1: no space left on the device: %2")
                                       .arg(path, systemError(error)));
        return Status::invalidInput(QStringLiteral("%1: cannot create a folder in %2: %3")
                                        .arg(path, parent.absoluteFilePath(), systemError(error)));
    }
    staged.m_stagingPath = staging;
    if (lock.fd < 0) // a folder that takes a folder but not a file: not seen in practice
        return Status::ioError(QStringLiteral("%1: cannot create its lock file in %2: %3")
                                   .arg(path, parent.absoluteFilePath(), systemError(lock.error)));
    // Checked under the lock, so no other migration can create or replace it meanwhile.
    if (destination.exists() || destination.isSymLink()) {
        if (!destination.isDir())
            return Status::invalidInput(
                QStringLiteral("%1: is a file, not a store folder; refusing to touch it")
                    .arg(path));
        const bool empty = QDir(target).isEmpty(QDir::AllEntries | QDir::Hidden | QDir::System |
                                                QDir::NoDotAndDotDot);
        const bool existingStore = isKvStoreFolder(target);
        if (!existingStore && !empty)
            return Status::invalidInput(
                QStringLiteral("%1: is a folder that is not a store; refusing to replace it")
                    .arg(path));
        if (!replace)
            return Status::invalidInput(
                QStringLiteral("%1: already exists (use --force to replace it)").arg(path));
        if (const pid_t holder = existingStore ? storeLockHolder(target) : 0)
            return Status::busy(
                QStringLiteral("%1: the store is in use by another process (pid %2)")
                    .arg(path)
                    .arg(holder));
        staged.m_replace = true;
    }
    for (const QString &stale : staleStagingFolders(target))
        QDir(stale).removeRecursively();
    return staged;
}

Status StagedDestination::publish() {
    const QByteArray from = m_stagingPath.toLocal8Bit();
    const QByteArray to = m_path.toLocal8Bit();
    const QFileInfo destination(m_path);
    if (m_replace && destination.exists()) {
        if (::renameat2(AT_FDCWD, from.constData(), AT_FDCWD, to.constData(), RENAME_EXCHANGE) !=
            0) {
            const int error = errno;
            return Status::ioError(QStringLiteral("%1: cannot replace the old store: %2")
                                       .arg(m_path, systemError(error)));
        }
        // The staging path now holds the old store; the destructor deletes it.
        syncFolder(destination.absolutePath());
        QDir(m_stagingPath).removeRecursively();
        m_done = true;
        return Status::ok();
    }
    if (::renameat2(AT_FDCWD, from.constData(), AT_FDCWD, to.constData(), RENAME_NOREPLACE) != 0) {
        const int error = errno;
        if (error == EEXIST || error == ENOTEMPTY)
            return Status::busy(
                QStringLiteral("%1: was created by another process during the migration")
                    .arg(m_path));
        return Status::ioError(QStringLiteral("%1: cannot move the new store into place: %2")
                                   .arg(m_path, systemError(error)));
    }
    syncFolder(destination.absolutePath());
    m_done = true;
    return Status::ok();
}

} // namespace magellan
