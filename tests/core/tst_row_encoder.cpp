// The row encoder alone, on rows made by hand: what each rule of kv-format.md makes of one row.
#include "migrate/row_encoder.h"

#include <QTest>

#include <sqlite3.h>

#include <cmath>
#include <limits>

using namespace magellan;

namespace {

SqlValue integer(std::int64_t value) {
    return {SQLITE_INTEGER, value, 0, {}};
}
SqlValue real(double value) {
    return {SQLITE_FLOAT, 0, value, {}};
}
SqlValue text(std::string_view value) {
    return {SQLITE_TEXT, 0, 0, value};
}
SqlValue blob(std::string_view value) {
    return {SQLITE_BLOB, 0, 0, value};
}
SqlValue null() {
    return {SQLITE_NULL, 0, 0, {}};
}

SourceTableInfo tableInfo(SourceTable table, QStringList columns) {
    SourceTableInfo info{table};
    info.exists = true;
    info.sqlName = tableName(table);
    info.rowidName = QStringLiteral("rowid");
    info.columns = std::move(columns);
    return info;
}

const QStringList chunkColumns{"id", "file_path", "byte_start", "byte_end", "content"};
const QStringList astColumns{"id", "parent_id", "kind", "byte_start", "byte_end", "file_id"};

} // namespace

class TestRowEncoder : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void aChunkRowIsItsKeyAndValue() {
        RowEncoder encoder(tableInfo(SourceTable::CodeChunks, chunkColumns), KeyLayout::Seed);
        const SqlValue row[] = {integer(7), integer(1),  text("src/a:b.rs"),
                                integer(0), integer(12), text("fn")};
        QVERIFY(!encoder.check(row, false));
        QCOMPARE(encoder.singleRowKey(row), std::string("chunk:src/a::b.rs:0:12"));
        std::string value;
        QCOMPARE(encoder.appendValue(row, value), 0);
        QCOMPARE(value, std::string(R"({"id":1,"file_path":"src/a:b.rs","byte_start":0,)"
                                    R"("byte_end":12,"content":"fn","content_hash":null,)"
                                    R"("symbol_name":null,"symbol_kind":null,"created_at":null})"));
    }

    void bytesJsonCannotHoldAreRepaired() {
        RowEncoder encoder(tableInfo(SourceTable::CodeChunks, chunkColumns), KeyLayout::Seed);
        const SqlValue row[] = {integer(7), integer(1), text("a.rs"),
                                integer(0), integer(1), blob(std::string_view("\xff\x00", 2))};
        QVERIFY(!encoder.check(row, false));
        std::string value;
        QCOMPARE(encoder.appendValue(row, value), 1);
        QVERIFY2(value.find("\"content\":\"\xef\xbf\xbd\\u0000\",\"content_base64\":\"/wA=\"") !=
                     std::string::npos,
                 value.c_str());
    }

    void aBrokenRuleIsARejectWithTheRowAsFound() {
        RowEncoder encoder(tableInfo(SourceTable::CodeChunks, chunkColumns), KeyLayout::Seed);
        const SqlValue row[] = {integer(9),    integer(2), text("a.rs"),
                                text("seven"), integer(1), null()};
        const auto violation = encoder.check(row, false);
        QVERIFY(violation);
        QCOMPARE(violation->column, QStringLiteral("byte_start"));
        QCOMPARE(violation->reason, QStringLiteral("byte_start holds TEXT, expected INTEGER"));
        const EncodedReject reject = encoder.encodeReject(row, *violation);
        QCOMPARE(reject.key, std::string("reject:code_chunks:9"));
        QCOMPARE(reject.row, std::string(R"({"id":2,"file_path":"a.rs","byte_start":"seven",)"
                                         R"("byte_end":1,"content":null})"));
        QCOMPARE(reject.value, R"({"reason":"byte_start holds TEXT, expected INTEGER",)"
                               R"("column":"byte_start","row":)" +
                                   reject.row + "}");
    }

    void anInfiniteRealIsFoundOnlyWhenTheBatchMayHoldOne() {
        RowEncoder encoder(tableInfo(SourceTable::AstNodes, {"id", "kind", "file_id", "score"}),
                           KeyLayout::Seed);
        const SqlValue row[] = {integer(1), integer(1), text("k"), integer(3),
                                real(std::numeric_limits<double>::infinity())};
        QVERIFY(!encoder.check(row, false)); // at a glance: the batch said it holds none
        const auto violation = encoder.check(row, true);
        QVERIFY(violation);
        QCOMPARE(violation->column, QStringLiteral("score"));
    }

    void groupsAreKeyedByLayout() {
        RowEncoder seed(tableInfo(SourceTable::AstNodes, astColumns), KeyLayout::Seed);
        RowEncoder magellan(tableInfo(SourceTable::AstNodes, astColumns), KeyLayout::Magellan);
        const SqlValue orphan[] = {integer(1), integer(1), null(), text("k"),
                                   integer(0), integer(1), null()};
        QVERIFY(!seed.groupId(orphan));
        QCOMPARE(seed.groupKey(seed.groupId(orphan)), std::string("ast:null"));
        QCOMPARE(magellan.groupKey(42), std::string("ast:file:42"));
        std::string value; // the group column is the key, not a field
        seed.appendValue(orphan, value);
        QCOMPARE(value, std::string(R"({"id":1,"parent_id":null,"kind":"k","byte_start":0,)"
                                    R"("byte_end":1})"));
    }

    void aColumnTakingTheRepairsNameRejectsARowThatNeedsIt() {
        RowEncoder encoder(
            tableInfo(SourceTable::AstNodes, {"id", "kind", "file_id", "KIND_base64"}),
            KeyLayout::Seed);
        const SqlValue clean[] = {integer(1), integer(1), text("k"), integer(2), text("x")};
        QVERIFY(!encoder.check(clean, false));
        const SqlValue needsRepair[] = {integer(2), integer(2), blob("\xfe"), integer(2),
                                        text("x")};
        const auto violation = encoder.check(needsRepair, false);
        QVERIFY(violation);
        QCOMPARE(violation->column, QStringLiteral("kind"));
        const EncodedReject reject = encoder.encodeReject(needsRepair, *violation);
        QVERIFY2(reject.value.find(R"("row_base64":{"kind":"/g=="})") != std::string::npos,
                 reject.value.c_str());
    }
};

QTEST_GUILESS_MAIN(TestRowEncoder)
#include "tst_row_encoder.moc"
