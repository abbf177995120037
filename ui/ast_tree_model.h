#pragma once

#include "browse/source_text.h"
#include "browse/stored_value.h"

#include <QAbstractItemModel>

#include <memory>

namespace magellan {

// An AST group as a tree built from parent_id: kind, byte span (with line:column when the file's
// text is known), nodes in the subtree, id. Children are listed a batch at a time as the view
// asks (canFetchMore/fetchMore), so a node with a hundred thousand children costs the view what
// it shows.
class AstTreeModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Column { Kind, Span, Nodes, Id, ColumnCount };
    static constexpr int batchSize = 500; // children listed per fetch

    explicit AstTreeModel(QObject *parent = nullptr) : QAbstractItemModel(parent) {}
    void setTree(AstTree tree);
    const AstTree &tree() const { return m_tree; }
    // The text the spans' lines and columns come from; null for bytes only.
    void setSourceText(std::shared_ptr<const SourceText> text);

    // The node an index stands for; -1 for an invalid index.
    int nodeAt(const QModelIndex &index) const;
    // The index of node `node`, listing the children of its ancestors as far as needed; invalid
    // for a node not in the tree.
    QModelIndex indexOfNode(int node);
    // "12–40" and, with text, "2:5–3:1": the node's span as bytes and as line:column.
    QString spanText(int node) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    const std::vector<int> &childrenOf(const QModelIndex &parent) const;
    int &loadedOf(const QModelIndex &parent);
    int loadedOf(const QModelIndex &parent) const;
    void listUpTo(const QModelIndex &parent, int rows);

    AstTree m_tree;
    std::vector<int> m_rowInParent; // per node: its row among its parent's children
    std::vector<int> m_loaded;      // per node: children listed so far
    int m_rootsLoaded = 0;
    std::shared_ptr<const SourceText> m_text;
};

// Rows of records (cfg blocks, a rejected row) with one column per field.
class RecordTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    explicit RecordTableModel(QObject *parent = nullptr) : QAbstractTableModel(parent) {}
    void setTable(RecordTable table);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    RecordTable m_table;
};

} // namespace magellan
