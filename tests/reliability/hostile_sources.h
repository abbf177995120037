#pragma once

#include "format/source_tables.h"

#include <QString>

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace magellan::test {

// A row the migration must reject, and words its reason must contain.
struct ExpectedReject {
    SourceTable table;
    qint64 rowid;
    QString reason;
};

// One small source database that is hostile in one way, readable as its SQL.
struct HostileSource {
    QString name;
    // Creates the database at `path`; returns "" or the error.
    std::function<QString(const QString &path)> create;
    std::vector<ExpectedReject> rejects; // exactly these rows are rejected, no others
    // A check of its own on the store's entries; returns "" or what is wrong.
    std::function<QString(const std::map<std::string, std::string> &entries)> check;
};

// Every hostile source, each with the rows it must reject.
const std::vector<HostileSource> &hostileSources();

} // namespace magellan::test
