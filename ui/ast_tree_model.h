#pragma once

#include "browse/stored_value.h"

#include <QAbstractItemModel>

namespace magellan {

// An AST group as a tree built from parent_id: kind, byte span, nodes in the subtree, id.
class AstTreeModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Column { Kind, Span, Nodes, Id, ColumnCount };

    explicit AstTreeModel(QObject *parent = nullptr) : QAbstractItemModel(parent) {}
    void setTree(AstTree tree);
    const AstTree &tree() const { return m_tree; }

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    const std::vector<int> &childrenOf(const QModelIndex &parent) const;

    AstTree m_tree;
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
