#include "files_source.h"
#include "key_tree_model.h"
#include "migrate/migration.h"
#include "store/kv_store.h"
#include "test_database.h"

#include <QAbstractItemModelTester>
#include <QTemporaryDir>
#include <QTest>

using namespace magellan;

namespace {

std::vector<std::string> storeKeys() {
    std::vector<std::string> keys = {"meta:migration", "chunk:a:1:2", "chunk:a::b:3:4",
                                     "reject:ast_nodes:5"};
    for (int i = 0; i < 2000; ++i)
        keys.push_back("ast:" + std::to_string(i));
    std::sort(keys.begin(), keys.end());
    return keys;
}

} // namespace

class TestKeyTreeModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        const QString path = m_dir.filePath(QStringLiteral("s.kv"));
        std::vector<std::pair<std::string, std::string>> entries;
        for (const std::string &key : storeKeys())
            entries.emplace_back(key, "[]");
        QCOMPARE(test::writeStore(path, entries), QString());
        m_store = std::shared_ptr<const KvStore>(
            std::move(KvStore::open(path, KvStore::Mode::ReadOnly).value()));
    }

    // With the source known, ast and cfg keys carry their file and function beside the number;
    // a new source drops them and brings its own.
    void astAndCfgKeysAreLabelledFromTheSource() {
        const QString source = m_dir.filePath(QStringLiteral("files.db"));
        QCOMPARE(test::createDatabase(source, test::filesSourceSql()), QString());
        const QString storePath = m_dir.filePath(QStringLiteral("files.kv"));
        MigrationOptions options;
        options.layout = KeyLayout::Magellan;
        QVERIFY(migrateDatabase(source, storePath, options, nullptr).status.isOk());
        auto store = std::shared_ptr<const KvStore>(
            std::move(KvStore::open(storePath, KvStore::Mode::ReadOnly).value()));
        KeyTreeModel model(store);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setLabelSource(source, KeyLayout::Magellan);
        model.fetchMore({});
        const QModelIndex ast = model.index(0, 0);
        QCOMPARE(ast.data(KeyTreeModel::KeyRole).toString(), QStringLiteral("ast:"));
        model.fetchMore(ast);
        const QModelIndex astFile = model.index(0, 0, ast);
        QCOMPARE(astFile.data(KeyTreeModel::KeyRole).toString(), QStringLiteral("ast:file:"));
        model.fetchMore(astFile);
        const QModelIndex first = model.index(0, 0, astFile);
        QCOMPARE(first.data(KeyTreeModel::KeyRole).toString(), QStringLiteral("ast:file:1"));
        QTRY_COMPARE(first.data(KeyTreeModel::LabelRole).toString(), QStringLiteral("src/app.py"));
        QCOMPARE(first.data().toString(), QStringLiteral("1 — src/app.py"));
        QVERIFY(first.data(Qt::ToolTipRole).toString().endsWith(QStringLiteral("\nsrc/app.py")));

        const QModelIndex cfg = model.index(1, 0);
        model.fetchMore(cfg);
        const QModelIndex cfgFunc = model.index(0, 0, cfg);
        model.fetchMore(cfgFunc);
        QStringList labels;
        QTRY_VERIFY(model.index(0, 0, cfgFunc).data(KeyTreeModel::LabelRole).isValid() &&
                    !model.index(0, 0, cfgFunc).data(KeyTreeModel::LabelRole).toString().isEmpty());
        for (int row = 0; row < model.rowCount(cfgFunc); ++row)
            labels << model.index(row, 0, cfgFunc).data().toString();
        QCOMPARE(labels,
                 (QStringList{"10 — main · src/app.py", "11 — helper · src/app.py",
                              "13 — compile · lib/re.py", "14 — run · tools/cli.rs", "99"}));

        model.setLabelSource({}, KeyLayout::Magellan);
        QCOMPARE(first.data().toString(), QStringLiteral("1"));
    }

    void pagingReturnsEveryKeyOnceInOrder() {
        KeyTreeModel model(m_store);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPageSize(7);
        while (model.canFetchMore({}))
            model.fetchMore({});
        QCOMPARE(model.rowCount(), 4); // ast: chunk: meta: reject:
        const QModelIndex ast = model.index(0, 0);
        QCOMPARE(ast.data(KeyTreeModel::KeyRole).toString(), QStringLiteral("ast:"));
        QVERIFY(model.hasChildren(ast));
        while (model.canFetchMore(ast))
            model.fetchMore(ast);
        QCOMPARE(model.rowCount(ast), 2000);
        QStringList seen;
        for (int row = 0; row < model.rowCount(ast); ++row)
            seen << model.index(row, 0, ast).data(KeyTreeModel::KeyRole).toString();
        QStringList expected;
        for (const std::string &key : storeKeys())
            if (key.starts_with("ast:"))
                expected << QString::fromStdString(key);
        QCOMPARE(seen, expected);
    }

    void countsArriveInTheBackground() {
        KeyTreeModel model(m_store);
        model.fetchMore({});
        const QModelIndex count = model.index(0, KeyTreeModel::Count);
        QTRY_COMPARE(count.data().toString(), QLocale::system().toString(2000));
    }

    void locateLandsOnTheKey_data() {
        QTest::addColumn<QString>("key");
        QTest::newRow("near") << "ast:1000";
        QTest::newRow("far, past a few pages") << "ast:999";
        QTest::newRow("chunk with a colon in its path") << "chunk:a::b:3:4";
        QTest::newRow("reject") << "reject:ast_nodes:5";
    }
    void locateLandsOnTheKey() {
        QFETCH(QString, key);
        KeyTreeModel model(m_store);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPageSize(10);
        const QModelIndex found = model.locate(key.toStdString());
        QVERIFY(found.isValid());
        QCOMPARE(found.data(KeyTreeModel::KeyRole).toString(), key);
        QVERIFY(!found.data(KeyTreeModel::IsGroupRole).toBool());
    }

    // A far jump lists a few siblings before the key, and a row above them that lists the rest,
    // a page at a time, until every key is there once and in order.
    void aFarJumpListsSiblingsBeforeTheKeyAndLeadsBack() {
        KeyTreeModel model(m_store);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPageSize(10);
        const QModelIndex found = model.locate("ast:999", 5);
        QCOMPARE(found.data(KeyTreeModel::KeyRole).toString(), QStringLiteral("ast:999"));
        QCOMPARE(found.row(), 6);
        const QModelIndex ast = found.parent();
        QVERIFY(model.index(0, 0, ast).data(KeyTreeModel::IsEarlierMarkerRole).toBool());
        QCOMPARE(model.index(0, 0, ast).data(KeyTreeModel::KeyRole).toString(), QString());
        QCOMPARE(model.index(5, 0, ast).data(KeyTreeModel::KeyRole).toString(),
                 QStringLiteral("ast:998"));
        QCOMPARE(model.index(1, 0, ast).data(KeyTreeModel::KeyRole).toString(),
                 QStringLiteral("ast:994"));
        int pages = 0;
        while (model.index(0, 0, ast).data(KeyTreeModel::IsEarlierMarkerRole).toBool()) {
            QVERIFY(model.fetchEarlier(model.index(0, 0, ast)) > 0);
            ++pages;
        }
        QVERIFY(pages > 100); // a page at a time, not all at once
        while (model.canFetchMore(ast))
            model.fetchMore(ast);
        QStringList seen;
        for (int row = 0; row < model.rowCount(ast); ++row)
            seen << model.index(row, 0, ast).data(KeyTreeModel::KeyRole).toString();
        QStringList expected;
        for (const std::string &key : storeKeys())
            if (key.starts_with("ast:"))
                expected << QString::fromStdString(key);
        QCOMPARE(seen, expected);
    }

    void aJumpNearTheStartHasNoEarlierRow() {
        KeyTreeModel model(m_store);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPageSize(10);
        const QModelIndex found = model.locate("ast:100", 5); // after ast:0, ast:1, ast:10
        QCOMPARE(found.row(), 3);
        QCOMPARE(model.index(0, 0, found.parent()).data(KeyTreeModel::KeyRole).toString(),
                 QStringLiteral("ast:0"));
        QVERIFY(
            !model.index(0, 0, found.parent()).data(KeyTreeModel::IsEarlierMarkerRole).toBool());
    }

    // A key listed already, but first after the earlier row: a few more are listed before it.
    void aJumpToTheFirstListedKeyListsSomeBeforeIt() {
        KeyTreeModel model(m_store);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPageSize(10);
        QCOMPARE(model.locate("ast:999", 0).row(), 1);
        const QModelIndex again = model.locate("ast:999", 3);
        QCOMPARE(again.row(), 4);
        QCOMPARE(model.index(1, 0, again.parent()).data(KeyTreeModel::KeyRole).toString(),
                 QStringLiteral("ast:996"));
        QVERIFY(model.index(0, 0, again.parent()).data(KeyTreeModel::IsEarlierMarkerRole).toBool());
    }

    // Every level of the path to the key gets its siblings before it: the top-level groups too.
    void aJumpListsTheGroupsBeforeTheKeysGroups() {
        KeyTreeModel model(m_store);
        model.setPageSize(1); // the tester lists a top-level group or two; not meta: or reject:
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QModelIndex found = model.locate("reject:ast_nodes:5", 1);
        QVERIFY(found.isValid());
        const QPersistentModelIndex reject = found.parent().parent();
        QCOMPARE(reject.data(KeyTreeModel::KeyRole).toString(), QStringLiteral("reject:"));
        QCOMPARE(reject.row(), 2); // the earlier row, then meta:
        QCOMPARE(model.index(1, 0).data(KeyTreeModel::KeyRole).toString(), QStringLiteral("meta:"));
        QCOMPARE(model.fetchEarlier(model.index(0, 0)), 1); // chunk:, a page of one
        QCOMPARE(model.fetchEarlier(model.index(0, 0)), 1); // ast:, and the row goes
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.index(0, 0).data(KeyTreeModel::KeyRole).toString(), QStringLiteral("ast:"));
        QCOMPARE(reject.row(), 3);
        QTRY_COMPARE(model.index(0, KeyTreeModel::Count).data().toString(),
                     QLocale::system().toString(2000));
    }

    void namespaceFilter() {
        KeyTreeModel model(m_store);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRootPrefix("chunk:");
        model.fetchMore({});
        QCOMPARE(model.rowCount(), 2); // files "a" and "a:b"
        QCOMPARE(model.index(1, 0).data().toString(), QStringLiteral("a:b"));
        QVERIFY(!model.locate("ast:5").isValid());
    }

private:
    QTemporaryDir m_dir;
    std::shared_ptr<const KvStore> m_store;
};

QTEST_MAIN(TestKeyTreeModel)
#include "tst_key_tree_model.moc"
