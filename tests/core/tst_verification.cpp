#include "migrate/migration.h"
#include "sample_sources.h"
#include "test_database.h"

#include <QTemporaryDir>
#include <QTest>

using namespace magellan;

class TestVerification : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_source = m_dir.filePath(QStringLiteral("code.db"));
        QCOMPARE(test::createDatabase(m_source, test::sampleSourceSql(5000)), QString());
        m_store = m_dir.filePath(QStringLiteral("code.kv"));
        QVERIFY(migrateDatabase(m_source, m_store, {}, nullptr).status.isOk());
        m_entries = test::readStore(m_store);
    }

    void untouchedStorePasses() {
        const MigrationOutcome outcome = verifyStore(m_source, m_store, {}, nullptr);
        QVERIFY2(outcome.status.isOk(), qPrintable(outcome.status.message()));
        QVERIFY(outcome.report.passed());
    }

    void tamperingIsCaught_data() {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value"); // empty: delete the key
        QTest::addColumn<QString>("table");
        QTest::addColumn<bool>("countsMatch");
        QTest::addColumn<bool>("checksumsMatch");
        QTest::newRow("deleted chunk") << "chunk:src/файл_1.rs:10:19"
                                       << ""
                                       << "code_chunks" << false << false;
        QTest::newRow("deleted ast group") << "ast:3"
                                           << ""
                                           << "ast_nodes" << false << false;
        const std::string chunk = m_entries.at("chunk:src/файл_1.rs:10:19");
        std::string altered = chunk;
        altered.replace(altered.find("fn f1"), 5, "fn g1");
        QTest::newRow("altered chunk text")
            << "chunk:src/файл_1.rs:10:19" << QString::fromStdString(altered) << "code_chunks"
            << true << false;
        std::string group = m_entries.at("cfg:4");
        group.replace(group.find("\"goto\""), 6, "\"jump\"");
        QTest::newRow("altered cfg block")
            << "cfg:4" << QString::fromStdString(group) << "cfg_blocks" << true << false;
        QTest::newRow("value moved to another key")
            << "chunk:src/файл_2.rs:20:29" << QString::fromStdString(chunk) << "code_chunks" << true
            << false;
        std::string shorter = m_entries.at("ast:7");
        shorter.erase(shorter.rfind(",{"), std::string::npos).append("]");
        QTest::newRow("ast node dropped from a group")
            << "ast:7" << QString::fromStdString(shorter) << "ast_nodes" << false << false;
        QTest::newRow("extra chunk") << "chunk:extra.rs:1:2" << QString::fromStdString(chunk)
                                     << "code_chunks" << false << false;
        QTest::newRow("extra empty group")
            << "ast:999"
            << "[]"
            << "ast_nodes" << false << true; // no rows, so no checksum change
        QTest::newRow("value not json") << "cfg:5"
                                        << "{broken"
                                        << "cfg_blocks" << false << false;
        QTest::newRow("extra reject") << "reject:ast_nodes:1"
                                      << R"j({"reason":"x","column":"x","row":{}})j"
                                      << "ast_nodes" << false << false;
    }
    void tamperingIsCaught() {
        QFETCH(QString, key);
        QFETCH(QString, value);
        QFETCH(QString, table);
        QFETCH(bool, countsMatch);
        QFETCH(bool, checksumsMatch);
        const QString copy =
            m_dir.filePath(QStringLiteral("tampered-%1.kv").arg(QTest::currentDataTag()));
        QVERIFY(test::copyFolder(m_store, copy));
        QCOMPARE(
            test::tamperStore(copy, key.toStdString(),
                              value.isEmpty() ? std::nullopt : std::optional(value.toStdString())),
            QString());
        const MigrationOutcome outcome = verifyStore(m_source, copy, {}, nullptr);
        QCOMPARE(outcome.status.code(), Status::Code::VerificationFailed);
        QVERIFY(outcome.status.message().contains(table));
        for (const TableReport &report : outcome.report.tables) {
            if (tableName(report.table) != table) {
                QVERIFY(report.passed());
                continue;
            }
            QVERIFY(!report.passed());
            QCOMPARE(report.countsMatch(), countsMatch);
            QCOMPARE(report.checksumsMatch(), checksumsMatch);
        }
    }

    void strayKeyIsCaught() {
        const QString copy = m_dir.filePath(QStringLiteral("stray.kv"));
        QVERIFY(test::copyFolder(m_store, copy));
        QCOMPARE(test::tamperStore(copy, "zzz:unrelated", std::string("1")), QString());
        const MigrationOutcome outcome = verifyStore(m_source, copy, {}, nullptr);
        QCOMPARE(outcome.status.code(), Status::Code::VerificationFailed);
        QCOMPARE(outcome.report.strayKeys, 1);
        QCOMPARE(outcome.report.strayExamples, QStringList({QStringLiteral("zzz:unrelated")}));
    }

    void changedSourceIsCaught() {
        QTemporaryDir dir;
        const QString source = dir.filePath(QStringLiteral("changed.db"));
        QVERIFY(QFile::copy(m_source, source));
        QCOMPARE(test::createDatabase(
                     source, QStringLiteral("UPDATE ast_nodes SET kind = 'other' WHERE id = 10;")),
                 QString());
        const MigrationOutcome outcome = verifyStore(source, m_store, {}, nullptr);
        QCOMPARE(outcome.status.code(), Status::Code::VerificationFailed);
        QVERIFY(outcome.report.tables[1].countsMatch());
        QVERIFY(!outcome.report.tables[1].checksumsMatch());
    }

    void notAStoreIsNamed() {
        const MigrationOutcome outcome = verifyStore(m_source, m_dir.path(), {}, nullptr);
        QCOMPARE(outcome.status.code(), Status::Code::InvalidInput);
        QVERIFY(outcome.status.message().contains(QStringLiteral("is not a RocksDB store")));
    }

private:
    QTemporaryDir m_dir;
    QString m_source;
    QString m_store;
    std::map<std::string, std::string> m_entries;
};

QTEST_GUILESS_MAIN(TestVerification)
#include "tst_verification.moc"
