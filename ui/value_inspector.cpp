#include "value_inspector.h"

#include "ast_explorer.h"
#include "ast_tree_model.h"
#include "background_plain_text.h"
#include "code_view.h"
#include "json_tree_model.h"
#include "record_comparison_view.h"
#include "source_banner.h"
#include "source_text_loader.h"
#include "status_colours.h"

#include <QCryptographicHash>
#include <QFileDialog>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStringDecoder>
#include <QTabWidget>
#include <QTableView>
#include <QTextBrowser>
#include <QTextDocument>
#include <QTreeView>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace magellan {
namespace {

QString html(const QString &text) {
    return text.toHtmlEscaped();
}

// A field's text, or a dash when the value does not have it.
QString orDash(const QString &text) {
    return text.isEmpty() ? QStringLiteral("–") : text;
}

// A count from the record with the locale's digit grouping; other text as it is.
QString count(const QString &text) {
    bool isNumber = false;
    const qlonglong value = text.toLongLong(&isNumber);
    return isNumber ? QLocale().toString(value) : orDash(text);
}

QString migrationRecordHtml(const MigrationRecordSummary &record) {
    QString text = QObject::tr("<h3>Migration record</h3><table cellspacing=4>");
    const auto row = [&](const QString &name, const QString &value) {
        text +=
            QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>").arg(name, html(orDash(value)));
    };
    row(QObject::tr("Format version"), record.formatVersion);
    row(QObject::tr("Tool version"), record.toolVersion);
    row(QObject::tr("Key layout"), record.keyLayout);
    row(QObject::tr("Source"), record.sourcePath);
    row(QObject::tr("Source size"), record.sourceSize.isEmpty()
                                        ? QString()
                                        : QObject::tr("%1 bytes").arg(count(record.sourceSize)));
    row(QObject::tr("Source modified"), record.sourceModified);
    row(QObject::tr("Schema version"), record.schemaVersion);
    row(QObject::tr("Started"), record.startedAt);
    row(QObject::tr("Finished"), record.finishedAt);
    text += QStringLiteral("</table><h4>%1</h4><table border=1 cellspacing=0 cellpadding=4><tr>")
                .arg(QObject::tr("Tables"));
    for (const char *header :
         {QT_TRANSLATE_NOOP("QObject", "table"), QT_TRANSLATE_NOOP("QObject", "source rows"),
          QT_TRANSLATE_NOOP("QObject", "keys"), QT_TRANSLATE_NOOP("QObject", "records"),
          QT_TRANSLATE_NOOP("QObject", "rejected"), QT_TRANSLATE_NOOP("QObject", "repaired"),
          QT_TRANSLATE_NOOP("QObject", "checksums")})
        text += QStringLiteral("<th>%1</th>").arg(QObject::tr(header));
    text += QStringLiteral("</tr>");
    for (const MigrationRecordSummary::Table &table : record.tables)
        text +=
            QStringLiteral(
                "<tr><td>%1</td><td align=right>%2</td><td align=right>%3</td><td "
                "align=right>%4</td><td align=right>%5</td><td align=right>%6</td><td>%7</td></tr>")
                .arg(html(table.name), count(table.sourceRows), count(table.keysWritten),
                     count(table.recordsCarried), count(table.rejectedRows),
                     count(table.repairedValues),
                     !table.checksumsEqual   ? QObject::tr("not verified")
                     : *table.checksumsEqual ? QObject::tr("✔ equal")
                                             : QObject::tr("✘ differ"));
    return text + QStringLiteral("</table>");
}

QString rejectHtml(const RejectValue &reject) {
    return QObject::tr("<h3>Rejected row</h3><p><b>Reason:</b> %1<br><b>Column:</b> %2</p>")
        .arg(html(orDash(reject.reason)), html(orDash(reject.column)));
}

// What a value that is not JSON looks like: text, text with control characters, or bytes that
// are not UTF-8 at all.
QString bytesDescription(std::string_view bytes) {
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = utf8.decode(QByteArrayView(bytes.data(), qsizetype(bytes.size())));
    if (utf8.hasError())
        return QObject::tr("not UTF-8");
    const bool control = std::any_of(text.begin(), text.end(), [](QChar c) {
        return c.category() == QChar::Other_Control && c != QLatin1Char('\n') &&
               c != QLatin1Char('\t') && c != QLatin1Char('\r');
    });
    return control ? QObject::tr("binary-looking: UTF-8 with control characters")
                   : QObject::tr("text, not JSON");
}

// Held by pointer so that the GUI thread takes it over without copying a large AST.
std::shared_ptr<DecodedValue> decode(const std::string &key,
                                     std::shared_ptr<const std::string> value) {
    // never throws: it runs on a pool thread
    return std::make_shared<DecodedValue>(decodeStoredValue(key, *value));
}

QTableView *newTableView(QWidget *parent, QAbstractItemModel *model) {
    auto *view = new QTableView(parent);
    view->setModel(model);
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    return view;
}

} // namespace

ValueInspector::ValueInspector(QWidget *parent) : QWidget(parent) {
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_header = new QLabel(this);
    m_header->setTextFormat(Qt::RichText);
    m_header->setWordWrap(true);
    m_header->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_tabs = new QTabWidget(this);
    // A large value's text and tree cost seconds to set up: only when their tab is shown.
    connect(m_tabs, &QTabWidget::currentChanged, this, &ValueInspector::fillShownTab);

    m_textPage = new QWidget(this);
    m_text = new QPlainTextEdit(m_textPage);
    m_text->setReadOnly(true);
    m_text->setFont(fixed);
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_textFill = new BackgroundPlainText(m_text);
    m_showAll = new QPushButton(m_textPage);
    connect(m_showAll, &QPushButton::clicked, this, [this] {
        if (m_decoded)
            m_textFill->setText(QString::fromStdString(*m_decoded->pretty));
        m_showAll->hide();
    });
    auto *textLayout = new QVBoxLayout(m_textPage);
    textLayout->setContentsMargins(0, 0, 0, 0);
    textLayout->addWidget(m_text);
    textLayout->addWidget(m_showAll);

    m_jsonModel = new JsonTreeModel(this);
    m_jsonTree = new QTreeView(this);
    m_jsonTree->setModel(m_jsonModel);
    m_jsonTree->setUniformRowHeights(true);
    m_jsonTree->setAccessibleName(tr("JSON tree"));
    m_text->setAccessibleName(tr("Value text"));

    m_chunkPage = new QWidget(this);
    m_chunkFields = new QLabel(m_chunkPage);
    m_chunkFields->setTextFormat(Qt::RichText);
    m_chunkFields->setWordWrap(true); // a long path must not widen the window
    m_chunkFields->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_code = new CodeView(m_chunkPage);
    auto *chunkLayout = new QVBoxLayout(m_chunkPage);
    chunkLayout->setContentsMargins(0, 0, 0, 0);
    chunkLayout->addWidget(m_chunkFields);
    chunkLayout->addWidget(m_code, 1);

    m_astExplorer = new AstExplorer(this);
    connect(m_astExplorer, &AstExplorer::chooseFolderRequested, this,
            &ValueInspector::chooseSourceFolder);
    connect(m_astExplorer, &AstExplorer::sourceTextShown, this, &ValueInspector::astTextShown);

    m_recordModel = new RecordTableModel(this);
    m_records = newTableView(this, m_recordModel);
    m_records->setAccessibleName(tr("Records"));
    m_records->setSelectionBehavior(QAbstractItemView::SelectRows);
    connect(m_records->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { highlightCfgBlock(current.row()); });
    m_cfgPage = new QWidget(this);
    m_cfgHeader = new QLabel(m_cfgPage);
    m_cfgHeader->setWordWrap(true);
    m_cfgHeader->setTextFormat(Qt::PlainText);
    m_cfgBanner = new QLabel(m_cfgPage);
    m_cfgBanner->setWordWrap(true);
    m_cfgBanner->setTextFormat(Qt::RichText);
    auto *cfgFolder = new QPushButton(tr("Choose F&older…"), m_cfgPage);
    cfgFolder->setToolTip(tr("Pick the folder that holds the indexed files; remembered for this "
                             "store"));
    connect(cfgFolder, &QPushButton::clicked, this, &ValueInspector::chooseSourceFolder);
    m_cfgCode = new CodeView(m_cfgPage);
    m_cfgCode->setAccessibleName(tr("Function source"));
    m_cfgSplitter = new QSplitter(Qt::Horizontal, m_cfgPage);
    m_cfgSplitter->addWidget(m_records);
    m_cfgSplitter->addWidget(m_cfgCode);
    m_cfgSplitter->setChildrenCollapsible(false);
    auto *cfgBannerRow = new QHBoxLayout;
    cfgBannerRow->addWidget(m_cfgBanner, 1);
    cfgBannerRow->addWidget(cfgFolder, 0, Qt::AlignTop);
    auto *cfgLayout = new QVBoxLayout(m_cfgPage);
    cfgLayout->setContentsMargins(0, 0, 0, 0);
    cfgLayout->addWidget(m_cfgHeader);
    cfgLayout->addLayout(cfgBannerRow);
    cfgLayout->addWidget(m_cfgSplitter, 1);

    m_textLoader = new SourceTextLoader(this);
    connect(m_textLoader, &SourceTextLoader::loaded, this, &ValueInspector::showSourceText);
    m_summary = new QTextBrowser(this);
    m_summary->setAccessibleName(tr("Summary"));

    m_comparePage = new QWidget(this);
    m_compareHeader = new QLabel(m_comparePage);
    m_compareHeader->setWordWrap(true);
    m_compareHeader->setTextFormat(Qt::RichText);
    m_recordComparison = new RecordComparisonView(m_comparePage);
    auto *compareLayout = new QVBoxLayout(m_comparePage);
    compareLayout->setContentsMargins(0, 0, 0, 0);
    compareLayout->addWidget(m_compareHeader);
    compareLayout->addWidget(m_recordComparison, 1);

    for (QWidget *page :
         std::initializer_list<QWidget *>{m_textPage, m_jsonTree, m_chunkPage, m_astExplorer,
                                          m_cfgPage, m_summary, m_comparePage})
        page->hide(); // shown by the tab widget when added to it
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_header);
    layout->addWidget(m_tabs, 1);
    connect(&m_watcher, &QFutureWatcher<std::shared_ptr<DecodedValue>>::finished, this, [this] {
        const std::shared_ptr<DecodedValue> decoded = m_watcher.result();
        if (decoded && decoded->key == m_watcherKey)
            present(std::move(*decoded)); // moved out, not copied: no one else reads it
    });
    clear();
}

ValueInspector::~ValueInspector() {
    m_watcher.waitForFinished();
}

void ValueInspector::clear() {
    m_decoded.reset();
    m_comparisonShown = false;
    m_tabs->clear();
    m_header->setText(tr("Select a key to see its value."));
}

void ValueInspector::addTab(QWidget *page, const QString &title) {
    m_tabs->addTab(page, title);
}

void ValueInspector::showValue(const std::string &key, std::shared_ptr<const std::string> value) {
    clear();
    m_header->setText(QStringLiteral("<b>%1</b><br>%2")
                          .arg(html(QString::fromStdString(key)),
                               html(tr("decoding %1 …")
                                        .arg(QLocale::system().formattedDataSize(
                                            static_cast<qint64>(value->size()))))));
    m_rawBytes = value;
    m_watcherKey = key;
    m_compareTabWanted = false;
    m_wantedField.reset();
    m_watcher.setFuture(QtConcurrent::run(decode, key, std::move(value)));
}

QString ValueInspector::summaryHtml(const DecodedValue &decoded) const {
    QString text = decoded.reject      ? rejectHtml(*decoded.reject)
                   : decoded.migration ? migrationRecordHtml(*decoded.migration)
                                       : QString();
    for (const Status &problem : decoded.problems)
        text +=
            decoded.isJson
                ? tr("<p><b>Cannot show it as its kind:</b> %1</p>").arg(html(problem.message()))
                : tr("<p><b>Cannot read it as JSON:</b> %1. It is shown as bytes.</p>")
                      .arg(html(problem.message()));
    return text;
}

QString ValueInspector::summaryText() const {
    return m_summary->toPlainText();
}

void ValueInspector::present(DecodedValue value) {
    m_decoded = std::move(value); // moved, not copied: a large AST is costly to copy
    const DecodedValue &decoded = *m_decoded;
    m_sourceTextShown = false;
    m_textFilled = false;
    m_jsonTreeFilled = false;
    m_tabs->clear();
    const QString key = QString::fromStdString(decoded.key);
    const QString stored =
        tr("%1 stored").arg(QLocale::system().formattedDataSize(static_cast<qint64>(decoded.size)));
    const QString what = decoded.isJson ? tr("JSON")
                         : m_rawBytes   ? bytesDescription(*m_rawBytes)
                                        : tr("not JSON");
    m_rawBytes.reset();
    m_header->setText(QStringLiteral("<b>%1</b><br>%2")
                          .arg(html(key), html(stored + QStringLiteral(", ") + what)));
    switch (decoded.kind) {
    case KeyKind::Chunk:
        if (decoded.chunk) {
            const ChunkValue &chunk = *decoded.chunk;
            const StatusColours colours = statusColours(palette());
            const QString hash =
                !chunk.hashMatches
                    ? html(tr("content_hash %1 (not a known hash length; not checked)")
                               .arg(chunk.contentHash))
                : *chunk.hashMatches
                    ? coloured(
                          html(tr("✔ content_hash matches the text (%1)").arg(chunk.hashAlgorithm)),
                          colours.pass)
                    : coloured(html(tr("✘ content_hash does not match the text (%1)")
                                        .arg(chunk.hashAlgorithm)),
                               colours.fail);
            const QString symbol =
                chunk.symbolName.isEmpty() ? tr("no symbol")
                : chunk.symbolKind.isEmpty()
                    ? tr("symbol %1").arg(chunk.symbolName)
                    : tr("symbol %1 (%2)").arg(chunk.symbolName, chunk.symbolKind);
            m_chunkFields->setText(
                QStringLiteral("<b>%1</b> %2 &middot; %3<br>%4%5")
                    .arg(html(chunk.filePath),
                         html(tr("bytes %1–%2")
                                  .arg(QLocale().toString(chunk.byteStart),
                                       QLocale().toString(chunk.byteEnd))),
                         html(symbol), hash,
                         chunk.contentRepaired
                             ? QStringLiteral("<br>") +
                                   html(tr("The text had bytes that are not UTF-8; they show as "
                                           "�, the exact bytes are in content_base64."))
                             : QString()));
            m_code->setPlainText(chunk.content);
            m_code->setLineNumbers({});
            addTab(m_chunkPage, tr("&Source text"));
            m_textLoader->load(decoded.key);
        }
        break;
    case KeyKind::AstGroup:
        if (decoded.ast) {
            const QString header =
                tr("nodes: %1, roots: %2")
                    .arg(QLocale().toString(qint64(decoded.ast->nodes.size())))
                    .arg(decoded.ast->roots.size()) +
                (decoded.ast->danglingParents
                     ? tr(", %1 with a parent outside this group").arg(decoded.ast->danglingParents)
                     : QString());
            // The tree moves to the explorer: a copy of a 400k-node tree would stall the window.
            m_astExplorer->setTree(std::move(*m_decoded->ast));
            m_decoded->ast.reset();
            m_astExplorer->setHeaderText(header);
            addTab(m_astExplorer, tr("&AST"));
            m_textLoader->load(decoded.key);
        }
        break;
    case KeyKind::CfgGroup:
        if (decoded.records) {
            m_recordModel->setTable(*decoded.records);
            m_records->resizeColumnsToContents();
            m_cfgSplitter->insertWidget(0, m_records);
            m_records->show();
            m_cfgHeader->setText(tr("Looking up the function …"));
            m_cfgBanner->clear();
            m_cfgCode->setPlainText(QString());
            m_cfgCode->setLineNumbers({});
            m_cfgText.reset();
            addTab(m_cfgPage, tr("C&FG blocks"));
            m_textLoader->load(decoded.key);
        }
        break;
    case KeyKind::Record:
        if (decoded.records) {
            m_recordModel->setTable(*decoded.records);
            m_records->resizeColumnsToContents();
            addTab(m_records, tr("R&ecord"));
        }
        break;
    case KeyKind::Reject:
        if (decoded.reject) {
            m_summary->setHtml(summaryHtml(decoded));
            addTab(m_summary, tr("&Rejected row"));
        }
        if (decoded.records) {
            m_recordModel->setTable(*decoded.records);
            m_records->resizeColumnsToContents();
            addTab(m_records, tr("Row as f&ound"));
        }
        break;
    case KeyKind::MigrationRecord:
        if (decoded.migration) {
            m_summary->setHtml(summaryHtml(decoded));
            addTab(m_summary, tr("&Migration record"));
        }
        break;
    case KeyKind::Other:
        break;
    }
    if (!decoded.reject && !decoded.migration && !decoded.problems.empty()) {
        m_summary->setHtml(summaryHtml(decoded));
        addTab(m_summary, tr("&Problem"));
    }
    const std::string &pretty = *decoded.pretty;
    m_textFill->setText(QString());
    m_showAll->setVisible(pretty.size() > static_cast<size_t>(previewBytes));
    m_showAll->setText(
        tr("Show all of the formatted text (%1)")
            .arg(QLocale::system().formattedDataSize(static_cast<qint64>(pretty.size()))));
    addTab(m_textPage, decoded.isJson ? tr("&JSON") : tr("&Bytes"));
    m_jsonModel->setDocument(nullptr);
    if (decoded.document)
        addTab(m_jsonTree, tr("JSON &tree"));
    addTab(m_comparePage, tr("&Compare with source"));
    m_compareHeader->setText(tr("Looking up the source rows …"));
    m_recordComparison->clear();
    m_comparisonShown = false;
    if (m_compareTabWanted)
        m_tabs->setCurrentWidget(m_comparePage);
    Q_EMIT valueShown(key);
}

void ValueInspector::showComparison(const QString &key, const SourceComparison &comparison,
                                    const QString &filePath) {
    if (!m_decoded || QString::fromStdString(m_decoded->key) != key)
        return;
    if (!filePath.isEmpty())
        m_astExplorer->setHeaderText(tr("File: %1 (from graph_entities)").arg(filePath) +
                                     QStringLiteral(" · ") + m_astExplorer->headerText());
    m_comparisonShown = true;
    m_recordComparison->clear();
    if (comparison.records.empty()) {
        m_compareHeader->setText(comparison.note);
        return;
    }
    const StatusColours colours = statusColours(palette());
    m_compareHeader->setText(
        colouredBold(
            html((comparison.allMatch() ? tr("✔ %1 of %2 records match their source rows.")
                                        : tr("✘ %1 of %2 records match their source rows."))
                     .arg(comparison.matching())
                     .arg(comparison.records.size())),
            comparison.allMatch() ? colours.pass : colours.fail) +
        (comparison.note.isEmpty() ? QString() : QStringLiteral(" ") + html(comparison.note)));
    m_recordComparison->setRecords(comparison.records);
    if (m_wantedField)
        m_recordComparison->showField(m_wantedField->first, m_wantedField->second);
    m_wantedField.reset();
}

void ValueInspector::showCompareTab() {
    m_compareTabWanted = true; // kept until the next value, as present() rebuilds the tabs
    if (m_tabs->indexOf(m_comparePage) >= 0)
        m_tabs->setCurrentWidget(m_comparePage);
}

void ValueInspector::showField(const QString &recordLabel, const QString &field) {
    showCompareTab();
    if (m_comparisonShown)
        m_recordComparison->showField(recordLabel, field);
    else
        m_wantedField.emplace(recordLabel, field);
}

QString ValueInspector::compareHeaderText() const {
    return m_compareHeader->text();
}

void ValueInspector::showComparisonError(const QString &key, const QString &message) {
    if (m_decoded && QString::fromStdString(m_decoded->key) == key)
        m_compareHeader->setText(tr("Cannot read the source: %1").arg(html(message)));
}

void ValueInspector::showNoSource() {
    m_compareHeader->setText(tr("No source database is known for this store. Choose one with "
                                "File › Choose Source Database…"));
}

QString ValueInspector::headerText() const {
    return m_header->text();
}

QString ValueInspector::chunkFieldsText() const {
    return m_chunkFields->text();
}

QString ValueInspector::showAllText() const {
    return m_showAll->text();
}

QString ValueInspector::astHeaderText() const {
    return m_astExplorer->headerText();
}

QString ValueInspector::valueText() const {
    return m_decoded ? QString::fromStdString(*m_decoded->pretty) : QString();
}

} // namespace magellan

namespace magellan {
namespace {

// Where the folder picked for a store's source files is remembered: one key per store path.
QString sourceFolderSetting(const QString &storePath) {
    return QStringLiteral("sourceFolders/") +
           QString::fromLatin1(
               QCryptographicHash::hash(storePath.toUtf8(), QCryptographicHash::Sha1).toHex());
}

QString plainText(const QString &html) {
    QTextDocument document;
    document.setHtml(html);
    return document.toPlainText();
}

} // namespace

const AstTreeModel *ValueInspector::astModel() const {
    return m_astExplorer->model();
}

void ValueInspector::setStore(std::shared_ptr<const KvStore> store, KeyLayout layout,
                              const QString &storePath) {
    m_storePath = storePath;
    m_textLoader->setStore(std::move(store), layout);
    m_textLoader->setChosenFolder(QSettings().value(sourceFolderSetting(storePath)).toString());
}

void ValueInspector::setSourcePath(const QString &path) {
    m_textLoader->setSourcePath(path);
}

void ValueInspector::setSourceFolder(const QString &folder) {
    m_textLoader->setChosenFolder(folder);
    if (!m_storePath.isEmpty())
        QSettings().setValue(sourceFolderSetting(m_storePath), folder);
    if (m_decoded && (m_decoded->kind == KeyKind::AstGroup ||
                      m_decoded->kind == KeyKind::CfgGroup || m_decoded->kind == KeyKind::Chunk)) {
        m_sourceTextShown = false;
        m_textLoader->load(m_decoded->key);
    }
}

void ValueInspector::chooseSourceFolder() {
    const QString folder = QFileDialog::getExistingDirectory(
        this, tr("Folder That Holds the Indexed Files"), m_textLoader->chosenFolder());
    if (!folder.isEmpty())
        setSourceFolder(folder);
}

void ValueInspector::showSourceText(const LoadedSourceText &loaded) {
    if (!m_decoded || QString::fromStdString(m_decoded->key) != loaded.key)
        return;
    switch (m_decoded->kind) {
    case KeyKind::AstGroup:
        m_astExplorer->setSourceText(loaded); // shown when laid out: astTextShown()
        return;
    case KeyKind::CfgGroup: {
        QString header = loaded.functionName.isEmpty()
                             ? tr("Function: not known to the source")
                             : tr("Function: %1").arg(loaded.functionName);
        header += QStringLiteral(" · ") + (loaded.filePath.isEmpty()
                                               ? tr("file not known")
                                               : tr("File: %1").arg(loaded.filePath));
        m_cfgHeader->setText(header);
        m_cfgBanner->setText(SourceBanner::html(loaded, palette()));
        m_cfgText = loaded.text;
        m_cfgCode->setPlainText(m_cfgText ? m_cfgText->shownText() : QString());
        m_cfgCode->setLineNumbers(m_cfgText ? m_cfgText->lineNumbers() : std::vector<int>{});
        if (m_cfgText && loaded.functionBytes) {
            const auto range =
                m_cfgText->shownRange(loaded.functionBytes->first, loaded.functionBytes->second);
            if (range.isOk())
                m_cfgCode->highlightRange(range->first, range->second);
        }
        if (m_records->currentIndex().isValid())
            highlightCfgBlock(m_records->currentIndex().row());
        break;
    }
    case KeyKind::Chunk:
        // Lines numbered as in the file, from the line the chunk starts on.
        if (loaded.text && m_decoded->chunk) {
            const Result<TextPosition> start = loaded.text->positionOf(m_decoded->chunk->byteStart);
            if (start.isOk() && start->line > 0)
                m_code->setLineNumbers({}, start->line);
        }
        break;
    default:
        return;
    }
    m_sourceTextShown = true;
    Q_EMIT sourceTextLoaded(loaded.key);
}

void ValueInspector::fillShownTab() {
    if (!m_decoded)
        return;
    QWidget *shown = m_tabs->currentWidget();
    if (shown == m_textPage && !m_textFilled) {
        m_textFilled = true;
        const std::string &pretty = *m_decoded->pretty;
        m_textFill->setText(QString::fromUtf8(
            pretty.data(), qsizetype(std::min(pretty.size(), size_t(previewBytes)))));
    } else if (shown == m_jsonTree && !m_jsonTreeFilled && m_decoded->document) {
        m_jsonTreeFilled = true;
        m_jsonModel->setDocument(m_decoded->document);
        const nlohmann::ordered_json &top = *m_decoded->document;
        if (!top.is_structured() || top.size() <= openedMembers)
            m_jsonTree->expandToDepth(0);
        // Names and values fit their text; the type column takes what is left, not the middle.
        m_jsonTree->header()->setStretchLastSection(true);
        m_jsonTree->resizeColumnToContents(JsonTreeModel::Name);
        m_jsonTree->resizeColumnToContents(JsonTreeModel::Value);
    }
}

void ValueInspector::astTextShown() {
    if (!m_decoded || m_decoded->kind != KeyKind::AstGroup)
        return;
    m_sourceTextShown = true;
    Q_EMIT sourceTextLoaded(QString::fromStdString(m_decoded->key));
}

void ValueInspector::highlightCfgBlock(int row) {
    if (!m_cfgText || !m_decoded || m_decoded->kind != KeyKind::CfgGroup || !m_decoded->records ||
        row < 0 || row >= static_cast<int>(m_decoded->records->rows.size()))
        return;
    const RecordTable &table = *m_decoded->records;
    const QStringList &cells = table.rows[static_cast<size_t>(row)];
    const auto field = [&](const char *name) -> std::optional<qint64> {
        const qsizetype column = table.columns.indexOf(QLatin1String(name));
        bool ok = false;
        const qint64 value =
            column >= 0 && column < cells.size() ? cells[column].toLongLong(&ok) : 0;
        return ok ? std::optional<qint64>(value) : std::nullopt;
    };
    const std::optional<qint64> start = field("byte_start"), end = field("byte_end");
    if (!start || !end)
        return;
    // The block's whole lines, as a person reads a block.
    const auto range = m_cfgText->shownRange(*start, *end);
    if (!range.isOk())
        return;
    const QString &shown = m_cfgText->shownText();
    const qsizetype lineStart = shown.lastIndexOf(QLatin1Char('\n'), range->first - 1) + 1;
    qsizetype lineEnd = shown.indexOf(QLatin1Char('\n'), qMax(range->first, range->second - 1));
    if (lineEnd < 0)
        lineEnd = shown.size();
    m_cfgCode->highlightRange(range->first > 0 ? lineStart : 0, lineEnd);
}

QString ValueInspector::cfgHeaderText() const {
    return m_cfgHeader->text();
}

QString ValueInspector::cfgBannerText() const {
    return plainText(m_cfgBanner->text());
}

} // namespace magellan
