#include "ast_tree_model.h"
#include "browser_window.h"
#include "elided_label.h"
#include "field_comparison_model.h"
#include "fixture_generator.h"
#include "json_tree_model.h"
#include "key_tree_model.h"
#include "migrate/migration.h"
#include "recent_files.h"
#include "record_comparison_view.h"
#include "sample_sources.h"
#include "saved_file_notice.h"
#include "store/kv_store.h"
#include "test_database.h"
#include "value_inspector.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QHeaderView>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QSettings>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

#include <csignal>
#include <sys/wait.h>
#include <tuple>
#include <unistd.h>

using namespace magellan;

namespace {

QStringList tabTitles(const ValueInspector *inspector) {
    QStringList titles;
    for (int i = 0; i < inspector->tabs()->count(); ++i)
        titles << inspector->tabs()->tabText(i).remove(QLatin1Char('&'));
    return titles;
}

int comparedRecords(const ValueInspector *inspector) {
    return inspector->comparisonView()->model()->rowCount();
}

bool recordDiffers(const ValueInspector *inspector, int row) {
    const FieldComparisonModel *model = inspector->comparisonView()->model();
    return model->index(row, 0).data(FieldComparisonModel::DiffersRole).toBool();
}

} // namespace

class TestBrowserWindow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        test::keepSettingsIn(m_dir.filePath(QStringLiteral("settings")));
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        m_source = m_dir.filePath(QStringLiteral("code.db"));
        QCOMPARE(test::generateSource(m_source, 8000), QString());
        m_store = m_dir.filePath(QStringLiteral("code.kv"));
        QVERIFY(migrateDatabase(m_source, m_store, {}, nullptr).status.isOk());
        m_entries = test::readStore(m_store);
    }

    void opensWithTheRecordedSource() {
        std::unique_ptr<BrowserWindow> window(BrowserWindow::open(m_store, {}, nullptr));
        QVERIFY(window);
        QCOMPARE(window->sourcePath(), m_source);
        window->show();
        window->keyView()->model()->fetchMore({});
        QCOMPARE(window->keyModel()->rowCount(), 4); // ast: cfg: chunk: meta:
    }

    void chunkIsShownWithItsTextAndMatchesItsSource() {
        std::unique_ptr<BrowserWindow> window(BrowserWindow::open(m_store, {}, nullptr));
        window->show();
        const std::string key = m_entries.lower_bound("chunk:")->first;
        const QString path = QString::fromStdString(kvkey::parseChunk(key)->path);
        QVERIFY(window->jumpTo(QStringLiteral("chunk:") +
                               QString::fromStdString(kvkey::escapePath(path.toStdString()))));
        QCOMPARE(window->selectedKey(), QString::fromStdString(key));
        ValueInspector *inspector = window->inspector();
        QTRY_VERIFY(inspector->decoded().has_value());
        QCOMPARE(inspector->decoded()->kind, KeyKind::Chunk);
        QCOMPARE(inspector->decoded()->chunk->hashMatches, std::optional<bool>(true));
        QCOMPARE(tabTitles(inspector),
                 QStringList({"Source text", "JSON", "JSON tree", "Compare with source"}));
        QTRY_COMPARE(comparedRecords(inspector), 1);
        QVERIFY(!recordDiffers(inspector, 0));
        // A record alone is open, identical or not: its fields are what there is to see.
        RecordComparisonView *compared = inspector->comparisonView();
        QVERIFY(compared->tree()->isExpanded(compared->model()->index(0, 0)));
    }

    void astIsATreeWithItsFilePath() {
        std::unique_ptr<BrowserWindow> window(BrowserWindow::open(m_store, {}, nullptr));
        window->show();
        QVERIFY(window->jumpTo(QStringLiteral("ast:1")));
        QCOMPARE(window->selectedKey(), QStringLiteral("ast:1"));
        ValueInspector *inspector = window->inspector();
        QTRY_VERIFY(inspector->decoded().has_value());
        QAbstractItemModelTester tester(const_cast<AstTreeModel *>(inspector->astModel()),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const size_t nodes = nlohmann::json::parse(m_entries.at("ast:1")).size();
        QCOMPARE(inspector->astModel()->tree().nodes.size(), nodes);
        QVERIFY(inspector->astModel()->rowCount() >= 1);
        QTRY_VERIFY(comparedRecords(inspector) == static_cast<int>(nodes));
        QTRY_VERIFY(inspector->astHeaderText().contains(QStringLiteral("(from graph_entities)")));
    }

    void cfgBlocksAreATableInIdOrder() {
        std::unique_ptr<BrowserWindow> window(BrowserWindow::open(m_store, {}, nullptr));
        window->show();
        const std::string key = m_entries.lower_bound("cfg:")->first;
        QVERIFY(window->jumpTo(QString::fromStdString(key)));
        ValueInspector *inspector = window->inspector();
        QTRY_VERIFY(inspector->decoded().has_value());
        QCOMPARE(tabTitles(inspector).first(), QStringLiteral("CFG blocks"));
        const auto *model = inspector->recordModel();
        QCOMPARE(model->headerData(0, Qt::Horizontal, Qt::DisplayRole).toString(),
                 QStringLiteral("id"));
        for (int row = 1; row < model->rowCount(); ++row)
            QVERIFY(model->index(row - 1, 0).data().toLongLong() <
                    model->index(row, 0).data().toLongLong());
    }

    void migrationRecordIsReadable() {
        std::unique_ptr<BrowserWindow> window(BrowserWindow::open(m_store, {}, nullptr));
        window->show();
        QVERIFY(window->jumpTo(QStringLiteral("meta:migration")));
        QTRY_VERIFY(window->inspector()->decoded().has_value());
        QCOMPARE(tabTitles(window->inspector()).first(), QStringLiteral("Migration record"));
        QVERIFY(window->inspector()->summaryText().contains(QStringLiteral("code_chunks")));
    }

    void tamperedValueFlipsToMismatch() {
        const QString copy = m_dir.filePath(QStringLiteral("tampered.kv"));
        QVERIFY(test::copyFolder(m_store, copy));
        auto nodes = nlohmann::ordered_json::parse(m_entries.at("ast:1"));
        nodes[0]["kind"] = "tampered";
        QCOMPARE(test::tamperStore(copy, "ast:1", nodes.dump()), QString());
        std::unique_ptr<BrowserWindow> window(BrowserWindow::open(copy, m_source, nullptr));
        window->show();
        QVERIFY(window->jumpTo(QStringLiteral("ast:1")));
        ValueInspector *inspector = window->inspector();
        QTRY_COMPARE(comparedRecords(inspector), static_cast<int>(nodes.size()));
        // The first mismatch is selected: the changed field of the first record.
        const QModelIndex current = inspector->comparisonView()->tree()->currentIndex();
        QCOMPARE(current.parent().row(), 0);
        QCOMPARE(current.data(FieldComparisonModel::FieldNameRole).toString(),
                 QStringLiteral("kind"));
        QVERIFY(recordDiffers(inspector, 0));
        QVERIFY(!recordDiffers(inspector, 1));
    }

    void notJsonIsShownAsBytes() {
        const QString copy = m_dir.filePath(QStringLiteral("bytes.kv"));
        QVERIFY(test::copyFolder(m_store, copy));
        QCOMPARE(test::tamperStore(copy, "zzz:binary", std::string("\x00\x01garbage", 9)),
                 QString());
        std::unique_ptr<BrowserWindow> window(BrowserWindow::open(copy, m_source, nullptr));
        window->show();
        QVERIFY(window->jumpTo(QStringLiteral("zzz:binary")));
        QTRY_VERIFY(window->inspector()->decoded().has_value());
        QVERIFY(!window->inspector()->decoded()->isJson);
        QVERIFY(window->inspector()->valueText().startsWith(QStringLiteral("00000000  00 01 67")));
    }

    // Values the migrator never writes: each is shown with its problem, and none ends the browser.
    void oddValuesAreShownWithTheirProblem() {
        const QString copy = m_dir.filePath(QStringLiteral("odd.kv"));
        QVERIFY(test::copyFolder(m_store, copy));
        const std::string deep = std::string(100000, '[') + std::string(100000, ']');
        const std::vector<std::tuple<std::string, std::string, QString, QString>> odd = {
            {"meta:migration", R"({"tables":5})", "Problem", "tables is 5, not an object"},
            {"ast:424242", R"({"tables":{"a":5}})", "Problem", "JSON array of nodes"},
            {"cfg:424242", deep, "Problem", "nests deeper than 1000 levels"},
            {"chunk:odd.rs:1:2", "[]", "Problem", "must be a JSON object"},
            {"reject:ast_nodes:424242", R"({"reason":{"x":[1]},"row":5})", "Rejected row",
             "Reason: {\"x\":[1]}"},
            {"zzz:huge", R"({"n":1e999})", "Problem", "not valid JSON"},
        };
        for (const auto &[key, value, tab, problem] : odd)
            QCOMPARE(test::tamperStore(copy, key, value), QString());
        std::unique_ptr<BrowserWindow> window(BrowserWindow::open(copy, m_source, nullptr));
        QVERIFY(window);
        window->show();
        ValueInspector *inspector = window->inspector();
        for (const auto &[key, value, tab, problem] : odd) {
            QVERIFY(window->jumpTo(QString::fromStdString(key)));
            QTRY_VERIFY(inspector->decoded() && inspector->decoded()->key == key);
            QVERIFY2(tabTitles(inspector).contains(tab),
                     qPrintable(tabTitles(inspector).join(",")));
            QVERIFY2(inspector->summaryText().contains(problem),
                     qPrintable(inspector->summaryText()));
            inspector->tabs()->setCurrentIndex(inspector->tabs()->count() - 2); // the JSON tree
            inspector->tabs()->currentWidget()->grab(); // drawn now, as on screen: no wait needed
        }
    }

    void largeValueOpensWithAPreview() {
        const QString copy = m_dir.filePath(QStringLiteral("large.kv"));
        QVERIFY(test::copyFolder(m_store, copy));
        nlohmann::ordered_json nodes = nlohmann::ordered_json::array();
        for (int i = 0; i < 200000; ++i)
            nodes.push_back({{"id", i},
                             {"parent_id", i ? nlohmann::json(i - 1) : nlohmann::json()},
                             {"kind", "k"},
                             {"byte_start", i},
                             {"byte_end", i + 1}});
        QCOMPARE(test::tamperStore(copy, "ast:777777", nodes.dump()), QString());
        std::unique_ptr<BrowserWindow> window(BrowserWindow::open(copy, {}, nullptr));
        window->show();
        QVERIFY(window->jumpTo(QStringLiteral("ast:777777")));
        QTRY_VERIFY_WITH_TIMEOUT(window->inspector()->decoded().has_value(), 30000);
        QCOMPARE(window->inspector()->astModel()->tree().nodes.size(),
                 size_t(200000)); // 200k deep: no recursion
        QVERIFY(window->inspector()->decoded()->pretty->size() >
                size_t(ValueInspector::previewBytes));
    }

    void notAStoreAndAStoreInUseAreNamed() {
        QString error;
        QVERIFY(!BrowserWindow::open(m_dir.path(), {}, nullptr, &error));
        QVERIFY2(error.contains(QStringLiteral("is not a RocksDB store")), qPrintable(error));
        const pid_t child = ::fork();
        if (child == 0) { // holds the store open, as a running migration or magellan would
            auto held = KvStore::open(m_store, KvStore::Mode::ReadWrite);
            ::pause();
            ::_exit(0);
        }
        QTRY_VERIFY(storeLockHolder(m_store) == child);
        QVERIFY(!BrowserWindow::open(m_store, {}, nullptr, &error));
        ::kill(child, SIGKILL);
        ::waitpid(child, nullptr, 0);
        QVERIFY2(error.contains(QStringLiteral("in use by another process (pid %1)").arg(child)),
                 qPrintable(error));
    }

    // Find shows the key in the middle of the view with its siblings on both sides, also when it
    // lies pages into its group (listed around it, with the earlier ones on demand).
    void findMovesTheFocusToTheKeyShownInTheMiddle() {
        std::unique_ptr<BrowserWindow> window(BrowserWindow::open(m_store, {}, nullptr));
        window->keyModel()->setPageSize(20); // the key is pages past the first of its group
        window->show();
        QApplication::setActiveWindow(window.get());
        QVERIFY(QTest::qWaitForWindowActive(window.get()));
        auto key = m_entries.lower_bound("ast:"); // one key per file in the seed layout
        std::advance(key, 60);
        QVERIFY(key->first.starts_with("ast:") && std::next(key)->first.starts_with("ast:"));
        QTest::keySequence(window.get(), QKeySequence::Find);
        QTRY_VERIFY(window->searchField()->hasFocus());
        QTest::keyClicks(window->searchField(), QString::fromStdString(key->first));
        QTest::keyClick(window->searchField(), Qt::Key_Return);
        QCOMPARE(window->selectedKey(), QString::fromStdString(key->first));
        QTRY_VERIFY(window->keyView()->hasFocus());
        QTreeView *keys = window->keyView();
        const QModelIndex current = keys->currentIndex();
        const QRect shown = keys->visualRect(current);
        const int middle = keys->viewport()->height() / 2;
        QVERIFY2(
            std::abs(shown.center().y() - middle) <= shown.height(),
            qPrintable(QStringLiteral("row at %1, middle %2").arg(shown.center().y()).arg(middle)));
        // Its siblings just before and after it are keys of its group, and in view.
        for (const QModelIndex &sibling : {keys->indexAbove(current), keys->indexBelow(current)}) {
            QVERIFY(sibling.isValid());
            QCOMPARE(sibling.parent(), current.parent());
            QVERIFY(!sibling.data(KeyTreeModel::IsEarlierMarkerRole).toBool());
            QVERIFY(
                sibling.data(KeyTreeModel::KeyRole).toString().startsWith(QStringLiteral("ast:")));
            QVERIFY(keys->viewport()->rect().contains(keys->visualRect(sibling)));
        }
        QCOMPARE(keys->indexAbove(current).data(KeyTreeModel::KeyRole).toString(),
                 QString::fromStdString(std::prev(key)->first));
        // The earlier ones: a page each time the view scrolls up to the row that stands for them,
        // the rows in view staying where they were.
        const QModelIndex group = current.parent();
        const auto markerShown = [&] {
            return keys->model()
                ->index(0, 0, group)
                .data(KeyTreeModel::IsEarlierMarkerRole)
                .toBool();
        };
        QVERIFY(markerShown());
        const int rowHeight = shown.height();
        for (int page = 0; page < 5 && markerShown(); ++page) {
            // At the top: "ast:", the earlier row, then the first key listed, which stays there.
            const QPersistentModelIndex firstListed = keys->model()->index(1, 0, group);
            keys->scrollToTop();
            QCOMPARE(keys->visualRect(firstListed).top(), 2 * rowHeight);
        }
        QVERIFY(!markerShown());
        QCOMPARE(keys->model()->index(0, 0, group).data(KeyTreeModel::KeyRole).toString(),
                 QString::fromStdString(m_entries.lower_bound("ast:")->first));
    }

    void inputsWithoutALabelHaveNames() {
        std::unique_ptr<BrowserWindow> window(BrowserWindow::open(m_store, {}, nullptr));
        QVERIFY(!window->searchField()->accessibleName().isEmpty());
        QVERIFY(!window->namespaceBox()->accessibleName().isEmpty());
        QVERIFY(!window->keyView()->accessibleName().isEmpty());
        // Tab order follows the toolbar, then the tree.
        QCOMPARE(window->namespaceBox()->nextInFocusChain(), window->searchField());
    }

    void longPathsAreShortenedInTheMiddle() {
        std::unique_ptr<BrowserWindow> window(BrowserWindow::open(m_store, {}, nullptr));
        window->show();
        window->resize(520, 400);
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        ElidedLabel *label = window->sourceLabel();
        QTRY_VERIFY(label->text().contains(QStringLiteral("…")));
        QVERIFY(label->text().startsWith(QStringLiteral("store ")));
        QVERIFY(label->text().endsWith(QStringLiteral("code.db")));
        QVERIFY(label->toolTip().contains(m_store));
        QVERIFY(label->toolTip().contains(m_source));
        QVERIFY(label->fontMetrics().horizontalAdvance(label->text()) <=
                label->contentsRect().width());
    }

    void smallLabelsSayWhatTheyMean() {
        const QString copy = m_dir.filePath(QStringLiteral("labels.kv"));
        QVERIFY(test::copyFolder(m_store, copy));
        QCOMPARE(test::tamperStore(copy, "chunk:nosymbol.rs:0:3",
                                   R"({"file_path":"nosymbol.rs","byte_start":0,"byte_end":3,)"
                                   R"("content":"abc","symbol_name":null,"symbol_kind":null})"),
                 QString());
        QCOMPARE(test::tamperStore(copy, "zzz:control", std::string("\x00\x01\x02", 3)), QString());
        QCOMPARE(test::tamperStore(copy, "zzz:invalid", std::string("\xff\xfe", 2)), QString());
        std::unique_ptr<BrowserWindow> window(BrowserWindow::open(copy, m_source, nullptr));
        window->show();
        ValueInspector *inspector = window->inspector();
        QVERIFY(window->jumpTo(QStringLiteral("chunk:nosymbol.rs")));
        QTRY_VERIFY(inspector->decoded() && inspector->decoded()->key == "chunk:nosymbol.rs:0:3");
        QVERIFY2(inspector->chunkFieldsText().contains(QStringLiteral("no symbol")),
                 qPrintable(inspector->chunkFieldsText()));
        QVERIFY(!inspector->chunkFieldsText().contains(QStringLiteral("none")));
        QVERIFY(inspector->headerText().contains(QStringLiteral("stored, JSON")));
        QVERIFY(window->jumpTo(QStringLiteral("zzz:control")));
        QTRY_VERIFY(inspector->decoded() && inspector->decoded()->key == "zzz:control");
        QVERIFY2(inspector->headerText().contains(QStringLiteral("binary-looking")),
                 qPrintable(inspector->headerText()));
        QVERIFY(!inspector->headerText().contains(QStringLiteral("not UTF-8")));
        QVERIFY(window->jumpTo(QStringLiteral("zzz:invalid")));
        QTRY_VERIFY(inspector->decoded() && inspector->decoded()->key == "zzz:invalid");
        QVERIFY2(inspector->headerText().contains(QStringLiteral("not UTF-8")),
                 qPrintable(inspector->headerText()));
        QCOMPARE(
            inspector->comparisonView()->model()->headerData(0, Qt::Horizontal, Qt::DisplayRole),
            QStringLiteral("field"));
    }

    void migrationRecordCountsAreGrouped() {
        std::unique_ptr<BrowserWindow> window(BrowserWindow::open(m_store, {}, nullptr));
        window->show();
        QVERIFY(window->jumpTo(QStringLiteral("meta:migration")));
        QTRY_VERIFY(window->inspector()->decoded().has_value());
        QVERIFY2(window->inspector()->summaryText().contains(QStringLiteral("7,480")),
                 qPrintable(window->inspector()->summaryText()));
    }

    void jsonTreeColumnsFitTheirText() {
        std::unique_ptr<BrowserWindow> window(BrowserWindow::open(m_store, {}, nullptr));
        window->show();
        QVERIFY(window->jumpTo(QStringLiteral("chunk:")));
        QTRY_VERIFY(window->inspector()->decoded().has_value());
        QTreeView *tree = window->inspector()->jsonTree();
        window->inspector()->tabs()->setCurrentWidget(tree); // set up when first shown
        QVERIFY(tree->header()->stretchLastSection());
        for (int column : {0, 1}) { // already as wide as their text
            const int shown = tree->columnWidth(column);
            tree->resizeColumnToContents(column);
            QCOMPARE(tree->columnWidth(column), shown);
        }
    }

    void jsonTabsAreFilledWhenFirstShown() {
        std::unique_ptr<BrowserWindow> window(BrowserWindow::open(m_store, {}, nullptr));
        window->show();
        QVERIFY(window->jumpTo(QStringLiteral("meta:migration")));
        QTRY_VERIFY(window->inspector()->decoded().has_value());
        ValueInspector *inspector = window->inspector();
        QVERIFY(inspector->tabs()->currentWidget() != inspector->jsonTextPage());
        QCOMPARE(inspector->jsonTextView()->toPlainText(), QString()); // not yet: not shown
        QCOMPARE(inspector->jsonTree()->model()->rowCount(), 0);
        inspector->tabs()->setCurrentWidget(inspector->jsonTextPage());
        QTRY_COMPARE(inspector->jsonTextView()->toPlainText(), inspector->valueText());
        inspector->tabs()->setCurrentWidget(inspector->jsonTree());
        QCOMPARE(inspector->jsonTree()->model()->rowCount(), 1);
        QVERIFY(inspector->jsonTree()->isExpanded(inspector->jsonTree()->model()->index(0, 0)));
        // The next value starts empty again, then shows its own text.
        QVERIFY(window->jumpTo(QStringLiteral("chunk:")));
        QTRY_VERIFY(inspector->decoded() && inspector->decoded()->key.rfind("chunk:", 0) == 0);
        inspector->tabs()->setCurrentWidget(inspector->jsonTextPage());
        QTRY_COMPARE(inspector->jsonTextView()->toPlainText(), inspector->valueText());
    }

    void largeValuesTextIsLaidOutInTheBackground() {
        const QString copy = m_dir.filePath(QStringLiteral("large-text.kv"));
        QVERIFY(test::copyFolder(m_store, copy));
        nlohmann::ordered_json items = nlohmann::ordered_json::array();
        for (int i = 0; i < 30000; ++i)
            items.push_back({{"n", i}});
        QCOMPARE(test::tamperStore(copy, "zzz:large", items.dump()), QString());
        std::unique_ptr<BrowserWindow> window(BrowserWindow::open(copy, {}, nullptr));
        window->show();
        ValueInspector *inspector = window->inspector();
        QVERIFY(window->jumpTo(QStringLiteral("zzz:large")));
        QTRY_VERIFY(inspector->decoded() && inspector->decoded()->key == "zzz:large");
        inspector->tabs()->setCurrentWidget(inspector->jsonTextPage());
        QTRY_VERIFY_WITH_TIMEOUT(inspector->jsonTextView()->toPlainText().size() > 64 * 1024,
                                 20000);
        QVERIFY(
            inspector->valueText().startsWith(inspector->jsonTextView()->toPlainText().left(1000)));
        // Too many members to open the tree's top at once: it stays closed until asked.
        inspector->tabs()->setCurrentWidget(inspector->jsonTree());
        QVERIFY(!inspector->jsonTree()->isExpanded(inspector->jsonTree()->model()->index(0, 0)));
    }

    void storesAreRememberedAndExportsSayWhereTheyWent() {
        RecentFiles::stores().clear();
        std::unique_ptr<BrowserWindow> window(BrowserWindow::open(m_store, {}, nullptr));
        QCOMPARE(RecentFiles::stores().paths(), QStringList({m_store}));
        QMenu *recent = nullptr;
        for (QAction *menu : window->menuBar()->actions())
            for (QAction *action : menu->menu()->actions())
                if (action->menu() &&
                    action->text().remove(QLatin1Char('&')) == QStringLiteral("Open Recent Store"))
                    recent = action->menu();
        QVERIFY(recent);
        Q_EMIT recent->aboutToShow();
        QCOMPARE(recent->actions().first()->text(), m_store);
        window->show();
        QVERIFY(window->jumpTo(QStringLiteral("meta:migration")));
        const QString path = m_dir.filePath(QStringLiteral("value.json"));
        QCOMPARE(window->exportValueTo(path), QString());
        QVERIFY(window->savedFileNotice()->isVisible());
        QVERIFY(window->savedFileNotice()->text().contains(path));
    }

    void jsonTreeModelIsWellBehaved() {
        JsonTreeModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setDocument(std::make_shared<nlohmann::ordered_json>(
            nlohmann::ordered_json::parse(R"j({"a":[1,{"b":null}],"c":"x"})j")));
        QCOMPARE(model.rowCount(), 1);
        const QModelIndex top = model.index(0, 0);
        QCOMPARE(model.rowCount(top), 2);
        QCOMPARE(model.index(0, JsonTreeModel::Value, top).data().toString(),
                 QStringLiteral("[2 element(s)]"));
        QCOMPARE(model.index(1, JsonTreeModel::Value, top).data().toString(), QStringLiteral("x"));
    }

private:
    QTemporaryDir m_dir;
    QString m_source;
    QString m_store;
    std::map<std::string, std::string> m_entries;
};

QTEST_MAIN(TestBrowserWindow)
#include "tst_browser_window.moc"
