// AST and CFG keys labelled by what a person knows them by: the file, the function.
#include "browse/key_labels.h"
#include "files_source.h"
#include "source/source_database.h"
#include "test_database.h"

#include <QTemporaryDir>
#include <QTest>

using namespace magellan;

class TestKeyLabels : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_source = m_dir.filePath(QStringLiteral("code.db"));
        QCOMPARE(test::createDatabase(m_source, test::filesSourceSql()), QString());
    }

    void astAndCfgKeysGetTheirFileAndFunction_data() {
        QTest::addColumn<bool>("magellanLayout");
        QTest::newRow("seed") << false;
        QTest::newRow("magellan") << true;
    }
    void astAndCfgKeysGetTheirFileAndFunction() {
        QFETCH(bool, magellanLayout);
        const KeyLayout layout = magellanLayout ? KeyLayout::Magellan : KeyLayout::Seed;
        const std::string ast(kvkey::prefix(SourceTable::AstNodes, layout));
        const std::string cfg(kvkey::prefix(SourceTable::CfgBlocks, layout));
        auto source = SourceDatabase::open(m_source, 1000);
        QVERIFY(source.isOk());
        const std::vector<std::string> keys{ast + "1",    ast + "7",     ast + "10",
                                            ast + "null", cfg + "10",    cfg + "99",
                                            ast + "x",    "chunk:a:1:2", "meta:migration"};
        const Result<std::vector<std::string>> labels =
            keylabels::labelKeys(*source.value(), layout, keys);
        QVERIFY2(labels.isOk(), qPrintable(labels.status().message()));
        const std::vector<std::string> expected{"src/app.py",
                                                "docs/ünïcode.md", // a File named, no file_path
                                                "",                // entity 10 is no File
                                                "",
                                                "main · src/app.py",
                                                "", // no entity 99
                                                "",
                                                "",
                                                ""};
        QCOMPARE(labels.value(), expected);
    }

    void aSourceWithoutGraphEntitiesIsAnError() {
        const QString bare = m_dir.filePath(QStringLiteral("bare.db"));
        QCOMPARE(test::createDatabase(bare, QStringLiteral("CREATE TABLE t(x);")), QString());
        auto source = SourceDatabase::open(bare, 1000);
        const auto labels = keylabels::labelKeys(*source.value(), KeyLayout::Seed, {"ast:1"});
        QVERIFY(!labels.isOk());
        QVERIFY(labels.status().message().contains(QStringLiteral("graph_entities")));
    }

private:
    QTemporaryDir m_dir;
    QString m_source;
};

QTEST_GUILESS_MAIN(TestKeyLabels)
#include "tst_key_labels.moc"
