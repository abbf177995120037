// The Files view's model over a folder tree: a well-behaved model (QAbstractItemModelTester)
// through resets, with folders merged, files sorted, and sums per folder.
#include "browse/file_tree.h"
#include "files_model.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QTest>

using namespace magellan;

namespace {

FileSummary file(const std::string &path, std::int64_t chunks, std::int64_t nodes,
                 std::int64_t functions) {
    return {path, chunks, 1, nodes, functions};
}

std::shared_ptr<const FileListing> sampleListing() {
    auto listing = std::make_shared<FileListing>();
    listing->sourceRead = true;
    listing->files = {file("C:\\work\\odd:name.rs", 2, 1, 0),
                      file("Lib/compileall.py", 10, 400, 7),
                      file("Lib/re/__init__.py", 3, 50, 2),
                      file("Lib/re/_parser.py", 8, 900, 30),
                      file("README", 1, 0, 0),
                      file("deep/only/child/x.c", 1, 5, 1),
                      file("docs/ünïcode.md", 0, 2, 0)};
    return listing;
}

std::shared_ptr<const FileTree> treeOf(const FileListing &listing, const QString &pattern) {
    return std::make_shared<const FileTree>(
        FileTree::build(listing.files, PathPattern(pattern), {}).value());
}

QStringList childNames(const QAbstractItemModel &model, const QModelIndex &parent = {}) {
    QStringList names;
    for (int row = 0; row < model.rowCount(parent); ++row)
        names << model.index(row, 0, parent).data().toString();
    return names;
}

} // namespace

class TestFilesModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void foldersFirstThenFilesWithSums() {
        FilesModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const auto listing = sampleListing();
        model.setTree(listing, treeOf(*listing, {}));
        // C:\work is split at the backslash; one folder in one is one row; files after folders.
        QCOMPARE(childNames(model),
                 (QStringList{"C:/work", "deep/only/child", "docs", "Lib", "README"}));
        const QModelIndex lib = model.index(3, 0);
        QCOMPARE(childNames(model, lib), (QStringList{"re", "compileall.py"}));
        QCOMPARE(model.index(3, FilesModel::Chunks).data().toString(), QStringLiteral("21"));
        QCOMPARE(model.index(3, FilesModel::AstNodes).data().toString(), QStringLiteral("1,350"));
        QCOMPARE(model.index(3, FilesModel::Functions).data().toString(), QStringLiteral("39"));
        QCOMPARE(lib.data(Qt::ToolTipRole).toString(), QStringLiteral("3 files"));
        QVERIFY(!lib.data(FilesModel::IsFileRole).toBool());
        const QModelIndex parser = model.index(1, 0, model.index(0, 0, lib));
        QCOMPARE(parser.data().toString(), QStringLiteral("_parser.py"));
        QCOMPARE(parser.data(FilesModel::PathRole).toString(), QStringLiteral("Lib/re/_parser.py"));
        QVERIFY(parser.data(FilesModel::IsFileRole).toBool());
        QCOMPARE(model.parent(parser), model.index(0, 0, lib));
        QCOMPARE(model.indexOfPath("Lib/re/_parser.py"), parser);
        QCOMPARE(model.indexOfPath("docs/ünïcode.md").data().toString(),
                 QStringLiteral("ünïcode.md"));
        QVERIFY(!model.indexOfPath("Lib/re").isValid());
        QCOMPARE(model.matchingFiles(), std::int64_t(7));
    }

    void namesSortAsPeopleSortThem() {
        auto listing = std::make_shared<FileListing>();
        for (const char *path : {"d/file_10.py", "d/File_2.py", "d/file_1.py", "d/file_010b.py",
                                 "d/file_9.py", "d/a.py", "d/B.py"})
            listing->files.push_back(file(path, 1, 1, 1));
        FilesModel model;
        model.setTree(listing, treeOf(*listing, {}));
        QCOMPARE(childNames(model, model.index(0, 0)),
                 (QStringList{"a.py", "B.py", "file_1.py", "File_2.py", "file_9.py", "file_10.py",
                              "file_010b.py"}));
    }

    void aPatternNarrowsTheTreeThroughResets() {
        FilesModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const auto listing = sampleListing();
        model.setTree(listing, treeOf(*listing, QStringLiteral("*.py")));
        QCOMPARE(model.matchingFiles(), std::int64_t(3));
        QCOMPARE(childNames(model), (QStringList{"Lib"}));
        model.setTree(listing, treeOf(*listing, QStringLiteral("PARSER")));
        QCOMPARE(childNames(model), (QStringList{"Lib/re"})); // one folder in one: merged
        QCOMPARE(childNames(model, model.index(0, 0)), (QStringList{"_parser.py"}));
        model.setTree(listing, treeOf(*listing, QStringLiteral("nothing here")));
        QCOMPARE(model.rowCount(), 0);
        model.setTree(listing, treeOf(*listing, {}));
        QCOMPARE(model.rowCount(), 5);
    }

    void withoutTheSourceOnlyChunksAreShown() {
        FilesModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto listing = std::make_shared<FileListing>();
        listing->files = {{"src/a.rs", 4, {}, {}, {}}};
        model.setTree(listing, treeOf(*listing, {}));
        const QModelIndex file = model.index(0, 0, model.index(0, 0));
        QCOMPARE(file.siblingAtColumn(FilesModel::Chunks).data().toString(), QStringLiteral("4"));
        QCOMPARE(file.siblingAtColumn(FilesModel::AstNodes).data().toString(), QString());
        QCOMPARE(file.siblingAtColumn(FilesModel::Functions).data().toString(), QString());
    }

    void firstFilesThenTheWholeListing() {
        FilesModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const auto whole = sampleListing();
        auto first = std::make_shared<FileListing>();
        first->filesPending = true;
        first->countsPending = true;
        first->files = {file("Lib/compileall.py", 10, 0, 0), file("Lib/re/__init__.py", 3, 0, 0)};
        model.setTree(first, treeOf(*first, {}));
        QCOMPARE(childNames(model), (QStringList{"Lib"}));
        const QModelIndex lib = model.index(0, 0);
        // A folder's sum waits for the rest of its files; a file's count is already whole.
        QCOMPARE(lib.siblingAtColumn(FilesModel::Chunks).data().toString(), QStringLiteral("…"));
        const QModelIndex compileall = model.index(1, 0, lib);
        QCOMPARE(compileall.data().toString(), QStringLiteral("compileall.py"));
        QCOMPARE(compileall.siblingAtColumn(FilesModel::Chunks).data().toString(),
                 QStringLiteral("10"));
        QCOMPARE(compileall.siblingAtColumn(FilesModel::AstNodes).data().toString(),
                 QStringLiteral("…"));
        model.setTree(whole, treeOf(*whole, {}));
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(model.index(3, FilesModel::Chunks).data().toString(), QStringLiteral("21"));
    }

    void aBigListingBuildsQuickly() {
        auto listing = std::make_shared<FileListing>();
        for (int i = 0; i < 100000; ++i)
            listing->files.push_back(
                file("repo/pkg" + std::to_string(i % 300) + "/mod" + std::to_string(i) + ".py", 1,
                     1, 1));
        QElapsedTimer timer;
        timer.start();
        const auto tree = treeOf(*listing, QStringLiteral("mod1*"));
        QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(tree->matchingFiles, std::int64_t(11111)); // mod1, mod10..19, ..., mod10000..19999
        FilesModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::Warning);
        model.setTree(listing, tree);
        QCOMPARE(model.rowCount(), 1);
    }
};

QTEST_MAIN(TestFilesModel)
#include "tst_files_model.moc"
