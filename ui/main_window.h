#pragma once

#include <QMainWindow>

namespace magellan {

// The desktop app's window. For now it names the database it was started with; migrating from
// the window is built on the same core the command line uses.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(const QString &databasePath = {}, QWidget *parent = nullptr);
};

} // namespace magellan
