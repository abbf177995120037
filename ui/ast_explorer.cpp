#include "ast_explorer.h"

#include "ast_tree_model.h"
#include "browse/ast_span.h"
#include "code_view.h"
#include "source_banner.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTextDocument>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>

namespace magellan {

AstExplorer::AstExplorer(QWidget *parent) : QWidget(parent) {
    m_header = new QLabel(this);
    m_header->setWordWrap(true);
    m_header->setTextFormat(Qt::PlainText); // a path is text, whatever it holds
    m_banner = new QLabel(this);
    m_banner->setWordWrap(true);
    m_banner->setTextFormat(Qt::RichText);
    m_banner->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_chooseFolder = new QPushButton(tr("Choose &Folder…"), this);
    m_chooseFolder->setToolTip(tr("Pick the folder that holds the indexed files; remembered for "
                                  "this store"));
    connect(m_chooseFolder, &QPushButton::clicked, this, &AstExplorer::chooseFolderRequested);
    auto *bannerRow = new QHBoxLayout;
    bannerRow->addWidget(m_banner, 1);
    bannerRow->addWidget(m_chooseFolder, 0, Qt::AlignTop);

    m_model = new AstTreeModel(this);
    m_tree = new QTreeView(this);
    m_tree->setModel(m_model);
    m_tree->setUniformRowHeights(true);
    m_tree->setAccessibleName(tr("Syntax tree"));
    m_tree->header()->setStretchLastSection(false);
    // Columns fit the first hundred rows: measuring a thousand spans as line:column costs a frame.
    m_tree->header()->setResizeContentsPrecision(100);
    m_code = new CodeView(this);
    m_code->setAccessibleName(tr("Source text"));
    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->addWidget(m_tree);
    m_splitter->addWidget(m_code);
    m_splitter->setStretchFactor(0, 2);
    m_splitter->setStretchFactor(1, 3);
    m_splitter->setChildrenCollapsible(false);
    m_selection = new QLabel(this);
    m_selection->setTextFormat(Qt::PlainText);
    m_selection->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_header);
    layout->addLayout(bannerRow);
    layout->addWidget(m_splitter, 1);
    layout->addWidget(m_selection);
    setTabOrder(m_chooseFolder, m_tree);
    setTabOrder(m_tree, m_code);

    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) {
                const int node = m_model->nodeAt(current);
                if (node >= 0)
                    showSelection(node, !m_following);
            });
    connect(m_code, &CodeView::cursorMovedByUser, this, &AstExplorer::followTextCursor);
    connect(m_code, &CodeView::textShown, this, &AstExplorer::textArrived);
}

void AstExplorer::setTree(AstTree tree) {
    m_text.reset();
    m_arrivingText.reset();
    m_awaitingText = false;
    m_model->setSourceText(nullptr);
    m_model->setTree(std::move(tree));
    m_code->setLineNumbers({});
    m_code->showText(QString());
    m_banner->setText(tr("Looking for the file's text …"));
    m_selection->clear();
    m_tree->expandToDepth(0);
    m_tree->header()->setSectionResizeMode(QHeaderView::Interactive);
    for (int column = 0; column < AstTreeModel::ColumnCount; ++column)
        m_tree->resizeColumnToContents(column);
    // Deeper rows are indented and longer: room for a few levels of them from the start.
    const QFontMetrics metrics = m_tree->fontMetrics();
    m_tree->setColumnWidth(
        AstTreeModel::Kind,
        qMax(m_tree->columnWidth(AstTreeModel::Kind),
             m_tree->indentation() * 6 +
                 metrics.horizontalAdvance(QStringLiteral("function_definition"))));
}

void AstExplorer::setSourceText(const LoadedSourceText &loaded) {
    m_banner->setText(SourceBanner::html(loaded, palette()));
    m_model->setSourceText(loaded.text);
    m_tree->resizeColumnToContents(AstTreeModel::Span);
    if (loaded.text)
        m_tree->setColumnWidth(AstTreeModel::Span,
                               qMax(m_tree->columnWidth(AstTreeModel::Span),
                                    m_tree->fontMetrics().horizontalAdvance(
                                        QStringLiteral("00000–00000  000:00–000:00")) +
                                        12));
    m_arrivingText = loaded.text;
    m_awaitingText = true;
    m_code->showText(m_arrivingText ? m_arrivingText->shownText() : QString());
}

void AstExplorer::textArrived() {
    if (!m_awaitingText)
        return;
    m_awaitingText = false;
    m_text = std::move(m_arrivingText);
    m_code->setLineNumbers(m_text ? m_text->lineNumbers() : std::vector<int>{});
    if (const int node = selectedNode(); node >= 0)
        showSelection(node, true);
    Q_EMIT sourceTextShown();
}

void AstExplorer::setHeaderText(const QString &text) {
    m_header->setText(text);
}

bool AstExplorer::selectNode(int node) {
    const QModelIndex index = m_model->indexOfNode(node);
    if (!index.isValid())
        return false;
    m_tree->scrollTo(index);
    m_tree->setCurrentIndex(index);
    return true;
}

int AstExplorer::selectedNode() const {
    return m_model->nodeAt(m_tree->currentIndex());
}

void AstExplorer::moveTextCursor(qsizetype position) {
    QTextCursor cursor(m_code->document());
    cursor.setPosition(
        int(std::clamp<qsizetype>(position, 0, m_code->document()->characterCount() - 1)));
    m_code->setTextCursor(cursor); // emits cursorMovedByUser, as a click does
}

void AstExplorer::showSelection(int node, bool scroll) {
    const AstNode &ast = m_model->tree().nodes[node];
    QString text = tr("%1, bytes %2").arg(ast.kind, m_model->spanText(node));
    if (m_text && ast.byteStart && ast.byteEnd) {
        const auto range = m_text->shownRange(*ast.byteStart, *ast.byteEnd);
        if (range.isOk()) {
            m_code->highlightRange(range->first, range->second, scroll);
        } else {
            m_code->highlightRange(0, 0);
            text += QStringLiteral(" — ") +
                    tr("outside the text shown (%1)").arg(range.status().message());
        }
    } else {
        m_code->highlightRange(0, 0);
    }
    m_selection->setText(text);
}

void AstExplorer::followTextCursor(qsizetype position) {
    if (!m_text)
        return;
    const Result<qint64> offset = m_text->byteOffsetAt(position);
    if (!offset.isOk())
        return;
    const Result<int> node = deepestAstNodeAt(m_model->tree(), offset.value());
    if (!node.isOk())
        return;
    m_following = true;
    selectNode(node.value());
    m_following = false;
}

QString AstExplorer::headerText() const {
    return m_header->text();
}

QString AstExplorer::bannerText() const {
    QTextDocument document;
    document.setHtml(m_banner->text());
    return document.toPlainText();
}

QString AstExplorer::selectionText() const {
    return m_selection->text();
}

} // namespace magellan
