#pragma once

#include "format/key_codec.h"
#include "format/row_checksum.h"
#include "migrate/differences.h"
#include "migrate/orphan_rows.h"
#include "migrate/store_contents.h"
#include "migrate/table_scanner.h"
#include "source/source_database.h"

#include <QDateTime>
#include <QString>

#include <nlohmann/json.hpp>

#include <algorithm>

#include <vector>

namespace magellan {

// One table's count comparison: the source snapshot's side, and the store read back.
struct TableReport {
    SourceTable table = SourceTable::CodeChunks;
    qint64 sourceRows = 0;   // COUNT(*) in the snapshot
    qint64 expectedKeys = 0; // distinct carried groups, or carried rows for single-row tables
    TableScanResult scan;    // what the scan encoded (and the writer wrote)
    bool readBack = false;   // the store side below was read
    StoreTableContents store;

    bool countsMatch() const;
    bool checksumsMatch() const;
    bool passed() const { return readBack && countsMatch() && checksumsMatch(); }
};

// kv-format.md, "Outcome and differences".
enum class VerificationOutcome {
    NotVerified,         // the store was not read back (migrate --no-verify, or a failed run)
    Verified,            // every table passes, nothing rejected
    VerifiedWithRejects, // every table passes, some rows are rejects
    Failed,              // a count or checksum differs
};

// "not_verified", "verified", "verified_with_rejects", "failed".
QString outcomeName(VerificationOutcome outcome);

// Everything a migration or verification found, for people (the comparison table) and for the
// meta:migration record.
struct MigrationReport {
    SourceInfo source;
    QString destination;
    KeyLayout layout = KeyLayout::Seed;
    QDateTime startedAt;
    QDateTime finishedAt;
    std::vector<TableReport> tables;
    bool readBack = false; // the store was read back and compared
    qint64 strayKeys = 0;
    QStringList strayExamples;
    // Tables of the source this run did not read, and why: nothing is left out unsaid.
    std::vector<std::pair<SourceTable, QString>> notCarried;
    // Where the store and the source differ, row by row (found only when a table fails).
    DifferenceList differences;
    // Rows that name no graph entity: information, not a failure.
    OrphanReport orphans;

    // Compares every table with what `contents` found in the store.
    void applyStoreContents(const StoreContents &contents);
    // Read back, every table passes, and the store holds nothing else.
    bool passed() const;
    qint64 rejectedRows() const;
    qint64 repairedValues() const;
    VerificationOutcome outcome() const;

    // The report as JSON: what --report and --json write.
    nlohmann::ordered_json toJson() const;
    // The report as CSV (RFC 4180): a header line; the outcome; one line per table; then one per
    // listed difference, reject, repaired value and orphan row. The first column names the kind.
    QString toCsv() const;
    // The value of the meta:migration key (kv-format.md, "Migration record").
    std::string migrationRecord() const;
};

// Writes `report` to `path` whole or not at all (a temporary file renamed into place): CSV with
// `csv`, else indented JSON. The error names the path. Checks nothing about where the path is
// (checkReportPath does).
Status saveReport(const MigrationReport &report, const QString &path, bool csv);

// What inspect found, as JSON (inspect --json).
nlohmann::ordered_json sourceInfoJson(const SourceInfo &info);

inline constexpr int kvFormatVersion = 1;
QString toolVersion();

} // namespace magellan
