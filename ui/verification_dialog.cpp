#include "verification_dialog.h"

#include "migrate/path_safety.h"
#include "migration_controller.h"
#include "outcome_text.h"
#include "report_rows_model.h"
#include "saved_file_notice.h"
#include "start_folder.h"

#include <QCloseEvent>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace magellan {

VerificationDialog::VerificationDialog(const QString &storePath, const QString &sourcePath,
                                       QWidget *parent)
    : QDialog(parent), m_storePath(storePath), m_sourcePath(sourcePath),
      m_controller(new MigrationController(this)) {
    setWindowTitle(tr("Verify against source"));
    m_title = new QLabel(
        tr("Comparing the store %1 with its source %2, row by row.")
            .arg(QDir::toNativeSeparators(storePath), QDir::toNativeSeparators(sourcePath)),
        this);
    m_title->setWordWrap(true);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 1000);
    m_progress->setAccessibleName(tr("Verification progress"));
    m_verdict = new QLabel(this);
    m_verdict->setWordWrap(true);
    m_verdict->setTextFormat(Qt::RichText);
    m_rows = new ReportRowsModel(this);
    m_rowsView = new QTableView(this);
    m_rowsView->setModel(m_rows);
    m_rowsView->verticalHeader()->hide();
    m_rowsView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_rowsView->horizontalHeader()->setStretchLastSection(true);
    m_rowsView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_rowsView->setWordWrap(false);
    m_rowsView->setAccessibleName(tr("Differences"));
    m_rowsView->setToolTip(tr("Double-click a row, or press Enter, to compare its key with the "
                              "source"));
    m_rowsView->hide();
    connect(m_rowsView, &QTableView::activated, this, [this](const QModelIndex &index) {
        Q_EMIT keyRequested(QString::fromUtf8(
            index.siblingAtColumn(0).data(ReportRowsModel::KeyRole).toByteArray()));
    });

    m_cancel = new QPushButton(tr("&Cancel"), this);
    m_exportJson = new QPushButton(tr("Export report as &JSON…"), this);
    m_exportCsv = new QPushButton(tr("Export report as C&SV…"), this);
    m_exportJson->setEnabled(false);
    m_exportCsv->setEnabled(false);
    // Enter on a listed row opens it; it must not also press a button (Close).
    for (QPushButton *button : {m_cancel, m_exportJson, m_exportCsv})
        button->setAutoDefault(false);
    connect(m_exportJson, &QPushButton::clicked, this, [this] { exportReport(false); });
    connect(m_exportCsv, &QPushButton::clicked, this, [this] { exportReport(true); });
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (isRunning()) {
            m_cancel->setEnabled(false);
            m_progress->setFormat(tr("cancelling…"));
            m_controller->cancel();
        } else {
            close();
        }
    });
    m_saved = new SavedFileNotice(this);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_exportJson);
    buttons->addWidget(m_exportCsv);
    buttons->addStretch(1);
    buttons->addWidget(m_cancel);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_progress);
    layout->addWidget(m_verdict);
    layout->addWidget(m_rowsView, 1);
    layout->addWidget(m_saved);
    layout->addLayout(buttons);
    resize(760, 420);

    connect(m_controller, &MigrationController::progressed, this,
            &VerificationDialog::showProgress);
    connect(m_controller, &MigrationController::verificationFinished, this,
            &VerificationDialog::showOutcome);
}

VerificationDialog::~VerificationDialog() = default;

void VerificationDialog::start() {
    m_outcome.reset();
    m_rows->clear();
    m_rowsView->hide();
    m_verdict->clear();
    m_progress->setValue(0);
    m_progress->setFormat(tr("starting…"));
    m_cancel->setText(tr("&Cancel"));
    m_cancel->setEnabled(true);
    m_controller->verify(m_sourcePath, m_storePath, {});
}

bool VerificationDialog::isRunning() const {
    return m_controller->isMigrating();
}

QString VerificationDialog::verdictText() const {
    return m_verdict->text();
}

void VerificationDialog::showProgress(MigrationPhase phase, SourceTable table, qint64 done,
                                      qint64 total) {
    const QLocale locale;
    // Reading the source counts for the first half of the bar, reading the store the second;
    // finding differences starts the bar again.
    const double fraction = total > 0 ? double(done) / double(total) : 1.0;
    const double shown = phase == MigrationPhase::Verifying  ? 0.5 + fraction / 2
                         : phase == MigrationPhase::Scanning ? fraction / 2
                                                             : fraction;
    m_progress->setValue(static_cast<int>(shown * 1000));
    const QString what = phase == MigrationPhase::Scanning
                             ? tr("reading %1 from the source").arg(tableName(table))
                         : phase == MigrationPhase::Verifying
                             ? tr("reading the store")
                             : tr("%1 differs: finding the rows that do").arg(tableName(table));
    m_progress->setFormat(
        tr("%1: %2 of %3 rows").arg(what, locale.toString(done), locale.toString(total)));
}

void VerificationDialog::showOutcome(const MigrationOutcome &outcome) {
    m_outcome = outcome;
    const Status &status = outcome.status;
    m_cancel->setText(tr("&Close"));
    m_cancel->setEnabled(true);
    const bool haveReport = status.isOk() || status.code() == Status::Code::VerificationFailed;
    m_exportJson->setEnabled(haveReport);
    m_exportCsv->setEnabled(haveReport);
    if (status.code() == Status::Code::Cancelled) {
        m_progress->setValue(0);
        m_progress->setFormat(tr("cancelled"));
        m_verdict->setText(tr("Verification cancelled: nothing was found either way."));
    } else if (!haveReport) {
        m_progress->setFormat(tr("failed"));
        m_verdict->setText(tr("Cannot verify: %1").arg(status.message()).toHtmlEscaped());
    } else {
        m_progress->setValue(1000);
        m_progress->setFormat(tr("done"));
        m_verdict->setText(verdictHtml(outcome, palette(), false));
        m_rows->setReport(outcome.report);
        m_rowsView->setVisible(m_rows->rowCount() > 0);
        if (m_rows->rowCount() > 0) {
            m_rowsView->setCurrentIndex(m_rows->index(0, 0));
            m_rowsView->setFocus();
        }
    }
    Q_EMIT finished(outcome);
}

QString VerificationDialog::exportReportTo(const QString &path, bool csv) {
    if (!m_outcome)
        return tr("There is no report to export yet.");
    if (const Status safe = checkReportPath(path, m_sourcePath, m_storePath); !safe.isOk())
        return safe.message();
    if (const Status saved = saveReport(m_outcome->report, path, csv); !saved.isOk())
        return saved.message();
    m_saved->showSaved(path);
    return {};
}

void VerificationDialog::exportReport(bool csv) {
    const QString suggested =
        QDir(startFolder(QString()))
            .filePath(QFileInfo(m_storePath).completeBaseName() +
                      (csv ? QStringLiteral("-verify.csv") : QStringLiteral("-verify.json")));
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export report"), suggested, csv ? tr("CSV (*.csv)") : tr("JSON (*.json)"));
    if (path.isEmpty())
        return;
    if (const QString problem = exportReportTo(path, csv); !problem.isEmpty())
        m_verdict->setText(m_verdict->text() + QStringLiteral("<br>") +
                           tr("The report was not written: %1").arg(problem).toHtmlEscaped());
}

void VerificationDialog::closeEvent(QCloseEvent *event) {
    if (isRunning())
        m_controller->cancel(); // the controller's destructor waits for the worker
    QDialog::closeEvent(event);
}

} // namespace magellan
