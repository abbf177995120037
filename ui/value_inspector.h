#pragma once

#include "browse/source_comparison.h"
#include "browse/source_text.h"
#include "browse/stored_value.h"
#include "format/key_codec.h"

#include <QFutureWatcher>
#include <QWidget>

#include <memory>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QSplitter;
class QTabWidget;
class QTableView;
class QTextBrowser;
class QTreeView;

namespace magellan {

class AstExplorer;
class BackgroundPlainText;
class AstTreeModel;
class CodeView;
class KvStore;
class SourceTextLoader;
struct LoadedSourceText;
class JsonTreeModel;
class RecordComparisonView;
class RecordTableModel;

// Shows one stored value by its kind: JSON text and tree for any value (hex when it is not
// JSON), a chunk's source text, an AST as a tree, CFG blocks as a table, a reject's reason and
// row, the migration record; and, when the source is known, each record beside its source row.
class ValueInspector : public QWidget {
    Q_OBJECT
public:
    static constexpr int previewBytes = 512 * 1024; // text shown before "Show all"
    // A JSON tree opens its top value when it has at most this many members: listing more would
    // stall the window.
    static constexpr size_t openedMembers = 10000;

    explicit ValueInspector(QWidget *parent = nullptr);
    ~ValueInspector() override;

    // The store the values come from (its chunks are the text of last resort) and its path (the
    // folder picked for its source files is remembered by it).
    void setStore(std::shared_ptr<const KvStore> store, KeyLayout layout, const QString &storePath);
    // The source database, for the files' paths, hashes and index root; "" for none.
    void setSourcePath(const QString &path);
    // Looks for the source files under `folder` too (and remembers it for this store).
    void setSourceFolder(const QString &folder);

    // Decodes `value` in the background and shows it; a newer call supersedes an older one.
    void showValue(const std::string &key, std::shared_ptr<const std::string> value);
    void clear();
    // The source side for the value shown, when the key still matches.
    void showComparison(const QString &key, const SourceComparison &comparison,
                        const QString &filePath);
    void showComparisonError(const QString &key, const QString &message);
    void showNoSource();

    const std::optional<DecodedValue> &decoded() const { return m_decoded; }
    QTabWidget *tabs() const { return m_tabs; }
    const AstTreeModel *astModel() const;
    AstExplorer *astExplorer() const { return m_astExplorer; }
    CodeView *chunkCode() const { return m_code; }
    CodeView *cfgCode() const { return m_cfgCode; }
    QTableView *cfgBlocks() const { return m_records; }
    QString cfgHeaderText() const;
    QString cfgBannerText() const;
    // The text of the file behind the value shown arrived (or was found to be missing).
    bool sourceTextShown() const { return m_sourceTextShown; }
    const RecordTableModel *recordModel() const { return m_recordModel; }
    RecordComparisonView *comparisonView() const { return m_recordComparison; }
    QString compareHeaderText() const;
    QString valueText() const;
    // The text of the summary page: a reject, the migration record, or a problem with the value.
    QString summaryText() const;
    QString astHeaderText() const;
    QString headerText() const;
    QString chunkFieldsText() const;
    QString showAllText() const;
    QTreeView *jsonTree() const { return m_jsonTree; }
    // The JSON tab's text view: filled when the tab is first shown, laid out off the GUI thread.
    QPlainTextEdit *jsonTextView() const { return m_text; }
    QWidget *jsonTextPage() const { return m_textPage; }

public Q_SLOTS:
    // Brings the Compare tab to the front, now or, while a value is decoding, when it is shown.
    void showCompareTab();
    // Opens the Compare tab at `field` of the record labelled `recordLabel` (e.g. "id 42"), now
    // or when the comparison for the value shown arrives.
    void showField(const QString &recordLabel, const QString &field);

Q_SIGNALS:
    void valueShown(const QString &key);
    void sourceTextLoaded(const QString &key);

private:
    void showSourceText(const LoadedSourceText &loaded);
    void astTextShown();
    void fillShownTab();
    void chooseSourceFolder();
    void highlightCfgBlock(int row);
    void present(DecodedValue decoded);
    QString summaryHtml(const DecodedValue &decoded) const;
    void addTab(QWidget *page, const QString &title);

    QFutureWatcher<std::shared_ptr<DecodedValue>> m_watcher;
    std::string m_watcherKey; // the key the running decode is for
    quint64 m_generation = 0;
    std::optional<DecodedValue> m_decoded;
    std::shared_ptr<const std::string> m_rawBytes; // of the value being decoded, to describe it

    QLabel *m_header;
    QTabWidget *m_tabs;
    QWidget *m_textPage;
    QPlainTextEdit *m_text;
    BackgroundPlainText *m_textFill;
    bool m_textFilled = false; // the JSON tab holds the value shown
    QPushButton *m_showAll;
    QTreeView *m_jsonTree;
    JsonTreeModel *m_jsonModel;
    bool m_jsonTreeFilled = false; // the JSON tree holds the value shown
    QWidget *m_chunkPage;
    QLabel *m_chunkFields;
    CodeView *m_code;
    AstExplorer *m_astExplorer;
    QTableView *m_records;
    QWidget *m_cfgPage;
    QSplitter *m_cfgSplitter;
    QLabel *m_cfgHeader;
    QLabel *m_cfgBanner;
    CodeView *m_cfgCode;
    SourceTextLoader *m_textLoader;
    QString m_storePath;
    std::shared_ptr<const SourceText> m_cfgText;
    bool m_sourceTextShown = false;
    RecordTableModel *m_recordModel;
    QTextBrowser *m_summary;
    QWidget *m_comparePage;
    QLabel *m_compareHeader;
    RecordComparisonView *m_recordComparison;
    bool m_compareTabWanted = false; // bring it to the front when the value is shown
    bool m_comparisonShown = false;  // the comparison for the value shown has arrived
    std::optional<std::pair<QString, QString>> m_wantedField; // record and field to open there
};

} // namespace magellan
