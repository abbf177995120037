#pragma once

#include <QAbstractItemModel>

#include <nlohmann/json.hpp>

#include <memory>
#include <vector>

namespace magellan {

// A JSON document as a collapsible tree (name, value, type). Child rows are made when a branch
// is first opened, so a value with hundreds of thousands of elements opens at once.
class JsonTreeModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Column { Name, Value, Type, ColumnCount };

    explicit JsonTreeModel(QObject *parent = nullptr);
    ~JsonTreeModel() override;
    void setDocument(std::shared_ptr<const nlohmann::ordered_json> document);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;

private:
    struct Node {
        QString name;
        const nlohmann::ordered_json *value = nullptr;
        Node *parent = nullptr;
        int row = 0;
        mutable std::vector<std::unique_ptr<Node>> children;
        mutable bool expanded = false;
    };
    Node *nodeAt(const QModelIndex &index) const;
    void expand(const Node *node) const;

    std::shared_ptr<const nlohmann::ordered_json> m_document;
    std::unique_ptr<Node> m_root;
};

} // namespace magellan
