#include "browser_window.h"
#include "field_comparison_model.h"
#include "migrate/migration.h"
#include "record_comparison_view.h"
#include "sample_sources.h"
#include "status_colours.h"
#include "test_database.h"
#include "value_inspector.h"

#include <QAbstractItemModelTester>
#include <QBrush>
#include <QCheckBox>
#include <QPushButton>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

#include <nlohmann/json.hpp>

using namespace magellan;

namespace {

using Model = FieldComparisonModel;

QString currentField(const RecordComparisonView *view) {
    const QModelIndex current = view->tree()->currentIndex();
    return current.data(Model::RecordLabelRole).toString() + QLatin1Char('/') +
           current.data(Model::FieldNameRole).toString();
}

} // namespace

// The Compare tab of the browser, driven as a person would: a tampered store, its source, and
// the field that was changed.
class TestRecordComparisonView : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        test::keepSettingsIn(m_dir.filePath(QStringLiteral("settings")));
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        m_source = m_dir.filePath(QStringLiteral("code.db"));
        QCOMPARE(test::generateSource(m_source, 4000), QString());
        m_store = m_dir.filePath(QStringLiteral("code.kv"));
        QVERIFY(migrateDatabase(m_source, m_store, {}, nullptr).status.isOk());
        m_entries = test::readStore(m_store);
    }

    // A chunk whose text was changed midway: its content field is marked and coloured, the pane
    // under the tree says from which character it differs, and F8 comes back to it.
    void changedChunkTextIsShownWhereItDiffers() {
        std::string key;
        size_t longest = 0;
        for (auto it = m_entries.lower_bound("chunk:");
             it != m_entries.end() && it->first.starts_with("chunk:"); ++it)
            if (it->second.size() > longest) {
                longest = it->second.size();
                key = it->first;
            }
        auto chunk = nlohmann::ordered_json::parse(m_entries.at(key));
        QString content = QString::fromStdString(chunk["content"].get<std::string>());
        qsizetype at = content.size() / 2;
        if (content.at(at).isLowSurrogate())
            ++at;
        content[at] = content.at(at) == QLatin1Char('#') ? QLatin1Char('%') : QLatin1Char('#');
        chunk["content"] = content.toStdString();
        const QString copy = m_dir.filePath(QStringLiteral("chunk.kv"));
        QVERIFY(test::copyFolder(m_store, copy));
        QCOMPARE(test::tamperStore(copy, key, chunk.dump()), QString());

        std::unique_ptr<BrowserWindow> window(BrowserWindow::open(copy, m_source, nullptr));
        QVERIFY(window);
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        QVERIFY(window->jumpTo(QString::fromStdString(key)));
        ValueInspector *inspector = window->inspector();
        inspector->showCompareTab();
        RecordComparisonView *view = inspector->comparisonView();
        QAbstractItemModelTester tester(view->model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QTRY_COMPARE(view->model()->rowCount(), 1);
        QTRY_VERIFY(view->isVisible());
        QCOMPARE(inspector->tabs()->currentWidget()->isAncestorOf(view), true);

        const QModelIndex field = view->model()->find(QStringLiteral("row"), "content");
        QVERIFY(field.isValid());
        QVERIFY(field.data(Model::DiffersRole).toBool());
        QVERIFY(field.data().toString().startsWith(QStringLiteral("✘ ")));
        QCOMPARE(field.data(Qt::ForegroundRole).value<QBrush>().color(),
                 statusColours(view->palette()).fail);
        const qsizetype offset = content.left(at).toUcs4().size(); // in characters
        QCOMPARE(field.data(Model::FirstDifferenceRole).toLongLong(), qint64(offset));
        for (int row = 0; row < view->model()->rowCount(field.parent()); ++row)
            if (row != field.row())
                QVERIFY2(
                    !view->model()->index(row, 0, field.parent()).data(Model::DiffersRole).toBool(),
                    qPrintable(view->model()->index(row, 0, field.parent()).data().toString()));

        QCOMPARE(currentField(view), QStringLiteral("row/content")); // the first difference
        QVERIFY(view->tree()->isExpanded(field.parent()));
        QVERIFY2(view->detailText().startsWith(QStringLiteral("content differs from character %1:")
                                                   .arg(QLocale().toString(offset + 1))),
                 qPrintable(view->detailText()));

        view->tree()->setCurrentIndex(view->model()->index(0, 0, field.parent()));
        QCOMPARE(currentField(view), QStringLiteral("row/id"));
        QVERIFY(view->detailText().isEmpty());
        QTest::keyClick(view->tree(), Qt::Key_F8);
        QCOMPARE(currentField(view), QStringLiteral("row/content"));
        view->tree()->setCurrentIndex(view->model()->index(0, 0, field.parent()));
        QTest::keyClick(view->tree(), Qt::Key_F8, Qt::ShiftModifier);
        QCOMPARE(currentField(view), QStringLiteral("row/content"));
        view->tree()->setCurrentIndex(view->model()->index(0, 0, field.parent()));
        QVERIFY(view->nextButton()->isEnabled());
        QTest::mouseClick(view->nextButton(), Qt::LeftButton);
        QCOMPARE(currentField(view), QStringLiteral("row/content"));
    }

    // In an AST group only the changed node is open; "Differences only" leaves it alone, with its
    // changed field; the next difference walks from one changed node to the other.
    void changedNodesInAGroupAreTheOnesOpen() {
        auto nodes = nlohmann::ordered_json::parse(m_entries.at("ast:1"));
        QVERIFY(nodes.size() > 6);
        nodes[2]["kind"] = "tampered";
        nodes[5]["byte_end"] = 999999;
        const QString label2 = QStringLiteral("id %1").arg(nodes[2]["id"].get<qint64>());
        const QString label5 = QStringLiteral("id %1").arg(nodes[5]["id"].get<qint64>());
        const QString copy = m_dir.filePath(QStringLiteral("ast.kv"));
        QVERIFY(test::copyFolder(m_store, copy));
        QCOMPARE(test::tamperStore(copy, "ast:1", nodes.dump()), QString());

        std::unique_ptr<BrowserWindow> window(BrowserWindow::open(copy, m_source, nullptr));
        window->show();
        QVERIFY(window->jumpTo(QStringLiteral("ast:1")));
        ValueInspector *inspector = window->inspector();
        RecordComparisonView *view = inspector->comparisonView();
        QTRY_COMPARE(view->model()->rowCount(), static_cast<int>(nodes.size()));
        inspector->showCompareTab();
        QCOMPARE(inspector->tabs()->currentWidget()->isAncestorOf(view), true);
        for (int row = 0; row < view->model()->rowCount(); ++row)
            QCOMPARE(view->tree()->isExpanded(view->model()->index(row, 0)), row == 2 || row == 5);
        QCOMPARE(currentField(view), label2 + QStringLiteral("/kind"));
        view->showNextDifference();
        QCOMPARE(currentField(view), label5 + QStringLiteral("/byte_end"));
        view->showNextDifference();
        QCOMPARE(currentField(view), label2 + QStringLiteral("/kind")); // round again

        view->differencesOnlyBox()->click();
        QCOMPARE(view->model()->rowCount(), 2);
        QCOMPARE(view->model()->rowCount(view->model()->index(0, 0)), 1);
        QCOMPARE(currentField(view), label2 + QStringLiteral("/kind")); // the selection stays

        // Another part of the app opens the tab at an identical field: it is shown again.
        QVERIFY(view->showField(QStringLiteral("id %1").arg(nodes[0]["id"].get<qint64>()), "id"));
        QVERIFY(!view->differencesOnlyBox()->isChecked());
        QVERIFY(!view->showField(QStringLiteral("id -5"), "kind"));
    }

    // Asked for a field before the value is decoded and compared, the inspector opens the Compare
    // tab at it when the comparison arrives.
    void aFieldAskedForEarlyIsShownWhenTheComparisonArrives() {
        const std::string key = std::next(m_entries.lower_bound("ast:"))->first;
        auto nodes = nlohmann::ordered_json::parse(m_entries.at(key));
        nodes[1]["kind"] = "tampered";
        const QString label = QStringLiteral("id %1").arg(nodes[1]["id"].get<qint64>());
        const QString copy = m_dir.filePath(QStringLiteral("early.kv"));
        QVERIFY(test::copyFolder(m_store, copy));
        QCOMPARE(test::tamperStore(copy, key, nodes.dump()), QString());
        std::unique_ptr<BrowserWindow> window(BrowserWindow::open(copy, m_source, nullptr));
        window->show();
        QVERIFY(window->jumpTo(QString::fromStdString(key)));
        ValueInspector *inspector = window->inspector();
        inspector->showField(label, QStringLiteral("parent_id"));
        RecordComparisonView *view = inspector->comparisonView();
        QTRY_COMPARE(currentField(view), label + QStringLiteral("/parent_id"));
        QCOMPARE(inspector->tabs()->currentWidget()->isAncestorOf(view), true);
    }

private:
    QTemporaryDir m_dir;
    QString m_source;
    QString m_store;
    std::map<std::string, std::string> m_entries;
};

QTEST_MAIN(TestRecordComparisonView)
#include "tst_record_comparison_view.moc"
