#include "migration_panel.h"

#include "migrate/path_safety.h"

#include "comparison_model.h"
#include "elided_label.h"
#include "format/key_codec.h"
#include "migration_controller.h"
#include "outcome_text.h"
#include "start_folder.h"
#include "status_colours.h"
#include "store/staged_destination.h"
#include "table_progress_grid.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QStyle>
#include <QTableView>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace magellan {

MigrationPanel::MigrationPanel(QWidget *parent)
    : QWidget(parent), m_controller(new MigrationController(this)) {
    buildLayout();
    connect(m_controller, &MigrationController::inspected, this, &MigrationPanel::showInspection);
    connect(m_controller, &MigrationController::inspectionFailed, this,
            &MigrationPanel::showInspectionError);
    connect(m_controller, &MigrationController::progressed, this, &MigrationPanel::showProgress);
    connect(m_controller, &MigrationController::waitingToPublish, this, [this] {
        m_status->setFullText(tr("The new store is complete. Nothing is written to %1 until you "
                                 "answer.")
                                  .arg(destinationPath()));
        Q_EMIT waitingToPublish();
    });
    connect(m_controller, &MigrationController::migrationFinished, this,
            &MigrationPanel::showOutcome);
    connect(&m_destinationWatcher, &QFutureWatcher<ExistingDestination>::finished, this, [this] {
        const ExistingDestination existing = m_destinationWatcher.result();
        if (existing.path == destinationPath()) // not superseded by a later edit
            showExistingDestination(existing);
    });
    setState(State::Empty);
}

MigrationPanel::~MigrationPanel() {
    m_destinationWatcher.waitForFinished();
}

void MigrationPanel::buildLayout() {
    m_summary = new QLabel(this);
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setWordWrap(true);

    m_grid = new TableProgressGrid(this);

    m_layout = new QComboBox(this);
    // Described in words; the key shapes are the hint, for those who know them.
    m_layout->addItem(tr("Short keys, as the seed tool writes them"),
                      static_cast<int>(KeyLayout::Seed));
    m_layout->setItemData(0, tr("Keys like ast:{file_id} and cfg:{function_id}"), Qt::ToolTipRole);
    m_layout->addItem(tr("Keys that name their kind, as magellan reads them"),
                      static_cast<int>(KeyLayout::Magellan));
    m_layout->setItemData(1, tr("Keys like ast:file:{file_id} and cfg:func:{function_id}"),
                          Qt::ToolTipRole);
    m_layout->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    const auto showLayoutShapes = [this] {
        m_layout->setToolTip(m_layout->currentData(Qt::ToolTipRole).toString());
    };
    connect(m_layout, &QComboBox::currentIndexChanged, this, showLayoutShapes);
    showLayoutShapes();
    m_verify = new QCheckBox(tr("&Read the store back and compare it with the source before "
                                "publishing it"),
                             this);
    m_verify->setChecked(true);
    m_destination = new QLineEdit(this);
    m_destination->setPlaceholderText(tr("folder for the new RocksDB store"));
    m_destination->setAccessibleName(tr("Destination"));
    m_destination->setAccessibleDescription(
        tr("Folder for the new RocksDB store; a relative path is taken beside the database"));
    connect(m_destination, &QLineEdit::textChanged, this, &MigrationPanel::lookAtDestination);
    m_browse = new QPushButton(tr("Bro&wse…"), this);
    m_browse->setAccessibleName(tr("Choose the destination folder"));
    connect(m_browse, &QPushButton::clicked, this, &MigrationPanel::chooseDestination);
    m_destinationNote = new QLabel(this);
    m_destinationNote->setWordWrap(true);
    m_destinationNote->setTextFormat(Qt::RichText);
    m_destinationNote->hide();
    auto *destinationRow = new QHBoxLayout;
    destinationRow->addWidget(m_destination, 1);
    destinationRow->addWidget(m_browse);
    auto *layoutLabel = new QLabel(tr("&Key layout:"), this);
    layoutLabel->setBuddy(m_layout);
    auto *destinationLabel = new QLabel(tr("&Destination:"), this);
    destinationLabel->setBuddy(m_destination);
    auto *options = new QFormLayout;
    options->addRow(layoutLabel, m_layout);
    options->addRow(destinationLabel, destinationRow);
    options->addRow(QString(), m_verify);

    m_overall = new QProgressBar(this);
    m_overall->setRange(0, 1000);
    m_overall->setFormat(QString());
    m_status = new ElidedLabel(this); // one line: a long path is shortened, never wrapped and cut
    m_migrate = new QPushButton(tr("&Migrate"), this);
    m_migrate->setDefault(true);
    m_migrate->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    m_migrate->setToolTip(tr("Migrate (Ctrl+Enter)"));
    m_cancel = new QPushButton(tr("&Cancel"), this);
    connect(m_migrate, &QPushButton::clicked, this, &MigrationPanel::startMigration);
    connect(m_cancel, &QPushButton::clicked, this, &MigrationPanel::requestCancel);
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_status, 1);
    actions->addWidget(m_migrate);
    actions->addWidget(m_cancel);

    m_comparison = new ComparisonModel(this);
    m_reportRows = new ReportRowsModel(this);
    m_verdict = new QLabel(this);
    m_verdict->setWordWrap(true);
    m_verdict->setTextFormat(Qt::RichText);
    m_comparisonView = new QTableView(this);
    m_comparisonView->setModel(m_comparison);
    m_comparisonView->verticalHeader()->hide();
    m_comparisonView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_comparisonView->horizontalHeader()->setStretchLastSection(true);
    m_comparisonView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_reportRowsTitle = new QLabel(this);
    m_reportRowsTitle->setWordWrap(true);
    m_reportRowsView = new QTableView(this);
    m_reportRowsView->setModel(m_reportRows);
    m_reportRowsView->verticalHeader()->hide();
    m_reportRowsView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_reportRowsView->horizontalHeader()->setStretchLastSection(true);
    m_reportRowsView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_reportRowsView->setWordWrap(false);
    connect(m_reportRowsView, &QTableView::activated, this, &MigrationPanel::openReportRow);
    m_comparisonView->setAccessibleName(tr("Count comparison"));
    m_reportRowsView->setAccessibleName(tr("Differences, rejected rows and repaired values"));
    auto *exportJson = new QPushButton(tr("Export report as &JSON…"), this);
    auto *exportCsv = new QPushButton(tr("Export report as C&SV…"), this);
    connect(exportJson, &QPushButton::clicked, this, [this] { exportReport(false); });
    connect(exportCsv, &QPushButton::clicked, this, [this] { exportReport(true); });
    m_browseStore = new QPushButton(tr("Open in KV &browser"), this);
    connect(m_browseStore, &QPushButton::clicked, this, [this] {
        if (m_outcome)
            Q_EMIT browseRequested(m_outcome->report.destination, m_databasePath);
    });
    auto *exports = new QHBoxLayout;
    exports->addWidget(m_browseStore);
    exports->addStretch(1);
    exports->addWidget(exportJson);
    exports->addWidget(exportCsv);
    m_results = new QGroupBox(tr("Count comparison (read back from the store)"), this);
    auto *results = new QVBoxLayout(m_results);
    results->addWidget(m_verdict);
    results->addWidget(m_comparisonView);
    results->addWidget(m_reportRowsTitle);
    results->addWidget(m_reportRowsView, 1);
    results->addLayout(exports);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_grid, 1);
    layout->addLayout(options);
    layout->addWidget(m_destinationNote); // outside the form, which keeps wrapped rows too tall
    layout->addWidget(m_overall);
    layout->addLayout(actions);
    layout->addWidget(m_results);
    layout->addStretch(1);

    // Tab goes through the controls in the order they are seen, top to bottom, left to right.
    const QList<QWidget *> order = {
        m_grid,   m_layout,         m_destination,    m_browse,      m_verify,   m_migrate,
        m_cancel, m_comparisonView, m_reportRowsView, m_browseStore, exportJson, exportCsv};
    for (qsizetype i = 1; i < order.size(); ++i)
        setTabOrder(order[i - 1], order[i]);
}

void MigrationPanel::setState(State state) {
    m_state = state;
    const bool ready = state == State::Ready || state == State::Finished;
    const bool migrating = state == State::Migrating;
    m_grid->setVisible(state != State::Empty);
    m_grid->setChecksEnabled(ready);
    m_layout->setEnabled(ready);
    m_verify->setEnabled(ready);
    m_destination->setEnabled(ready);
    m_browse->setEnabled(ready);
    m_migrate->setEnabled(ready);
    m_cancel->setEnabled(migrating);
    m_overall->setVisible(migrating || state == State::Finished);
    m_results->setVisible(
        state == State::Finished && m_outcome &&
        (m_outcome->status.isOk() || m_outcome->status.code() == Status::Code::VerificationFailed));
    if (state == State::Empty) {
        m_summary->setText(tr("<h3>No database open</h3><p>Open a magellan index (<b>File › "
                              "Open</b>, Ctrl+O) or drop a <tt>.db</tt> file on this window. "
                              "Its side tables are moved into a RocksDB store, and the store is "
                              "read back and compared with the source.</p>"));
        m_status->setFullText(QString());
    }
    Q_EMIT stateChanged(state);
}

void MigrationPanel::openDatabase(const QString &path) {
    if (m_state == State::Migrating)
        return;
    m_databasePath = QFileInfo(path).absoluteFilePath();
    m_info.reset();
    m_outcome.reset();
    m_comparison->clear();
    m_reportRows->clear();
    m_grid->clearSource();
    m_summary->setText(QStringLiteral("<h3>%1</h3><p>%2</p>")
                           .arg(QFileInfo(path).fileName().toHtmlEscaped(), tr("Reading…")));
    m_status->setFullText(QString());
    setState(State::Inspecting);
    m_grid->setVisible(false);
    m_controller->inspect(m_databasePath);
}

void MigrationPanel::showInspection(const SourceInfo &info) {
    m_info = info;
    const QLocale locale;
    m_summary->setText(
        tr("<h3>%1</h3><p>%2 &middot; %3 &middot; modified %4 &middot; schema version %5 "
           "&middot; journal mode %6</p>")
            .arg(QFileInfo(info.path).fileName().toHtmlEscaped())
            .arg(info.path.toHtmlEscaped())
            .arg(locale.formattedDataSize(info.sizeBytes))
            .arg(locale.toString(info.modified.toLocalTime(), QLocale::ShortFormat))
            .arg(info.schemaVersion < 0 ? tr("unknown") : QString::number(info.schemaVersion))
            .arg(info.journalMode));
    m_grid->showSource(info);
    m_destination->setText(defaultStorePath(info.path));
    m_status->setFullText(tr("Ready. Check the tables to migrate, then press Migrate."));
    setState(State::Ready);
    Q_EMIT databaseOpened(info.path);
}

void MigrationPanel::showInspectionError(const QString &path, const Status &status) {
    m_databasePath.clear();
    setState(State::Empty);
    showMessage(QMessageBox::Critical, tr("Cannot open %1").arg(QFileInfo(path).fileName()),
                status.message());
}

QString MigrationPanel::destinationPath() const {
    const QString typed = m_destination->text().trimmed();
    if (typed.isEmpty() || QDir::isAbsolutePath(typed) || m_databasePath.isEmpty())
        return typed;
    return QDir::cleanPath(QFileInfo(m_databasePath).absoluteDir().absoluteFilePath(typed));
}

void MigrationPanel::lookAtDestination() {
    m_existing = {};
    m_destinationNote->hide();
    const QString path = destinationPath();
    if (path.isEmpty() || !QFileInfo::exists(path))
        return;
    m_destinationWatcher.setFuture(QtConcurrent::run(inspectDestination, path));
}

void MigrationPanel::showExistingDestination(const ExistingDestination &existing) {
    m_existing = existing;
    const QColor warning = statusColours(palette()).warning;
    QString note;
    switch (existing.kind) {
    case ExistingDestination::Kind::Nothing:
        break;
    case ExistingDestination::Kind::Store:
        note = existing.finishedAt.isValid()
                   ? tr("A store is already here, written %1. Migrating replaces it once the "
                        "new one is complete.")
                         .arg(QLocale().toString(existing.finishedAt.toLocalTime(),
                                                 QLocale::ShortFormat))
                   : tr("A store is already here (it has no migration record). Migrating "
                        "replaces it once the new one is complete.");
        break;
    case ExistingDestination::Kind::StoreInUse:
        note = tr("A store is already here and another program has it open.");
        break;
    case ExistingDestination::Kind::NotAStore:
        note = tr("Something that is not a store is already here.");
        break;
    }
    m_destinationNote->setText(note.isEmpty() ? QString()
                                              : coloured(note.toHtmlEscaped(), warning));
    m_destinationNote->setVisible(!note.isEmpty());
}

QString MigrationPanel::destinationNote() const {
    return m_destinationNote->isVisible() ? m_destinationNote->text() : QString();
}

QString MigrationPanel::statusText() const {
    return m_status->fullText();
}

QString MigrationPanel::untouchedDestinationText() const {
    return QFileInfo::exists(destinationPath())
               ? tr("The store at %1 is unchanged.").arg(destinationPath())
               : tr("Nothing was written to %1.").arg(destinationPath());
}

void MigrationPanel::setDestinationPath(const QString &path) {
    m_destination->setText(path);
}

void MigrationPanel::chooseDestination() {
    const QString current = destinationPath();
    const QString chosen = QFileDialog::getSaveFileName(
        this, tr("Store folder"), current.isEmpty() ? startFolder(m_databasePath) : current,
        QString(), nullptr, QFileDialog::DontConfirmOverwrite);
    if (!chosen.isEmpty())
        m_destination->setText(chosen);
}

void MigrationPanel::startMigration() {
    if (m_state != State::Ready && m_state != State::Finished)
        return;
    if (m_grid->checkedTables().empty()) {
        showMessage(QMessageBox::Information, tr("Nothing to migrate"),
                    tr("Check at least one table."));
        return;
    }
    const QString destination = destinationPath();
    if (destination.isEmpty()) {
        showMessage(QMessageBox::Information, tr("No destination"),
                    tr("Choose a folder for the new store."));
        return;
    }
    if (!QFileInfo::exists(destination)) {
        beginMigration(false);
        return;
    }
    auto *ask = new QMessageBox(QMessageBox::Question, tr("Replace the existing store?"),
                                tr("%1 already exists.\n\nReplace it? The old store is kept until "
                                   "the new one is complete and verified.")
                                    .arg(destination),
                                QMessageBox::Yes | QMessageBox::No, this);
    ask->setDefaultButton(QMessageBox::No);
    ask->setAttribute(Qt::WA_DeleteOnClose);
    connect(ask, &QMessageBox::finished, this, [this](int result) {
        if (result == QMessageBox::Yes)
            beginMigration(true);
    });
    ask->open();
}

void MigrationPanel::beginMigration(bool replaceExisting) {
    MigrationOptions options;
    options.layout = static_cast<KeyLayout>(m_layout->currentData().toInt());
    options.tables = m_grid->checkedTables();
    options.replaceExisting = replaceExisting;
    options.verify = m_verify->isChecked();
    m_outcome.reset();
    m_comparison->clear();
    m_reportRows->clear();
    m_grid->startRun(options.verify);
    m_overall->setValue(0);
    m_overall->setFormat(tr("%p%"));
    m_status->setFullText(tr("Migrating into %1 …").arg(destinationPath()));
    setState(State::Migrating);
    m_controller->migrate(m_databasePath, destinationPath(), options);
}

double MigrationPanel::overallProgress() const {
    return m_grid->overallFraction();
}

void MigrationPanel::showProgress(MigrationPhase phase, SourceTable table, qint64 done,
                                  qint64 total) {
    m_grid->updateProgress(phase, table, done, total);
    const double fraction = m_grid->overallFraction();
    m_overall->setValue(static_cast<int>(fraction * 1000));
    m_status->setFullText(
        phase == MigrationPhase::Scanning
            ? tr("Writing %1 into %2 …").arg(tableName(table), destinationPath())
        : phase == MigrationPhase::FindingDifferences
            ? tr("%1 differs from the source: finding the rows that do …").arg(tableName(table))
            : tr("Reading the store back and comparing it with the source …"));
    Q_EMIT progressChanged(fraction);
}

void MigrationPanel::requestCancel() {
    if (m_state != State::Migrating)
        return;
    if (m_cancelQuestion) { // already asked (the Cancel button, then closing the window)
        m_cancelQuestion->raise();
        m_cancelQuestion->activateWindow();
        return;
    }
    m_controller->holdPublishing(); // the answer decides whether the store is published
    const QString question =
        QFileInfo::exists(destinationPath())
            ? tr("Stop now? The store already at %1 stays unchanged.").arg(destinationPath())
            : tr("Stop now? Nothing will be written to %1.").arg(destinationPath());
    auto *ask = new QMessageBox(QMessageBox::Question, tr("Cancel the migration?"), question,
                                QMessageBox::NoButton, this);
    // Icons that say what each button does (not the style's yes/no ticks and crosses).
    QAbstractButton *stopButton = ask->addButton(tr("&Stop migrating"), QMessageBox::YesRole);
    stopButton->setIcon(style()->standardIcon(QStyle::SP_MediaStop));
    QPushButton *keepGoing = ask->addButton(tr("&Keep going"), QMessageBox::NoRole);
    keepGoing->setIcon(style()->standardIcon(QStyle::SP_MediaPlay));
    ask->setDefaultButton(keepGoing);
    ask->setEscapeButton(keepGoing);
    ask->setAttribute(Qt::WA_DeleteOnClose);
    connect(ask, &QMessageBox::finished, this,
            [this, ask, stopButton](int) { answerCancel(ask->clickedButton() == stopButton); });
    m_cancelQuestion = ask;
    ask->open();
}

void MigrationPanel::answerCancel(bool stop) {
    if (stop && m_state == State::Migrating) {
        m_controller->cancel();
        m_cancel->setEnabled(false);
        m_status->setFullText(tr("Stopping …"));
    }
    m_controller->releasePublishing();
    Q_EMIT cancelAnswered(stop);
}

void MigrationPanel::showOutcome(const MigrationOutcome &outcome) {
    if (m_cancelQuestion) // the run ended unpublished while the user was asked
        m_cancelQuestion->done(QMessageBox::No);
    m_outcome = outcome;
    const Status &status = outcome.status;
    const bool haveReport = status.isOk() || status.code() == Status::Code::VerificationFailed;
    m_grid->finishRun(haveReport ? &outcome.report.tables : nullptr);
    if (haveReport) {
        m_comparison->setReport(outcome.report);
        m_reportRows->setReport(outcome.report);
        fitHeightToRows(m_comparisonView);
        showReportRows(outcome);
        m_browseStore->setVisible(
            status.isOk()); // a store that failed verification was not published
    }
    const QString verdict = verdictHtml(outcome, palette(), true);
    m_verdict->setText(verdict);
    m_overall->setValue(status.isOk() ? 1000 : m_overall->value());
    switch (status.code()) {
    case Status::Code::Ok:
        m_status->setFullText(tr("Done: %1").arg(outcome.report.destination));
        break;
    case Status::Code::Cancelled:
        m_status->setFullText(tr("Cancelled.") + QLatin1Char(' ') + untouchedDestinationText());
        m_overall->setValue(0); // a full bar would read as done
        m_overall->setFormat(tr("stopped: nothing written"));
        break;
    default:
        m_status->setFullText(tr("Failed.") + QLatin1Char(' ') + untouchedDestinationText());
        if (status.code() != Status::Code::VerificationFailed)
            showMessage(QMessageBox::Critical, tr("Migration failed"), status.message());
    }
    setState(status.code() == Status::Code::Cancelled || !haveReport ? State::Ready
                                                                     : State::Finished);
    lookAtDestination(); // a published store is now there
}

void MigrationPanel::exportReport(bool csv) {
    if (!m_outcome)
        return;
    const QString suggested = startPath(
        m_databasePath, QFileInfo(m_databasePath).completeBaseName() +
                            (csv ? QStringLiteral("-report.csv") : QStringLiteral("-report.json")));
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export report"), suggested, csv ? tr("CSV (*.csv)") : tr("JSON (*.json)"));
    if (path.isEmpty())
        return;
    if (const QString problem = exportReportTo(path, csv); !problem.isEmpty())
        showMessage(QMessageBox::Critical, tr("Export failed"), problem);
}

// The list under the count table: what differed, what was rejected, what was repaired.
void MigrationPanel::showReportRows(const MigrationOutcome &outcome) {
    const MigrationReport &report = outcome.report;
    const QLocale locale;
    QStringList parts;
    if (report.differences.total() > 0)
        parts << tr("Differences: %1 (%2 listed)")
                     .arg(locale.toString(report.differences.total()),
                          locale.toString(qint64(report.differences.listed().size())));
    parts << (report.rejectedRows() == 0
                  ? tr("No row rejected")
                  : tr("Rejected rows: %1, each kept under reject:{table}:{rowid}")
                        .arg(locale.toString(report.rejectedRows())));
    if (report.repairedValues() > 0)
        parts << tr("Repaired values: %1 (not valid UTF-8, or BLOBs: stored as text with their "
                    "exact bytes beside them in {column}_base64)")
                     .arg(locale.toString(report.repairedValues()));
    if (report.orphans.checked && report.orphans.total() > 0)
        parts << tr("Orphan rows carried: %1 (they name no graph entity, as re-indexing leaves "
                    "them; the report lists them)")
                     .arg(locale.toString(report.orphans.total()));
    m_reportRowsTitle->setText(parts.join(QStringLiteral("; ")) + QLatin1Char('.'));
    const int rows = m_reportRows->rowCount();
    m_reportRowsView->setVisible(rows > 0);
    m_reportRowsView->setToolTip(outcome.status.isOk()
                                     ? tr("Double-click a row, or press Enter, to open its key "
                                          "in the KV browser")
                                     : tr("The store was not published, so these rows cannot "
                                          "be opened; export the report to keep them"));
    if (rows > 0) { // room for a few rows at least; more scroll
        m_reportRowsView->resizeRowsToContents();
        m_reportRowsView->setMinimumHeight(
            m_reportRowsView->horizontalHeader()->sizeHint().height() +
            2 * m_reportRowsView->frameWidth() + m_reportRowsView->rowHeight(0) * qMin(rows, 4));
    }
}

void MigrationPanel::openReportRow(const QModelIndex &index) {
    if (!m_outcome || !m_outcome->status.isOk() || !index.isValid())
        return; // a store that failed verification was not published: there is nothing to open
    Q_EMIT keyRequested(
        m_outcome->report.destination, m_databasePath,
        QString::fromUtf8(index.siblingAtColumn(0).data(ReportRowsModel::KeyRole).toByteArray()));
}

QString MigrationPanel::exportReportTo(const QString &path, bool csv) {
    if (!m_outcome)
        return tr("There is no report to export yet.");
    if (const Status safe = checkReportPath(path, m_databasePath, m_outcome->report.destination);
        !safe.isOk())
        return safe.message();
    if (const Status saved = saveReport(m_outcome->report, path, csv); !saved.isOk())
        return saved.message();
    Q_EMIT reportExported(path);
    return {};
}

void MigrationPanel::showMessage(int icon, const QString &title, const QString &text) {
    auto *box =
        new QMessageBox(static_cast<QMessageBox::Icon>(icon), title, text, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

} // namespace magellan
