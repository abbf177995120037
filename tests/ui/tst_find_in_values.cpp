// Edit › Find in Values used as a person would: type a query, matches stream into the list with
// the match emphasised, Enter or a double-click opens the key, Cancel stops a long search, a new
// search drops the old one's matches, a bad regular expression is named next to the field.
#include "browser_window.h"
#include "find_in_values_panel.h"
#include "test_database.h"
#include "value_match_model.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace magellan;

namespace {

constexpr int bigStoreChunks = 60000;

std::string chunkValue(const std::string &content, const std::string &symbol) {
    return R"({"id":1,"file_path":"f","byte_start":0,"byte_end":1,"content":")" + content +
           R"(","content_hash":"00","symbol_name":")" + symbol +
           R"(","symbol_kind":"function","created_at":null})";
}

QStringList listedKeys(const ValueMatchModel *model) {
    QStringList keys;
    for (int row = 0; row < model->rowCount(); ++row)
        keys << model->index(row, 0).data(ValueMatchModel::KeyRole).toString();
    return keys;
}

} // namespace

class TestFindInValues : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        test::keepSettingsIn(m_dir.filePath(QStringLiteral("settings")));
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        m_small = m_dir.filePath(QStringLiteral("small.kv"));
        QCOMPARE(test::writeStore(
                     m_small,
                     {{"ast:1", R"([{"id":1,"parent_id":null,"kind":"module"}])"},
                      {"chunk:src/a.py:0:10", chunkValue(R"(def main():\n    return 1)", "main")},
                      {"chunk:src/a.py:10:20", chunkValue(R"(print(\"café\"))", "helper")},
                      {"chunk:src/b.py:0:5", chunkValue("x = main()", "run")}}),
                 QString());
        // Big enough that a search is still running when it is cancelled.
        m_big = m_dir.filePath(QStringLiteral("big.kv"));
        std::vector<std::pair<std::string, std::string>> entries;
        const std::string filler(400, 'y');
        for (int i = 0; i < bigStoreChunks; ++i)
            entries.push_back({"chunk:src/big_" + std::to_string(i / 100) + ".py:" +
                                   std::to_string(i % 100) + ":" + std::to_string(i % 100 + 1),
                               chunkValue(filler + "common" + filler, "f" + std::to_string(i))});
        QCOMPARE(test::writeStore(m_big, entries), QString());
    }

    void menuShowsThePanel() {
        std::unique_ptr<BrowserWindow> window(BrowserWindow::open(m_small, {}, nullptr));
        QVERIFY(window);
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        QVERIFY(!window->findDock()->isVisible());
        QAction *action = nullptr;
        for (QAction *each : window->menuBar()->findChildren<QAction *>())
            if (each->shortcut() == QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F))
                action = each;
        QVERIFY(action);
        QVERIFY(action->text().contains(QStringLiteral("Values")));
        action->trigger();
        QVERIFY(window->findDock()->isVisible());
        QTRY_VERIFY(window->findPanel()->queryField()->hasFocus());
    }

    void typedQueryListsMatchesThatOpen() {
        std::unique_ptr<BrowserWindow> window(BrowserWindow::open(m_small, {}, nullptr));
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        window->showFindInValues();
        FindInValuesPanel *panel = window->findPanel();
        QCOMPARE(panel->scopeBox()->currentText(), QStringLiteral("Chunk content"));
        QSignalSpy finished(panel, &FindInValuesPanel::searchFinished);
        QTest::keyClicks(panel->queryField(), QStringLiteral("MAIN"));
        QTest::keyClick(panel->queryField(), Qt::Key_Return);
        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(listedKeys(panel->model()),
                 (QStringList{"chunk:src/a.py:0:10", "chunk:src/b.py:0:5"}));
        QCOMPARE(panel->countLabel()->text(),
                 QStringLiteral("2 matches in 2 values · 3 values scanned"));
        QCOMPARE(panel->progressBar()->value(), panel->progressBar()->maximum());
        const QModelIndex snippet = panel->model()->index(0, ValueMatchModel::Snippet);
        QCOMPARE(snippet.data().toString(), QStringLiteral("def main(): return 1"));
        QCOMPARE(snippet.data(ValueMatchModel::MatchStartRole).toInt(), 4);
        QCOMPARE(snippet.data(ValueMatchModel::MatchLengthRole).toInt(), 4);

        // A double-click opens the key in the browser.
        QTreeView *results = panel->resultView();
        const QRect rect = results->visualRect(panel->model()->index(1, 0));
        QTest::mouseClick(results->viewport(), Qt::LeftButton, {}, rect.center());
        QTest::mouseDClick(results->viewport(), Qt::LeftButton, {}, rect.center());
        QTRY_COMPARE(window->shownKey(), QStringLiteral("chunk:src/b.py:0:5"));
        QCOMPARE(window->selectedKey(), QStringLiteral("chunk:src/b.py:0:5"));
        // Enter on the other.
        results->setCurrentIndex(panel->model()->index(0, 0));
        results->setFocus();
        QTest::keyClick(results, Qt::Key_Return);
        QTRY_COMPARE(window->shownKey(), QStringLiteral("chunk:src/a.py:0:10"));

        // Escapes are resolved in a scoped search; a raw search sees them as stored.
        panel->queryField()->setText(QStringLiteral("\"café\"")); // keyClicks takes ASCII only
        QVERIFY(panel->find());
        QTRY_COMPARE(finished.count(), 2);
        QCOMPARE(listedKeys(panel->model()), (QStringList{"chunk:src/a.py:10:20"}));
        panel->scopeBox()->setCurrentIndex(
            panel->scopeBox()->findText(QStringLiteral("Any value (raw JSON)")));
        QVERIFY(panel->find());
        QTRY_COMPARE(finished.count(), 3);
        QCOMPARE(listedKeys(panel->model()), QStringList());
        QCOMPARE(panel->countLabel()->text(), QStringLiteral("No matches · 4 values scanned"));
    }

    void invalidRegularExpressionIsNamed() {
        std::unique_ptr<BrowserWindow> window(BrowserWindow::open(m_small, {}, nullptr));
        window->show();
        window->showFindInValues();
        FindInValuesPanel *panel = window->findPanel();
        panel->modeBox()->setCurrentIndex(1);
        QTest::keyClicks(panel->queryField(), QStringLiteral("main("));
        QVERIFY(!panel->find());
        QVERIFY(!panel->isSearching());
        QVERIFY(panel->problemLabel()->isVisible());
        QVERIFY2(panel->problemLabel()->text().contains(QStringLiteral("regular expression")),
                 qPrintable(panel->problemLabel()->text()));
        // Fixing it clears the message and runs.
        QSignalSpy finished(panel, &FindInValuesPanel::searchFinished);
        QTest::keyClicks(panel->queryField(), QStringLiteral(")"));
        QVERIFY(!panel->problemLabel()->isVisible());
        QTest::keyClick(panel->queryField(), Qt::Key_Return);
        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(listedKeys(panel->model()),
                 (QStringList{"chunk:src/a.py:0:10", "chunk:src/b.py:0:5"}));
    }

    void cancelStopsPromptly() {
        std::unique_ptr<BrowserWindow> window(BrowserWindow::open(m_big, {}, nullptr));
        window->show();
        window->showFindInValues();
        FindInValuesPanel *panel = window->findPanel();
        panel->modeBox()->setCurrentIndex(1); // a regular expression: the slowest search
        panel->queryField()->setText(QStringLiteral("y{400}common"));
        QSignalSpy finished(panel, &FindInValuesPanel::searchFinished);
        QVERIFY(panel->find());
        QVERIFY(panel->isSearching());
        QVERIFY(panel->cancelButton()->isEnabled());
        QElapsedTimer timer;
        timer.start();
        QTest::mouseClick(panel->cancelButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 1000);
        QVERIFY(timer.elapsed() < 1000);
        QVERIFY(!panel->isSearching());
        QVERIFY(!panel->cancelButton()->isEnabled());
        QVERIFY2(panel->countLabel()->text().startsWith(QStringLiteral("Cancelled: ")),
                 qPrintable(panel->countLabel()->text()));
        QVERIFY(panel->model()->rowCount() < bigStoreChunks);
    }

    void escapeCancels() {
        std::unique_ptr<BrowserWindow> window(BrowserWindow::open(m_big, {}, nullptr));
        window->show();
        window->showFindInValues();
        FindInValuesPanel *panel = window->findPanel();
        QSignalSpy finished(panel, &FindInValuesPanel::searchFinished);
        panel->queryField()->setText(QStringLiteral("common"));
        QTest::keyClick(panel->queryField(), Qt::Key_Return);
        QVERIFY(panel->isSearching());
        QTest::keyClick(panel->queryField(), Qt::Key_Escape);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 1000);
        QVERIFY2(panel->countLabel()->text().startsWith(QStringLiteral("Cancelled: ")),
                 qPrintable(panel->countLabel()->text()));
    }

    void aNewSearchDropsTheOldOnesMatches() {
        std::unique_ptr<BrowserWindow> window(BrowserWindow::open(m_big, {}, nullptr));
        window->show();
        window->showFindInValues();
        FindInValuesPanel *panel = window->findPanel();
        QSignalSpy finished(panel, &FindInValuesPanel::searchFinished);
        panel->queryField()->setText(QStringLiteral("common"));
        QVERIFY(panel->find());
        QTRY_VERIFY(panel->model()->rowCount() > 0);
        panel->scopeBox()->setCurrentIndex(
            panel->scopeBox()->findText(QStringLiteral("Symbol names")));
        panel->queryField()->setText(QStringLiteral("f59999"));
        QVERIFY(panel->find());
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000); // only the newer one reports
        QCOMPARE(listedKeys(panel->model()), (QStringList{"chunk:src/big_599.py:99:100"}));
        QCOMPARE(panel->countLabel()->text(),
                 QStringLiteral("1 match in 1 value · 60,000 values scanned"));
        QTest::qWait(100);
        QCOMPARE(finished.count(), 1);
        QCOMPARE(panel->model()->rowCount(), 1);
    }

    void listStopsAtItsLimitAndCountsOn() {
        std::unique_ptr<BrowserWindow> window(BrowserWindow::open(m_big, {}, nullptr));
        window->show();
        window->showFindInValues();
        FindInValuesPanel *panel = window->findPanel();
        QSignalSpy finished(panel, &FindInValuesPanel::searchFinished);
        panel->queryField()->setText(QStringLiteral("common"));
        QVERIFY(panel->find());
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
        QCOMPARE(panel->model()->rowCount(), int(FindInValuesPanel::listLimit));
        QCOMPARE(panel->countLabel()->text(),
                 QStringLiteral("60,000 matches in 60,000 values · 60,000 values scanned · "
                                "the first 10,000 listed"));
    }

private:
    QTemporaryDir m_dir;
    QString m_small, m_big;
};

QTEST_MAIN(TestFindInValues)
#include "tst_find_in_values.moc"
