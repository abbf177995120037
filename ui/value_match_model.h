#pragma once

#include "browse/value_search.h"

#include <QAbstractTableModel>

#include <vector>

namespace magellan {

// The values a search matched, as rows of key and snippet, appended a batch at a time.
class ValueMatchModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Key, Snippet, ColumnCount };
    enum Role {
        KeyRole = Qt::UserRole + 1, // the key (QString), on every column
        MatchStartRole,             // Snippet: where the match starts in the text (int)
        MatchLengthRole,            // Snippet: its length (int)
    };

    using QAbstractTableModel::QAbstractTableModel;

    // Adds `matches` at the end, in one insertion.
    void append(const std::vector<ValueMatch> &matches);
    void clear();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    struct Row {
        QString key;
        QString snippet;
        int matchStart = 0;
        int matchLength = 0;
        qint64 matches = 0;
    };
    std::vector<Row> m_rows;
};

} // namespace magellan
