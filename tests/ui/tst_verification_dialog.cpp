#include "browser_window.h"
#include "migrate/migration.h"
#include "report_rows_model.h"
#include "sample_sources.h"
#include "test_database.h"
#include "value_inspector.h"
#include "verification_dialog.h"

#include <QLabel>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace magellan;

class TestVerificationDialog : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        test::keepSettingsIn(m_dir.filePath(QStringLiteral("settings")));
        m_source = m_dir.filePath(QStringLiteral("code.db"));
        QCOMPARE(test::createDatabase(m_source, test::sampleSourceSql(2000)), QString());
        m_store = m_dir.filePath(QStringLiteral("code.kv"));
        QVERIFY(migrateDatabase(m_source, m_store, {}, nullptr).status.isOk());
    }

    // A tampered store: the browser's Verify lists each difference, and opening one shows its
    // key in the Compare tab.
    void differencesAreListedAndOpenInCompare() {
        const QString store = m_dir.filePath(QStringLiteral("tampered.kv"));
        QVERIFY(test::copyFolder(m_store, store));
        const auto entries = test::readStore(store);
        std::string group = entries.at("ast:27");
        group.replace(group.find("\"kind_"), 7, "\"other");
        QCOMPARE(test::tamperStore(store, "ast:27", group), QString());
        QCOMPARE(test::tamperStore(store, "cfg:3", std::nullopt), QString());

        std::unique_ptr<BrowserWindow> browser(BrowserWindow::open(store, m_source, nullptr));
        QVERIFY(browser);
        browser->show();
        VerificationDialog *dialog = browser->verifyAgainstSource();
        QVERIFY(dialog);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->outcome().has_value(), 60000);
        QCOMPARE(dialog->outcome()->report.outcome(), VerificationOutcome::Failed);
        QVERIFY2(dialog->verdictText().contains(QStringLiteral("with differences: 11")),
                 qPrintable(dialog->verdictText())); // 1 changed AST node, 10 CFG blocks gone
        const ReportRowsModel *rows = dialog->rowsModel();
        QCOMPARE(rows->count(ReportRowsModel::Kind::Difference), 11);
        QCOMPARE(rows->index(0, ReportRowsModel::Key).data().toString(), QStringLiteral("ast:27"));
        QCOMPARE(rows->index(0, ReportRowsModel::What).data().toString(),
                 QStringLiteral("changed"));
        QCOMPARE(rows->index(0, ReportRowsModel::Detail).data().toString(),
                 QStringLiteral("fields: kind"));
        QCOMPARE(rows->index(1, ReportRowsModel::Key).data().toString(), QStringLiteral("cfg:3"));
        QVERIFY(dialog->rowsView()->isVisible());

        // Enter on the first row: the browser shows ast:27 on its Compare tab.
        QTableView *view = dialog->rowsView();
        view->setCurrentIndex(rows->index(0, 0));
        QTest::keyClick(view, Qt::Key_Return);
        QVERIFY(dialog->isVisible()); // Enter opens the row; it does not close the dialog
        QTRY_COMPARE(browser->selectedKey(), QStringLiteral("ast:27"));
        QTabWidget *tabs = browser->inspector()->tabs();
        QTRY_VERIFY(tabs->tabText(tabs->currentIndex())
                        .remove(QLatin1Char('&'))
                        .startsWith(QStringLiteral("Compare")));
        dialog->close();
    }

    void equalStoreIsVerifiedWithItsRejectsSaid() {
        const QString source = m_dir.filePath(QStringLiteral("rejects.db"));
        QCOMPARE(test::createDatabase(
                     source, test::sampleSourceSql(200) +
                                 QStringLiteral("INSERT INTO ast_nodes VALUES (100000, NULL, "
                                                "'bad', 'x', 1, 1);")),
                 QString());
        const QString store = m_dir.filePath(QStringLiteral("rejects.kv"));
        QVERIFY(migrateDatabase(source, store, {}, nullptr).status.isOk());
        VerificationDialog dialog(store, source);
        dialog.show();
        dialog.start();
        QTRY_VERIFY_WITH_TIMEOUT(dialog.outcome().has_value(), 60000);
        QCOMPARE(dialog.outcome()->report.outcome(), VerificationOutcome::VerifiedWithRejects);
        QVERIFY2(dialog.verdictText().contains(QStringLiteral("Verified, with rejected rows: 1.")),
                 qPrintable(dialog.verdictText()));
        QCOMPARE(dialog.rowsModel()->count(ReportRowsModel::Kind::Rejected), 1);
        QCOMPARE(dialog.rowsModel()->count(ReportRowsModel::Kind::Difference), 0);
        const QString csv = m_dir.filePath(QStringLiteral("verify.csv"));
        QCOMPARE(dialog.exportReportTo(csv, true), QString());
        QVERIFY(QString::fromUtf8(test::fileBytes(csv)).contains(QStringLiteral("\r\nreject,")));
    }

    void cancelStopsTheVerification() {
        VerificationDialog dialog(m_store, m_source);
        dialog.show();
        dialog.start();
        auto *cancel = dialog.findChild<QPushButton *>();
        QVERIFY(cancel);
        const auto buttons = dialog.findChildren<QPushButton *>();
        for (QPushButton *button : buttons)
            if (button->text().remove(QLatin1Char('&')) == QStringLiteral("Cancel"))
                button->click();
        QTRY_VERIFY_WITH_TIMEOUT(dialog.outcome().has_value(), 30000);
        QCOMPARE(dialog.outcome()->status.code(), Status::Code::Cancelled);
        QVERIFY(!dialog.isRunning());
    }

private:
    QTemporaryDir m_dir;
    QString m_source;
    QString m_store;
};

QTEST_MAIN(TestVerificationDialog)
#include "tst_verification_dialog.moc"
