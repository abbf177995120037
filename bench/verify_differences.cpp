// What localising differences costs. For a generated database of ROWS rows (default 3,000,000):
//   verify    `magellan-kv verify` on the store as migrated (nothing differs), the baseline;
//   before    the same with the binary given by --before PATH (an older build), when given: the
//             cost of this round's additions on an equal store (orphans, repair lists);
//   differs   `magellan-kv verify --json` on a copy of the store with TAMPER keys deleted and as
//             many values changed (--tamper, default 500), which lists every difference.
// Each with its wall time, CPU time and peak resident memory, as a ratio to `verify`; with
// --repeat N the best of N rounds (peak memory the highest). Writes the figures as JSON to the
// path given by --json (default verify_differences.json here).
#include "fixture_generator.h"
#include "process_run.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <nlohmann/json.hpp>
#include <rocksdb/db.h>

#include <cstdio>
#include <unistd.h>

using namespace magellan;
using namespace magellan::bench;

namespace {

struct BestOf {
    Run best{.seconds = 1e300, .peakMb = 0, .cpuSeconds = 1e300, .exitCode = 0};
    void add(const Run &run) {
        best.seconds = std::min(best.seconds, run.seconds);
        best.cpuSeconds = std::min(best.cpuSeconds, run.cpuSeconds);
        best.peakMb = std::max(best.peakMb, run.peakMb);
        best.exitCode = std::max(best.exitCode, run.exitCode);
    }
};

// Deletes `count` keys and changes `count` values, spread evenly over the chunk, ast and cfg keys.
bool tamper(const QString &store, int count) {
    rocksdb::DB *db = nullptr;
    if (!rocksdb::DB::Open({}, store.toStdString(), &db).ok())
        return false;
    std::unique_ptr<rocksdb::DB> owned(db);
    std::vector<std::string> keys;
    std::unique_ptr<rocksdb::Iterator> it(db->NewIterator({}));
    for (it->SeekToFirst(); it->Valid(); it->Next())
        if (!it->key().starts_with("meta:") && !it->key().starts_with("reject:"))
            keys.push_back(it->key().ToString());
    it.reset();
    const size_t step = std::max<size_t>(1, keys.size() / (2 * size_t(count)));
    int changed = 0;
    for (size_t i = 0, n = 0; i < keys.size() && n < size_t(2 * count); i += step, ++n) {
        if (n % 2 == 0) {
            if (!db->Delete({}, keys[i]).ok())
                return false;
            continue;
        }
        std::string value;
        if (!db->Get({}, keys[i], &value).ok())
            return false;
        const size_t at = value.find("\"kind\":\"");
        if (at == std::string::npos)
            value.insert(value.size() - (value.back() == ']' ? 2 : 1), " ");
        else
            value.insert(at + 8, "x");
        if (!db->Put({}, keys[i], value).ok())
            return false;
        ++changed;
    }
    return db->Flush({}).ok();
}

} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    long long rows = 3000000;
    int repeat = 1;
    int tampered = 500;
    QString before;
    QString jsonPath = QDir::current().filePath(QStringLiteral("verify_differences.json"));
    for (int i = 1; i < argc; ++i) {
        const QString argument = QString::fromLocal8Bit(argv[i]);
        if (argument == QLatin1String("--json") && i + 1 < argc)
            jsonPath = QString::fromLocal8Bit(argv[++i]);
        else if (argument == QLatin1String("--repeat") && i + 1 < argc)
            repeat = std::max(1, std::atoi(argv[++i]));
        else if (argument == QLatin1String("--tamper") && i + 1 < argc)
            tampered = std::max(1, std::atoi(argv[++i]));
        else if (argument == QLatin1String("--before") && i + 1 < argc)
            before = QString::fromLocal8Bit(argv[++i]);
        else
            rows = std::atoll(argv[i]);
    }
    const QString tool =
        QCoreApplication::applicationDirPath() + QStringLiteral("/../bin/magellan-kv");
    QTemporaryDir dir;
    const QString source = dir.filePath(QStringLiteral("code.db"));
    fixture::FixtureSpec spec;
    spec.totalRows = rows;
    if (const std::string error = fixture::generateFixture(source.toStdString(), spec);
        !error.empty()) {
        std::fprintf(stderr, "%s\n", error.c_str());
        return 2;
    }
    const QString store = dir.filePath(QStringLiteral("code.kv"));
    if (runProcess({tool, QStringLiteral("migrate"), source, store}).exitCode != 0) {
        std::fprintf(stderr, "migrate failed\n");
        return 1;
    }
    const QString differs = dir.filePath(QStringLiteral("differs.kv"));
    if (runProcess({QStringLiteral("/bin/cp"), QStringLiteral("-r"), store, differs}).exitCode !=
            0 ||
        !tamper(differs, tampered)) {
        std::fprintf(stderr, "cannot tamper with a copy of the store\n");
        return 1;
    }
    BestOf verify, older, differing;
    const QString listing = dir.filePath(QStringLiteral("differences.json"));
    for (int round = 0; round < repeat; ++round) {
        verify.add(runProcess({tool, QStringLiteral("verify"), source, store}));
        if (!before.isEmpty())
            older.add(runProcess({before, QStringLiteral("verify"), source, store}));
        differing.add(runProcess(
            {tool, QStringLiteral("verify"), source, differs, QStringLiteral("--json")}, listing));
    }
    QFile listed(listing);
    qint64 total = -1;
    qint64 shown = -1;
    if (listed.open(QIODevice::ReadOnly)) {
        const QJsonObject report = QJsonDocument::fromJson(listed.readAll()).object();
        total = report[QStringLiteral("differences_total")].toInteger(-1);
        shown = report[QStringLiteral("differences")].toArray().size();
    }
    const Run &base = verify.best;
    std::printf("verify and its differences, %lld rows (ratios to verify on the equal store)\n",
                rows);
    std::printf("%-34s %8s %7s %8s %8s\n", "", "wall s", "ratio", "CPU s", "peak MB");
    const auto line = [&](const char *name, const Run &run) {
        std::printf("%-34s %8.2f %6.2fx %8.2f %8.0f\n", name, run.seconds,
                    run.seconds / base.seconds, run.cpuSeconds, run.peakMb);
    };
    line("verify (equal store)", base);
    if (!before.isEmpty())
        line("verify, the binary before (equal)", older.best);
    line("verify --json (store differs)", differing.best);
    std::printf("differences found: %lld (%lld listed) for %d keys deleted and %d changed\n", total,
                shown, tampered, tampered);
    nlohmann::ordered_json json = {
        {"date", QDateTime::currentDateTimeUtc().toString(Qt::ISODate).toStdString()},
        {"rows", rows},
        {"cores", sysconf(_SC_NPROCESSORS_ONLN)},
        {"repeat", repeat},
        {"verify_s", base.seconds},
        {"verify_cpu_s", base.cpuSeconds},
        {"verify_peak_mb", base.peakMb},
        {"differs_s", differing.best.seconds},
        {"differs_cpu_s", differing.best.cpuSeconds},
        {"differs_peak_mb", differing.best.peakMb},
        {"differences_total", total},
        {"differences_listed", shown},
        {"keys_deleted", tampered},
        {"keys_changed", tampered}};
    if (!before.isEmpty()) {
        json["before_verify_s"] = older.best.seconds;
        json["before_verify_peak_mb"] = older.best.peakMb;
        json["verify_vs_before"] = base.seconds / older.best.seconds;
    }
    QFile out(jsonPath);
    if (out.open(QIODevice::WriteOnly))
        out.write(QByteArray::fromStdString(json.dump(2) + "\n"));
    return base.exitCode == 0 && (differing.best.exitCode == 1) ? 0 : 1;
}
