// The store seen by file: files from chunk keys and graph_entities, a file's chunks in source
// order, its AST keys (several after re-indexing) and its functions with their block counts.
#include "browse/file_index.h"
#include "files_source.h"
#include "migrate/migration.h"
#include "source/source_database.h"
#include "store/kv_store.h"
#include "test_database.h"

#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace magellan;

Q_DECLARE_METATYPE(magellan::KeyLayout)
Q_DECLARE_METATYPE(std::vector<std::string>)

namespace {

const FileSummary *findFile(const FileListing &listing, const std::string &path) {
    for (const FileSummary &file : listing.files)
        if (file.path == path)
            return &file;
    return nullptr;
}

std::vector<std::string> paths(const FileListing &listing) {
    std::vector<std::string> all;
    for (const FileSummary &file : listing.files)
        all.push_back(file.path);
    return all;
}

QStringList pathList(const std::vector<std::string> &paths) {
    QStringList list;
    for (const std::string &path : paths)
        list << QString::fromStdString(path);
    return list;
}

} // namespace

class TestFileIndex : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_source = m_dir.filePath(QStringLiteral("code.db"));
        QCOMPARE(test::createDatabase(m_source, test::filesSourceSql()), QString());
        for (const KeyLayout layout : {KeyLayout::Seed, KeyLayout::Magellan}) {
            MigrationOptions options;
            options.layout = layout;
            const QString store = storePath(layout);
            const MigrationOutcome outcome = migrateDatabase(m_source, store, options, nullptr);
            QVERIFY2(outcome.status.isOk(), qPrintable(outcome.status.message()));
        }
    }

    void layouts_data() {
        QTest::addColumn<KeyLayout>("layout");
        QTest::newRow("seed") << KeyLayout::Seed;
        QTest::newRow("magellan") << KeyLayout::Magellan;
    }

    void everyFileWithItsCounts_data() { layouts_data(); }
    void everyFileWithItsCounts() {
        QFETCH(KeyLayout, layout);
        auto store = KvStore::open(storePath(layout), KvStore::Mode::ReadOnly);
        QVERIFY(store.isOk());
        auto source = SourceDatabase::open(m_source, 1000);
        QVERIFY(source.isOk());
        const Result<FileListing> listing =
            fileindex::listFiles(*store.value(), source.value().get(), layout, {}, {});
        QVERIFY2(listing.isOk(), qPrintable(listing.status().message()));
        QVERIFY(listing->sourceRead);
        QVERIFY(listing->note.isEmpty());
        // Sorted by bytes; empty.rs has nothing in the store, so it is not a file of the store.
        const std::vector<std::string> expected{"C:\\work\\odd:name.rs", "a",         "a:b",
                                                "docs/ünïcode.md",       "lib/re.py", "src/app.py",
                                                "tools/cli.rs"};
        QCOMPARE(paths(listing.value()), expected);
        struct Counts {
            std::string path;
            std::int64_t chunks, astKeys, astNodes, functions;
        };
        for (const Counts &want : std::vector<Counts>{{"src/app.py", 4, 1, 4, 2},
                                                      {"lib/re.py", 1, 2, 5, 1},
                                                      {"C:\\work\\odd:name.rs", 2, 1, 1, 0},
                                                      {"a", 2, 0, 0, 0},
                                                      {"a:b", 1, 0, 0, 0},
                                                      {"docs/ünïcode.md", 0, 1, 2, 0},
                                                      {"tools/cli.rs", 1, 0, 0, 1}}) {
            const FileSummary *file = findFile(listing.value(), want.path);
            QVERIFY2(file, want.path.c_str());
            QCOMPARE(file->chunks, want.chunks);
            QCOMPARE(file->astKeys, std::optional<std::int64_t>(want.astKeys));
            QCOMPARE(file->astNodes, std::optional<std::int64_t>(want.astNodes));
            QCOMPARE(file->functions, std::optional<std::int64_t>(want.functions));
        }
    }

    void chunksOnlyListsTheFilesWithoutReadingValues() {
        auto store = KvStore::open(storePath(KeyLayout::Seed), KvStore::Mode::ReadOnly);
        QVERIFY(store.isOk());
        auto source = SourceDatabase::open(m_source, 1000);
        QVERIFY(source.isOk());
        const Result<FileListing> listing = fileindex::listFiles(
            *store.value(), source.value().get(), KeyLayout::Seed, {}, {}, FileCounts::ChunksOnly);
        QVERIFY2(listing.isOk(), qPrintable(listing.status().message()));
        QVERIFY(listing->countsPending);
        QVERIFY(!listing->sourceRead);
        // The full listing's files, and the File entity with no key (empty.rs): telling it apart
        // needs its AST value.
        const std::vector<std::string> expected{"C:\\work\\odd:name.rs",
                                                "a",
                                                "a:b",
                                                "docs/ünïcode.md",
                                                "empty.rs",
                                                "lib/re.py",
                                                "src/app.py",
                                                "tools/cli.rs"};
        QCOMPARE(paths(listing.value()), expected);
        const FileSummary *app = findFile(listing.value(), "src/app.py");
        QCOMPARE(app->chunks, std::int64_t(4));
        QVERIFY(!app->astNodes && !app->functions);
        // Without a source there is nothing pending.
        const Result<FileListing> chunks = fileindex::listFiles(
            *store.value(), nullptr, KeyLayout::Seed, {}, {}, FileCounts::ChunksOnly);
        QVERIFY(chunks.isOk() && !chunks->countsPending);
    }

    void withoutTheSourceOnlyChunksAreKnown() {
        auto store = KvStore::open(storePath(KeyLayout::Seed), KvStore::Mode::ReadOnly);
        QVERIFY(store.isOk());
        const Result<FileListing> listing =
            fileindex::listFiles(*store.value(), nullptr, KeyLayout::Seed, {}, {});
        QVERIFY(listing.isOk());
        QVERIFY(!listing->sourceRead);
        QVERIFY(listing->note.contains(QStringLiteral("source")));
        const std::vector<std::string> expected{
            "C:\\work\\odd:name.rs", "a", "a:b", "lib/re.py", "src/app.py", "tools/cli.rs"};
        QCOMPARE(paths(listing.value()), expected);
        const FileSummary *app = findFile(listing.value(), "src/app.py");
        QCOMPARE(app->chunks, std::int64_t(4));
        QVERIFY(!app->astNodes && !app->astKeys && !app->functions);

        const Result<FileDetail> detail =
            fileindex::describeFile(*store.value(), nullptr, KeyLayout::Seed, "src/app.py", {});
        QVERIFY(detail.isOk());
        QCOMPARE(detail->chunks.size(), size_t(4));
        QVERIFY(detail->asts.empty() && detail->functions.empty());
        QVERIFY(!detail->sourceRead);
        QVERIFY(detail->note.contains(QStringLiteral("source")));
    }

    void aSourceWithoutGraphEntitiesSaysSo() {
        const QString bare = m_dir.filePath(QStringLiteral("bare.db"));
        QCOMPARE(test::createDatabase(bare, QStringLiteral("CREATE TABLE t(x);")), QString());
        auto store = KvStore::open(storePath(KeyLayout::Seed), KvStore::Mode::ReadOnly);
        auto source = SourceDatabase::open(bare, 1000);
        QVERIFY(source.isOk());
        const Result<FileListing> listing =
            fileindex::listFiles(*store.value(), source.value().get(), KeyLayout::Seed, {}, {});
        QVERIFY(listing.isOk());
        QVERIFY(!listing->sourceRead);
        QVERIFY2(listing->note.contains(QStringLiteral("graph_entities")),
                 qPrintable(listing->note));
        QVERIFY(listing->note.contains(bare));
    }

    void patternsNarrowTheFiles_data() {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<std::vector<std::string>>("expected");
        QTest::newRow("substring") << "re" << std::vector<std::string>{"lib/re.py"};
        QTest::newRow("either case") << "APP" << std::vector<std::string>{"src/app.py"};
        QTest::newRow("non-ASCII") << "ÜNÏ" << std::vector<std::string>{"docs/ünïcode.md"};
        QTest::newRow("colon") << "odd:" << std::vector<std::string>{"C:\\work\\odd:name.rs"};
        QTest::newRow("glob *") << "*.py" << std::vector<std::string>{"lib/re.py", "src/app.py"};
        QTest::newRow("glob ?") << "a?b" << std::vector<std::string>{"a:b"};
        QTest::newRow("glob anywhere") << "ï*.m" << std::vector<std::string>{"docs/ünïcode.md"};
        QTest::newRow("nothing") << "zzz" << std::vector<std::string>{};
    }
    void patternsNarrowTheFiles() {
        QFETCH(QString, pattern);
        QFETCH(std::vector<std::string>, expected);
        auto store = KvStore::open(storePath(KeyLayout::Seed), KvStore::Mode::ReadOnly);
        auto source = SourceDatabase::open(m_source, 1000);
        const Result<FileListing> listing = fileindex::listFiles(
            *store.value(), source.value().get(), KeyLayout::Seed, PathPattern(pattern), {});
        QVERIFY(listing.isOk());
        QCOMPARE(paths(listing.value()), expected);
    }

    void aFileInSourceOrder_data() { layouts_data(); }
    void aFileInSourceOrder() {
        QFETCH(KeyLayout, layout);
        auto store = KvStore::open(storePath(layout), KvStore::Mode::ReadOnly);
        auto source = SourceDatabase::open(m_source, 1000);
        const Result<FileDetail> detail =
            fileindex::describeFile(*store.value(), source.value().get(), layout, "src/app.py", {});
        QVERIFY2(detail.isOk(), qPrintable(detail.status().message()));
        QVERIFY(detail->sourceRead);
        std::vector<std::string> keys;
        for (const FileChunk &chunk : detail->chunks)
            keys.push_back(chunk.key);
        const std::vector<std::string> expected{
            "chunk:src/app.py:50:60", "chunk:src/app.py:697:800", "chunk:src/app.py:697:900",
            "chunk:src/app.py:11399:12497"};
        QCOMPARE(keys, expected);
        QCOMPARE(detail->chunks[0].symbolName, std::optional<std::string>());
        QCOMPARE(detail->chunks[1].symbolName, std::optional<std::string>("Config"));
        QCOMPARE(detail->chunks[1].symbolKind, std::optional<std::string>("class"));
        QCOMPARE(detail->chunks[3].byteStart, std::int64_t(11399));
        QCOMPARE(detail->chunks[3].byteEnd, std::int64_t(12497));

        const std::string astPrefix(kvkey::prefix(SourceTable::AstNodes, layout));
        const std::string cfgPrefix(kvkey::prefix(SourceTable::CfgBlocks, layout));
        QCOMPARE(detail->asts.size(), size_t(1));
        QVERIFY(!detail->reindexed());
        QCOMPARE(detail->asts[0].key, astPrefix + "1");
        QCOMPARE(detail->asts[0].fileId, std::int64_t(1));
        QCOMPARE(detail->asts[0].nodes, std::optional<std::int64_t>(4));
        QCOMPARE(detail->functions.size(), size_t(2)); // Config owns no blocks
        QCOMPARE(detail->functions[0].name, std::string("main"));
        QCOMPARE(detail->functions[0].functionId, std::int64_t(10));
        QCOMPARE(detail->functions[0].key, cfgPrefix + "10");
        QCOMPARE(detail->functions[0].blocks, std::optional<std::int64_t>(3));
        QCOMPARE(detail->functions[1].name, std::string("helper"));
        QCOMPARE(detail->functions[1].blocks, std::optional<std::int64_t>(2));
    }

    void aReindexedFileListsEveryAst() {
        auto store = KvStore::open(storePath(KeyLayout::Seed), KvStore::Mode::ReadOnly);
        auto source = SourceDatabase::open(m_source, 1000);
        const Result<FileDetail> detail = fileindex::describeFile(
            *store.value(), source.value().get(), KeyLayout::Seed, "lib/re.py", {});
        QVERIFY(detail.isOk());
        QVERIFY(detail->reindexed());
        QCOMPARE(detail->asts.size(), size_t(2));
        QCOMPARE(detail->asts[0].key, std::string("ast:4"));
        QCOMPARE(detail->asts[0].nodes, std::optional<std::int64_t>(2));
        QCOMPARE(detail->asts[1].key, std::string("ast:5"));
        QCOMPARE(detail->asts[1].nodes, std::optional<std::int64_t>(3));
        QCOMPARE(detail->functions.size(), size_t(1));
        QCOMPARE(detail->functions[0].blocks, std::optional<std::int64_t>(1));
    }

    void aPathIsNotConfusedWithALongerOne() {
        auto store = KvStore::open(storePath(KeyLayout::Seed), KvStore::Mode::ReadOnly);
        auto source = SourceDatabase::open(m_source, 1000);
        const Result<FileDetail> a =
            fileindex::describeFile(*store.value(), source.value().get(), KeyLayout::Seed, "a", {});
        QVERIFY(a.isOk());
        QCOMPARE(a->chunks.size(), size_t(2));
        QCOMPARE(a->chunks[0].key, std::string("chunk:a:1:2"));
        QCOMPARE(a->chunks[1].key, std::string("chunk:a:3:4"));
        const Result<FileDetail> colon = fileindex::describeFile(
            *store.value(), source.value().get(), KeyLayout::Seed, "C:\\work\\odd:name.rs", {});
        QVERIFY(colon.isOk());
        QCOMPARE(colon->chunks.size(), size_t(2));
        QCOMPARE(colon->chunks[0].key, std::string("chunk:C::\\work\\odd::name.rs:0:10"));
        QCOMPARE(colon->asts.size(), size_t(1));
    }

    void aFileWithAnAstAndNoChunk() {
        auto store = KvStore::open(storePath(KeyLayout::Seed), KvStore::Mode::ReadOnly);
        auto source = SourceDatabase::open(m_source, 1000);
        const Result<FileDetail> detail = fileindex::describeFile(
            *store.value(), source.value().get(), KeyLayout::Seed, "docs/ünïcode.md", {});
        QVERIFY(detail.isOk());
        QVERIFY(detail->chunks.empty());
        QCOMPARE(detail->asts.size(), size_t(1));
        QCOMPARE(detail->asts[0].key, std::string("ast:7"));
        QVERIFY(detail->asts[0].inStore);
        // A File entity with nothing stored is listed with its key, marked absent.
        const Result<FileDetail> none = fileindex::describeFile(
            *store.value(), source.value().get(), KeyLayout::Seed, "empty.rs", {});
        QVERIFY(none.isOk());
        QCOMPARE(none->asts.size(), size_t(1));
        QVERIFY(!none->asts[0].inStore);
        QVERIFY(!none->asts[0].nodes);
    }

    void cancelStopsTheListing() {
        // Enough chunk keys for the cancel check to be asked.
        std::vector<std::pair<std::string, std::string>> entries;
        for (int i = 0; i < 5000; ++i)
            entries.emplace_back(kvkey::chunk("f" + std::to_string(i % 50), i, i + 1),
                                 R"({"symbol_name":null})");
        const QString path = m_dir.filePath(QStringLiteral("many.kv"));
        QCOMPARE(test::writeStore(path, entries), QString());
        auto store = KvStore::open(path, KvStore::Mode::ReadOnly);
        int asked = 0;
        const Result<FileListing> listing = fileindex::listFiles(
            *store.value(), nullptr, KeyLayout::Seed, {}, [&] { return ++asked >= 3; });
        QVERIFY(!listing.isOk());
        QCOMPARE(listing.status().code(), Status::Code::Cancelled);
        QCOMPARE(asked, 3);
        const Result<FileListing> whole = fileindex::listFiles(
            *store.value(), nullptr, KeyLayout::Seed, {}, [] { return false; });
        QVERIFY(whole.isOk());
        QCOMPARE(whole->files.size(), size_t(50));
        QCOMPARE(whole->files.front().chunks, std::int64_t(100));
    }

    void theFirstFilesComeBeforeTheListing_data() {
        QTest::addColumn<int>("firstFiles");
        QTest::addColumn<std::vector<std::string>>("expected");
        // Chunk keys in key order: C:\work\odd::name.rs, a, a::b, lib/re.py, src/app.py,
        // tools/cli.rs; File entities without chunks (docs/ünïcode.md, empty.rs) come in where
        // their chunk keys would.
        QTest::newRow("two") << 2 << std::vector<std::string>{"C:\\work\\odd:name.rs", "a"};
        QTest::newRow("four") << 4
                              << std::vector<std::string>{
                                     "C:\\work\\odd:name.rs", "a",        "a:b",
                                     "docs/ünïcode.md",       "empty.rs", "lib/re.py"};
    }
    void theFirstFilesComeBeforeTheListing() {
        QFETCH(int, firstFiles);
        QFETCH(std::vector<std::string>, expected);
        auto store = KvStore::open(storePath(KeyLayout::Seed), KvStore::Mode::ReadOnly);
        auto source = SourceDatabase::open(m_source, 1000);
        QVERIFY(store.isOk() && source.isOk());
        std::vector<FileListing> first;
        ListingOptions options;
        options.counts = FileCounts::ChunksOnly;
        options.firstFiles = size_t(firstFiles);
        options.firstFilesReady = [&](FileListing listing) { first.push_back(std::move(listing)); };
        const Result<FileListing> listing = fileindex::listFiles(
            *store.value(), source.value().get(), KeyLayout::Seed, {}, {}, options);
        QVERIFY2(listing.isOk(), qPrintable(listing.status().message()));
        QCOMPARE(first.size(), size_t(1));
        QVERIFY(first[0].filesPending && first[0].countsPending && !first[0].sourceRead);
        QCOMPARE(pathList(paths(first[0])), pathList(expected));
        // Their counts are those of the whole listing, which is the one read in one step.
        const Result<FileListing> oneStep = fileindex::listFiles(
            *store.value(), source.value().get(), KeyLayout::Seed, {}, {}, FileCounts::ChunksOnly);
        QVERIFY(!listing->filesPending);
        QCOMPARE(paths(listing.value()), paths(oneStep.value()));
        for (const FileSummary &file : first[0].files)
            QCOMPARE(file.chunks, findFile(listing.value(), file.path)->chunks);
        // A store with no more files than asked for hands over no first files.
        first.clear();
        options.firstFiles = 6;
        QVERIFY(
            fileindex::listFiles(*store.value(), nullptr, KeyLayout::Seed, {}, {}, options).isOk());
        QVERIFY(first.empty());
    }

    void aSplitWalkListsAsOneThreadDoes() {
        // Enough table bytes for the store's middle key to fall among the chunk keys, with a
        // file whose keys the middle is likely to cut (long runs of keys per file).
        std::vector<std::pair<std::string, std::string>> entries;
        std::uint32_t noise = 12345;
        for (int i = 0; i < 24000; ++i) {
            std::string value(120, ' ');
            for (char &c : value) {
                noise = noise * 1103515245u + 12345u;
                c = char('a' + (noise >> 16) % 26); // barely compressible
            }
            entries.emplace_back(kvkey::chunk("dir" + std::to_string(i / 4000) + "/f" +
                                                  std::to_string(i / 1000) + ".py",
                                              i, i + 1),
                                 value);
        }
        entries.emplace_back("ast:1", "[]");
        std::sort(entries.begin(), entries.end());
        const QString path = m_dir.filePath(QStringLiteral("split.kv"));
        QCOMPARE(test::writeStore(path, entries), QString());
        auto store = KvStore::open(path, KvStore::Mode::ReadOnly);
        QVERIFY(store.isOk());
        const std::optional<std::string> middle = store.value()->approximateMiddleKey();
        QVERIFY(middle && middle->starts_with(kvkey::chunkPrefix));
        ListingOptions split, oneThread;
        split.splitWalk = true;
        const Result<FileListing> two =
            fileindex::listFiles(*store.value(), nullptr, KeyLayout::Seed, {}, {}, split);
        const Result<FileListing> one =
            fileindex::listFiles(*store.value(), nullptr, KeyLayout::Seed, {}, {}, oneThread);
        QVERIFY(two.isOk() && one.isOk());
        QCOMPARE(two->files.size(), size_t(24));
        QCOMPARE(paths(two.value()), paths(one.value()));
        for (size_t i = 0; i < one->files.size(); ++i)
            QCOMPARE(two->files[i].chunks, one->files[i].chunks);
        QCOMPARE(two->files.front().chunks, std::int64_t(1000));
        // A pattern narrows both halves; cancel stops both.
        const Result<FileListing> narrowed =
            fileindex::listFiles(*store.value(), nullptr, KeyLayout::Seed,
                                 PathPattern(QStringLiteral("f1*")), {}, split);
        const Result<FileListing> narrowedOne =
            fileindex::listFiles(*store.value(), nullptr, KeyLayout::Seed,
                                 PathPattern(QStringLiteral("f1*")), {}, oneThread);
        QVERIFY(narrowed.isOk() && narrowedOne.isOk());
        QCOMPARE(narrowed->files.size(), size_t(11)); // f1, f10..f19
        QCOMPARE(paths(narrowed.value()), paths(narrowedOne.value()));
        const Result<FileListing> stopped = fileindex::listFiles(
            *store.value(), nullptr, KeyLayout::Seed, {}, [] { return true; }, split);
        QCOMPARE(stopped.status().code(), Status::Code::Cancelled);
    }

    void arrayLengthCountsTopLevelElements_data() {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<int>("length"); // -1: not an array
        QTest::newRow("empty") << QByteArray("[]") << 0;
        QTest::newRow("objects") << QByteArray(R"([{"a":[1,2]},{"b":{"c":[]}},{}])") << 3;
        QTest::newRow("mixed") << QByteArray(R"([1,"x",null,[2,3],true])") << 5;
        QTest::newRow("object") << QByteArray(R"({"a":1})") << -1;
        QTest::newRow("scalar") << QByteArray("7") << -1;
        QTest::newRow("broken") << QByteArray("[1,2") << -1;
        QTest::newRow("not json") << QByteArray("\xff\xfe") << -1;
        QTest::newRow("spaced") << QByteArray(" [ 1 , { \"a\" : [ ] } ]\n") << 2;
        QTest::newRow("nested") << QByteArray("[[1,[2]],{\"k\":[3,\"]\"]},-1.5e3,false]") << 4;
        QTest::newRow("escapes") << QByteArray("[\"\\\"]\\\\\",{\"\\u00e9\":\"\\/\"}]") << 2;
        QTest::newRow("no comma") << QByteArray("[1 2]") << -1;
        QTest::newRow("trailing comma") << QByteArray("[1,]") << -1;
        QTest::newRow("bad escape") << QByteArray("[\"\\q\"]") << -1;
        QTest::newRow("bad literal") << QByteArray("[tru]") << -1;
        QTest::newRow("no colon") << QByteArray("[{\"a\" 1}]") << -1;
        QTest::newRow("mismatched") << QByteArray("[{]}") << -1;
        QTest::newRow("after the end") << QByteArray("[1] 2") << -1;
        QTest::newRow("raw control") << QByteArray("[\"a\tb\"]") << -1;
    }
    void arrayLengthCountsTopLevelElements() {
        QFETCH(QByteArray, value);
        QFETCH(int, length);
        const auto counted = fileindex::arrayLength(std::string_view(value.data(), value.size()));
        QCOMPARE(counted.has_value(), length >= 0);
        if (counted)
            QCOMPARE(*counted, std::int64_t(length));
    }

private:
    QString storePath(KeyLayout layout) const {
        return m_dir.filePath(layout == KeyLayout::Seed ? QStringLiteral("seed.kv")
                                                        : QStringLiteral("magellan.kv"));
    }

    QTemporaryDir m_dir;
    QString m_source;
};

QTEST_GUILESS_MAIN(TestFileIndex)
#include "tst_file_index.moc"
