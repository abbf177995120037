#pragma once

#include <QMainWindow>

class QMenu;

namespace magellan {

class MigrationPanel;
class BrowserWindow;
class SavedFileNotice;

// The desktop app's window: menus, drag and drop, recent files, and the migration panel.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);

    // Opens `path` as a command-line argument, a drop or a menu pick would.
    void openDatabase(const QString &path);
    // Opens a store in a KV browser window, beside `sourcePath` when given; nullptr after saying
    // why it cannot.
    BrowserWindow *openStore(const QString &storePath, const QString &sourcePath);
    MigrationPanel *panel() const { return m_panel; }
    SavedFileNotice *savedFileNotice() const { return m_savedNotice; }

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void chooseDatabase();
    void chooseStore();
    void rebuildRecentMenu();
    void updateTitle();
    void showAbout();

    MigrationPanel *m_panel;
    QMenu *m_recentMenu;
    SavedFileNotice *m_savedNotice;
    bool m_closeWhenStopped = false; // the user chose Stop when closing during a migration
};

} // namespace magellan
