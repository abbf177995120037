#include "staged_destination.h"

#include "kv_store.h"

#include <QDir>
#include <QFileInfo>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

namespace magellan {
namespace {

const QString stagingMarker = QStringLiteral(".magellan-kv-staging-");

QString stagingPrefix(const QFileInfo &destination) {
    return QLatin1Char('.') + destination.fileName() + stagingMarker;
}

QString systemError(int error) {
    return QString::fromLocal8Bit(std::strerror(error));
}

// The pid of a process that holds the RocksDB lock of the store at `path`, or 0.
pid_t lockHolder(const QString &path) {
    const QByteArray lockFile = QDir(path).filePath(QStringLiteral("LOCK")).toLocal8Bit();
    const int fd = ::open(lockFile.constData(), O_RDWR | O_CLOEXEC);
    if (fd < 0)
        return 0;
    struct flock lock {};
    lock.l_type = F_WRLCK;
    lock.l_whence = SEEK_SET;
    const bool asked = ::fcntl(fd, F_GETLK, &lock) == 0;
    ::close(fd);
    return asked && lock.l_type != F_UNLCK ? lock.l_pid : 0;
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

StagedDestination::StagedDestination(QString path, QString stagingPath, bool replace)
    : m_path(std::move(path)), m_stagingPath(std::move(stagingPath)), m_replace(replace) {}

StagedDestination::StagedDestination(StagedDestination &&other) noexcept
    : m_path(std::move(other.m_path)), m_stagingPath(std::move(other.m_stagingPath)),
      m_replace(other.m_replace), m_done(other.m_done) {
    other.m_done = true;
}

StagedDestination::~StagedDestination() {
    if (!m_done && !m_stagingPath.isEmpty())
        QDir(m_stagingPath).removeRecursively();
}

Result<StagedDestination> StagedDestination::prepare(const QString &path, bool replace) {
    const QFileInfo destination(path);
    const QFileInfo parent(destination.absolutePath());
    if (!parent.exists())
        return Status::invalidInput(
            QStringLiteral("%1: the folder %2 does not exist").arg(path, parent.filePath()));
    if (!parent.isDir())
        return Status::invalidInput(
            QStringLiteral("%1: %2 is not a folder").arg(path, parent.filePath()));
    bool existingStore = false;
    if (destination.exists() || destination.isSymLink()) {
        if (!destination.isDir())
            return Status::invalidInput(
                QStringLiteral("%1: is a file, not a store folder; refusing to touch it")
                    .arg(path));
        const bool empty = QDir(path).isEmpty(QDir::AllEntries | QDir::Hidden | QDir::System |
                                              QDir::NoDotAndDotDot);
        existingStore = isKvStoreFolder(path);
        if (!existingStore && !empty)
            return Status::invalidInput(
                QStringLiteral("%1: is a folder that is not a store; refusing to replace it")
                    .arg(path));
        if (!replace)
            return Status::invalidInput(
                QStringLiteral("%1: already exists (use --force to replace it)").arg(path));
        if (const pid_t holder = existingStore ? lockHolder(path) : 0)
            return Status::busy(
                QStringLiteral("%1: the store is in use by another process (pid %2)")
                    .arg(path)
                    .arg(holder));
    }
    for (const QString &stale : staleStagingFolders(path))
        QDir(stale).removeRecursively();
    const QString staging = parent.absoluteFilePath() + QLatin1Char('/') +
                            stagingPrefix(destination) + QString::number(::getpid());
    QDir(staging).removeRecursively(); // one left by this process: never published
    const QByteArray native = staging.toLocal8Bit();
    if (::mkdir(native.constData(), 0755) != 0) {
        const int error = errno;
        return Status::invalidInput(QStringLiteral("%1: cannot create a folder in %2: %3")
                                        .arg(path, parent.absoluteFilePath(), systemError(error)));
    }
    return StagedDestination(destination.absoluteFilePath(), staging,
                             replace && destination.exists());
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
