#include "ast_tree_model.h"

#include <QLocale>

namespace magellan {

void AstTreeModel::setTree(AstTree tree) {
    beginResetModel();
    m_tree = std::move(tree);
    m_rowInParent.assign(m_tree.nodes.size(), 0);
    for (size_t row = 0; row < m_tree.roots.size(); ++row)
        m_rowInParent[m_tree.roots[row]] = static_cast<int>(row);
    for (const AstNode &node : m_tree.nodes)
        for (size_t row = 0; row < node.children.size(); ++row)
            m_rowInParent[node.children[row]] = static_cast<int>(row);
    m_loaded.assign(m_tree.nodes.size(), 0);
    m_rootsLoaded = static_cast<int>(std::min<size_t>(m_tree.roots.size(), batchSize));
    endResetModel();
}

void AstTreeModel::setSourceText(std::shared_ptr<const SourceText> text) {
    m_text = std::move(text);
    if (m_rootsLoaded > 0)
        Q_EMIT dataChanged(index(0, Span), index(m_rootsLoaded - 1, Span));
    Q_EMIT headerDataChanged(Qt::Horizontal, Span, Span);
}

const std::vector<int> &AstTreeModel::childrenOf(const QModelIndex &parent) const {
    return parent.isValid() ? m_tree.nodes[parent.internalId()].children : m_tree.roots;
}

int &AstTreeModel::loadedOf(const QModelIndex &parent) {
    return parent.isValid() ? m_loaded[parent.internalId()] : m_rootsLoaded;
}

int AstTreeModel::loadedOf(const QModelIndex &parent) const {
    return parent.isValid() ? m_loaded[parent.internalId()] : m_rootsLoaded;
}

int AstTreeModel::nodeAt(const QModelIndex &index) const {
    return index.isValid() ? static_cast<int>(index.internalId()) : -1;
}

QModelIndex AstTreeModel::index(int row, int column, const QModelIndex &parent) const {
    if (parent.isValid() && parent.column() != 0)
        return {};
    const std::vector<int> &children = childrenOf(parent);
    if (row < 0 || row >= loadedOf(parent) || column < 0 || column >= ColumnCount)
        return {};
    return createIndex(row, column, static_cast<quintptr>(children[row]));
}

QModelIndex AstTreeModel::parent(const QModelIndex &child) const {
    if (!child.isValid())
        return {};
    const int parent = m_tree.nodes[child.internalId()].parent;
    if (parent < 0)
        return {};
    return createIndex(m_rowInParent[parent], 0, static_cast<quintptr>(parent));
}

int AstTreeModel::rowCount(const QModelIndex &parent) const {
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return loadedOf(parent);
}

int AstTreeModel::columnCount(const QModelIndex &) const {
    return ColumnCount;
}

bool AstTreeModel::hasChildren(const QModelIndex &parent) const {
    if (parent.isValid() && parent.column() != 0)
        return false;
    return !childrenOf(parent).empty();
}

bool AstTreeModel::canFetchMore(const QModelIndex &parent) const {
    if (parent.isValid() && parent.column() != 0)
        return false;
    return loadedOf(parent) < static_cast<int>(childrenOf(parent).size());
}

void AstTreeModel::fetchMore(const QModelIndex &parent) {
    if (canFetchMore(parent))
        listUpTo(parent, loadedOf(parent) + batchSize);
}

void AstTreeModel::listUpTo(const QModelIndex &parent, int rows) {
    const int total = static_cast<int>(childrenOf(parent).size());
    const int loaded = loadedOf(parent);
    rows = std::min(rows, total);
    if (rows <= loaded)
        return;
    beginInsertRows(parent, loaded, rows - 1);
    loadedOf(parent) = rows;
    endInsertRows();
}

QModelIndex AstTreeModel::indexOfNode(int node) {
    if (node < 0 || node >= static_cast<int>(m_tree.nodes.size()))
        return {};
    std::vector<int> path;
    for (int at = node; at >= 0; at = m_tree.nodes[at].parent)
        path.push_back(at);
    QModelIndex parentIndex;
    for (auto it = path.rbegin(); it != path.rend(); ++it) {
        const int row = m_rowInParent[*it];
        // Whole batches, so what is listed stays what scrolling would have listed.
        listUpTo(parentIndex, (row / batchSize + 1) * batchSize);
        parentIndex = index(row, 0, parentIndex);
    }
    return parentIndex;
}

QString AstTreeModel::spanText(int node) const {
    const AstNode &ast = m_tree.nodes[node];
    const auto offset = [](const std::optional<qint64> &value) {
        return value ? QString::number(*value) : QStringLiteral("?");
    };
    QString text = QStringLiteral("%1–%2").arg(offset(ast.byteStart), offset(ast.byteEnd));
    if (m_text && ast.byteStart && ast.byteEnd) {
        const Result<TextPosition> start = m_text->positionOf(*ast.byteStart);
        const Result<TextPosition> end = m_text->positionOf(*ast.byteEnd);
        if (start.isOk() && end.isOk() && start->line > 0 && end->line > 0)
            text += QStringLiteral("  %1:%2–%3:%4")
                        .arg(start->line)
                        .arg(start->column)
                        .arg(end->line)
                        .arg(end->column);
    }
    return text;
}

QVariant AstTreeModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid())
        return {};
    if (role == Qt::TextAlignmentRole)
        return index.column() == Kind || index.column() == Span
                   ? QVariant()
                   : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && !(role == Qt::ToolTipRole && index.column() == Span))
        return {};
    const AstNode &node = m_tree.nodes[index.internalId()];
    switch (index.column()) {
    case Kind:
        return node.kind;
    case Span:
        if (role == Qt::ToolTipRole)
            return tr("Bytes from the file's start (end excluded), then line:column, both from 1; "
                      "a column counts characters");
        return spanText(static_cast<int>(index.internalId()));
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
    if (section == Span)
        return m_text ? tr("Bytes  line:column") : tr("Bytes");
    static const char *const titles[] = {QT_TR_NOOP("Kind"), QT_TR_NOOP("Bytes"),
                                         QT_TR_NOOP("Nodes"), QT_TR_NOOP("Id")};
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
