#include "migrate/path_safety.h"

#include <QDir>
#include <QFileInfo>

#include <cerrno>
#include <cstring>
#include <sys/stat.h>
#include <unistd.h>

namespace magellan {
namespace {

// The files SQLite keeps beside a database, named by appending these to its path.
const QStringList sqliteSidecars{QStringLiteral("-journal"), QStringLiteral("-wal"),
                                 QStringLiteral("-shm")};

// Names beside a destination that a migration to it uses: its staging folders and lock file.
const QString stagingAndLockMarker = QStringLiteral(".magellan-kv-");

QString systemError(int error) {
    return QString::fromLocal8Bit(std::strerror(error));
}

// `path` with its folder resolved and its own name kept (a link stays the link). Of a folder that
// does not exist, the nearest one that does is resolved and the rest kept.
QString folderResolvedPath(const QString &path) {
    const QFileInfo info(path);
    // As given, not cleaned: `sub/..` is resolved by the system, where `sub` may be a link.
    QString folder = info.path();
    if (QFileInfo(folder).isRelative())
        folder = QDir::currentPath() + QLatin1Char('/') + folder;
    QString rest = info.fileName();
    while (!QFileInfo::exists(folder)) {
        const QFileInfo up(folder);
        if (up.fileName().isEmpty() || up.path() == folder)
            break;
        rest = up.fileName() + QLatin1Char('/') + rest;
        folder = up.path();
    }
    const QString canonical = QFileInfo(folder).canonicalFilePath();
    if (canonical.isEmpty())
        return QDir::cleanPath(info.absoluteFilePath());
    return QDir::cleanPath(canonical + QLatin1Char('/') + rest);
}

// Both names a path may go by: fully resolved, and with only its folder resolved. SQLite names
// its journal after the resolved path, older versions after the path as given.
QStringList pathForms(const QString &path) {
    QStringList forms{resolvedPath(path)};
    if (const QString partly = folderResolvedPath(path); !forms.contains(partly))
        forms << partly;
    return forms;
}

bool isInside(const QString &path, const QString &folder) {
    return path.startsWith(folder.endsWith(QLatin1Char('/')) ? folder : folder + QLatin1Char('/'));
}

bool isSameFile(const QString &a, const QString &b) {
    struct stat first {};
    struct stat second {};
    return ::stat(QFile::encodeName(a).constData(), &first) == 0 &&
           ::stat(QFile::encodeName(b).constData(), &second) == 0 &&
           first.st_dev == second.st_dev && first.st_ino == second.st_ino;
}

} // namespace

QString resolvedPath(const QString &path) {
    if (path.isEmpty())
        return {};
    const QFileInfo info(path);
    if (info.exists())
        return info.canonicalFilePath();
    return folderResolvedPath(path);
}

Status checkDestinationApartFromSource(const QString &sourcePath, const QString &destinationPath) {
    const QString destination = resolvedPath(destinationPath);
    for (const QString &source : pathForms(sourcePath)) {
        if (destination == source)
            return Status::invalidInput(
                QStringLiteral("%1: is the source database; refusing to write a store over it")
                    .arg(destinationPath));
        for (const QString &suffix : sqliteSidecars)
            if (destination == source + suffix)
                return Status::invalidInput(
                    QStringLiteral("%1: is where SQLite keeps the %2 file of the source "
                                   "database; a store there would break every later open of %3")
                        .arg(destinationPath, suffix.mid(1), sourcePath));
        if (isInside(source, destination))
            return Status::invalidInput(
                QStringLiteral("%1: holds the source database %2; refusing to write a store there")
                    .arg(destinationPath, sourcePath));
    }
    return Status::ok();
}

Status checkReportPath(const QString &reportPath, const QString &sourcePath,
                       const QString &destinationPath) {
    const QString report = resolvedPath(reportPath);
    const auto refuse = [&](const QString &why) {
        return Status::invalidInput(QStringLiteral("%1: %2").arg(reportPath, why));
    };
    for (const QString &source : pathForms(sourcePath)) {
        if (report == source)
            return refuse(QStringLiteral("is the source database; refusing to overwrite it with "
                                         "the report"));
        for (const QString &suffix : sqliteSidecars)
            if (report == source + suffix)
                return refuse(QStringLiteral("is the %1 file of the source database; refusing to "
                                             "overwrite it with the report")
                                  .arg(suffix.mid(1)));
    }
    if (isSameFile(report, sourcePath))
        return refuse(QStringLiteral("is the source database (another name for %1); refusing to "
                                     "overwrite it with the report")
                          .arg(sourcePath));
    for (const QString &destination : pathForms(destinationPath)) {
        if (report == destination)
            return refuse(QStringLiteral("is the destination store; the report needs a path of "
                                         "its own"));
        if (isInside(report, destination))
            return refuse(QStringLiteral("is inside the destination store %1; the report needs a "
                                         "path outside it")
                              .arg(destinationPath));
        const QFileInfo store(destination);
        const QString besideStore = store.absolutePath() + QLatin1Char('/');
        const QString usedByMigration =
            besideStore + QLatin1Char('.') + store.fileName() + stagingAndLockMarker;
        if (report.startsWith(usedByMigration))
            return refuse(QStringLiteral("is a name the migration to %1 uses for its staging "
                                         "folder or its lock; the report needs a path of its own")
                              .arg(destinationPath));
    }
    const QFileInfo file(report);
    if (file.isDir())
        return refuse(QStringLiteral("is a folder; the report needs a file name"));
    const QFileInfo folder(file.absolutePath());
    if (!folder.exists())
        return refuse(QStringLiteral("the folder %1 does not exist").arg(folder.filePath()));
    if (!folder.isDir())
        return refuse(QStringLiteral("%1 is not a folder").arg(folder.filePath()));
    // The report is written beside its final name first, then renamed: the folder must allow both.
    if (::access(QFile::encodeName(folder.filePath()).constData(), W_OK | X_OK) != 0)
        return refuse(QStringLiteral("cannot write in the folder %1: %2")
                          .arg(folder.filePath(), systemError(errno)));
    if (file.exists() && ::access(QFile::encodeName(report).constData(), W_OK) != 0)
        return refuse(QStringLiteral("cannot be written: %1").arg(systemError(errno)));
    return Status::ok();
}

} // namespace magellan
