#include "comparison_model.h"
#include "report_rows_model.h"
#include "status_colours.h"

#include <QBrush>
#include <QGuiApplication>
#include <QPalette>

#include <QAbstractItemModelTester>
#include <QTest>

using namespace magellan;

namespace {

MigrationReport sampleReport() {
    MigrationReport report;
    report.readBack = true;
    TableReport chunks;
    chunks.table = SourceTable::CodeChunks;
    chunks.sourceRows = 12;
    chunks.expectedKeys = 10;
    chunks.scan.rejectedRows = 2;
    chunks.scan.repairedValues = 1;
    chunks.scan.checksum.add("k", "v");
    chunks.scan.rejects = {{SourceTable::CodeChunks, 7, QStringLiteral("byte_start"),
                            QStringLiteral("byte_start holds TEXT, expected INTEGER")},
                           {SourceTable::CodeChunks, 9, QStringLiteral("file_path"),
                            QStringLiteral("NULL in required column file_path")}};
    chunks.readBack = true;
    chunks.store.keys = 10;
    chunks.store.records = 10;
    chunks.store.rejected = 2;
    chunks.store.checksum.add("k", "v");
    TableReport ast = chunks;
    ast.table = SourceTable::AstNodes;
    ast.scan.rejects.clear();
    ast.store.checksum.add("extra", "row"); // checksums differ
    report.tables = {chunks, ast};
    return report;
}

} // namespace

class TestComparisonModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // A table of the source the run did not read is a row of its own, never a pass.
    void tablesNotReadAreShownAsSuch() {
        MigrationReport report = sampleReport();
        SourceTableInfo cfg;
        cfg.table = SourceTable::CfgBlocks;
        cfg.exists = true;
        cfg.rows = 42;
        report.source.tables.resize(6);
        report.source.tables[static_cast<size_t>(SourceTable::CfgBlocks)] = cfg;
        report.notCarried = {
            {SourceTable::CfgBlocks, QStringLiteral("not among the tables asked for")}};
        ComparisonModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setReport(report);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.index(2, ComparisonModel::Table).data().toString(),
                 QStringLiteral("cfg_blocks"));
        QCOMPARE(model.index(2, ComparisonModel::SqliteRows).data(Qt::UserRole), QVariant());
        QCOMPARE(model.index(2, ComparisonModel::Result).data().toString(),
                 QStringLiteral("not read"));
        QCOMPARE(model.index(2, ComparisonModel::Result).data(Qt::UserRole).toBool(), false);
        QCOMPARE(model.index(2, ComparisonModel::Result).data(Qt::ToolTipRole).toString(),
                 QStringLiteral("not among the tables asked for"));
    }

    void comparisonModelIsAWellBehavedModel() {
        ComparisonModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        model.setReport(sampleReport());
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.columnCount(), int(ComparisonModel::ColumnCount));
        QCOMPARE(model.index(0, ComparisonModel::Table).data().toString(),
                 QStringLiteral("code_chunks"));
        QCOMPARE(model.index(0, ComparisonModel::SqliteRows).data(Qt::UserRole).toLongLong(), 12);
        QCOMPARE(model.index(0, ComparisonModel::KvRecords).data(Qt::UserRole).toLongLong(), 10);
        QCOMPARE(model.index(0, ComparisonModel::Rejected).data(Qt::UserRole).toLongLong(), 2);
        QVERIFY(model.index(0, ComparisonModel::Result)
                    .data()
                    .toString()
                    .contains(QStringLiteral("pass")));
        QVERIFY(!model.index(1, ComparisonModel::Result).data(Qt::UserRole).toBool());
        QVERIFY(model.index(1, ComparisonModel::Result)
                    .data()
                    .toString()
                    .contains(QStringLiteral("checksum")));
        QCOMPARE(
            model.headerData(ComparisonModel::KvKeys, Qt::Horizontal, Qt::DisplayRole).toString(),
            QStringLiteral("KV keys"));
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void reportRowsModelIsAWellBehavedModel() {
        ReportRowsModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setReport(sampleReport());
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(1, ReportRowsModel::RowId).data().toLongLong(), 9);
        QCOMPARE(model.index(1, ReportRowsModel::Detail).data().toString(),
                 QStringLiteral("file_path: NULL in required column file_path"));
        QCOMPARE(model.index(1, ReportRowsModel::What).data(ReportRowsModel::KeyRole).toByteArray(),
                 QByteArray("reject:code_chunks:9"));
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    // Differences first, as the report lists them; then rejects and repaired values by table,
    // then rowid.
    void reportRowsAreDifferencesThenKeptRowsSorted() {
        MigrationReport report = sampleReport();
        report.tables[0].scan.rejects = {
            {SourceTable::CodeChunks, 9, QStringLiteral("c"), QStringLiteral("r")},
            {SourceTable::CodeChunks, 7, QStringLiteral("c"), QStringLiteral("r")}};
        report.tables[0].scan.repairs = {
            {SourceTable::CodeChunks, "chunk:a:0:1", 8, QStringLiteral("content"), true}};
        report.tables[1].scan.rejects = {
            {SourceTable::AstNodes, 30, QStringLiteral("c"), QStringLiteral("r")},
            {SourceTable::AstNodes, 4, QStringLiteral("c"), QStringLiteral("r")}};
        report.differences.add(
            {SourceTable::CfgBlocks, "cfg:3", DifferenceKind::Changed, 12, {"kind"}, {}});
        report.differences.add(
            {SourceTable::AstNodes, "ast:1", DifferenceKind::ExtraInStore, std::nullopt, {}, {}});
        ReportRowsModel model;
        model.setReport(report);
        QStringList order;
        for (int row = 0; row < model.rowCount(); ++row)
            order << model.index(row, ReportRowsModel::What).data().toString() + QLatin1Char(' ') +
                         model.index(row, ReportRowsModel::Table).data().toString() +
                         QLatin1Char(':') +
                         model.index(row, ReportRowsModel::RowId).data().toString();
        QCOMPARE(order, QStringList({"changed cfg_blocks:12", "extra in store ast_nodes:none",
                                     "rejected ast_nodes:4", "rejected ast_nodes:30",
                                     "rejected code_chunks:7", "repaired code_chunks:8",
                                     "rejected code_chunks:9"}));
        QCOMPARE(model.index(0, ReportRowsModel::Detail).data().toString(),
                 QStringLiteral("fields: kind"));
        QCOMPARE(model.count(ReportRowsModel::Kind::Difference), 2);
        QCOMPARE(model.count(ReportRowsModel::Kind::Repaired), 1);
    }

    void resultColoursComeFromThePalette() {
        ComparisonModel model;
        model.setReport(sampleReport());
        const StatusColours colours = statusColours(QGuiApplication::palette());
        const auto colourOf = [&](int row) {
            return model.index(row, ComparisonModel::Result)
                .data(Qt::ForegroundRole)
                .value<QBrush>()
                .color();
        };
        QCOMPARE(colourOf(0), colours.pass);
        QCOMPARE(colourOf(1), colours.fail);
        QVERIFY(contrastRatio(colourOf(0), QGuiApplication::palette().color(QPalette::Base)) >=
                4.5);
    }

    void reportExportsAsCsv() {
        const QString csv = sampleReport().toCsv();
        const QStringList lines = csv.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 6); // header, outcome, two tables, two rejects
        QCOMPARE(lines[0], QStringLiteral("record,table,sqlite_rows,kv_keys,kv_records,rejected,"
                                          "repaired,seconds,counts,checksum,status,key,rowid,kind,"
                                          "column,detail"));
        QCOMPARE(lines[1], QStringLiteral("outcome,,,,,,,,,,failed,,,,,\"0 differences, 4 rejected "
                                          "rows, 2 repaired values\""));
        QCOMPARE(lines[2],
                 QStringLiteral("table,code_chunks,12,10,10,2,1,0.000,match,match,pass,,,,,"));
        QCOMPARE(lines[3],
                 QStringLiteral("table,ast_nodes,12,10,10,2,1,0.000,match,differ,fail,,,,,"));
        QCOMPARE(lines[4], QStringLiteral("reject,code_chunks,,,,,,,,,,reject:code_chunks:7,7,,"
                                          "byte_start,\"byte_start holds TEXT, expected "
                                          "INTEGER\""));
    }
};

QTEST_MAIN(TestComparisonModel)
#include "tst_comparison_model.moc"
