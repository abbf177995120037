#include "fixture_generator.h"

#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using namespace magellan;

namespace {

// The AST node count of the file with the most nodes, or -1 on error.
long long largestFileNodes(const QString &path) {
    sqlite3 *db = nullptr;
    long long largest = -1;
    if (sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr) ==
        SQLITE_OK) {
        sqlite3_stmt *statement = nullptr;
        if (sqlite3_prepare_v2(db,
                               "SELECT MAX(n) FROM (SELECT COUNT(*) AS n FROM ast_nodes WHERE "
                               "file_id IS NOT NULL GROUP BY file_id)",
                               -1, &statement, nullptr) == SQLITE_OK &&
            sqlite3_step(statement) == SQLITE_ROW)
            largest = sqlite3_column_int64(statement, 0);
        sqlite3_finalize(statement);
    }
    sqlite3_close(db);
    return largest;
}

} // namespace

class TestFixtureGenerator : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // By default the largest files grow with the database; capped, they stay under the cap
    // while the row count is kept.
    void theLargestFileCanBeCapped() {
        QTemporaryDir dir;
        fixture::FixtureSpec spec;
        spec.totalRows = 40000;
        const QString proportional = dir.filePath(QStringLiteral("proportional.db"));
        QCOMPARE(fixture::generateFixture(proportional.toStdString(), spec), std::string());
        QVERIFY(largestFileNodes(proportional) > 1000); // 3-5% of ~37,000 nodes

        spec.largestFileNodes = 500;
        const QString capped = dir.filePath(QStringLiteral("capped.db"));
        fixture::FixtureSummary summary;
        QCOMPARE(fixture::generateFixture(capped.toStdString(), spec, &summary), std::string());
        const long long largest = largestFileNodes(capped);
        QVERIFY2(largest > 250 && largest <= 500, qPrintable(QString::number(largest)));
        QCOMPARE(summary.chunks + summary.astNodes + summary.cfgBlocks, spec.totalRows);
    }

    void aNegativeCapIsRefused() {
        QTemporaryDir dir;
        fixture::FixtureSpec spec;
        spec.largestFileNodes = -1;
        const std::string error =
            fixture::generateFixture(dir.filePath(QStringLiteral("x.db")).toStdString(), spec);
        QVERIFY2(error.find("negative") != std::string::npos, error.c_str());
    }
};

QTEST_GUILESS_MAIN(TestFixtureGenerator)
#include "tst_fixture_generator.moc"
