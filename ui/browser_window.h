#pragma once

#include "format/key_codec.h"

#include <QMainWindow>

#include <memory>

class QComboBox;
class QDockWidget;
class QLabel;
class QLineEdit;
class QTabWidget;
class QTreeView;

namespace magellan {

class ElidedLabel;
class FilesView;
class FindInValuesPanel;
class KeyTreeModel;
class SavedFileNotice;
class KvStore;
class SourceLookup;
class ValueInspector;
class VerificationDialog;

// The KV browser: a store's keys as a tree beside the value of the selected key, and that value
// beside its SQLite source rows when the source is known.
class BrowserWindow : public QMainWindow {
    Q_OBJECT
public:
    // Opens the store at `storePath` read-only in a new window; `sourcePath` (optional) overrides
    // the source the migration record names. Returns nullptr after showing why it cannot, as a
    // dialog over `parent` (or on stderr when `errorMessage` is given instead).
    static BrowserWindow *open(const QString &storePath, const QString &sourcePath, QWidget *parent,
                               QString *errorMessage = nullptr);

    // Shows the key (or, for a prefix, the first key under it) in the middle of the tree with
    // its neighbours, and selects it.
    bool jumpTo(const QString &keyOrPrefix);
    // The Find Key box's Enter: jumps, then moves the focus to the key found.
    bool find(const QString &keyOrPrefix);
    // Shows the value of `key` in the inspector, from whichever view asked; false when the store
    // has no such key (the status bar says so).
    bool showStoredKey(const QString &key);
    // Brings the Keys view (index 0) or the Files view (index 1) to the front.
    void showView(int index);
    // Restricts the tree to one namespace ("" for all).
    void setNamespace(const QString &prefix);
    void setSourcePath(const QString &path);
    // Tools › Verify Against Source: verifies the whole store on a worker thread in a dialog whose
    // listed rows open in the Compare tab. Asks for the source when none is known.
    VerificationDialog *verifyAgainstSource();
    // Selects `key` and shows it beside its source rows.
    void compareKey(const QString &key);
    // Edit › Find in Values: shows the panel and puts the focus in its query field.
    void showFindInValues();

    const QString &storePath() const { return m_storePath; }
    QString sourcePath() const;
    QTreeView *keyView() const { return m_keys; }
    FilesView *filesView() const { return m_files; }
    FindInValuesPanel *findPanel() const { return m_findPanel; }
    QDockWidget *findDock() const { return m_findDock; }
    QTabWidget *views() const { return m_views; }
    // The key whose value the inspector shows ("" when none).
    const QString &shownKey() const { return m_shownKey; }
    KeyTreeModel *keyModel() const { return m_model; }
    ValueInspector *inspector() const { return m_inspector; }
    QString selectedKey() const;
    QLineEdit *searchField() const { return m_search; }
    QComboBox *namespaceBox() const { return m_namespaces; }
    ElidedLabel *sourceLabel() const { return m_sourceLabel; }
    SavedFileNotice *savedFileNotice() const { return m_savedNotice; }
    // Writes the selected value to `path`; "" or why it could not.
    QString exportValueTo(const QString &path);

private:
    BrowserWindow(QString storePath, std::shared_ptr<const KvStore> store, QWidget *parent);
    void buildUi();
    void showKey(const QModelIndex &index);
    // Lists the children an "earlier entries" row stands for (a page of them) in its place.
    void listEarlierEntries(const QModelIndex &marker);
    // Does so for the first such row in view, once the view has scrolled up to it.
    void listEarlierEntriesInView();
    void copyKey();
    void copyValue();
    void exportValue();
    void chooseSource();
    void updateStatus();

    QString m_storePath;
    std::shared_ptr<const KvStore> m_store;
    KeyLayout m_layout = KeyLayout::Seed;
    std::shared_ptr<const std::string> m_value; // of the key shown
    QString m_shownKey;
    KeyTreeModel *m_model = nullptr;
    SourceLookup *m_lookup = nullptr;
    QTreeView *m_keys = nullptr;
    FilesView *m_files = nullptr;
    FindInValuesPanel *m_findPanel = nullptr;
    QDockWidget *m_findDock = nullptr;
    QTabWidget *m_views = nullptr;
    QLineEdit *m_search = nullptr;
    QComboBox *m_namespaces = nullptr;
    ValueInspector *m_inspector = nullptr;
    ElidedLabel *m_sourceLabel = nullptr;
    SavedFileNotice *m_savedNotice = nullptr;
    bool m_listingEarlier = false; // the scroll that listing earlier entries makes is not a user's
};

} // namespace magellan
