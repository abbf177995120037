#include "browser_window.h"

#include "browse/source_comparison.h"
#include "elided_label.h"
#include "files_view.h"
#include "find_in_values_panel.h"
#include "key_tree_model.h"
#include "migrate/migration_record.h"
#include "recent_menu.h"
#include "saved_file_notice.h"
#include "source_lookup.h"
#include "start_folder.h"
#include "store/kv_store.h"
#include "value_inspector.h"
#include "verification_dialog.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QRegularExpression>
#include <QSaveFile>
#include <QScrollBar>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolBar>
#include <QTreeView>
#include <QTreeWidget>

#include <algorithm>

namespace magellan {
namespace {

// The source path the migration record names, if any.
QString recordedSource(const KvStore &store) {
    const Result<std::optional<RecordedMigration>> recorded = readMigrationRecord(store);
    return recorded.isOk() && recorded.value() ? recorded.value()->sourcePath : QString();
}

// The namespaces the tree can be narrowed to: a key prefix and what to call it.
struct Namespace {
    std::string_view prefix; // matched against keys: never translated
    const char *label;       // translated where shown
};
const Namespace namespaces[] = {
    {"", QT_TRANSLATE_NOOP("magellan::BrowserWindow", "All keys")},
    {kvkey::chunkPrefix, QT_TRANSLATE_NOOP("magellan::BrowserWindow", "chunk: code chunks")},
    {kvkey::astPrefix, QT_TRANSLATE_NOOP("magellan::BrowserWindow", "ast: syntax trees")},
    {kvkey::cfgPrefix, QT_TRANSLATE_NOOP("magellan::BrowserWindow", "cfg: control-flow blocks")},
    {kvkey::rejectPrefix, QT_TRANSLATE_NOOP("magellan::BrowserWindow", "reject: rejected rows")},
    {kvkey::metaPrefix, QT_TRANSLATE_NOOP("magellan::BrowserWindow", "meta: migration record")},
    {kvkey::executionLogPrefix,
     QT_TRANSLATE_NOOP("magellan::BrowserWindow", "execlog: execution log")},
    {kvkey::metricsPrefix,
     QT_TRANSLATE_NOOP("magellan::BrowserWindow", "metrics: file and symbol metrics")}};

} // namespace

BrowserWindow *BrowserWindow::open(const QString &storePath, const QString &sourcePath,
                                   QWidget *parent, QString *errorMessage) {
    const auto fail = [&](const QString &message) -> BrowserWindow * {
        if (errorMessage)
            *errorMessage = message;
        else
            QMessageBox::critical(parent, tr("Cannot open store"), message);
        return nullptr;
    };
    if (const qint64 holder = storeLockHolder(storePath))
        return fail(tr("%1: the store is in use by another process (pid %2); close it there first")
                        .arg(storePath)
                        .arg(holder));
    Result<std::unique_ptr<KvStore>> store = KvStore::open(storePath, KvStore::Mode::ReadOnly);
    if (!store.isOk())
        return fail(store.status().message());
    auto *window =
        new BrowserWindow(QFileInfo(storePath).absoluteFilePath(),
                          std::shared_ptr<const KvStore>(std::move(store.value())), parent);
    window->setSourcePath(sourcePath.isEmpty() ? recordedSource(*window->m_store) : sourcePath);
    RecentFiles::stores().add(window->storePath());
    return window;
}

BrowserWindow::BrowserWindow(QString storePath, std::shared_ptr<const KvStore> store,
                             QWidget *parent)
    : QMainWindow(parent), m_storePath(std::move(storePath)), m_store(std::move(store)) {
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowFlag(Qt::Window);
    m_layout = detectKeyLayout(*m_store);
    m_lookup = new SourceLookup(this);
    buildUi();
    setWindowTitle(tr("%1 — KV browser — magellan-kv").arg(QFileInfo(m_storePath).fileName()));
    resize(1200, 760);
}

void BrowserWindow::buildUi() {
    m_model = new KeyTreeModel(m_store, this);
    m_keys = new QTreeView(this);
    m_keys->setModel(m_model);
    m_keys->setUniformRowHeights(true);
    m_keys->setAccessibleName(tr("Keys"));
    m_keys->header()->setSectionResizeMode(KeyTreeModel::Key, QHeaderView::Stretch);
    m_keys->header()->setSectionResizeMode(KeyTreeModel::Count, QHeaderView::ResizeToContents);
    m_keys->header()->setStretchLastSection(false);
    connect(m_model, &KeyTreeModel::storeError, this,
            [this](const QString &message) { statusBar()->showMessage(message); });
    connect(m_keys->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) { showKey(current); });
    connect(m_keys, &QTreeView::activated, this, [this](const QModelIndex &index) {
        if (index.data(KeyTreeModel::IsEarlierMarkerRole).toBool())
            listEarlierEntries(index);
    });
    // Scrolling up to an "earlier entries" row lists what it stands for, as scrolling down does.
    connect(m_keys->verticalScrollBar(), &QScrollBar::valueChanged, this,
            [this] { listEarlierEntriesInView(); });

    m_search = new QLineEdit(this);
    m_search->setPlaceholderText(tr("Jump to a key or prefix, e.g. chunk:src/main.rs  (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Find key"));
    connect(m_search, &QLineEdit::returnPressed, this, [this] { find(m_search->text()); });
    m_namespaces = new QComboBox(this);
    m_namespaces->setAccessibleName(tr("Namespace"));
    m_namespaces->setToolTip(tr("Show the keys of one namespace"));
    for (const Namespace &space : namespaces)
        m_namespaces->addItem(tr(space.label), QString::fromLatin1(space.prefix.data(),
                                                                   qsizetype(space.prefix.size())));
    connect(m_namespaces, &QComboBox::currentIndexChanged, this,
            [this] { setNamespace(m_namespaces->currentData().toString()); });
    auto *toolbar = addToolBar(tr("Keys"));
    toolbar->setMovable(false);
    toolbar->addWidget(m_namespaces);
    toolbar->addWidget(m_search);

    m_inspector = new ValueInspector(this);
    m_inspector->setStore(m_store, m_layout, m_storePath);
    connect(m_inspector, &ValueInspector::valueShown, this, [this](const QString &key) {
        if (sourcePath().isEmpty())
            m_inspector->showNoSource();
        else if (m_value && key == m_shownKey)
            m_lookup->compare(key.toStdString(), m_value, m_layout);
    });
    connect(m_lookup, &SourceLookup::compared, m_inspector, &ValueInspector::showComparison);
    connect(m_lookup, &SourceLookup::failed, m_inspector, &ValueInspector::showComparisonError);

    m_files = new FilesView(m_store, m_layout, this);
    connect(m_files, &FilesView::keyActivated, this, &BrowserWindow::showStoredKey);
    m_views = new QTabWidget(this);
    m_views->setDocumentMode(true);
    m_views->addTab(m_keys, tr("&Keys"));
    m_views->addTab(m_files, tr("F&iles"));
    m_views->setTabToolTip(0, tr("The store's keys by prefix"));
    m_views->setTabToolTip(1, tr("The store's files by folder: chunks, AST and functions"));
    connect(m_views, &QTabWidget::currentChanged, this, [this](int index) {
        if (m_views->widget(index) == m_files)
            m_files->ensureLoaded();
    });

    m_findPanel = new FindInValuesPanel(m_store, this);
    connect(m_findPanel, &FindInValuesPanel::keyRequested, this, &BrowserWindow::jumpTo);
    m_findDock = new QDockWidget(tr("Find in Values"), this);
    m_findDock->setObjectName(QStringLiteral("findInValues"));
    m_findDock->setWidget(m_findPanel);
    m_findDock->setAllowedAreas(Qt::BottomDockWidgetArea | Qt::TopDockWidgetArea);
    addDockWidget(Qt::BottomDockWidgetArea, m_findDock);
    m_findDock->hide();

    auto *split = new QSplitter(this);
    split->addWidget(m_views);
    split->addWidget(m_inspector);
    split->setStretchFactor(1, 2);
    split->setSizes({460, 740});
    setCentralWidget(split);

    QMenu *file = menuBar()->addMenu(tr("&File"));
    QMenu *recent = file->addMenu(tr("Open &Recent Store"));
    keepRecentMenu(recent, RecentFiles::stores(), [this](const QString &path) {
        if (path == m_storePath)
            return;
        if (BrowserWindow *other = BrowserWindow::open(path, {}, parentWidget()))
            other->show();
    });
    file->addAction(tr("Choose &Source Database…"), this, &BrowserWindow::chooseSource);
    file->addAction(tr("&Export Value…"), QKeySequence::Save, this, &BrowserWindow::exportValue);
    file->addSeparator();
    file->addAction(tr("&Close"), QKeySequence::Close, this, &QWidget::close);
    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(tr("Copy &Key"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C), this,
                    &BrowserWindow::copyKey);
    edit->addAction(tr("Copy &Value"), QKeySequence::Copy, this, &BrowserWindow::copyValue);
    edit->addAction(tr("&Find Key…"), QKeySequence::Find, this, [this] {
        m_search->setFocus();
        m_search->selectAll();
    });
    edit->addAction(tr("Find in &Values…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F), this,
                    &BrowserWindow::showFindInValues);
    QMenu *tools = menuBar()->addMenu(tr("&Tools"));
    tools->addAction(tr("&Verify Against Source…"), QKeySequence(Qt::CTRL | Qt::Key_R), this,
                     &BrowserWindow::verifyAgainstSource);
    m_savedNotice = new SavedFileNotice(this);
    statusBar()->addWidget(m_savedNotice, 1);
    m_sourceLabel = new ElidedLabel(this); // shortened in the middle: both paths stay in view
    m_sourceLabel->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    statusBar()->addPermanentWidget(m_sourceLabel, 1);
    setTabOrder(m_namespaces, m_search);
    setTabOrder(m_search, m_views);
    setTabOrder(m_views, m_keys);
    setTabOrder(m_keys, m_files->searchField());
    setTabOrder(m_files->searchField(), m_files->fileView());
    setTabOrder(m_files->fileView(), m_files->detailView());
    setTabOrder(m_files->detailView(), m_inspector);
    updateStatus();
}

QString BrowserWindow::sourcePath() const {
    return m_lookup->sourcePath();
}

void BrowserWindow::setSourcePath(const QString &path) {
    m_lookup->setSourcePath(path);
    m_inspector->setSourcePath(path);
    m_files->setSourcePath(path);
    m_model->setLabelSource(path, m_layout);
    updateStatus();
    if (m_inspector->decoded())
        Q_EMIT m_inspector->valueShown(QString::fromStdString(m_inspector->decoded()->key));
}

void BrowserWindow::updateStatus() {
    m_sourceLabel->setFullText(
        sourcePath().isEmpty()
            ? tr("store %1 · no source database").arg(QDir::toNativeSeparators(m_storePath))
            : tr("store %1 · source %2")
                  .arg(QDir::toNativeSeparators(m_storePath),
                       QDir::toNativeSeparators(sourcePath())));
}

void BrowserWindow::setNamespace(const QString &prefix) {
    m_model->setRootPrefix(prefix.toStdString());
    const int at = m_namespaces->findData(prefix);
    if (at >= 0 && at != m_namespaces->currentIndex()) {
        const QSignalBlocker blocker(m_namespaces);
        m_namespaces->setCurrentIndex(at);
    }
    m_inspector->clear();
}

bool BrowserWindow::jumpTo(const QString &keyOrPrefix) {
    const Result<std::optional<std::string>> found =
        keytree::seekKey(*m_store, keyOrPrefix.toStdString());
    if (!found.isOk() || !found.value()) {
        statusBar()->showMessage(tr("No key at or after “%1”.").arg(keyOrPrefix), 5000);
        return false;
    }
    // Enough siblings before the key to fill the half of the view above it.
    const int rowHeight =
        m_keys->sizeHintForRow(0) > 0 ? m_keys->sizeHintForRow(0) : m_keys->fontMetrics().height();
    const int rowsBefore = m_keys->viewport()->height() / std::max(rowHeight, 1) / 2 + 1;
    QModelIndex index = m_model->locate(*found.value(), rowsBefore);
    if (!index.isValid()) { // outside the namespace shown: show all keys
        setNamespace({});
        index = m_model->locate(*found.value(), rowsBefore);
    }
    if (!index.isValid())
        return false;
    showView(0);
    m_keys->setCurrentIndex(index);
    m_keys->scrollTo(index, QAbstractItemView::PositionAtCenter);
    if (!found.value()->starts_with(keyOrPrefix.toStdString()))
        statusBar()->showMessage(
            tr("No key starts with “%1”; showing the next one.").arg(keyOrPrefix), 5000);
    return true;
}

VerificationDialog *BrowserWindow::verifyAgainstSource() {
    if (sourcePath().isEmpty())
        chooseSource();
    if (sourcePath().isEmpty())
        return nullptr;
    auto *dialog = new VerificationDialog(m_storePath, sourcePath(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &VerificationDialog::keyRequested, this, &BrowserWindow::compareKey);
    dialog->show();
    dialog->start();
    return dialog;
}

void BrowserWindow::compareKey(const QString &key) {
    if (!jumpTo(key)) // a key missing from the store: say so
        statusBar()->showMessage(
            tr("The store has no key %1: the source rows behind it were not carried.").arg(key),
            8000);
    m_inspector->showCompareTab();
    raise();
    activateWindow();
}

void BrowserWindow::showFindInValues() {
    m_findDock->show();
    m_findDock->raise();
    m_findPanel->queryField()->setFocus(Qt::ShortcutFocusReason);
    m_findPanel->queryField()->selectAll();
}

bool BrowserWindow::find(const QString &keyOrPrefix) {
    if (!jumpTo(keyOrPrefix))
        return false;
    m_keys->setFocus(Qt::ShortcutFocusReason);
    return true;
}

void BrowserWindow::listEarlierEntries(const QModelIndex &marker) {
    // The rows after the marker stay where they are on screen; the ones listed appear above.
    const QPersistentModelIndex anchor = marker.siblingAtRow(marker.row() + 1);
    const int rowHeight = std::max(m_keys->visualRect(marker).height(), 1);
    const int rowsAboveAnchor = anchor.isValid() ? m_keys->visualRect(anchor).top() / rowHeight : 0;
    if (m_model->fetchEarlier(marker) == 0 || !anchor.isValid())
        return;
    QModelIndex top = anchor;
    for (int row = 0; row < rowsAboveAnchor; ++row) {
        const QModelIndex above = m_keys->indexAbove(top);
        if (!above.isValid())
            break;
        top = above;
    }
    m_keys->scrollTo(top, QAbstractItemView::PositionAtTop);
}

void BrowserWindow::listEarlierEntriesInView() {
    if (m_listingEarlier)
        return;
    m_listingEarlier = true;
    const int bottom = m_keys->viewport()->height();
    for (QModelIndex row = m_keys->indexAt(QPoint(0, 0));
         row.isValid() && m_keys->visualRect(row).top() < bottom; row = m_keys->indexBelow(row)) {
        if (row.data(KeyTreeModel::IsEarlierMarkerRole).toBool()) {
            listEarlierEntries(row);
            break;
        }
    }
    m_listingEarlier = false;
}

QString BrowserWindow::selectedKey() const {
    const QModelIndex current = m_keys->currentIndex();
    if (!current.isValid() || current.data(KeyTreeModel::IsGroupRole).toBool() ||
        current.data(KeyTreeModel::IsEarlierMarkerRole).toBool())
        return {};
    return current.siblingAtColumn(0).data(KeyTreeModel::KeyRole).toString();
}

void BrowserWindow::showKey(const QModelIndex &index) {
    const QString key = selectedKey();
    if (key.isEmpty() || !index.isValid()) {
        m_value.reset();
        m_shownKey.clear();
        m_inspector->clear();
        return;
    }
    showStoredKey(key);
}

bool BrowserWindow::showStoredKey(const QString &key) {
    m_value.reset();
    m_shownKey.clear();
    const Result<std::optional<std::string>> value = m_store->get(key.toStdString());
    if (!value.isOk() || !value.value()) {
        m_inspector->clear();
        statusBar()->showMessage(value.isOk() ? tr("%1 is no longer in the store.").arg(key)
                                              : value.status().message());
        return false;
    }
    m_value = std::make_shared<const std::string>(std::move(*value.value()));
    m_shownKey = key;
    m_inspector->showValue(key.toStdString(), m_value);
    return true;
}

void BrowserWindow::showView(int index) {
    m_views->setCurrentIndex(index);
}

void BrowserWindow::copyKey() {
    if (!m_shownKey.isEmpty())
        QApplication::clipboard()->setText(m_shownKey);
}

void BrowserWindow::copyValue() {
    if (m_value)
        QApplication::clipboard()->setText(
            QString::fromUtf8(m_value->data(), static_cast<int>(m_value->size())));
}

void BrowserWindow::exportValue() {
    if (!m_value)
        return;
    QString name = m_shownKey;
    name.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9._-]+")), QStringLiteral("_"));
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export value"), startPath({}, name + QStringLiteral(".json")));
    if (path.isEmpty())
        return;
    if (const QString problem = exportValueTo(path); !problem.isEmpty())
        QMessageBox::critical(this, tr("Export failed"), problem);
}

QString BrowserWindow::exportValueTo(const QString &path) {
    if (!m_value)
        return tr("No value is selected.");
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) ||
        file.write(m_value->data(), static_cast<qint64>(m_value->size())) < 0 || !file.commit())
        return tr("%1: %2").arg(path, file.errorString());
    m_savedNotice->showSaved(path);
    return {};
}

void BrowserWindow::chooseSource() {
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Source database"), startFolder(sourcePath()),
        tr("magellan databases (*.db *.sqlite *.sqlite3);;All files (*)"));
    if (!path.isEmpty())
        setSourcePath(path);
}

} // namespace magellan
