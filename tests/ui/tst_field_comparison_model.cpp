#include "field_comparison_model.h"

#include <QAbstractItemModelTester>
#include <QTest>

#include <nlohmann/json.hpp>

using namespace magellan;

namespace {

using Model = FieldComparisonModel;

RecordComparison record(const QString &label, const std::string &source, const std::string &store) {
    return {label, source, store, source == store && !source.empty()};
}

QStringList fieldNames(const Model &model, const QModelIndex &record) {
    QStringList names;
    for (int row = 0; row < model.rowCount(record); ++row)
        names << model.index(row, 0, record).data(Model::FieldNameRole).toString();
    return names;
}

QString cell(const Model &model, const QModelIndex &record, int row, int column) {
    return model.index(row, column, record).data().toString();
}

bool differs(const QModelIndex &index) {
    return index.data(Model::DiffersRole).toBool();
}

} // namespace

class TestFieldComparisonModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // The source's fields in its order, then those only the store has, in the store's order.
    void fieldsFollowTheSourceThenTheStore() {
        Model model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRecords({record(QStringLiteral("id 1"), R"({"id":1,"kind":"a","b":2,"c":null})",
                                 R"({"z":0,"id":1,"b":2,"kind":"x","y":true})")});
        QCOMPARE(model.rowCount(), 1);
        const QModelIndex first = model.index(0, 0);
        QCOMPARE(fieldNames(model, first), QStringList({"id", "kind", "b", "c", "z", "y"}));
        QCOMPARE(model.headerData(Model::Field, Qt::Horizontal, Qt::DisplayRole).toString(),
                 QStringLiteral("field"));
        QCOMPARE(model.headerData(Model::Source, Qt::Horizontal, Qt::DisplayRole).toString(),
                 QStringLiteral("SQLite"));
        QCOMPARE(model.headerData(Model::Store, Qt::Horizontal, Qt::DisplayRole).toString(),
                 QStringLiteral("store"));
        QCOMPARE(cell(model, first, 1, Model::Source), QStringLiteral("\"a\""));
        QCOMPARE(cell(model, first, 1, Model::Store), QStringLiteral("\"x\""));
        QCOMPARE(cell(model, first, 3, Model::Store), QStringLiteral("(no such field)"));
        QCOMPARE(cell(model, first, 4, Model::Source), QStringLiteral("(no such field)"));
    }

    // A differing field carries a flag, a ✘ mark beside its name and the fail colour; the record
    // says how many of its fields differ.
    void differingFieldsAreFlagged() {
        Model model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        StatusColours colours{Qt::darkGreen, Qt::darkYellow, Qt::darkRed};
        model.setColours(colours);
        model.setRecords({record(QStringLiteral("id 1"), R"({"id":1,"kind":"a","n":"1"})",
                                 R"({"id":1,"kind":"b","n":1})"),
                          record(QStringLiteral("id 2"), R"({"id":2})", R"({"id":2})")});
        const QModelIndex first = model.index(0, 0);
        QVERIFY(differs(first));
        QVERIFY(!differs(model.index(1, 0)));
        QVERIFY(!differs(model.index(0, 0, first)));
        QVERIFY(differs(model.index(1, 0, first)));
        QVERIFY(differs(model.index(2, 0, first))); // "1" is not 1
        QCOMPARE(cell(model, first, 1, Model::Field), QStringLiteral("✘ kind"));
        QCOMPARE(cell(model, first, 0, Model::Field), QStringLiteral("id"));
        for (int column = 0; column < Model::ColumnCount; ++column)
            QCOMPARE(model.index(1, column, first).data(Qt::ForegroundRole).value<QBrush>().color(),
                     colours.fail);
        QVERIFY(!model.index(0, Model::Source, first).data(Qt::ForegroundRole).isValid());
        QVERIFY(first.data().toString().contains(QStringLiteral(": 2 field")));
        QVERIFY(first.data().toString().startsWith(QStringLiteral("✘ id 1")));
        QVERIFY(model.index(1, 0).data().toString().startsWith(QStringLiteral("✔ id 2")));
        QCOMPARE(model.index(1, 0).data(Qt::ForegroundRole).value<QBrush>().color(), colours.pass);
        QCOMPARE(model.differingRecords(), 1);
        QCOMPARE(model.index(2, 0, first).data(Model::FirstDifferenceRole).toLongLong(), 0);
        QCOMPARE(model.index(0, 0, first).data(Model::FirstDifferenceRole).toLongLong(), -1);
    }

    void differencesOnlyHidesIdenticalRecordsAndFields() {
        Model model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRecords(
            {record(QStringLiteral("id 1"), R"({"id":1,"a":1})", R"({"id":1,"a":1})"),
             record(QStringLiteral("id 2"), R"({"id":2,"a":1,"b":2})", R"({"id":2,"a":1,"b":3})"),
             record(QStringLiteral("id 3"), R"({"id":3})", R"({"id":3})")});
        QCOMPARE(model.rowCount(), 3);
        model.setDifferencesOnly(true);
        QVERIFY(model.differencesOnly());
        QCOMPARE(model.rowCount(), 1);
        const QModelIndex shown = model.index(0, 0);
        QCOMPARE(shown.data(Model::RecordLabelRole).toString(), QStringLiteral("id 2"));
        QCOMPARE(fieldNames(model, shown), QStringList({"b"}));
        QVERIFY(!model.find(QStringLiteral("id 1")).isValid());
        QVERIFY(!model.find(QStringLiteral("id 2"), QStringLiteral("a")).isValid());
        model.setDifferencesOnly(false);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(fieldNames(model, model.index(1, 0)), QStringList({"id", "a", "b"}));
    }

    // A record on one side only shows the other side as missing, on the record and each field.
    void oneSidedRecordsSayWhichSideLacksThem() {
        Model model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRecords({record(QStringLiteral("id 7"), R"({"id":7,"kind":"x"})", ""),
                          record(QStringLiteral("id 8"), "", R"({"id":8,"kind":"y"})")});
        const QModelIndex sourceOnly = model.index(0, 0);
        const QModelIndex storeOnly = model.index(1, 0);
        QVERIFY(differs(sourceOnly));
        QVERIFY(differs(storeOnly));
        QCOMPARE(model.index(0, Model::Store).data().toString(),
                 QStringLiteral("(not in the store)"));
        QCOMPARE(model.index(1, Model::Source).data().toString(),
                 QStringLiteral("(not in the source)"));
        QCOMPARE(fieldNames(model, sourceOnly), QStringList({"id", "kind"}));
        QCOMPARE(fieldNames(model, storeOnly), QStringList({"id", "kind"}));
        for (int row = 0; row < 2; ++row) {
            QVERIFY(differs(model.index(row, 0, sourceOnly)));
            QCOMPARE(cell(model, sourceOnly, row, Model::Store),
                     QStringLiteral("(not in the store)"));
            QCOMPARE(cell(model, storeOnly, row, Model::Source),
                     QStringLiteral("(not in the source)"));
        }
        QCOMPARE(cell(model, sourceOnly, 1, Model::Source), QStringLiteral("\"x\""));
        QCOMPARE(model.index(1, 0, storeOnly).data(Model::DifferenceTextRole).toString(),
                 QStringLiteral("Record id 8 is not in the source."));
        QVERIFY(sourceOnly.data(Model::DifferenceTextRole)
                    .toString()
                    .contains(QStringLiteral("not in the store")));
    }

    // Where two long strings part, counted in characters (not UTF-8 bytes or UTF-16 units), with
    // both sides around it; the cells show the start of each value only.
    void longStringsSayWhereTheyStartToDiffer() {
        QString prefix;
        for (int i = 0; i < 600; ++i)
            prefix += QStringLiteral("😀é"); // 4 + 2 UTF-8 bytes, 2 + 1 UTF-16 units, 2 characters
        const QString source = prefix + QStringLiteral("ab\ncd");
        const QString store = prefix + QStringLiteral("aX\ncd");
        const auto json = [](const QString &text) {
            return nlohmann::ordered_json({{"id", 1}, {"content", text.toStdString()}}).dump();
        };
        Model model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRecords({record(QStringLiteral("row"), json(source), json(store))});
        const QModelIndex content = model.index(1, 0, model.index(0, 0));
        QCOMPARE(content.data(Model::FieldNameRole).toString(), QStringLiteral("content"));
        QCOMPARE(content.data(Model::FirstDifferenceRole).toLongLong(), qint64(1201));
        const QString text = content.data(Model::DifferenceTextRole).toString();
        QVERIFY2(text.startsWith(QStringLiteral("content differs from character 1,202:")),
                 qPrintable(text));
        const QStringList lines = text.split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), 4);
        QVERIFY2(lines[1].startsWith(QStringLiteral("SQLite: …")) &&
                     lines[1].contains(QStringLiteral("😀éab⏎cd")),
                 qPrintable(lines[1]));
        QVERIFY2(lines[2].startsWith(QStringLiteral("store:  …")) &&
                     lines[2].contains(QStringLiteral("😀éaX⏎cd")),
                 qPrintable(lines[2]));
        // The caret sits under the first differing character, counted in characters.
        const qsizetype caret = lines[3].size() - 1;
        QCOMPARE(lines[3].at(caret), QLatin1Char('^'));
        const QList<uint> storeLine = lines[2].toUcs4();
        QCOMPARE(storeLine.at(caret), uint('X'));
        QVERIFY(content.data(Qt::ToolTipRole).toString().contains(QStringLiteral("1,202")));
        // The rich text marks the differing part itself, not only by a caret below it.
        const QString html = content.data(Model::DifferenceHtmlRole).toString();
        QVERIFY2(html.contains(QStringLiteral("underline'>X⏎cd")), qPrintable(html));
        QVERIFY2(html.contains(QStringLiteral("underline'>b⏎cd")), qPrintable(html));
        const QString shown = model.index(1, Model::Source, model.index(0, 0)).data().toString();
        QVERIFY(shown.size() <= Model::shownCharacters + 1);
        QVERIFY(shown.endsWith(QStringLiteral("…")));
    }

    // Next and previous difference walk the differing fields in display order and wrap around;
    // a differing record without differing fields is a stop of its own.
    void differencesAreVisitedInOrder() {
        Model model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRecords(
            {record(QStringLiteral("id 1"), R"({"id":1,"a":1,"b":1})", R"({"id":1,"a":2,"b":2})"),
             record(QStringLiteral("id 2"), R"({"id":2})", R"({"id":2})"),
             {QStringLiteral("id 3"), R"({"id":3,"a":1})", R"({"a":1,"id":3})", false},
             record(QStringLiteral("id 4"), R"({"id":4,"a":1})", "")});
        const auto name = [](const QModelIndex &index) {
            return index.data(Model::RecordLabelRole).toString() + QLatin1Char('/') +
                   index.data(Model::FieldNameRole).toString();
        };
        QModelIndex at = model.nextDifference({});
        QStringList visited;
        for (int i = 0; i < 6; ++i) {
            visited << name(at);
            at = model.nextDifference(at);
        }
        QCOMPARE(visited,
                 QStringList({"id 1/a", "id 1/b", "id 3/", "id 4/id", "id 4/a", "id 1/a"}));
        QCOMPARE(name(model.previousDifference(model.find(QStringLiteral("id 1"), "a"))),
                 QStringLiteral("id 4/a"));
        QCOMPARE(name(model.previousDifference(model.find(QStringLiteral("id 2")))),
                 QStringLiteral("id 1/b"));
        QCOMPARE(name(model.nextDifference(model.find(QStringLiteral("id 2"), "id"))),
                 QStringLiteral("id 3/"));
        QVERIFY(model.index(2, 0).data().toString().contains(QStringLiteral("another order")));
        model.setRecords({record(QStringLiteral("id 2"), R"({"id":2})", R"({"id":2})")});
        QVERIFY(!model.nextDifference({}).isValid());
        QVERIFY(!model.previousDifference(model.index(0, 0)).isValid());
    }
};

QTEST_MAIN(TestFieldComparisonModel)
#include "tst_field_comparison_model.moc"
