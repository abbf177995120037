#pragma once

#include "status.h"

#include <QString>

namespace magellan {

// A new store is written into a staging folder beside its destination and moved into place only
// when complete, so a failure, a cancel or a killed process never leaves a partial store at the
// destination. The staging folder is removed when the object dies unpublished; ones left by
// killed processes are removed by the next prepare() for the same destination.
class StagedDestination {
public:
    // Checks that `path` can receive a store (absent; or, when `replace`, an existing store that
    // no process holds open) and creates the staging folder beside it.
    static Result<StagedDestination> prepare(const QString &path, bool replace);

    StagedDestination(StagedDestination &&other) noexcept;
    StagedDestination &operator=(StagedDestination &&) = delete;
    ~StagedDestination();

    const QString &stagingPath() const { return m_stagingPath; }
    const QString &destinationPath() const { return m_path; }

    // Moves the staged store to the destination in one rename (an exchange when replacing, then
    // the old store is deleted). REQUIRES: the staged store is closed.
    Status publish();

private:
    StagedDestination(QString path, QString stagingPath, bool replace);

    QString m_path;
    QString m_stagingPath;
    bool m_replace = false;
    bool m_done = false;
};

// Where a store for the database at `databasePath` goes by default: beside it, with the
// extension replaced by .kv (code.db -> code.kv).
QString defaultStorePath(const QString &databasePath);

// Staging folders beside `path` whose process is gone (left by a kill); removed by prepare().
QStringList staleStagingFolders(const QString &path);

} // namespace magellan
