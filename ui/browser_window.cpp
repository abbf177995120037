#include "browser_window.h"

#include "key_tree_model.h"
#include "store/kv_store.h"
#include "migrate/migration_record.h"
#include "browse/source_comparison.h"
#include "source_lookup.h"
#include "value_inspector.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSplitter>
#include <QStatusBar>
#include <QToolBar>
#include <QTreeView>

namespace magellan {
namespace {

// The source path the migration record names, if any.
QString recordedSource(const KvStore &store) {
    const Result<std::optional<RecordedMigration>> recorded = readMigrationRecord(store);
    return recorded.isOk() && recorded.value() ? recorded.value()->sourcePath : QString();
}

const char *const namespaces[][2] = {{"", "All keys"},
                                     {"chunk:", "chunk: code chunks"},
                                     {"ast:", "ast: syntax trees"},
                                     {"cfg:", "cfg: control-flow blocks"},
                                     {"reject:", "reject: rejected rows"},
                                     {"meta:", "meta: migration record"},
                                     {"execlog:", "execlog: execution log"},
                                     {"metrics:", "metrics: file and symbol metrics"}};

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
    m_keys->header()->setSectionResizeMode(KeyTreeModel::Key, QHeaderView::Stretch);
    m_keys->header()->setSectionResizeMode(KeyTreeModel::Count, QHeaderView::ResizeToContents);
    m_keys->header()->setStretchLastSection(false);
    connect(m_model, &KeyTreeModel::storeError, this,
            [this](const QString &message) { statusBar()->showMessage(message); });
    connect(m_keys->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) { showKey(current); });
    connect(m_keys, &QTreeView::activated, this, [this](const QModelIndex &index) {
        if (index.data(KeyTreeModel::IsEarlierMarkerRole).toBool())
            m_model->showFromStart(index);
    });

    m_search = new QLineEdit(this);
    m_search->setPlaceholderText(tr("Jump to a key or prefix, e.g. chunk:src/main.rs  (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    connect(m_search, &QLineEdit::returnPressed, this, [this] { jumpTo(m_search->text()); });
    m_namespaces = new QComboBox(this);
    for (const auto &[prefix, title] : namespaces)
        m_namespaces->addItem(tr(title), QString::fromLatin1(prefix));
    connect(m_namespaces, &QComboBox::currentIndexChanged, this,
            [this] { setNamespace(m_namespaces->currentData().toString()); });
    auto *toolbar = addToolBar(tr("Keys"));
    toolbar->setMovable(false);
    toolbar->addWidget(m_namespaces);
    toolbar->addWidget(m_search);

    m_inspector = new ValueInspector(this);
    connect(m_inspector, &ValueInspector::valueShown, this, [this](const QString &key) {
        if (sourcePath().isEmpty())
            m_inspector->showNoSource();
        else if (m_value && key == selectedKey())
            m_lookup->compare(key.toStdString(), m_value, m_layout);
    });
    connect(m_lookup, &SourceLookup::compared, m_inspector, &ValueInspector::showComparison);
    connect(m_lookup, &SourceLookup::failed, m_inspector, &ValueInspector::showComparisonError);

    auto *split = new QSplitter(this);
    split->addWidget(m_keys);
    split->addWidget(m_inspector);
    split->setStretchFactor(1, 2);
    split->setSizes({380, 820});
    setCentralWidget(split);

    QMenu *file = menuBar()->addMenu(tr("&File"));
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
    m_sourceLabel = new QLabel(this);
    statusBar()->addPermanentWidget(m_sourceLabel);
    updateStatus();
}

QString BrowserWindow::sourcePath() const {
    return m_lookup->sourcePath();
}

void BrowserWindow::setSourcePath(const QString &path) {
    m_lookup->setSourcePath(path);
    updateStatus();
    if (m_inspector->decoded())
        Q_EMIT m_inspector->valueShown(QString::fromStdString(m_inspector->decoded()->key));
}

void BrowserWindow::updateStatus() {
    m_sourceLabel->setText(sourcePath().isEmpty()
                               ? tr("store %1 · no source database").arg(m_storePath)
                               : tr("store %1 · source %2").arg(m_storePath, sourcePath()));
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
    QModelIndex index = m_model->locate(*found.value());
    if (!index.isValid()) { // outside the namespace shown: show all keys
        setNamespace({});
        index = m_model->locate(*found.value());
    }
    if (!index.isValid())
        return false;
    m_keys->scrollTo(index);
    m_keys->setCurrentIndex(index);
    if (!found.value()->starts_with(keyOrPrefix.toStdString()))
        statusBar()->showMessage(
            tr("No key starts with “%1”; showing the next one.").arg(keyOrPrefix), 5000);
    return true;
}

QString BrowserWindow::selectedKey() const {
    const QModelIndex current = m_keys->currentIndex();
    if (!current.isValid() || current.data(KeyTreeModel::IsGroupRole).toBool() ||
        current.data(KeyTreeModel::IsEarlierMarkerRole).toBool())
        return {};
    return current.siblingAtColumn(0).data(KeyTreeModel::KeyRole).toString();
}

void BrowserWindow::showKey(const QModelIndex &index) {
    m_value.reset();
    const QString key = selectedKey();
    if (key.isEmpty() || !index.isValid()) {
        m_inspector->clear();
        return;
    }
    const Result<std::optional<std::string>> value = m_store->get(key.toStdString());
    if (!value.isOk() || !value.value()) {
        m_inspector->clear();
        statusBar()->showMessage(value.isOk() ? tr("%1 is no longer in the store.").arg(key)
                                              : value.status().message());
        return;
    }
    m_value = std::make_shared<const std::string>(std::move(*value.value()));
    m_inspector->showValue(key.toStdString(), m_value);
}

void BrowserWindow::copyKey() {
    if (const QString key = selectedKey(); !key.isEmpty())
        QApplication::clipboard()->setText(key);
}

void BrowserWindow::copyValue() {
    if (m_value)
        QApplication::clipboard()->setText(
            QString::fromUtf8(m_value->data(), static_cast<int>(m_value->size())));
}

void BrowserWindow::exportValue() {
    if (!m_value)
        return;
    QString name = selectedKey();
    name.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9._-]+")), QStringLiteral("_"));
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export value"), name + QStringLiteral(".json"));
    if (path.isEmpty())
        return;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) ||
        file.write(m_value->data(), static_cast<qint64>(m_value->size())) < 0 || !file.commit())
        QMessageBox::critical(this, tr("Export failed"),
                              tr("%1: %2").arg(path, file.errorString()));
}

void BrowserWindow::chooseSource() {
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Source database"), QFileInfo(sourcePath()).absolutePath(),
        tr("magellan databases (*.db *.sqlite *.sqlite3);;All files (*)"));
    if (!path.isEmpty())
        setSourcePath(path);
}

} // namespace magellan
