// Find in values and the Files view's first screen, on a migrated store (default: a 3,000,000-row
// generated source, migrated in-process).
//
// Find in values: values scanned per second for a substring, a case-folded substring, a regular
// expression and the scoped searches, against a plain cursor walk over the same key range
// measured in the same run (every value touched, nothing searched). Also a regular expression
// engine comparison on the decoded chunk contents: std::regex against QRegularExpression (PCRE2,
// JIT).
//
// Files view: the time from asking the Files view to show a freshly opened store to the first
// rows of its model (signal filesShown) and to every file listed, with and without the source
// database, against a walk over the keys of the chunk: range measured in the same run; and the
// listing alone, on one thread and split over two.
//
//     bench_value_search [ROWS | --store DIR [--source DB]] [--repeat N] [--json FILE]
//                        [--files-keys N] [--files-store DIR (kept; generated when absent)]
//                        [--files-only]
#include "browse/value_search.h"
#include "browse/file_index.h"
#include "browse/file_tree.h"
#include "browse/source_comparison.h"
#include "files_model.h"
#include "files_view.h"
#include "fixture_generator.h"
#include "format/key_codec.h"
#include "migrate/migration.h"
#include "source/source_database.h"
#include "store/bulk_load_sink.h"
#include "store/kv_store.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>
#include <regex>

using namespace magellan;

namespace {

double secondsOf(const std::function<void()> &work, int repeats) {
    double best = 1e300;
    for (int i = 0; i < repeats; ++i) {
        QElapsedTimer timer;
        timer.start();
        work();
        best = std::min(best, timer.nsecsElapsed() / 1e9);
    }
    return best;
}

struct Walk {
    std::int64_t values = 0, bytes = 0;
};

// The baseline: every value of the range read, nothing searched.
Walk walkValues(const KvStore &store, const std::string &prefix) {
    Walk walk;
    const auto cursor = store.cursor();
    for (cursor->seek(prefix); cursor->isValid() && cursor->key().starts_with(prefix);
         cursor->next()) {
        ++walk.values;
        walk.bytes += std::int64_t(cursor->value().size());
    }
    return walk;
}

std::string_view scopePrefix(SearchScope scope) {
    switch (scope) {
    case SearchScope::ChunkContent:
    case SearchScope::SymbolNames:
        return kvkey::chunkPrefix;
    case SearchScope::AstKinds:
        return kvkey::astPrefix;
    case SearchScope::AnyValue:
        break;
    }
    return {};
}

// A store of `keys` keys shaped like a large index: 90% chunk keys, 30 to a file, with chunk
// values of about 600 bytes, then ast and cfg groups.
void generateStore(const QString &path, long long keys) {
    auto store = KvStore::open(path, KvStore::Mode::CreateNew);
    BulkLoadSink sink(*store.value(), path + QStringLiteral(".tables"));
    const std::string body(480, 'x');
    long long written = 0;
    for (long long file = 0; written < keys * 9 / 10; ++file) {
        const std::string path = "src/module_" + std::to_string(file % 211) + "/part_" +
                                 std::to_string(file % 13) + "/file_" + std::to_string(file) +
                                 ".py";
        for (int chunk = 0; chunk < 30; ++chunk, ++written)
            sink.put(kvkey::chunk(path, chunk * 100, chunk * 100 + 99),
                     R"({"id":)" + std::to_string(written) + R"(,"file_path":")" + path +
                         R"(","byte_start":0,"byte_end":99,"content":"def f():\n)" + body +
                         R"(","content_hash":"0","symbol_name":"f","symbol_kind":"function",)"
                         R"("created_at":null})");
    }
    const std::string nodes = R"([{"id":1,"parent_id":null,"kind":"module"}])";
    for (long long id = 0; written < keys; ++id, written += 2) {
        sink.put(kvkey::group(kvkey::astPrefix, id), nodes);
        sink.put(kvkey::group(kvkey::cfgPrefix, id), nodes);
    }
    sink.finish();
}

// Seconds, best of `repeat`, from asking a Files view to show the store at `storePath`, opened
// afresh, to the first rows of its model (`first`) and to every file listed (`whole`; with the
// source, before the AST and function counts); `files` the files it then lists.
struct FirstScreen {
    double first = 1e300, whole = 1e300;
    std::int64_t files = 0;
};

FirstScreen firstScreenSeconds(const QString &storePath, const QString &source, int repeat) {
    FirstScreen best;
    for (int i = 0; i < repeat; ++i) {
        QElapsedTimer timer;
        timer.start();
        auto fresh = KvStore::open(storePath, KvStore::Mode::ReadOnly);
        const std::shared_ptr<const KvStore> viewed(std::move(fresh.value()));
        FilesView view(viewed, detectKeyLayout(*viewed));
        view.resize(460, 700);
        view.show();
        if (!source.isEmpty())
            view.setSourcePath(source);
        double first = 0, whole = 0;
        QEventLoop loop; // waits without spinning: the listing's threads keep the cores
        QObject::connect(&view, &FilesView::filesShown, [&] {
            const double now = timer.nsecsElapsed() / 1e9;
            if (first == 0)
                first = now;
            if (whole == 0 && !view.model()->listing()->filesPending) {
                whole = now;
                loop.quit();
            }
        });
        QTimer::singleShot(120000, &loop, &QEventLoop::quit);
        view.ensureLoaded();
        if (whole == 0)
            loop.exec();
        if (whole == 0 || view.model()->rowCount() == 0)
            std::abort();
        best.first = std::min(best.first, first);
        best.whole = std::min(best.whole, whole);
        best.files = view.model()->matchingFiles();
    }
    return best;
}

double chunkKeyWalkSeconds(const QString &storePath, int repeat) {
    auto opened = KvStore::open(storePath, KvStore::Mode::ReadOnly);
    const auto &store = opened.value();
    return secondsOf(
        [&] {
            const auto cursor = store->cursor();
            std::int64_t n = 0;
            for (cursor->seek(kvkey::chunkPrefix);
                 cursor->isValid() && cursor->key().starts_with(kvkey::chunkPrefix); cursor->next())
                n += cursor->key().size() > 0;
            if (n < 0)
                std::abort();
        },
        repeat);
}

} // namespace

int main(int argc, char **argv) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    long long rows = 3000000;
    int repeat = 3;
    long long filesKeys = 1300000;
    QString storePath, sourcePath, jsonPath, filesStore;
    bool filesOnly = false; // the Files view only, no search
    for (int i = 1; i < argc; ++i) {
        const QString arg = QString::fromLocal8Bit(argv[i]);
        if (arg == QLatin1String("--store") && i + 1 < argc)
            storePath = QString::fromLocal8Bit(argv[++i]);
        else if (arg == QLatin1String("--source") && i + 1 < argc)
            sourcePath = QString::fromLocal8Bit(argv[++i]);
        else if (arg == QLatin1String("--repeat") && i + 1 < argc)
            repeat = std::max(1, std::atoi(argv[++i]));
        else if (arg == QLatin1String("--files-store") && i + 1 < argc)
            filesStore = QString::fromLocal8Bit(argv[++i]);
        else if (arg == QLatin1String("--files-keys") && i + 1 < argc)
            filesKeys = std::atoll(argv[++i]);
        else if (arg == QLatin1String("--files-only"))
            filesOnly = true;
        else if (arg == QLatin1String("--json") && i + 1 < argc)
            jsonPath = QString::fromLocal8Bit(argv[++i]);
        else
            rows = std::atoll(argv[i]);
    }

    QTemporaryDir dir(QDir::tempPath() + QStringLiteral("/bench_value_search-XXXXXX"));
    if (storePath.isEmpty()) {
        sourcePath = dir.filePath(QStringLiteral("code.db"));
        storePath = dir.filePath(QStringLiteral("code.kv"));
        fixture::FixtureSpec spec;
        spec.totalRows = rows;
        if (const std::string error = fixture::generateFixture(sourcePath.toStdString(), spec);
            !error.empty()) {
            std::fprintf(stderr, "%s\n", error.c_str());
            return 1;
        }
        const MigrationOutcome outcome = migrateDatabase(sourcePath, storePath, {}, nullptr);
        if (!outcome.status.isOk()) {
            std::fprintf(stderr, "%s\n", qPrintable(outcome.status.message()));
            return 1;
        }
    } else {
        rows = 0;
    }
    Result<std::unique_ptr<KvStore>> opened = KvStore::open(storePath, KvStore::Mode::ReadOnly);
    if (!opened.isOk()) {
        std::fprintf(stderr, "%s\n", qPrintable(opened.status().message()));
        return 1;
    }
    const std::shared_ptr<const KvStore> store(std::move(opened.value()));

    QJsonObject json;
    json[QStringLiteral("rows")] = rows;
    json[QStringLiteral("repeat")] = repeat;
    std::printf("find in values, %s store (%s), best of %d\n",
                rows ? qPrintable(QStringLiteral("%1-row").arg(rows)) : "given",
                qPrintable(storePath), repeat);
    const Walk all = walkValues(*store, "");
    const Walk chunks = walkValues(*store, std::string(kvkey::chunkPrefix));
    const Walk asts = walkValues(*store, std::string(kvkey::astPrefix));
    std::printf("  keys: %lld (%lld chunk:, %lld ast:), values %.1f MB\n", (long long)all.values,
                (long long)chunks.values, (long long)asts.values, all.bytes / 1e6);
    json[QStringLiteral("keys")] = qint64(all.values);
    json[QStringLiteral("chunk_keys")] = qint64(chunks.values);
    json[QStringLiteral("ast_keys")] = qint64(asts.values);
    json[QStringLiteral("value_bytes")] = qint64(all.bytes);

    if (!filesOnly) { // find in values
        // Baselines by range: a cursor walk that reads every value and searches nothing.
        std::map<std::string, double> baseline;
        for (const std::string prefix :
             {std::string(), std::string(kvkey::chunkPrefix), std::string(kvkey::astPrefix)})
            baseline[prefix] = secondsOf([&] { walkValues(*store, prefix); }, repeat);

        struct Case {
            const char *name;
            QString text;
            bool regex;
            bool caseSensitive;
            SearchScope scope;
        };
        const Case cases[] = {
            {"any value, substring, no match", QStringLiteral("zq_never_there"), false, true,
             SearchScope::AnyValue},
            {"any value, substring, case folded", QStringLiteral("ZQ_NEVER_THERE"), false, false,
             SearchScope::AnyValue},
            {"any value, substring, common", QStringLiteral("function_definition"), false, true,
             SearchScope::AnyValue},
            {"any value, regex", QStringLiteral("zq_\\w+_there"), true, true,
             SearchScope::AnyValue},
            {"chunk content, substring", QStringLiteral("return"), false, false,
             SearchScope::ChunkContent},
            {"chunk content, substring, no match", QStringLiteral("zq_never_there"), false, false,
             SearchScope::ChunkContent},
            {"chunk content, regex", QStringLiteral("def \\w+\\("), true, true,
             SearchScope::ChunkContent},
            {"symbol names, substring", QStringLiteral("handler"), false, false,
             SearchScope::SymbolNames},
            {"ast kinds, substring", QStringLiteral("call"), false, false, SearchScope::AstKinds},
            {"ast kinds, regex", QStringLiteral("^(if|for)_statement$"), true, true,
             SearchScope::AstKinds},
        };
        std::printf("  %-38s %9s %12s %10s %9s %9s\n", "search", "seconds", "values/s", "MB/s",
                    "matched", "vs walk");
        QJsonArray searches;
        for (const std::string prefix :
             {std::string(), std::string(kvkey::chunkPrefix), std::string(kvkey::astPrefix)}) {
            const Walk &range = prefix.empty() ? all : prefix == kvkey::chunkPrefix ? chunks : asts;
            std::printf("  %-38s %9.3f %12.0f %10.1f %9s %9s\n",
                        qPrintable(QStringLiteral("walk of %1 (baseline)")
                                       .arg(prefix.empty() ? QStringLiteral("all values")
                                                           : QString::fromStdString(prefix))),
                        baseline[prefix], range.values / baseline[prefix],
                        range.bytes / 1e6 / baseline[prefix], "", "1.00x");
            QJsonObject row;
            row[QStringLiteral("search")] =
                QStringLiteral("walk %1").arg(QString::fromStdString(prefix));
            row[QStringLiteral("seconds")] = baseline[prefix];
            row[QStringLiteral("values_per_second")] = range.values / baseline[prefix];
            searches.append(row);
        }
        for (const Case &each : cases) {
            ValueQuery query;
            query.text = each.text;
            query.regularExpression = each.regex;
            query.caseSensitive = each.caseSensitive;
            query.scope = each.scope;
            const auto search = ValueSearch::prepare(query);
            if (!search.isOk()) {
                std::fprintf(stderr, "%s\n", qPrintable(search.status().message()));
                return 1;
            }
            SearchProgress progress;
            const double seconds = secondsOf(
                [&] {
                    progress = {};
                    SearchCallbacks callbacks;
                    callbacks.onMatch = [](ValueMatch) {};
                    const auto ended = search.value()->run(*store, {}, progress, callbacks);
                    if (!ended.isOk())
                        std::abort();
                },
                repeat);
            const double walk = baseline[std::string(scopePrefix(each.scope))];
            std::printf("  %-38s %9.3f %12.0f %10.1f %9lld %8.2fx\n", each.name, seconds,
                        progress.valuesScanned / seconds, progress.bytesScanned / 1e6 / seconds,
                        (long long)progress.matchedValues, seconds / walk);
            QJsonObject row;
            row[QStringLiteral("search")] = QString::fromLatin1(each.name);
            row[QStringLiteral("query")] = each.text;
            row[QStringLiteral("seconds")] = seconds;
            row[QStringLiteral("values_scanned")] = qint64(progress.valuesScanned);
            row[QStringLiteral("values_per_second")] = progress.valuesScanned / seconds;
            row[QStringLiteral("mb_per_second")] = progress.bytesScanned / 1e6 / seconds;
            row[QStringLiteral("matched_values")] = qint64(progress.matchedValues);
            row[QStringLiteral("ratio_to_walk")] = seconds / walk;
            searches.append(row);
        }
        json[QStringLiteral("searches")] = searches;

        // Regular expression engines on the decoded chunk contents (what a scoped search matches).
        std::vector<std::string> contents;
        {
            const auto cursor = store->cursor();
            for (cursor->seek(kvkey::chunkPrefix);
                 cursor->isValid() && cursor->key().starts_with(kvkey::chunkPrefix);
                 cursor->next()) {
                const std::string_view value = cursor->value();
                const size_t at = value.find("\"content\":\"");
                if (at == std::string_view::npos)
                    continue;
                const size_t from = at + 11;
                size_t end = from;
                while (end < value.size() && value[end] != '"')
                    end += value[end] == '\\' ? 2 : 1;
                if (auto decoded = valuesearch::decodeJsonString(value.substr(from, end - from)))
                    contents.push_back(std::move(*decoded));
            }
        }
        const char *pattern = R"(def \w+\(self)";
        std::int64_t stdHits = 0, qtHits = 0;
        const std::regex stdRegex(pattern, std::regex::ECMAScript | std::regex::optimize);
        const double stdSeconds = secondsOf(
            [&] {
                stdHits = 0;
                for (const std::string &text : contents)
                    stdHits += std::regex_search(text, stdRegex) ? 1 : 0;
            },
            repeat);
        QRegularExpression qtRegex(QString::fromLatin1(pattern),
                                   QRegularExpression::MultilineOption);
        qtRegex.optimize();
        const double qtSeconds = secondsOf(
            [&] {
                qtHits = 0;
                for (const std::string &text : contents)
                    qtHits += qtRegex.match(QString::fromUtf8(text.data(), qsizetype(text.size())))
                                      .hasMatch()
                                  ? 1
                                  : 0;
            },
            repeat);
        std::printf("  regex engines on %zu chunk contents, /%s/: std::regex %.3f s (%lld hits), "
                    "QRegularExpression %.3f s (%lld hits, UTF-16 conversion included) = %.1fx "
                    "faster\n",
                    contents.size(), pattern, stdSeconds, (long long)stdHits, qtSeconds,
                    (long long)qtHits, stdSeconds / qtSeconds);
        json[QStringLiteral("regex_engines")] =
            QJsonObject{{QStringLiteral("contents"), qint64(contents.size())},
                        {QStringLiteral("std_regex_seconds"), stdSeconds},
                        {QStringLiteral("qregularexpression_seconds"), qtSeconds}};
    }
    // Files view: first screen, on a store opened afresh each time: the store above with and
    // without its source, and a generated store of filesKeys keys (no source).
    std::printf("files view, first screen (time to the first model rows), best of %d\n", repeat);
    QJsonArray files;
    const auto firstScreen = [&](const QString &name, const QString &path, const QString &source) {
        const double walk = chunkKeyWalkSeconds(path, repeat);
        // Its parts, one after the other on this thread: open, list, build the tree.
        std::unique_ptr<KvStore> parts;
        const double open = secondsOf(
            [&] { parts = std::move(KvStore::open(path, KvStore::Mode::ReadOnly).value()); },
            repeat);
        std::unique_ptr<SourceDatabase> sourceDb;
        if (!source.isEmpty())
            sourceDb = std::move(SourceDatabase::open(source, 2000).value());
        FileListing listing;
        const auto listSeconds = [&](bool split) {
            ListingOptions options;
            options.splitWalk = split;
            return secondsOf(
                [&] {
                    listing =
                        std::move(fileindex::listFiles(*parts, sourceDb.get(),
                                                       detectKeyLayout(*parts), {}, {}, options)
                                      .value());
                },
                repeat);
        };
        const double listOne = listSeconds(false);
        const double listSplit = listSeconds(true);
        const double build = secondsOf(
            [&] { (void)FileTree::build(listing.files, PathPattern(QString()), {}); }, repeat);
        std::printf(
            "  %-52s open %.3f s, list %.3f s (split over two threads %.3f s), tree %.3f s\n", "",
            open, listOne, listSplit, build);
        const FirstScreen screen = firstScreenSeconds(path, source, repeat);
        std::printf("  %-52s first screen %.3f s, every file %.3f s (walk over its chunk: keys "
                    "%.3f s), %lld files\n",
                    qPrintable(name), screen.first, screen.whole, walk, (long long)screen.files);
        files.append(QJsonObject{{QStringLiteral("case"), name},
                                 {QStringLiteral("seconds"), screen.first},
                                 {QStringLiteral("every_file_seconds"), screen.whole},
                                 {QStringLiteral("chunk_key_walk_seconds"), walk},
                                 {QStringLiteral("list_one_thread_seconds"), listOne},
                                 {QStringLiteral("list_split_seconds"), listSplit},
                                 {QStringLiteral("files"), qint64(screen.files)}});
    };
    firstScreen(QStringLiteral("this store, without its source (chunks only)"), storePath, {});
    if (!sourcePath.isEmpty())
        firstScreen(QStringLiteral("this store, with its source (AST and functions)"), storePath,
                    sourcePath);
    if (filesKeys > 0) {
        const QString generated =
            filesStore.isEmpty() ? dir.filePath(QStringLiteral("files.kv")) : filesStore;
        if (!QFileInfo::exists(generated))
            generateStore(generated, filesKeys);
        firstScreen(QStringLiteral("generated store of %1 keys").arg(filesKeys), generated, {});
    }
    json[QStringLiteral("files_view_first_screen")] = files;

    if (!jsonPath.isEmpty()) {
        QFile out(jsonPath);
        if (out.open(QIODevice::WriteOnly))
            out.write(QJsonDocument(json).toJson());
    }
    return 0;
}
