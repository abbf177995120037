#include "outcome_text.h"

#include "status_colours.h"

#include <QLocale>
#include <QObject>

namespace magellan {
namespace {

QString escaped(const QString &text) {
    return text.toHtmlEscaped();
}

} // namespace

QString verdictHtml(const MigrationOutcome &outcome, const QPalette &palette, bool migration) {
    const Status &status = outcome.status;
    const MigrationReport &report = outcome.report;
    const StatusColours colours = statusColours(palette);
    const QLocale locale;
    if (!status.isOk() && status.code() != Status::Code::VerificationFailed)
        return {};
    switch (report.outcome()) {
    case VerificationOutcome::NotVerified:
        return QStringLiteral("<b>%1</b> %2")
            .arg(escaped(QObject::tr("Written, not verified.")),
                 escaped(QObject::tr("The store was published without reading it back.")));
    case VerificationOutcome::Verified:
        return colouredBold(escaped(QObject::tr("✔ Verified: every table matches its source.")),
                            colours.pass) +
               QLatin1Char(' ') +
               escaped(QObject::tr(
                   "Deep check: the checksum of every row, computed from SQLite and from "
                   "the decoded store, is equal."));
    case VerificationOutcome::VerifiedWithRejects: {
        return colouredBold(escaped(QObject::tr("⚠ Verified, with rejected rows: %1.")
                                        .arg(locale.toString(report.rejectedRows()))),
                            colours.warning) +
               QLatin1Char(' ') +
               escaped(QObject::tr(
                   "Every table matches its source, but rows that could not be carried as "
                   "values are kept in the store as reject:{table}:{rowid}, each with the "
                   "reason; they are listed below."));
    }
    case VerificationOutcome::Failed:
        break;
    }
    QString text =
        colouredBold(escaped(report.differences.total() > 0
                                 ? QObject::tr("✘ Verification failed, with differences: %1.")
                                       .arg(locale.toString(report.differences.total()))
                                 : QObject::tr("✘ Verification failed.")),
                     colours.fail);
    QString detail = migration ? QObject::tr("The store was not published.") : QString();
    if (report.differences.total() > qint64(report.differences.listed().size()))
        detail += (detail.isEmpty() ? QString() : QStringLiteral(" ")) +
                  QObject::tr("The first %1 are listed below; the exported report holds them too.")
                      .arg(locale.toString(qint64(report.differences.listed().size())));
    else if (report.differences.total() > 0)
        detail += (detail.isEmpty() ? QString() : QStringLiteral(" ")) +
                  QObject::tr("Each is listed below; export the report to keep the list.");
    else
        detail += (detail.isEmpty() ? QString() : QStringLiteral(" ")) + status.message();
    return text + QLatin1Char(' ') + escaped(detail);
}

} // namespace magellan
