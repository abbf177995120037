#include "files_view.h"

#include "file_index_loader.h"
#include "files_model.h"

#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QScrollBar>
#include <QSet>
#include <QSplitter>
#include <QTimer>
#include <QTreeView>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace magellan {
namespace {

constexpr int searchDelayMs = 150; // a pause in typing, not every key, starts a new tree
constexpr int keyRole = Qt::UserRole;
constexpr std::int64_t shortListFiles = 200; // up to this many, every folder is open

QString text(const std::string &utf8) {
    return QString::fromStdString(utf8);
}

QString number(std::int64_t value) {
    return QLocale().toString(qlonglong(value));
}

QString files(std::int64_t count) {
    return count == 1 ? FilesView::tr("1 file") : FilesView::tr("%1 files").arg(number(count));
}

QString nodes(std::int64_t count) {
    return count == 1 ? FilesView::tr("1 node") : FilesView::tr("%1 nodes").arg(number(count));
}

QString blocks(std::int64_t count) {
    return count == 1 ? FilesView::tr("1 block") : FilesView::tr("%1 blocks").arg(number(count));
}

QTreeWidgetItem *section(QTreeWidget *tree, const QString &title) {
    auto *item = new QTreeWidgetItem(tree, {title});
    QFont font = item->font(0);
    font.setBold(true);
    item->setFont(0, font);
    item->setFirstColumnSpanned(true);
    item->setFlags(Qt::ItemIsEnabled);
    return item;
}

QTreeWidgetItem *keyItem(QTreeWidgetItem *parent, const QString &what, const QString &detail,
                         const std::string &key) {
    auto *item = new QTreeWidgetItem(parent, {what, detail, text(key)});
    item->setData(0, keyRole, text(key));
    item->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
    item->setToolTip(2, FilesView::tr("Double-click to open %1").arg(text(key)));
    return item;
}

void noteItem(QTreeWidgetItem *parent, const QString &note) {
    auto *item = new QTreeWidgetItem(parent, {note});
    item->setFirstColumnSpanned(true);
    item->setFlags(Qt::ItemIsEnabled);
    item->setToolTip(0, note);
}

} // namespace

FilesView::FilesView(std::shared_ptr<const KvStore> store, KeyLayout layout, QWidget *parent)
    : QWidget(parent), m_loader(new FileIndexLoader(std::move(store), layout, this)),
      m_model(new FilesModel(this)), m_search(new QLineEdit(this)), m_files(new QTreeView(this)),
      m_status(new QLabel(this)), m_detailHeader(new QLabel(this)), m_detail(new QTreeWidget(this)),
      m_searchDelay(new QTimer(this)) {
    m_search->setPlaceholderText(tr("Find files: part of a path, or a glob such as *.py"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Find files"));
    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(searchDelayMs);
    connect(m_search, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_searchDelay, &QTimer::timeout, this, [this] {
        m_loader->filter(m_search->text());
        updateStatus();
    });

    m_files->setModel(m_model);
    m_files->setUniformRowHeights(true);
    m_files->setAccessibleName(tr("Files"));
    m_files->header()->setSectionResizeMode(FilesModel::Name, QHeaderView::Stretch);
    for (const int column : {FilesModel::Chunks, FilesModel::AstNodes, FilesModel::Functions})
        m_files->header()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    m_files->header()->setStretchLastSection(false);
    connect(m_files->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) { showFileAt(current); });

    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_detailHeader->setWordWrap(true);
    m_detailHeader->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_detail->setColumnCount(3);
    m_detail->setHeaderLabels({tr("Item"), tr("Span / size"), tr("Key")});
    m_detail->setAccessibleName(tr("File contents"));
    m_detail->setUniformRowHeights(true);
    m_detail->setTextElideMode(Qt::ElideMiddle); // a chunk key ends with its span
    m_detail->header()->setSectionResizeMode(0, QHeaderView::Interactive);
    m_detail->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_detail->header()->setStretchLastSection(true);
    m_detail->setColumnWidth(0, 200);
    connect(m_detail, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        if (const QString key = item->data(0, keyRole).toString(); !key.isEmpty())
            Q_EMIT keyActivated(key);
    });

    auto *top = new QWidget(this);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addWidget(m_search);
    topLayout->addWidget(m_files, 1);
    topLayout->addWidget(m_status);
    auto *bottom = new QWidget(this);
    auto *bottomLayout = new QVBoxLayout(bottom);
    bottomLayout->setContentsMargins(0, 0, 0, 0);
    bottomLayout->addWidget(m_detailHeader);
    bottomLayout->addWidget(m_detail, 1);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(top);
    split->addWidget(bottom);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setChildrenCollapsible(false);
    auto *whole = new QVBoxLayout(this);
    whole->setContentsMargins(0, 0, 0, 0);
    whole->addWidget(split);
    setTabOrder(m_search, m_files);
    setTabOrder(m_files, m_detail);

    connect(m_loader, &FileIndexLoader::treeReady, this, &FilesView::showTree);
    connect(m_loader, &FileIndexLoader::loadFailed, this, [this](const QString &message) {
        m_status->setText(tr("Cannot read the files: %1").arg(message));
    });
    connect(m_loader, &FileIndexLoader::detailReady, this,
            [this](std::shared_ptr<const FileDetail> detail) {
                if (detail && text(detail->path) == m_requestedFile)
                    showDetail(*detail);
            });
    connect(m_loader, &FileIndexLoader::detailFailed, this,
            [this](const QString &path, const QString &message) {
                if (path != m_requestedFile)
                    return;
                m_detail->clear();
                m_detailHeader->setText(tr("Cannot read %1: %2").arg(path, message));
            });
    m_detailHeader->setText(tr("Select a file to see its chunks, AST and functions."));
}

FilesView::~FilesView() = default;

bool FilesView::isLoading() const {
    return m_loader->isLoading() || m_searchDelay->isActive();
}

void FilesView::setSourcePath(const QString &path) {
    m_loader->setSourcePath(path);
    m_stale = true;
    if (isVisible())
        ensureLoaded();
}

void FilesView::ensureLoaded() {
    if (!m_stale)
        return;
    m_stale = false;
    m_loader->load(m_search->text());
    updateStatus();
    if (!m_requestedFile.isEmpty())
        m_loader->describe(m_requestedFile.toStdString());
}

void FilesView::updateStatus() {
    const FileListing *listing = m_model->listing();
    const bool counting = listing && listing->countsPending;
    if (listing && listing->filesPending) {
        m_status->setText(tr("%1 so far").arg(files(std::int64_t(listing->files.size()))) +
                          QStringLiteral("\n") + tr("Reading the files of the store…"));
        return;
    }
    if (m_loader->isLoading() && !counting) {
        m_status->setText(m_loader->hasListing() ? tr("Finding the files…")
                                                 : tr("Reading the files of the store…"));
        return;
    }
    if (!listing)
        return;
    QString status = m_search->text().isEmpty()
                         ? files(std::int64_t(listing->files.size()))
                         : tr("%1 of %2 match")
                               .arg(number(m_model->matchingFiles()),
                                    files(std::int64_t(listing->files.size())));
    if (counting)
        status += QStringLiteral("\n") + tr("Counting AST nodes and functions…");
    else if (!listing->sourceRead && !m_note.isEmpty())
        status += QStringLiteral("\n") + tr("Only chunks are counted: %1").arg(m_note);
    m_status->setText(status);
}

void FilesView::showTree(std::shared_ptr<const FileListing> listing,
                         std::shared_ptr<const FileTree> tree) {
    m_note = listing->note;
    // The rest of a listing shown first with its first files or without its counts: the same
    // folders stay open, the view stays where it was; folders new at the top open as they would
    // have in a listing shown whole.
    const FileListing *shown = m_model->listing();
    const bool completing = shown && (shown->countsPending || shown->filesPending);
    const bool filling = shown && shown->filesPending;
    QSet<QString> expanded, topBefore;
    const int scrolled = m_files->verticalScrollBar()->value();
    if (completing)
        collectExpanded({}, {}, expanded);
    if (filling)
        for (int row = 0; row < m_model->rowCount(); ++row)
            topBefore.insert(m_model->index(row, 0).data().toString());
    m_model->setTree(std::move(listing), std::move(tree));
    if (completing) {
        restoreExpanded({}, {}, expanded);
        if (filling && m_model->matchingFiles() <= shortListFiles) {
            m_files->expandAll();
        } else if (filling) {
            for (int row = 0; row < m_model->rowCount(); ++row)
                if (const QModelIndex top = m_model->index(row, 0);
                    !topBefore.contains(top.data().toString()))
                    m_files->expand(top);
        }
        m_files->verticalScrollBar()->setValue(scrolled);
    } else if (m_model->matchingFiles() <= shortListFiles) { // a short list is shown whole
        m_files->expandAll();
    } else { // a long one by its top folders
        m_files->expandToDepth(0);
    }
    if (!m_requestedFile.isEmpty()) {
        const QModelIndex index = m_model->indexOfPath(m_requestedFile.toStdString());
        if (index.isValid()) { // shown again after a new search: no new read
            m_files->setCurrentIndex(index);
            m_files->scrollTo(index);
        }
    }
    updateStatus();
    Q_EMIT filesShown();
}

void FilesView::collectExpanded(const QModelIndex &parent, const QString &path,
                                QSet<QString> &expanded) const {
    for (int row = 0; row < m_model->rowCount(parent); ++row) {
        const QModelIndex child = m_model->index(row, 0, parent);
        if (!m_files->isExpanded(child))
            continue;
        const QString childPath = path + QLatin1Char('/') + child.data().toString();
        expanded.insert(childPath);
        collectExpanded(child, childPath, expanded);
    }
}

void FilesView::restoreExpanded(const QModelIndex &parent, const QString &path,
                                const QSet<QString> &expanded) {
    for (int row = 0; row < m_model->rowCount(parent); ++row) {
        const QModelIndex child = m_model->index(row, 0, parent);
        const QString childPath = path + QLatin1Char('/') + child.data().toString();
        if (!expanded.contains(childPath))
            continue;
        m_files->expand(child);
        restoreExpanded(child, childPath, expanded);
    }
}

bool FilesView::selectFile(const QString &path) {
    const QModelIndex index = m_model->indexOfPath(path.toStdString());
    if (!index.isValid())
        return false;
    m_files->setCurrentIndex(index);
    m_files->scrollTo(index);
    return true;
}

void FilesView::showFileAt(const QModelIndex &index) {
    if (!index.isValid() || !index.data(FilesModel::IsFileRole).toBool())
        return;
    const QString path = index.siblingAtColumn(0).data(FilesModel::PathRole).toString();
    if (path == m_requestedFile && path == m_shownFile)
        return;
    m_requestedFile = path;
    m_detailHeader->setText(tr("Reading %1…").arg(m_requestedFile));
    m_loader->describe(m_requestedFile.toStdString());
}

void FilesView::showDetail(const FileDetail &detail) {
    m_detail->clear();
    m_shownFile = text(detail.path);
    m_detailHeader->setText(QStringLiteral("<b>%1</b>").arg(m_shownFile.toHtmlEscaped()));
    m_detailHeader->setToolTip(m_shownFile);

    QTreeWidgetItem *ast = section(
        m_detail,
        detail.reindexed()
            ? tr("AST: %1 File entities with this path (indexed again)").arg(detail.asts.size())
            : tr("AST"));
    if (!detail.sourceRead)
        noteItem(
            ast,
            tr("Needs the source database (File > Choose Source Database): %1").arg(detail.note));
    else if (detail.asts.empty())
        noteItem(ast, tr("No File entity in the source has this path"));
    for (const FileAst &entry : detail.asts)
        keyItem(ast, tr("file id %1").arg(entry.fileId),
                entry.inStore ? (entry.nodes ? nodes(*entry.nodes) : tr("not an array"))
                              : tr("not in the store"),
                entry.key);

    QTreeWidgetItem *chunks =
        section(m_detail, tr("Chunks: %1, in source order").arg(detail.chunks.size()));
    for (const FileChunk &chunk : detail.chunks) {
        QString symbol = chunk.symbolName ? text(*chunk.symbolName) : tr("(no symbol)");
        if (chunk.symbolKind)
            symbol += QStringLiteral(" · ") + text(*chunk.symbolKind);
        keyItem(chunks, symbol, tr("%1–%2").arg(number(chunk.byteStart), number(chunk.byteEnd)),
                chunk.key);
    }

    QTreeWidgetItem *functions = section(
        m_detail, tr("Functions: %1 with control-flow blocks").arg(detail.functions.size()));
    if (!detail.sourceRead)
        noteItem(functions, tr("Needs the source database"));
    for (const FileFunction &function : detail.functions)
        keyItem(functions, text(function.name),
                function.blocks ? blocks(*function.blocks) : tr("not an array"), function.key);
    m_detail->expandAll();
    Q_EMIT detailShown(m_shownFile);
}

} // namespace magellan
