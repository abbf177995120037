#include "migrate/difference_finder.h"
#include "migrate/migration.h"
#include "sample_sources.h"
#include "test_database.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <tuple>

using namespace magellan;

namespace {

// A small source with each shape the finder meets: single-row chunks (one with a BLOB, which is
// stored repaired), AST groups whose rowids are not their ids, the NULL group, a rejected row (kind
// NULL) and CFG groups.
const char *const sourceSql = R"sql(
CREATE TABLE code_chunks(id INTEGER PRIMARY KEY, file_path TEXT NOT NULL, byte_start INTEGER NOT NULL,
  byte_end INTEGER NOT NULL, content TEXT NOT NULL, content_hash TEXT NOT NULL, symbol_name TEXT,
  symbol_kind TEXT, created_at INTEGER NOT NULL);
INSERT INTO code_chunks VALUES
  (1, 'src/a.rs', 0, 10, 'fn a() {}', 'h1', 'a', 'function', 1),
  (2, 'src/a.rs', 11, 20, 'fn b() {}', 'h2', 'b', 'function', 1),
  (3, 'src/b.rs', 0, 5, X'00FF41', 'h3', NULL, NULL, 1),
  (4, 'src/b.rs', 6, 9, 'x', 'h4', 'x', 'const', 1);
CREATE TABLE ast_nodes(id INTEGER NOT NULL, parent_id INTEGER, kind TEXT, byte_start INTEGER NOT NULL,
  byte_end INTEGER NOT NULL, file_id INTEGER);
INSERT INTO ast_nodes(rowid, id, parent_id, kind, byte_start, byte_end, file_id) VALUES
  (1010, 10, NULL, 'file', 0, 20, 1), (1011, 11, 10, 'fn', 0, 10, 1), (1012, 12, 10, 'fn', 11, 20, 1),
  (1020, 20, NULL, 'file', 0, 9, 2), (1021, 21, 20, 'const', 6, 9, 2),
  (1030, 30, NULL, 'orphan', 0, 1, NULL), (1031, 31, 30, 'leaf', 0, 1, NULL),
  (1040, 40, NULL, NULL, 0, 1, 1);
CREATE TABLE cfg_blocks(id INTEGER PRIMARY KEY, function_id INTEGER NOT NULL, kind TEXT NOT NULL,
  terminator TEXT NOT NULL, byte_start INTEGER NOT NULL, byte_end INTEGER NOT NULL,
  start_line INTEGER NOT NULL, start_col INTEGER NOT NULL, end_line INTEGER NOT NULL,
  end_col INTEGER NOT NULL);
INSERT INTO cfg_blocks VALUES (100, 7, 'entry', 'goto', 0, 5, 1, 0, 1, 5),
  (101, 7, 'exit', 'return', 5, 10, 2, 0, 2, 5), (102, 8, 'entry', 'return', 0, 9, 1, 0, 1, 9);
)sql";

// One difference as the tests spell it: "kind table key rowid fields".
QString spelled(const Difference &d) {
    QStringList fields;
    for (const std::string &field : d.fields)
        fields << QString::fromStdString(field);
    return QStringLiteral("%1 %2 %3 %4 %5")
        .arg(QString::fromLatin1(differenceKindName(d.kind)),
             d.table ? tableName(*d.table) : QStringLiteral("-"), QString::fromStdString(d.key),
             d.rowid ? QString::number(*d.rowid) : QStringLiteral("null"),
             fields.join(QLatin1Char(',')))
        .trimmed();
}

QStringList spelled(const std::vector<Difference> &differences) {
    QStringList list;
    for (const Difference &d : differences)
        list << spelled(d);
    return list;
}

std::string replaced(std::string text, const std::string &from, const std::string &to) {
    const size_t at = text.find(from);
    if (at == std::string::npos)
        qFatal("'%s' is not in '%s'", from.c_str(), text.c_str());
    return text.replace(at, from.size(), to);
}

} // namespace

class TestDifferenceFinder : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_source = m_dir.filePath(QStringLiteral("code.db"));
        QCOMPARE(test::createDatabase(m_source, QString::fromUtf8(sourceSql)), QString());
        m_store = m_dir.filePath(QStringLiteral("code.kv"));
        const MigrationOutcome migrated = migrateDatabase(m_source, m_store, {}, nullptr);
        QVERIFY2(migrated.status.isOk(), qPrintable(migrated.status.message()));
        m_entries = test::readStore(m_store);
    }

    void equalStoreHasNoDifferences() {
        const MigrationOutcome outcome = verifyStore(m_source, m_store, {}, nullptr);
        QVERIFY2(outcome.status.isOk(), qPrintable(outcome.status.message()));
        QCOMPARE(outcome.report.differences.total(), 0);
        QCOMPARE(outcome.report.outcome(), VerificationOutcome::VerifiedWithRejects);
    }

    // The source changed after the migration: one AST row changed, one chunk deleted, one CFG
    // row added. Exactly those three are listed.
    void changedDeletedAndAddedSourceRows() {
        const QString source = m_dir.filePath(QStringLiteral("changed.db"));
        QVERIFY(QFile::copy(m_source, source));
        QCOMPARE(test::createDatabase(
                     source, QStringLiteral(
                                 "UPDATE ast_nodes SET kind = 'method' WHERE id = 12;"
                                 "DELETE FROM code_chunks WHERE id = 2;"
                                 "INSERT INTO cfg_blocks VALUES (103, 8, 'exit', 'return', 9, 12, "
                                 "2, 0, 2, 3);")),
                 QString());
        const MigrationOutcome outcome = verifyStore(source, m_store, {}, nullptr);
        QCOMPARE(outcome.status.code(), Status::Code::VerificationFailed);
        QCOMPARE(outcome.report.outcome(), VerificationOutcome::Failed);
        QCOMPARE(outcome.report.differences.total(), 3);
        QCOMPARE(
            spelled(outcome.report.differences.listed()),
            QStringList({QStringLiteral("extra_in_store code_chunks chunk:src/a.rs:11:20 null"),
                         QStringLiteral("changed ast_nodes ast:1 1012 kind"),
                         QStringLiteral("missing_in_store cfg_blocks cfg:8 103")}));
    }

    void tamperedStore_data() {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value"); // empty: the key is deleted
        QTest::addColumn<QStringList>("expected");
        const auto entry = [&](const char *key) { return m_entries.at(key); };
        const auto text = [](const std::string &s) { return QString::fromStdString(s); };
        QTest::newRow("chunk changed")
            << "chunk:src/a.rs:0:10"
            << text(replaced(entry("chunk:src/a.rs:0:10"), "fn a() {}", "fn z() {}"))
            << QStringList{QStringLiteral("changed code_chunks chunk:src/a.rs:0:10 1 content")};
        const std::string repaired = entry("chunk:src/b.rs:0:5");
        const size_t base64 = repaired.find("\"content_base64\":\"") + 18;
        QTest::newRow("repaired value changed")
            << "chunk:src/b.rs:0:5" << text(std::string(repaired).replace(base64, 4, "AAAA"))
            << QStringList{
                   QStringLiteral("changed code_chunks chunk:src/b.rs:0:5 3 content_base64")};
        QTest::newRow("chunk deleted")
            << "chunk:src/b.rs:6:9" << QString()
            << QStringList{QStringLiteral("missing_in_store code_chunks chunk:src/b.rs:6:9 4")};
        QTest::newRow("node dropped from a group")
            << "ast:2" << text(entry("ast:2").substr(0, entry("ast:2").find(",{")) + "]")
            << QStringList{QStringLiteral("missing_in_store ast_nodes ast:2 1021")};
        QTest::newRow("NULL group changed")
            << "ast:null" << text(replaced(entry("ast:null"), "\"leaf\"", "\"leaves\""))
            << QStringList{QStringLiteral("changed ast_nodes ast:null 1031 kind")};
        QTest::newRow("two fields changed")
            << "ast:1"
            << text(replaced(entry("ast:1"), "\"kind\":\"fn\",\"byte_start\":0",
                             "\"kind\":\"fun\",\"byte_start\":1"))
            << QStringList{QStringLiteral("changed ast_nodes ast:1 1011 kind,byte_start")};
        QTest::newRow("reject deleted")
            << "reject:ast_nodes:1040" << QString()
            << QStringList{QStringLiteral("missing_in_store ast_nodes reject:ast_nodes:1040 1040")};
        QTest::newRow("reject's row changed")
            << "reject:ast_nodes:1040"
            << text(replaced(entry("reject:ast_nodes:1040"), "\"byte_end\":1", "\"byte_end\":2"))
            << QStringList{QStringLiteral("changed ast_nodes reject:ast_nodes:1040 1040 byte_end")};
        QTest::newRow("extra group")
            << "ast:9"
            << R"([{"id":90,"parent_id":null,"kind":"x","byte_start":0,"byte_end":1},)"
               R"({"id":91,"parent_id":90,"kind":"y","byte_start":0,"byte_end":1}])"
            << QStringList{QStringLiteral("extra_in_store ast_nodes ast:9 null"),
                           QStringLiteral("extra_in_store ast_nodes ast:9 null")};
        QTest::newRow("group deleted")
            << "cfg:7" << QString()
            << QStringList{QStringLiteral("missing_in_store cfg_blocks cfg:7 100"),
                           QStringLiteral("missing_in_store cfg_blocks cfg:7 101")};
        QTest::newRow("record added to a group")
            << "cfg:8"
            << text(replaced(entry("cfg:8"), "]",
                             R"(,{"id":109,"function_id":8,"kind":"x","terminator":"x",)"
                             R"("byte_start":0,"byte_end":0,"start_line":0,"start_col":0,)"
                             R"("end_line":0,"end_col":0}])"))
            << QStringList{QStringLiteral("extra_in_store cfg_blocks cfg:8 null")};
        QTest::newRow("value not JSON")
            << "cfg:8"
            << "{broken" << QStringList{QStringLiteral("changed cfg_blocks cfg:8 102")};
        QTest::newRow("key of no table")
            << "zzz:unrelated"
            << "1" << QStringList{QStringLiteral("extra_in_store - zzz:unrelated null")};
    }
    void tamperedStore() {
        QFETCH(QString, key);
        QFETCH(QString, value);
        QFETCH(QStringList, expected);
        const QString copy = m_dir.filePath(QStringLiteral("tampered-%1.kv").arg(m_copies++));
        QVERIFY(test::copyFolder(m_store, copy));
        QCOMPARE(
            test::tamperStore(copy, key.toStdString(),
                              value.isEmpty() ? std::nullopt : std::optional(value.toStdString())),
            QString());
        const MigrationOutcome outcome = verifyStore(m_source, copy, {}, nullptr);
        QCOMPARE(outcome.status.code(), Status::Code::VerificationFailed);
        QCOMPARE(spelled(outcome.report.differences.listed()), expected);
        QCOMPARE(outcome.report.differences.total(), expected.size());
    }

    void limitListsTheFirstAndCountsAll() {
        const QString copy = m_dir.filePath(QStringLiteral("limited.kv"));
        QVERIFY(test::copyFolder(m_store, copy));
        QCOMPARE(test::tamperStore(copy, "cfg:7", std::nullopt), QString());
        QCOMPARE(test::tamperStore(copy, "ast:1", std::nullopt), QString());
        VerifyOptions options;
        options.differences.listed = 2;
        const MigrationOutcome outcome = verifyStore(m_source, copy, options, nullptr);
        QCOMPARE(outcome.report.differences.total(), 5); // 3 AST nodes and 2 CFG blocks
        QCOMPARE(spelled(outcome.report.differences.listed()),
                 QStringList({QStringLiteral("missing_in_store ast_nodes ast:1 1010"),
                              QStringLiteral("missing_in_store ast_nodes ast:1 1011")}));
        options.differences.listed = 0;
        const MigrationOutcome none = verifyStore(m_source, copy, options, nullptr);
        QCOMPARE(none.report.differences.total(), 5);
        QVERIFY(none.report.differences.listed().empty());
    }

    // A budget far below what the keys need: the keys are compared in partitions, and the same
    // differences come out.
    void smallBudgetSplitsIntoPartitions() {
        QTemporaryDir dir;
        const QString source = dir.filePath(QStringLiteral("larger.db"));
        QCOMPARE(test::createDatabase(source, test::sampleSourceSql(4000)), QString());
        const QString store = dir.filePath(QStringLiteral("larger.kv"));
        QVERIFY(migrateDatabase(source, store, {}, nullptr).status.isOk());
        const auto entries = test::readStore(store);
        int tampered = 0;
        for (const auto &[key, value] : entries) {
            if (!key.starts_with("chunk:") || ++tampered % 37 != 0)
                continue;
            QCOMPARE(test::tamperStore(store, key,
                                       tampered % 74 == 0
                                           ? std::nullopt
                                           : std::optional(replaced(value, "fn f", "fn g"))),
                     QString());
        }
        QCOMPARE(test::tamperStore(store, "chunk:zz.rs:1:2", entries.begin()->second), QString());

        const auto search = [&](size_t budget, DifferenceSearchStats &stats) {
            Result<std::unique_ptr<SourceDatabase>> opened = SourceDatabase::open(source, 5000);
            Result<SourceInfo> info = opened.value()->inspect(false);
            Result<std::unique_ptr<KvStore>> kv = KvStore::open(store, KvStore::Mode::ReadOnly);
            DifferenceList found(100000);
            Result<DifferenceSearchStats> searched =
                findTableDifferences(*opened.value(), info.value().table(SourceTable::CodeChunks),
                                     KeyLayout::Seed, *kv.value(), budget, found, nullptr);
            if (searched.isOk())
                stats = searched.value();
            QStringList listed = spelled(found.listed());
            listed.sort();
            return std::make_pair(found.total(), listed);
        };
        DifferenceSearchStats roomy;
        DifferenceSearchStats tight;
        const auto all = search(size_t(64) << 20, roomy);
        const auto split = search(2048, tight);
        QCOMPARE(roomy.partitions, 1);
        QCOMPARE(roomy.splits, 0);
        QVERIFY2(tight.partitions >= 8, qPrintable(QString::number(tight.partitions)));
        QCOMPARE(tight.splits, tight.partitions - 1);
        QCOMPARE(all.first, 6); // 3 chunks changed, 2 deleted, 1 added
        QCOMPARE(split, all);
        QVERIFY(
            all.second.contains(QStringLiteral("extra_in_store code_chunks chunk:zz.rs:1:2 null")));
    }

    void fieldsInValueOrder() {
        QCOMPARE(differingFields(R"({"a":1,"b":"x","c":null})", R"({"a":1,"b":"y","c":0,"d":1})"),
                 (std::vector<std::string>{"b", "c", "d"}));
        QCOMPARE(differingFields(R"({"a":1})", R"({"a":1})"), std::vector<std::string>());
        QCOMPARE(differingFields(R"({"a":1,"b":2})", R"({"b":2})"), std::vector<std::string>{"a"});
    }

private:
    QTemporaryDir m_dir;
    QString m_source;
    QString m_store;
    std::map<std::string, std::string> m_entries;
    int m_copies = 0;
};

QTEST_GUILESS_MAIN(TestDifferenceFinder)
#include "tst_difference_finder.moc"
