// Golden stores: the digest of every key and value written from a set of fixtures (every schema
// version, both key layouts, rejects, repairs, NULL groups, storage order and its fall-back to key
// order). A reshaping of the core must leave every digest as it is; a change of the format must
// change this file's table on purpose.
#include "fixture_generator.h"
#include "migrate/migration.h"
#include "source/source_database.h"
#include "test_database.h"

#include <QCryptographicHash>
#include <QTemporaryDir>
#include <QTest>

#include <nlohmann/json.hpp>

using namespace magellan;

namespace {

// Every rule of kv-format.md in a few rows: rejects, repairs (BLOB, invalid UTF-8), NULL groups,
// negative and huge numbers, paths with ':' and '\', all six tables.
const char *const rulesSql = R"sql(
CREATE TABLE code_chunks(id INTEGER PRIMARY KEY, file_path TEXT, byte_start INTEGER, byte_end INTEGER,
  content TEXT, content_hash TEXT, symbol_name TEXT, symbol_kind TEXT, created_at INTEGER);
INSERT INTO code_chunks VALUES
  (1, 'src/a.rs', 0, 12, 'fn main() {}', 'h1', 'main', 'fn', 1700000000),
  (2, 'C:\win\b.rs', -5, 9223372036854775807, 'é 日本', 'h2', NULL, NULL, '2024-01-01'),
  (3, 'src/a.rs', 0, 12, 'a duplicate span', 'h3', 'main', 'fn', 1),
  (4, 'src/c.rs', 'seven', 9, 'x', 'h4', NULL, NULL, 1),
  (5, NULL, 0, 1, 'no path', 'h5', NULL, NULL, 1),
  (6, 'src/blob.rs', 1, 2, X'FF00616263', 'h6', NULL, NULL, 1),
  (7, 'src/bad.rs', 1, 2, CAST(X'61FE62' AS TEXT), 'h7', NULL, NULL, 1),
  (8, CAST(X'C3' AS TEXT), 1, 2, 'path not utf-8', 'h8', NULL, NULL, 1),
  (9, 'src/real.rs', 2.5, 3, 'real offset', 'h9', NULL, NULL, 1),
  (10, 'src/inf.rs', 1, 2, 'infinite', 'h10', NULL, NULL, 1e999),
  (11, 'a:b/c%d.rs', 3, 4, 'escaped path', 'h11', 'x', 'fn', 2);
CREATE TABLE ast_nodes(id INTEGER PRIMARY KEY, parent_id INTEGER, kind TEXT, byte_start INTEGER,
  byte_end INTEGER, file_id INTEGER);
INSERT INTO ast_nodes VALUES
  (1, NULL, 'source_file', 0, 100, 7), (2, 1, 'function_item', 0, 50, 7),
  (3, NULL, 'orphan', 1, 2, NULL), (4, NULL, NULL, 1, 2, 7), (5, NULL, 'text file id', 1, 2, 'seven'),
  (6, NULL, 'root', 0, 9, -3), (7, NULL, 'second orphan', 3, 4, NULL),
  (8, NULL, CAST(X'41FF' AS TEXT), 5, 6, 7), (9, NULL, X'00FF', 5, 6, NULL);
CREATE TABLE cfg_blocks(id INTEGER PRIMARY KEY, function_id INTEGER, kind TEXT, terminator TEXT,
  byte_start INTEGER, byte_end INTEGER, start_line INTEGER, start_col INTEGER, end_line INTEGER,
  end_col INTEGER, cfg_hash TEXT, statements TEXT, coord_x REAL, cfg_condition TEXT, extra TEXT);
INSERT INTO cfg_blocks VALUES
  (1, 5, 'entry', 'goto', 0, 1, 1, 0, 1, 5, 'abc', '["let x = 1;","f(x)"]', 0.1, NULL, 'e'),
  (2, 5, 'exit', 'return', 1, 2, 2, 0, 2, 5, 'def', '[]', 1.0, 'x > 0', NULL),
  (3, NULL, 'entry', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
  (4, 'f', 'entry', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
CREATE TABLE file_metrics(file_path TEXT, loc INTEGER);
INSERT INTO file_metrics VALUES ('a:b.rs', 10), ('a:b.rs', 11), (NULL, 3);
CREATE TABLE execution_log(id INTEGER PRIMARY KEY, execution_id TEXT, outcome TEXT);
INSERT INTO execution_log VALUES (1, 'run-1', 'ok'), (2, '5', 'ok'), (3, NULL, 'no id');
CREATE TABLE symbol_metrics(symbol_id INTEGER, loc INTEGER);
INSERT INTO symbol_metrics VALUES (5, 1), ('5', 2), (-1, 3);
)sql";

// Several batches: a 5000-node AST group with rejects inside it, chunk texts larger than a batch,
// cfg groups across batch boundaries, NULL file ids spread through the table.
const char *const batchesSql =
    "CREATE TABLE code_chunks(id INTEGER PRIMARY KEY, file_path TEXT, byte_start INTEGER,"
    "  byte_end INTEGER, content TEXT, content_hash TEXT, symbol_name TEXT, symbol_kind TEXT,"
    "  created_at INTEGER);"
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000)"
    "INSERT INTO code_chunks SELECT i, 'src/f' || (i % 40) || '.rs', i, i + 10,"
    "  CASE WHEN i % 1000 = 0 THEN printf('%.*c', 300000, 'x')"
    "       WHEN i % 777 = 0 THEN CAST(X'41FF42' AS TEXT) ELSE 'fn f' || i || '() {}' END,"
    "  'h' || i, 'f' || i, 'fn', 1700000000 + i FROM n;"
    "CREATE TABLE ast_nodes(id INTEGER PRIMARY KEY, parent_id INTEGER, kind TEXT,"
    "  byte_start INTEGER, byte_end INTEGER, file_id INTEGER);"
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 9000)"
    "INSERT INTO ast_nodes SELECT i, NULLIF(i - 1, 0), CASE WHEN i % 1500 = 0 THEN NULL"
    "  ELSE 'kind' || (i % 7) END, i, i + 1,"
    "  CASE WHEN i <= 5000 THEN 1 WHEN i % 9 = 0 THEN NULL ELSE 2 + i % 50 END FROM n;"
    "CREATE TABLE cfg_blocks(id INTEGER PRIMARY KEY, function_id INTEGER, kind TEXT,"
    "  terminator TEXT, byte_start INTEGER, byte_end INTEGER, start_line INTEGER,"
    "  start_col INTEGER, end_line INTEGER, end_col INTEGER, statements TEXT, coord_x REAL);"
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 4000)"
    "INSERT INTO cfg_blocks SELECT i, CASE WHEN i % 999 = 0 THEN 'f' ELSE i / 700 END, 'block', "
    "'goto', i, i + 1, i, 0, i, 4,"
    "  '[\"s' || i || '\"]', CASE WHEN i % 999 = 0 THEN 'left' ELSE i / 3.0 END FROM n;";

// AST rows in storage order as an indexer writes them: interleaved files with orphans, a reject
// and a repair inside groups, 200 one-row files, a file met again later, falling ids.
const char *const storageOrderSql =
    "CREATE TABLE ast_nodes(id INTEGER, parent_id INTEGER, kind TEXT, byte_start INTEGER,"
    "  byte_end INTEGER, file_id INTEGER);"
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 6000)"
    "INSERT INTO ast_nodes SELECT i, NULLIF(i - 1, 0),"
    "  CASE WHEN i % 1000 = 0 THEN NULL WHEN i % 1234 = 0 THEN CAST(X'41FF' AS TEXT)"
    "       ELSE 'kind' || (i % 7) END, i, i + 1,"
    "  CASE WHEN i % 97 = 0 THEN NULL ELSE 1 + (i / 10) % 3 END FROM n;"
    "WITH RECURSIVE n(i) AS (SELECT 6001 UNION ALL SELECT i + 1 FROM n WHERE i < 6200)"
    "INSERT INTO ast_nodes SELECT i, NULL, 'one', i, i, 100 + i FROM n;"
    "WITH RECURSIVE n(i) AS (SELECT 6201 UNION ALL SELECT i + 1 FROM n WHERE i < 6210)"
    "INSERT INTO ast_nodes SELECT i, NULL, 'late', i, i, 2 FROM n;"
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 30)"
    "INSERT INTO ast_nodes SELECT 9000 - i, NULL, 'falling', i, i, 77 FROM n;";

// Too scattered for storage order (the scan falls back to key order): rows dealt round-robin.
const char *const scatteredSql =
    "CREATE TABLE ast_nodes(id INTEGER PRIMARY KEY, parent_id INTEGER, kind TEXT,"
    "  byte_start INTEGER, byte_end INTEGER, file_id INTEGER);"
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 80000)"
    "INSERT INTO ast_nodes SELECT i, NULL, 'k', i, i + 1, i % 300 FROM n;";

// meta:migration with what differs from run to run (times, paths, sizes of the temporary source)
// taken out; everything else in it is kept.
std::string stableMigrationRecord(const std::string &value) {
    nlohmann::ordered_json record = nlohmann::ordered_json::parse(value);
    std::function<void(nlohmann::ordered_json &)> strip = [&](nlohmann::ordered_json &node) {
        if (!node.is_object())
            return;
        for (auto it = node.begin(); it != node.end();) {
            const std::string &name = it.key();
            if (name.ends_with("_at") || name.ends_with("_ms") || name.ends_with("seconds") ||
                name == "path" || name == "source_path" || name == "size_bytes" ||
                name == "modified" || name == "tool_version")
                it = node.erase(it);
            else
                strip(*it++);
        }
    };
    strip(record);
    return record.dump();
}

// SHA-256 over every key and value of the store, each length-prefixed.
QString storeDigest(const QString &storePath) {
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const auto &[key, value] : test::readStore(storePath)) {
        const std::string kept = key == "meta:migration" ? stableMigrationRecord(value) : value;
        for (const std::string *part : {&key, &kept}) {
            const quint64 size = part->size();
            hash.addData(QByteArrayView(reinterpret_cast<const char *>(&size), sizeof size));
            hash.addData(QByteArrayView(part->data(), qsizetype(part->size())));
        }
    }
    return QString::fromLatin1(hash.result().toHex());
}

// Every table the source at `path` has: the optional ones too.
std::vector<SourceTable> tablesOf(const QString &path) {
    std::vector<SourceTable> tables;
    auto source = SourceDatabase::open(path, 1000);
    if (!source.isOk())
        return tables;
    auto info = source.value()->inspectColumns();
    if (!info.isOk())
        return tables;
    for (int t = 0; t <= int(SourceTable::SymbolMetrics); ++t)
        if (info.value().table(SourceTable(t)).exists)
            tables.push_back(SourceTable(t));
    return tables;
}

struct GoldenStore {
    const char *fixture; // "v{N}" (fixturegen, schema N), "v{N} wal", "v21 optional", or a SQL one
    const char *layout;
    const char *digest; // MAGELLAN_PRINT_GOLDEN=1 prints what a run computes
};

const GoldenStore goldenStores[] = {
    {"v5", "seed", "f939264d1fcaa1e3652e28230427d5699034574fd5af2e7a1e0e1559ba402567"},
    {"v5", "magellan", "6ca8e822f3a8d19554240b92383cdf285482cd86c4a37c05153f52331378e635"},
    {"v6", "seed", "431377f9121806078daf98abf9063d542b50ad134381b0823182c77b71eafe7b"},
    {"v6", "magellan", "ce6d98ce03337e182cb45b88a6eb6e946d53242dc7fdbe67acefb4c4301e6703"},
    {"v7", "seed", "5617236b7fa5db60bacf7cae5033ba30d0edfbf7f5b57bca91654ec926c95f1c"},
    {"v7", "magellan", "06ea5c29af7f5844f4669bcbec296c55f9a5ff3dfb0a13f0cb434bfa1f2a8f4e"},
    {"v8", "seed", "b453665a745255276c5e53e3a4feb553b0217a5466eb5ad2ad39fe09043a0937"},
    {"v8", "magellan", "61aafaf2d9ba9e0792b3696beb07efe3a61361a983c8cd2f91a28465b21a0bc8"},
    {"v9", "seed", "76fc3d6b626b4b5fa5ec5ae6ffb081a9798503bcd8987320489d7a8df5e477d0"},
    {"v9", "magellan", "02b62280b474c40465e7a836c0953da6870888ea30f660e8a787acc0d2aca48f"},
    {"v10", "seed", "9f205e8aeda10258b60392565b144f4233b845c228301f9a747e81a91adfc968"},
    {"v10", "magellan", "8385c84caef86c53d13b870d50c960289a987df9a0eabc8b65519a50fed1c840"},
    {"v11", "seed", "3a47abd1173e88ba8b5f91980ef6deadf5ba50cb508d8a50971e32cf91e6636a"},
    {"v11", "magellan", "1383a848729b81ff372b199f9fc69d0a72a17093ab37f900b3885fe21ec0ff2c"},
    {"v12", "seed", "10cadbc3077a7a2954986a0d7ce217f57e42ade039279a7e4cd4bf7c64fc27d4"},
    {"v12", "magellan", "4c5a726dd44c828a4808d99f5228b0717b47a98fff6402031af3c28da5ef0f2a"},
    {"v13", "seed", "181b499ef9922e35de5b9ed5dfd6895d1a170aed0fa215d6a312df833fad6262"},
    {"v13", "magellan", "727152241579622ac858e44494538a2d087e566dcfa7f4154c91e6dfd9a29fd4"},
    {"v14", "seed", "c8c38d526f1a0be076488d942d1677c39e578fa3d8a0b66c7646dffebf1fd69b"},
    {"v14", "magellan", "95522fdb8bbc5d4656cbcb0524c6109e2a850b6c78f76a648d6def36a4958606"},
    {"v15", "seed", "9d68b7bad28dacbea61600a00c15debfdfabeca016e371ba57b72a6c872fbd5d"},
    {"v15", "magellan", "267bab25f710e9b0da2ddb8c3d340dd7a56a9ca2e53aa73e72bc30709815c4dd"},
    {"v16", "seed", "b8e564fcab87c62fb3ad74e60d5bdf32540c0ee3e5bb9840ab3effd11a705ea5"},
    {"v16", "magellan", "5768060965129535e884357ed3b1d869c84b773da018926c2c863f62f9b8370d"},
    {"v17", "seed", "dc450fd949a8cef96c5f022e9d13d0138298fcaddcbb34061d7d014b88e4ea63"},
    {"v17", "magellan", "ba0f1b4d6bdbac9db2de43f2ce661ec9eead1375927addb32b4535dc9ff02c46"},
    {"v18", "seed", "2c5b9a0a023afd8346d099aeebc091648c87889c101d89537971cfdaa5a481d8"},
    {"v18", "magellan", "dd95f15cc609a2be39ee550a5f589606072797402b811e0d2cebb94b1dc404ce"},
    {"v19", "seed", "95f3d1ad4e6576f838acbc31a8d59e04a7a77504c70fa2ef6f74846a1224a031"},
    {"v19", "magellan", "5587717f1da9e2bfeb21f9ea07ebab514a461cd1b3599fd44eabe90332cd0713"},
    {"v20", "seed", "ee935a7b2e43a9c6f67307389fc472eac897b6b6efa9ff52e268f6e55b6a1317"},
    {"v20", "magellan", "efe4dca88d8642b9e25300b03922a3bbfb773759aa96e280dce6aca0d211b4d2"},
    {"v21", "seed", "5eb3d1e74ac9c9484e1866a53c7733f4bfa18f18f8acb4727e14a17e644239a1"},
    {"v21", "magellan", "37e525f8c723d606ba0dffcca1545674b32d539e66e9feb344ee8e167da4da68"},
    {"v21 wal", "seed", "5eb3d1e74ac9c9484e1866a53c7733f4bfa18f18f8acb4727e14a17e644239a1"},
    {"v21 wal", "magellan", "37e525f8c723d606ba0dffcca1545674b32d539e66e9feb344ee8e167da4da68"},
    {"v21 optional", "seed", "1811d9a2f91e603c40768a22fea61cafcb84b3627dd6f72a7ed38c105bcb3de5"},
    {"v21 optional", "magellan",
     "1f7a20c5667c300f7a25bcc96237d4bbb4baa77fdbf6d07996815b83ad995767"},
    {"rules", "seed", "c10d3aae63769a663731574bd37435034135a6042658367c70b72d14bc3b5d05"},
    {"rules", "magellan", "ee0f83e8792eff77d1885a16599d68c302868a95b30b92183618c005c7ae8c30"},
    {"batches", "seed", "f0b9651167bbdfaf2c0ea72579e1d92caf9d65aad6a32867e463fa5133468a4f"},
    {"batches", "magellan", "0498f9d420fdb29237660cc7c7647efc354238873dcd262a0d8a42e413b1b2be"},
    {"storage order", "seed", "a28050c54a35dd133da05df480506dc02d8a00aa2f41a7afd55aa50f2bb0e059"},
    {"storage order", "magellan",
     "25fea1b1c80c3fe8a4dc6f23c1ba91c644618c3909ae156eaef6451d0cc9feef"},
    {"scattered", "seed", "3a39347d42646805b7d2af8b287a94c4b21eee4cfe3880ace5e6799334a8e2e6"},
    {"scattered", "magellan", "ba58a6c0179c38fe19694cf57152670d158666cd9376aae9a61a149d25e71aca"},
};

} // namespace

class TestStoreGolden : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void storeBytesAreUnchanged_data() {
        QTest::addColumn<QString>("fixture"); // "v{N}", "v{N} wal", "v21 optional", or SQL name
        QTest::addColumn<QString>("layout");
        QTest::addColumn<QString>("digest");
        for (const GoldenStore &golden : goldenStores)
            QTest::addRow("%s %s", golden.fixture, golden.layout)
                << QString::fromUtf8(golden.fixture) << QString::fromUtf8(golden.layout)
                << QString::fromLatin1(golden.digest);
    }
    void storeBytesAreUnchanged() {
        QFETCH(QString, fixture);
        QFETCH(QString, layout);
        QFETCH(QString, digest);
        QTemporaryDir dir;
        const QString source = dir.filePath(QStringLiteral("code.db"));
        QCOMPARE(makeFixture(fixture, source), QString());
        MigrationOptions options;
        options.layout = *parseKeyLayout(layout);
        options.tables = tablesOf(source);
        const QString store = dir.filePath(QStringLiteral("code.kv"));
        const MigrationOutcome outcome = migrateDatabase(source, store, options, nullptr);
        QVERIFY2(outcome.status.isOk(), qPrintable(outcome.status.message()));
        const QString actual = storeDigest(store);
        if (qEnvironmentVariableIsSet("MAGELLAN_PRINT_GOLDEN"))
            qInfo("{\"%s\", \"%s\", \"%s\"},", qPrintable(fixture), qPrintable(layout),
                  qPrintable(actual));
        QCOMPARE(actual, digest);
    }

private:
    static QString makeFixture(const QString &fixture, const QString &path) {
        const std::map<QString, const char *> sql = {{"rules", rulesSql},
                                                     {"batches", batchesSql},
                                                     {"storage order", storageOrderSql},
                                                     {"scattered", scatteredSql}};
        if (const auto it = sql.find(fixture); it != sql.end())
            return test::createDatabase(path, QString::fromUtf8(it->second));
        fixture::FixtureSpec spec;
        spec.schemaVersion = fixture.section(' ', 0, 0).mid(1).toInt();
        spec.totalRows = 3000;
        spec.seed = static_cast<unsigned long long>(spec.schemaVersion);
        spec.walMode = fixture.endsWith(QLatin1String(" wal"));
        spec.optionalTables = fixture.endsWith(QLatin1String(" optional"));
        return QString::fromStdString(fixture::generateFixture(path.toStdString(), spec));
    }
};

QTEST_GUILESS_MAIN(TestStoreGolden)
#include "tst_store_golden.moc"
