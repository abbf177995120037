#include "migrate/migration.h"

#include "migrate/difference_finder.h"
#include "migrate/migration_record.h"
#include "migrate/orphan_rows.h"
#include "migrate/path_safety.h"
#include "migrate/store_contents.h"
#include "migrate/table_scanner.h"
#include "source/source_database.h"
#include "store/bulk_load_sink.h"
#include "store/kv_store.h"
#include "store/staged_destination.h"

#include <QDir>

#include <atomic>
#include <csignal>

namespace magellan {
namespace {

// Test hook for tests/reliability: MAGELLAN_KV_TEST_STOP_AT=<phase> makes the process stop itself
// (SIGSTOP) there, so a test can kill it at a known point. The phases, in a run's order:
// staging-created, scanning (first rows read), writing, verifying, before-publish.
void stopHereWhenTestAsks(const char *phase) {
    static const QByteArray asked = qgetenv("MAGELLAN_KV_TEST_STOP_AT");
    if (asked == phase)
        std::raise(SIGSTOP);
}

// Test hook for the migration window's tests: MAGELLAN_KV_TEST_DAMAGE_STAGED=1 makes the staged
// store differ from its source before it is read back, as a write lost on its way to disk would:
// the first chunk's value is replaced by the second's, and a key of no table is added. The
// read-back must then fail, list both and publish nothing.
Status damageStagedStoreWhenTestAsks(KvStore &store, KeyLayout layout) {
    if (qgetenv("MAGELLAN_KV_TEST_DAMAGE_STAGED") != "1")
        return Status::ok();
    const std::string prefix(kvkey::prefix(SourceTable::CodeChunks, layout));
    const auto cursor = store.cursor();
    cursor->seek(prefix);
    if (!cursor->isValid() || !cursor->key().starts_with(prefix))
        return cursor->status();
    const std::string first(cursor->key());
    cursor->next();
    if (!cursor->isValid() || !cursor->key().starts_with(prefix))
        return cursor->status();
    const std::string secondValue(cursor->value());
    if (Status status = store.putRecord(first, secondValue); !status.isOk())
        return status;
    return store.putRecord("test:damage", "{}");
}

// Passes a scan's progress on; the first rows read are the test hook's "scanning" phase.
class ScanningStopPoint final : public ProgressObserver {
public:
    explicit ScanningStopPoint(ProgressObserver *observer) : m_observer(observer) {}
    void tableProgress(MigrationPhase phase, SourceTable table, qint64 done,
                       qint64 total) override {
        if (m_observer)
            m_observer->tableProgress(phase, table, done, total);
        if (done > 0 && !m_reached.exchange(true)) // once: a resumed run goes on
            stopHereWhenTestAsks("scanning");
    }
    bool isCancelRequested() const override {
        return m_observer && m_observer->isCancelRequested();
    }
    bool mayPublish() override { return !m_observer || m_observer->mayPublish(); }

private:
    ProgressObserver *m_observer;
    std::atomic<bool> m_reached{false};
};

// Scans every table of the report into `sink`, filling the source side of the report.
Status scanTables(SourceDatabase &source, MigrationReport &report, KvSink &sink, bool quickCheck,
                  ProgressObserver *observer) {
    const std::function<bool()> cancelled = [observer] {
        return observer && observer->isCancelRequested();
    };
    for (TableReport &table : report.tables) {
        // A damaged table can be read with rows twice and rows missed, and the read-back would
        // agree with that read. The scan refuses a row read twice; a table whose rows read
        // disagree with its index's count is checked whole; on request, SQLite's quick_check
        // looks at every page of the table and its indexes first.
        const SourceTableInfo &info = report.source.table(table.table);
        if (quickCheck)
            if (Status status = source.quickCheck(info, cancelled); !status.isOk())
                return status;
        TableScanner scanner(source, report.source.table(table.table), report.layout);
        Result<TableScanResult> scanned = scanner.run(sink, observer);
        if (!scanned.isOk())
            return scanned.status();
        table.scan = scanned.value();
        table.expectedKeys = table.scan.keysWritten;
        // The count came from an index; the rows from the table. When they differ, either the
        // table lost a page (refused) or the index is stale (the table's rows are the source's).
        if (Status status = source.checkRowsRead(info, table.scan.rowsRead, cancelled);
            !status.isOk())
            return status;
        table.sourceRows = table.scan.rowsRead;
    }
    return Status::ok();
}

// Reads the store back and compares it with what the scan produced.
Status compareWithStore(const KvStore &store, MigrationReport &report, ProgressObserver *observer) {
    std::vector<SourceTable> tables;
    std::map<SourceTable, qint64> expected;
    for (const TableReport &table : report.tables) {
        tables.push_back(table.table);
        expected[table.table] = table.sourceRows;
    }
    Result<StoreContents> contents =
        readStoreContents(store, report.layout, tables, expected, observer);
    if (!contents.isOk())
        return contents.status();
    report.applyStoreContents(contents.value());
    return Status::ok();
}

// After a failed comparison: lists where the store differs, row by row, for every table that
// failed, and the keys that belong to no table.
Status findDifferences(SourceDatabase &source, const KvStore &store, MigrationReport &report,
                       const DifferenceLimits &limits, ProgressObserver *observer) {
    for (const TableReport &table : report.tables) {
        if (!table.readBack || table.passed())
            continue;
        Result<DifferenceSearchStats> searched =
            findTableDifferences(source, report.source.table(table.table), report.layout, store,
                                 limits.memoryBudget, report.differences, observer);
        if (!searched.isOk())
            return searched.status();
    }
    for (const QString &stray : report.strayExamples)
        report.differences.add({std::nullopt,
                                stray.toStdString(),
                                DifferenceKind::ExtraInStore,
                                std::nullopt,
                                {},
                                QObject::tr("belongs to none of the tables read")});
    report.differences.addUnlisted(report.strayKeys - report.strayExamples.size());
    return Status::ok();
}

// Rows that name no graph entity, for the report: after the scan, from the same snapshot.
void findOrphans(SourceDatabase &source, MigrationReport &report, size_t limit,
                 const ReferenceCollector &references) {
    std::vector<SourceTable> tables;
    for (const TableReport &table : report.tables)
        tables.push_back(table.table);
    report.orphans = findOrphanRows(source, report.source, tables, limit, references);
}

Status verificationStatus(const MigrationReport &report, const QString &storePath) {
    if (report.passed())
        return Status::ok();
    QStringList failed;
    for (const TableReport &table : report.tables)
        if (!table.passed())
            failed << tableName(table.table);
    if (report.strayKeys > 0)
        failed << QStringLiteral("%1 keys that belong to no table").arg(report.strayKeys);
    return Status::verificationFailed(QStringLiteral("%1: does not match its source: %2")
                                          .arg(storePath, failed.join(QStringLiteral(", "))));
}

// Opens the source and fills the report's source side for `tables`.
Result<std::unique_ptr<SourceDatabase>> openSource(const QString &path, int lockTimeoutMs,
                                                   const std::vector<SourceTable> &requested,
                                                   MigrationReport &report) {
    Result<std::unique_ptr<SourceDatabase>> source = SourceDatabase::open(path, lockTimeoutMs);
    if (!source.isOk())
        return source.status();
    Result<SourceInfo> info = source.value()->inspect(false);
    if (!info.isOk())
        return info.status();
    report.source = info.value();
    Result<std::vector<SourceTable>> tables = resolveTables(report.source, requested);
    if (!tables.isOk())
        return tables.status();
    for (const SourceTable table : tables.value()) {
        TableReport tableReport;
        tableReport.table = table;
        tableReport.sourceRows = report.source.table(table).rows;
        report.tables.push_back(tableReport);
    }
    // The side tables the run leaves out are named (the optional ones are read only on request).
    for (const SourceTableInfo &table : report.source.tables) {
        const auto &chosen = tables.value();
        if (table.exists && !tableDefinition(table.table).optional &&
            std::find(chosen.begin(), chosen.end(), table.table) == chosen.end())
            report.notCarried.emplace_back(table.table,
                                           QStringLiteral("not among the tables asked for"));
    }
    return source;
}

} // namespace

Result<std::vector<SourceTable>> resolveTables(const SourceInfo &info,
                                               const std::vector<SourceTable> &requested) {
    if (!info.hasAnySideTable())
        return Status::invalidInput(
            QStringLiteral("%1: has none of the tables code_chunks, ast_nodes, cfg_blocks; it is "
                           "not a magellan database")
                .arg(info.path));
    std::vector<SourceTable> tables;
    if (requested.empty()) {
        for (const SourceTable table :
             {SourceTable::CodeChunks, SourceTable::AstNodes, SourceTable::CfgBlocks})
            if (info.table(table).named())
                tables.push_back(table);
    } else {
        for (const SourceTable table : requested) {
            const SourceTableInfo &found = info.table(table);
            if (!found.named())
                return Status::invalidInput(
                    QStringLiteral("%1: has no table %2").arg(info.path, tableName(table)));
            if (std::find(tables.begin(), tables.end(), table) == tables.end())
                tables.push_back(table);
        }
    }
    // Nothing is skipped silently: a side table that cannot be read refuses the whole run.
    for (const SourceTable table : tables)
        if (const SourceTableInfo &found = info.table(table); !found.exists)
            return Status::invalidInput(
                QStringLiteral("%1: %2 is %3, not a table magellan-kv can read (kv-format.md: "
                               "side tables are ordinary tables with a rowid); nothing was "
                               "migrated")
                    .arg(info.path, found.sqlName, found.notReadable));
    return tables;
}

MigrationOutcome migrateDatabase(const QString &sourcePath, const QString &destinationPath,
                                 const MigrationOptions &options, ProgressObserver *observer) {
    MigrationOutcome outcome;
    MigrationReport &report = outcome.report;
    report.startedAt = QDateTime::currentDateTimeUtc();
    report.layout = options.layout;
    report.destination = destinationPath;
    QString stagingPath; // named in errors as the destination the user gave
    const auto fail = [&](Status status) {
        if (!stagingPath.isEmpty() && status.message().contains(stagingPath))
            status =
                status.withMessage(QString(status.message()).replace(stagingPath, destinationPath));
        outcome.status = std::move(status);
        report.finishedAt = QDateTime::currentDateTimeUtc();
        return outcome;
    };

    report.differences = DifferenceList(options.differences.listed);
    if (Status status = checkDestinationApartFromSource(sourcePath, destinationPath);
        !status.isOk())
        return fail(status);
    Result<std::unique_ptr<SourceDatabase>> source =
        openSource(sourcePath, options.lockTimeoutMs, options.tables, report);
    if (!source.isOk())
        return fail(source.status());
    Result<StagedDestination> staged =
        StagedDestination::prepare(destinationPath, options.replaceExisting);
    if (!staged.isOk())
        return fail(staged.status());
    report.destination = staged->destinationPath();
    stagingPath = staged->stagingPath();
    {
        Result<std::unique_ptr<KvStore>> store =
            KvStore::open(staged->stagingPath(), KvStore::Mode::CreateNew);
        if (!store.isOk())
            return fail(store.status());
        stopHereWhenTestAsks("staging-created");
        BulkLoadSink load(*store.value(),
                          QDir(staged->stagingPath()).filePath(QStringLiteral("bulk-load")));
        ScanningStopPoint scanObserver(observer);
        ReferenceCollector references(load, report.layout);
        if (Status status =
                scanTables(*source.value(), report, references, options.quickCheck, &scanObserver);
            !status.isOk())
            return fail(status);
        findOrphans(*source.value(), report, options.differences.listed, references);
        stopHereWhenTestAsks("writing");
        if (Status status = load.finish(); !status.isOk())
            return fail(status);
    } // closed: what verification reads next comes from the files on disk

    Result<std::unique_ptr<KvStore>> store =
        KvStore::open(staged->stagingPath(), KvStore::Mode::ReadWrite);
    if (!store.isOk())
        return fail(store.status());
    // A table read again after its storage-order read put values that a later put replaced.
    if (std::any_of(report.tables.begin(), report.tables.end(),
                    [](const TableReport &t) { return t.scan.keysPutAgain; }))
        if (Status status = store.value()->dropOverwrittenVersions(); !status.isOk())
            return fail(status);
    if (options.verify) {
        stopHereWhenTestAsks("verifying");
        if (Status status = damageStagedStoreWhenTestAsks(*store.value(), report.layout);
            !status.isOk())
            return fail(status);
        if (Status status = compareWithStore(*store.value(), report, observer); !status.isOk())
            return fail(status);
        if (!report.passed())
            if (Status status = findDifferences(*source.value(), *store.value(), report,
                                                options.differences, observer);
                !status.isOk())
                return fail(status);
        if (Status status = verificationStatus(report, destinationPath); !status.isOk())
            return fail(status);
    }
    report.finishedAt = QDateTime::currentDateTimeUtc();
    const std::string record = report.migrationRecord();
    if (Status status = store.value()->putRecord(kvkey::migrationRecord, record); !status.isOk())
        return fail(status);
    if (Status status = store.value()->flush(); !status.isOk())
        return fail(status);
    store.value().reset();
    stopHereWhenTestAsks("before-publish");
    // As late as possible (mayPublish() may wait for the user): nothing is public yet.
    if (observer && (observer->isCancelRequested() || !observer->mayPublish()))
        return fail(Status::cancelled(QStringLiteral("cancelled before publishing")));
    if (Status status = staged->publish(); !status.isOk())
        return fail(status);
    return outcome;
}

MigrationOutcome verifyStore(const QString &sourcePath, const QString &storePath,
                             const VerifyOptions &options, ProgressObserver *observer) {
    MigrationOutcome outcome;
    MigrationReport &report = outcome.report;
    report.startedAt = QDateTime::currentDateTimeUtc();
    report.destination = storePath;
    report.differences = DifferenceList(options.differences.listed);
    const auto finish = [&](Status status) {
        outcome.status = std::move(status);
        report.finishedAt = QDateTime::currentDateTimeUtc();
        return outcome;
    };

    Result<std::unique_ptr<KvStore>> store = KvStore::open(storePath, KvStore::Mode::ReadOnly);
    if (!store.isOk())
        return finish(store.status());
    // Layout and tables: as asked, else as the migration recorded them.
    KeyLayout layout = options.layout.value_or(KeyLayout::Seed);
    std::vector<SourceTable> tables = options.tables;
    Result<std::optional<RecordedMigration>> recorded = readMigrationRecord(*store.value());
    if (!recorded.isOk())
        return finish(recorded.status());
    if (recorded.value()) {
        if (!options.layout)
            layout = recorded.value()->layout.value_or(KeyLayout::Seed);
        if (tables.empty())
            tables = recorded.value()->tables;
    }
    report.layout = layout;
    Result<std::unique_ptr<SourceDatabase>> source =
        openSource(sourcePath, options.lockTimeoutMs, tables, report);
    if (!source.isOk())
        return finish(source.status());
    DiscardingSink discard;
    ReferenceCollector references(discard, layout);
    if (Status status =
            scanTables(*source.value(), report, references, options.quickCheck, observer);
        !status.isOk())
        return finish(status);
    findOrphans(*source.value(), report, options.differences.listed, references);
    if (Status status = compareWithStore(*store.value(), report, observer); !status.isOk())
        return finish(status);
    if (!report.passed())
        if (Status status = findDifferences(*source.value(), *store.value(), report,
                                            options.differences, observer);
            !status.isOk())
            return finish(status);
    return finish(verificationStatus(report, storePath));
}

} // namespace magellan
