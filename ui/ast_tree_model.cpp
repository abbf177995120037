#include "ast_tree_model.h"

#include <QLocale>

namespace magellan {

void AstTreeModel::setTree(AstTree tree) {
    beginResetModel();
    m_tree = std::move(tree);
    endResetModel();
}

const std::vector<int> &AstTreeModel::childrenOf(const QModelIndex &parent) const {
    return parent.isValid() ? m_tree.nodes[parent.internalId()].children : m_tree.roots;
}

QModelIndex AstTreeModel::index(int row, int column, const QModelIndex &parent) const {
    if (parent.isValid() && parent.column() != 0)
        return {};
    const std::vector<int> &children = childrenOf(parent);
    if (row < 0 || row >= static_cast<int>(children.size()) || column < 0 || column >= ColumnCount)
        return {};
    return createIndex(row, column, static_cast<quintptr>(children[row]));
}

QModelIndex AstTreeModel::parent(const QModelIndex &child) const {
    if (!child.isValid())
        return {};
    const int parent = m_tree.nodes[child.internalId()].parent;
    if (parent < 0)
        return {};
    const int grandparent = m_tree.nodes[parent].parent;
    const std::vector<int> &siblings =
        grandparent < 0 ? m_tree.roots : m_tree.nodes[grandparent].children;
    const auto row = std::find(siblings.begin(), siblings.end(), parent) - siblings.begin();
    return createIndex(static_cast<int>(row), 0, static_cast<quintptr>(parent));
}

int AstTreeModel::rowCount(const QModelIndex &parent) const {
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return static_cast<int>(childrenOf(parent).size());
}

int AstTreeModel::columnCount(const QModelIndex &) const {
    return ColumnCount;
}

QVariant AstTreeModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || role != Qt::DisplayRole)
        return role == Qt::TextAlignmentRole && index.column() != Kind
                   ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                   : QVariant();
    const AstNode &node = m_tree.nodes[index.internalId()];
    const auto offset = [](const std::optional<qint64> &value) {
        return value ? QString::number(*value) : QStringLiteral("?");
    };
    switch (index.column()) {
    case Kind:
        return node.kind;
    case Span:
        return QStringLiteral("%1–%2").arg(offset(node.byteStart), offset(node.byteEnd));
    case Nodes:
        return QLocale::system().toString(node.subtreeSize);
    case Id:
        return node.id;
    }
    return {};
}

QVariant AstTreeModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    static const char *const titles[] = {"Kind", "Bytes", "Nodes", "Id"};
    return section >= 0 && section < ColumnCount ? tr(titles[section]) : QVariant();
}

void RecordTableModel::setTable(RecordTable table) {
    beginResetModel();
    m_table = std::move(table);
    endResetModel();
}

int RecordTableModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_table.rows.size());
}

int RecordTableModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_table.columns.size());
}

QVariant RecordTableModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= columnCount())
        return {};
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole)
        return m_table.rows[index.row()][index.column()];
    return {};
}

QVariant RecordTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return section + 1;
    return section < m_table.columns.size() ? m_table.columns[section] : QVariant();
}

} // namespace magellan
