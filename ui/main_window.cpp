#include "main_window.h"

#include "browser_window.h"
#include "migration_panel.h"
#include "recent_files.h"
#include "recent_menu.h"
#include "saved_file_notice.h"
#include "start_folder.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QKeySequence>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QSettings>
#include <QStatusBar>

namespace magellan {
namespace {

// A RocksDB store is a folder with a CURRENT file (the migrator names them *.kv).
bool isStoreFolder(const QString &path) {
    const QFileInfo info(path);
    return info.isDir() && (QFileInfo::exists(QDir(path).filePath(QStringLiteral("CURRENT"))) ||
                            path.endsWith(QLatin1String(".kv")));
}

// The first dropped local file (a database) or store folder.
QString firstLocalFile(const QMimeData *mime) {
    if (!mime || !mime->hasUrls())
        return {};
    for (const QUrl &url : mime->urls())
        if (url.isLocalFile() &&
            (QFileInfo(url.toLocalFile()).isFile() || isStoreFolder(url.toLocalFile())))
            return url.toLocalFile();
    return {};
}

} // namespace

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent), m_panel(new MigrationPanel(this)) {
    setCentralWidget(m_panel);
    setAcceptDrops(true);

    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Open Database…"), QKeySequence::Open, this, &MainWindow::chooseDatabase);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    file->addAction(tr("Open &Store in KV Browser…"),
                    QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O), this, &MainWindow::chooseStore);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About magellan-kv"), this, &MainWindow::showAbout);
    rebuildRecentMenu();
    m_savedNotice = new SavedFileNotice(this);
    statusBar()->addWidget(m_savedNotice, 1);

    connect(m_panel, &MigrationPanel::reportExported, m_savedNotice, &SavedFileNotice::showSaved);
    connect(m_panel, &MigrationPanel::keyRequested, this,
            [this](const QString &store, const QString &source, const QString &key) {
                if (BrowserWindow *browser = openStore(store, source))
                    browser->compareKey(key);
            });
    connect(m_panel, &MigrationPanel::databaseOpened, this, [this](const QString &path) {
        RecentFiles().add(path);
        rebuildRecentMenu();
        updateTitle();
    });
    connect(m_panel, &MigrationPanel::stateChanged, this, &MainWindow::updateTitle);
    connect(m_panel, &MigrationPanel::browseRequested, this, &MainWindow::openStore);
    connect(m_panel, &MigrationPanel::progressChanged, this, &MainWindow::updateTitle);
    connect(m_panel, &MigrationPanel::cancelAnswered, this,
            [this](bool stop) { m_closeWhenStopped = m_closeWhenStopped && stop; });
    connect(m_panel, &MigrationPanel::stateChanged, this, [this](MigrationPanel::State state) {
        if (m_closeWhenStopped && state != MigrationPanel::State::Migrating)
            close(); // the worker has stopped: nothing is left running or written
    });

    resize(960, 720);
    restoreGeometry(QSettings().value(QStringLiteral("window/geometry")).toByteArray());
    updateTitle();
}

void MainWindow::openDatabase(const QString &path) {
    m_panel->openDatabase(path);
}

void MainWindow::chooseDatabase() {
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open magellan database"), startFolder(RecentFiles().paths().value(0)),
        tr("magellan databases (*.db *.sqlite *.sqlite3);;All files (*)"));
    if (!path.isEmpty())
        openDatabase(path);
}

void MainWindow::chooseStore() {
    const QString path = QFileDialog::getExistingDirectory(
        this, tr("Open RocksDB store"),
        startFolder(m_panel->destinationPath().isEmpty() ? RecentFiles::stores().paths().value(0)
                                                         : m_panel->destinationPath()));
    if (!path.isEmpty())
        openStore(path, {});
}

BrowserWindow *MainWindow::openStore(const QString &storePath, const QString &sourcePath) {
    BrowserWindow *browser = BrowserWindow::open(storePath, sourcePath, this);
    if (browser)
        browser->show();
    return browser;
}

void MainWindow::rebuildRecentMenu() {
    fillRecentMenu(m_recentMenu, RecentFiles(),
                   [this](const QString &path) { openDatabase(path); });
}

void MainWindow::updateTitle() {
    const QString name = QFileInfo(m_panel->databasePath()).fileName();
    QString title = QStringLiteral("magellan-kv");
    if (!name.isEmpty())
        title = name + QStringLiteral(" — ") + title;
    if (m_panel->state() == MigrationPanel::State::Migrating)
        title =
            tr("%1% migrating — ").arg(static_cast<int>(m_panel->overallProgress() * 100)) + title;
    setWindowTitle(title);
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event) {
    const QString path = firstLocalFile(event->mimeData());
    // A store opens in a browser at any time; a database replaces the panel's only when idle.
    if (!path.isEmpty() &&
        (isStoreFolder(path) || m_panel->state() != MigrationPanel::State::Migrating))
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event) {
    const QString path = firstLocalFile(event->mimeData());
    if (path.isEmpty())
        return;
    event->acceptProposedAction();
    if (isStoreFolder(path))
        openStore(path, {});
    else
        openDatabase(path);
}

void MainWindow::closeEvent(QCloseEvent *event) {
    if (m_panel->state() == MigrationPanel::State::Migrating) {
        event->ignore(); // asked first; "Stop" closes once the worker has stopped
        m_closeWhenStopped = true;
        m_panel->requestCancel();
        return;
    }
    m_closeWhenStopped = false;
    QSettings().setValue(QStringLiteral("window/geometry"), saveGeometry());
    event->accept();
}

void MainWindow::showAbout() {
    QMessageBox::about(
        this, tr("About magellan-kv"),
        tr("<h3>magellan-kv %1</h3><p>Moves the side tables of a magellan index "
           "(code_chunks, ast_nodes, cfg_blocks) from SQLite into a RocksDB store, "
           "reads the store back and shows that nothing was lost.</p>"
           "<p>KV format version 1. Built with Qt %2.</p>")
            .arg(QApplication::applicationVersion(), QString::fromLatin1(qVersion())));
}

} // namespace magellan
