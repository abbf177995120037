// What a migration costs against reading the source once. For generated databases of 1/4, 1/2
// and all of ROWS rows (default 3,000,000), in one run:
//   floor     the raw sqlite3 scan of the columns and order the migrator reads, nothing else
//             ("by key": the same scan with every table in key order, as the issue measured it);
//   upstream  the algorithm magellan-kv replaces: SELECT DISTINCT group ids, one query per group,
//             a JSON document per row, one Put per key with the write-ahead log on;
//   migrate   `magellan-kv migrate` (with its read-back verification) and `--no-verify`;
//   verify    `magellan-kv verify` against the same source.
// Each as a ratio to the floor, with peak resident memory, rows/s and output MB/s, then each
// target of issue 5 as met or not, with the least ratio migrate's own CPU time allows on this
// machine's cores (wall time >= CPU time / cores). With --repeat N every figure is the best of N
// runs (peak memory the highest), taken in rounds that run every measurement once. Writes the
// figures, the date and the machine as JSON to the path given by --json (default:
// migration_throughput.json here).
#include "fixture_generator.h"
#include "migrate/table_scanner.h"
#include "process_run.h"
#include "source/source_database.h"
#include "store/kv_store.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>

#include <nlohmann/json.hpp>
#include <rocksdb/db.h>
#include <rocksdb/version.h>
#include <sqlite3.h>

#include <cstdio>
#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace magellan;
using namespace magellan::bench;

namespace {

// CPU time of the calling thread so far (the floor runs on one thread and starts none).
double threadCpuSeconds() {
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return now.tv_sec + now.tv_nsec / 1e9;
}

// The floor: every column of every row, read and touched, nothing more; in the migrator's order
// (storage order for ast and cfg, and their NULL group by key), or with `byKey` every table in key
// order, the order the figure of 1.5 s was measured in.
Run readFloor(const QString &source, bool byKey) {
    QElapsedTimer timer;
    timer.start();
    const double cpuAtStart = threadCpuSeconds();
    auto database = SourceDatabase::open(source, 5000);
    auto info = database.value()->inspect(false);
    std::uint64_t touched = 0;
    for (const SourceTable table :
         {SourceTable::CodeChunks, SourceTable::AstNodes, SourceTable::CfgBlocks}) {
        TableScanner scanner(*database.value(), info->table(table), KeyLayout::Seed);
        QStringList statements = byKey ? QStringList() : scanner.storageOrderSql();
        if (statements.isEmpty())
            statements << scanner.selectSql();
        for (const QString &text : statements) {
            const QByteArray sql = text.toUtf8();
            sqlite3_stmt *statement = nullptr;
            sqlite3_prepare_v2(database.value()->handle(), sql.constData(), -1, &statement,
                               nullptr);
            const int columns = sqlite3_column_count(statement);
            while (sqlite3_step(statement) == SQLITE_ROW) {
                for (int c = 0; c < columns; ++c) {
                    // The migrator's own access path: one sqlite3_column_value per value.
                    sqlite3_value *cell = sqlite3_column_value(statement, c);
                    switch (sqlite3_value_type(cell)) {
                    case SQLITE_INTEGER:
                        touched += static_cast<std::uint64_t>(sqlite3_value_int64(cell));
                        break;
                    case SQLITE_FLOAT:
                        touched += static_cast<std::uint64_t>(sqlite3_value_double(cell));
                        break;
                    case SQLITE_TEXT:
                        touched += sqlite3_value_text(cell)[0] +
                                   static_cast<std::uint64_t>(sqlite3_value_bytes(cell));
                        break;
                    case SQLITE_BLOB:
                        touched += static_cast<std::uint64_t>(sqlite3_value_bytes(cell));
                        break;
                    default:
                        break;
                    }
                }
            }
            sqlite3_finalize(statement);
        }
    }
    const Run run{.seconds = timer.nsecsElapsed() / 1e9,
                  .cpuSeconds = threadCpuSeconds() - cpuAtStart,
                  .exitCode = 0};
    if (touched == 42) // keeps the reads from being optimised away
        std::puts("");
    return run;
}

// The upstream algorithm, as the issue describes it.
double upstreamBaseline(const QString &source, const QString &storePath) {
    QElapsedTimer timer;
    timer.start();
    sqlite3 *db = nullptr;
    sqlite3_open_v2(source.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr);
    rocksdb::Options options;
    options.create_if_missing = true;
    rocksdb::DB *store = nullptr;
    rocksdb::DB::Open(options, storePath.toStdString(), &store);
    const rocksdb::WriteOptions write; // WAL on
    const auto rowObject = [](sqlite3_stmt *statement) {
        nlohmann::json object = nlohmann::json::object();
        for (int c = 0; c < sqlite3_column_count(statement); ++c) {
            const char *name = sqlite3_column_name(statement, c);
            switch (sqlite3_column_type(statement, c)) {
            case SQLITE_INTEGER:
                object[name] = sqlite3_column_int64(statement, c);
                break;
            case SQLITE_FLOAT:
                object[name] = sqlite3_column_double(statement, c);
                break;
            case SQLITE_TEXT:
                object[name] =
                    std::string(reinterpret_cast<const char *>(sqlite3_column_text(statement, c)));
                break;
            default:
                object[name] = nullptr;
            }
        }
        return object;
    };
    sqlite3_stmt *chunks = nullptr;
    sqlite3_prepare_v2(db, "SELECT * FROM code_chunks", -1, &chunks, nullptr);
    while (sqlite3_step(chunks) == SQLITE_ROW) {
        const nlohmann::json object = rowObject(chunks);
        const std::string key = "chunk:" + object["file_path"].get<std::string>() + ":" +
                                std::to_string(object["byte_start"].get<qint64>()) + ":" +
                                std::to_string(object["byte_end"].get<qint64>());
        store->Put(write, key, object.dump());
    }
    sqlite3_finalize(chunks);
    for (const auto &[table, group, prefix] : {std::tuple{"ast_nodes", "file_id", "ast:"},
                                               std::tuple{"cfg_blocks", "function_id", "cfg:"}}) {
        sqlite3_stmt *groups = nullptr;
        sqlite3_prepare_v2(db,
                           (std::string("SELECT DISTINCT ") + group + " FROM " + table + " WHERE " +
                            group + " IS NOT NULL")
                               .c_str(),
                           -1, &groups, nullptr);
        sqlite3_stmt *rows = nullptr;
        sqlite3_prepare_v2(
            db,
            (std::string("SELECT * FROM ") + table + " WHERE " + group + " = ?1 ORDER BY id")
                .c_str(),
            -1, &rows, nullptr);
        while (sqlite3_step(groups) == SQLITE_ROW) {
            const qint64 id = sqlite3_column_int64(groups, 0);
            sqlite3_bind_int64(rows, 1, id);
            nlohmann::json array = nlohmann::json::array();
            while (sqlite3_step(rows) == SQLITE_ROW)
                array.push_back(rowObject(rows));
            sqlite3_reset(rows);
            store->Put(write, prefix + std::to_string(id), array.dump());
        }
        sqlite3_finalize(groups);
        sqlite3_finalize(rows);
    }
    delete store;
    sqlite3_close(db);
    return timer.nsecsElapsed() / 1e9;
}

// The size of the largest value in the store at `path`: the largest group, which memory may grow
// with (the generator's largest files grow with the database).
double largestValueMb(const QString &path) {
    const Result<std::unique_ptr<KvStore>> store = KvStore::open(path, KvStore::Mode::ReadOnly);
    if (!store.isOk())
        return 0;
    size_t largest = 0;
    const auto cursor = store.value()->cursor();
    for (cursor->seekToFirst(); cursor->isValid(); cursor->next())
        largest = std::max(largest, cursor->value().size());
    return largest / 1e6;
}

// What the machine is, for the record beside the figures.
nlohmann::ordered_json machineDescription() {
    std::string cpu = "unknown";
    QFile cpuinfo(QStringLiteral("/proc/cpuinfo"));
    if (cpuinfo.open(QIODevice::ReadOnly))
        for (const QByteArray &line : cpuinfo.readAll().split('\n'))
            if (line.startsWith("model name")) {
                cpu = line.mid(line.indexOf(':') + 1).trimmed().toStdString();
                break;
            }
    return {{"cpu", cpu},
            {"cores", sysconf(_SC_NPROCESSORS_ONLN)},
            {"memory_gb", double(sysconf(_SC_PHYS_PAGES)) * sysconf(_SC_PAGE_SIZE) / (1 << 30)},
            {"sqlite", sqlite3_libversion()},
            {"rocksdb", std::to_string(ROCKSDB_MAJOR) + "." + std::to_string(ROCKSDB_MINOR)}};
}

// The best of several runs of one measurement: least seconds, least CPU, highest peak memory;
// a failed run stands as the result.
class BestRun {
public:
    void add(const Run &run) {
        if (m_runs++ == 0 || (m_best.exitCode == 0 && run.exitCode != 0)) {
            m_best = run;
            return;
        }
        if (m_best.exitCode != 0) // a failure stands
            return;
        m_best.seconds = std::min(m_best.seconds, run.seconds);
        m_best.cpuSeconds = std::min(m_best.cpuSeconds, run.cpuSeconds);
        m_best.peakMb = std::max(m_best.peakMb, run.peakMb);
    }
    const Run &best() const { return m_best; }

private:
    Run m_best;
    int m_runs = 0;
};

} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    long long rows = 3000000;
    int repeat = 1;
    QString jsonPath = QDir::current().filePath(QStringLiteral("migration_throughput.json"));
    for (int i = 1; i < argc; ++i) {
        if (QString::fromLocal8Bit(argv[i]) == QLatin1String("--json") && i + 1 < argc)
            jsonPath = QString::fromLocal8Bit(argv[++i]);
        else if (QString::fromLocal8Bit(argv[i]) == QLatin1String("--repeat") && i + 1 < argc)
            repeat = std::max(1, std::atoi(argv[++i]));
        else
            rows = std::atoll(argv[i]);
    }
    const QString tool =
        QCoreApplication::applicationDirPath() + QStringLiteral("/../bin/magellan-kv");
    QTemporaryDir dir;
    nlohmann::ordered_json results = nlohmann::ordered_json::array();
    std::vector<double> seconds;
    std::vector<long long> sizes;
    double lastMigrateRatio = 0, lastKeyFloorRatio = 0, lastUpstreamSpeedup = 0, lastPeak = 0;
    double lastMigrateCpu = 0, lastFloorCpu = 0, lastCpuBoundRatio = 0,
           lastNoVerifyCpuBoundRatio = 0;
    const long cores = std::max(1L, sysconf(_SC_NPROCESSORS_ONLN));
    bool verifyWithinMigrate = true;
    std::printf("migration throughput (ratios to the read floor; lower is better)\n");
    std::printf("%10s %8s %8s %8s %9s %9s %9s %9s %9s %8s %8s %9s %7s\n", "rows", "floor s",
                "by key", "upstream", "migrate", "no-verify", "verify", "peak MB", "(verify)",
                "largest", "rows/s", "out MB/s", "src MB");
    for (const long long size : {rows / 4, rows / 2, rows}) {
        const QString source = dir.filePath(QStringLiteral("code-%1.db").arg(size));
        fixture::FixtureSpec spec;
        spec.totalRows = size;
        if (const std::string error = fixture::generateFixture(source.toStdString(), spec);
            !error.empty()) {
            std::fprintf(stderr, "%s\n", error.c_str());
            return 2;
        }
        const QString store = dir.filePath(QStringLiteral("code-%1.kv").arg(size));
        const auto migrateOnce = [&](const QString &path, bool verifyToo,
                                     const QStringList &extra = {}) {
            QDir(path).removeRecursively();
            QStringList arguments{tool, QStringLiteral("migrate"), source, path};
            if (!verifyToo)
                arguments << QStringLiteral("--no-verify");
            return runProcess(arguments + extra);
        };
        // Each round runs every measurement once, so a slow spell of the shared machine falls on
        // the floor as much as on what is set against it.
        BestRun floorRuns, keyFloorRuns, upstreamRuns, migrateRuns, noVerifyRuns, verifyRuns,
            quickCheckRuns;
        for (int round = 0; round < repeat; ++round) {
            floorRuns.add(readFloor(source, false));
            keyFloorRuns.add(readFloor(source, true));
            const QString upstreamStore =
                dir.filePath(QStringLiteral("upstream-%1-%2.kv").arg(size).arg(round));
            upstreamRuns.add({.seconds = upstreamBaseline(source, upstreamStore), .exitCode = 0});
            QDir(upstreamStore).removeRecursively();
            migrateRuns.add(migrateOnce(store, true));
            noVerifyRuns.add(migrateOnce(store + QStringLiteral("-nv"), false));
            verifyRuns.add(runProcess({tool, QStringLiteral("verify"), source, store}));
            // SQLite's quick_check of every side table and its indexes, on request only.
            quickCheckRuns.add(migrateOnce(store + QStringLiteral("-qc"), true,
                                           {QStringLiteral("--quick-check")}));
            QDir(store + QStringLiteral("-qc")).removeRecursively();
        }
        const Run &floorRun = floorRuns.best();
        const double floor = floorRun.seconds;
        const double keyFloor = keyFloorRuns.best().seconds;
        const double upstream = upstreamRuns.best().seconds;
        const Run &migrate = migrateRuns.best();
        const Run &noVerify = noVerifyRuns.best();
        const Run &verify = verifyRuns.best();
        if (migrate.exitCode != 0 || verify.exitCode != 0 || noVerify.exitCode != 0) {
            std::fprintf(stderr, "magellan-kv failed (exit %d / %d / %d)\n", migrate.exitCode,
                         noVerify.exitCode, verify.exitCode);
            return 1;
        }
        const double storeMb = folderBytes(store) / 1e6;
        const double largestMb = largestValueMb(store);
        const double sourceMb = QFileInfo(source).size() / 1e6;
        std::printf("%10lld %8.2f %7.2fx %8.2fx %8.2fx %8.2fx %8.2fx %9.0f %9.0f %7.1fM %7.0fk "
                    "%9.1f %7.0f\n",
                    size, floor, keyFloor / floor, upstream / floor, migrate.seconds / floor,
                    noVerify.seconds / floor, verify.seconds / floor, migrate.peakMb, verify.peakMb,
                    largestMb, size / migrate.seconds / 1000, storeMb / migrate.seconds, sourceMb);
        const Run &quickChecked = quickCheckRuns.best();
        std::printf("%10s migrate --quick-check %.2f s: %.2fx migrate\n", "", quickChecked.seconds,
                    quickChecked.seconds / migrate.seconds);
        std::fflush(stdout);
        results.push_back({{"rows", size},
                           {"source_mb", sourceMb},
                           {"store_mb", storeMb},
                           {"largest_value_mb", largestMb},
                           {"floor_s", floor},
                           {"floor_cpu_s", floorRun.cpuSeconds},
                           {"key_order_floor_s", keyFloor},
                           {"upstream_s", upstream},
                           {"migrate_s", migrate.seconds},
                           {"migrate_no_verify_s", noVerify.seconds},
                           {"verify_s", verify.seconds},
                           {"migrate_cpu_s", migrate.cpuSeconds},
                           {"migrate_no_verify_cpu_s", noVerify.cpuSeconds},
                           {"verify_cpu_s", verify.cpuSeconds},
                           {"migrate_peak_mb", migrate.peakMb},
                           {"verify_peak_mb", verify.peakMb},
                           {"upstream_ratio", upstream / floor},
                           {"migrate_ratio", migrate.seconds / floor},
                           {"verify_ratio", verify.seconds / floor},
                           {"migrate_quick_check_s", quickChecked.seconds}});
        seconds.push_back(migrate.seconds);
        sizes.push_back(size);
        lastMigrateRatio = migrate.seconds / floor;
        lastKeyFloorRatio = migrate.seconds / keyFloor;
        // No schedule on `cores` cores runs this CPU time in less wall time than CPU / cores;
        // set against the floor's own CPU time, neither side counts time spent descheduled.
        lastCpuBoundRatio = migrate.cpuSeconds / cores / floorRun.cpuSeconds;
        lastNoVerifyCpuBoundRatio = noVerify.cpuSeconds / cores / floorRun.cpuSeconds;
        lastMigrateCpu = migrate.cpuSeconds;
        lastFloorCpu = floorRun.cpuSeconds;
        lastUpstreamSpeedup = upstream / migrate.seconds;
        lastPeak = std::max(migrate.peakMb, verify.peakMb);
        verifyWithinMigrate = verifyWithinMigrate && verify.seconds <= migrate.seconds;
    }
    // Memory with the largest group held at one size while the rows grow: the generator caps
    // every file at about the largest file of the quarter-size database. Streaming means these
    // peaks stay level; only the largest group and fixed budgets may count.
    const long long largestFileNodes = rows / 100;
    std::printf("peak memory with no file over %lld AST nodes:\n", largestFileNodes);
    std::printf("%10s %9s %9s %8s\n", "rows", "peak MB", "(verify)", "largest");
    std::vector<double> cappedPeaks;
    nlohmann::ordered_json cappedResults = nlohmann::ordered_json::array();
    for (const long long size : {rows / 4, rows / 2, rows}) {
        const QString source = dir.filePath(QStringLiteral("capped-%1.db").arg(size));
        fixture::FixtureSpec spec;
        spec.totalRows = size;
        spec.largestFileNodes = largestFileNodes;
        if (const std::string error = fixture::generateFixture(source.toStdString(), spec);
            !error.empty()) {
            std::fprintf(stderr, "%s\n", error.c_str());
            return 2;
        }
        const QString store = dir.filePath(QStringLiteral("capped-%1.kv").arg(size));
        BestRun migrateRuns, verifyRuns;
        for (int round = 0; round < repeat; ++round) {
            QDir(store).removeRecursively();
            migrateRuns.add(runProcess({tool, QStringLiteral("migrate"), source, store}));
            verifyRuns.add(runProcess({tool, QStringLiteral("verify"), source, store}));
        }
        const Run &migrate = migrateRuns.best();
        const Run &verify = verifyRuns.best();
        if (migrate.exitCode != 0 || verify.exitCode != 0) {
            std::fprintf(stderr, "magellan-kv failed (exit %d / %d)\n", migrate.exitCode,
                         verify.exitCode);
            return 1;
        }
        const double largestMb = largestValueMb(store);
        std::printf("%10lld %9.0f %9.0f %7.1fM\n", size, migrate.peakMb, verify.peakMb, largestMb);
        std::fflush(stdout);
        cappedPeaks.push_back(std::max(migrate.peakMb, verify.peakMb));
        cappedResults.push_back({{"rows", size},
                                 {"largest_value_mb", largestMb},
                                 {"migrate_peak_mb", migrate.peakMb},
                                 {"verify_peak_mb", verify.peakMb}});
        QDir(store).removeRecursively();
        QFile::remove(source);
    }
    // Level: the full size's peak within 10% of the quarter size's.
    const double cappedGrowth = cappedPeaks[2] / cappedPeaks[0];
    const bool memoryLevel = cappedGrowth <= 1.1;

    // Linear: the cost of each added row, from 1/2 to the full size, at most 30% above its cost
    // from 1/4 to 1/2 (a fixed start-up cost does not count against it; below 1, added rows got
    // cheaper, which is not a growth faster than linear).
    const double lowerSlope = (seconds[1] - seconds[0]) / double(sizes[1] - sizes[0]);
    const double upperSlope = (seconds[2] - seconds[1]) / double(sizes[2] - sizes[1]);
    const double slopeRatio = upperSlope / lowerSlope;
    const bool linear = slopeRatio <= 1.3;
    const auto verdict = [](bool met) { return met ? "met" : "NOT met"; };
    std::printf("targets at full size:\n");
    std::printf("  migrate <= 1.5x the floor:       %5.2fx  %s\n", lastMigrateRatio,
                verdict(lastMigrateRatio <= 1.5));
    std::printf("    (against a read in key order, the issue's floor: %.2fx)\n", lastKeyFloorRatio);
    std::printf(
        "    (CPU time: migrate %.2f s, the floor %.2f s; on %ld cores migrate cannot take\n"
        "     less than %.2fx the floor's time, or %.2fx without its read-back)\n",
        lastMigrateCpu, lastFloorCpu, cores, lastCpuBoundRatio, lastNoVerifyCpuBoundRatio);
    std::printf("  >= 4x faster than upstream:      %5.2fx  %s\n", lastUpstreamSpeedup,
                verdict(lastUpstreamSpeedup >= 4));
    std::printf("  verify <= migrate at every size:         %s\n", verdict(verifyWithinMigrate));
    std::printf("  peak memory < 300 MB:            %5.0f   %s\n", lastPeak,
                verdict(lastPeak < 300));
    std::printf("  memory level as rows grow:       %5.2f   %s (full / quarter size, largest "
                "group fixed)\n",
                cappedGrowth, verdict(memoryLevel));
    std::printf("  linear (cost per added row):     %5.2f   %s (upper half / lower half)\n",
                slopeRatio, verdict(linear));
    nlohmann::ordered_json document{
        {"measured_at", QDateTime::currentDateTimeUtc().toString(Qt::ISODate).toStdString()},
        {"machine", machineDescription()},
        {"repeat", repeat},
        {"sizes", results},
        {"largest_group_fixed",
         {{"largest_file_nodes", largestFileNodes}, {"sizes", cappedResults}}},
        {"targets",
         {{"migrate_ratio_at_most_1_5", lastMigrateRatio <= 1.5},
          {"migrate_ratio_to_key_order_floor", lastKeyFloorRatio},
          {"migrate_cpu_bound_ratio", lastCpuBoundRatio},
          {"migrate_no_verify_cpu_bound_ratio", lastNoVerifyCpuBoundRatio},
          {"upstream_speedup_at_least_4", lastUpstreamSpeedup >= 4},
          {"upstream_speedup", lastUpstreamSpeedup},
          {"verify_at_most_migrate", verifyWithinMigrate},
          {"peak_under_300_mb", lastPeak < 300},
          {"peak_growth_with_largest_group_fixed", cappedGrowth},
          {"memory_level", memoryLevel},
          {"added_row_cost_ratio", slopeRatio},
          {"linear", linear}}}};
    QFile out(jsonPath);
    if (out.open(QIODevice::WriteOnly))
        out.write(QByteArray::fromStdString(document.dump(2) + "\n"));
    std::printf("figures written to %s\n", qPrintable(jsonPath));
    return 0;
}
