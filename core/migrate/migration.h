#pragma once

#include "migrate/migration_report.h"
#include "migrate/progress.h"
#include "status.h"

#include <QString>

#include <optional>
#include <vector>

namespace magellan {

// How much a failed verification lists, and the memory its search for differences may hold.
struct DifferenceLimits {
    size_t listed = DifferenceList::defaultLimit; // differences (and orphans per table) listed
    size_t memoryBudget = size_t(128) << 20;      // bytes of per-key sums and re-read rows
};

struct MigrationOptions {
    KeyLayout layout = KeyLayout::Seed;
    // Empty: code_chunks, ast_nodes and cfg_blocks, those the source has.
    std::vector<SourceTable> tables;
    bool replaceExisting = false; // replace a store already at the destination
    bool verify = true;           // read the store back before publishing it
    bool quickCheck = false;  // SQLite's quick_check of each table first (slow: its indexes too)
    int lockTimeoutMs = 5000; // how long to wait for a writer's lock on the source
    DifferenceLimits differences;
};

struct VerifyOptions {
    std::optional<KeyLayout> layout; // unset: the one meta:migration names, else seed
    std::vector<SourceTable> tables; // empty: the ones meta:migration names, else the default
    bool quickCheck = false;         // SQLite's quick_check of each table first
    int lockTimeoutMs = 5000;
    DifferenceLimits differences;
};

// A finished or failed run. The report holds what was found as far as the run got.
struct MigrationOutcome {
    Status status;
    MigrationReport report;
};

// Migrates the magellan database at `sourcePath` into a new RocksDB store at `destinationPath`,
// as kv-format.md defines. The store appears there only once complete and (unless !verify)
// verified; a failure or a cancel leaves nothing behind (a failed read-back lists what differed
// in the report). Never writes to the source.
MigrationOutcome migrateDatabase(const QString &sourcePath, const QString &destinationPath,
                                 const MigrationOptions &options, ProgressObserver *observer);

// Compares the store at `storePath` with a snapshot of `sourcePath`: counts per table and the
// deep checksum; where they differ, the report lists the rows that do. status is
// VerificationFailed when they differ. Writes to neither.
MigrationOutcome verifyStore(const QString &sourcePath, const QString &storePath,
                             const VerifyOptions &options, ProgressObserver *observer);

// The tables to migrate: `requested`, or the default ones the source has. Fails when the source
// has no side table at all or lacks a requested one.
Result<std::vector<SourceTable>> resolveTables(const SourceInfo &info,
                                               const std::vector<SourceTable> &requested);

} // namespace magellan
