#pragma once

#include "status.h"

#include <QString>

namespace magellan {

// Where a path really leads: symlinks and `..` resolved, also for a path that does not exist yet
// (its folder resolved, its name kept). Empty for an empty path.
QString resolvedPath(const QString &path);

// Ok when a store written at `destinationPath` cannot overwrite or hide the SQLite database at
// `sourcePath`: it is not the database, not one of SQLite's files beside it (-journal, -wal,
// -shm, whose presence would break every later open of it), and not a folder holding it.
// InvalidInput naming the destination otherwise.
Status checkDestinationApartFromSource(const QString &sourcePath, const QString &destinationPath);

// Ok when a report can be written at `reportPath` after a migration from `sourcePath` to
// `destinationPath` without harming either: not the database or one of its SQLite files, not in
// the store or its staging folder, and in an existing folder that can be written. InvalidInput
// naming the report path otherwise.
Status checkReportPath(const QString &reportPath, const QString &sourcePath,
                       const QString &destinationPath);

} // namespace magellan
