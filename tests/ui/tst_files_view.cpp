// The Files view of the KV browser, used as a person would: the tree by folder, the search box
// as one types, a file's chunks in source order, its AST entries and functions, and a
// double-click that opens a key in the value inspector.
#include "browse/file_index.h"
#include "browser_window.h"
#include "files_model.h"
#include "files_source.h"
#include "files_view.h"
#include "migrate/migration.h"
#include "store/kv_store.h"
#include "test_database.h"
#include "value_inspector.h"

#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QTreeWidget>

#include <algorithm>

using namespace magellan;

namespace {

// The rows of a section of the detail view: first column, second column, key.
QStringList sectionRows(const QTreeWidget *detail, int section) {
    QStringList rows;
    const QTreeWidgetItem *item = detail->topLevelItem(section);
    for (int i = 0; item && i < item->childCount(); ++i)
        rows << item->child(i)->text(0) + " | " + item->child(i)->text(1) + " | " +
                    item->child(i)->text(2);
    return rows;
}

QTreeWidgetItem *itemWithKey(const QTreeWidget *detail, const QString &key) {
    for (int s = 0; s < detail->topLevelItemCount(); ++s)
        for (int i = 0; i < detail->topLevelItem(s)->childCount(); ++i)
            if (detail->topLevelItem(s)->child(i)->text(2) == key)
                return detail->topLevelItem(s)->child(i);
    return nullptr;
}

} // namespace

class TestFilesView : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        test::keepSettingsIn(m_dir.filePath(QStringLiteral("settings")));
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        m_source = m_dir.filePath(QStringLiteral("files.db"));
        QCOMPARE(test::createDatabase(m_source, test::filesSourceSql()), QString());
        m_store = m_dir.filePath(QStringLiteral("files.kv"));
        QVERIFY(migrateDatabase(m_source, m_store, {}, nullptr).status.isOk());
    }

    void filesAreReadWhenTheViewIsShown() {
        std::unique_ptr<BrowserWindow> window(BrowserWindow::open(m_store, {}, nullptr));
        QVERIFY(window);
        window->show();
        FilesView *files = window->filesView();
        QCOMPARE(files->model()->rowCount(), 0); // not read while the Keys view is in front
        QSignalSpy shown(files, &FilesView::filesShown);
        window->showView(1);
        // The files first, with their AST and function counts pending, then the counts.
        QTRY_VERIFY(shown.count() >= 1);
        QTRY_VERIFY(!files->isLoading());
        QCOMPARE(shown.count(), 2);
        QVERIFY(!files->model()->listing()->countsPending);
        QCOMPARE(files->model()->matchingFiles(), std::int64_t(7));
        QVERIFY2(files->statusLabel()->text().startsWith(QStringLiteral("7 files")),
                 qPrintable(files->statusLabel()->text()));
        // Short lists are shown whole: lib/re.py is visible under lib.
        const QModelIndex re = files->model()->indexOfPath("lib/re.py");
        QVERIFY(re.isValid());
        QVERIFY(files->fileView()->isExpanded(re.parent()));
    }

    void searchNarrowsAsOneTypes() {
        std::unique_ptr<BrowserWindow> window(BrowserWindow::open(m_store, {}, nullptr));
        window->show();
        window->showView(1);
        FilesView *files = window->filesView();
        QTRY_VERIFY(!files->isLoading() && files->model()->matchingFiles() == 7);
        QTest::keyClicks(files->searchField(), QStringLiteral("*.py"));
        QTRY_COMPARE(files->model()->matchingFiles(), std::int64_t(2));
        QTRY_VERIFY(!files->isLoading());
        QCOMPARE(files->statusLabel()->text(), QStringLiteral("2 of 7 files match"));
        files->searchField()->clear();
        QTest::keyClicks(files->searchField(), QStringLiteral("ÜNÏ"));
        QTRY_COMPARE(files->model()->matchingFiles(), std::int64_t(1));
        QVERIFY(files->model()->indexOfPath("docs/ünïcode.md").isValid());
        files->searchField()->clear();
        QTRY_COMPARE(files->model()->matchingFiles(), std::int64_t(7));
    }

    void aFileShowsItsChunksAstAndFunctions() {
        std::unique_ptr<BrowserWindow> window(BrowserWindow::open(m_store, {}, nullptr));
        window->show();
        window->showView(1);
        FilesView *files = window->filesView();
        QTRY_VERIFY(files->model()->matchingFiles() == 7);
        QSignalSpy detail(files, &FilesView::detailShown);
        QVERIFY(files->selectFile(QStringLiteral("src/app.py")));
        QTRY_COMPARE(files->shownFile(), QStringLiteral("src/app.py"));
        const QTreeWidget *view = files->detailView();
        QCOMPARE(view->topLevelItem(0)->text(0), QStringLiteral("AST"));
        QCOMPARE(sectionRows(view, 0), (QStringList{"file id 1 | 4 nodes | ast:1"}));
        QCOMPARE(view->topLevelItem(1)->text(0), QStringLiteral("Chunks: 4, in source order"));
        QCOMPARE(sectionRows(view, 1),
                 (QStringList{"(no symbol) | 50–60 | chunk:src/app.py:50:60",
                              "Config · class | 697–800 | chunk:src/app.py:697:800",
                              "helper · function | 697–900 | chunk:src/app.py:697:900",
                              "main · function | 11,399–12,497 | chunk:src/app.py:11399:12497"}));
        QCOMPARE(sectionRows(view, 2),
                 (QStringList{"main | 3 blocks | cfg:10", "helper | 2 blocks | cfg:11"}));
    }

    void aReindexedFileListsBothAsts() {
        std::unique_ptr<BrowserWindow> window(BrowserWindow::open(m_store, {}, nullptr));
        window->show();
        window->showView(1);
        FilesView *files = window->filesView();
        QTRY_VERIFY(files->model()->matchingFiles() == 7);
        QVERIFY(files->selectFile(QStringLiteral("lib/re.py")));
        QTRY_COMPARE(files->shownFile(), QStringLiteral("lib/re.py"));
        const QTreeWidget *view = files->detailView();
        QCOMPARE(view->topLevelItem(0)->text(0),
                 QStringLiteral("AST: 2 File entities with this path (indexed again)"));
        QCOMPARE(sectionRows(view, 0),
                 (QStringList{"file id 4 | 2 nodes | ast:4", "file id 5 | 3 nodes | ast:5"}));
    }

    void doubleClickOpensTheKeyInTheInspector() {
        std::unique_ptr<BrowserWindow> window(BrowserWindow::open(m_store, {}, nullptr));
        window->show();
        window->showView(1);
        FilesView *files = window->filesView();
        QTRY_VERIFY(files->model()->matchingFiles() == 7);
        QVERIFY(files->selectFile(QStringLiteral("tools/cli.rs")));
        QTRY_COMPARE(files->shownFile(), QStringLiteral("tools/cli.rs"));
        QTreeWidget *view = files->detailView();
        QTreeWidgetItem *run = itemWithKey(view, QStringLiteral("cfg:14"));
        QVERIFY(run);
        QCOMPARE(run->text(1), QStringLiteral("4 blocks"));
        view->scrollToItem(run);
        const QRect rect = view->visualItemRect(run);
        // A double-click as a mouse gives it: the press of its first click, then the second.
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, rect.center());
        QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, rect.center());
        QTRY_COMPARE(window->shownKey(), QStringLiteral("cfg:14"));
        QTRY_VERIFY(window->inspector()->decoded().has_value());
        QCOMPARE(window->inspector()->decoded()->key, std::string("cfg:14"));
        QCOMPARE(window->views()->currentIndex(), 1); // the Files view stays in front
        // Enter on a chunk does the same.
        QTreeWidgetItem *chunk = itemWithKey(view, QStringLiteral("chunk:tools/cli.rs:5:9"));
        view->setCurrentItem(chunk);
        view->setFocus();
        QTest::keyClick(view, Qt::Key_Return);
        QTRY_COMPARE(window->shownKey(), QStringLiteral("chunk:tools/cli.rs:5:9"));
    }

    void withoutTheSourceTheViewSaysWhatItNeeds() {
        const QString gone = m_dir.filePath(QStringLiteral("nowhere.db"));
        std::unique_ptr<BrowserWindow> window(BrowserWindow::open(m_store, gone, nullptr));
        window->show();
        window->showView(1);
        FilesView *files = window->filesView();
        QTRY_VERIFY(!files->isLoading() && files->model()->listing());
        QCOMPARE(files->model()->matchingFiles(), std::int64_t(6)); // no AST-only file
        QVERIFY2(files->statusLabel()->text().contains(QStringLiteral("Only chunks are counted")),
                 qPrintable(files->statusLabel()->text()));
        QVERIFY(files->selectFile(QStringLiteral("src/app.py")));
        QTRY_COMPARE(files->shownFile(), QStringLiteral("src/app.py"));
        QCOMPARE(sectionRows(files->detailView(), 1).size(), 4);
        QVERIFY(sectionRows(files->detailView(), 0)
                    .value(0)
                    .startsWith(QStringLiteral("Needs the source database")));
        // Choosing the source reads the files again, with their ASTs.
        window->setSourcePath(m_source);
        QTRY_VERIFY(!files->isLoading() && files->model()->matchingFiles() == 7);
        QTRY_COMPARE(sectionRows(files->detailView(), 0),
                     (QStringList{"file id 1 | 4 nodes | ast:1"}));
    }

    void theFirstScreenComesBeforeTheWholeListing() {
        // More files than a first screen counts, in folders the first screen does not reach.
        std::vector<std::pair<std::string, std::string>> entries;
        for (int i = 0; i < 3500; ++i)
            entries.emplace_back(
                kvkey::chunk("top" + std::to_string(i / 500) + "/f" + std::to_string(i) + ".py", 0,
                             1),
                R"({"symbol_name":null})");
        std::sort(entries.begin(), entries.end());
        const QString path = m_dir.filePath(QStringLiteral("many.kv"));
        QCOMPARE(test::writeStore(path, entries), QString());
        auto opened = KvStore::open(path, KvStore::Mode::ReadOnly);
        QVERIFY(opened.isOk());
        const std::shared_ptr<const KvStore> store(std::move(opened.value()));
        FilesView view(store, KeyLayout::Seed);
        view.show();
        QSignalSpy shown(&view, &FilesView::filesShown);
        std::vector<std::shared_ptr<const FileListing>> listings;
        connect(&view, &FilesView::filesShown, this,
                [&] { listings.push_back(view.model()->listingShared()); });
        view.ensureLoaded();
        QTRY_VERIFY(!view.isLoading());
        QCOMPARE(shown.count(), 2);
        // First the files counted first, in chunk key order, then every file.
        QVERIFY(listings[0]->filesPending);
        QVERIFY(listings[0]->files.size() >= 2000 && listings[0]->files.size() < 3500);
        QCOMPARE(listings[0]->files.front().path, std::string("top0/f0.py"));
        QVERIFY(!listings[1]->filesPending);
        const Result<FileListing> oneStep =
            fileindex::listFiles(*store, nullptr, KeyLayout::Seed, {}, {});
        QCOMPARE(listings[1]->files.size(), oneStep->files.size());
        for (size_t i = 0; i < oneStep->files.size(); ++i) {
            QCOMPARE(listings[1]->files[i].path, oneStep->files[i].path);
            QCOMPARE(listings[1]->files[i].chunks, oneStep->files[i].chunks);
        }
        // Every top folder open, as a listing shown in one step would have them.
        QCOMPARE(view.model()->rowCount(), 7);
        for (int row = 0; row < 7; ++row)
            QVERIFY(view.fileView()->isExpanded(view.model()->index(row, 0)));
        QCOMPARE(view.statusLabel()->text().section(QLatin1Char('\n'), 0, 0),
                 QStringLiteral("3,500 files"));
    }

private:
    QTemporaryDir m_dir;
    QString m_source, m_store;
};

QTEST_MAIN(TestFilesView)
#include "tst_files_view.moc"
