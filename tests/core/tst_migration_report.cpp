#include "csv_reader.h"
#include "migrate/migration.h"
#include "sample_sources.h"
#include "test_database.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace magellan;

namespace {

// Paths with a comma and quotes; a BLOB (repaired) in a chunk; a duplicate span (rejected, its
// reason naming the key with the comma and quotes); an AST row without a kind (rejected).
const char *const sourceSql = R"sql(
CREATE TABLE code_chunks(id INTEGER PRIMARY KEY, file_path TEXT NOT NULL, byte_start INTEGER NOT NULL,
  byte_end INTEGER NOT NULL, content TEXT NOT NULL, content_hash TEXT NOT NULL, symbol_name TEXT,
  symbol_kind TEXT, created_at INTEGER NOT NULL);
INSERT INTO code_chunks VALUES
  (1, 'src/a, "quoted".rs', 0, 10, X'00FF41', 'h1', 'a', 'function', 1),
  (2, 'src/a, "quoted".rs', 0, 10, 'fn b() {}', 'h2', 'b', 'function', 1),
  (3, 'src/b.rs', 0, 5, 'x', 'h3', 'x', 'const', 1);
CREATE TABLE ast_nodes(id INTEGER PRIMARY KEY, parent_id INTEGER, kind TEXT, byte_start INTEGER NOT NULL,
  byte_end INTEGER NOT NULL, file_id INTEGER);
INSERT INTO ast_nodes VALUES (10, NULL, 'file', 0, 20, 1), (11, 10, NULL, 0, 10, 1);
)sql";

const QString quotedPath = QStringLiteral("src/a, \"quoted\".rs");

} // namespace

class TestMigrationReport : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_source = m_dir.filePath(QStringLiteral("code.db"));
        QCOMPARE(test::createDatabase(m_source, QString::fromUtf8(sourceSql)), QString());
        m_store = m_dir.filePath(QStringLiteral("code.kv"));
        const MigrationOutcome migrated = migrateDatabase(m_source, m_store, {}, nullptr);
        QVERIFY2(migrated.status.isOk(), qPrintable(migrated.status.message()));
        m_report = migrated.report;
    }

    void outcomeWithRejectsIsNotPlainSuccess() {
        QVERIFY(m_report.passed());
        QCOMPARE(m_report.rejectedRows(), 2);
        QCOMPARE(m_report.outcome(), VerificationOutcome::VerifiedWithRejects);
        QCOMPARE(outcomeName(m_report.outcome()), QStringLiteral("verified_with_rejects"));
        QCOMPARE(QString::fromStdString(m_report.toJson()["outcome"].get<std::string>()),
                 QStringLiteral("verified_with_rejects"));
        MigrationReport unread = m_report;
        unread.readBack = false;
        QCOMPARE(outcomeName(unread.outcome()), QStringLiteral("not_verified"));
    }

    void jsonListsRejectsAndRepairs() {
        const auto json = m_report.toJson();
        QCOMPARE(json["rejected_total"].get<qint64>(), 2);
        QCOMPARE(json["rejected"].size(), size_t(2));
        const auto &duplicate = json["rejected"][0];
        QCOMPARE(QString::fromStdString(duplicate["table"].get<std::string>()),
                 QStringLiteral("code_chunks"));
        QCOMPARE(duplicate["rowid"].get<qint64>(), 2);
        QCOMPARE(QString::fromStdString(duplicate["key"].get<std::string>()),
                 QStringLiteral("reject:code_chunks:2"));
        QCOMPARE(QString::fromStdString(json["rejected"][1]["column"].get<std::string>()),
                 QStringLiteral("kind"));
        QCOMPARE(json["repaired_total"].get<qint64>(), 1);
        const auto &repaired = json["repaired"][0];
        QCOMPARE(repaired["key"].get<std::string>(), kvkey::chunk(quotedPath.toStdString(), 0, 10));
        QCOMPARE(repaired["rowid"].get<qint64>(), 1);
        QCOMPARE(QString::fromStdString(repaired["column"].get<std::string>()),
                 QStringLiteral("content"));
        QCOMPARE(QString::fromStdString(repaired["why"].get<std::string>()),
                 QStringLiteral("BLOB"));
        QCOMPARE(json["differences_total"].get<qint64>(), 0);
        QVERIFY(json["differences"].empty());
    }

    // Every record comes back through a CSV reader written apart from the writer, with the
    // commas and quotes of the path and of the reason intact.
    void csvRoundTrip() {
        const std::optional<QList<QStringList>> records = test::readCsv(m_report.toCsv());
        QVERIFY(records);
        const QStringList header = records->first();
        QCOMPARE(header.first(), QStringLiteral("record"));
        for (const QStringList &record : *records)
            QCOMPARE(record.size(), header.size());
        const auto field = [&](const QStringList &record, const char *name) {
            return record[header.indexOf(QLatin1String(name))];
        };
        QStringList kinds;
        for (qsizetype i = 1; i < records->size(); ++i)
            kinds << field(records->at(i), "record");
        QCOMPARE(kinds, QStringList({"outcome", "table", "table", "reject", "repaired", "reject"}));
        QCOMPARE(field(records->at(1), "status"), QStringLiteral("verified_with_rejects"));
        const QStringList reject = records->at(4);
        QCOMPARE(field(reject, "rowid"), QStringLiteral("2"));
        QCOMPARE(field(reject, "detail"), m_report.tables[0].scan.rejects[0].reason);
        QVERIFY(field(reject, "detail").contains(quotedPath));
        const QStringList repaired = records->at(5);
        QCOMPARE(field(repaired, "key"),
                 QString::fromStdString(kvkey::chunk(quotedPath.toStdString(), 0, 10)));
        QCOMPARE(field(repaired, "detail"), QStringLiteral("BLOB"));
    }

    void csvListsDifferences() {
        const QString copy = m_dir.filePath(QStringLiteral("tampered.kv"));
        QVERIFY(test::copyFolder(m_store, copy));
        QCOMPARE(test::tamperStore(copy, "chunk:src/b.rs:0:5", std::nullopt), QString());
        const MigrationOutcome outcome = verifyStore(m_source, copy, {}, nullptr);
        QCOMPARE(outcome.report.outcome(), VerificationOutcome::Failed);
        const std::optional<QList<QStringList>> records = test::readCsv(outcome.report.toCsv());
        QVERIFY(records);
        const QStringList header = records->first();
        const auto field = [&](const QStringList &record, const char *name) {
            return record[header.indexOf(QLatin1String(name))];
        };
        QCOMPARE(field(records->at(1), "status"), QStringLiteral("failed"));
        const auto difference =
            std::find_if(records->begin(), records->end(), [&](const QStringList &r) {
                return field(r, "record") == QLatin1String("difference");
            });
        QVERIFY(difference != records->end());
        QCOMPARE(field(*difference, "kind"), QStringLiteral("missing_in_store"));
        QCOMPARE(field(*difference, "key"), QStringLiteral("chunk:src/b.rs:0:5"));
        QCOMPARE(field(*difference, "rowid"), QStringLiteral("3"));
        const auto json = outcome.report.toJson();
        QCOMPARE(QString::fromStdString(json["outcome"].get<std::string>()),
                 QStringLiteral("failed"));
        QCOMPARE(json["differences_total"].get<qint64>(), 1);
        QCOMPARE(QString::fromStdString(json["differences"][0]["kind"].get<std::string>()),
                 QStringLiteral("missing_in_store"));
        QCOMPARE(json["differences"][0]["rowid"].get<qint64>(), 3);
    }

    void csvQuotesOnlyWhereNeeded() {
        const QStringList lines = m_report.toCsv().split(QStringLiteral("\r\n"));
        QVERIFY(lines[0].startsWith(QStringLiteral("record,table,sqlite_rows,")));
        QVERIFY(lines.last().isEmpty()); // every record ends in CRLF
        QVERIFY(!lines[2].contains(QLatin1Char('"')));
        QVERIFY(
            m_report.toCsv().contains(QStringLiteral("\"chunk:src/a, \"\"quoted\"\".rs:0:10\"")));
    }

    void readerRefusesMalformedCsv() {
        QVERIFY(!test::readCsv(QStringLiteral("a,\"b\n")));
        QVERIFY(!test::readCsv(QStringLiteral("a,b\"c\n")));
        QVERIFY(!test::readCsv(QStringLiteral("a,\"b\"c\n")));
        QCOMPARE(*test::readCsv(QStringLiteral("a,\"b,\"\"c\r\nd\"\r\n")),
                 QList<QStringList>({{"a", "b,\"c\r\nd"}}));
    }

private:
    QTemporaryDir m_dir;
    QString m_source;
    QString m_store;
    MigrationReport m_report;
};

QTEST_GUILESS_MAIN(TestMigrationReport)
#include "tst_migration_report.moc"
