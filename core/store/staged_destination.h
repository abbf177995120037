#pragma once

#include "status.h"

#include <QString>

namespace magellan {

// A new store is written into a staging folder beside its destination and moved into place only
// when complete, so a failure, a cancel or a killed process never leaves a partial store at the
// destination. The staging folder is removed when the object dies unpublished; ones left by
// killed processes are removed by the next prepare() for the same destination. While the object
// lives it holds a lock on the destination, so a second migration to it is refused at once.
// Used on the thread that runs the migration.
class StagedDestination {
public:
    // Checks that `path` can receive a store (absent; or, when `replace`, an existing store that
    // no process holds open), takes the destination's lock (Busy when another migration holds it)
    // and creates the staging folder beside it. When `path` is a link, all of this is done for
    // what it points to, and the link is kept.
    static Result<StagedDestination> prepare(const QString &path, bool replace);

    StagedDestination(StagedDestination &&other) noexcept;
    StagedDestination &operator=(StagedDestination &&) = delete;
    ~StagedDestination();

    const QString &stagingPath() const { return m_stagingPath; }
    const QString &destinationPath() const { return m_path; } // a link resolved

    // Moves the staged store to the destination in one rename (an exchange when replacing, then
    // the old store is deleted). REQUIRES: the staged store is closed.
    Status publish();

private:
    StagedDestination(QString path, QString stagingPath, bool replace, int lockFd);

    QString m_path;
    QString m_stagingPath;
    bool m_replace = false;
    bool m_done = false;
    int m_lockFd = -1; // flock()ed lock file beside the destination; -1 once moved from
};

// Where a store for the database at `databasePath` goes by default: beside it, with the
// extension replaced by .kv (code.db -> code.kv).
QString defaultStorePath(const QString &databasePath);

// Staging folders beside `path` whose process is gone (left by a kill); removed by prepare().
QStringList staleStagingFolders(const QString &path);

// The lock file a migration to `path` holds beside it (removed when the migration ends).
QString destinationLockPath(const QString &path);

} // namespace magellan
