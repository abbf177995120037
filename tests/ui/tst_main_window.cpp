#include "browser_window.h"
#include "fixture_generator.h"
#include "main_window.h"
#include "migrate/migration.h"
#include "migration_panel.h"
#include "recent_files.h"
#include "sample_sources.h"
#include "saved_file_notice.h"

#include "test_database.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QDesktopServices>
#include <QDir>
#include <QDropEvent>
#include <QFileInfo>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace magellan;

namespace {

QMenu *menuNamed(QMainWindow &window, const QString &title) {
    for (QAction *action : window.menuBar()->actions())
        if (action->menu() && action->text().remove(QLatin1Char('&')) == title)
            return action->menu();
    return nullptr;
}

QStringList actionTexts(QMenu *menu) {
    QStringList texts;
    for (QAction *action : menu->actions())
        if (!action->isSeparator())
            texts << action->text().remove(QLatin1Char('&'));
    return texts;
}

// Presses the button whose role is `role` in the visible message box of `window`.
bool answer(QWidget &window, QMessageBox::ButtonRole role) {
    for (QMessageBox *box : window.findChildren<QMessageBox *>())
        if (box->isVisible())
            for (QAbstractButton *button : box->buttons())
                if (box->buttonRole(button) == role) {
                    button->click();
                    return true;
                }
    return false;
}

bool questionIsOpen(QWidget &window, const QString &title) {
    for (QMessageBox *box : window.findChildren<QMessageBox *>())
        if (box->isVisible() && box->windowTitle() == title)
            return true;
    return false;
}

// Receives the URLs the app asks the desktop to open.
class UrlCatcher : public QObject {
    Q_OBJECT
public:
    QList<QUrl> urls;
public Q_SLOTS:
    void open(const QUrl &url) { urls << url; }
};

} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        test::keepSettingsIn(m_dir.filePath(QStringLiteral("settings")));
        m_source = m_dir.filePath(QStringLiteral("code.db"));
        QCOMPARE(test::generateSource(m_source, 5000), QString());
    }
    void init() {
        RecentFiles().clear();
        RecentFiles::stores().clear();
    }

    void menusHaveStandardShortcuts() {
        MainWindow window;
        QMenu *file = menuNamed(window, QStringLiteral("File"));
        QVERIFY(file);
        bool open = false;
        bool quit = false;
        for (QAction *action : file->actions()) {
            open = open || action->shortcut() == QKeySequence(QKeySequence::Open);
            quit = quit || action->shortcut() == QKeySequence(QKeySequence::Quit);
        }
        QVERIFY(open);
        QVERIFY(quit);
        QVERIFY(menuNamed(window, QStringLiteral("Help")));
    }

    void openingUpdatesTitleAndRecentFiles() {
        MainWindow window;
        window.show();
        QCOMPARE(window.windowTitle(), QStringLiteral("magellan-kv"));
        window.openDatabase(m_source);
        QTRY_COMPARE(window.panel()->state(), MigrationPanel::State::Ready);
        QCOMPARE(window.windowTitle(), QStringLiteral("code.db — magellan-kv"));
        QCOMPARE(RecentFiles().paths(), QStringList({m_source}));
        QMenu *recent = nullptr;
        for (QAction *action : menuNamed(window, QStringLiteral("File"))->actions())
            if (action->menu())
                recent = action->menu();
        QVERIFY(recent);
        QCOMPARE(actionTexts(recent), QStringList({m_source, QStringLiteral("Clear Recent")}));
        recent->actions().last()->trigger();
        QCOMPARE(RecentFiles().paths(), QStringList());
        QCOMPARE(actionTexts(recent), QStringList({QStringLiteral("Clear Recent")}));
        QVERIFY(!recent->actions().last()->isEnabled());
    }

    void recentFilesKeepTheNewestFirstAndAreBounded() {
        RecentFiles recent;
        for (int i = 0; i < RecentFiles::limit + 3; ++i)
            recent.add(QStringLiteral("/data/%1.db").arg(i));
        recent.add(QStringLiteral("/data/5.db"));
        const QStringList paths = recent.paths();
        QCOMPARE(paths.size(), RecentFiles::limit);
        QCOMPARE(paths.first(), QStringLiteral("/data/5.db"));
        QCOMPARE(paths.count(QStringLiteral("/data/5.db")), 1);
    }

    void droppingAFileOpensIt() {
        MainWindow window;
        window.show();
        auto *mime = new QMimeData;
        mime->setUrls({QUrl::fromLocalFile(m_source)});
        QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&window, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(10, 10), Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&window, &drop);
        QTRY_COMPARE(window.panel()->state(), MigrationPanel::State::Ready);
        QCOMPARE(window.panel()->databasePath(), m_source);
        delete mime;
    }

    void titleShowsProgressWhileMigrating() {
        MainWindow window;
        window.show();
        window.openDatabase(m_source);
        QTRY_COMPARE(window.panel()->state(), MigrationPanel::State::Ready);
        window.panel()->setDestinationPath(m_dir.filePath(QStringLiteral("title.kv")));
        window.panel()->startMigration();
        QVERIFY(window.windowTitle().contains(QStringLiteral("% migrating — code.db")));
        QTRY_COMPARE_WITH_TIMEOUT(window.panel()->state(), MigrationPanel::State::Finished, 60000);
        QCOMPARE(window.windowTitle(), QStringLiteral("code.db — magellan-kv"));
    }

    void closingDuringAMigrationAsksAndKeepGoingKeepsTheWindow() {
        MainWindow window;
        window.show();
        window.openDatabase(m_source);
        QTRY_COMPARE(window.panel()->state(), MigrationPanel::State::Ready);
        const QString dst = m_dir.filePath(QStringLiteral("close-kept.kv"));
        window.panel()->setDestinationPath(dst);
        window.panel()->startMigration();
        QVERIFY(!window.close());
        QVERIFY(window.isVisible());
        QTRY_VERIFY(questionIsOpen(window, QStringLiteral("Cancel the migration?")));
        QVERIFY(answer(window, QMessageBox::NoRole));
        QTRY_COMPARE_WITH_TIMEOUT(window.panel()->state(), MigrationPanel::State::Finished, 60000);
        QVERIFY(window.panel()->lastOutcome()->status.isOk());
        QVERIFY(window.isVisible());
        QVERIFY(QFileInfo::exists(dst));
    }

    void closingDuringAMigrationAndStoppingCancelsThenCloses() {
        MainWindow window;
        window.show();
        window.openDatabase(m_source);
        QTRY_COMPARE(window.panel()->state(), MigrationPanel::State::Ready);
        const QString dst = m_dir.filePath(QStringLiteral("close-stopped.kv"));
        window.panel()->setDestinationPath(dst);
        window.panel()->startMigration();
        QVERIFY(!window.close());
        QTRY_VERIFY(questionIsOpen(window, QStringLiteral("Cancel the migration?")));
        QVERIFY(window.isVisible());
        QVERIFY(answer(window, QMessageBox::YesRole));
        QTRY_VERIFY_WITH_TIMEOUT(!window.isVisible(), 10000);
        QCOMPARE(window.panel()->state(), MigrationPanel::State::Ready);
        QCOMPARE(window.panel()->lastOutcome()->status.code(), Status::Code::Cancelled);
        QVERIFY(!QFileInfo::exists(dst));
    }

    void droppingAStoreFolderOpensItInTheBrowser() {
        const QString store = m_dir.filePath(QStringLiteral("dropped.kv"));
        QVERIFY(migrateDatabase(m_source, store, {}, nullptr).status.isOk());
        MainWindow window;
        window.show();
        auto mime = std::make_unique<QMimeData>();
        mime->setUrls({QUrl::fromLocalFile(store)});
        QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, mime.get(), Qt::LeftButton,
                              Qt::NoModifier);
        QApplication::sendEvent(&window, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(10, 10), Qt::CopyAction, mime.get(), Qt::LeftButton,
                        Qt::NoModifier);
        QApplication::sendEvent(&window, &drop);
        const QList<BrowserWindow *> browsers = window.findChildren<BrowserWindow *>();
        QCOMPARE(browsers.size(), 1);
        QCOMPARE(browsers.first()->storePath(), store);
        QCOMPARE(window.panel()->state(), MigrationPanel::State::Empty); // not a database
        QCOMPARE(RecentFiles::stores().paths().value(0), store);
        delete browsers.first();
    }

    void exportShowsWhereTheFileWentAndOpensItsFolder() {
        MainWindow window;
        window.show();
        window.openDatabase(m_source);
        QTRY_COMPARE(window.panel()->state(), MigrationPanel::State::Ready);
        window.panel()->setDestinationPath(m_dir.filePath(QStringLiteral("export.kv")));
        window.panel()->startMigration();
        QTRY_COMPARE_WITH_TIMEOUT(window.panel()->state(), MigrationPanel::State::Finished, 60000);
        QVERIFY(!window.savedFileNotice()->isVisible());
        const QString path = m_dir.filePath(QStringLiteral("exports/report.csv"));
        QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
        QCOMPARE(window.panel()->exportReportTo(path, true), QString());
        QVERIFY(window.savedFileNotice()->isVisible());
        QVERIFY(window.savedFileNotice()->text().contains(path));
        UrlCatcher catcher;
        QDesktopServices::setUrlHandler(QStringLiteral("file"), &catcher, "open");
        window.savedFileNotice()->openFolderButton()->click();
        QDesktopServices::unsetUrlHandler(QStringLiteral("file"));
        QCOMPARE(catcher.urls, QList<QUrl>({QUrl::fromLocalFile(QFileInfo(path).absolutePath())}));
    }

    void windowRemembersItsSize() {
        {
            MainWindow window;
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            window.resize(801, 611);
            QTRY_COMPARE(window.size(), QSize(801, 611)); // the platform window may resize later
            window.close();
        }
        MainWindow again;
        QCOMPARE(again.size(), QSize(801, 611));
    }

private:
    QTemporaryDir m_dir;
    QString m_source;
};

QTEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"
