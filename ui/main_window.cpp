#include "main_window.h"

#include <QApplication>
#include <QFileInfo>
#include <QKeySequence>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>

namespace magellan {

MainWindow::MainWindow(const QString &databasePath, QWidget *parent) : QMainWindow(parent) {
    setWindowTitle(
        databasePath.isEmpty()
            ? QStringLiteral("magellan-kv")
            : QStringLiteral("%1 - magellan-kv").arg(QFileInfo(databasePath).fileName()));
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Quit"), QKeySequence::Quit, qApp, &QApplication::quit);
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About magellan-kv"), this, [this] {
        QMessageBox::about(this, tr("About magellan-kv"),
                           tr("magellan-kv %1\nMoves magellan's side tables from SQLite into "
                              "RocksDB and shows that nothing was lost.")
                               .arg(QApplication::applicationVersion()));
    });
    auto *label = new QLabel(this);
    label->setAlignment(Qt::AlignCenter);
    label->setText(
        databasePath.isEmpty()
            ? tr("magellan-kv\n\nMigrate from the command line: magellan-kv migrate SRC DST")
            : tr("%1\n\nMigrate from the command line: magellan-kv migrate %1 DST")
                  .arg(QFileInfo(databasePath).absoluteFilePath()));
    setCentralWidget(label);
    resize(720, 480);
}

} // namespace magellan
