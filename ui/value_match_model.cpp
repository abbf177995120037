#include "value_match_model.h"

#include <QLocale>

namespace magellan {

void ValueMatchModel::append(const std::vector<ValueMatch> &matches) {
    if (matches.empty())
        return;
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + int(matches.size()) - 1);
    m_rows.reserve(m_rows.size() + matches.size());
    for (const ValueMatch &match : matches)
        m_rows.push_back({QString::fromStdString(match.key), match.snippet, match.matchStart,
                          match.matchLength, match.matches});
    endInsertRows();
}

void ValueMatchModel::clear() {
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

int ValueMatchModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ValueMatchModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ValueMatchModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= int(m_rows.size()))
        return {};
    const Row &row = m_rows[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        return index.column() == Key ? row.key : row.snippet;
    case Qt::ToolTipRole:
        if (index.column() == Key)
            return row.matches == 1 ? tr("%1: 1 match; double-click to open").arg(row.key)
                                    : tr("%1: %2 matches; double-click to open")
                                          .arg(row.key, QLocale().toString(row.matches));
        return row.snippet;
    case KeyRole:
        return row.key;
    case MatchStartRole:
        return row.matchStart;
    case MatchLengthRole:
        return row.matchLength;
    default:
        return {};
    }
}

QVariant ValueMatchModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return section == Key ? tr("Key") : tr("Match");
}

} // namespace magellan
