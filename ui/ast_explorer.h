#pragma once

#include "browse/stored_value.h"
#include "source_text_loader.h"

#include <QWidget>

#include <memory>

class QLabel;
class QPushButton;
class QSplitter;
class QTreeView;

namespace magellan {

class AstTreeModel;
class CodeView;

// An AST beside its file's text, the two kept in step as in tree-sitter's playground: selecting a
// node marks its bytes in the text and scrolls to them; moving the text cursor selects the
// deepest node that contains it (listing and opening its ancestors as needed). A banner says
// where the text came from, with a button to pick the folder that holds the indexed files.
class AstExplorer : public QWidget {
    Q_OBJECT
public:
    explicit AstExplorer(QWidget *parent = nullptr);

    // Shows `tree` with no text yet ("looking for the file's text").
    void setTree(AstTree tree);
    // Shows the text found for the tree shown: laid out off the GUI thread when long, so it is in
    // the view when sourceTextShown() is emitted.
    void setSourceText(const LoadedSourceText &loaded);
    void setHeaderText(const QString &text);

    // Selects node `node` in the tree and marks it in the text; false for no such node.
    bool selectNode(int node);
    // The selected node, -1 when none.
    int selectedNode() const;
    // Puts the text cursor at shown position `position`, as a person's click would.
    void moveTextCursor(qsizetype position);

    AstTreeModel *model() const { return m_model; }
    QTreeView *treeView() const { return m_tree; }
    CodeView *codeView() const { return m_code; }
    QPushButton *chooseFolderButton() const { return m_chooseFolder; }
    QString headerText() const;
    QString bannerText() const; // plain
    QString selectionText() const;
    const std::shared_ptr<const SourceText> &sourceText() const { return m_text; }

Q_SIGNALS:
    // The person asked to pick the folder that holds the indexed files.
    void chooseFolderRequested();
    // The text given to setSourceText() is in the view (or there was none).
    void sourceTextShown();

private:
    void showSelection(int node, bool scroll);
    void followTextCursor(qsizetype position);
    void textArrived();

    QLabel *m_header;
    QLabel *m_banner;
    QPushButton *m_chooseFolder;
    QSplitter *m_splitter;
    QTreeView *m_tree;
    AstTreeModel *m_model;
    CodeView *m_code;
    QLabel *m_selection;
    std::shared_ptr<const SourceText> m_text;         // the text in the view
    std::shared_ptr<const SourceText> m_arrivingText; // being laid out for the view
    bool m_awaitingText = false;
    bool m_following = false; // selecting the node under the cursor: leave the cursor be
};

} // namespace magellan
