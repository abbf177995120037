#pragma once

#include "browse/source_comparison.h"
#include "status_colours.h"
#include "text_difference.h"

#include <QAbstractItemModel>

#include <optional>
#include <vector>

namespace magellan {

// Records compared with their source rows, field by field: a record is a top-level row (its label
// and whether it matches), its fields are its children (name, SQLite value, store value), in the
// source's field order, then the fields only the store has. Differing rows carry a ✘ mark and
// the fail colour; "differences only" hides identical records and identical fields.
class FieldComparisonModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Column { Field, Source, Store, ColumnCount };
    enum Role {
        DiffersRole = Qt::UserRole + 1, // bool: the record or field differs
        RecordLabelRole,                // QString: the record's label, on records and fields
        FieldNameRole,                  // QString: the field's name; empty on records
        FirstDifferenceRole,            // qsizetype: characters before the first difference, or -1
        DifferenceTextRole,             // QString: where a field's values start to differ, or ""
        DifferenceHtmlRole, // QString: the same as rich text, the differing part marked, or ""
    };
    static constexpr qsizetype shownCharacters = 160; // a longer value is cut in its cell

    explicit FieldComparisonModel(QObject *parent = nullptr);

    void setRecords(const std::vector<RecordComparison> &records);
    void clear();
    // Hides identical records and identical fields when `on`.
    void setDifferencesOnly(bool on);
    bool differencesOnly() const { return m_differencesOnly; }
    // The colours differing and matching rows are drawn in.
    void setColours(const StatusColours &colours);

    // The next differing field (or differing record without differing fields) after `from`, in
    // display order, wrapping around; `from` invalid starts at the top. Invalid when none differs.
    QModelIndex nextDifference(const QModelIndex &from) const;
    // The same, backwards.
    QModelIndex previousDifference(const QModelIndex &from) const;
    // The record labelled `recordLabel`, or its field `field` when that is not empty; invalid when
    // there is none or it is hidden by "differences only".
    QModelIndex find(const QString &recordLabel, const QString &field = {}) const;
    int differingRecords() const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;

private:
    struct FieldRow {
        QString name;
        std::optional<QString> source; // the value as JSON; unset when this side lacks the field
        std::optional<QString> store;
        bool differs = false;
        TextDifference difference; // of the string contents when both are strings, else the JSON
    };
    // A record's fields are split from its JSON when first needed: at once when it differs, else
    // when it is opened, so a group of many thousand identical records shows without delay.
    struct RecordRow {
        QString label;
        bool inSource = false;
        bool inStore = false;
        bool matches = false;
        mutable std::string sourceJson; // until split
        mutable std::string storeJson;
        mutable bool split = false;
        mutable std::vector<FieldRow> fields;
        mutable bool shownKnown = false;
        mutable std::vector<int> shown; // indexes into fields that are displayed
    };
    static RecordRow recordRow(const RecordComparison &record);
    static void splitFields(const RecordRow &row);
    const std::vector<int> &shownFields(const RecordRow &record) const;
    void updateShown();
    const RecordRow *recordAt(const QModelIndex &index) const;
    QVariant recordData(const RecordRow &record, int column, int role) const;
    QVariant fieldData(const RecordRow &record, const FieldRow &field, int column, int role) const;
    QString valueText(const RecordRow &record, const std::optional<QString> &value,
                      bool sourceSide) const;
    QString differenceText(const FieldRow &field) const;
    QString differenceHtml(const FieldRow &field) const;
    std::vector<QModelIndex> differences() const; // in display order

    std::vector<RecordRow> m_records;
    std::vector<int> m_shown; // indexes into m_records that are displayed
    bool m_differencesOnly = false;
    StatusColours m_colours;
};

} // namespace magellan
